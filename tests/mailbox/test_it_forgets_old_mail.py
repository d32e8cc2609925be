"""Kept raw copies and undelivered receipt PINs are personal data: forgotten after a while."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from lapor.mailbox.models import InboundMessage, PinCourier
from lapor.mailbox.tokens import keep_pin_for_receipt, pin_for_receipt
from tests.cases.conftest import submit

pytestmark = pytest.mark.django_db


def test_old_copies_and_stale_pins_go_recent_ones_stay(cast):
    old, recent = submit(), submit(title="Lampu jalan mati di Sleman")
    keep_pin_for_receipt(old, "123456")
    keep_pin_for_receipt(recent, "654321")
    assert pin_for_receipt(recent.pk) == "654321"
    assert PinCourier.objects.get(report=recent).masked_pin != "654321", "not stored in clear"
    PinCourier.objects.filter(report=old).update(created_at=timezone.now() - dt.timedelta(days=31))
    for key, days in (("a", 91), ("b", 1)):
        row = InboundMessage.objects.create(
            dedupe_key=key, recipient="intake", outcome="refused", raw=b"From: x@example.id"
        )
        InboundMessage.objects.filter(pk=row.pk).update(
            received_at=timezone.now() - dt.timedelta(days=days)
        )

    call_command("forget_old_mail")

    assert InboundMessage.objects.get(dedupe_key="a").raw is None
    assert InboundMessage.objects.get(dedupe_key="b").raw
    assert list(PinCourier.objects.values_list("report_id", flat=True)) == [recent.pk]
