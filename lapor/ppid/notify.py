"""What the requester (and the PPID's people) hear about an information request.

Registered with the outbox as a subscriber (``apps.PpidConfig.ready``): called for every event
inside the action's transaction, it writes ``Notification`` rows that the worker sends, like
every other message. The requester is written to on the channel they filed on (SMS for SMS,
e-mail otherwise: ``outbox.reporter_channel``), at the address read at send time through the
logged identity reader — never copied into the outbox. No message carries the requester's
name, NIK or address.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lapor.accounts.models import User
from lapor.agencies.capabilities import ROLE_CAPABILITIES, Capability, ancestor_ids
from lapor.agencies.models import Membership
from lapor.notifications import compose
from lapor.notifications.delivery import enqueue_send
from lapor.notifications.models import Notification
from lapor.reports.models import Clock, Kind, Report, ReportEvent, Status

from .models import Decision, DisputeOutcome, InformationRequest, Notice, Outcome
from .sms import sms_template

E = ReportEvent.Kind
K = Clock.Kind

REQUESTER_EVENTS = frozenset(
    {
        E.SUBMITTED,
        E.CONVERTED,
        E.INFO_IDENTITY,
        E.INFO_CLARIFY,
        E.INFO_EXTENDED,
        E.INFO_FORWARDED,
        E.INFO_NOTICE,
        E.INFO_OBJECTION_OPENED,
        E.INFO_OBJECTED,
        E.INFO_DECIDED,
        E.INFO_DECISION_LATE,
        E.INFO_COMMISSION,
        E.INFO_SETTLED,
        E.ARCHIVED,
    }
)
ARCHIVE_REASONS: dict[str, object] = {
    "no_identity_in_10_working_days": gettext_lazy("no identity was given within 10 working days"),
    "no_clarification_in_10_working_days": gettext_lazy(
        "no clarification was given within 10 working days"
    ),
}


def handles(event: ReportEvent) -> bool:
    """Events of the PPID process (and conversions either way): this module tells the person,
    the generic outbox does not."""
    if event.kind == E.CONVERTED:
        return True
    report = event.report
    if report.kind != Kind.INFORMATION_REQUEST:
        return False
    return InformationRequest.objects.filter(report_id=report.pk).exists()


def ppid_event_created(event: ReportEvent) -> None:
    if not handles(event) or not event.is_public:
        return
    created: list[Notification] = []
    if event.kind in REQUESTER_EVENTS and _requester_should_hear(event):
        row = _for_requester(event)
        if row is not None:
            created.append(row)
    created.extend(_for_staff(event))
    for row in created:
        enqueue_send(row.pk)


def _requester_should_hear(event: ReportEvent) -> bool:
    # A dispute the requester recorded themselves needs no message; one staff recorded does.
    return not (event.kind == E.INFO_COMMISSION and (event.data or {}).get("by_requester"))


def _date(moment: object) -> str:
    if moment is None:
        return "-"
    if isinstance(moment, str):
        from django.utils.dateparse import parse_datetime

        moment = parse_datetime(moment)
        if moment is None:
            return "-"
    return formats.date_format(timezone.localtime(moment), "j F Y")  # type: ignore[arg-type]


def _due(report: Report, kind: str) -> str:
    clock = (
        Clock.objects.filter(report=report, kind=kind, stopped_at__isnull=True)
        .order_by("-started_at", "-pk")
        .first()
    )
    return _date(clock.due_at if clock else None)


def requester_url(report: Report) -> str:
    return f"{compose.site_url()}{reverse('web:track')}?id={report.tracking_id}"


def _values(event: ReportEvent) -> dict[str, str]:
    report = event.report
    request = InformationRequest.objects.filter(report=report).first()
    data = event.data or {}
    notice = (
        Notice.objects.filter(event=event).first()
        if event.kind
        in (
            E.INFO_NOTICE,
            E.INFO_FORWARDED,
        )
        else None
    )
    values = {
        "id": report.tracking_id,
        "reg": (request.registration_number if request else "") or "-",
        # The body asked (the requester chose it); its PPID answers for it.
        "agency": compose._short(report.requested_agency or report.agency),
        "from": compose._short(event.agency),
        "to": compose._short(event.target_agency or report.agency),
        "message": " ".join((event.message or "").split())[:600],
        "due": _due(report, K.INFO_ANSWER),
        "url": requester_url(report),
        "pin": "",
    }
    if event.kind == E.INFO_CLARIFY:
        values["due"] = _due(report, K.INFO_CLARIFICATION)
    if event.kind == E.CONVERTED:
        values["due"] = _due(report, K.INFO_IDENTITY)
    if event.kind in (E.INFO_NOTICE,):
        values["until"] = _due(report, K.INFO_OBJECTION_WINDOW)
    if event.kind == E.INFO_OBJECTION_OPENED:
        values["due"] = _date(data.get("due_at"))
        values["until"] = _date(data.get("object_until"))
    if event.kind == E.INFO_OBJECTED:
        values["number"] = str(data.get("number", ""))
        values["due"] = _due(report, K.INFO_OBJECTION_DECISION)
    if event.kind == E.INFO_DECIDED:
        values["outcome"] = str(Outcome(data["outcome"]).label) if data.get("outcome") else "-"
        values["until"] = _due(report, K.INFO_DISPUTE_WINDOW)
    if event.kind == E.INFO_DECISION_LATE:
        values["due"] = _date(data.get("due_at"))
        values["until"] = _date(data.get("commission_until"))
    if event.kind == E.INFO_COMMISSION:
        values["commission"] = str(data.get("commission", ""))
    if event.kind == E.INFO_SETTLED:
        outcome = data.get("outcome")
        values["outcome"] = str(DisputeOutcome(outcome).label) if outcome else "-"
    if event.kind == E.ARCHIVED:
        values["reason"] = str(ARCHIVE_REASONS.get(str(data.get("reason", "")), "-"))
    if notice is not None:
        values["decision"] = str(Decision(notice.decision).label)
        values["cost"] = (
            _("Cost to pay: Rp %(cost)s (%(detail)s).")
            % {
                "cost": formats.number_format(notice.cost, force_grouping=True),
                "detail": notice.cost_detail,
            }
            if notice.cost
            else _("There is nothing to pay.")
        )
    return values


def _texts(event: ReportEvent) -> tuple[str, str, str] | None:
    """(subject, e-mail text, SMS text) in the active language, or None."""
    v = _values(event)
    kind = event.kind
    data = event.data or {}
    if kind in (E.SUBMITTED, E.INFO_IDENTITY):
        subject = _("Your information request has been registered")
        text = _(
            "Your information request to %(agency)s has been registered with number %(reg)s. "
            "The information officer (PPID) must answer you in writing by %(due)s (10 working "
            "days; they may extend it once by 7 working days, with a written reason)."
        )
        sms = sms_template("registered")
        if kind == E.SUBMITTED and event.report.channel == "sms":
            v["pin"] = ", PIN " + "{PIN}"
        if data.get("on_behalf"):
            text += " " + _("An officer filed it for you at the desk, with your consent.")
    elif kind == E.CONVERTED and data.get("to") == Kind.INFORMATION_REQUEST:
        subject = _("Your report is now an information request")
        v["privacy"] = str(event.report.get_privacy_display())
        text = _(
            "Your report #%(id)s is now an information request to %(agency)s. Why: "
            "%(message)s\n\nFor an information request the law on public information (UU "
            "14/2008) requires who is asking: your NIK, name, address and occupation, and "
            "what you will use the information for. Give them by %(due)s at %(url)s. Only the "
            "information officer (PPID) sees them; they are never published. Your choice of "
            "privacy (%(privacy)s) is kept.\n\nIf you prefer not to give your identity, do "
            "nothing: the request will be archived, and you can file an anonymous complaint "
            "instead."
        )
        sms = sms_template("to_request")
    elif kind == E.CONVERTED:
        subject = _("Your information request is now a complaint")
        text = _(
            "Your information request #%(id)s is now a complaint. Why: %(message)s\n\nAn admin "
            "verifies it and sends it to the agency responsible within 3 working days. The "
            "NIK, address and occupation you gave for the request have been deleted: a "
            "complaint does not need them. Your contact and your choice of privacy are kept."
        )
        sms = sms_template("to_complaint")
    elif kind == E.INFO_CLARIFY:
        subject = _("The PPID asks you to clarify your request")
        text = _(
            "The information officer (PPID) asks you to clarify your request: %(message)s\n\n"
            "The answer time is paused until you answer. Answer by %(due)s at %(url)s, "
            "otherwise the request is archived."
        )
        sms = sms_template("clarify")
    elif kind == E.INFO_EXTENDED:
        subject = _("The PPID extended the answer time")
        text = _(
            "The information officer (PPID) extended the time to answer your request by 7 "
            "working days, to %(due)s. Reason: %(message)s"
        )
        sms = sms_template("extended")
    elif kind == E.INFO_FORWARDED:
        subject = _("Your request was forwarded to the PPID that holds the information")
        text = _(
            "%(from)s does not hold the information you asked for and forwarded your request "
            "to %(to)s, which holds it: %(message)s\n\nIt is the same request (number %(reg)s) "
            "with the same deadline, %(due)s. The written notice is on your tracking page: "
            "%(url)s"
        )
        sms = sms_template("forwarded")
    elif kind == E.INFO_NOTICE:
        subject = _("The PPID has answered your information request")
        text = _(
            "The information officer (PPID) of %(from)s answered your request in writing: "
            "%(decision)s. %(cost)s\n\nRead the notice and download the files at %(url)s.\n\n"
            "If you disagree (refused, not as asked, not fulfilled, an unreasonable fee, or "
            "late), you may object (keberatan) to the PPID's superior until %(until)s."
        )
        sms = sms_template("notice")
    elif kind == E.INFO_OBJECTION_OPENED:
        subject = _("The PPID did not answer in time: you may object")
        text = _(
            "The information officer (PPID) did not answer your request by %(due)s. You may "
            "now object (keberatan) to the PPID's superior, on the grounds that it was not "
            "answered and is late, until %(until)s: %(url)s"
        )
        sms = sms_template("objection_opened")
    elif kind == E.INFO_OBJECTED:
        subject = _("Your objection has been registered")
        text = _(
            "Your objection was registered with number %(number)s. The PPID's superior "
            "(Atasan PPID) must decide it in writing by %(due)s."
        )
        sms = sms_template("objected")
    elif kind == E.INFO_DECIDED:
        subject = _("Your objection has been decided")
        text = _(
            "The PPID's superior decided your objection: %(outcome)s. Read the decision at "
            "%(url)s.\n\nIf you disagree, you may take the dispute to the Information "
            "Commission until %(until)s; the tracking page shows how."
        )
        sms = sms_template("decided")
    elif kind == E.INFO_DECISION_LATE:
        subject = _("No decision on your objection: you may go to the Commission")
        text = _(
            "The PPID's superior did not decide your objection by %(due)s. You may take the "
            "dispute to the Information Commission until %(until)s; the tracking page shows "
            "how: %(url)s"
        )
        sms = sms_template("decision_late")
    elif kind == E.INFO_COMMISSION:
        subject = _("Your dispute at the Information Commission was recorded")
        text = _("The dispute of your request with %(commission)s was recorded on your request.")
        sms = sms_template("commission")
    elif kind == E.INFO_SETTLED:
        subject = _("The Information Commission's outcome was recorded")
        text = _("The outcome of the dispute at the Information Commission: %(outcome)s.")
        sms = sms_template("settled")
    elif kind == E.ARCHIVED:
        subject = _("Your information request has been archived")
        text = _("Your information request was archived: %(reason)s.")
        sms = sms_template("archived")
    else:
        return None
    return subject, text % v, sms % v


def _for_requester(event: ReportEvent) -> Notification | None:
    from lapor.notifications.outbox import reporter_channel
    from lapor.sms.compose import _fit

    report = event.report
    channel = reporter_channel(report)
    key = f"event:{event.pk}:reporter:{channel}"
    if Notification.objects.filter(dedupe_key=key).exists():
        return None
    language = compose.language_of(report.language)
    with translation.override(language):
        texts = _texts(event)
        if texts is None:
            return None
        subject, text, sms = texts
        if channel == Notification.ChannelName.SMS:
            body = _fit(sms)
        else:
            body = compose.tidy(
                "\n\n".join(
                    [
                        _("Dear requester,"),
                        text,
                        _("Tracking number: %(id)s") % {"id": report.tracking_id},
                        _("Follow your request at %(url)s (you need the PIN from your receipt).")
                        % {"url": requester_url(report)},
                        "--\n"
                        + _(
                            "This message was sent automatically by %(site)s; replies to it "
                            "are not read."
                        )
                        % {"site": settings.SITE_NAME},
                    ]
                )
            )
        return Notification.objects.create(
            recipient_kind=Notification.RecipientKind.REPORTER,
            channel=channel,
            language=language,
            subject=compose._subject(report, subject),
            body=body,
            report=report,
            event=event,
            dedupe_key=key,
            next_attempt_at=timezone.now(),
        )


# --- staff ------------------------------------------------------------------------------------

STAFF_EVENTS: dict[str, str] = {
    E.SUBMITTED: "ppid",
    E.INFO_IDENTITY: "ppid",
    E.INFO_CLARIFIED: "ppid",
    E.INFO_FORWARDED: "ppid",
    E.INFO_OBJECTED: "atasan",
}


def staff_to_tell(event: ReportEvent) -> list[User]:
    """PPID officers of the handling PPID for new work; the Atasan PPID for an objection. Only
    those who asked for immediate messages; never the person who acted."""
    why = STAFF_EVENTS.get(event.kind)
    report = event.report
    if why is None or report.agency_id is None or report.status == Status.INFO_IDENTITY_NEEDED:
        return []
    capability = Capability.ANSWER_INFORMATION if why == "ppid" else Capability.DECIDE_OBJECTION
    roles = [
        r
        for r, caps in ROLE_CAPABILITIES.items()
        if capability in caps and r != Membership.Role.NATIONAL_ADMIN
    ]
    members = Membership.objects.filter(
        role__in=roles, agency_id__in=ancestor_ids(report.agency_id), is_active=True
    )
    users = (
        User.objects.filter(
            pk__in=members.values("user_id"),
            is_active=True,
            notification_preference__immediate=True,
        )
        .exclude(email="")
        .exclude(email__isnull=True)
    )
    if event.actor_id:
        users = users.exclude(pk=event.actor_id)
    return list(users.order_by("pk"))


def _for_staff(event: ReportEvent) -> list[Notification]:
    rows = []
    for user in staff_to_tell(event):
        key = f"event:{event.pk}:staff:{user.pk}:email"
        if Notification.objects.filter(dedupe_key=key).exists():
            continue
        language = compose.language_of(user.preferred_language)
        with translation.override(language):
            if STAFF_EVENTS[event.kind] == "atasan":
                subject = _("An objection waits for your decision")
            else:
                subject = _("An information request waits for the PPID")
            body = compose.tidy(
                "\n\n".join(
                    [
                        subject + ".",
                        _("Tracking number: %(id)s") % {"id": event.report.tracking_id},
                        compose.site_url()
                        + reverse(
                            "ppid_console:request",
                            kwargs={"tracking_id": event.report.tracking_id},
                        ),
                    ]
                )
            )
        rows.append(
            Notification.objects.create(
                recipient_kind=Notification.RecipientKind.STAFF,
                user=user,
                channel=Notification.ChannelName.EMAIL,
                address=user.email or "",
                language=language,
                subject=compose._subject(event.report, subject),
                body=body,
                report=event.report,
                event=event,
                dedupe_key=key,
                next_attempt_at=timezone.now(),
            )
        )
    return rows
