"""The full directory, loaded once per test module that asks for it.

Loading 91,599 regions and ~24,000 agencies takes a few seconds; doing it once and rolling
it back at the end keeps the suite fast and leaves an empty database for every other module
(the shared ``directory`` fixture creates its own small slice with the same codes).
"""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.core.management import call_command
from django.db import transaction


@dataclass(frozen=True)
class LoadedDirectory:
    output: str
    seconds: float


@pytest.fixture(scope="module")
def full_directory(django_db_setup: None, django_db_blocker) -> Iterator[LoadedDirectory]:  # type: ignore[no-untyped-def]
    """Run ``load_directory`` inside an outer transaction that is rolled back afterwards.

    Tests use ``@pytest.mark.django_db`` as usual: their own transaction nests inside this
    one as a savepoint, so what a test changes is undone before the next test.
    """
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            out = io.StringIO()
            started = time.perf_counter()
            call_command("load_directory", stdout=out)
            yield LoadedDirectory(out.getvalue(), time.perf_counter() - started)
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
