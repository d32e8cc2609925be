"""KemenPANRB's evaluation of SP4N-LAPOR! participation, per agency and rolled up.

KemenPANRB evaluates each agency's complaint handling each year. Per agency this module gives:

- **team decree** (*SK tim pengelola*): uploaded and in force today (``TeamDecree``);
- **logins**: of the agency's admins and liaison officers, how many logged in within 30 days;
- **connected**: a decree in force *and* at least one admin or liaison officer active in the
  last 30 days — not merely an account;
- the **follow-up rate** and **completion rate** (of the cases dispositioned to it), **follow-up
  within 5 working days** (of the cases whose 5 days are over), **satisfaction** (out of 100,
  see below), the ***Bukan Wewenang* rate** (cases it sent back as not its authority), and the
  **formulaic share** (of its follow-ups, ``lapor.reports.formulaic``).

Satisfaction folds the community satisfaction survey in (``lapor.skm``, PermenPANRB 14/2017):
an agency with SKM answers counts with its SKM index (IKM converted to 25–100) of its latest
year with answers — the figure its public scorecard shows — and its reporters' ratings are then
left out; an agency without SKM answers counts with its reporters' ratings (1–5), each times 20
(a share of the scale's top, as the IKM's × 25 is of its 1–4 scale). A roll-up is the mean over
all the answers so counted (``satisfaction_points`` / ``satisfaction_answers``, both additive),
so a unit weighs as much as it has answers. ``SATISFACTION_METHOD`` says this on the pages.

The case counters come from the statistics rollups (``AgencyScore``: additive, so a sum over a
government's units is again a valid row), the rest from small grouped queries, so a page costs
the same whatever the number of reports. Roll-ups: a regional government (its units and itself)
and a province (its governments), for the national admin, with a CSV export.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lapor.agencies.capabilities import subtree_ids
from lapor.agencies.models import Agency, Membership, TeamDecree
from lapor.skm.method import converted_total

ACTIVE_WINDOW = dt.timedelta(days=30)
# Reporters' ratings run 1–5: times 100 / 5 puts them on the SKM index's "out of 100".
RATING_TOP = 5
TEAM_ROLES = (Membership.Role.AGENCY_ADMIN, Membership.Role.LIAISON_OFFICER)
COUNTERS = (
    "n",
    "n_followed_up",
    "n_completed",
    "n_fu_due",
    "n_fu_within_5",
    "n_bounced",
    "n_rated",
    "rating_sum",
)


@dataclass
class Evaluation:
    """One agency's figures, or a roll-up's (then ``units`` counts the agencies in it)."""

    label: str
    agency: Agency | None = None
    # A roll-up's key: the province code, or the government's id.
    key: str = ""
    decree: TeamDecree | None = None
    units: int = 1
    units_with_decree: int = 0
    units_connected: int = 0
    team: int = 0
    team_active: int = 0
    follow_ups: int = 0
    formulaic: int = 0
    counters: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTERS, 0))
    # Satisfaction (module docstring): the answers counted and the sum of their values out of
    # 100; how many units count with their SKM index, and for one unit the SKM year.
    satisfaction_points: Fraction = field(default_factory=Fraction)
    satisfaction_answers: int = 0
    units_with_skm: int = 0
    skm_year: int | None = None

    @property
    def decree_current(self) -> bool:
        return self.units_with_decree == self.units and self.units > 0

    @property
    def connected(self) -> bool:
        return self.units_connected == self.units and self.units > 0

    def _share(self, part: str, whole: str) -> float | None:
        total = self.counters[whole]
        return self.counters[part] / total if total else None

    @property
    def followed_up(self) -> float | None:
        return self._share("n_followed_up", "n")

    @property
    def completed(self) -> float | None:
        return self._share("n_completed", "n")

    @property
    def within_5wd(self) -> float | None:
        return self._share("n_fu_within_5", "n_fu_due")

    @property
    def satisfaction_exact(self) -> Fraction | None:
        """Out of 100 (module docstring); None without any answer or rating."""
        if not self.satisfaction_answers:
            return None
        return self.satisfaction_points / self.satisfaction_answers

    @property
    def satisfaction(self) -> float | None:
        exact = self.satisfaction_exact
        return None if exact is None else float(exact)

    @property
    def bounce(self) -> float | None:
        return self._share("n_bounced", "n")

    @property
    def formulaic_share(self) -> float | None:
        return self.formulaic / self.follow_ups if self.follow_ups else None

    def add(self, other: Evaluation) -> None:
        self.units += other.units
        self.units_with_decree += other.units_with_decree
        self.units_connected += other.units_connected
        self.team += other.team
        self.team_active += other.team_active
        self.follow_ups += other.follow_ups
        self.formulaic += other.formulaic
        self.satisfaction_points += other.satisfaction_points
        self.satisfaction_answers += other.satisfaction_answers
        self.units_with_skm += other.units_with_skm
        for key in COUNTERS:
            self.counters[key] += other.counters[key]


def current_decree(agency_ids: Iterable[int], today: dt.date) -> dict[int, TeamDecree]:
    """The decree in force today per agency (the latest signed, not expired)."""
    found: dict[int, TeamDecree] = {}
    rows = TeamDecree.objects.filter(agency_id__in=list(agency_ids), signed_on__lte=today).filter(
        Q(valid_until__isnull=True) | Q(valid_until__gte=today)
    )
    for decree in rows.order_by("agency_id", "-signed_on", "-pk"):
        found.setdefault(decree.agency_id, decree)
    return found


def evaluate(agencies: list[Agency], now: dt.datetime | None = None) -> list[Evaluation]:
    """Each agency's own evaluation (not its units')."""
    from lapor.reports.models import EvidenceFlag, ReportEvent
    from lapor.skm.selectors import latest_year_totals
    from lapor.stats.models import AgencyScore

    now = now or timezone.now()
    ids = [a.pk for a in agencies]
    decrees = current_decree(ids, timezone.localdate(now))
    since = now - ACTIVE_WINDOW
    team = {
        row["agency_id"]: row
        for row in Membership.objects.filter(
            agency_id__in=ids, role__in=TEAM_ROLES, is_active=True, user__is_active=True
        )
        .values("agency_id")
        .order_by()
        .annotate(
            total=Count("user", distinct=True),
            active=Count("user", filter=Q(user__last_login__gte=since), distinct=True),
        )
    }
    scores = {
        s["agency_id"]: s
        for s in AgencyScore.objects.filter(agency_id__in=ids).values("agency_id", *COUNTERS)
    }
    follow_ups = dict(
        ReportEvent.objects.filter(agency_id__in=ids, kind=ReportEvent.Kind.FOLLOW_UP)
        .values("agency_id")
        .order_by()
        .annotate(c=Count("id"))
        .values_list("agency_id", "c")
    )
    formulaic = dict(
        EvidenceFlag.objects.filter(event__agency_id__in=ids, reason=EvidenceFlag.Reason.FORMULAIC)
        .values("event__agency_id")
        .order_by()
        .annotate(c=Count("event", distinct=True))
        .values_list("event__agency_id", "c")
    )
    skm = latest_year_totals(ids)
    out = []
    for agency in agencies:
        members: dict[str, Any] = dict(team.get(agency.pk, {}))
        score = scores.get(agency.pk, {})
        counters = {k: int(score.get(k) or 0) for k in COUNTERS}
        decree = decrees.get(agency.pk)
        active = int(members.get("active", 0))
        survey = skm.get(agency.pk)
        if survey is not None:
            points = converted_total(survey.sums)
            answers = survey.responses
        else:
            points = Fraction(counters["rating_sum"] * 100, RATING_TOP)
            answers = counters["n_rated"]
        row = Evaluation(
            label=agency.name,
            agency=agency,
            decree=decree,
            units_with_decree=1 if decree else 0,
            units_connected=1 if decree and active else 0,
            team=int(members.get("total", 0)),
            team_active=active,
            follow_ups=follow_ups.get(agency.pk, 0),
            formulaic=formulaic.get(agency.pk, 0),
            counters=counters,
            satisfaction_points=points,
            satisfaction_answers=answers,
            units_with_skm=1 if survey is not None else 0,
            skm_year=survey.year if survey is not None else None,
        )
        out.append(row)
    return out


def rollup(
    label: str, agencies: list[Agency], now: dt.datetime | None = None, key: str = ""
) -> Evaluation:
    total = Evaluation(label=label, units=0, key=key)
    for row in evaluate(agencies, now):
        total.add(row)
    return total


def government_units(government: Agency) -> list[Agency]:
    """A government and every unit under it that receives reports."""
    ids = subtree_ids(government.pk)
    return list(Agency.objects.filter(pk__in=ids, is_active=True).order_by("name"))


GOVERNMENTS = (Agency.Kind.REGENCY_GOVERNMENT, Agency.Kind.PROVINCIAL_GOVERNMENT)


def by_province(now: dt.datetime | None = None) -> list[Evaluation]:
    """One roll-up per province: its provincial government and regency/city governments with
    all their units (the national admin's view)."""
    from lapor.regions.models import Region

    provinces = {r.code: r.name for r in Region.objects.filter(level=Region.Level.PROVINCE)}
    governments = Agency.objects.filter(kind__in=GOVERNMENTS, is_active=True).exclude(
        region__isnull=True
    )
    by_code: dict[str, list[Agency]] = {}
    for government in governments:
        code = str(government.region_id).split(".")[0]
        by_code.setdefault(code, []).extend(government_units(government))
    return [
        rollup(provinces.get(code, code), units, now, key=code)
        for code, units in sorted(by_code.items())
    ]


def by_government(province_code: str, now: dt.datetime | None = None) -> list[Evaluation]:
    governments = Agency.objects.filter(kind__in=GOVERNMENTS, is_active=True).filter(
        Q(region_id=province_code) | Q(region__parent_id=province_code)
    )
    return [
        rollup(g.name, government_units(g), now, key=str(g.pk))
        for g in governments.order_by("name")
    ]


def aggregate_counts() -> dict[str, int]:
    """Totals over every agency (a quick national line)."""
    from lapor.stats.models import AgencyScore

    sums = AgencyScore.objects.aggregate(**{k: Sum(k) for k in COUNTERS})
    return {k: int(v or 0) for k, v in sums.items()}


COLUMNS = (
    ("decree", _("Team decree in force")),
    ("team", _("Admins and liaison officers active in 30 days")),
    ("connected", _("Connected")),
    ("followed_up", _("Follow-up rate")),
    ("completed", _("Completion rate")),
    ("within_5wd", _("Followed up within 5 working days")),
    ("satisfaction", _("Satisfaction (out of 100: SKM index, else ratings)")),
    ("bounce", _("“Not our authority” rate")),
    ("formulaic", _("Formulaic answers")),
)

SATISFACTION_METHOD = _(
    "Satisfaction, out of 100: where an agency has answers to the community satisfaction "
    "survey (SKM, PermenPANRB 14/2017), its SKM index (IKM, 25–100) of the latest year with "
    "answers, as on its public scorecard, and its reporters' ratings are left out; otherwise "
    "the mean of its reporters' ratings (1–5) times 20. A total or roll-up is the mean over all "
    "the answers so counted, so each unit weighs as much as it has answers."
)
