"""A reporter who gave no e-mail address gets no e-mail: the worker, which alone reads the
address (through the logged identity access), finds none and cancels the row — so staff can
see the reporter was not reached."""

import pytest
from django.core import mail

from lapor.notifications.models import Notification
from lapor.reports.models import IdentityAccessLog
from tests.notifications.conftest import disposed, run_worker

# The worker commits and checks its connection like a real one: no wrapping test transaction.
pytestmark = pytest.mark.django_db(transaction=True)


def test_no_e_mail_address_means_no_e_mail(cast, directory):
    report = disposed(cast, directory, email_address=None)
    assert not IdentityAccessLog.objects.filter(report=report).exists()  # nothing read yet
    run_worker()
    assert mail.outbox == []
    rows = Notification.objects.filter(report=report, recipient_kind="reporter")
    assert rows.count() == 2
    assert set(rows.values_list("status", flat=True)) == {"cancelled"}
    assert all("did not give" in n.last_error for n in rows)
    reads = IdentityAccessLog.objects.filter(report=report)
    assert set(reads.values_list("purpose", "granted", "actor")) == {
        ("notify reporter", True, None)
    }
