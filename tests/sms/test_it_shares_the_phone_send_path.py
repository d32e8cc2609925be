"""The SMS and the WhatsApp channel share one send path (``lapor.sms.phone_channel``): answers
to an incoming message go to the number that sent it, a row without a number is refused before
the provider is asked, the receipt's PIN is filled in at send time and forgotten only once the
message was accepted. Checked for both channels, failure paths included."""

from __future__ import annotations

import pytest

from lapor.notifications.channels import DeliveryError, PermanentDeliveryError
from lapor.notifications.models import Notification
from lapor.sms.compose import PIN_SLOT
from lapor.sms.gateway import KannelSmsChannel
from lapor.sms.models import InboundSms, ReceiptPin
from lapor.sms.phone_channel import PhoneChannel
from lapor.whatsapp.channel import WhatsAppChannel
from lapor.whatsapp.models import InboundMessage

pytestmark = pytest.mark.django_db

PHONE = "+6281234567890"


def _inbound_sms() -> int:
    return InboundSms.objects.create(dedupe_key="k-1", sender=PHONE, text="LAPOR ...").pk


def _inbound_whatsapp() -> int:
    return InboundMessage.objects.create(message_id="wamid.1", sender=PHONE).pk


CHANNELS = [
    pytest.param(KannelSmsChannel, "sms:in:", _inbound_sms, id="sms"),
    pytest.param(WhatsAppChannel, "wa:in:", _inbound_whatsapp, id="whatsapp"),
]


def _row(key: str, body: str = "Laporan diterima.", address: str = PHONE) -> Notification:
    return Notification.objects.create(
        recipient_kind=Notification.RecipientKind.REPORTER,
        channel="sms",
        address=address,
        subject="",
        body=body,
        dedupe_key=key,
    )


class Recorder:
    """Stands in for the provider: records what it was handed, or fails as told."""

    def __init__(self, fail: Exception | None = None) -> None:
        self.sent: list[tuple[str, str]] = []
        self.fail = fail

    def __call__(self, notification: Notification, body: str) -> None:
        if self.fail is not None:
            raise self.fail
        self.sent.append((notification.address, body))


@pytest.mark.parametrize(("cls", "prefix", "inbound"), CHANNELS)
def test_answers_go_to_the_number_that_wrote(cls, prefix, inbound):
    channel = cls()
    assert isinstance(channel, PhoneChannel)
    pk = inbound()
    assert channel.direct_address(_row(f"{prefix}{pk}:answer")) == PHONE
    # Not an answer: the outbox uses the reporter's own contact.
    assert channel.direct_address(_row("report:1:submitted")) is None
    # An answer whose message is gone, or a key that names none: no number (the row fails).
    assert channel.direct_address(_row(f"{prefix}{pk + 1000}:answer")) == ""
    assert channel.direct_address(_row(f"{prefix}x:answer")) == ""
    assert channel.direct_address(_row(prefix)) == ""


@pytest.mark.parametrize(("cls", "prefix", "inbound"), CHANNELS)
def test_a_row_without_a_number_is_refused_before_the_provider(cls, prefix, inbound):
    channel = cls()
    channel.deliver = Recorder()
    with pytest.raises(PermanentDeliveryError, match="no phone number"):
        channel.send(_row("r:1", address=""))
    assert channel.deliver.sent == []


@pytest.mark.parametrize(("cls", "prefix", "inbound"), CHANNELS)
def test_the_pin_is_filled_in_and_forgotten_once_accepted(cls, prefix, inbound):
    row = _row("r:2", body=f"Nomor LPR-1, PIN {PIN_SLOT}.")
    ReceiptPin.objects.create(notification=row, pin="482913")
    channel = cls()
    channel.deliver = Recorder()
    channel.send(row)
    assert channel.deliver.sent == [(PHONE, "Nomor LPR-1, PIN 482913.")]
    assert not ReceiptPin.objects.filter(notification=row).exists()
    # The outbox row itself never held the PIN.
    assert "482913" not in Notification.objects.get(pk=row.pk).body


@pytest.mark.parametrize(("cls", "prefix", "inbound"), CHANNELS)
def test_a_failed_attempt_keeps_the_pin_for_the_next(cls, prefix, inbound):
    row = _row("r:3", body=f"PIN {PIN_SLOT}")
    ReceiptPin.objects.create(notification=row, pin="111222")
    channel = cls()
    channel.deliver = Recorder(fail=DeliveryError("gateway down"))
    with pytest.raises(DeliveryError):
        channel.send(row)
    assert ReceiptPin.objects.get(notification=row).pin == "111222"


@pytest.mark.parametrize(("cls", "prefix", "inbound"), CHANNELS)
def test_a_lost_pin_is_sent_as_a_dash(cls, prefix, inbound):
    channel = cls()
    channel.deliver = Recorder()
    channel.send(_row("r:4", body=f"PIN {PIN_SLOT}"))
    assert channel.deliver.sent == [(PHONE, "PIN -")]


def test_the_base_has_no_transport_of_its_own():
    with pytest.raises(NotImplementedError):
        PhoneChannel().deliver(Notification(address=PHONE, body="x"), "x")


@pytest.mark.parametrize(("cls", "prefix", "inbound"), CHANNELS)
def test_failing_to_forget_the_pin_does_not_fail_an_accepted_message(
    cls, prefix, inbound, monkeypatch
):
    row = _row("r:5", body=f"PIN {PIN_SLOT}")
    ReceiptPin.objects.create(notification=row, pin="333444")

    def broken(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("database gone")

    monkeypatch.setattr(ReceiptPin, "delete", broken)
    channel = cls()
    channel.deliver = Recorder()
    channel.send(row)  # accepted: no exception, so the outbox will not send it again
    assert channel.deliver.sent == [(PHONE, "PIN 333444")]
