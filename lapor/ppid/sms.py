"""Information requests by SMS (1708), called from ``lapor.sms.actions`` inside its transaction.

    PERMINTAAN <informasi yang diminta, instansi/tempat>
        → the law requires identity: the answer asks for it, the text is kept
    <NIK>#<nama>#<alamat>#<pekerjaan>#<tujuan>
        → the request is filed and registered; the receipt SMS carries the registration number,
          the tracking number, the PIN and the due date
    BALAS <nomor> <jawaban>     answers the PPID's question (the clock runs again)
    KEBERATAN <nomor> <alasan>  objects within 30 working days of the notice (or of the
                                deadline passing unanswered)

The request is addressed to the government of the place the text (or the address) names; its
PPID Utama answers. A person asks by SMS; a legal entity uses the web or a desk.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from lapor.agencies.models import Agency
from lapor.core.errors import DomainError
from lapor.notifications.models import Notification
from lapor.regions.models import Region
from lapor.reports.models import Channel, Report, ReportEvent

from . import actions
from .models import Delivery, ObjectionGround, Obtain

MIN_TEXT = 15
IDENTITY_FORMAT = "NIK#Nama#Alamat#Pekerjaan#Tujuan"
IDENTITY_PLACEHOLDER = "[identitas pemohon informasi: disimpan terpisah]"


def identity_question() -> str:
    return _(
        "An information request needs your identity (UU 14/2008); it is never published. "
        "Answer with %(format)s, e.g. 3404071708900001#Rina Kusuma#Jl Kaliurang 5 "
        "Sleman#Mahasiswa#penelitian. To stay anonymous, send LAPOR ANONIM <text> as a "
        "complaint instead."
    ) % {"format": IDENTITY_FORMAT}


def start(inbound: object, conversation: object, text: str, answer: object) -> str:
    """``PERMINTAAN <text>``: keep the text and ask for the identity. Returns the outcome."""
    from lapor.sms.models import Conversation

    if len(text.strip()) < MIN_TEXT:
        answer(  # type: ignore[operator]
            inbound,
            _(
                "Write the information you want and from which agency or place after "
                "PERMINTAAN, e.g. PERMINTAAN anggaran perbaikan jalan Kab. Sleman 2026"
            ),
        )
        return "request_too_short"
    conversation.state = Conversation.State.AWAITING_IDENTITY  # type: ignore[attr-defined]
    conversation.pending_text = text.strip()  # type: ignore[attr-defined]
    conversation.pending_kind = "information_request"  # type: ignore[attr-defined]
    conversation.pending_privacy = ""  # type: ignore[attr-defined]
    conversation.pending_since = inbound  # type: ignore[attr-defined]
    conversation.save()  # type: ignore[attr-defined]
    answer(inbound, identity_question())  # type: ignore[operator]
    return "asked_identity"


def _government(region: Region) -> Agency | None:
    regency = region.ancestor_codes[1] if len(region.ancestor_codes) > 1 else None
    for code, kind in (
        (regency, Agency.Kind.REGENCY_GOVERNMENT),
        (region.ancestor_codes[0], Agency.Kind.PROVINCIAL_GOVERNMENT),
    ):
        if code:
            found = Agency.objects.filter(kind=kind, region_id=code, is_active=True).first()
            if found is not None:
                return found
    return None


def identity_answer(inbound: object, conversation: object, text: str, answer: object) -> str:
    """The identity, as ``NIK#Nama#Alamat#Pekerjaan#Tujuan``: file the kept request."""
    from lapor.regions.finder import find_place
    from lapor.sms.models import Conversation, FiledBy, InboundSms, ReceiptPin

    # The identity lives in the requester's table only, never in the SMS log.
    InboundSms.objects.filter(pk=inbound.pk).update(text=IDENTITY_PLACEHOLDER)  # type: ignore[attr-defined]
    parts = [p.strip() for p in text.split("#")]
    if len(parts) < 5 or not all(parts[:5]):
        answer(  # type: ignore[operator]
            inbound,
            _("Not done: write all five parts separated by #.") + " " + identity_question(),
        )
        return "identity_incomplete"
    nik, name, address, occupation, purpose = (
        parts[0],
        parts[1],
        parts[2],
        parts[3],
        "#".join(parts[4:]),
    )
    requester = actions.Requester(
        kind="person",
        id_number=nik,
        full_name=name,
        address=address,
        occupation=occupation,
        phone=inbound.sender,  # type: ignore[attr-defined]
    )
    problems = actions.requester_problems(requester)
    if problems:
        answer(  # type: ignore[operator]
            inbound,
            _("Not done: %(why)s") % {"why": " ".join(problems.values())}
            + " "
            + _("Answer again with %(format)s.") % {"format": IDENTITY_FORMAT},
        )
        return "identity_invalid"
    pending = conversation.pending_text  # type: ignore[attr-defined]
    region = find_place(pending) or find_place(address)
    if region is not None and region.level < Region.Level.REGENCY:
        region = None
    agency = _government(region) if region is not None else None
    if region is None or agency is None:
        answer(  # type: ignore[operator]
            inbound,
            _(
                "Not done: the regency or city of the agency was not recognised. Answer again "
                "with the identity, writing the regency or city in the address (e.g. ...#Jl "
                "Kaliurang 5, Kab. Sleman#...)."
            ),
        )
        return "place_unknown"
    try:
        filed = _file(requester, pending, purpose, agency, region)
    except DomainError as exc:
        answer(inbound, _("Not done: %(why)s") % {"why": exc.message})  # type: ignore[operator]
        return "refused"
    report = filed.report
    FiledBy.objects.get_or_create(phone=inbound.sender, report=report)  # type: ignore[attr-defined]
    receipt = Notification.objects.filter(
        event__report=report,
        event__kind=ReportEvent.Kind.SUBMITTED,
        channel=Notification.ChannelName.SMS,
    ).first()
    if receipt is not None and filed.pin:
        ReceiptPin.objects.create(notification=receipt, pin=filed.pin)
    conversation.state = Conversation.State.IDLE  # type: ignore[attr-defined]
    conversation.pending_text = ""  # type: ignore[attr-defined]
    conversation.pending_kind = ""  # type: ignore[attr-defined]
    conversation.pending_since = None  # type: ignore[attr-defined]
    conversation.save()  # type: ignore[attr-defined]
    inbound.report = report  # type: ignore[attr-defined]
    return "request_filed"


def _file(
    requester: actions.Requester, pending: str, purpose: str, agency: Agency, region: Region
) -> actions.Filed:
    return actions.request_file(
        requester=requester,
        title=_title(pending),
        information=pending,
        purpose=purpose,
        agency=agency,
        region=region,
        obtain=Obtain.SOFTCOPY,
        delivery=Delivery.SMS_LINK,
        channel=Channel.SMS,
        language="id",
    )


def _title(text: str) -> str:
    words = " ".join(text.split())
    if len(words) <= 80:
        return words
    return (words[:80].rsplit(" ", 1)[0] or words[:80]) + "..."


def object_by_sms(inbound: object, report: Report, reason: str, answer: object) -> str:
    """``KEBERATAN <nomor> <alasan>``. The ground is read from the request's history: a refusal
    (a), an unanswered request (c) and lateness (g) when they apply, otherwise "not as asked"
    (d); the requester's words say the rest."""
    if "object" not in actions.requester_actions(report):
        raise DomainError(
            _("request %(id)s cannot be objected to now.") % {"id": report.tracking_id},
            code="not_now",
        )
    open_grounds = actions.available_grounds(report)
    wanted = [
        g
        for g in (ObjectionGround.REFUSED, ObjectionGround.NOT_ANSWERED, ObjectionGround.LATE)
        if g in open_grounds
    ] or [ObjectionGround.NOT_AS_ASKED]
    if not reason.strip():
        raise DomainError(_("write why you object."), code="reason_required")
    actions.objection_file(
        report=report, grounds=wanted, reason=reason, actor=None, channel=Channel.SMS
    )
    # The "objection registered" SMS from lapor.ppid.notify is the answer.
    return "objected"


def sms_template(key: str) -> str:
    """The requester's SMS for a PPID event, in the active language: plain text, where
    "<alasan>" is a word the reader replaces (lapor.ppid.notify fills the placeholders)."""
    if key == "registered":
        return _(
            "PPID: your information request is registered, No. %(reg)s. Tracking number "
            "%(id)s%(pin)s. Written answer by %(due)s. CEK %(id)s for its status."
        )
    if key == "to_request":
        return _(
            "LAPOR #%(id)s is now an information request to %(agency)s. The law requires your "
            "identity (NIK, name, address, occupation) by %(due)s: see %(url)s or a desk. It "
            "is never published."
        )
    if key == "to_complaint":
        return _(
            "Your information request #%(id)s is now a complaint; an admin verifies it within "
            "3 working days. The identity given for the request was deleted."
        )
    if key == "clarify":
        return _("PPID #%(id)s asks: %(message)s Answer by %(due)s: BALAS %(id)s <your answer>")
    if key == "extended":
        return _("PPID #%(id)s: answer time extended to %(due)s. Reason: %(message)s")
    if key == "forwarded":
        return _(
            "PPID #%(id)s forwarded to %(to)s, which holds the information. Same number "
            "%(reg)s, same deadline %(due)s."
        )
    if key == "notice":
        return _(
            "PPID #%(id)s answered: %(decision)s. %(cost)s Notice and files: %(url)s Object "
            "by %(until)s: KEBERATAN %(id)s <reason>"
        )
    if key == "objection_opened":
        return _(
            "PPID #%(id)s: no answer by %(due)s. You may object until %(until)s: KEBERATAN "
            "%(id)s <reason>"
        )
    if key == "objected":
        return _("PPID #%(id)s: objection registered, No. %(number)s. Decision by %(due)s.")
    if key == "decided":
        return _(
            "PPID #%(id)s objection decided: %(outcome)s. Disagree? Information Commission by "
            "%(until)s: see %(url)s"
        )
    if key == "decision_late":
        return _(
            "PPID #%(id)s: no decision on your objection by %(due)s. Information Commission "
            "by %(until)s: see %(url)s"
        )
    if key == "commission":
        return _("PPID #%(id)s: the dispute with %(commission)s was recorded.")
    if key == "settled":
        return _("PPID #%(id)s: Information Commission outcome: %(outcome)s.")
    if key == "archived":
        return _("PPID #%(id)s archived: %(reason)s.")
    raise KeyError(key)
