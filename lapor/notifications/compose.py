"""What a message says: subject and plain-text body, rendered in the recipient's language.

Rules that keep identities safe, whoever reads the mailbox:
- reporter messages never contain a name (the reporter's or a staff member's): staff are
  "an officer of <agency>"; the greeting is "Dear reporter";
- the report's title is only repeated for public reports (an anonymous or confidential report's
  title may itself say who is complaining about whom);
- staff messages carry the tracking number, the published title and the agency, never the
  reporter's identity.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lapor.agencies.models import Agency
from lapor.reports import whistle
from lapor.reports.models import Privacy, Report, ReportEvent, Status

Kind = ReportEvent.Kind

DEFAULT_SITE_URL = "http://127.0.0.1:8000"

# Subjects of reporter messages, by event kind (``%(agency)s`` is the agency concerned).
REPORTER_SUBJECTS = {
    Kind.SUBMITTED: gettext_lazy("Your report has been received"),
    Kind.DISPOSED: gettext_lazy("Your report has been dispositioned to %(agency)s"),
    Kind.POSTPONED: gettext_lazy("Your report needs clarification"),
    Kind.ARCHIVED: gettext_lazy("Your report has been archived"),
    Kind.FOLLOW_UP: gettext_lazy("%(agency)s has followed up your report"),
    Kind.QUESTION: gettext_lazy("%(agency)s asks you for more information"),
    Kind.TRANSFERRED: gettext_lazy("Your report has been transferred to %(agency)s"),
    Kind.AGENCY_INVOLVED: gettext_lazy("%(agency)s is now also handling your report"),
    Kind.CLOSED: gettext_lazy("Your report has been closed"),
    Kind.DISPUTED: gettext_lazy("Your report has been reopened"),
    Kind.WHISTLE_OPENED: gettext_lazy("Your report is handled as a report of wrongdoing"),
    Kind.REFERRED: gettext_lazy("Your report has been referred to another institution"),
}

# Archived by the system (sweep); the admins' reasons come from lifecycle.ARCHIVE_REASONS.
SYSTEM_ARCHIVE_REASONS = {
    "no_clarification_in_10_working_days": gettext_lazy(
        "No clarification was received within 10 working days"
    ),
}


def archive_reason(code: str) -> str:
    # Imported here: case_actions imports the outbox, which imports this module.
    from lapor.reports.lifecycle import ARCHIVE_REASONS

    label = ARCHIVE_REASONS.get(code) or SYSTEM_ARCHIVE_REASONS.get(code)
    return str(label) if label else ""


# Why a staff member gets an immediate message, by event kind.
STAFF_SUBJECTS = {
    "verify": gettext_lazy("A report is waiting for verification"),
    "handle": gettext_lazy("A report has been dispositioned to %(agency)s"),
    "reporter": gettext_lazy("The reporter has answered"),
    "disputed": gettext_lazy("The reporter disputes the closure; the case is reopened"),
    "escalated": gettext_lazy("A deadline was missed; the case is escalated"),
}


@dataclass(frozen=True)
class Composed:
    subject: str
    body: str


def site_url() -> str:
    """Absolute base of links in messages (``settings.SITE_URL``; the web server's own address
    in development)."""
    return str(getattr(settings, "SITE_URL", DEFAULT_SITE_URL) or DEFAULT_SITE_URL).rstrip("/")


def language_of(code: str | None) -> str:
    known = {c for c, _label in settings.LANGUAGES}
    return code if code in known else settings.LANGUAGE_CODE


def tracking_url(report: Report) -> str:
    """The tracking page with the number filled in: it still asks for the PIN, so a forwarded
    or intercepted e-mail does not open the report."""
    return f"{site_url()}{reverse('web:track')}?id={report.tracking_id}"


def console_url(report: Report | None = None) -> str:
    """The case in the staff console (``console:case``), or the console's front page.

    The console is another app: if its URL names change, messages still carry a working link
    to the console's root instead of failing to render.
    """
    try:
        if report is not None:
            path = reverse("console:case", kwargs={"tracking_id": report.tracking_id})
        else:
            path = reverse("console:dashboard")
    except NoReverseMatch:
        prefix = "" if translation.get_language() == settings.LANGUAGE_CODE else "/en"
        path = f"{prefix}/konsol/"
    return site_url() + path


def agency_label(agency: Agency | None) -> str:
    if agency is None:
        return _("the agency")
    return agency.name


def _short(agency: Agency | None) -> str:
    """Subjects are read on small screens: the short name when the directory has one."""
    if agency is None:
        return _("the agency")
    return agency.short_name or agency.name


def _subject(report: Report, text: str) -> str:
    # One line, whatever an agency name contains: a newline would be a header injection.
    line = " ".join(f"[{settings.SITE_NAME} #{report.tracking_id}] {text}".split())
    return line[:255]


def _event_agency(event: ReportEvent) -> Agency | None:
    if event.kind in (Kind.DISPOSED, Kind.TRANSFERRED, Kind.AGENCY_INVOLVED):
        return event.target_agency or event.report.agency
    return event.agency or event.report.agency


def reporter_message(event: ReportEvent, language: str) -> Composed:
    """The reporter's e-mail about ``event``, in ``language``."""
    report = event.report
    with translation.override(language):
        agency = _event_agency(event)
        context = {
            "site_name": settings.SITE_NAME,
            "tracking_id": report.tracking_id,
            "title": report.title_published if report.privacy == Privacy.PUBLIC else "",
            "agency": agency_label(agency),
            "message": event.message,
            "data": event.data or {},
            "by_system": event.actor_id is None,
            "closed_by_system": event.new_status
            in (Status.CLOSED_BY_SYSTEM, Status.ARCHIVED_BY_SYSTEM),
            "reason": archive_reason(str((event.data or {}).get("reason", ""))),
            "referred_to": whistle.referral_label(str((event.data or {}).get("body", ""))),
            "reference": str((event.data or {}).get("reference", "")),
            "tracking_url": tracking_url(report),
        }
        body = render_to_string(f"notifications/email/reporter/{event.kind}.txt", context)
        subject = str(REPORTER_SUBJECTS[Kind(event.kind)]) % {"agency": _short(agency)}
        return Composed(_subject(report, subject), tidy(body))


def staff_message(event: ReportEvent, why: str, language: str) -> Composed:
    """An immediate message to a staff member who asked for one."""
    report = event.report
    with translation.override(language):
        agency = _event_agency(event)
        subject = str(STAFF_SUBJECTS[why]) % {"agency": _short(agency)}
        body = render_to_string(
            "notifications/email/staff/event.txt",
            {
                "site_name": settings.SITE_NAME,
                "why": why,
                "level": (event.data or {}).get("level"),
                "tracking_id": report.tracking_id,
                "title": whistle.staff_title(report),
                "agency": agency_label(agency),
                "console_url": console_url(report),
                "preferences_url": site_url() + reverse("notifications:preferences"),
            },
        )
        return Composed(_subject(report, subject), tidy(body))


def tidy(body: str) -> str:
    """Templates indent for readability; the e-mail gets no runs of blank lines."""
    lines = [line.rstrip() for line in body.strip().splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out) + "\n"
