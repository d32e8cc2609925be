"""Writes of the public pages: support (+1) and follow.

Support abuse resistance, layer by layer (each one cheap, none sufficient alone):
1. CSRF: a support is a POST from our own form, not a link or an image a third-party page
   can make a browser fetch.
2. One per voter: the voter is the account when logged in, otherwise the browser's random id
   in a signed cookie; ``(report, HMAC(voter))`` is unique in the database, so a double click
   or a replay counts once.
3. Per address and day: clearing cookies makes a new voter, so at most
   ``MAX_PER_IP_PER_REPORT_PER_DAY`` supports per report come from one client address a day
   (more than one, because a school, an office or a mobile carrier's NAT shares an address).
   The address is stored only as an HMAC with the day, never in clear.
4. Rate limit: at most ``MAX_PER_IP_PER_HOUR`` supports per address per hour across all
   reports (cache counter), against scripted sweeps.
"""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from lapor.accounts.models import User
from lapor.core.errors import DomainError
from lapor.notifications import outbox
from lapor.public.models import Follow, Support, SupportTally
from lapor.reports.models import Report

MAX_PER_IP_PER_REPORT_PER_DAY = 5
MAX_PER_IP_PER_HOUR = 30
MAX_FOLLOWS_PER_IP_PER_HOUR = 10
HOUR = 60 * 60


def keyed_hash(*parts: str) -> str:
    message = "\x1f".join(parts).encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def _hit(key: str, limit: int, window: int) -> bool:
    """Count one hit on ``key``; True when the limit was already reached."""
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, window)
        count = 1
    return count > limit


def support_add(*, report: Report, voter: str, client_ip: str, user: User | None) -> bool:
    """Add one support from ``voter`` ("user:<id>" or "browser:<random id>").

    Returns False when this voter already supported the report (not an error: the page says
    "you support this"). Raises DomainError when a limit is reached.
    """
    today = timezone.localdate()
    voter_hash = keyed_hash("support-voter", voter)
    ip_hash = keyed_hash("support-ip", client_ip, today.isoformat())
    if Support.objects.filter(report=report, voter_hash=voter_hash).exists():
        return False
    if _hit(f"support:ip:{ip_hash}", MAX_PER_IP_PER_HOUR, HOUR):
        raise DomainError(
            _("Too many supports from your connection. Please try again in an hour."),
            code="rate_limited",
        )
    same_ip = Support.objects.filter(report=report, ip_hash=ip_hash, day=today).count()
    if same_ip >= MAX_PER_IP_PER_REPORT_PER_DAY:
        raise DomainError(
            _("This report has received many supports from your connection today."),
            code="rate_limited",
        )
    try:
        with transaction.atomic():
            Support.objects.create(
                report=report, user=user, voter_hash=voter_hash, ip_hash=ip_hash, day=today
            )
            tally, created = SupportTally.objects.get_or_create(
                report=report, defaults={"count": 1}
            )
            if not created:
                SupportTally.objects.filter(pk=tally.pk).update(count=F("count") + 1)
    except IntegrityError:
        # A concurrent double submit by the same voter: the first one counted.
        return False
    return True


def has_supported(report: Report, voter: str) -> bool:
    return Support.objects.filter(
        report=report, voter_hash=keyed_hash("support-voter", voter)
    ).exists()


def follow_request(
    *, report: Report, email: str, language: str, client_ip: str, user: User | None
) -> Follow:
    """Ask to follow ``report``: a confirmation e-mail goes out (double opt-in), except for a
    logged-in person following with their account's own address, confirmed at once.

    Asking again for the same address re-sends the confirmation (rate-limited per address
    and per client address), and never tells whether the address already follows.
    """
    email = email.strip().lower()
    if _hit(f"follow:ip:{keyed_hash('follow-ip', client_ip)}", MAX_FOLLOWS_PER_IP_PER_HOUR, HOUR):
        raise DomainError(
            _("Too many follow requests from your connection. Please try again in an hour."),
            code="rate_limited",
        )
    own_address = bool(user and user.email and user.email.lower() == email)
    with transaction.atomic():
        follow, created = Follow.objects.get_or_create(
            report=report,
            email=email,
            defaults={"language": language, "user": user if own_address else None},
        )
        if follow.confirmed_at is None:
            if own_address:
                follow.confirmed_at = timezone.now()
                follow.save(update_fields=["confirmed_at"])
            elif created or not _hit(
                f"follow:mail:{keyed_hash('follow-mail', email, str(report.pk))}", 1, HOUR
            ):
                outbox.follow_confirmation_created(follow)
    return follow


def follow_confirm(*, token: str) -> Follow | None:
    follow = Follow.objects.select_related("report").filter(token=token).first()
    if follow is None:
        return None
    if follow.confirmed_at is None:
        follow.confirmed_at = timezone.now()
        follow.save(update_fields=["confirmed_at"])
    return follow


def follow_remove(*, token: str) -> bool:
    deleted, _rows = Follow.objects.filter(token=token).delete()
    return deleted > 0
