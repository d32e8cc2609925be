"""Listening: the reporter's own tracking page reads every written answer aloud."""

from __future__ import annotations

from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase
from django.views.decorators.http import require_GET

from lapor.reports import access
from lapor.reports.models import ReportEvent
from lapor.voice import speech


@require_GET
def listen(request: HttpRequest, tracking_id: str, event_id: int) -> HttpResponseBase:
    report = access.access_report_for_reporter(request, tracking_id)
    event = (
        ReportEvent.objects.select_related("agency")
        .filter(report=report, pk=event_id, is_public=True)
        .first()
    )
    if event is None or not speech.listenable(event):
        raise Http404
    return speech.event_speech_response(event, report)
