"""The node's side of the outbox: when the person asked to hear back *through the helper*
(or by a call the helper makes), the helper who filed the report is told by e-mail of every
event the reporter would hear about, with a link to the node's page of the report — where the
answer can be read, and listened to, for the person.

Registered with ``lapor.notifications.outbox.subscribe`` (``NodesConfig.ready``), so the
rows are written in the event's own transaction and sent by the worker after commit. The
message carries no text of the report and no name: the helper reads it behind their login.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from lapor.nodes.models import HearBack, NodeFiling
from lapor.reports.models import ReportEvent

HELPER_HEARS = frozenset({HearBack.HELPER, HearBack.VOICE_CALL})


def filing_of(event: ReportEvent) -> NodeFiling | None:
    return (
        NodeFiling.objects.select_related("node", "helper")
        .filter(report_id=event.report_id, withdrawn_at__isnull=True)
        .first()
    )


def node_event_created(event: ReportEvent) -> None:
    from lapor.notifications import compose
    from lapor.notifications.delivery import enqueue_send
    from lapor.notifications.models import Notification
    from lapor.notifications.outbox import reporter_hears

    if not event.is_public or not reporter_hears(event):
        return
    if event.kind == ReportEvent.Kind.SUBMITTED:
        return  # the helper saw the receipt
    filing = filing_of(event)
    if filing is None or filing.hear_back not in HELPER_HEARS:
        return
    helper = filing.helper
    if helper is None or not helper.is_active or not helper.email:
        return
    key = f"event:{event.pk}:nodehelper:{helper.pk}:email"
    if Notification.objects.filter(dedupe_key=key).exists():
        return
    language = compose.language_of(helper.preferred_language)
    report = event.report
    with translation.override(language):
        path = reverse(
            "nodes:report", kwargs={"node_id": filing.node_id, "tracking_id": report.tracking_id}
        )
        what = ReportEvent.Kind(event.kind).label
        if filing.hear_back == HearBack.VOICE_CALL:
            ask = _("Please call the person and read (or play) the answer to them.")
        else:
            ask = _("Please pass the answer on to the person.")
        body = _(
            "There is news on report %(id)s, which you filed for a person through %(node)s: "
            "%(what)s.\n\n%(ask)s\n\nRead it, or listen to it, here (after logging in):\n%(url)s"
        ) % {
            "id": report.tracking_id,
            "node": filing.node.name,
            "what": what,
            "ask": ask,
            "url": compose.site_url() + path,
        }
        news = _("News for the person you helped")
        subject = " ".join(f"[{settings.SITE_NAME} #{report.tracking_id}] {news}".split())[:255]
    # A helper is not staff; the outbox has no kind of its own for them, and "staff" rows
    # are the ones addressed to an account's own e-mail address.
    row = Notification.objects.create(
        recipient_kind=Notification.RecipientKind.STAFF,
        user=helper,
        channel=Notification.ChannelName.EMAIL,
        address=helper.email,
        language=language,
        subject=subject,
        body=body,
        report=report,
        event=event,
        dedupe_key=key,
        next_attempt_at=timezone.now(),
    )
    enqueue_send(row.pk)
