"""Reply addresses, recipient checks and the PIN courier's masking."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction

from lapor.mailbox.models import PinCourier, ReplyToken
from lapor.reports.models import Report

ALPHABET = "abcdefghijklmnopqrstuvwxyz234567"
TOKEN_LENGTH = 16  # 80 bits


def new_token() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(TOKEN_LENGTH))


def reply_address(token: str) -> str:
    return f"{settings.MAIL_REPLY_PREFIX}+{token}@{settings.MAIL_DOMAIN}"


def reporter_token(report: Report) -> str:
    """The report's active reporter token, created on first use."""
    found = (
        ReplyToken.objects.filter(
            report=report, purpose=ReplyToken.Purpose.REPORTER, revoked_at__isnull=True
        )
        .values_list("token", flat=True)
        .first()
    )
    if found:
        return found
    try:
        with transaction.atomic():
            return ReplyToken.objects.create(
                token=new_token(), purpose=ReplyToken.Purpose.REPORTER, report=report
            ).token
    except IntegrityError:
        # Another process created it at the same moment: use theirs.
        return ReplyToken.objects.get(
            report=report, purpose=ReplyToken.Purpose.REPORTER, revoked_at__isnull=True
        ).token


@dataclass(frozen=True)
class Recipient:
    kind: str  # "intake", "ppid" (information requests) or "reply"
    token: ReplyToken | None = None


def classify_recipient(address: str) -> Recipient | None:
    """What an envelope recipient is for, or None when we do not accept mail for it.

    Reply tokens are looked up exactly (lower-cased); an unknown or revoked one is refused.
    """
    address = address.strip().strip("<>").lower()
    local, _at, domain = address.rpartition("@")
    if not local:
        return None
    if address == settings.MAIL_INTAKE_ADDRESS:
        return Recipient("intake")
    if address == getattr(settings, "MAIL_PPID_ADDRESS", ""):
        return Recipient("ppid")
    if domain != settings.MAIL_DOMAIN:
        return None
    prefix, plus, token = local.partition("+")
    if not plus or prefix != settings.MAIL_REPLY_PREFIX or len(token) != TOKEN_LENGTH:
        return None
    if any(ch not in ALPHABET for ch in token):
        return None
    found = (
        ReplyToken.objects.filter(token=token, revoked_at__isnull=True)
        .select_related("report", "intake")
        .first()
    )
    return Recipient("reply", found) if found else None


def sender_hash(address: str) -> str:
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, b"mail-sender:" + address.lower().encode(), hashlib.sha256).hexdigest()


def _pad(report_id: int, length: int) -> list[int]:
    key = settings.SECRET_KEY.encode()
    digest = hmac.new(key, f"pin-courier:{report_id}".encode(), hashlib.sha256).digest()
    return [b % 10 for b in digest[:length]]


def mask_pin(report_id: int, pin: str) -> str:
    pad = _pad(report_id, len(pin))
    return "".join(str((int(d) + p) % 10) for d, p in zip(pin, pad, strict=True))


def unmask_pin(report_id: int, masked: str) -> str:
    pad = _pad(report_id, len(masked))
    return "".join(str((int(d) - p) % 10) for d, p in zip(masked, pad, strict=True))


def keep_pin_for_receipt(report: Report, pin: str) -> None:
    PinCourier.objects.create(report=report, masked_pin=mask_pin(report.pk, pin))


def pin_for_receipt(report_id: int) -> str | None:
    courier = PinCourier.objects.filter(report_id=report_id).first()
    return unmask_pin(report_id, courier.masked_pin) if courier else None


def receipt_delivered(report_id: int) -> None:
    PinCourier.objects.filter(report_id=report_id).delete()
