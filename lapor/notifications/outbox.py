"""Entry point of side effects: every action calls ``report_event_created`` inside its transaction.

It writes outbox rows (``Notification``) and their send tasks in that same transaction and
sends nothing itself: the worker does, after commit (see ``delivery`` for why and how).

Who hears about what — chosen against notification floods (DOMAIN.md §10): one message per
event that changes what the reporter should know or do, nothing for what they did themselves.

Reporter, by e-mail — or by SMS when the report was filed by SMS (``reporter_channel``) — in
the report's language (a reporter who gave no address gets nothing: the worker finds no
address and cancels the row, which tells staff they were not reached):
- ``submitted`` (a receipt; matters most when a desk or an SMS filed it for them),
  ``disposed``, ``postponed`` (with the admin's question), ``archived`` (by an admin or the
  system), ``follow_up``, ``question``, ``transferred``, ``agency_involved``,
  ``closed`` by an admin or the system, ``disputed`` (confirms the reopening).
- Not: ``resumed``, ``reporter_info``, ``reporter_reply`` and closing with a rating (their
  own doing, confirmed on the page); ``not_authority`` (routing churn: the next disposition
  tells them where it went); ``escalated`` (pressure on the agency, shown on the timeline;
  up to three per clock would be a flood); ``extended``, ``complexity_set``,
  ``deadline_moved`` (visible on the tracking page's deadlines); anything with
  ``is_public=False``.

Followers (``lapor.public.models.Follow``, confirmed by double opt-in), by e-mail in the
language they followed in, only while the report is public: ``disposed``, ``follow_up``,
``transferred``, ``agency_involved``, ``closed``, ``disputed`` (``FOLLOWER_EVENTS``). Their
messages carry the scrubbed published title, the agency and a link to the public page, never
the reporter's identity or text, and each has a one-click unfollow link.

Staff, only those who switched "immediate" on (everyone else gets the daily digest): the
verifiers of the area for ``submitted``/``resumed``/``not_authority`` back to verification;
the liaison/PPID officers of the agency for ``disposed``/``transferred``/``agency_involved``
and the reporter's answers; the agency admins (level 1) or national admins (level 2+) for
``escalated``. Never the person who did it.
"""

from __future__ import annotations

from django.conf import settings
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lapor.accounts.models import User
from lapor.agencies.capabilities import ROLE_CAPABILITIES, Capability, ancestor_ids
from lapor.agencies.models import Membership
from lapor.notifications import compose
from lapor.notifications.delivery import enqueue_send
from lapor.notifications.models import Notification
from lapor.reports import events, whistle
from lapor.reports.models import Channel as ReportChannel
from lapor.reports.models import Privacy, Report, ReportEvent, Status

Kind = ReportEvent.Kind

REPORTER_EVENTS = frozenset(
    {
        Kind.SUBMITTED,
        Kind.DISPOSED,
        Kind.POSTPONED,
        Kind.ARCHIVED,
        Kind.FOLLOW_UP,
        Kind.QUESTION,
        Kind.TRANSFERRED,
        Kind.AGENCY_INVOLVED,
        Kind.CLOSED,
        Kind.DISPUTED,
        Kind.WHISTLE_OPENED,
        Kind.REFERRED,
    }
)

FOLLOWER_EVENTS = frozenset(
    {
        Kind.DISPOSED,
        Kind.FOLLOW_UP,
        Kind.TRANSFERRED,
        Kind.AGENCY_INVOLVED,
        Kind.CLOSED,
        Kind.DISPUTED,
    }
)

STAFF_WHY: dict[str, str] = {
    Kind.SUBMITTED: "verify",
    Kind.RESUMED: "verify",
    Kind.NOT_AUTHORITY: "verify",
    Kind.DISPOSED: "handle",
    Kind.TRANSFERRED: "handle",
    Kind.AGENCY_INVOLVED: "handle",
    Kind.REPORTER_REPLY: "reporter",
    Kind.REPORTER_INFO: "reporter",
    Kind.DISPUTED: "disputed",
    Kind.ESCALATED: "escalated",
}


def _roles_with(capability: Capability) -> list[str]:
    return [role for role, caps in ROLE_CAPABILITIES.items() if capability in caps]


def reporter_hears(event: ReportEvent) -> bool:
    if not event.is_public or event.kind not in REPORTER_EVENTS:
        return False
    from lapor.ppid.notify import handles

    if handles(event):
        # Information requests: lapor.ppid.notify writes the requester's messages.
        return False
    return not (event.kind == Kind.CLOSED and event.new_status == Status.CLOSED_BY_REPORTER)


# Other outboxes subscribe to the domain's events themselves (lapor.reports.events); kept
# under this name for code written against the old outbox registry.
subscribe = events.subscribe


def report_event_created(event: ReportEvent) -> None:
    """Write the outbox rows for ``event`` (and queue their sending) in the caller's
    transaction. Subscribed to ``lapor.reports.events`` at start-up (``apps.ready``)."""
    if not event.is_public:
        return
    created: list[Notification] = []
    if reporter_hears(event):
        notification = _for_reporter(event)
        if notification is not None:
            created.append(notification)
    created.extend(_for_staff(event))
    created.extend(_for_followers(event))
    for notification in created:
        enqueue_send(notification.pk)


def reporter_channel(report: Report) -> str:
    """Reports filed by SMS are answered by SMS (to the number that filed them), and so are
    reports filed for a caller at the telephone desk (the number is required there); every
    other report by e-mail, as before."""
    if report.channel in (ReportChannel.SMS, ReportChannel.PHONE):
        return Notification.ChannelName.SMS
    if report.channel == ReportChannel.WHATSAPP:
        # The same short texts and keywords as SMS (lapor.sms.compose), on WhatsApp.
        return Notification.ChannelName.WHATSAPP
    # A community node filed it for a person who asked to hear back by SMS (lapor.nodes).
    from lapor.nodes.selectors import hears_by_sms

    if hears_by_sms(report):
        return Notification.ChannelName.SMS
    return Notification.ChannelName.EMAIL


def _for_reporter(event: ReportEvent) -> Notification | None:
    """The reporter's row, without an address: the worker reads the address when it sends
    (``delivery.reporter_address``), so it is never copied out of the identity table, and the
    identity log records each actual use rather than every event."""
    report = event.report
    channel = reporter_channel(report)
    key = f"event:{event.pk}:reporter:{channel}"
    if Notification.objects.filter(dedupe_key=key).exists():
        return None
    language = compose.language_of(report.language)
    if channel in (Notification.ChannelName.SMS, Notification.ChannelName.WHATSAPP):
        from lapor.sms.compose import reporter_sms

        message = reporter_sms(event, language)
    else:
        message = compose.reporter_message(event, language)
    return Notification.objects.create(
        recipient_kind=Notification.RecipientKind.REPORTER,
        channel=channel,
        language=language,
        subject=message.subject,
        body=message.body,
        report=report,
        event=event,
        dedupe_key=key,
        next_attempt_at=timezone.now(),
    )


def staff_to_tell(event: ReportEvent) -> list[tuple[User, str]]:
    """Staff who asked for immediate messages and whose queue ``event`` changes."""
    why = STAFF_WHY.get(event.kind)
    if why is None:
        return []
    report = event.report
    members = Membership.objects.none()
    if why == "verify":
        if report.status != Status.AWAITING_VERIFICATION:
            return []
        if report.needs_national_routing:
            members = Membership.objects.filter(role=Membership.Role.NATIONAL_ADMIN)
        else:
            members = Membership.objects.filter(
                role__in=[
                    r for r in _roles_with(Capability.VERIFY) if r != Membership.Role.NATIONAL_ADMIN
                ],
                agency__region_id__in=[report.regency_code, report.province_code],
            )
    elif why == "handle":
        agency_id = event.target_agency_id or report.agency_id
        if agency_id is None:
            return []
        members = Membership.objects.filter(
            role__in=_roles_with(Capability.FOLLOW_UP), agency_id=agency_id
        ).exclude(role=Membership.Role.NATIONAL_ADMIN)
    elif why in ("reporter", "disputed"):
        if report.status not in (Status.DISPOSED, Status.REPORTER_REPLIED):
            return []
        agency_ids = list(
            report.assignments.filter(active=True).values_list("agency_id", flat=True)
        )
        members = Membership.objects.filter(
            role__in=_roles_with(Capability.FOLLOW_UP), agency_id__in=agency_ids
        ).exclude(role=Membership.Role.NATIONAL_ADMIN)
    elif why == "escalated":
        level = int((event.data or {}).get("level") or 1)
        if level >= 2:
            members = Membership.objects.filter(role=Membership.Role.NATIONAL_ADMIN)
        elif event.agency_id:
            members = Membership.objects.filter(
                role=Membership.Role.AGENCY_ADMIN, agency_id__in=ancestor_ids(event.agency_id)
            )
        else:
            members = Membership.objects.filter(
                role=Membership.Role.AGENCY_ADMIN,
                agency__region_id__in=[report.regency_code, report.province_code],
            )
    users = (
        User.objects.filter(
            pk__in=members.filter(is_active=True).values("user_id"),
            is_active=True,
            notification_preference__immediate=True,
        )
        .exclude(Q(email__isnull=True) | Q(email=""))
        .order_by("pk")
    )
    if event.actor_id:
        users = users.exclude(pk=event.actor_id)
    if why == "handle":
        # The case is being handed to ``agency_id`` (its assignment is written right after
        # this event): its members are who will hold it — never the accused side of a report
        # of wrongdoing (lapor.reports.whistle).
        return [(user, why) for user in users if not whistle.is_accused_side(user, report)]
    # Otherwise only who may open the case now (the one rule, ``lapor.reports.scope``):
    # never the verifier of the place once the case went elsewhere, nor an agency it left.
    from lapor.reports.scope import may_access_case

    return [(user, why) for user in users if may_access_case(user, report)]


def _for_staff(event: ReportEvent) -> list[Notification]:
    created = []
    for user, why in staff_to_tell(event):
        key = f"event:{event.pk}:staff:{user.pk}:email"
        if Notification.objects.filter(dedupe_key=key).exists():
            continue
        language = compose.language_of(user.preferred_language)
        message = compose.staff_message(event, why, language)
        created.append(
            Notification.objects.create(
                recipient_kind=Notification.RecipientKind.STAFF,
                user=user,
                channel=Notification.ChannelName.EMAIL,
                address=user.email or "",
                language=language,
                subject=message.subject,
                body=message.body,
                report=event.report,
                event=event,
                dedupe_key=key,
                next_attempt_at=timezone.now(),
            )
        )
    return created


# --- followers (lapor.public) ----------------------------------------------------------

FOLLOWER_SUBJECTS = {
    Kind.DISPOSED: gettext_lazy("A report you follow has been dispositioned to %(agency)s"),
    Kind.FOLLOW_UP: gettext_lazy("%(agency)s has followed up a report you follow"),
    Kind.TRANSFERRED: gettext_lazy("A report you follow has been transferred to %(agency)s"),
    Kind.AGENCY_INVOLVED: gettext_lazy("%(agency)s is now also handling a report you follow"),
    Kind.CLOSED: gettext_lazy("A report you follow has been closed"),
    Kind.DISPUTED: gettext_lazy("A report you follow has been reopened"),
}


def public_url(report: object) -> str:
    path = reverse("public:report", kwargs={"tracking_id": report.tracking_id})  # type: ignore[attr-defined]
    return compose.site_url() + path


def follower_message(event: ReportEvent, follow: object) -> compose.Composed:
    """A follower's e-mail: the scrubbed published title, the agency, what happened and a link
    to the public page. Never the reporter's identity, never the reporter's own words."""
    from lapor.reports.scrub import scrub

    report = event.report
    language = compose.language_of(follow.language)  # type: ignore[attr-defined]
    with translation.override(language):
        agency = compose._event_agency(event)
        subject = str(FOLLOWER_SUBJECTS[Kind(event.kind)]) % {"agency": compose._short(agency)}
        body = render_to_string(
            "notifications/email/follower/event.txt",
            {
                "site_name": settings.SITE_NAME,
                "kind": event.kind,
                "what": event.get_kind_display(),
                "status": event.new_status_label,
                "title": scrub(report.title_published),
                "agency": compose.agency_label(agency),
                "public_url": public_url(report),
                "unfollow_url": compose.site_url()
                + reverse("public:unfollow", kwargs={"token": follow.token}),  # type: ignore[attr-defined]
            },
        )
        return compose.Composed(compose._subject(report, subject), compose.tidy(body))


def follow_confirmation_message(follow: object) -> compose.Composed:
    from lapor.reports.scrub import scrub

    report = follow.report  # type: ignore[attr-defined]
    language = compose.language_of(follow.language)  # type: ignore[attr-defined]
    with translation.override(language):
        body = render_to_string(
            "notifications/email/follower/confirm.txt",
            {
                "site_name": settings.SITE_NAME,
                "title": scrub(report.title_published),
                "public_url": public_url(report),
                "confirm_url": compose.site_url()
                + reverse("public:follow_confirm", kwargs={"token": follow.token}),  # type: ignore[attr-defined]
            },
        )
        subject = _("Confirm that you want to follow this report")
        return compose.Composed(compose._subject(report, subject), compose.tidy(body))


def _publicly_visible(event: ReportEvent) -> bool:
    # Imported here: lapor.public imports this module.
    from lapor.reports.selectors import NOT_PUBLIC_STATUSES

    report = event.report
    return (
        report.privacy in (Privacy.PUBLIC, Privacy.ANONYMOUS)
        and report.status not in NOT_PUBLIC_STATUSES
    )


def _for_followers(event: ReportEvent) -> list[Notification]:
    """One row per confirmed follower for a public event of a public report."""
    from lapor.public.models import Follow

    if event.kind not in FOLLOWER_EVENTS or not _publicly_visible(event):
        return []
    follows = list(
        Follow.objects.filter(report_id=event.report_id, confirmed_at__isnull=False).order_by("pk")
    )
    if not follows:
        return []
    keys = {f.pk: f"event:{event.pk}:follower:{f.pk}:email" for f in follows}
    done = set(
        Notification.objects.filter(dedupe_key__in=keys.values()).values_list(
            "dedupe_key", flat=True
        )
    )
    now = timezone.now()
    rows = []
    for follow in follows:
        if keys[follow.pk] in done:
            continue
        message = follower_message(event, follow)
        rows.append(
            Notification(
                recipient_kind=Notification.RecipientKind.FOLLOWER,
                channel=Notification.ChannelName.EMAIL,
                address=follow.email,
                language=compose.language_of(follow.language),
                subject=message.subject,
                body=message.body,
                report=event.report,
                event=event,
                dedupe_key=keys[follow.pk],
                next_attempt_at=now,
            )
        )
    # bulk_create returns primary keys on PostgreSQL and SQLite (3.35+).
    return Notification.objects.bulk_create(rows)


def follow_confirmation_created(follow: object) -> None:
    """The double opt-in mail for a new ``Follow``: a row and its send task, like any event."""
    message = follow_confirmation_message(follow)
    key = f"follow:{follow.pk}:confirm:{timezone.now():%Y%m%d%H%M%S%f}"  # type: ignore[attr-defined]
    notification = Notification.objects.create(
        recipient_kind=Notification.RecipientKind.FOLLOWER,
        channel=Notification.ChannelName.EMAIL,
        address=follow.email,  # type: ignore[attr-defined]
        language=compose.language_of(follow.language),  # type: ignore[attr-defined]
        subject=message.subject,
        body=message.body,
        report=follow.report,  # type: ignore[attr-defined]
        dedupe_key=key,
        next_attempt_at=timezone.now(),
    )
    enqueue_send(notification.pk)
