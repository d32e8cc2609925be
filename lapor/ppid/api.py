"""API v1 for information requests (scope ``reports``): file a request for a person, follow it
with its tracking ID + PIN (status, registration number, deadline, notices, objections), and
object. Interface only: the payload is checked by the web's own ``RequestForm``, the writes are
``lapor.ppid.actions``. Answers never carry the requester's identity.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, Literal

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Header, Router, Schema
from ninja.responses import Status

from lapor.agencies.models import Agency
from lapor.api.auth import api_key_auth, request_key, require_scope
from lapor.api.errors import ERROR_RESPONSES, ApiError, form_error
from lapor.api.reports import _region_chain, _unlock
from lapor.core.errors import DomainError
from lapor.reports import pin_vault
from lapor.reports.models import Channel, Clock, Kind

from . import actions
from .forms import RequestForm
from .models import InformationRequest, Notice, Objection

router = Router(tags=["information requests"], auth=api_key_auth)
SCOPE = "reports"
NAMESPACE = uuid.UUID("0e6f6a52-2c07-4f7b-8d56-7a2a0a8d9c31")


class RequesterIn(Schema):
    kind: Literal["person", "legal_entity"] = "person"
    id_number: str = Field(..., max_length=64, description="NIK (16 digits) or registration.")
    full_name: str = Field(..., max_length=150)
    representative: str = Field("", max_length=150, description="For a legal entity.")
    address: str = Field(..., max_length=255)
    occupation: str = Field(..., max_length=120)
    phone: str = Field("", max_length=30)
    email: str = Field("", max_length=254)


class RequestIn(Schema):
    title: str = Field(..., max_length=150, description="What information, in short.")
    information: str = Field(..., max_length=10_000, description="Details of the information.")
    purpose: str = Field(..., max_length=2_000)
    agency_id: int = Field(..., description="The public body asked (directory id).")
    region_code: str = Field(
        ..., max_length=13, description="The requester's regency/city (Kemendagri code)."
    )
    obtain: Literal["see", "softcopy", "hardcopy"] = "softcopy"
    delivery: Literal["collect", "post", "email", "sms_link"] = "email"
    requester: RequesterIn = Field(
        ..., description="Required by UU 14/2008; never published or returned."
    )


class RequestReceiptOut(Schema):
    tracking_id: str
    pin: str | None
    registration_number: str
    created: bool
    status: str
    status_label: str
    answer_due_at: dt.datetime | None
    message: str


class NoticeOut(Schema):
    number: str
    decision: str
    decision_label: str
    issued_at: dt.datetime
    agency: str
    explanation: str
    cost: int
    late: bool


class ObjectionOut(Schema):
    number: str
    grounds: list[str]
    filed_at: dt.datetime
    outcome: str
    decision_number: str | None
    decided_at: dt.datetime | None


class RequestOut(Schema):
    tracking_id: str
    registration_number: str
    title: str
    status: str
    status_label: str
    agency_asked: str
    answered_by: str
    answer_due_at: dt.datetime | None
    allowed_actions: list[str]
    objection_grounds: list[str]
    notices: list[NoticeOut]
    objections: list[ObjectionOut]


class ObjectionIn(Schema):
    grounds: list[Literal["a", "b", "c", "d", "e", "f", "g"]]
    reason: str = Field(..., max_length=5_000)


FIELD_NAMES = {
    "requester_kind": "requester.kind",
    "id_number": "requester.id_number",
    "full_name": "requester.full_name",
    "representative": "requester.representative",
    "address": "requester.address",
    "occupation": "requester.occupation",
    "phone": "requester.phone",
    "email": "requester.email",
    "agency": "agency_id",
    "province": "region_code",
    "regency": "region_code",
}


def _due(report: Any) -> dt.datetime | None:
    clock = (
        Clock.objects.filter(report=report, kind=Clock.Kind.INFO_ANSWER)
        .order_by("-started_at", "-pk")
        .first()
    )
    return clock.due_at if clock else None


@router.post(
    "",
    response={200: RequestReceiptOut, 201: RequestReceiptOut, **ERROR_RESPONSES},
    summary="File an information request for a person (identity required); returns its "
    "tracking ID, PIN (once), registration number and due date",
)
def file_request(
    request: HttpRequest,
    payload: RequestIn,
    idempotency_key: str | None = Header(None, alias="Idempotency-Key", max_length=200),
) -> Any:
    require_scope(request, SCOPE)
    chain = _region_chain(payload.region_code)
    key = None
    if idempotency_key:
        key = uuid.uuid5(NAMESPACE, f"{request_key(request).partner_id}:{idempotency_key}")
    r = payload.requester
    data = {
        "requester_kind": r.kind,
        "id_number": r.id_number,
        "full_name": r.full_name,
        "representative": r.representative,
        "address": r.address,
        "occupation": r.occupation,
        "phone": r.phone,
        "email": r.email,
        "province": chain["province"],
        "regency": chain["regency"],
        "agency": str(payload.agency_id),
        "title": payload.title,
        "information": payload.information,
        "purpose": payload.purpose,
        "obtain": payload.obtain,
        "delivery": payload.delivery,
        "submission_key": str(key or uuid.uuid4()),
    }
    form = RequestForm(data)
    if not form.is_valid():
        raise form_error(form, FIELD_NAMES)
    try:
        filed = actions.request_file(
            **{**form.request_fields(), "submission_key": key}, channel=Channel.API
        )
    except DomainError as exc:
        raise ApiError(422, exc.code or "validation_error", exc.message) from None
    report = filed.report
    pin = filed.pin
    if idempotency_key:
        # A retry gets the PIN back for an hour, sealed under its Idempotency-Key (pin_vault).
        scope = f"api-v1-ppid:{request_key(request).partner_id}"
        if filed.created:
            pin_vault.keep_for_replay(scope=scope, idempotency_key=idempotency_key, pin=pin or "")
        else:
            pin = pin_vault.replay(scope=scope, idempotency_key=idempotency_key)
    info = InformationRequest.objects.get(report=report)
    return Status(
        201 if filed.created else 200,
        RequestReceiptOut(
            tracking_id=report.tracking_id,
            pin=pin,
            registration_number=info.registration_number or "",
            created=filed.created,
            status=report.status,
            status_label=str(report.get_status_display()),
            answer_due_at=_due(report),
            message=_(
                "Request registered. Give the person the tracking number, the PIN and the "
                "registration number: the written answer is due by the date given."
            ),
        ),
    )


PinHeader = Header(..., alias="X-Report-PIN", min_length=1, max_length=12)


def _request(request: HttpRequest, tracking_id: str, pin: str) -> Any:
    report = _unlock(request, tracking_id, pin)
    if report.kind != Kind.INFORMATION_REQUEST:
        raise ApiError(404, "not_found", _("No information request with this number and PIN."))
    return report


def _view(report: Any) -> RequestOut:
    info = InformationRequest.objects.filter(report=report).first()
    requested: Agency | None = report.requested_agency
    return RequestOut(
        tracking_id=report.tracking_id,
        registration_number=(info.registration_number if info else "") or "",
        title=report.title_original,
        status=report.status,
        status_label=str(report.get_status_display()),
        agency_asked=requested.name if requested else "",
        answered_by=report.agency.name if report.agency else "",
        answer_due_at=_due(report),
        allowed_actions=sorted(actions.requester_actions(report)),
        objection_grounds=actions.available_grounds(report),
        notices=[
            NoticeOut(
                number=n.number,
                decision=n.decision,
                decision_label=str(n.get_decision_display()),
                issued_at=n.issued_at,
                agency=n.agency.name,
                explanation=n.explanation,
                cost=n.cost,
                late=n.late,
            )
            for n in Notice.objects.filter(report=report).select_related("agency")
        ],
        objections=[
            ObjectionOut(
                number=o.number,
                grounds=list(o.grounds or []),
                filed_at=o.filed_at,
                outcome=o.outcome,
                decision_number=o.decision_number,
                decided_at=o.decided_at,
            )
            for o in Objection.objects.filter(report=report)
        ],
    )


@router.get(
    "/{tracking_id}",
    response={200: RequestOut, **ERROR_RESPONSES},
    summary="The person's own request, with its PIN in the X-Report-PIN header",
)
def track_request(request: HttpRequest, tracking_id: str, pin: str = PinHeader) -> RequestOut:
    return _view(_request(request, tracking_id, pin))


@router.post(
    "/{tracking_id}/objections",
    response={201: RequestOut, **ERROR_RESPONSES},
    summary="The person objects (keberatan, Article 35) within 30 working days",
)
def object_request(
    request: HttpRequest, tracking_id: str, payload: ObjectionIn, pin: str = PinHeader
) -> Any:
    report = _request(request, tracking_id, pin)
    if "object" not in actions.requester_actions(report):
        raise ApiError(
            409, "not_allowed_now", _("This cannot be done on the request in its current status.")
        )
    try:
        actions.objection_file(
            report=report,
            grounds=payload.grounds,
            reason=payload.reason,
            actor=None,
            channel=Channel.API,
        )
    except DomainError as exc:
        raise ApiError(422, exc.code or "validation_error", exc.message) from None
    report.refresh_from_db()
    return Status(201, _view(report))
