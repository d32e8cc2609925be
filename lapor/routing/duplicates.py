"""Duplicates: similar open reports while a citizen types, and the merged cluster's followers.

``similar_open_reports`` looks only at open reports in the same regency (the regency index
narrows 1,000,000 reports to a few thousand before any text work); for citizens only those
the public may see (``public_reports()``). It is not an oracle: it reads and returns only the
published text **with personal data masked** (``title_masked`` / ``body_masked``, the text the
public pages show), and what looks like a NIK, a phone number or an e-mail address is dropped
from the query (``scrub.without_personal_data``) before anything is asked. So typing
someone's NIK finds nothing, even a report whose body holds it. The HTTP lookup is also
rate-limited per client (lapor.routing.views). On PostgreSQL it ranks with full-text search
over the stored ``search_vector`` of the public search (generated from the masked text); on
SQLite it scores word overlap in Python over the regency's most recent open reports.

When the main case of a cluster gets its outcome (a follow-up or a closure), the reporter of
every merged report gets the same news through the outbox (``notify_cluster``).
"""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from lapor.reports import lifecycle
from lapor.reports.models import Kind, Report, ReportEvent, Status
from lapor.reports.scrub import LONG_NUMBER, without_personal_data
from lapor.reports.selectors import public_reports

MIN_QUERY_WORDS = 2
SQLITE_CANDIDATES = 500
OUTCOME_EVENTS = frozenset({ReportEvent.Kind.FOLLOW_UP, ReportEvent.Kind.CLOSED})

# Words too common in complaints to say two reports are about the same thing.
STOPWORDS = frozenset(
    [
        "yang",
        "dan",
        "di",
        "ke",
        "dari",
        "ini",
        "itu",
        "dengan",
        "untuk",
        "pada",
        "tidak",
        "tdk",
        "yg",
        "dgn",
        "sdh",
        "sudah",
        "belum",
        "blm",
        "ada",
        "akan",
        "atau",
        "juga",
        "karena",
        "krn",
        "oleh",
        "saya",
        "kami",
        "kita",
        "mohon",
        "tolong",
        "segera",
        "agar",
        "bisa",
        "dapat",
        "sangat",
        "sekali",
        "banyak",
        "sejak",
        "bulan",
        "hari",
        "tahun",
        "warga",
        "masyarakat",
        "pak",
        "bu",
        "bapak",
        "ibu",
        "terima",
        "kasih",
        "the",
        "of",
        "and",
        "to",
        "in",
        "is",
        "are",
    ]
)
_TOKEN = re.compile(r"[0-9a-z]+")


@dataclass(frozen=True)
class Similar:
    tracking_id: str
    title: str
    status: str
    score: float

    @property
    def status_label(self) -> str:
        return str(Status(self.status).label)


def words(text: str) -> list[str]:
    seen: dict[str, None] = {}
    for w in _TOKEN.findall(text.lower()):
        if len(w) > 2 and w not in STOPWORDS:
            seen.setdefault(w, None)
    return list(seen)[:24]


def query_words(text: str) -> list[str]:
    """``words`` of what someone typed, after dropping anything that looks like personal data
    (NIK, phone numbers, e-mail addresses) and long numbers, as the public search does."""
    return [w for w in words(without_personal_data(text)) if not LONG_NUMBER.match(w)]


def _candidates(regency_code: str, exclude_id: int | None, staff: bool):  # noqa: ANN202
    if staff:
        # Staff look for duplicates among everything still open, verified or not.
        qs = Report.objects.filter(status__in=[*lifecycle.OPEN, Status.POSTPONED])
        # Reports of wrongdoing are never offered for merging: their text is for the
        # internal auditor only (lapor.reports.whistle).
        qs = qs.exclude(kind=Kind.WHISTLEBLOWING)
    else:
        # Citizens see only what the public may see (verified, never confidential).
        qs = public_reports().filter(status__in=list(lifecycle.OPEN))
    qs = qs.filter(regency_code=regency_code)
    if exclude_id is not None:
        qs = qs.exclude(pk=exclude_id)
    return qs


def similar_open_reports(
    *,
    title: str,
    body: str = "",
    regency_code: str,
    limit: int = 5,
    exclude_id: int | None = None,
    staff: bool = False,
) -> list[Similar]:
    """Open reports in ``regency_code`` that look like ``title`` + ``body``: public ones for
    citizens, every open one for ``staff`` (the merge candidates on the case page)."""
    # Title and body are cleaned apart: a number must not be glued across the two.
    query = list(dict.fromkeys(query_words(title) + query_words(body[:600])))[:24]
    if len(query) < MIN_QUERY_WORDS or len(regency_code or "") != 5:
        return []
    if connection.vendor == "postgresql":
        return _postgres(query, regency_code, limit, exclude_id, staff)
    return _python(query, regency_code, limit, exclude_id, staff)


# The stored, indexed ``search_vector`` of the public-search migration (reports 0004): ranking
# reads it instead of re-parsing every candidate's title and body (the difference between
# ~50 ms and a few ms per lookup at 1,000,000 reports).
_PG_MATCH = "reports_report.search_vector @@ to_tsquery('indonesian'::regconfig, %s)"
_PG_RANK = "ts_rank(reports_report.search_vector, to_tsquery('indonesian'::regconfig, %s))"


def _postgres(query: list[str], regency_code: str, limit: int, exclude_id: int | None, staff: bool):  # noqa: ANN202,E501
    from django.db.models.expressions import RawSQL

    tsquery = " | ".join(query)  # words() yields [0-9a-z]+ only: safe as tsquery lexemes
    rows = (
        _candidates(regency_code, exclude_id, staff)
        .extra(where=[_PG_MATCH], params=[tsquery])  # noqa: S610 - constant SQL, bound param
        .annotate(rank=RawSQL(_PG_RANK, [tsquery]))  # noqa: S611
        .filter(rank__gt=0.05)
        .order_by("-rank", "-created_at")
        .values_list("tracking_id", "title_masked", "status", "rank")[:limit]
    )
    return [Similar(t, title, s, float(r)) for t, title, s, r in rows]


def _python(query: list[str], regency_code: str, limit: int, exclude_id: int | None, staff: bool):  # noqa: ANN202,E501
    wanted = set(query)
    rows = (
        _candidates(regency_code, exclude_id, staff)
        .order_by("-created_at")
        .values_list("tracking_id", "title_masked", "body_masked", "status")[:SQLITE_CANDIDATES]
    )
    scored = []
    for tracking_id, title, body, status in rows:
        title_words = set(words(title))
        have = title_words | set(words(body[:600]))
        common = wanted & have
        if not common:
            continue
        # Title overlap counts double: titles are what people compare.
        score = (len(common) + len(wanted & title_words)) / (len(wanted) + 1)
        if score >= 0.3:
            scored.append(Similar(tracking_id, title, status, round(score, 3)))
    scored.sort(key=lambda s: -s.score)
    return scored[:limit]


# --- the cluster's followers ---------------------------------------------------------------


def notify_cluster(event: ReportEvent) -> int:
    """Tell the reporters of reports merged into ``event.report`` about its outcome.

    Written in the caller's transaction, one outbox row per merged report and event (the
    dedupe key makes a second call a no-op). Returns the number of rows written."""
    if event.kind not in OUTCOME_EVENTS or not event.is_public:
        return 0
    from lapor.notifications import compose
    from lapor.notifications.delivery import enqueue_send
    from lapor.notifications.models import Notification
    from lapor.routing.models import ReportMerge

    merges = list(ReportMerge.objects.filter(main_id=event.report_id).select_related("report"))
    written = 0
    for merge in merges:
        key = f"event:{event.pk}:merged:{merge.report_id}:email"
        if Notification.objects.filter(dedupe_key=key).exists():
            continue
        language = compose.language_of(merge.report.language)
        message = compose.reporter_message(event, language)
        intro = (
            f"Your report {merge.report.tracking_id} was merged into report "
            f"{event.report.tracking_id}. Its outcome:\n\n"
            if language == "en"
            else f"Laporan Anda {merge.report.tracking_id} digabungkan dengan laporan "
            f"{event.report.tracking_id}. Hasilnya:\n\n"
        )
        notification = Notification.objects.create(
            recipient_kind=Notification.RecipientKind.REPORTER,
            channel=Notification.ChannelName.EMAIL,
            language=language,
            subject=message.subject,
            body=intro + message.body,
            report=merge.report,
            event=event,
            dedupe_key=key,
            next_attempt_at=timezone.now(),
        )
        enqueue_send(notification.pk)
        merge.outcome_notified_at = timezone.now()
        merge.save(update_fields=["outcome_notified_at"])
        written += 1
    return written


# --- the public lookup (the citizen form, with and without JavaScript) --------------------

# Per client address: a person typing triggers a lookup every few seconds at most (the form's
# script waits for a pause); a script sweeping the lookup hits these at once.
LOOKUPS_PER_MINUTE = 30
LOOKUPS_PER_HOUR = 300
_WINDOWS = ((60, LOOKUPS_PER_MINUTE), (60 * 60, LOOKUPS_PER_HOUR))


def _client_key(client: str) -> str:
    # The cache never holds a client address in clear.
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, b"similar-lookup:" + client.encode(), hashlib.sha256).hexdigest()[:32]


def lookup_allowed(client: str) -> bool:
    """Count one public lookup by ``client`` (its address); False once a window's limit is
    reached (the lookup is then not run at all)."""
    key = _client_key(client or "unknown")
    allowed = True
    for seconds, limit in _WINDOWS:
        name = f"similar:{seconds}:{key}"
        cache.add(name, 0, seconds)
        try:
            count = cache.incr(name)
        except ValueError:  # expired between add and incr
            cache.set(name, 1, seconds)
            count = 1
        allowed = allowed and count <= limit
    return allowed


class RateLimited(Exception):
    """Too many lookups from this client; the caller shows or answers nothing."""


def public_lookup(*, title: str, body: str, regency_code: str, client: str) -> list[Similar]:
    """The similar-reports lookup as the public may ask it (the only one an HTTP request
    reaches, whoever is logged in): public reports only, masked text only, personal data
    dropped from the query, rate-limited per client. Raises ``RateLimited``."""
    if len(set(query_words(title) + query_words(body[:600]))) < MIN_QUERY_WORDS:
        # Nothing searchable: no lookup is run, and none is counted.
        return []
    if not lookup_allowed(client):
        raise RateLimited
    return similar_open_reports(
        title=title[:200], body=body[:2000], regency_code=regency_code[:5], staff=False
    )


def similar_for_form(data: object, *, client: str) -> list[Similar]:
    """Similar reports for what the citizen typed so far (a QueryDict or a dict), for the
    form re-rendered without JavaScript; nothing when the client is over its limit (the form
    itself keeps working)."""
    get = getattr(data, "get", None)
    if get is None:
        return []
    try:
        return public_lookup(
            title=str(get("title", "") or "")[:200],
            body=str(get("body", "") or "")[:2000],
            regency_code=str(get("regency", "") or "")[:5],
            client=client,
        )
    except RateLimited:
        return []
