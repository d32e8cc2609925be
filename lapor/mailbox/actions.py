"""Turning one received e-mail into a report, a reply on a report, or a clear answer.

``receive_mail`` is the one entry point (the SMTP/LMTP server calls it once per accepted
recipient). It writes through the report actions the web pages use (``report_submit``,
``report_add_info``, ``case_actions.report_reporter_reply``), in one transaction per message,
and logs the message once by its Message-ID: the same mail delivered twice is processed once.

A message that is not turned into a report or reply is kept whole (``InboundMessage.raw``) for
staff, and the sender — unless it is automatic mail — gets an answer saying why.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import uuid
from contextvars import ContextVar
from dataclasses import dataclass

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from lapor.core.errors import DomainError
from lapor.mailbox import replies
from lapor.mailbox.models import InboundMessage, PendingIntake, PinCourier, ReplyToken
from lapor.mailbox.parsing import MalformedMail, ParsedMail, parse
from lapor.mailbox.tokens import (
    Recipient,
    classify_recipient,
    keep_pin_for_receipt,
    new_token,
    reply_address,
    sender_hash,
)
from lapor.notifications.compose import tracking_url
from lapor.regions.models import Region
from lapor.reports import actions, case_actions, emergency, lifecycle
from lapor.reports.access import reporter_identity
from lapor.reports.attachments import (
    AttachmentError,
    CheckedFile,
    StorageUnavailable,
    check_file,
    check_limits,
    stage,
)
from lapor.reports.models import Attachment, Channel, PendingUpload, Privacy, Report, Status
from lapor.reports.scrub import EMAIL_MASK

log = logging.getLogger(__name__)

Outcome = InboundMessage.Outcome
# A pending intake asks for the place at most this many times, then waits for staff.
MAX_PLACE_QUESTIONS = 3
# Subject tags a sender can use to choose the report's privacy.
PRIVACY_TAGS = {
    "[anonim]": Privacy.ANONYMOUS,
    "[anonymous]": Privacy.ANONYMOUS,
    "[rahasia]": Privacy.CONFIDENTIAL,
    "[confidential]": Privacy.CONFIDENTIAL,
}
TITLE_MAX = 200
# Uploads stored while one message is processed, so a rolled-back attempt leaves no files.
_STAGED: ContextVar[list[PendingUpload] | None] = ContextVar("mail_staged", default=None)


@dataclass(frozen=True)
class Received:
    outcome: str
    reason: str = ""
    report: Report | None = None
    duplicate: bool = False


class _Refused(Exception):
    def __init__(self, reason: str, reply: replies.AutoReply | None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.reply = reply


def find_place(text: str) -> Region | None:
    """The regency (or a place inside one) that ``text`` names; None when it names none."""
    from lapor.regions.finder import find_place as finder

    region = finder(text)
    if region is None or region.level < Region.Level.REGENCY:
        return None
    return region


def receive_mail(*, raw: bytes, recipient: str, envelope_sender: str | None = None) -> Received:
    """Process one message for one envelope recipient. Never raises for bad input."""
    target = classify_recipient(recipient)
    try:
        mail = parse(raw, envelope_sender)
    except MalformedMail as exc:
        return _log_only(str(exc), raw, Outcome.FAILED, "malformed", recipient_kind(target))
    except Exception:  # noqa: BLE001 — the stdlib parser should not raise; if it does, keep it
        log.exception("unparsable message")
        key = "sha:" + hashlib.sha256(raw).hexdigest()
        return _log_only(key, raw, Outcome.FAILED, "unparsable", recipient_kind(target))
    key = _key(mail.dedupe_key, target)
    first = InboundMessage.objects.filter(dedupe_key=key).first()
    if first is not None:
        return Received(first.outcome, first.reason, first.report, duplicate=True)
    if target is None:
        return _log_only(key, raw, Outcome.REFUSED, "unknown_recipient", "unknown")
    if mail.automatic:
        return _log_only(key, raw, Outcome.IGNORED, mail.automatic, target.kind, mail)

    staged: list[PendingUpload] = []
    scope = _STAGED.set(staged)
    try:
        return _route(mail, raw, key, target)
    except BaseException:
        # Whatever the outcome, a rolled-back attempt's stored files belong to nothing.
        _discard(staged)
        raise
    finally:
        _STAGED.reset(scope)


def _route(mail: ParsedMail, raw: bytes, key: str, target: Recipient) -> Received:
    reply: replies.AutoReply | None = None
    try:
        with translation.override(mail.language):
            from lapor.ppid import email as ppid_email

            if ppid_email.is_ppid_mail(target.kind, mail):
                row, reply = ppid_email.intake(mail, key)
            elif target.kind == "intake":
                row, reply = _intake(mail, raw, key)
            elif target.token is not None and target.token.purpose == ReplyToken.Purpose.INTAKE:
                row, reply = _complete_intake(mail, target.token, key)
            elif target.token is not None and target.token.report is not None:
                row = _reply(mail, target.token.report, key)
            else:  # a token pointing nowhere: treated as unknown
                raise _Refused("unknown_recipient", None)
    except IntegrityError:
        _discard(_STAGED.get() or [])
        # The same message is being processed by another delivery right now.
        first = InboundMessage.objects.filter(dedupe_key=key).first()
        if first is not None:
            return Received(first.outcome, first.reason, first.report, duplicate=True)
        raise
    except StorageUnavailable:
        raise  # temporary: not a refusal; the sender's server retries (451)
    except _Refused as refused:
        _discard(_STAGED.get() or [])
        row = _log(key, raw, Outcome.REFUSED, refused.reason, target.kind, mail)
        if refused.reply is not None:
            _answer(refused.reply, mail, row)
        return Received(Outcome.REFUSED, refused.reason)
    except DomainError as exc:
        _discard(_STAGED.get() or [])
        details = {language: [exc.message] for language in replies.LANGUAGES}
        row = _log(key, raw, Outcome.REFUSED, exc.code[:64], target.kind, mail)
        _answer(replies.refusal("other", details), mail, row)
        return Received(Outcome.REFUSED, exc.code)
    if reply is not None:
        _answer(reply, mail, row)
    return Received(row.outcome, row.reason, row.report)


def recipient_kind(target: object) -> str:
    return getattr(target, "kind", "unknown")


def _key(dedupe_key: str, target: object) -> str:
    token = getattr(target, "token", None)
    suffix = f"|{getattr(target, 'kind', 'unknown')}:{token.pk if token else ''}"
    key = dedupe_key + suffix
    if len(key) > 255:
        key = "sha:" + hashlib.sha256(key.encode()).hexdigest()
    return key


def _log(
    key: str,
    raw: bytes,
    outcome: str,
    reason: str,
    kind: str,
    mail: ParsedMail | None = None,
) -> InboundMessage:
    """Record a message that was not (or not yet) processed, keeping it whole."""
    try:
        with transaction.atomic():
            return InboundMessage.objects.create(
                dedupe_key=key,
                recipient=kind,
                outcome=outcome,
                reason=reason,
                sender_hash=sender_hash(mail.sender) if mail else "",
                size=len(raw),
                raw=raw,
            )
    except IntegrityError:
        return InboundMessage.objects.get(dedupe_key=key)


def _log_only(
    key: str, raw: bytes, outcome: str, reason: str, kind: str, mail: ParsedMail | None = None
) -> Received:
    if InboundMessage.objects.filter(dedupe_key=key).exists():
        first = InboundMessage.objects.get(dedupe_key=key)
        return Received(first.outcome, first.reason, first.report, duplicate=True)
    _log(key, raw, outcome, reason, kind, mail)
    log.info("inbound mail %s: %s", outcome, reason)
    return Received(outcome, reason)


def _answer(reply: replies.AutoReply, mail: ParsedMail, row: InboundMessage) -> None:
    if mail.automatic or not replies.may_auto_reply(mail.sender):
        return
    in_reply_to = mail.dedupe_key[4:] if mail.dedupe_key.startswith("mid:") else ""
    replies.send_auto_reply(reply, to=mail.sender, in_reply_to=in_reply_to, log_row=row)


# --- files --------------------------------------------------------------------------------


def _check_files(mail: ParsedMail) -> list[CheckedFile]:
    """Refuse the whole message (nothing saved) when any attachment fails the web's checks;
    the answer names each file and the reason, in both languages. Each file is checked and
    cleaned once; only a refused one is checked again, for its message in the other language."""
    checked: list[CheckedFile] = []
    refused = []
    for item in mail.files:
        try:
            checked.append(check_file(SimpleUploadedFile(item.name, item.content)))
        except AttachmentError:
            refused.append(item)
    details: dict[str, list[str]] = {language: [] for language in replies.LANGUAGES}
    for language in replies.LANGUAGES:
        with translation.override(language):
            for item in refused:
                try:
                    check_file(SimpleUploadedFile(item.name, item.content))
                except AttachmentError as exc:
                    details[language].append(exc.message)
            try:
                check_limits(len(mail.files), sum(len(f.content) for f in mail.files))
            except AttachmentError as exc:
                details[language].append(exc.message)
    if any(details.values()):
        raise _Refused("bad_files", replies.refusal("bad_files", details))
    return checked


def _stage(mail: ParsedMail, checked: list[CheckedFile] | None = None) -> list[PendingUpload]:
    """The files through the web's pipeline (type sniffing, limits, metadata removed). A full
    or unavailable storage raises ``StorageUnavailable``: the server answers 451 and the
    sending server tries again later."""
    if checked is None:
        checked = [check_file(SimpleUploadedFile(i.name, i.content)) for i in mail.files]
    staged = []
    bucket = _STAGED.get()
    for item in checked:
        pending = stage(item)
        staged.append(pending)
        if bucket is not None:
            bucket.append(pending)  # removed by receive_mail if the transaction rolls back
    return staged


def _discard(staged: list[PendingUpload]) -> None:
    """Delete the stored files of uploads whose rows were rolled back."""
    for pending in staged:
        if not PendingUpload.objects.filter(pk=pending.pk).exists() and not (
            Attachment.objects.filter(file=pending.file.name).exists()
        ):
            pending.file.delete(save=False)
    staged.clear()


# --- a new report ---------------------------------------------------------------------------


def _report_text(mail: ParsedMail) -> tuple[str, str, str]:
    """Title, body and privacy from the subject and text."""
    subject = mail.subject
    privacy: str = Privacy.PUBLIC
    lowered = subject.lower()
    for tag, value in PRIVACY_TAGS.items():
        if tag in lowered:
            privacy = value
            index = lowered.index(tag)
            subject = subject[:index] + subject[index + len(tag) :]
            lowered = subject.lower()
    body = mail.text if len(mail.text) >= 20 else (mail.full_text or mail.text)
    title = " ".join(subject.split())
    if not title and body:
        title = body.strip().splitlines()[0]
    if len(title) > TITLE_MAX:
        title = title[: TITLE_MAX - 1].rstrip() + "…"
    # The sender's own address is identity data: it stays in the identity table only.
    for secret in (mail.sender, mail.sender.lower()):
        body = body.replace(secret, EMAIL_MASK)
        title = title.replace(secret, EMAIL_MASK)
    if privacy != Privacy.PUBLIC and len(mail.sender_name) > 3:
        body = body.replace(mail.sender_name, "[nama disamarkan]")
        title = title.replace(mail.sender_name, "[nama disamarkan]")
    return title, body.strip(), privacy


def _file(
    mail: ParsedMail, region: Region, key: str, checked: list[CheckedFile] | None = None
) -> Report:
    """Inside the caller's transaction: the report, its files and the PIN for the receipt."""
    title, body, privacy = _report_text(mail)
    today = timezone.localdate()
    incident = mail.date if mail.date and mail.date <= today else today
    staged = _stage(mail, checked)
    submitted = actions.report_submit(
        kind="complaint",
        title=title,
        body=body,
        incident_date=incident,
        region=region,
        privacy=privacy,
        channel=Channel.EMAIL,
        contact=actions.ReporterContact(full_name=mail.sender_name, email=mail.sender),
        uploads=staged,
        language=mail.language,
        emergency_suspected=emergency.looks_like_emergency(title, body),
        submission_key=uuid.uuid5(uuid.NAMESPACE_URL, "lapor-mail:" + key),
    )
    if submitted.created and submitted.pin:
        keep_pin_for_receipt(submitted.report, submitted.pin)
    return submitted.report


def _intake(
    mail: ParsedMail, raw: bytes, key: str
) -> tuple[InboundMessage, replies.AutoReply | None]:
    if not (mail.text or mail.full_text).strip():
        raise _Refused("no_text", replies.refusal("no_text"))
    checked = _check_files(mail)
    region = find_place(f"{mail.subject}\n{mail.full_text or mail.text}")
    with transaction.atomic():
        if region is None:
            intake = PendingIntake.objects.create(
                sender=mail.sender, sender_name=mail.sender_name, language=mail.language, raw=raw
            )
            token = ReplyToken.objects.create(
                token=new_token(), purpose=ReplyToken.Purpose.INTAKE, intake=intake
            )
            row = InboundMessage.objects.create(
                dedupe_key=key,
                recipient="intake",
                outcome=Outcome.PENDING,
                reason="no_place",
                sender_hash=sender_hash(mail.sender),
                size=len(raw),
                intake=intake,
            )
            return row, replies.ask_for_place(again=False, reply_to=reply_address(token.token))
        report = _file(mail, region, key, checked)
        row = InboundMessage.objects.create(
            dedupe_key=key,
            recipient="intake",
            outcome=Outcome.FILED,
            sender_hash=sender_hash(mail.sender),
            size=len(raw),
            report=report,
        )
    log.info("report %s filed by e-mail", report.tracking_id)
    # The receipt (tracking number, PIN, reply address) is the outbox's ``submitted`` e-mail.
    return row, None


def _same_sender(a: str, b: str) -> bool:
    return a.strip().lower() == b.strip().lower()


def _complete_intake(
    mail: ParsedMail, token: ReplyToken, key: str
) -> tuple[InboundMessage, replies.AutoReply | None]:
    intake = token.intake
    assert intake is not None
    if not _same_sender(mail.sender, intake.sender):
        log.warning("reply to pending intake %s from another address; refused", intake.pk)
        raise _Refused("sender_mismatch", replies.refusal("sender_mismatch"))
    if intake.status != PendingIntake.Status.WAITING:
        raise _Refused("intake_closed", replies.refusal("intake_closed"))
    region = find_place(f"{mail.subject}\n{mail.text}")
    with transaction.atomic():
        locked = PendingIntake.objects.select_for_update().get(pk=intake.pk)
        if locked.status != PendingIntake.Status.WAITING:
            raise _Refused("intake_closed", replies.refusal("intake_closed"))
        if region is None:
            locked.asked += 1
            locked.save(update_fields=["asked", "updated_at"])
            row = InboundMessage.objects.create(
                dedupe_key=key,
                recipient="reply",
                outcome=Outcome.PENDING,
                reason="still_no_place",
                sender_hash=sender_hash(mail.sender),
                size=0,
                intake=locked,
            )
            if locked.asked > MAX_PLACE_QUESTIONS:
                return row, None  # staff see it waiting; no more questions
            return row, replies.ask_for_place(again=True, reply_to=reply_address(token.token))
        original = parse(bytes(locked.raw))
        original.sender, original.sender_name = locked.sender, locked.sender_name
        original.language = locked.language
        report = _file(original, region, "intake:" + str(locked.pk))
        locked.status = PendingIntake.Status.FILED
        locked.report = report
        locked.raw = b""  # the content now lives in the report
        locked.save(update_fields=["status", "report", "raw", "updated_at"])
        ReplyToken.objects.filter(pk=token.pk).update(revoked_at=timezone.now())
        row = InboundMessage.objects.create(
            dedupe_key=key,
            recipient="reply",
            outcome=Outcome.FILED,
            reason="place_given",
            sender_hash=sender_hash(mail.sender),
            size=0,
            report=report,
            intake=locked,
        )
    return row, None


# --- a reply on a report --------------------------------------------------------------------


def _reply(mail: ParsedMail, report: Report, key: str) -> InboundMessage:
    identity = reporter_identity(
        report, actor=None, purpose="match an e-mail reply to its reporter", is_reporter=True
    )
    if identity is None or not identity.email or not _same_sender(mail.sender, identity.email):
        # The token is right but the sender is not the reporter (a forwarded message, or a
        # leaked token): nothing is added and the answer reveals nothing about the report.
        log.warning("reply to report %s from another address; refused", report.pk)
        raise _Refused("sender_mismatch", replies.refusal("sender_mismatch"))
    if report.status in lifecycle.HIDDEN:
        raise _Refused(
            "archived", replies.refusal("archived", tracking_id=f"#{report.tracking_id}")
        )
    if report.status in lifecycle.CLOSED:
        raise _Refused(
            "closed",
            replies.refusal(
                "closed", tracking_id=f"#{report.tracking_id}", tracking_url=tracking_url(report)
            ),
        )
    text = mail.text.strip()
    for secret in (mail.sender, mail.sender.lower()):
        text = text.replace(secret, EMAIL_MASK)
    if not text and not mail.files:
        raise _Refused("no_text", replies.refusal("no_text"))
    checked = _check_files(mail)
    with transaction.atomic():
        staged = _stage(mail, checked)
        if report.status == Status.FOLLOWED_UP and text:
            event = case_actions.report_reporter_reply(
                report=report, message=text, uploads=staged, actor=None
            )
        else:
            event = actions.report_add_info(report=report, message=text, uploads=staged, actor=None)
        row = InboundMessage.objects.create(
            dedupe_key=key,
            recipient="reply",
            outcome=Outcome.THREADED,
            reason=event.kind,
            sender_hash=sender_hash(mail.sender),
            size=0,
            report=report,
        )
    return row


def forget_old_mail(*, older_than: dt.timedelta = dt.timedelta(days=90)) -> dict[str, int]:
    """Personal data kept no longer than needed: copies of unprocessed mail after staff had
    time to look, and PINs whose receipt never went out (no address, failed delivery)."""
    cutoff = timezone.now() - older_than
    raw = InboundMessage.objects.filter(received_at__lt=cutoff, raw__isnull=False).update(raw=None)
    stale = timezone.now() - dt.timedelta(days=30)
    pins, _by_model = PinCourier.objects.filter(created_at__lt=stale).delete()
    return {"raw_copies": raw, "pins": pins}
