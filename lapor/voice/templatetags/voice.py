from django import template

from lapor.reports.models import ReportEvent
from lapor.voice import speech

register = template.Library()


@register.filter
def listenable(event: ReportEvent) -> bool:
    return speech.listenable(event)
