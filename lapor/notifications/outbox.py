"""Entry point of side effects: actions call ``report_event_created`` inside their transaction.

Replaced by the full outbox (notification rows + background tasks) in the notifications work.
"""

from __future__ import annotations

from lapor.reports.models import ReportEvent


def report_event_created(event: ReportEvent) -> None:
    return None
