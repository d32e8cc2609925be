"""The satisfaction survey's two actions: inviting the reporter when a case closes (an outbox
row on the reporter's own channel, written in the closure's transaction), and taking one
answer per report — from the web form (after the tracking number + PIN) or by SMS/WhatsApp
(``SKM <number> <nine values>``). A poor answer can reopen the case as a dispute does, while
the closure can still be disputed.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from lapor.core.errors import DomainError
from lapor.notifications.delivery import enqueue_send
from lapor.notifications.models import Notification
from lapor.reports import case_actions, lifecycle
from lapor.reports.models import Kind, Report, ReportEvent, Status
from lapor.skm.method import FIELDS, POOR_BELOW, answer_converted
from lapor.skm.models import SurveyResponse

# The closures after which a service was delivered and can be judged (not archived reports).
SURVEYED_STATUSES = frozenset(
    {Status.CLOSED_BY_REPORTER, Status.CLOSED_BY_ADMIN, Status.CLOSED_BY_SYSTEM}
)
SURVEYED_KINDS = frozenset({Kind.COMPLAINT, Kind.ASPIRATION})
INVITE_PREFIX = "skm:invite:"


def report_key(report: Report) -> str:
    """A keyed hash of the report: one answer per report without pointing at it."""
    message = f"skm-answer\x1f{report.pk}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def can_answer(report: Report) -> bool:
    return (
        report.kind in SURVEYED_KINDS
        and report.status in SURVEYED_STATUSES
        and report.agency_id is not None
        and not SurveyResponse.objects.filter(report_key=report_key(report)).exists()
    )


@dataclass(frozen=True)
class Answered:
    response: SurveyResponse
    poor: bool
    disputed: bool
    # The reporter may still reopen the case (a dispute) after this answer.
    may_dispute: bool


def skm_answer(
    *,
    report: Report,
    values: dict[str, int],
    comment: str = "",
    channel: str,
    appeal: bool = False,
    appeal_reason: str = "",
) -> Answered:
    """Record the reporter's answer (once per report). With ``appeal`` and a poor answer the
    closure is disputed in the same transaction, as the reporter's own dispute would be."""
    if set(values) != set(FIELDS) or any(values[n] not in (1, 2, 3, 4) for n in FIELDS):
        raise DomainError(
            _("Give each of the nine elements a value from 1 to 4."), code="values_required"
        )
    if report.kind not in SURVEYED_KINDS or report.status not in SURVEYED_STATUSES:
        raise DomainError(
            _("The survey opens when the handling of the report is closed."), code="not_closed"
        )
    if report.agency_id is None:
        raise DomainError(_("No agency handled this report."), code="no_agency")
    closed = timezone.localdate(report.closed_at) if report.closed_at else timezone.localdate()
    poor = answer_converted(values) < POOR_BELOW
    try:
        with transaction.atomic():
            response = SurveyResponse.objects.create(
                report_key=report_key(report),
                agency_id=report.agency_id,
                closed_month=closed.replace(day=1),
                channel=channel[:16],
                comment=comment.strip()[:2000],
                **{n: values[n] for n in FIELDS},
            )
            disputed = False
            if appeal and poor and "dispute" in lifecycle.reporter_actions(report):
                reason = (
                    appeal_reason.strip()
                    or comment.strip()
                    or _("The reporter judged the service poor in the satisfaction survey.")
                )
                case_actions.report_dispute(report=report, reason=reason, actor=None)
                disputed = True
    except IntegrityError:
        raise DomainError(
            _("The survey for this report has already been answered."), code="already_answered"
        ) from None
    return Answered(
        response=response,
        poor=poor,
        disputed=disputed,
        may_dispute=poor and not disputed and "dispute" in lifecycle.reporter_actions(report),
    )


def invite_on_closure(event: ReportEvent) -> None:
    """Outbox subscriber: when a case closes, invite its reporter (once per report) on the
    channel they are answered on."""
    if event.kind != ReportEvent.Kind.CLOSED or event.new_status not in SURVEYED_STATUSES:
        return
    report = event.report
    if report.kind not in SURVEYED_KINDS or report.agency_id is None:
        return
    key = f"{INVITE_PREFIX}{report.pk}"
    if Notification.objects.filter(dedupe_key=key).exists():
        return
    from lapor.notifications.compose import language_of, site_url
    from lapor.notifications.outbox import reporter_channel

    channel = reporter_channel(report)
    language = language_of(report.language)
    with translation.override(language):
        url = site_url() + reverse("skm:survey", kwargs={"tracking_id": report.tracking_id})
        values = {"id": report.tracking_id, "url": url}
        subject = _("How satisfied are you with the handling of report #%(id)s?") % values
        if channel in (Notification.ChannelName.SMS, Notification.ChannelName.WHATSAPP):
            body = (
                _(
                    "LAPOR #%(id)s: how satisfied are you? Send SKM %(id)s and 9 values 1-4 (1 not "
                    "good, 4 very good) for: requirements, procedure, time, cost, result, "
                    "competence, behaviour, complaint handling, facilities. "
                    "E.g. SKM %(id)s 4 4 3 4 4 3 4 4 3. Anonymous."
                )
                % values
            )
        else:
            body = "\n\n".join(
                [
                    _(
                        "The handling of your report #%(id)s has been closed. How satisfied "
                        "are you with the service? The community satisfaction survey (SKM) "
                        "has nine short questions, each answered from 1 (not good) to 4 (very "
                        "good)."
                    )
                    % values,
                    _("Answer here with your tracking number and PIN: %(url)s") % values,
                    _(
                        "Your answer is anonymous: the agency and the public see only totals "
                        "per agency, never who answered what. One answer per report."
                    ),
                ]
            )
    notification = Notification.objects.create(
        recipient_kind=Notification.RecipientKind.REPORTER,
        channel=channel,
        language=language,
        subject=subject[:255],
        body=body,
        report=report,
        dedupe_key=key,
        next_attempt_at=timezone.now(),
    )
    enqueue_send(notification.pk)
