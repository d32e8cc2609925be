"""Property-based tests of every operation in the OpenAPI document (schemathesis, through the
WSGI app in this process): valid and invalid requests alike, with a valid key holding every
scope, never get a server error."""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from lapor.reports import case_actions as ca
from lapor.wsgi import application
from tests.cases.conftest import submit

MAX_EXAMPLES = 25


@pytest.fixture
def full_key(make_key, cast, directory) -> str:
    # Something to find: a public report (feed, detail) and a case in the staff queues.
    report = submit()
    ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.national_admin)
    return make_key(
        ["open311", "reports", "staff", "partner"], user=cast.national_admin, rate_limit=10**6
    )


# Loaded at collection (no database needed for the document itself). schemathesis's lazy
# ``from_fixture`` loader does not work with pytest 9.
@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """The WSGI handler closes the database connection at the end of each request, which would
    close the test's transaction (on PostgreSQL); Django's test client does the same as this."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_no_operation_answers_with_a_server_error(case, full_key):
    case.call_and_validate(headers={"X-API-Key": full_key}, checks=[not_a_server_error])


def test_no_sequence_of_calls_answers_with_a_server_error(full_key):
    """Stateful phase (issue 11.6): schemathesis chains operations through the document's
    links (a filed report's tracking ID into the calls that take one) and checks every answer."""
    workflow = schema.as_state_machine()

    class Workflow(workflow):  # type: ignore[misc, valid-type]
        def get_call_kwargs(self, case):  # type: ignore[no-untyped-def]
            return {"headers": {"X-API-Key": full_key}}

        def validate_response(self, response, case, **kwargs):  # type: ignore[no-untyped-def]
            assert response.status_code < 500, (case.method, case.path, response.text[:300])

    Workflow.run(
        settings=settings(
            max_examples=5,
            stateful_step_count=4,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
        )
    )
