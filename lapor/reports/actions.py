"""Writes on reports. Every function is keyword-only, runs in one transaction and records events.

Interfaces (web, SMS, API, tasks) parse input, call one of these, and render.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lapor.accounts.models import User
from lapor.agencies.capabilities import Capability, holds
from lapor.agencies.models import Agency, Category
from lapor.core.errors import DomainError
from lapor.regions.models import Region
from lapor.reports import derive, events, lifecycle, receipts
from lapor.reports.attachments import check_limits
from lapor.reports.models import (
    CONSENT_BY_CHANNEL,
    DESK_CHANNELS,
    Attachment,
    Channel,
    Consent,
    Kind,
    PendingUpload,
    Privacy,
    Report,
    ReporterIdentity,
    ReportEvent,
    Status,
)
from lapor.reports.tracking import hash_pin, new_pin, new_tracking_id


@dataclass(frozen=True)
class ReporterContact:
    full_name: str = ""
    email: str = ""
    phone: str = ""
    disability: str = ""


@dataclass(frozen=True)
class Submitted:
    report: Report
    # The PIN exists in clear only here, to be shown on the receipt; on a repeat of a
    # submission already received (double submit, retry) it is the first answer's PIN while
    # ``receipts`` still holds it, else None.
    pin: str | None
    created: bool


def _region_codes(region: Region) -> dict[str, str]:
    codes = region.ancestor_codes
    if len(codes) < 2:
        raise DomainError(_("Choose at least the regency or city where it happened."))
    return {
        "province_code": codes[0],
        "regency_code": codes[1],
        "district_code": codes[2] if len(codes) > 2 else "",
        "village_code": codes[3] if len(codes) > 3 else "",
    }


def report_submit(
    *,
    kind: str,
    title: str,
    body: str,
    incident_date: dt.date,
    region: Region,
    privacy: str = Privacy.PUBLIC,
    channel: str = Channel.WEB,
    contact: ReporterContact,
    address: str = "",
    latitude: Decimal | None = None,
    longitude: Decimal | None = None,
    category: Category | None = None,
    requested_agency: Agency | None = None,
    uploads: list[PendingUpload] | tuple[PendingUpload, ...] = (),
    language: str = "id",
    emergency_suspected: bool = False,
    submission_key: uuid.UUID | None = None,
    replay_scope: str | None = "",
    actor: User | None = None,
    filed_by: User | None = None,
    consent: str = "",
    consent_note: str = "",
    derive_later: bool = False,
) -> Submitted:
    """File a report: it enters "awaiting verification" with its identity stored apart.

    A repeated ``submission_key`` (the same form posted twice) returns the report already
    filed instead of creating a second one, with the first answer's PIN while
    ``lapor.reports.receipts`` keeps it for ``replay_scope`` (None: the PIN is not kept).

    ``filed_by`` is a desk officer filing on behalf of a person (``channel`` walk-in desk or
    telephone desk), who must hold ``FILE_ON_BEHALF`` and record how the person consented
    (``consent``, fitting the channel; ``consent_note`` e.g. the signed form's number). The
    officer is the ``submitted`` event's actor, never the report's ``reporter_user``: the
    officer gains no reporter's rights over the report or its identity.

    What follows from the filing (the verification clock, the outbox rows, routing) is derived
    from the ``submitted`` event by ``lapor.reports.derive``: in this transaction, or with
    ``derive_later`` in the worker right after the answer — the public intakes (web form, API
    v1, Open311) then write only the report, its identity, its event, the attachments and the
    receipt's replay; the event, flagged ``derive_pending``, is the worker's queue entry.
    """
    if filed_by is not None or channel in DESK_CHANNELS:
        _check_on_behalf(filed_by=filed_by, actor=actor, channel=channel, consent=consent)
    if kind == Kind.INFORMATION_REQUEST:
        # Information requests have their own process and need the requester's identity
        # (lapor.ppid.actions.request_file); every channel sends them there.
        from lapor.ppid.actions import identity_required_message

        raise DomainError(identity_required_message(), code="information_request")
    check_limits(len(uploads), sum(u.size for u in uploads))
    if not (title.strip() and body.strip()):
        raise DomainError(_("A report needs a title and a description."))
    identity_hidden = Privacy(privacy) == Privacy.ANONYMOUS
    accused: Agency | None = None
    if kind == Kind.WHISTLEBLOWING:
        # A report of wrongdoing is confidential whatever was asked (the reporter who chose
        # anonymity stays anonymous), and the agency named is the accused unit: it will never
        # receive the report (lapor.reports.whistle).
        privacy = Privacy.CONFIDENTIAL
        accused, requested_agency = requested_agency, None
    fields: dict[str, object] = {
        "kind": Kind(kind),
        "title_original": title.strip(),
        "body_original": body.strip(),
        "title_published": title.strip(),
        "body_published": body.strip(),
        "incident_date": incident_date,
        "region": region,
        **_region_codes(region),
        "privacy": Privacy(privacy),
        "channel": Channel(channel),
        "address": address.strip(),
        "latitude": latitude,
        "longitude": longitude,
        "category": category,
        "requested_agency": requested_agency,
        "language": language,
        "emergency_suspected": emergency_suspected,
        "submission_key": submission_key,
        "reporter_user": actor if actor is not None and actor.pk else None,
        "identity_hidden": identity_hidden,
        "accused_agency": accused,
    }
    lifecycle.check_transition(Kind(kind), None, Status.AWAITING_VERIFICATION)
    pin = new_pin()
    # One transaction, the report's INSERT first: a repeated submission key (double click,
    # retry) or a colliding random tracking ID fails right there, and the whole attempt is
    # rolled back and made again (no savepoints), or answered with the first filing.
    for _attempt in range(TRACKING_ID_ATTEMPTS):
        tracking_id = new_tracking_id()
        try:
            with transaction.atomic():
                report = Report.objects.create(
                    tracking_id=tracking_id, pin_hash=hash_pin(tracking_id, pin), **fields
                )
                event = _record_filing(
                    report,
                    contact=contact,
                    filed_by=filed_by,
                    channel=channel,
                    consent=consent,
                    consent_note=consent_note,
                    uploads=uploads,
                )
                # With derive_later the clock, the outbox rows and routing are the worker's:
                # the event's derive_pending flag is its queue entry (lapor.reports.derive).
                if not derive_later:
                    derive.derive(event.pk)
                    # The deadline the derivation wrote, on the object the channel answers from
                    # (the SMS receipt and CEK give it).
                    report.refresh_from_db(fields=["due_at"])
                # Before commit: a racing duplicate, held on the unique key until this
                # commits, then finds the PIN already kept.
                receipts.remember(channel, submission_key, pin, replay_scope)
        except IntegrityError:
            if submission_key is not None:
                # Two identical posts: the other one won (now, or long ago).
                existing = Report.objects.filter(submission_key=submission_key).first()
                if existing is not None:
                    replayed = receipts.recall(channel, submission_key, replay_scope)
                    return Submitted(report=existing, pin=replayed, created=False)
            if not Report.objects.filter(tracking_id=tracking_id).exists():
                raise  # not a collision of the random tracking ID
            continue
        return Submitted(report=report, pin=pin, created=True)
    raise DomainError(_("The system is busy; please send the report again."), code="busy")


# A 9-digit random tracking ID collides rarely; each collision costs one more attempt.
TRACKING_ID_ATTEMPTS = 8


def _record_filing(
    report: Report,
    *,
    contact: ReporterContact,
    filed_by: User | None,
    channel: str,
    consent: str,
    consent_note: str,
    uploads: list[PendingUpload] | tuple[PendingUpload, ...],
) -> ReportEvent:
    """The filing's identity row, its ``submitted`` event (to be derived) and attachments."""
    ReporterIdentity.objects.create(
        report=report,
        user=report.reporter_user,
        full_name=contact.full_name.strip(),
        email=contact.email.strip(),
        phone=contact.phone.strip(),
        disability=contact.disability.strip(),
        consent=consent if filed_by is not None else "",
        consent_note=consent_note.strip()[:255] if filed_by is not None else "",
        consent_recorded_at=timezone.now() if filed_by is not None else None,
    )
    event = ReportEvent.objects.create(
        report=report,
        kind=ReportEvent.Kind.SUBMITTED,
        old_status="",
        new_status=Status.AWAITING_VERIFICATION,
        actor=filed_by if filed_by is not None else report.reporter_user,
        data=_on_behalf_data(channel, consent) if filed_by is not None else {},
        derive_pending=True,
    )
    if uploads:
        _attach(report, event, uploads)
    return event


def _check_on_behalf(
    *, filed_by: User | None, actor: User | None, channel: str, consent: str
) -> None:
    if filed_by is not None and actor is not None:
        raise ValueError("A desk filing has no reporter account: pass filed_by or actor.")
    if filed_by is None or channel not in DESK_CHANNELS:
        raise DomainError(
            _("Only a desk officer files at the walk-in or telephone desk."), code="not_desk"
        )
    if not holds(filed_by, Capability.FILE_ON_BEHALF):
        raise DomainError(
            _("You may not file reports on behalf of other people."), code="forbidden"
        )
    if not consent:
        raise DomainError(
            _("Record how the person agreed to this report being filed for them."),
            code="consent_required",
        )
    if consent not in CONSENT_BY_CHANNEL[Channel(channel)]:
        raise DomainError(
            _("This way of consenting does not fit the channel: %(channel)s.")
            % {"channel": Channel(channel).label},
            code="consent_channel",
        )


# How the event's data names each desk (stable codes, not labels).
DESK_CODES = {Channel.DESK: "walk_in", Channel.PHONE: "phone"}


def _on_behalf_data(channel: str, consent: str) -> dict[str, object]:
    return {
        "on_behalf": True,
        "desk": DESK_CODES[Channel(channel)],
        "consent": Consent(consent).value,
    }


def _insert_report(*, pin: str, region: Region, title: str, body: str, **fields: object) -> Report:
    """Insert a report with a fresh tracking ID, retrying in a savepoint on a collision (the
    information requests' filing, ``lapor.ppid.actions``, inside its own transaction)."""
    codes = _region_codes(region)
    for _attempt in range(TRACKING_ID_ATTEMPTS):
        tracking_id = new_tracking_id()
        try:
            with transaction.atomic():
                return Report.objects.create(
                    tracking_id=tracking_id,
                    pin_hash=hash_pin(tracking_id, pin),
                    region=region,
                    title_original=title,
                    body_original=body,
                    title_published=title,
                    body_published=body,
                    **codes,
                    **fields,
                )
        except IntegrityError:
            key = fields.get("submission_key")
            if isinstance(key, uuid.UUID) and Report.objects.filter(submission_key=key).exists():
                raise
            continue
    raise DomainError(_("The system is busy; please send the report again."), code="busy")


def _attach(report: Report, event: ReportEvent, uploads: list[PendingUpload] | tuple) -> None:
    for pending in uploads:
        Attachment.objects.create(
            report=report,
            event=event,
            file=pending.file.name,
            original_name=pending.original_name,
            content_type=pending.content_type,
            kind=pending.kind,
            size=pending.size,
            sha256=pending.sha256,
            phash=pending.phash,
            captured_at=pending.captured_at,
        )
    # The stored files now belong to the attachments; only the staging rows go.
    PendingUpload.objects.filter(pk__in=[p.pk for p in uploads]).delete()


def report_add_info(
    *,
    report: Report,
    message: str,
    uploads: list[PendingUpload] | tuple[PendingUpload, ...] = (),
    actor: User | None,
) -> ReportEvent:
    """The reporter adds information (text and/or files) to their own open report."""
    message = message.strip()
    if not message and not uploads:
        raise DomainError(_("Write something or attach a file to add to your report."))
    check_limits(len(uploads), sum(u.size for u in uploads))
    with transaction.atomic():
        locked = Report.objects.select_for_update().get(pk=report.pk)
        if locked.status not in lifecycle.ACCEPTS_REPORTER_INFO:
            raise DomainError(
                _("This report is closed; information can no longer be added."), code="closed"
            )
        event = ReportEvent.objects.create(
            report=locked,
            kind=ReportEvent.Kind.REPORTER_INFO,
            old_status=locked.status,
            new_status=locked.status,
            actor=actor if actor is not None and actor.pk else None,
            message=message,
        )
        _attach(locked, event, uploads)
        locked.save(update_fields=["updated_at"])
        from lapor.reports.case_actions import reporter_adds_info

        events.publish(event)
        reporter_adds_info(locked, actor if actor is not None and actor.pk else None)
    return event
