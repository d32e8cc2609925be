"""Citizen apps (scope ``reports``): submit a report on behalf of a person, then track it with its
tracking ID + PIN, reply to the agency, close it with a rating, or dispute a closure.

Interface only: the payload is checked by the web's own ``ReportForm`` (one set of rules for
every channel), the writes are ``report_submit`` and the case actions, the PIN check and its
rate limit are ``access.unlock_with_pin``. Nothing here reads the reporter's identity.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any, Literal

from django.contrib.sessions.backends.base import SessionBase
from django.http import HttpRequest
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Field, Header, Router, Schema
from ninja.responses import Status

from lapor.api.auth import api_key_auth, request_key, require_scope
from lapor.api.errors import ERROR_RESPONSES, ApiError, form_error
from lapor.api.schemas import ActionDone, EventOut, action_done, event_out
from lapor.core.errors import DomainError
from lapor.reports import access, actions, case_actions, emergency, lifecycle, receipts
from lapor.reports.models import Channel, Report, ReportEvent
from lapor.web.forms import ReportForm

router = Router(tags=["reports"], auth=api_key_auth)

SCOPE = "reports"
# A repeated Idempotency-Key returns the same tracking ID, and the PIN for this long (the
# client's first answer may have been lost on the way; after that only the hash is kept).
PIN_REPLAY_SECONDS = receipts.REPLAY_SECONDS
IDEMPOTENCY_NAMESPACE = uuid.UUID("6f1d3f4e-5b1c-4c1e-9a51-8c0f1d0a7e11")


class ContactIn(Schema):
    full_name: str = Field("", max_length=150)
    email: str = Field("", max_length=254)
    phone: str = Field("", max_length=30)


class ReportIn(Schema):
    kind: Literal["complaint", "aspiration", "information_request", "whistleblowing"] = "complaint"
    title: str = Field(..., max_length=150, description="5 to 150 characters.")
    body: str = Field(..., max_length=10_000, description="20 to 10,000 characters.")
    incident_date: dt.date = Field(..., description="Not in the future.")
    region_code: str = Field(
        ...,
        max_length=13,
        description="Kemendagri code of the regency/city, district or village, "
        "e.g. 34.04.07.2001 (dotted or not).",
    )
    privacy: Literal["public", "anonymous", "confidential"] = "public"
    contact: ContactIn = Field(
        ..., description="A phone number or an e-mail address (or both) is required."
    )
    address: str = Field("", max_length=255)
    latitude: Decimal | None = Field(None, ge=-90, le=90, decimal_places=6)
    longitude: Decimal | None = Field(None, ge=-180, le=180, decimal_places=6)
    category: str = Field("", max_length=80, description="A category code (slug), optional.")


class ReceiptOut(Schema):
    tracking_id: str
    pin: str | None = Field(
        description="Shown once: give it to the person. null when an Idempotency-Key "
        "repeats a submission older than an hour."
    )
    created: bool
    status: str
    status_label: str
    emergency_suspected: bool
    message: str


class ReportOut(Schema):
    tracking_id: str
    kind: str
    title: str
    body: str
    privacy: str
    status: str
    status_label: str
    region_code: str
    agency: str
    created_at: dt.datetime
    closed_at: dt.datetime | None
    rating: int | None
    allowed_actions: list[str]
    timeline: list[EventOut]


class ReplyIn(Schema):
    message: str = Field(..., max_length=5_000)


class CloseIn(Schema):
    rating: int = Field(..., ge=1, le=5, description="1 (very dissatisfied) to 5.")
    comment: str = Field("", max_length=2_000)


class DisputeIn(Schema):
    reason: str = Field(..., max_length=5_000)


# --- submit ------------------------------------------------------------------------------------

# ReportForm field → API field, for error messages.
FORM_FIELDS = {
    "province": "region_code",
    "regency": "region_code",
    "district": "region_code",
    "village": "region_code",
    "full_name": "contact.full_name",
    "email": "contact.email",
    "phone": "contact.phone",
    "requested_agency": "requested_agency",
}


def _unknown_region() -> ApiError:
    return ApiError(
        422,
        "validation_error",
        _("Some fields are missing or not valid."),
        {
            "region_code": [
                _(
                    "Unknown region code: give a Kemendagri code of a regency/city, "
                    "district or village, e.g. 34.04.07.2001."
                )
            ]
        },
    )


def _region_chain(raw: str) -> dict[str, str]:
    """The form's province/regency/district/village from one code. The code names its own
    ancestors ("34.04.07.2001" lies in "34.04.07", "34.04", "34"); the form checks, in one
    query, that every one of them exists (issue 11.5: no second lookup of the same rows)."""
    code = raw.strip()
    if code.isdigit():  # "3404072001" → "34.04.07.2001"
        parts = [code[:2], code[2:4], code[4:6], code[6:]]
        code = ".".join(p for p in parts if p)
    levels = code.split(".")
    # At least a regency or city; at most a village.
    if not 2 <= len(levels) <= 4 or not all(level.isdigit() for level in levels):
        raise _unknown_region()
    codes = [".".join(levels[: i + 1]) for i in range(len(levels))]
    names = ["province", "regency", "district", "village"]
    return {name: codes[i] if i < len(codes) else "" for i, name in enumerate(names)}


def _category_pk(code: str) -> str:
    if not code:
        return ""
    from lapor.agencies.models import Category

    pk = Category.objects.filter(code=code, is_active=True).values_list("pk", flat=True).first()
    if pk is None:
        raise ApiError(
            422,
            "validation_error",
            _("Some fields are missing or not valid."),
            {"category": [_("Unknown category code.")]},
        )
    return str(pk)


def _submission_key(request: HttpRequest, header: str | None) -> uuid.UUID | None:
    if not header:
        return None
    key = request_key(request)
    # Per partner: two partners using the same Idempotency-Key never meet.
    return uuid.uuid5(IDEMPOTENCY_NAMESPACE, f"{key.partner_id}:{header}")


@router.post(
    "",
    response={200: ReceiptOut, 201: ReceiptOut, **ERROR_RESPONSES},
    summary="Submit a report for a person; returns its tracking ID and PIN (once)",
    openapi_extra={"responses": {200: {"description": "A repeated Idempotency-Key"}}},
)
def submit(
    request: HttpRequest,
    payload: ReportIn,
    idempotency_key: str | None = Header(
        None,
        alias="Idempotency-Key",
        max_length=200,
        description="Send the same value again to retry safely: the report is filed once.",
    ),
) -> Any:
    require_scope(request, SCOPE)
    submission_key = _submission_key(request, idempotency_key)
    data = {
        "kind": payload.kind,
        "title": payload.title,
        "body": payload.body,
        "incident_date": payload.incident_date.isoformat(),
        **_region_chain(payload.region_code),
        "privacy": payload.privacy,
        "full_name": payload.contact.full_name,
        "email": payload.contact.email,
        "phone": payload.contact.phone,
        "address": payload.address,
        "latitude": "" if payload.latitude is None else str(payload.latitude),
        "longitude": "" if payload.longitude is None else str(payload.longitude),
        "category": _category_pk(payload.category),
        "requested_agency": "",
        "disability": "",
        "submission_key": str(submission_key or uuid.uuid4()),
    }
    language = get_language() or "id"
    form = ReportForm(data, language=language)
    if not form.is_valid():
        if any(name in form.errors for name in ("province", "regency", "district", "village")):
            raise _unknown_region()
        raise form_error(form, FORM_FIELDS)
    cleaned = form.cleaned_data
    is_emergency = emergency.looks_like_emergency(cleaned["title"], cleaned["body"])
    submitted = actions.report_submit(
        **{**form.report_fields(), "submission_key": submission_key},
        channel=Channel.API,
        language=language,
        emergency_suspected=is_emergency,
        # The clock and the outbox rows: the worker's, right after this answer.
        derive_later=True,
    )
    report = submitted.report
    # A repeat gets the first answer's PIN (lapor.reports.receipts keeps it for an hour).
    pin = submitted.pin
    message = _(
        "Report received. Give the person the tracking number and the PIN: they need both to "
        "follow the report."
    )
    if is_emergency:
        message = _(
            "This looks like an emergency: the person should call 112 now. The report was "
            "received too."
        )
    receipt = ReceiptOut(
        tracking_id=report.tracking_id,
        pin=pin,
        created=submitted.created,
        status=report.status,
        status_label=str(report.get_status_display()),
        emergency_suspected=report.emergency_suspected,
        message=message,
    )
    return Status(201 if submitted.created else 200, receipt)


# --- the reporter's own report, with its PIN ------------------------------------------------


class _ThrowawaySession(SessionBase):
    """``unlock_with_pin`` remembers the report in a session; an API call has none to keep."""

    def exists(self, session_key: str) -> bool:
        return False

    def create(self) -> None:
        return None

    def save(self, must_create: bool = False) -> None:
        return None

    def delete(self, session_key: str | None = None) -> None:
        return None

    def load(self) -> dict[str, Any]:
        return {}


def _unlock(request: HttpRequest, tracking_id: str, pin: str) -> Report:
    require_scope(request, SCOPE)
    session = getattr(request, "session", None)
    request.session = _ThrowawaySession()
    try:
        return access.unlock_with_pin(
            request, tracking_id, pin, api_client=str(request_key(request).pk)
        )
    except access.PinRateLimited as exc:
        raise ApiError(429, "rate_limited", exc.message, retry_after=exc.retry_after) from None
    except DomainError as exc:
        # One answer for "no such report" and "wrong PIN".
        raise ApiError(404, "not_found", exc.message) from None
    finally:
        if session is not None:
            request.session = session


def _allowed(report: Report) -> set[str]:
    return lifecycle.reporter_actions(report)


def _not_now() -> ApiError:
    return ApiError(
        409, "not_allowed_now", _("This cannot be done on the report in its current status.")
    )


PinHeader = Header(..., alias="X-Report-PIN", min_length=1, max_length=12)


def _reporter_view(report: Report) -> ReportOut:
    events = (
        ReportEvent.objects.filter(report=report, is_public=True)
        .select_related("agency")
        .order_by("at", "id")
    )
    return ReportOut(
        tracking_id=report.tracking_id,
        kind=report.kind,
        title=report.title_original,
        body=report.body_original,
        privacy=report.privacy,
        status=report.status,
        status_label=str(report.get_status_display()),
        region_code=report.region_id and report.region.code or "",
        agency=report.agency.name if report.agency else "",
        created_at=report.created_at,
        closed_at=report.closed_at,
        rating=report.rating,
        allowed_actions=sorted(_allowed(report)),
        timeline=[event_out(e, e.message) for e in events],
    )


@router.get(
    "/{tracking_id}",
    response={200: ReportOut, **ERROR_RESPONSES},
    summary="The person's own report, with its PIN in the X-Report-PIN header",
)
def track(request: HttpRequest, tracking_id: str, pin: str = PinHeader) -> ReportOut:
    return _reporter_view(_unlock(request, tracking_id, pin))


@router.post(
    "/{tracking_id}/replies",
    response={201: ActionDone, **ERROR_RESPONSES},
    summary="The person answers the agency's follow-up (or adds information)",
)
def reply(request: HttpRequest, tracking_id: str, payload: ReplyIn, pin: str = PinHeader) -> Any:
    report = _unlock(request, tracking_id, pin)
    allowed = _allowed(report)
    if "reply" in allowed:
        event = case_actions.report_reporter_reply(
            report=report, message=payload.message, actor=None
        )
    elif "info" in allowed:
        event = actions.report_add_info(report=report, message=payload.message, actor=None)
    else:
        raise _not_now()
    return Status(201, action_done(report, event, event.message))


@router.post(
    "/{tracking_id}/close",
    response={201: ActionDone, **ERROR_RESPONSES},
    summary="The person closes the report with a rating of 1–5 and a comment",
)
def close(request: HttpRequest, tracking_id: str, payload: CloseIn, pin: str = PinHeader) -> Any:
    report = _unlock(request, tracking_id, pin)
    if "close" not in _allowed(report):
        raise _not_now()
    event = case_actions.report_close_by_reporter(
        report=report, rating=payload.rating, comment=payload.comment, actor=None
    )
    return Status(201, action_done(report, event, event.message))


@router.post(
    "/{tracking_id}/dispute",
    response={201: ActionDone, **ERROR_RESPONSES},
    summary="The person disputes a closure: the case reopens at the agency",
)
def dispute(
    request: HttpRequest, tracking_id: str, payload: DisputeIn, pin: str = PinHeader
) -> Any:
    report = _unlock(request, tracking_id, pin)
    if "dispute" not in _allowed(report):
        raise _not_now()
    event = case_actions.report_dispute(report=report, reason=payload.reason, actor=None)
    return Status(201, action_done(report, event, event.message))
