"""Staff endpoints (scope ``staff``; the key acts as its user, with that user's memberships and
capabilities): the console's queues, a case, and follow-ups.

The same doors as the console: ``console.selectors`` for queues, ``console.access.
access_case_for_staff`` for a case (a case outside the user's scope is a 404, exactly as in the
console) and ``case_actions.report_follow_up``. The reporter's identity is never returned here,
not even to staff allowed to see it: that stays in the console, where each read is logged.
"""

# No "from __future__ import annotations": ninja reads the annotations of paginated
# operations in the paginator's module, where these names do not exist.
import base64
import binascii
import datetime as dt
from enum import StrEnum
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.responses import Status

from lapor.agencies.capabilities import Capability, is_staff_member
from lapor.api.auth import api_key_auth, staff_user
from lapor.api.errors import ERROR_RESPONSES, ApiError, ErrorOut
from lapor.api.pagination import Mapped, paginate
from lapor.api.schemas import ActionDone, EventOut, action_done, event_out
from lapor.console import selectors
from lapor.console.access import access_case_for_staff
from lapor.core.errors import DomainError
from lapor.reports import case_actions as ca
from lapor.reports.attachments import (
    AttachmentError,
    StorageUnavailable,
    check_file,
    check_limits,
    discard_staged,
    stage,
)
from lapor.reports.models import Channel, Report, ReportEvent

router = Router(tags=["staff"], auth=api_key_auth)


class QueueName(StrEnum):
    """The console's queues, by their English names."""

    VERIFICATION = "verification"
    FOLLOW_UP = "follow-up"
    WAITING = "waiting"
    OVERDUE = "overdue"
    ALL = "all"


QUEUES = {
    QueueName.VERIFICATION: selectors.Queue.VERIFICATION,
    QueueName.FOLLOW_UP: selectors.Queue.FOLLOW_UP,
    QueueName.WAITING: selectors.Queue.WAITING,
    QueueName.OVERDUE: selectors.Queue.OVERDUE,
    QueueName.ALL: selectors.Queue.ALL,
}


class QueueItem(Schema):
    tracking_id: str
    title: str
    kind: str
    status: str
    status_label: str
    channel: str
    privacy: str
    place: str
    created_at: dt.datetime
    due_at: dt.datetime | None
    remaining_working_days: int | None
    overdue: bool
    remaining_text: str


class CaseOut(Schema):
    tracking_id: str
    title: str
    body: str
    kind: str
    status: str
    status_label: str
    channel: str
    privacy: str
    region_code: str
    category: str
    agency: str
    created_at: dt.datetime
    due_at: dt.datetime | None
    closed_at: dt.datetime | None
    rating: int | None
    timeline: list[EventOut]


class EvidenceIn(Schema):
    name: str = Field(..., max_length=120, description="File name, e.g. hasil.jpg.")
    content_base64: str = Field(..., description="The file, base64-encoded.")


class FollowUpIn(Schema):
    message: str = Field(..., max_length=10_000)
    resolved: bool = Field(
        False, description="Claims the problem is solved: needs at least one evidence file."
    )
    question: bool = Field(False, description="Asks the reporter for more information.")
    evidence: list[EvidenceIn] = Field(
        [],
        max_length=5,
        description="Photos or documents of the result, checked like the console's uploads "
        "(type from content, size limits, photos re-encoded without metadata).",
    )


def _stage_evidence(files: list[EvidenceIn]) -> list[Any]:
    """Decode, check and clean each file as the console's uploads are; 422 naming the file,
    503 when the storage cannot take them. Nothing stays staged after a refusal."""
    staged = []
    fields: dict[str, list[str]] = {}
    try:
        for i, item in enumerate(files):
            try:
                raw = base64.b64decode(item.content_base64, validate=True)
            except (binascii.Error, ValueError):
                fields[f"evidence.{i}.content_base64"] = [_("This is not valid base64.")]
                continue
            try:
                staged.append(stage(check_file(SimpleUploadedFile(item.name or "file", raw))))
            except AttachmentError as exc:
                fields[f"evidence.{i}"] = [exc.message]
    except StorageUnavailable as exc:
        discard_staged(staged)
        raise ApiError(503, "storage_unavailable", exc.message, retry_after=60) from None
    if not fields:
        try:
            check_limits(len(staged), sum(p.size for p in staged))
        except AttachmentError as exc:
            fields["evidence"] = [exc.message]
    if fields:
        discard_staged(staged)
        raise ApiError(422, "validation_error", _("Some fields are missing or not valid."), fields)
    return staged


def _user(request: HttpRequest) -> Any:
    user = staff_user(request)
    if not is_staff_member(user):
        # Not (or no longer) a member of any agency: like the console, nothing exists.
        raise Http404
    return user


def _queue_rows(now: dt.datetime) -> Any:
    def rows(reports: list[Report]) -> list[dict[str, Any]]:
        return [
            {
                "tracking_id": row.report.tracking_id,
                "title": row.report.title_published,
                "kind": row.report.kind,
                "status": row.report.status,
                "status_label": str(row.report.get_status_display()),
                "channel": row.report.channel,
                "privacy": row.report.privacy,
                "place": row.place,
                "created_at": row.report.created_at,
                "due_at": row.due_at,
                "remaining_working_days": row.remaining,
                "overdue": row.overdue,
                "remaining_text": row.remaining_text,
            }
            for row in selectors.queue_rows(reports, now)
        ]

    return rows


@router.get(
    "/queues/{queue}",
    response={200: list[QueueItem], **ERROR_RESPONSES},
    summary="One of the console's queues, oldest deadline first",
)
@paginate
def queue(request: HttpRequest, queue: QueueName, channel: str = "") -> Any:
    user = _user(request)
    which = QUEUES[queue]
    if which not in selectors.available_queues(user):
        raise Http404
    now = timezone.now()
    reports = selectors.queue_reports(user, which, now).select_related("region")
    if channel:
        if channel not in Channel.values:
            raise ApiError(
                422,
                "validation_error",
                _("Some fields are missing or not valid."),
                {"channel": [_("Must be one of: %(values)s.") % {"values": ", ".join(Channel)}]},
            )
        reports = reports.filter(channel=channel)
    return Mapped(reports, _queue_rows(now))


def _case_view(report: Report) -> CaseOut:
    events = ReportEvent.objects.filter(report=report).select_related("agency").order_by("at", "id")
    return CaseOut(
        tracking_id=report.tracking_id,
        title=report.title_published,
        body=report.body_published,
        kind=report.kind,
        status=report.status,
        status_label=str(report.get_status_display()),
        channel=report.channel,
        privacy=report.privacy,
        region_code=report.region.code if report.region_id else "",
        category=report.category.code if report.category else "",
        agency=report.agency.name if report.agency else "",
        created_at=report.created_at,
        due_at=report.due_at,
        closed_at=report.closed_at,
        rating=report.rating,
        timeline=[event_out(e, e.message) for e in events],
    )


@router.get(
    "/reports/{tracking_id}",
    response={200: CaseOut, **ERROR_RESPONSES},
    summary="A case in the key user's scope (404 outside it, as in the console)",
)
def case(request: HttpRequest, tracking_id: str) -> CaseOut:
    user = _user(request)
    return _case_view(access_case_for_staff(user, tracking_id))


@router.post(
    "/reports/{tracking_id}/follow-ups",
    response={201: ActionDone, **ERROR_RESPONSES, 503: ErrorOut},
    summary="Post the agency's follow-up (or a question to the reporter)",
)
def follow_up(request: HttpRequest, tracking_id: str, payload: FollowUpIn) -> Any:
    user = _user(request)
    report = access_case_for_staff(user, tracking_id, Capability.FOLLOW_UP)
    uploads = _stage_evidence(payload.evidence)
    try:
        event = ca.report_follow_up(
            report=report,
            message=payload.message,
            actor=user,
            uploads=uploads,
            resolved=payload.resolved,
            question=payload.question,
        )
    except ca.Forbidden:
        # Outside the user's rights for this action: the same answer as out of scope.
        discard_staged(uploads)
        raise Http404 from None
    except DomainError as exc:
        discard_staged(uploads)
        if exc.code in ("evidence_required", "message_required"):
            field = "evidence" if exc.code == "evidence_required" else "message"
            raise ApiError(422, "validation_error", exc.message, {field: [exc.message]}) from None
        raise
    return Status(201, action_done(report, event, event.message))
