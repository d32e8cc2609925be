"""Staff who asked for immediate messages hear of new work: the PPID officers of the handling
PPID when a request is registered, the Atasan PPID when an objection arrives. Nobody else, and
never with the requester's identity."""

from __future__ import annotations

import pytest

from lapor.notifications.models import Notification, StaffPreference

from .conftest import NAME, NIK
from .steps import as_user, console, file_on_web, requester

pytestmark = pytest.mark.django_db


def immediate(*users):
    for user in users:
        StaffPreference.objects.update_or_create(user=user, defaults={"immediate": True})


def test_the_ppid_hears_of_a_request_and_the_atasan_of_an_objection(ppid, cast, client):
    immediate(ppid.officer_a, ppid.officer_b, ppid.atasan_a, cast.officer_a, cast.agency_admin)
    report = file_on_web(client)
    staff = Notification.objects.filter(recipient_kind="staff", report=report)
    assert set(staff.values_list("user", flat=True)) == {ppid.officer_a.pk}
    console(
        as_user(ppid.officer_a),
        report,
        "jawab",
        decision="not_documented",
        explanation="Dokumen itu belum dibuat oleh dinas terkait.",
    )
    requester(client, report, "object", grounds=["e"], reason="Dokumen itu wajib ada.")
    to_atasan = staff.filter(event__kind="info_objected")
    assert set(to_atasan.values_list("user", flat=True)) == {ppid.atasan_a.pk}
    for row in staff:
        assert NIK not in row.body and NAME not in row.body
        assert f"/konsol/ppid/permohonan/{report.tracking_id}/" in row.body
