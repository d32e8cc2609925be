"""API v1 for partner apps (mounted at /api/v1/partner/ by lapor.api): push reports under the
partner's own IDs, read their status and public timeline, post follow-ups made in the partner's
app, read the webhook delivery log. Interface only: parse, call ``actions``, render.

Every endpoint needs a key with the ``partner`` scope and a partner with an integration.
"""

import datetime as dt
from decimal import Decimal
from typing import Any, Literal

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from lapor.agencies.models import Category
from lapor.api.auth import api_key_auth, request_key, require_scope
from lapor.api.errors import ERROR_RESPONSES, ApiError
from lapor.api.pagination import paginate
from lapor.core.errors import DomainError
from lapor.core.timezones import WIB
from lapor.open311.mapping import open311_status
from lapor.open311.models import PartnerApp
from lapor.partners import actions
from lapor.partners.models import Integration, WebhookDelivery
from lapor.partners.selectors import deliveries_of
from lapor.regions.models import Region
from lapor.reports.actions import ReporterContact
from lapor.reports.models import Report, ReportEvent
from lapor.reports.selectors import public_event_message

router = Router(tags=["partner"], auth=api_key_auth)

EXTERNAL_ID = r"^[A-Za-z0-9._:\-]{1,100}$"


def _partner(request: HttpRequest) -> PartnerApp:
    require_scope(request, "partner")
    partner = request_key(request).partner
    if not Integration.objects.filter(partner=partner).exists():
        raise ApiError(
            403,
            "no_integration",
            _("This partner has no integration set up: ask the national admins."),
        )
    return partner


def _invalid(field: str, message: str) -> ApiError:
    return ApiError(
        422, "validation_error", _("Some fields are missing or not valid."), {field: [message]}
    )


def _domain(exc: DomainError) -> ApiError:
    if exc.code == "not_found":
        return ApiError(404, "not_found", exc.message)
    if exc.code in ("conflict", "illegal_transition"):
        return ApiError(409, exc.code, exc.message)
    return ApiError(400, exc.code, exc.message)


# --- schemas ------------------------------------------------------------------------------


class ContactIn(Schema):
    full_name: str = Field("", max_length=150)
    email: str = Field("", max_length=254)
    phone: str = Field("", max_length=20)


class ReportIn(Schema):
    external_id: str = Field(..., pattern=EXTERNAL_ID, description="The partner's own ID.")
    region_code: str = Field(
        ..., max_length=20, description="Kemendagri code of a regency/city, district or village."
    )
    title: str = Field(..., min_length=1, max_length=200)
    description: str = Field(..., min_length=1, max_length=4000)
    kind: Literal["complaint", "aspiration", "information_request"] = "complaint"
    privacy: Literal["public", "anonymous", "confidential"] = "public"
    incident_date: dt.date | None = None
    address: str = Field("", max_length=255)
    latitude: Decimal | None = Field(None, ge=-90, le=90)
    longitude: Decimal | None = Field(None, ge=-180, le=180)
    category: str | None = Field(None, max_length=60, description="Category code.")
    language: Literal["id", "en"] = "id"
    contact: ContactIn = Field(default_factory=ContactIn)  # type: ignore[arg-type]


class PushedOut(Schema):
    tracking_id: str
    external_id: str
    status: str
    created: bool
    pin: str | None = Field(
        None, description="Only when created: give it to the citizen with the tracking ID."
    )


class TimelineItemOut(Schema):
    kind: str
    status: str
    message: str
    agency: str | None
    at: dt.datetime


class ReportOut(Schema):
    tracking_id: str
    external_id: str
    status: str
    open311_status: str
    agency: str | None
    created_at: dt.datetime
    timeline: list[TimelineItemOut]


class FollowUpIn(Schema):
    message: str = Field(..., min_length=1, max_length=4000)
    question: bool = Field(False, description="Ask the citizen for more information instead.")
    follow_up_id: str = Field(
        "", pattern=r"^[A-Za-z0-9._:\-]{0,100}$", description="Partner's ID: resends are safe."
    )


class FollowUpOut(Schema):
    kind: str
    status: str
    at: dt.datetime
    created: bool


class DeliveryOut(Schema):
    event_id: str
    event_type: str
    tracking_id: str
    external_id: str | None
    status: str
    attempts: int
    last_status_code: int | None
    last_error: str
    created_at: dt.datetime
    last_attempt_at: dt.datetime | None
    next_attempt_at: dt.datetime | None
    delivered_at: dt.datetime | None

    @staticmethod
    def resolve_event_id(obj: WebhookDelivery) -> str:
        return str(obj.event_uuid)

    @staticmethod
    def resolve_tracking_id(obj: WebhookDelivery) -> str:
        return str(obj.report.tracking_id)

    @staticmethod
    def resolve_external_id(obj: WebhookDelivery) -> str | None:
        return (obj.payload.get("report") or {}).get("external_id")


class DeliveryFilter(Schema):
    status: Literal["pending", "sending", "delivered", "failed"] | None = None


# --- endpoints ----------------------------------------------------------------------------


def _pushed(result: actions.Pushed, external_id: str) -> PushedOut:
    return PushedOut(
        tracking_id=result.report.tracking_id,
        external_id=external_id,
        status=result.report.status,
        created=result.created,
        pin=result.pin,
    )


@router.post(
    "/reports",
    response={200: PushedOut, 201: PushedOut, **ERROR_RESPONSES},
    summary="Push a report under the partner's own ID (a resend returns the same report)",
)
def push_report(request: HttpRequest, payload: ReportIn) -> Any:
    partner = _partner(request)
    code = payload.region_code.strip().replace(" ", "")
    if code.isdigit():
        code = ".".join(p for p in (code[:2], code[2:4], code[4:6], code[6:]) if p)
    region = Region.objects.filter(code=code).first()
    if region is None or region.level < Region.Level.REGENCY:
        raise _invalid(
            "region_code",
            _("Unknown region code: give a regency/city, district or village code."),
        )
    category = None
    if payload.category:
        category = Category.objects.filter(code=payload.category, is_active=True).first()
        if category is None:
            raise _invalid("category", _("Unknown category code."))
    email = payload.contact.email.strip()
    if email:
        try:
            validate_email(email)
        except DjangoValidationError:
            raise _invalid("contact.email", _("Enter a valid e-mail address.")) from None
    for name in ("title", "description"):
        if not getattr(payload, name).strip():
            raise _invalid(name, _("A report needs a title and a description."))
    try:
        result = actions.partner_report_push(
            partner=partner,
            external_id=payload.external_id,
            canonical=payload.model_dump(mode="json"),
            kind=payload.kind,
            title=payload.title,
            body=payload.description,
            region=region,
            privacy=payload.privacy,
            contact=ReporterContact(
                full_name=payload.contact.full_name,
                email=email,
                phone=payload.contact.phone,
            ),
            incident_date=payload.incident_date or timezone.localdate(timezone.now(), WIB),
            address=payload.address,
            latitude=payload.latitude,
            longitude=payload.longitude,
            category=category,
            language=payload.language,
        )
    except DomainError as exc:
        raise _domain(exc) from None
    return Status(201 if result.created else 200, _pushed(result, payload.external_id))


def _timeline(report: Report) -> list[TimelineItemOut]:
    events = (
        ReportEvent.objects.filter(report=report, is_public=True)
        .select_related("agency", "target_agency")
        .order_by("at", "pk")
    )
    items = []
    for event in events:
        agency = event.agency or event.target_agency
        items.append(
            TimelineItemOut(
                kind=event.kind,
                status=event.new_status,
                message=public_event_message(event),
                agency=agency.name if agency is not None else None,
                at=event.at,
            )
        )
    return items


@router.get(
    "/reports/{external_id}",
    response={200: ReportOut, **ERROR_RESPONSES},
    summary="Status and public timeline of a report the partner pushed",
)
def get_report(request: HttpRequest, external_id: str) -> ReportOut:
    partner = _partner(request)
    try:
        report = actions.partner_report(partner=partner, external_id=external_id)
    except DomainError as exc:
        raise _domain(exc) from None
    return ReportOut(
        tracking_id=report.tracking_id,
        external_id=external_id,
        status=report.status,
        open311_status=open311_status(report.status),
        agency=report.agency.name if report.agency is not None else None,
        created_at=report.created_at,
        timeline=_timeline(report),
    )


@router.post(
    "/reports/{external_id}/follow-ups",
    response={200: FollowUpOut, 201: FollowUpOut, **ERROR_RESPONSES},
    summary="Post a follow-up made in the partner's own app (by its service user)",
)
def post_follow_up(request: HttpRequest, external_id: str, payload: FollowUpIn) -> Any:
    partner = _partner(request)
    if not payload.message.strip():
        raise _invalid("message", _("Write the follow-up for the reporter."))
    try:
        posted = actions.partner_follow_up(
            partner=partner,
            external_id=external_id,
            message=payload.message,
            question=payload.question,
            follow_up_id=payload.follow_up_id,
        )
    except DomainError as exc:
        raise _domain(exc) from None
    event = posted.event
    out = FollowUpOut(kind=event.kind, status=event.new_status, at=event.at, created=posted.created)
    return Status(201 if posted.created else 200, out)


@router.get(
    "/deliveries",
    response={200: list[DeliveryOut], **ERROR_RESPONSES},
    summary="The partner's webhook delivery log, newest first",
)
@paginate
def list_deliveries(request: HttpRequest, filters: Query[DeliveryFilter]) -> QuerySet[Any]:
    partner = _partner(request)
    rows = deliveries_of(partner)
    if filters.status:
        rows = rows.filter(status=filters.status)
    return rows
