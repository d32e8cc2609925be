"""An archived report tells the reporter why, in their language: the admin's reason from the
list, or the system's (no clarification within 10 working days)."""

import pytest
import time_machine
from django.utils import translation

from lapor.notifications.models import Notification
from lapor.reports import case_actions as ca
from lapor.reports.sweep import sweep
from tests.cases.conftest import at
from tests.notifications.conftest import file_report

pytestmark = pytest.mark.django_db


def _archived_message(report):
    return Notification.objects.get(report=report, event__kind="archived")


@pytest.mark.parametrize("language", ["id", "en"])
def test_the_admins_reason_is_given(cast, directory, language):
    report = file_report(language=language)
    ca.report_archive(report=report, reason="duplicate", actor=cast.agency_admin)
    with translation.override(language):
        reason = translation.gettext("Duplicate of a report that is still open")
    assert reason in _archived_message(report).body


def test_the_systems_reason_is_given(cast, directory):
    with time_machine.travel(at(2026, 11, 2), tick=False):
        report = file_report(language="en")
        ca.report_postpone(report=report, message="Di titik mana?", actor=cast.agency_admin)
    sweep(at(2026, 11, 17, 1))
    body = _archived_message(report).body
    assert "archived by the system" in body
    assert "No clarification was received within 10 working days" in body
