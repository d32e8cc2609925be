"""Formulaic answers: a follow-up that says what the agency already said to many others.

Real agencies answer hundreds of different reports with the same paragraph ("Terima kasih atas
laporan Bapak/Ibu, akan segera kami tindak lanjuti …"), changing only a name, a number or a
date. Such an answer is not a follow-up of *this* report. When one is posted, its words —
after removing what changes from letter to letter (personal data, numbers, dates, names) — are
compared with the agency's recent answers to *other* reports; if it is nearly the same
(``SIMILAR`` Jaccard similarity of word 3-grams) as at least ``MANY`` of them, the follow-up is
flagged (an ``EvidenceFlag`` with reason ``formulaic``): the agency admin and the supervisor see
it on the case page, the sweep does not close the case on it until an agency admin has reviewed
it, and the share of formulaic follow-ups is an indicator on the agency's public scorecard.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from lapor.reports.scrub import scrub

if TYPE_CHECKING:
    from lapor.reports.models import EvidenceFlag, Report, ReportEvent

# Nearly the same: share of shared word 3-grams (Jaccard) at or above this.
SIMILAR = 0.7
# … as at least this many earlier answers to other reports.
MANY = 3
# How many of the agency's latest answers one check reads.
RECENT = 300
# Answers shorter than this (in words, after cleaning) are too short to call formulaic.
MIN_WORDS = 6

MONTHS = frozenset(
    {
        *("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus"),
        *("september", "oktober", "november", "desember", "january", "february", "march"),
        *("may", "june", "july", "august", "october", "december", "jan", "feb", "mar"),
        *("apr", "jun", "jul", "agu", "aug", "sep", "okt", "oct", "nov", "des", "dec"),
    }
)
_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?:;\n]\s*$")


def words(text: str) -> list[str]:
    """The answer's words without what changes from one letter to the next: personal data
    (masked by ``scrub``), numbers, dates, month names and names (capitalised words that do not
    start a sentence)."""
    text = scrub(text or "")
    kept: list[str] = []
    for match in _WORD.finditer(text):
        word = match.group(0)
        start = match.start()
        sentence_start = start == 0 or bool(_SENTENCE_END.search(text[:start]))
        if word[:1].isupper() and not sentence_start:
            continue  # a name: Bapak Wiryo, Jalan Kaliurang, Desa Caturtunggal
        lower = word.lower()
        if lower in MONTHS:
            continue
        kept.append(lower)
    return kept


def shingles(text: str, k: int = 3) -> frozenset[tuple[str, ...]]:
    found = words(text)
    if len(found) < MIN_WORDS:
        return frozenset()
    return frozenset(tuple(found[i : i + k]) for i in range(len(found) - k + 1))


def similarity(a: frozenset, b: frozenset) -> float:  # type: ignore[type-arg]
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def similar_answers(event: ReportEvent) -> int:
    """How many of the agency's recent answers to other reports say nearly the same."""
    from lapor.reports.models import ReportEvent

    mine = shingles(event.message)
    if not mine or event.agency_id is None:
        return 0
    earlier = (
        ReportEvent.objects.filter(
            agency_id=event.agency_id,
            kind__in=[ReportEvent.Kind.FOLLOW_UP, ReportEvent.Kind.QUESTION],
            pk__lt=event.pk,
        )
        .exclude(report_id=event.report_id)
        .order_by("-pk")
        .values_list("message", flat=True)[:RECENT]
    )
    return sum(1 for message in earlier if similarity(mine, shingles(message)) >= SIMILAR)


def check_follow_up(event: ReportEvent) -> EvidenceFlag | None:
    """Flag ``event`` when it is formulaic; returns the flag (in the caller's transaction)."""
    from lapor.reports.models import EvidenceFlag

    if getattr(event, "agency_id", None) is None:
        return None
    count = similar_answers(event)
    if count < MANY:
        return None
    return EvidenceFlag.objects.create(
        report=event.report,
        event=event,
        reason=EvidenceFlag.Reason.FORMULAIC,
        similar=count,
    )


def holds_closure(report: Report) -> bool:
    """The sweep does not close a case whose latest follow-up is a formulaic answer nobody
    has reviewed yet."""
    from lapor.reports.models import EvidenceFlag, ReportEvent

    latest = (
        ReportEvent.objects.filter(
            report=report, kind__in=[ReportEvent.Kind.FOLLOW_UP, ReportEvent.Kind.QUESTION]
        )
        .order_by("-pk")
        .values_list("pk", flat=True)
        .first()
    )
    return (
        latest is not None
        and EvidenceFlag.objects.filter(
            event_id=latest, reason=EvidenceFlag.Reason.FORMULAIC, reviewed_at__isnull=True
        ).exists()
    )


INDICATOR_LABEL = _("Formulaic answers")
INDICATOR_DEFINITION = _(
    "Follow-ups that are nearly the same (seven in ten of their three-word sequences, after "
    "removing names, numbers, dates and personal data) as at least three of the agency's "
    "earlier answers to other reports, of all the agency's follow-ups."
)
