"""Keeping the statistics tables current (see ``lapor.stats.models`` for the design).

``refresh()`` is incremental: it recomputes the facts of the reports that changed since the
last run — any report with an event newer than the event watermark, or whose ``updated_at``
moved since the last run — plus the reports whose 5-working-day window was still open (time
alone can turn "not yet due" into "late"). Then it rebuilds the period rollup rows of every day
those facts touch, and the scores of every agency they touch. ``refresh(full=True)`` does the
same for every report. Both run the same code on SQLite and PostgreSQL.

Working days are counted with the case's regency calendar; pauses (postponement) are not
subtracted: a statistic measures the wait the citizen saw.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, cast

from django.db import DEFAULT_DB_ALIAS, connection, connections, models, transaction
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Sum,
    When,
)
from django.db.models.functions import TruncMonth, TruncYear
from django.utils import timezone

from lapor.agencies.models import Agency, Category, Membership
from lapor.core.calendar import WorkingCalendar
from lapor.reports.lifecycle import CLOSED, HIDDEN
from lapor.reports.models import Assignment, Privacy, Report, ReporterIdentity, ReportEvent
from lapor.stats.models import (
    BUCKETS,
    CL_FIELDS,
    FU_FIELDS,
    RATING_FIELDS,
    SUM_FIELDS,
    AgencyCaseFact,
    AgencyScore,
    DimPeriod,
    Grain,
    RegionPeriod,
    ReportFact,
    Watermark,
)

CHUNK = 2000
FOLLOW_UP_LIMIT_WD = 5
# Safety margin against clock skew between web processes and the worker.
UPDATED_AT_MARGIN = dt.timedelta(minutes=10)
ACTIVITY_WINDOW = dt.timedelta(days=30)
# Roles that make an agency "connected": someone appointed to handle its reports.
CONNECTED_ROLES = (Membership.Role.AGENCY_ADMIN, Membership.Role.LIAISON_OFFICER)
# Agency actions counted as admin activity (each an event with the agency on it).
ACTIVITY_KINDS = (
    ReportEvent.Kind.FOLLOW_UP,
    ReportEvent.Kind.QUESTION,
    ReportEvent.Kind.TRANSFERRED,
    ReportEvent.Kind.NOT_AUTHORITY,
    ReportEvent.Kind.COMPLEXITY_SET,
    ReportEvent.Kind.EXTENDED,
    ReportEvent.Kind.AGENCY_INVOLVED,
)
COMPLETED = CLOSED - HIDDEN


LEASE = dt.timedelta(minutes=30)


@dataclass
class Result:
    skipped: bool = False
    reports: int = 0
    days: int = 0
    agencies: int = 0
    full: bool = False
    touched_days: set[dt.date] = field(default_factory=set)
    # Seconds spent per phase (facts, rollups, scores), for the command's output.
    seconds: dict[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict[str, int]:
        return {"reports": self.reports, "days": self.days, "agencies": self.agencies}


def refresh(*, full: bool = False, now: dt.datetime | None = None) -> Result:
    """Bring the statistics up to date; returns what was recomputed (``skipped`` when another
    refresh holds the lease)."""
    now = now or timezone.now()
    Watermark.objects.get_or_create(name="facts")
    won = (
        Watermark.objects.filter(name="facts")
        .filter(Q(lease_until__isnull=True) | Q(lease_until__lt=now))
        .update(lease_until=now + LEASE)
    )
    if not won:
        return Result(skipped=True)
    try:
        return _refresh(full=full, now=now)
    finally:
        Watermark.objects.filter(name="facts").update(lease_until=None)


def _refresh(*, full: bool, now: dt.datetime) -> Result:
    mark = Watermark.objects.get(name="facts")
    top_event = ReportEvent.objects.aggregate(m=Max("id"))["m"] or 0
    result = Result(full=full)
    if full or mark.last_run_at is None:
        result.full = True
        ids: Iterable[int] = Report.objects.order_by("id").values_list("id", flat=True)
    else:
        changed = set(
            ReportEvent.objects.filter(id__gt=mark.last_event_id, id__lte=top_event).values_list(
                "report_id", flat=True
            )
        )
        changed |= set(
            Report.objects.filter(updated_at__gte=mark.last_run_at - UPDATED_AT_MARGIN).values_list(
                "id", flat=True
            )
        )
        # Windows still open at the last run may have closed since.
        changed |= set(
            ReportFact.objects.filter(
                disposed=True, followed_up=False, followed_up_within_5wd__isnull=True
            ).values_list("report_id", flat=True)
        )
        ids = sorted(changed)
    started = time.perf_counter()
    context = _Context(full=result.full)
    agencies: set[int] = set()
    batch: list[int] = []
    for report_id in ids:
        batch.append(report_id)
        if len(batch) >= CHUNK:
            _refresh_facts(batch, now, context, result, agencies)
            batch = []
    if batch:
        _refresh_facts(batch, now, context, result, agencies)
    if result.full:
        # Reports deleted since: their facts go too.
        # NOT EXISTS, not NOT IN: the anti-join stays linear at a million reports.
        gone = ~Exists(Report.objects.filter(pk=OuterRef("report_id")))
        stale = ReportFact.objects.filter(gone)
        result.touched_days |= set(stale.values_list("received_on", flat=True))
        stale.delete()
        AgencyCaseFact.objects.filter(gone).delete()
    result.seconds["facts"] = time.perf_counter() - started
    started = time.perf_counter()
    _rebuild_days(result.touched_days, full=result.full)
    result.days = len(result.touched_days)
    result.seconds["rollups"] = time.perf_counter() - started
    started = time.perf_counter()
    result.agencies = _refresh_scores(agencies, now, all_agencies=result.full or _hourly(now))
    result.seconds["scores"] = time.perf_counter() - started
    mark.last_event_id = max(top_event, mark.last_event_id)
    mark.last_run_at = now
    mark.save(update_fields=["last_event_id", "last_run_at"])
    return result


def _hourly(now: dt.datetime) -> bool:
    """Connectedness and 30-day activity change without any report changing: refresh every
    agency's score at most once an hour."""
    mark, _created = Watermark.objects.get_or_create(name="scores")
    if mark.last_run_at and now - mark.last_run_at < dt.timedelta(hours=1):
        return False
    mark.last_run_at = now
    mark.save(update_fields=["last_run_at"])
    return True


class _Days:
    """``WorkingCalendar.working_days_between`` in constant time: a running count of working
    days per day, computed once per distinct calendar (a full refresh asks about the same
    thousand days millions of times)."""

    BASE = dt.date(2000, 1, 1)

    def __init__(self, calendar: WorkingCalendar) -> None:
        self.calendar = calendar
        self.cum = [0]  # cum[i]: working days among BASE+1 … BASE+i

    def _upto(self, index: int) -> None:
        cum, is_working = self.cum, self.calendar.is_working_day
        while len(cum) <= index:
            cum.append(cum[-1] + is_working(self.BASE + dt.timedelta(days=len(cum))))

    def working_days_between(self, start: dt.datetime, end: dt.datetime) -> int:
        first, last = self.calendar.local_date(start), self.calendar.local_date(end)
        if last <= first:
            return 0
        if first < self.BASE:
            return self.calendar.working_days_between(start, end)
        a, b = (first - self.BASE).days, (last - self.BASE).days
        self._upto(b)
        return self.cum[b] - self.cum[a]


class _Context:
    """Per-run caches: calendars (one per distinct set of days off and time zone, shared by
    the regencies that have it), the category tree."""

    def __init__(self, *, full: bool = False) -> None:
        from lapor.core.models import CalendarDay

        self.full = full
        self.calendars: dict[str, _Days] = {}
        self.shared: dict[tuple[Any, ...], _Days] = {}
        self.days_off: dict[str, dict[dt.date, str]] = defaultdict(dict)
        for day, code, name in CalendarDay.objects.values_list("date", "region_code", "name"):
            self.days_off[code][day] = name
        self.parents = dict(Category.objects.values_list("id", "parent_id"))

    def calendar(self, regency_code: str) -> _Days:
        days = self.calendars.get(regency_code)
        if days is None:
            # The scopes WorkingCalendar._load_extra_days reads: national, province, regency.
            extra: dict[dt.date, str] = {}
            for scope in ("", regency_code[:2], regency_code[:5]):
                extra.update(self.days_off.get(scope, {}))
            cal = WorkingCalendar(regency_code, extra_days=extra)
            key = (str(cal.zone), tuple(sorted(extra)))
            days = self.shared.get(key)
            if days is None:
                days = self.shared[key] = _Days(cal)
            self.calendars[regency_code] = days
        return days

    def top_category(self, category_id: int | None) -> int | None:
        seen = 0
        while category_id is not None and self.parents.get(category_id) and seen < 20:
            category_id = self.parents[category_id]
            seen += 1
        return category_id


def _local_date(moment: dt.datetime) -> dt.date:
    return timezone.localtime(moment).date()


def _follow_up(
    cal: _Days, start: dt.datetime | None, done: dt.datetime | None, now: dt.datetime
) -> tuple[int | None, bool | None]:
    """Working days to the first follow-up, and whether it came within 5 (None: not yet due)."""
    if start is None:
        return None, None
    if done is not None:
        days = cal.working_days_between(start, done)
        return days, days <= FOLLOW_UP_LIMIT_WD
    if cal.working_days_between(start, now) > FOLLOW_UP_LIMIT_WD:
        return None, False
    return None, None


@transaction.atomic
def _refresh_facts(
    ids: list[int], now: dt.datetime, ctx: _Context, result: Result, agencies: set[int]
) -> None:
    # A full refresh walks every report in id order: a chunk is an id range (no long IN list).
    chunk = Q(id__gte=ids[0], id__lte=ids[-1]) if ctx.full else Q(id__in=ids)
    theirs = Q(report_id__gte=ids[0], report_id__lte=ids[-1]) if ctx.full else Q(report_id__in=ids)
    reports = list(
        Report.objects.filter(chunk).values(
            "id",
            "created_at",
            "province_code",
            "regency_code",
            "district_code",
            "agency_id",
            "category_id",
            "kind",
            "channel",
            "privacy",
            "status",
            "rating",
            "closed_at",
        )
    )
    assignments: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in cast(
        "Iterable[dict[str, Any]]",
        Assignment.objects.filter(theirs)
        .order_by("created_at", "id")
        .values("report_id", "agency_id", "file_complete_at", "first_followed_up_at", "active"),
    ):
        assignments[row["report_id"]].append(row)
    events: dict[int, list[tuple[str, int | None]]] = defaultdict(list)
    for report_id, kind, agency_id in ReportEvent.objects.filter(
        theirs, kind__in=[ReportEvent.Kind.NOT_AUTHORITY, ReportEvent.Kind.DISPUTED]
    ).values_list("report_id", "kind", "agency_id"):
        events[report_id].append((kind, agency_id))
    disability = dict(
        ReporterIdentity.objects.filter(theirs)
        .exclude(disability="")
        .values_list("report_id", "disability")
    )

    old = ReportFact.objects.filter(theirs)
    if not ctx.full:  # a full refresh rebuilds every day and every agency anyway
        result.touched_days |= set(old.values_list("received_on", flat=True))
        agencies |= set(
            AgencyCaseFact.objects.filter(report_id__in=ids).values_list("agency_id", flat=True)
        )
    old.delete()
    AgencyCaseFact.objects.filter(theirs).delete()

    facts: list[dict[str, Any]] = []
    case_facts: list[dict[str, Any]] = []
    for r in reports:
        cal = ctx.calendar(r["regency_code"])
        own = assignments.get(r["id"], [])
        evs = events.get(r["id"], [])
        completed = r["status"] in COMPLETED
        start = own[0]["file_complete_at"] if own else None
        done = min(
            (a["first_followed_up_at"] for a in own if a["first_followed_up_at"]), default=None
        )
        fu_wd, within = _follow_up(cal, start, done, now)
        reopened = any(kind == ReportEvent.Kind.DISPUTED for kind, _a in evs)
        fact: dict[str, Any] = dict(
            report_id=r["id"],
            received_on=_local_date(r["created_at"]),
            province_code=r["province_code"],
            regency_code=r["regency_code"],
            district_code=r["district_code"],
            agency_id=r["agency_id"] or (own[-1]["agency_id"] if own else None),
            category_id=ctx.top_category(r["category_id"]),
            kind=r["kind"],
            channel=r["channel"],
            disability=_disability_key(disability.get(r["id"], "")),
            is_confidential=r["privacy"] == Privacy.CONFIDENTIAL,
            disposed=bool(own),
            followed_up=done is not None,
            first_follow_up_wd=fu_wd,
            followed_up_within_5wd=within,
            completed=completed,
            archived=r["status"] in HIDDEN,
            close_wd=(
                cal.working_days_between(r["created_at"], r["closed_at"])
                if completed and r["closed_at"]
                else None
            ),
            rating=r["rating"] if completed else None,
            reopened=reopened,
            bounced_not_authority=any(kind == ReportEvent.Kind.NOT_AUTHORITY for kind, _a in evs),
            computed_at=now,
        )
        facts.append(fact)
        result.touched_days.add(fact["received_on"])
        by_agency: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for a in own:
            by_agency[a["agency_id"]].append(a)
        for agency_id, rows in by_agency.items():
            a_start = min(a["file_complete_at"] for a in rows)
            a_done = min(
                (a["first_followed_up_at"] for a in rows if a["first_followed_up_at"]), default=None
            )
            a_wd, a_within = _follow_up(cal, a_start, a_done, now)
            still_handling = any(a["active"] for a in rows)
            a_completed = completed and still_handling
            case_facts.append(
                dict(
                    report_id=r["id"],
                    agency_id=agency_id,
                    received_on=_local_date(a_start),
                    followed_up=a_done is not None,
                    first_follow_up_wd=a_wd,
                    followed_up_within_5wd=a_within,
                    completed=a_completed,
                    resolve_wd=(
                        cal.working_days_between(a_start, r["closed_at"])
                        if a_completed and r["closed_at"]
                        else None
                    ),
                    rating=r["rating"] if a_completed else None,
                    reopened=any(
                        kind == ReportEvent.Kind.DISPUTED and ag == agency_id for kind, ag in evs
                    ),
                    bounced_not_authority=any(
                        kind == ReportEvent.Kind.NOT_AUTHORITY and ag == agency_id
                        for kind, ag in evs
                    ),
                )
            )
            agencies.add(agency_id)
    _insert_rows(ReportFact, facts)
    _insert_rows(AgencyCaseFact, case_facts)
    result.reports += len(facts)


def _disability_key(answer: str) -> str:
    """The form's key for a stored answer; "" for none and for free text of other channels."""
    answer = answer.strip()
    return answer if answer in DISABILITY_IDS else ""


def _insert_rows(model: type[models.Model], objs: list[dict[str, Any]]) -> None:
    """``bulk_create`` without the ORM's per-row SQL compilation (most of its cost at a
    million rows): ``COPY`` on PostgreSQL, one parameterised INSERT for every row elsewhere."""
    if not objs:
        return
    fields = [f for f in model._meta.concrete_fields if not isinstance(f, models.AutoField)]
    db = connections[DEFAULT_DB_ALIAS]
    quote = db.ops.quote_name
    table, columns = quote(model._meta.db_table), ", ".join(quote(str(f.column)) for f in fields)
    names = [f.attname for f in fields]
    with db.cursor() as cursor:
        if db.vendor == "postgresql":
            # psycopg adapts dates, datetimes, booleans and None itself.
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for obj in objs:
                    copy.write_row([obj[name] for name in names])
            return
        # Dates and datetimes take the backend's own adaptation; values repeat, so remember.
        dated = {
            i for i, f in enumerate(fields) if isinstance(f, models.DateField | models.TimeField)
        }
        prepped: dict[tuple[int, Any], Any] = {}

        def prep(i: int, value: Any) -> Any:
            if i not in dated or value is None:
                return value
            key = (i, value)
            if key not in prepped:
                prepped[key] = fields[i].get_db_prep_save(value, db)
            return prepped[key]

        cursor.executemany(
            f"INSERT INTO {table} ({columns}) VALUES ({', '.join('%s' for _f in fields)})",  # noqa: S608
            [tuple(prep(i, obj[n]) for i, n in enumerate(names)) for obj in objs],
        )


def _one(q: Q) -> Sum:
    return Sum(Case(When(q, then=1), default=0, output_field=IntegerField()))


def _bucket_sums(field_name: str, names: tuple[str, ...]) -> dict[str, Sum]:
    out = {}
    for name, (low, high) in zip(names, BUCKETS, strict=True):
        q = Q(**{f"{field_name}__gte": low})
        if high is not None:
            q &= Q(**{f"{field_name}__lte": high})
        out[name] = _one(q)
    return out


def fact_measures(close_field: str = "close_wd") -> dict[str, Any]:
    """SQL aggregates turning fact rows into ``Measures`` columns (shared with the tests)."""
    measures: dict[str, Any] = {
        "n": Count("pk"),
        "n_followed_up": _one(Q(followed_up=True)),
        "n_fu_due": _one(Q(followed_up_within_5wd__isnull=False)),
        "n_fu_within_5": _one(Q(followed_up_within_5wd=True)),
        "n_completed": _one(Q(completed=True)),
        "n_rated": _one(Q(rating__isnull=False)),
        "rating_sum": Sum("rating", default=0),
        "n_closed_once": _one(Q(completed=True) | Q(reopened=True)),
        "n_reopened": _one(Q(reopened=True)),
        "n_bounced": _one(Q(bounced_not_authority=True)),
        **_bucket_sums("first_follow_up_wd", FU_FIELDS),
        **_bucket_sums(close_field, CL_FIELDS),
    }
    for i, name in enumerate(RATING_FIELDS, start=1):
        measures[name] = _one(Q(rating=i))
    return measures


REPORT_MEASURES_EXTRA = {
    "n_confidential": lambda: _one(Q(is_confidential=True)),
    "n_disposed": lambda: _one(Q(disposed=True)),
    "n_archived": lambda: _one(Q(archived=True)),
}

DISTRICT = 3
LEVEL_FIELDS = {1: "province_code", 2: "regency_code", DISTRICT: "district_code"}


def _insert_select(
    model: type[models.Model],
    source: QuerySet[Any],
    rename: dict[str, str],
    constants: dict[str, Any],
) -> None:
    """``INSERT INTO model (…) SELECT … FROM (source)``: the grouping runs in the database.
    ``source`` is a ``values().annotate()`` queryset; its output columns are read from the
    database (not guessed from Django's select order) and renamed with ``rename``."""
    sql, params = source.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM ({sql}) sub WHERE 1 = 0", params)  # noqa: S608
        names = [col[0] for col in cursor.description]
        table = connection.ops.quote_name(model._meta.db_table)
        targets = [rename.get(name, name) for name in names] + list(constants)
        columns = ", ".join(connection.ops.quote_name(t) for t in targets)
        picked = ", ".join(f"sub.{connection.ops.quote_name(name)}" for name in names)
        holders = "".join(", %s" for _c in constants)
        cursor.execute(
            f"INSERT INTO {table} ({columns}) SELECT {picked}{holders} FROM ({sql}) sub",  # noqa: S608
            (*constants.values(), *params),
        )


def fact_sums() -> dict[str, Any]:
    """Every ``Measures`` column as an SQL aggregate over report facts (``SUM_FIELDS``)."""
    measures = fact_measures()
    measures.update({k: make() for k, make in REPORT_MEASURES_EXTRA.items()})
    return measures


def _level_facts(facts: QuerySet[ReportFact], level: int) -> QuerySet[ReportFact]:
    return facts.exclude(district_code="") if level == DISTRICT else facts


def _rebuild_days(days: set[dt.date], *, full: bool) -> None:
    """Rebuild the rollups of ``days`` (all of them when ``full``) from the facts, in the
    database, in one transaction: readers see the old figures until it commits."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                # Grouping a million facts in memory rather than in sorted runs on disk.
                cursor.execute("SET LOCAL work_mem = '256MB'")
                if full:  # the facts were just rewritten: plan with fresh statistics
                    cursor.execute("ANALYZE stats_reportfact")
        _rebuild_periods(None if full else days)
        if full and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                # Without statistics the new rows look like an empty table to the planner.
                cursor.execute("ANALYZE stats_regionperiod, stats_dimperiod")


# Region levels of the period rollups: 0 is the whole country (no code).
PERIOD_LEVELS: dict[int, str | None] = {0: None, **LEVEL_FIELDS}
DIMS = {"c": "category_id", "a": "agency_id", "h": "channel", "k": "kind", "d": "disability"}
# The channel ("h"), kind ("k") and disability ("d") rows of ``DimPeriod`` (the public
# breakdowns) keep the value as a number: these ids are stored, so a value keeps its id for
# good (a new value gets the next free number; tests/stats checks every value has one). A value
# without an id (none today) is not rolled up and not shown, as the breakdown tables show only
# known values.
CHANNEL_IDS = {
    "web": 1,
    "mobile": 2,
    "sms": 3,
    "chat": 4,
    "email": 5,
    "api": 6,
    "desk": 7,
    "phone": 8,
    "social": 9,
    "whatsapp": 10,
}
KIND_IDS = {"complaint": 1, "aspiration": 2, "information_request": 3, "whistleblowing": 4}
# The disability status ("d"): the keys of the filing form's question (lapor.web.forms).
DISABILITY_IDS = {
    "": 1,
    "physical": 2,
    "visual": 3,
    "hearing": 4,
    "intellectual": 5,
    "mental": 6,
    "multiple": 7,
}
CODED_DIMS = {"h": CHANNEL_IDS, "k": KIND_IDS, "d": DISABILITY_IDS}


def _dim_value(dim: str, dim_field: str) -> Any:
    """The expression stored as ``dim_id`` for a dimension: the id column itself, or the
    number of a channel or kind."""
    ids = CODED_DIMS.get(dim)
    if ids is None:
        return F(dim_field)
    whens = [When(**{dim_field: value}, then=models.Value(i)) for value, i in ids.items()]
    return Case(*whens, default=None, output_field=models.BigIntegerField())


# A rollup row exists only where it sums many facts; where it would hold one or two reports
# it only repeats the fact, wider (at 1,000,000 reports the day rows of regencies and
# districts, and the category and agency rows of every day, were most of the statistics'
# 1.9 GB, larger than the reports table). Those periods are read from ``ReportFact`` instead,
# through its (region, day) indexes: a few days at the edges of a date range, or one small
# region's facts.
# RegionPeriod day rows: the country and the provinces only.
REGION_DAY_LEVELS = 1
# DimPeriod (category and agency) rows: no days at all; months down to regencies; years for
# the country and provinces, where a range would otherwise read one row per agency and month
# (the year rows of smaller regions would make every incremental refresh re-sum most of the
# year's month rows).
DIM_MONTH_LEVELS = 2
DIM_YEAR_LEVELS = 1
DIM_SUMS = ("n", "n_followed_up", "n_disposed")


def region_rows(grain: str, level: int) -> bool:
    """Does ``RegionPeriod`` hold rows of this grain at this region level?"""
    return grain != Grain.DAY or level <= REGION_DAY_LEVELS


def dim_rows(grain: str, level: int) -> bool:
    """Does ``DimPeriod`` hold rows of this grain at this region level?"""
    if grain == Grain.DAY:
        return False
    if grain == Grain.MONTH:
        return level <= DIM_MONTH_LEVELS
    return level <= DIM_YEAR_LEVELS


def _ranges(starts: Iterable[dt.date], grain: str, field: str = "period") -> Q:
    """Rows whose ``field`` lies in one of the months (or years) starting at ``starts``."""
    q = Q(pk__in=[])
    for start in starts:
        if grain == Grain.MONTH:
            end = (start + dt.timedelta(days=32)).replace(day=1)
        else:
            end = start.replace(year=start.year + 1)
        q |= Q(**{f"{field}__gte": start, f"{field}__lt": end})
    return q


PERIOD_OF = {Grain.DAY: F("received_on"), Grain.MONTH: TruncMonth("received_on")}


def _periods_from_facts(
    facts: QuerySet[ReportFact],
    grain: Grain,
    *,
    dims: Iterable[str] = tuple(DIMS),
    regions: bool = True,
) -> None:
    """Rows of one grain for every region level and dimension that keeps it
    (``region_rows``, ``dim_rows``), straight from the facts: the ``RegionPeriod`` rows (unless
    not ``regions``) and the ``DimPeriod`` rows of ``dims``."""
    period = PERIOD_OF.get(grain, TruncYear("received_on"))
    for level, code_field in PERIOD_LEVELS.items():
        keys = ["p"] + ([code_field] if code_field else [])
        rename = {"p": "period", **({code_field: "region_code"} if code_field else {})}
        consts: dict[str, Any] = {"grain": grain.value, "region_level": level}
        if not code_field:
            consts["region_code"] = ""
        level_facts = _level_facts(facts, level).annotate(p=period)
        if regions and region_rows(grain, level):
            _insert_select(
                RegionPeriod,
                level_facts.values(*keys).order_by().annotate(**fact_sums()),
                rename,
                consts,
            )
        if not dim_rows(grain, level):
            continue
        for dim in dims:
            dim_field = DIMS[dim]
            of_dim = level_facts.exclude(agency_id=None) if dim == "a" else level_facts
            if dim in CODED_DIMS:
                of_dim = of_dim.filter(**{f"{dim_field}__in": list(CODED_DIMS[dim])})
            _insert_select(
                DimPeriod,
                of_dim.annotate(dim_value=_dim_value(dim, dim_field))
                .values(*keys, "dim_value")
                .order_by()
                .annotate(
                    n=Count("pk"),
                    n_followed_up=_one(Q(followed_up=True)),
                    n_disposed=_one(Q(disposed=True)),
                ),
                {**rename, "dim_value": "dim_id"},
                {**consts, "dim": dim},
            )


def rebuild_coded_dims(dims: Iterable[str] = tuple(CODED_DIMS)) -> None:
    """Remake the ``DimPeriod`` rows (months and years) of the coded ``dims`` — channel,
    kind, disability status — from the facts, as a full rebuild makes them, leaving the other
    rollups alone: for databases whose rollups were built before those rows existed (migration
    stats/0006 makes "h" and "k", 0007 "d": each names its own, as a later column does not
    exist yet when an earlier migration runs)."""
    dims = tuple(dims)
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL work_mem = '256MB'")
        DimPeriod.objects.filter(dim__in=list(dims)).delete()
        facts = ReportFact.objects.all()
        for grain in (Grain.MONTH, Grain.YEAR):
            _periods_from_facts(facts, grain, dims=dims, regions=False)


def _years_from_months(years: set[dt.date]) -> None:
    for model, fields in ((RegionPeriod, SUM_FIELDS), (DimPeriod, DIM_SUMS)):
        keys = ["region_level", "region_code"]
        if model is DimPeriod:
            keys += ["dim", "dim_id"]
        rows = model.objects.filter(_ranges(years, Grain.YEAR), grain=Grain.MONTH)
        if model is DimPeriod:
            rows = rows.filter(region_level__lte=DIM_YEAR_LEVELS)
        source = (
            rows.annotate(start=TruncYear("period"))
            .values("start", *keys)
            .order_by()
            .annotate(**{f"s_{f}": Sum(f) for f in fields})
        )
        _insert_select(
            model,
            source,
            {"start": "period", **{f"s_{f}": f for f in fields}},
            {"grain": Grain.YEAR.value},
        )


def _rebuild_periods(days: set[dt.date] | None) -> None:
    """The dashboard's rollups, set-based (``INSERT … SELECT … GROUP BY``). A full rebuild
    makes every grain from the facts (one pass each: fewer rows than the finer grain). An
    incremental one remakes the touched days and months from their facts, and the touched
    years from their months."""
    if days is None:
        RegionPeriod.objects.all().delete()
        DimPeriod.objects.all().delete()
        for grain in (Grain.DAY, Grain.MONTH, Grain.YEAR):
            _periods_from_facts(ReportFact.objects.all(), grain)
        return
    if not days:
        return
    months = {d.replace(day=1) for d in days}
    years = {d.replace(month=1, day=1) for d in days}
    for model in (RegionPeriod, DimPeriod):
        model.objects.filter(
            Q(grain=Grain.DAY, period__in=days)
            | Q(grain=Grain.MONTH, period__in=months)
            | Q(grain=Grain.YEAR, period__in=years)
        ).delete()
    facts = ReportFact.objects.all()
    _periods_from_facts(facts.filter(received_on__in=sorted(days)), Grain.DAY)
    _periods_from_facts(facts.filter(_ranges(months, Grain.MONTH, "received_on")), Grain.MONTH)
    _years_from_months(years)


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def median_bucket(counts: list[int]) -> int | None:
    """Index of the bucket holding the median (the lower median for an even count)."""
    total = sum(counts)
    if not total:
        return None
    target = (total + 1) // 2
    running = 0
    for i, count in enumerate(counts):
        running += count
        if running >= target:
            return i
    return None


def _refresh_scores(agency_ids: set[int], now: dt.datetime, *, all_agencies: bool) -> int:
    active = Agency.objects.filter(is_active=True)
    if all_agencies:
        # A deactivated agency leaves the league table (its scorecard is gone too).
        AgencyScore.objects.exclude(agency_id__in=active.values("id")).delete()
    agencies = active if all_agencies else active.filter(id__in=agency_ids)
    rows = list(agencies.values("id", "kind", "region_id"))
    if not rows:
        return 0
    ids = [r["id"] for r in rows]
    measures: dict[int, dict[str, Any]] = {}
    for i in range(0, len(ids), 1000):
        part = ids[i : i + 1000]
        for row in cast(
            "Iterable[dict[str, Any]]",
            AgencyCaseFact.objects.filter(agency_id__in=part)
            .values("agency_id")
            .order_by()
            .annotate(**fact_measures("resolve_wd")),
        ):
            measures[row.pop("agency_id")] = row
    since = now - ACTIVITY_WINDOW
    connected = set(
        Membership.objects.filter(
            agency_id__in=ids, is_active=True, user__is_active=True, role__in=CONNECTED_ROLES
        ).values_list("agency_id", flat=True)
    )
    events = ReportEvent.objects.filter(at__gte=since, kind__in=ACTIVITY_KINDS, actor__isnull=False)
    if not all_agencies:
        events = events.filter(agency_id__in=ids)
    activity = dict(
        events.values("agency_id").order_by().annotate(c=Count("id")).values_list("agency_id", "c")
    )
    scores = []
    for r in rows:
        m = measures.get(r["id"], {})
        m = {k: (v or 0) for k, v in m.items()}
        n = m.get("n", 0)
        resolve = median_bucket([m.get(f, 0) for f in CL_FIELDS])
        scores.append(
            AgencyScore(
                agency_id=r["id"],
                agency_kind=r["kind"],
                province_code=(r["region_id"] or "")[:2],
                connected=r["id"] in connected,
                actions_30d=activity.get(r["id"], 0),
                share_followed_up=_rate(m.get("n_followed_up", 0), n),
                share_completed=_rate(m.get("n_completed", 0), n),
                share_within_5wd=_rate(m.get("n_fu_within_5", 0), m.get("n_fu_due", 0)),
                median_resolve_wd=float(BUCKETS[resolve][0]) if resolve is not None else None,
                mean_rating=_rate(m.get("rating_sum", 0), m.get("n_rated", 0)),
                reopen_rate=_rate(m.get("n_reopened", 0), m.get("n_closed_once", 0)),
                bounce_rate=_rate(m.get("n_bounced", 0), n),
                computed_at=now,
                n_disposed=n,
                **{k: v for k, v in m.items() if k != "n"},
                n=n,
            )
        )
    with transaction.atomic():
        AgencyScore.objects.filter(agency_id__in=ids).delete()
        AgencyScore.objects.bulk_create(scores, batch_size=1000)
    return len(scores)
