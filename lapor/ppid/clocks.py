"""The clocks of an information request, on the one working-day calendar.

- ``info_answer``: from registration (a complete request), 10 working days, +7 once with a
  written reason; paused while the PPID waits for a clarification; stops at the written notice.
- ``info_identity``: from a conversion from a complaint, 10; stops when the identity is given
  (else the request is archived by the system).
- ``info_clarification``: from the PPID's question, 10; stops at the requester's answer (else
  archived by the system).
- ``info_objection_window``: from the ground of objection arising (a notice, or the answer
  deadline passing), 30; stops at the objection (else the right lapses).
- ``info_objection_decision``: from the objection, 30; stops at the Atasan PPID's decision.
- ``info_dispute_window``: from the decision, or its deadline passing, 14; stops when the
  dispute is recorded (else the right lapses).

The counting rule is the calendar's (``lapor.core.calendar``): the start day does not count,
every following working day counts one, the deadline is the end of the last counted day in the
agency's time zone. The agency's place decides local holidays: the clock's ``region_code`` is
the region of the agency that handles the request when it starts, and stays with the clock when
the request is forwarded (one request, one clock).
"""

from __future__ import annotations

import datetime as dt

from lapor.agencies.models import Agency
from lapor.reports import deadlines
from lapor.reports.models import Clock, Report

ANSWER_DAYS = 10
EXTENSION_DAYS = 7
IDENTITY_DAYS = 10
CLARIFICATION_DAYS = 10
OBJECTION_WINDOW_DAYS = 30
DECISION_DAYS = 30
DISPUTE_WINDOW_DAYS = 14

K = Clock.Kind
# The requester's windows: they pass without escalation (a right lapses; nobody is late).
REQUESTER_WINDOWS = (K.INFO_OBJECTION_WINDOW, K.INFO_DISPUTE_WINDOW)
# The agency's deadlines: missed ones are escalated like a complaint's.
AGENCY_DEADLINES = (K.INFO_ANSWER, K.INFO_OBJECTION_DECISION)


def region_of(agency: Agency | None, report: Report) -> str:
    """The place whose days off count: the agency's region (regency or province), the
    national calendar for a national agency, the request's regency when there is no agency."""
    if agency is None:
        return report.regency_code
    return (agency.region_id or "")[:5]


def start(
    report: Report,
    kind: str,
    working_days: int,
    *,
    agency: Agency | None = None,
    at: dt.datetime | None = None,
) -> Clock:
    clock = deadlines.new_clock(
        report, kind, working_days, agency=agency, at=at, region_code=region_of(agency, report)
    )
    clock.save()
    return clock


def running(report: Report, kind: str) -> Clock | None:
    return deadlines.running(report, [kind]).order_by("-started_at", "-pk").first()


def latest(report: Report, kind: str) -> Clock | None:
    return Clock.objects.filter(report=report, kind=kind).order_by("-started_at", "-pk").first()
