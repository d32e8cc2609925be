"""Writes for community nodes. Keyword-only, one transaction each, events where a report moves.

A helper files *for* a person through ``node_file_report``: the report is the person's (they
get the tracking ID and PIN, ``reporter_user`` stays empty, the helper is not the event's
actor, so the agency never learns who the helper is), and a ``NodeFiling`` row lets the node
follow it until the person takes it back (``node_filing_withdraw``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lapor.accounts.models import User
from lapor.agencies.capabilities import Capability, is_staff_member, user_can
from lapor.agencies.models import Agency
from lapor.core.errors import DomainError
from lapor.nodes.access import is_helper, may_manage
from lapor.nodes.models import ConsentCode, HearBack, Node, NodeConsent, NodeFiling, NodeHelper
from lapor.regions.models import Region
from lapor.reports import actions as report_actions
from lapor.reports import case_actions
from lapor.reports.actions import ReporterContact, Submitted
from lapor.reports.models import PendingUpload, Report, ReportEvent

CODE_MINUTES = 15
CODE_MAX_ATTEMPTS = 5


class Forbidden(DomainError):
    def __init__(self) -> None:
        super().__init__(_("You may not do this for this community node."), code="forbidden")


# --- registering nodes and helpers (agency and national admins) -----------------------------


@transaction.atomic
def node_register(
    *, name: str, kind: str, region: Region | None, agency: Agency | None, actor: User
) -> Node:
    """Register an organisation as a node of ``agency`` (None: national, national admins only)."""
    if not user_can(actor, Capability.MANAGE_NODES, agency):
        raise Forbidden()
    name = " ".join(name.split())
    if not name:
        raise DomainError(_("Give the organisation's name."), code="name_required")
    return Node.objects.create(
        name=name[:150], kind=Node.Kind(kind), region=region, agency=agency, registered_by=actor
    )


@transaction.atomic
def node_helper_add(*, node: Node, email: str, actor: User) -> NodeHelper:
    """Add a volunteer by the e-mail address of their own (citizen) account."""
    if not may_manage(actor, node):
        raise Forbidden()
    user = User.objects.filter(email__iexact=email.strip()).first()
    if user is None or not user.is_active:
        raise DomainError(
            _(
                "No account uses this e-mail address. Ask the volunteer to create an account "
                "first (“Register”), then add them again."
            ),
            code="no_account",
        )
    if is_staff_member(user) or user.is_staff:
        raise DomainError(
            _("Helpers are volunteers: a staff account cannot be a node's helper."),
            code="staff",
        )
    helper, created = NodeHelper.objects.get_or_create(
        node=node, user=user, defaults={"added_by": actor}
    )
    if not created and not helper.is_active:
        helper.is_active = True
        helper.added_by = actor
        helper.save(update_fields=["is_active", "added_by"])
    return helper


@transaction.atomic
def node_helper_remove(*, helper: NodeHelper, actor: User) -> None:
    if not may_manage(actor, helper.node):
        raise Forbidden()
    helper.is_active = False
    helper.save(update_fields=["is_active"])


# --- the person's consent by SMS code -------------------------------------------------------


def _keyed(purpose: str, value: str) -> str:
    message = f"{purpose}\x1f{value}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


@transaction.atomic
def node_consent_code_send(*, node: Node, phone: str, language: str, actor: User) -> ConsentCode:
    """Send the person a 6-digit code by SMS; they read it to the helper to confirm that they
    want the report filed. The SMS goes through the outbox like every other message."""
    from lapor.notifications.delivery import enqueue_send
    from lapor.notifications.models import Notification

    if not is_helper(actor, node):
        raise Forbidden()
    now = timezone.now()
    recent = ConsentCode.objects.filter(
        helper=actor, created_at__gte=now - dt.timedelta(hours=1)
    ).count()
    if recent >= 10:
        raise DomainError(
            _("Too many codes sent in the last hour. Please wait and try again."),
            code="rate_limited",
        )
    code = f"{secrets.randbelow(1_000_000):06d}"
    row = ConsentCode.objects.create(
        node=node,
        helper=actor,
        phone_hash=_keyed("consent-phone", phone),
        code_hash=_keyed("consent-code", code),
        expires_at=now + dt.timedelta(minutes=CODE_MINUTES),
    )
    from django.utils import translation

    with translation.override(language):
        body = _(
            "%(code)s is your code for LAPOR!. Tell it to %(node)s's helper only if you agree "
            "that they send your report. It is valid for %(minutes)d minutes."
        ) % {"code": code, "node": node.name[:40], "minutes": CODE_MINUTES}
    notification = Notification.objects.create(
        recipient_kind=Notification.RecipientKind.REPORTER,
        channel=Notification.ChannelName.SMS,
        language=language,
        subject=_("Consent code for a community node"),
        body=body,
        address=phone,
        dedupe_key=f"nodecode:{row.pk}",
        next_attempt_at=now,
    )
    enqueue_send(notification.pk)
    return row


def _check_code(*, node: Node, actor: User, phone: str, code: str) -> ConsentCode:
    now = timezone.now()
    row = (
        ConsentCode.objects.select_for_update()
        .filter(
            node=node,
            helper=actor,
            phone_hash=_keyed("consent-phone", phone),
            used_at__isnull=True,
            expires_at__gt=now,
        )
        .order_by("-created_at")
        .first()
    )
    wrong = DomainError(
        _("The code does not match the one sent to this number. Check it, or send a new one."),
        code="consent_code",
    )
    if row is None or row.attempts >= CODE_MAX_ATTEMPTS:
        raise wrong
    if not hmac.compare_digest(row.code_hash, _keyed("consent-code", code.strip())):
        row.attempts += 1
        row.save(update_fields=["attempts"])
        raise wrong
    row.used_at = now
    row.save(update_fields=["used_at"])
    return row


# --- filing and following for a person -----------------------------------------------------


def node_file_report(
    *,
    node: Node,
    actor: User,
    consent: str,
    consent_note: str = "",
    consent_code: str = "",
    hear_back: str,
    report_fields: dict[str, Any],
    uploads: list[PendingUpload] | tuple[PendingUpload, ...] = (),
    language: str = "id",
    emergency_suspected: bool = False,
) -> Submitted:
    """A helper of ``node`` files a report for a person, with the person's consent.

    ``report_fields`` are ``ReportForm.report_fields()``. The person gets the tracking ID and
    PIN; ``reporter_user`` stays empty and the ``submitted`` event has no actor, so neither
    the agency nor the public timeline ever names the helper. Consent by SMS code needs the
    code sent to the person's number (``node_consent_code_send``)."""
    if not is_helper(actor, node):
        raise Forbidden()
    consent = NodeConsent(consent) if consent in NodeConsent.values else ""
    if not consent:
        raise DomainError(
            _("Record how the person agreed to this report being filed for them."),
            code="consent_required",
        )
    hear_back = HearBack(hear_back) if hear_back in HearBack.values else ""
    if not hear_back:
        raise DomainError(_("Choose how the person wants to hear back."), code="hear_back")
    contact: ReporterContact = report_fields["contact"]
    if hear_back == HearBack.SMS and not contact.phone:
        raise DomainError(
            _("Write down the person's phone number to answer them by SMS."), code="phone"
        )
    if hear_back == HearBack.EMAIL and not contact.email:
        raise DomainError(
            _("Write down the person's e-mail address to answer them by e-mail."), code="email"
        )
    with transaction.atomic():
        if consent == NodeConsent.SMS_CODE:
            if not contact.phone:
                raise DomainError(
                    _("The SMS code goes to the person's phone: write down their number."),
                    code="phone",
                )
            _check_code(node=node, actor=actor, phone=contact.phone, code=consent_code)
        submitted = report_actions.report_submit(
            **report_fields,
            uploads=uploads,
            language=language,
            emergency_suspected=emergency_suspected,
            actor=None,
        )
        report = submitted.report
        if not submitted.created:
            return submitted
        now = timezone.now()
        NodeFiling.objects.create(
            report=report,
            node=node,
            helper=actor,
            consent=consent,
            consent_note=consent_note.strip()[:255],
            consent_recorded_at=now,
            hear_back=hear_back,
        )
        # The timeline says a node helped (not who): the console and the person see it.
        event = ReportEvent.objects.filter(report=report, kind=ReportEvent.Kind.SUBMITTED).first()
        if event is not None:
            event.data = {**event.data, "via_node": node.pk, "node_consent": consent}
            event.save(update_fields=["data"])
    return submitted


def _for_person(filing: NodeFiling, actor: User, write: Callable[[], ReportEvent]) -> ReportEvent:
    """A helper's write in the person's name: only a helper of the node, only while the
    person has not taken the report back; the event is the person's (no actor) and notes that
    it came through the node (not through whom)."""
    if not is_helper(actor, filing.node) or filing.withdrawn_at is not None:
        raise Forbidden()
    with transaction.atomic():
        event = write()
        event.data = {**event.data, "via_node": filing.node_id}
        event.save(update_fields=["data"])
    return event


def node_reply_for_person(
    *,
    filing: NodeFiling,
    actor: User,
    message: str,
    uploads: list[PendingUpload] | tuple[PendingUpload, ...] = (),
) -> ReportEvent:
    """The helper answers the agency's follow-up for the person (as the reporter would)."""
    return _for_person(
        filing,
        actor,
        lambda: case_actions.report_reporter_reply(
            report=filing.report, message=message, uploads=uploads, actor=None
        ),
    )


def node_add_info_for_person(
    *,
    filing: NodeFiling,
    actor: User,
    message: str,
    uploads: list[PendingUpload] | tuple[PendingUpload, ...] = (),
) -> ReportEvent:
    """The helper adds what the person tells them (text, photos, a voice note)."""
    return _for_person(
        filing,
        actor,
        lambda: report_actions.report_add_info(
            report=filing.report, message=message, uploads=uploads, actor=None
        ),
    )


@transaction.atomic
def node_filing_withdraw(*, report: Report, actor: User | None) -> NodeFiling | None:
    """The person (with their tracking ID and PIN, or their account) takes the report back
    from the node: from now on the node sees nothing of it. Recorded in the audit log only."""
    filing = NodeFiling.objects.select_for_update().filter(report=report).first()
    if filing is None or filing.withdrawn_at is not None:
        return filing
    filing.withdrawn_at = timezone.now()
    filing.save(update_fields=["withdrawn_at"])
    ReportEvent.objects.create(
        report=report,
        kind=ReportEvent.Kind.NOTE,
        old_status=report.status,
        new_status=report.status,
        actor=actor if actor is not None and actor.pk else None,
        message="",
        data={"node_withdrawn": filing.node_id},
        is_public=False,
    )
    return filing
