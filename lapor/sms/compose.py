"""What an SMS says: short texts in the report's language, one per event the reporter hears
about, plus the answers to incoming commands.

Same rules as e-mail (``lapor.notifications.compose``): no names (staff are "⟨agency⟩"), the
title is never repeated (an SMS is read on a shared phone). Agency words are cut so that a
message costs at most ``MAX_PARTS`` SMS; the full text is on the tracking page.
"""

from __future__ import annotations

from django.conf import settings
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from lapor.core.timezones import zone_for_region
from lapor.notifications.compose import Composed, _event_agency, _short, archive_reason, site_url
from lapor.reports.models import Channel, Report, ReportEvent, Status
from lapor.reports.whistle import referral_label
from lapor.sms import gsm

Kind = ReportEvent.Kind

# Replaced by the receipt's PIN when the SMS is sent (lapor.sms.models.ReceiptPin): the PIN is
# never stored in the outbox, which staff can read.
PIN_SLOT = "{PIN}"
MAX_PARTS = 4


def _fit(text: str) -> str:
    return gsm.fit(" ".join(text.split()), MAX_PARTS)


def _quote(message: str, room: int = 300) -> str:
    message = " ".join((message or "").split())
    return message if len(message) <= room else message[: room - 3].rstrip() + "..."


def track_url() -> str:
    from django.urls import reverse

    return site_url() + reverse("web:track")


def reporter_sms(event: ReportEvent, language: str) -> Composed:
    """The reporter's SMS about ``event`` (subject for the staff's outbox list only)."""
    report = event.report
    with translation.override(language):
        agency = _short(_event_agency(event))
        values = {
            "id": report.tracking_id,
            "agency": agency,
            "message": _quote(event.message),
            "pin": PIN_SLOT,
            "url": track_url(),
        }
        kind = event.kind
        if kind == Kind.SUBMITTED and report.channel == Channel.PHONE:
            # Filed for a caller at the telephone desk: the PIN was read out on the call.
            text = _(
                "LAPOR: an officer filed your report by telephone. Number %(id)s; keep the "
                "PIN you were told. Send CEK %(id)s for its status, or see %(url)s"
            )
        elif kind == Kind.SUBMITTED:
            text = _(
                "LAPOR 1708: your report has been received. Number %(id)s, PIN %(pin)s. "
                "Send CEK %(id)s for its status, or see %(url)s"
            )
        elif kind == Kind.DISPOSED:
            text = _("LAPOR #%(id)s: verified and forwarded to %(agency)s.")
        elif kind == Kind.POSTPONED:
            text = _(
                "LAPOR #%(id)s needs clarification: %(message)s Answer with: BALAS %(id)s "
                "<your answer>"
            )
        elif kind == Kind.ARCHIVED:
            values["reason"] = archive_reason(str((event.data or {}).get("reason", ""))) or "-"
            text = _("LAPOR #%(id)s has been archived: %(reason)s")
        elif kind == Kind.FOLLOW_UP:
            text = _(
                "LAPOR #%(id)s followed up by %(agency)s: %(message)s Reply: BALAS %(id)s "
                "<text>. Solved? TUTUP %(id)s <rating 1-5>"
            )
        elif kind == Kind.QUESTION:
            text = _("LAPOR #%(id)s: %(agency)s asks: %(message)s Answer: BALAS %(id)s <text>")
        elif kind == Kind.TRANSFERRED:
            text = _("LAPOR #%(id)s has been transferred to %(agency)s.")
        elif kind == Kind.AGENCY_INVOLVED:
            text = _("LAPOR #%(id)s: %(agency)s is now also handling your report.")
        elif kind == Kind.CLOSED:
            text = _(
                "LAPOR #%(id)s has been closed. Not solved? SANGGAH %(id)s <reason> within 30 days."
            )
        elif kind == Kind.DISPUTED:
            text = _("LAPOR #%(id)s has been reopened and sent back to %(agency)s.")
        elif kind == Kind.WHISTLE_OPENED:
            text = _(
                "LAPOR #%(id)s is handled as a confidential report of wrongdoing by the internal "
                "auditor, never by the unit it is about. Your number and PIN stay the same."
            )
        elif kind == Kind.REFERRED:
            values["body"] = referral_label(str((event.data or {}).get("body", "")))
            text = _("LAPOR #%(id)s has been referred to %(body)s. %(message)s")
        else:
            text = _("LAPOR #%(id)s has news: see %(url)s")
        subject = _("SMS about report #%(id)s") % values
        return Composed(subject, _fit(text % values))


def status_text(report: Report, language: str) -> str:
    """The answer to CEK: status, agency and where the deadline stands."""
    with translation.override(language):
        values = {
            "id": report.tracking_id,
            "status": Status(report.status).label,
            "agency": _short(report.agency) if report.agency_id else "-",
        }
        text = _("LAPOR #%(id)s: %(status)s. Agency: %(agency)s.") % values
        if report.due_at is not None:
            # In the time zone of the case's place (WIT for Papua), as the deadline is there.
            due = timezone.localtime(report.due_at, zone_for_region(report.regency_code))
            date = formats.date_format(due, "j M Y")
            if due < timezone.now():
                text += " " + _("Deadline %(date)s has passed; it is escalated.") % {"date": date}
            else:
                text += " " + _("Next deadline: %(date)s.") % {"date": date}
        return _fit(text)


def help_text(language: str = "id") -> str:
    with translation.override(language):
        return _fit(
            _(
                "LAPOR 1708: send LAPOR <what happened, where: regency/city> (or ASPIRASI, "
                "PERMINTAAN for information). CEK <number> for status. BALAS <number> <text> "
                "to reply. TUTUP <number> <1-5> to close. SANGGAH <number> <reason> to reopen."
            )
        )


def answer(text: str) -> str:
    return _fit(text)


def site_name() -> str:
    return str(settings.SITE_NAME)
