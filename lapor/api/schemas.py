"""Shapes shared by the API v1 routers (English field names)."""

from __future__ import annotations

import datetime as dt

from ninja import Schema

from lapor.reports.models import Report, ReportEvent


class EventOut(Schema):
    at: dt.datetime
    kind: str
    kind_label: str
    status: str
    agency: str
    message: str


class ActionDone(Schema):
    """What a write did: the event it recorded and the report's status after it."""

    tracking_id: str
    event: EventOut
    status: str
    status_label: str


def event_out(event: ReportEvent, message: str) -> EventOut:
    return EventOut(
        at=event.at,
        kind=event.kind,
        kind_label=str(event.get_kind_display()),
        status=event.new_status or "",
        agency=event.agency.name if event.agency_id and event.agency else "",
        message=message,
    )


def action_done(report: Report, event: ReportEvent, message: str) -> ActionDone:
    report.refresh_from_db(fields=["status"])
    return ActionDone(
        tracking_id=report.tracking_id,
        event=event_out(event, message),
        status=report.status,
        status_label=str(report.get_status_display()),
    )
