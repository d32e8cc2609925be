"""Writes of the partner integration: keyword-only, one transaction each.

Reports and follow-ups from partners go through the ordinary case actions
(``report_submit``, ``report_follow_up``): the partner adds only its own IDs and its service
user, never a rule of its own.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lapor.accounts.models import User
from lapor.agencies.models import Agency, Category, Membership
from lapor.core.errors import DomainError
from lapor.open311.models import PartnerApp
from lapor.partners import webhooks
from lapor.partners.destinations import validate_webhook_url
from lapor.partners.models import (
    ExternalReference,
    FollowUpReference,
    Integration,
    WebhookDelivery,
    new_secret,
)
from lapor.regions.models import Region
from lapor.reports import case_actions
from lapor.reports.actions import ReporterContact, report_submit
from lapor.reports.models import Channel, Report, ReportEvent

# After a rotation the old secret keeps signing (as a second v1=) this long.
ROTATION_GRACE = dt.timedelta(hours=24)


def service_user_email(partner: PartnerApp) -> str:
    return f"partner-{partner.pk}@mitra.lapor.invalid"


def _check_webhook_url(url: str) -> None:
    """https and a public address only (lapor.partners.destinations); checked again when
    sending."""
    try:
        validate_webhook_url(url)
    except ValidationError as exc:
        raise DomainError(" ".join(exc.messages), code="unsafe_webhook_url") from None


@transaction.atomic
def integration_create(
    *, partner: PartnerApp, agency: Agency, webhook_url: str = ""
) -> tuple[Integration, str]:
    """Set up a partner's two-way integration; returns it and the signing secret (shown once).

    The service user is a liaison officer of ``agency`` with no usable password: it cannot log
    in, and the ordinary capabilities decide which follow-ups it may post."""
    if Integration.objects.filter(partner=partner).exists():
        raise DomainError(_("This partner already has an integration."), code="exists")
    _check_webhook_url(webhook_url)
    user = User.objects.create_user(
        email=service_user_email(partner), password=None, full_name=partner.name
    )
    Membership.objects.create(user=user, agency=agency, role=Membership.Role.LIAISON_OFFICER)
    secret = new_secret()
    integration = Integration.objects.create(
        partner=partner,
        agency=agency,
        service_user=user,
        webhook_url=webhook_url,
        signing_secret=secret,
    )
    return integration, secret


@transaction.atomic
def integration_update(*, integration: Integration, agency: Agency, webhook_url: str) -> None:
    """Change the agency (the service user's membership moves with it) or the webhook URL."""
    _check_webhook_url(webhook_url)
    row = Integration.objects.select_for_update().get(pk=integration.pk)
    if row.agency_id != agency.pk:
        Membership.objects.filter(user_id=row.service_user_id).delete()
        Membership.objects.create(
            user_id=row.service_user_id, agency=agency, role=Membership.Role.LIAISON_OFFICER
        )
    row.agency = agency
    row.webhook_url = webhook_url
    row.save(update_fields=["agency", "webhook_url"])


@transaction.atomic
def integration_rotate_secret(*, integration: Integration) -> str:
    """A new signing secret (returned, shown once); the old one signs too for 24 hours."""
    row = Integration.objects.select_for_update().get(pk=integration.pk)
    now = timezone.now()
    row.previous_secret = row.signing_secret
    row.previous_secret_until = now + ROTATION_GRACE
    row.signing_secret = new_secret()
    row.secret_rotated_at = now
    row.save(
        update_fields=[
            "previous_secret",
            "previous_secret_until",
            "signing_secret",
            "secret_rotated_at",
        ]
    )
    return row.signing_secret


def payload_hash(data: dict[str, Any]) -> str:
    """A fingerprint of the request to tell a resend from a conflict. Keyed with SECRET_KEY:
    the request carries the citizen's contact, and an unkeyed hash of it could be checked
    against guesses."""
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hmac.new(settings.SECRET_KEY.encode(), canonical.encode(), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Pushed:
    report: Report
    # In clear only when the report was created now (to hand to the citizen); None on a resend.
    pin: str | None
    created: bool


class Conflict(DomainError):
    def __init__(self, message: str) -> None:
        super().__init__(message, code="conflict")


def _existing(partner: PartnerApp, external_id: str, digest: str) -> Pushed | None:
    ref = (
        ExternalReference.objects.filter(partner=partner, external_id=external_id)
        .select_related("report")
        .first()
    )
    if ref is None:
        return None
    if ref.payload_hash != digest:
        raise Conflict(
            _(
                "A report with this external ID was already received with different content. "
                "Use a new external ID for a new report."
            )
        )
    return Pushed(report=ref.report, pin=None, created=False)


def partner_report_push(
    *,
    partner: PartnerApp,
    external_id: str,
    canonical: dict[str, Any],
    kind: str,
    title: str,
    body: str,
    region: Region,
    privacy: str,
    contact: ReporterContact,
    incident_date: dt.date,
    address: str = "",
    latitude: Decimal | None = None,
    longitude: Decimal | None = None,
    category: Category | None = None,
    language: str = "id",
) -> Pushed:
    """File a report for a partner under its ``external_id``; a resend of the same request
    returns the report already filed, a different request with the same ID is a ``Conflict``.
    ``canonical`` is the request as parsed (it decides "the same")."""
    digest = payload_hash(canonical)
    found = _existing(partner, external_id, digest)
    if found is not None:
        return found
    try:
        with transaction.atomic():
            done = report_submit(
                kind=kind,
                title=title,
                body=body,
                incident_date=incident_date,
                region=region,
                privacy=privacy,
                channel=Channel.API,
                contact=contact,
                address=address,
                latitude=latitude,
                longitude=longitude,
                category=category,
                language=language,
            )
            ExternalReference.objects.create(
                partner=partner, external_id=external_id, report=done.report, payload_hash=digest
            )
    except IntegrityError:
        # The same ID raced in from a second request: that one won.
        found = _existing(partner, external_id, digest)
        if found is not None:
            return found
        raise
    return Pushed(report=done.report, pin=done.pin, created=True)


def partner_report(*, partner: PartnerApp, external_id: str) -> Report:
    ref = (
        ExternalReference.objects.filter(partner=partner, external_id=external_id)
        .select_related("report", "report__agency")
        .first()
    )
    if ref is None:
        raise DomainError(_("No report with this external ID."), code="not_found")
    return ref.report


@dataclass(frozen=True)
class PostedFollowUp:
    event: ReportEvent
    created: bool


def partner_follow_up(
    *,
    partner: PartnerApp,
    external_id: str,
    message: str,
    question: bool = False,
    follow_up_id: str = "",
) -> PostedFollowUp:
    """A follow-up made in the partner's own app, posted by its service user through the
    ordinary ``report_follow_up`` (same checks, same event, same messages to the reporter).
    With ``follow_up_id`` a resend returns the follow-up already posted."""
    integration = Integration.objects.filter(partner=partner).select_related("service_user").first()
    if integration is None:
        raise DomainError(_("This partner has no integration set up."), code="no_integration")
    report = partner_report(partner=partner, external_id=external_id)
    if follow_up_id:
        previous = (
            FollowUpReference.objects.filter(partner=partner, external_id=follow_up_id)
            .select_related("event")
            .first()
        )
        if previous is not None:
            if previous.event.report_id != report.pk or previous.event.message != message.strip():
                raise Conflict(
                    _("A follow-up with this ID was already received with different content.")
                )
            return PostedFollowUp(event=previous.event, created=False)
    try:
        with transaction.atomic():
            event = case_actions.report_follow_up(
                report=report,
                message=message,
                actor=integration.service_user,
                question=question,
            )
            if follow_up_id:
                FollowUpReference.objects.create(
                    partner=partner, external_id=follow_up_id, event=event
                )
    except case_actions.Forbidden:
        raise Conflict(
            _("This report is not with your agency (or not yet dispositioned to it).")
        ) from None
    except IntegrityError:
        previous = FollowUpReference.objects.filter(
            partner=partner, external_id=follow_up_id
        ).first()
        if previous is not None:
            return PostedFollowUp(event=previous.event, created=False)
        raise
    return PostedFollowUp(event=event, created=True)


def delivery_resend(*, delivery: WebhookDelivery) -> WebhookDelivery:
    """Send a failed webhook again (console button, ``manage.py resend_webhooks``): a fresh
    series of attempts with the same event ID. The caller checked who may."""
    return webhooks.resend(delivery=delivery)
