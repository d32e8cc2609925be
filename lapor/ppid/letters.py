"""The written notice (*pemberitahuan tertulis*) and the Atasan PPID's written decision, as
printable letters in Indonesian with the agency's name: one HTML template, shown for printing
and rendered to PDF by WeasyPrint (PyPI; it needs Debian's Pango, which CI installs).

The letters are addressed to the requester, so they carry the requester's name and address:
they are served only to the requester and to the staff who may read the request, and the
identity is read through ``access.requester_identity`` (logged) by the view that asks.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation

from lapor.agencies.models import Agency
from lapor.core.security import allow_inline_styles
from lapor.reports.models import Attachment, Report

from .models import (
    Decision,
    ExemptionGround,
    InformationRequest,
    Notice,
    Objection,
    ObjectionGround,
    Outcome,
    RequesterIdentity,
)

# The forms of Perki 1/2021 speak of these decisions in these words.
DECISION_WORDS = {
    Decision.GRANTED: "Permohonan informasi publik Saudara diterima seluruhnya.",
    Decision.PARTIAL: "Permohonan informasi publik Saudara diterima sebagian.",
    Decision.REFUSED: "Permohonan informasi publik Saudara ditolak karena informasi yang "
    "diminta termasuk informasi yang dikecualikan.",
    Decision.NOT_HELD: "Informasi yang Saudara minta tidak dikuasai oleh badan publik kami.",
    Decision.NOT_DOCUMENTED: "Informasi yang Saudara minta belum didokumentasikan.",
}
OUTCOME_WORDS = {
    Outcome.ACCEPTED: "Keberatan Saudara diterima.",
    Outcome.PARTLY_ACCEPTED: "Keberatan Saudara diterima sebagian.",
    Outcome.REJECTED: "Keberatan Saudara ditolak; pemberitahuan PPID tetap berlaku.",
}


def _id(value: Any) -> str:
    with translation.override("id"):
        return str(value)


def letterhead(agency: Agency | None) -> dict[str, str]:
    """The letterhead: the government (or body) above, the PPID below."""
    if agency is None:
        return {"body": "", "office": "PEJABAT PENGELOLA INFORMASI DAN DOKUMENTASI"}
    body = (
        agency.parent if agency.kind == Agency.Kind.INFORMATION_OFFICE and agency.parent else agency
    )
    office = (
        agency.name
        if agency.kind == Agency.Kind.INFORMATION_OFFICE
        else "Pejabat Pengelola Informasi dan Dokumentasi"
    )
    return {"body": body.name.upper(), "office": office.upper()}


def _date(moment: Any) -> str:
    with translation.override("id"):
        if hasattr(moment, "tzinfo"):
            moment = timezone.localtime(moment)
        return formats.date_format(moment, "j F Y")


def notice_context(notice: Notice, identity: RequesterIdentity | None) -> dict[str, Any]:
    report: Report = notice.report
    request = InformationRequest.objects.filter(report=report).first()
    files = list(Attachment.objects.filter(event_id=notice.event_id))
    return {
        "kind": "notice",
        "notice": notice,
        "report": report,
        "request": request,
        "identity": identity,
        "head": letterhead(notice.agency),
        "date": _date(notice.issued_at),
        "registered": _date(request.registered_at) if request and request.registered_at else "",
        "decision_words": DECISION_WORDS[Decision(notice.decision)],
        "ground": _id(ExemptionGround(notice.exemption_ground).label)
        if notice.exemption_ground
        else "",
        "form": _id(notice.get_form_display()) if notice.form else "",
        "delivery": _id(notice.get_delivery_display()) if notice.delivery else "",
        "obtain": _id(request.get_obtain_display()) if request else "",
        "cost": formats.number_format(notice.cost, force_grouping=True),
        "files": files,
        "documented_by": _date(notice.documented_by) if notice.documented_by else "",
    }


def decision_context(objection: Objection, identity: RequesterIdentity | None) -> dict[str, Any]:
    report: Report = objection.report
    request = InformationRequest.objects.filter(report=report).first()
    return {
        "kind": "decision",
        "objection": objection,
        "report": report,
        "request": request,
        "identity": identity,
        "head": letterhead(objection.agency.parent or objection.agency),
        "date": _date(objection.decided_at or timezone.now()),
        "filed": _date(objection.filed_at),
        "grounds": [_id(ObjectionGround(g).label) for g in objection.grounds or []],
        "outcome_words": OUTCOME_WORDS[Outcome(objection.outcome)] if objection.outcome else "",
    }


def render_html(context: dict[str, Any], *, for_pdf: bool = False) -> str:
    with translation.override("id"):
        return render_to_string("ppid/letter.html", {**context, "for_pdf": for_pdf})


def pdf_bytes(context: dict[str, Any]) -> bytes:
    from weasyprint import HTML

    return HTML(string=render_html(context, for_pdf=True)).write_pdf()  # type: ignore[no-any-return]


def respond(context: dict[str, Any], *, pdf: bool, filename: str) -> HttpResponse:
    if pdf:
        response = HttpResponse(pdf_bytes(context), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{filename}.pdf"'
    else:
        response = HttpResponse(render_html(context), content_type="text/html; charset=utf-8")
        # Its print styles are inline, shared with the PDF rendering (lapor.core.security).
        allow_inline_styles(response)
    # A letter addressed to a person: never cached by a shared proxy.
    response["Cache-Control"] = "private, no-store"
    return response
