"""The staff member's daily summary: what is new in their queues, what is overdue in their scope.

One e-mail a day instead of one per case is the default (DOMAIN.md §10: notification floods).
Scopes come from the capabilities module only, so the digest can never show a case the console
would answer 404 for. Items carry the tracking number, the *published, masked* title
(``Report.title_masked``: what the public reads, NIK, phone numbers and e-mail addresses
masked; a new report's published title is still the reporter's own words) and the agency —
never the reporter's identity.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import ngettext

from lapor.accounts.models import User
from lapor.agencies.capabilities import Capability, scope_agency_ids, verification_regions
from lapor.agencies.models import Membership
from lapor.core.timezones import WIB
from lapor.notifications import compose
from lapor.notifications.delivery import enqueue_send
from lapor.notifications.models import Notification, StaffPreference
from lapor.reports import whistle
from lapor.reports.models import Assignment, Clock, Report, ReportEvent, Status
from lapor.reports.scope import case_scope_q

Kind = ReportEvent.Kind

# A national admin's scope is the whole country: list the first items and count the rest.
SECTION_LIMIT = 50
PERIOD = dt.timedelta(days=1)
ENTERS_VERIFICATION = (Kind.SUBMITTED, Kind.RESUMED, Kind.NOT_AUTHORITY)
ENTERS_AGENCY_QUEUE = (
    Kind.DISPOSED,
    Kind.TRANSFERRED,
    Kind.AGENCY_INVOLVED,
    Kind.REPORTER_REPLY,
    Kind.REPORTER_INFO,
    Kind.DISPUTED,
)
OVERDUE_CLOCKS = (Clock.Kind.VERIFY, Clock.Kind.FIRST_FOLLOW_UP, Clock.Kind.RESOLUTION)


@dataclass
class Item:
    tracking_id: str
    title: str
    agency: str = ""
    due: str = ""


@dataclass
class Section:
    heading: str
    items: list[Item] = field(default_factory=list)
    more: int = 0


def _region_filter(regions: list[str], prefix: str = "") -> Q:
    return Q(**{f"{prefix}regency_code__in": regions}) | Q(
        **{f"{prefix}province_code__in": regions}
    )


def _new_since(kinds: tuple[str, ...], since: dt.datetime) -> Exists:
    return Exists(ReportEvent.objects.filter(report=OuterRef("pk"), kind__in=kinds, at__gte=since))


def to_verify(user: User, since: dt.datetime) -> QuerySet[Report] | None:
    regions = verification_regions(user)
    if regions is not None and not regions:
        return None
    reports = Report.objects.filter(status=Status.AWAITING_VERIFICATION)
    if regions is not None:
        # Reports sent up for national routing are no longer the region's to verify.
        reports = reports.filter(_region_filter(regions), needs_national_routing=False)
    if regions is not None:
        reports = reports.filter(whistle.visible_q(user))  # never the accused side
    return reports.filter(_new_since(ENTERS_VERIFICATION, since)).order_by("created_at")


def to_handle(user: User, since: dt.datetime) -> QuerySet[Report] | None:
    scope = scope_agency_ids(user, Capability.FOLLOW_UP)
    if scope is not None and not scope:
        return None
    reports = Report.objects.filter(status__in=[Status.DISPOSED, Status.REPORTER_REPLIED])
    if scope is not None:
        assigned = Assignment.objects.filter(active=True, agency_id__in=scope)
        reports = reports.filter(pk__in=assigned.values("report_id"))
        reports = reports.filter(whistle.visible_q(user, Capability.FOLLOW_UP))
    return (
        reports.filter(_new_since(ENTERS_AGENCY_QUEUE, since))
        .select_related("agency")
        .order_by("created_at")
    )


def overdue(user: User, now: dt.datetime) -> QuerySet[Clock] | None:
    scope = scope_agency_ids(user, Capability.VIEW)
    clocks = Clock.objects.filter(stopped_at__isnull=True, due_at__lt=now, kind__in=OVERDUE_CLOCKS)
    if scope is not None:
        regions = verification_regions(user) or []
        condition = Q(pk__in=[])
        if scope:
            condition |= Q(agency_id__in=scope)
        if regions:
            condition |= Q(
                _region_filter(regions, "report__"),
                kind=Clock.Kind.VERIFY,
                report__needs_national_routing=False,
            )
        if not scope and not regions:
            return None
        # ...and only cases the console would open for the user (``lapor.reports.scope``).
        clocks = clocks.filter(condition).filter(
            case_scope_q(user, Capability.VIEW, prefix="report__")
        )
    return clocks.select_related("report", "agency").order_by("due_at", "pk")


def _date(moment: dt.datetime) -> str:
    return formats.date_format(timezone.localtime(moment, WIB), "j F Y")


def _report_items(reports: QuerySet[Report]) -> tuple[list[Item], int]:
    total = reports.count()
    items = [
        Item(r.tracking_id, whistle.staff_title(r), r.agency.name if r.agency else "")
        for r in reports[:SECTION_LIMIT]
    ]
    return items, total


def _overdue_items(clocks: QuerySet[Clock]) -> tuple[list[Item], int]:
    total = clocks.values("report_id").distinct().count()
    items: list[Item] = []
    seen: set[int] = set()
    for clock in clocks.iterator(chunk_size=200):
        if clock.report_id in seen:
            continue  # one line per case: its earliest missed deadline
        seen.add(clock.report_id)
        report = clock.report
        agency = clock.agency.name if clock.agency else ""
        due = _date(clock.due_at) if clock.due_at else ""
        items.append(Item(report.tracking_id, whistle.staff_title(report), agency, due))
        if len(items) >= SECTION_LIMIT:
            break
    return items, total


def sections_for(user: User, now: dt.datetime) -> list[Section]:
    """The digest's sections for ``user`` at ``now``, in the active language; [] if nothing."""
    since = now - PERIOD
    sections = []
    verify = to_verify(user, since)
    if verify is not None:
        items, total = _report_items(verify)
        if total:
            heading = ngettext(
                "%(count)d new report to verify:", "%(count)d new reports to verify:", total
            ) % {"count": total}
            sections.append(Section(heading, items, total - len(items)))
    handle = to_handle(user, since)
    if handle is not None:
        items, total = _report_items(handle)
        if total:
            heading = ngettext(
                "%(count)d new or answered case for your agency:",
                "%(count)d new or answered cases for your agency:",
                total,
            ) % {"count": total}
            sections.append(Section(heading, items, total - len(items)))
    late = overdue(user, now)
    if late is not None:
        items, total = _overdue_items(late)
        if total:
            heading = ngettext(
                "%(count)d overdue case in your scope:",
                "%(count)d overdue cases in your scope:",
                total,
            ) % {"count": total}
            sections.append(Section(heading, items, total - len(items)))
    return sections


def recipients() -> QuerySet[User]:
    """Active staff with an e-mail address who did not switch the digest off."""
    return (
        User.objects.filter(
            is_active=True,
            pk__in=Membership.objects.filter(is_active=True).values("user_id"),
        )
        .exclude(Q(email__isnull=True) | Q(email=""))
        .exclude(notification_preference__digest=StaffPreference.Digest.NONE)
        .order_by("pk")
    )


def send_digests(now: dt.datetime | None = None) -> int:
    """Write (and queue) today's digests; a second run the same day writes nothing new."""
    now = now or timezone.now()
    today = timezone.localtime(now, WIB).date()
    written = 0
    for user in recipients().iterator(chunk_size=200):
        key = f"digest:{user.pk}:{today.isoformat()}:email"
        if Notification.objects.filter(dedupe_key=key).exists():
            continue
        language = compose.language_of(user.preferred_language)
        with translation.override(language):
            sections = sections_for(user, now)
            if not sections:
                continue
            date = formats.date_format(today, "j F Y")
            subject = f"[{settings.SITE_NAME}] " + translation.gettext(
                "Your daily summary for %(date)s"
            ) % {"date": date}
            body = compose.tidy(
                render_to_string(
                    "notifications/email/staff/digest.txt",
                    {
                        "site_name": settings.SITE_NAME,
                        "date": date,
                        "sections": sections,
                        "console_url": compose.console_url(),
                        "preferences_url": compose.site_url()
                        + reverse("notifications:preferences"),
                    },
                )
            )
        with transaction.atomic():
            notification, created = Notification.objects.get_or_create(
                dedupe_key=key,
                defaults={
                    "recipient_kind": Notification.RecipientKind.STAFF,
                    "user": user,
                    "channel": Notification.ChannelName.EMAIL,
                    "address": user.email or "",
                    "language": language,
                    "subject": subject[:255],
                    "body": body,
                    "next_attempt_at": timezone.now(),
                },
            )
            if created:
                enqueue_send(notification.pk)
                written += 1
    return written
