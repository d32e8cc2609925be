"""What an incoming SMS does. One action, ``sms_receive``, in one transaction: the message is
logged (once, whatever the gateway repeats), the command runs through the same actions as the
web (``report_submit``, ``report_add_info`` and the reporter's case actions), and the answer is
an outbox row sent by the worker through Kannel.

Who may act on a report by SMS: the number the report's identity holds (compared through the
logged ``reporter_identity``). Anyone else gets the same "not found" as for a number that does
not exist, so a guessed number tells nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import DatabaseError, IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lapor.accounts.phones import normalize_phone
from lapor.core.errors import DomainError
from lapor.notifications.delivery import enqueue_send
from lapor.notifications.models import Notification
from lapor.reports import actions as report_actions
from lapor.reports import case_actions, lifecycle
from lapor.reports.access import reporter_identity
from lapor.reports.models import Channel, PendingUpload, Privacy, Report, ReportEvent
from lapor.sms import compose
from lapor.sms.models import Conversation, FiledBy, InboundSms, ReceiptPin
from lapor.sms.parser import Command, parse

logger = logging.getLogger(__name__)

LANGUAGE = "id"
TITLE_LENGTH = 80
# The shortest text that can be a report (a word or two is a greeting, not a complaint).
MIN_REPORT_LENGTH = 15
# How long a question (where did it happen? file this as a report?) waits for its answer.
PENDING_TTL = dt.timedelta(days=3)
# A receipt PIN waits this long for its SMS to go out (retries last about 4 hours).
PIN_TTL = dt.timedelta(days=7)


@dataclass(frozen=True)
class Received:
    inbound: InboundSms
    duplicate: bool


@dataclass(frozen=True)
class Medium:
    """A text channel that holds the SMS conversation: SMS 1708 here, WhatsApp in
    ``lapor.whatsapp``. Each incoming row (``InboundSms``, ``whatsapp.InboundMessage``) has
    ``sender``, ``command``, ``outcome`` and ``report``; the medium says how to answer it, which
    channel its reports are filed through, and what else it carries (files, a shared place).
    One conversation logic, so a keyword does the same thing on every channel."""

    report_channel: str
    notification_channel: str
    # Prefix of ``Conversation.phone``: the same number has one conversation per channel.
    conversation_prefix: str
    answer: Callable[[Any, str, Report | None], Notification]
    # Files the sender sent with (or before) this message, staged and checked; taken once.
    take_uploads: Callable[[Any], list[PendingUpload]] = field(default=lambda inbound: [])
    # Coordinates and place words the sender shared (e.g. a WhatsApp location), if any.
    shared_place: Callable[[Any], tuple[Decimal | None, Decimal | None, str]] = field(
        default=lambda inbound: (None, None, "")
    )
    # Information requests (PERMINTAAN, KEBERATAN) go through lapor.ppid.sms.
    information_requests: bool = True


MEDIA: dict[type, Medium] = {}


def register_medium(model: type, medium: Medium) -> None:
    MEDIA[model] = medium


def medium_of(inbound: Any) -> Medium:
    return MEDIA[type(inbound)]


def dedupe_key(sender: str, receiver: str, smsc_time: str, text: str) -> str:
    raw = "\x1f".join([sender, receiver, smsc_time, text])
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


def sms_receive(
    *,
    sender: str,
    receiver: str,
    text: str,
    smsc: str = "",
    smsc_time: str = "",
    gateway_id: str = "",
) -> Received:
    """Take one incoming SMS. Repeats of a message already taken change nothing."""
    phone = normalize_phone(sender) or sender.strip()
    if not phone:
        raise DomainError(_("The sender's number is missing."), code="no_sender")
    key = dedupe_key(phone, receiver.strip(), smsc_time.strip(), text)
    existing = InboundSms.objects.filter(dedupe_key=key).first()
    if existing is not None:
        InboundSms.objects.filter(pk=existing.pk).update(duplicates=existing.duplicates + 1)
        return Received(existing, True)
    try:
        with transaction.atomic():
            inbound = InboundSms.objects.create(
                dedupe_key=key,
                sender=phone,
                receiver=receiver.strip()[:32],
                text=text,
                smsc=smsc[:32],
                smsc_time=smsc_time[:32],
                gateway_id=gateway_id[:64],
            )
            handle(inbound, parse(text))
    except IntegrityError:
        # The same message raced in twice: the other request took it.
        existing = InboundSms.objects.filter(dedupe_key=key).first()
        if existing is None:
            raise
        return Received(existing, True)
    return Received(inbound, False)


# --- dispatch ---------------------------------------------------------------------------------


def handle(inbound: Any, command: Command) -> None:
    """Run ``command`` from ``inbound`` (of any registered medium) and answer it."""
    medium = medium_of(inbound)
    conversation, _created = Conversation.objects.select_for_update().get_or_create(
        phone=medium.conversation_prefix + inbound.sender
    )
    if (
        conversation.state != Conversation.State.IDLE
        and conversation.updated_at < timezone.now() - PENDING_TTL
    ):
        # A question left unanswered for days: the next SMS is a new start, not its answer.
        # The pending text stays in the inbound log.
        conversation.state = Conversation.State.IDLE
        conversation.pending_text = ""
        conversation.pending_privacy = ""
        conversation.save()
    inbound.command = command.name
    if not medium.information_requests and (
        command.name == "object" or (command.name == "report" and command.kind == REQUEST)
    ):
        command = Command("requests_elsewhere")
    handler = {
        "empty": _empty,
        "help": _help,
        "report": _report,
        "check": _check,
        "reply": _reply,
        "close": _close,
        "dispute": _dispute,
        "object": _object,
        "yes": _yes,
        "cancel": _cancel,
        "text": _free_text,
        "requests_elsewhere": _requests_elsewhere,
        "attachment": _attachment,
        "survey": _survey,
        "place": _place,
    }[command.name]
    try:
        with transaction.atomic():
            handler(inbound, command, conversation)
    except DomainError as exc:
        inbound.outcome = f"refused:{exc.code}"[:32]
        _answer(inbound, _("Not done: %(why)s") % {"why": exc.message}, report=inbound.report)
    except DatabaseError:
        # Transient (a lock, a lost connection): the whole call fails and the gateway retries.
        raise
    except Exception:
        # A fault of ours must not lose the message (the gateway would retry and fail the
        # same way): it stays in the log with outcome "error", and the sender is told.
        logger.exception("sms %s: command %s failed", inbound.pk, command.name)
        inbound.outcome = "error"
        inbound.report = None
        _answer(
            inbound,
            _(
                "Sorry, your SMS could not be processed now. It has been kept; please try "
                "again later."
            ),
        )
    inbound.save(update_fields=["command", "outcome", "report"])


REQUEST = "information_request"


def _answer(inbound: Any, text: str, report: Report | None = None) -> Notification:
    """The answer to ``inbound``, on its own channel, to the number that wrote it."""
    return medium_of(inbound).answer(inbound, text, report)


def _sms_answer(inbound: InboundSms, text: str, report: Report | None = None) -> Notification:
    """The answer to an SMS, sent to the number that wrote it (one per message)."""
    body = compose.answer(text)
    notification = Notification.objects.create(
        recipient_kind=Notification.RecipientKind.REPORTER,
        channel=Notification.ChannelName.SMS,
        language=LANGUAGE,
        subject=_("Answer to an SMS")[:255],
        body=body,
        report=report,
        dedupe_key=f"sms:in:{inbound.pk}:answer",
        next_attempt_at=timezone.now(),
    )
    enqueue_send(notification.pk)
    return notification


def _empty(inbound: Any, command: Command, conversation: Conversation) -> None:
    inbound.outcome = "empty"
    _answer(inbound, _("Your SMS was empty.") + " " + compose.help_text(LANGUAGE))


def _help(inbound: Any, command: Command, conversation: Conversation) -> None:
    inbound.outcome = "help"
    _answer(inbound, compose.help_text(LANGUAGE))


def _report(inbound: Any, command: Command, conversation: Conversation) -> None:
    text = command.rest.strip()
    if command.kind == "information_request":
        # Information requests need the requester's identity first (lapor.ppid.sms).
        from lapor.ppid.sms import start

        inbound.outcome = start(inbound, conversation, text, _answer)
        return
    if len(text) < MIN_REPORT_LENGTH:
        inbound.outcome = "report_too_short"
        _answer(
            inbound,
            _(
                "Write what happened and where after LAPOR, e.g. LAPOR Jalan berlubang di "
                "depan SD 1 Caturtunggal, Kab. Sleman"
            ),
        )
        return
    _file_or_ask(inbound, conversation, text, command.privacy, kind=command.kind)


def _file_or_ask(
    inbound: Any,
    conversation: Conversation,
    text: str,
    privacy: str,
    place_text: str = "",
    kind: str = "complaint",
) -> None:
    from lapor.regions.finder import find_place

    medium = medium_of(inbound)
    latitude, longitude, shared = medium.shared_place(inbound)
    region = find_place(place_text or text)
    if (region is None or region.level < 2) and shared and not place_text:
        region = find_place(shared)
        place_text = shared if region is not None and region.level >= 2 else ""
    if region is None or region.level < 2:
        conversation.state = Conversation.State.AWAITING_PLACE
        conversation.pending_text = text
        conversation.pending_privacy = privacy
        conversation.pending_kind = kind
        conversation.pending_since = inbound if isinstance(inbound, InboundSms) else None
        conversation.save()
        inbound.outcome = "asked_place"
        if place_text:
            ask = _(
                "The place was not recognised. Answer with the name of the regency or city "
                "(e.g. Kab. Sleman, Kota Semarang), or BATAL to cancel."
            )
        else:
            ask = _(
                "Where did it happen? Answer with the name of the regency or city (e.g. Kab. "
                "Sleman, Kota Semarang). Your report is kept until then."
            )
        _answer(inbound, ask)
        return
    address = place_text.strip()[:255] if place_text else ""
    submitted = report_actions.report_submit(
        kind=kind or "complaint",
        title=_title(text),
        body=text,
        incident_date=timezone.localdate(),
        region=region,
        privacy=privacy or Privacy.PUBLIC,
        channel=medium.report_channel,
        contact=report_actions.ReporterContact(phone=inbound.sender),
        address=address,
        latitude=latitude,
        longitude=longitude,
        uploads=medium.take_uploads(inbound),
        language=LANGUAGE,
    )
    report = submitted.report
    FiledBy.objects.get_or_create(phone=inbound.sender, report=report)
    receipt = Notification.objects.filter(
        event__report=report,
        event__kind=ReportEvent.Kind.SUBMITTED,
        channel=medium.notification_channel,
    ).first()
    if receipt is not None and submitted.pin:
        ReceiptPin.objects.create(notification=receipt, pin=submitted.pin)
    conversation.state = Conversation.State.IDLE
    conversation.pending_text = ""
    conversation.pending_privacy = ""
    conversation.pending_since = None
    conversation.save()
    inbound.report = report
    inbound.outcome = "filed"


def _title(text: str) -> str:
    words = " ".join(text.split())
    if len(words) <= TITLE_LENGTH:
        return words
    cut = words[:TITLE_LENGTH].rsplit(" ", 1)[0] or words[:TITLE_LENGTH]
    return cut + "..."


def _owned(inbound: Any, tracking_id: str) -> Report:
    """The report ``tracking_id`` if this number filed it; otherwise the neutral refusal."""
    report = Report.objects.filter(tracking_id=tracking_id).first()
    if report is not None:
        identity = reporter_identity(
            report, actor=None, purpose="sms reporter check", is_reporter=True
        )
        phone = normalize_phone(identity.phone) if identity is not None else None
        if phone and phone == inbound.sender:
            inbound.report = report
            return report
    raise DomainError(
        _("no report %(id)s was filed from this number.") % {"id": tracking_id},
        code="not_found",
    )


def _need_number(command: Command) -> None:
    if command.missing == "tracking_id":
        raise DomainError(
            _("write the report number after the keyword, e.g. CEK 123456789."),
            code="no_number",
        )


def _check(inbound: Any, command: Command, conversation: Conversation) -> None:
    _need_number(command)
    report = _owned(inbound, command.tracking_id)
    inbound.outcome = "status"
    _answer(inbound, compose.status_text(report, report.language), report=report)


def _reporter_may(report: Report) -> set[str]:
    return lifecycle.reporter_actions(report)


def _thread(inbound: Any, report: Report, text: str) -> None:
    """Reply to a follow-up (or answer the agency's question), else add information."""
    allowed = _reporter_may(report)
    uploads = medium_of(inbound).take_uploads(inbound)
    if "reply" in allowed and text.strip():
        case_actions.report_reporter_reply(report=report, message=text, uploads=uploads, actor=None)
        inbound.outcome = "replied"
        confirm = _("Your reply to report %(id)s has been sent to the agency.")
    elif "info" in allowed:
        report_actions.report_add_info(report=report, message=text, uploads=uploads, actor=None)
        inbound.outcome = "info_added"
        confirm = _("Your information has been added to report %(id)s.")
    else:
        raise DomainError(
            _("report %(id)s is closed; send SANGGAH %(id)s <reason> to reopen it.")
            % {"id": report.tracking_id},
            code="closed",
        )
    _answer(inbound, confirm % {"id": report.tracking_id}, report=report)


def _reply(inbound: Any, command: Command, conversation: Conversation) -> None:
    _need_number(command)
    report = _owned(inbound, command.tracking_id)
    if not command.rest.strip():
        raise DomainError(_("write your reply after the report number."), code="empty")
    _thread(inbound, report, command.rest)


def _close(inbound: Any, command: Command, conversation: Conversation) -> None:
    _need_number(command)
    report = _owned(inbound, command.tracking_id)
    if command.missing == "rating":
        raise DomainError(
            _("give a rating from 1 to 5, e.g. TUTUP %(id)s 5 terima kasih.")
            % {"id": report.tracking_id},
            code="rating_required",
        )
    if "close" not in _reporter_may(report):
        raise DomainError(
            _("report %(id)s cannot be closed now; it can be closed after a follow-up.")
            % {"id": report.tracking_id},
            code="not_closable",
        )
    assert command.rating is not None
    case_actions.report_close_by_reporter(
        report=report, rating=command.rating, comment=command.rest, actor=None
    )
    inbound.outcome = "closed"
    _answer(
        inbound,
        _("Report %(id)s is closed with rating %(rating)s. Thank you.")
        % {"id": report.tracking_id, "rating": command.rating},
        report=report,
    )


def _dispute(inbound: Any, command: Command, conversation: Conversation) -> None:
    _need_number(command)
    report = _owned(inbound, command.tracking_id)
    if "dispute" not in _reporter_may(report):
        raise DomainError(
            _("report %(id)s is not closed, or was closed more than 30 days ago.")
            % {"id": report.tracking_id},
            code="not_disputable",
        )
    if not command.rest.strip():
        raise DomainError(_("write why the problem is not solved."), code="reason_required")
    # The "reopened" message the outbox sends for this event is the answer.
    case_actions.report_dispute(report=report, reason=command.rest, actor=None)
    inbound.outcome = "disputed"


def _object(inbound: Any, command: Command, conversation: Conversation) -> None:
    """KEBERATAN <nomor> <alasan>: an objection to the answer to an information request."""
    from lapor.ppid.sms import object_by_sms

    _need_number(command)
    report = _owned(inbound, command.tracking_id)
    inbound.outcome = object_by_sms(inbound, report, command.rest, _answer)


def _yes(inbound: Any, command: Command, conversation: Conversation) -> None:
    if conversation.state != Conversation.State.AWAITING_CONFIRM:
        _free_text(inbound, Command("text", rest="YA"), conversation)
        return
    _file_or_ask(inbound, conversation, conversation.pending_text, conversation.pending_privacy)


def _cancel(inbound: Any, command: Command, conversation: Conversation) -> None:
    had = conversation.state != Conversation.State.IDLE
    conversation.state = Conversation.State.IDLE
    conversation.pending_text = ""
    conversation.pending_privacy = ""
    conversation.pending_since = None
    conversation.save()
    inbound.outcome = "cancelled"
    _answer(
        inbound,
        _("Cancelled; nothing was filed.") if had else _("There was nothing to cancel."),
    )


def _survey(inbound: Any, command: Command, conversation: Conversation) -> None:
    """SKM <nomor> <nine values 1-4> [comment]: the satisfaction survey (lapor.skm)."""
    from lapor.skm.actions import skm_answer
    from lapor.skm.method import FIELDS

    _need_number(command)
    report = _owned(inbound, command.tracking_id)
    if command.missing == "scores":
        raise DomainError(
            _(
                "give nine values from 1 to 4, e.g. SKM %(id)s 4 4 3 4 4 3 4 4 3 (requirements, "
                "procedure, time, cost, result, competence, behaviour, complaint handling, "
                "facilities)."
            )
            % {"id": report.tracking_id},
            code="scores_required",
        )
    answered = skm_answer(
        report=report,
        values=dict(zip(FIELDS, command.scores, strict=True)),
        comment=command.rest,
        channel=medium_of(inbound).report_channel,
    )
    inbound.outcome = "surveyed"
    text = _("Thank you: your survey answer for report %(id)s is recorded anonymously.")
    if answered.may_dispute:
        text += " " + _("Not solved? SANGGAH %(id)s <reason> reopens it.")
    _answer(inbound, text % {"id": report.tracking_id}, report=report)


def _attachment(inbound: Any, command: Command, conversation: Conversation) -> None:
    """A file without words (a photo, a voice note): onto the one open report, else kept for
    the report being written."""
    if conversation.state == Conversation.State.IDLE:
        reports = open_reports(inbound.sender)
        if len(reports) == 1:
            _thread(inbound, reports[0], "")
            return
    inbound.outcome = "file_kept"
    _answer(
        inbound,
        _(
            "Your file is kept and will be attached to your report. Now write what happened "
            "and where: LAPOR <what happened, where>."
        ),
    )


def _place(inbound: Any, command: Command, conversation: Conversation) -> None:
    """A shared location without words: the answer to "where?", else kept for the report."""
    if conversation.state == Conversation.State.AWAITING_PLACE:
        _file_or_ask(
            inbound,
            conversation,
            conversation.pending_text,
            conversation.pending_privacy,
            kind=conversation.pending_kind,
        )
        return
    inbound.outcome = "place_kept"
    _answer(
        inbound,
        _("Your location is kept for your report. Now write what happened: LAPOR <what happened>."),
    )


def _requests_elsewhere(inbound: Any, command: Command, conversation: Conversation) -> None:
    inbound.outcome = "requests_elsewhere"
    _answer(
        inbound,
        _(
            "Requests for public information (PERMINTAAN, KEBERATAN) are taken by SMS 1708 or "
            "on the website, where the requester's identity can be given as the law requires."
        ),
    )


def open_reports(phone: str) -> list[Report]:
    filed = FiledBy.objects.filter(phone=phone).values("report_id")
    return list(
        Report.objects.filter(pk__in=filed, status__in=lifecycle.ACCEPTS_REPORTER_INFO).order_by(
            "-created_at"
        )
    )


def _free_text(inbound: Any, command: Command, conversation: Conversation) -> None:
    text = command.rest
    if conversation.state == Conversation.State.AWAITING_IDENTITY:
        from lapor.ppid.sms import identity_answer

        inbound.outcome = identity_answer(inbound, conversation, text, _answer)
        return
    if conversation.state == Conversation.State.AWAITING_PLACE:
        _file_or_ask(
            inbound,
            conversation,
            conversation.pending_text,
            conversation.pending_privacy,
            place_text=text,
            kind=conversation.pending_kind,
        )
        return
    reports = open_reports(inbound.sender)
    if len(reports) == 1:
        _thread(inbound, reports[0], text)
        return
    if len(reports) > 1:
        inbound.outcome = "ambiguous"
        numbers = ", ".join(r.tracking_id for r in reports[:5])
        _answer(
            inbound,
            _(
                "You have several open reports (%(numbers)s). Send BALAS <number> <text> to "
                "add to one, or LAPOR <text> for a new report."
            )
            % {"numbers": numbers},
        )
        return
    # Nothing open: keep the text and ask before filing it (nothing is lost).
    if conversation.state == Conversation.State.AWAITING_CONFIRM and conversation.pending_text:
        text = f"{conversation.pending_text}\n{text}"
    conversation.state = Conversation.State.AWAITING_CONFIRM
    conversation.pending_text = text
    conversation.pending_privacy = ""
    conversation.pending_since = inbound if isinstance(inbound, InboundSms) else None
    conversation.save()
    inbound.outcome = "asked_confirm"
    _answer(
        inbound,
        _(
            "Send YA to file your message as a report, or BATAL to cancel. Help: INFO. "
            "Reports start with LAPOR, e.g. LAPOR <what happened, where>."
        ),
    )


register_medium(
    InboundSms,
    Medium(
        report_channel=Channel.SMS,
        notification_channel=Notification.ChannelName.SMS,
        conversation_prefix="",
        answer=_sms_answer,
    ),
)


def forget_old_sms(
    *, older_than: dt.timedelta = dt.timedelta(days=365), pins_after: dt.timedelta = PIN_TTL
) -> dict[str, int]:
    """Personal data kept no longer than needed: the text of incoming SMS after a year (the
    report keeps what was filed; the dedupe key stays, so a late repeat still does nothing),
    and PINs whose receipt never went out (failed, cancelled) after a week."""
    now = timezone.now()
    texts = (
        InboundSms.objects.filter(received_at__lt=now - older_than).exclude(text="").update(text="")
    )
    pins, _by_model = ReceiptPin.objects.filter(
        notification__created_at__lt=now - pins_after
    ).delete()
    return {"texts": texts, "pins": pins}
