"""The yearly public-information service report per agency, on the statistics pages
(``/statistik/ppid/``), in the open data (``/data/ppid/``) and as a downloadable document
(CSV and PDF). Aggregates only: no request text, no requester.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from lapor.agencies.models import Agency

from . import selectors
from .models import (
    Decision,
    DisputeOutcome,
    EntryCategory,
    ExemptionGround,
    ObjectionGround,
    Outcome,
)


def _year(raw: str | None) -> int:
    this_year = timezone.localdate().year
    try:
        year = int(raw or this_year)
    except ValueError:
        raise Http404 from None
    if not 2008 <= year <= this_year:
        raise Http404
    return year


def labels() -> dict[str, dict[str, str]]:
    return {
        "decisions": {k: str(v) for k, v in Decision.choices},
        "grounds": {k: str(v) for k, v in ExemptionGround.choices},
        "objection_grounds": {k: str(v) for k, v in ObjectionGround.choices},
        "outcomes": {k: str(v) for k, v in Outcome.choices},
        "dispute_outcomes": {k: str(v) for k, v in DisputeOutcome.choices},
    }


def _pct(value: float | None) -> str:
    from lapor.stats.views import pct

    return pct(value)


def report_sections(report: selectors.AnnualReport) -> list[dict[str, Any]]:
    """The report as captioned tables (HTML page and PDF)."""
    from lapor.reports.models import Channel

    days = "—" if report.average_days is None else f"{report.average_days:.1f}".replace(".", ",")
    return [
        {
            "title": _("Requests"),
            "rows": [
                (_("Requests registered"), report.received),
                (_("Received by forwarding from another PPID"), report.forwarded_in),
                (_("Forwarded to the PPID that holds the information"), report.forwarded_out),
                (_("Answer time extended by 7 working days"), report.extended),
                (_("Still waiting for a notice"), report.pending),
            ],
        },
        {
            "title": _("Written notices by decision"),
            "rows": [(label, report.decisions.get(k, 0)) for k, label in Decision.choices],
        },
        {
            "title": _("Refusals (in full or in part) by exemption ground (Article 17)"),
            "rows": [
                (label, report.refused_by_ground.get(k, 0)) for k, label in ExemptionGround.choices
            ],
        },
        {
            "title": _("Time to answer"),
            "rows": [
                (_("Requests answered (first notice)"), report.answered),
                (_("Answered later than the law allows"), report.answered_late),
                (_("Answered in time"), _pct(report.answered_in_time_share)),
                (_("Average working days to the first notice"), days),
                (
                    _("Longest, in working days"),
                    "—" if report.max_days is None else report.max_days,
                ),
            ],
        },
        {
            "title": _("Requests by channel"),
            "rows": [
                (label, report.by_channel.get(k, 0))
                for k, label in Channel.choices
                if report.by_channel.get(k)
            ]
            or [(_("None"), 0)],
        },
        {
            "title": _("Objections (keberatan) to the PPID's superior"),
            "rows": [
                (_("Objections filed"), report.objections),
                *[
                    (label, report.objections_by_ground.get(k, 0))
                    for k, label in ObjectionGround.choices
                ],
                *[(label, report.objection_outcomes.get(k, 0)) for k, label in Outcome.choices],
                (_("Not yet decided"), report.objections_pending),
                (_("Decided later than 30 working days"), report.decided_late),
            ],
        },
        {
            "title": _("Disputes at the Information Commission"),
            "rows": [
                (_("Disputes recorded"), report.disputes),
                *[
                    (label, report.dispute_outcomes.get(k, 0))
                    for k, label in DisputeOutcome.choices
                ],
            ],
        },
    ]


def _csv(rows: list[list[Any]], filename: str) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow(row)
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def _index_rows(year: int) -> tuple[list[selectors.AnnualReport], selectors.AnnualReport]:
    reports = sorted(
        selectors.annual_reports(year).values(),
        key=lambda r: (-(r.received + r.forwarded_in), r.agency.name if r.agency else ""),
    )
    return reports, selectors.national_total(reports, year)


@require_GET
def annual_index(request: HttpRequest) -> HttpResponse:
    year = _year(request.GET.get("tahun"))
    reports, total = _index_rows(year)
    if request.GET.get("format") == "csv":
        return _csv(_long_rows(reports, year), f"laporan-layanan-informasi-publik-{year}")
    return render(
        request,
        "ppid/annual_index.html",
        {
            "year": year,
            "years": selectors.report_years(),
            "reports": [(r, _pct(r.answered_in_time_share)) for r in reports],
            "total": total,
            "total_in_time": _pct(total.answered_in_time_share),
            "sections": report_sections(total),
        },
    )


def _long_rows(reports: list[selectors.AnnualReport], year: int) -> list[list[Any]]:
    rows: list[list[Any]] = [["year", "agency_id", "agency", "section", "item", "value"]]
    for report in reports:
        assert report.agency is not None
        for section, item, value in report.rows():
            rows.append([year, report.agency.pk, report.agency.name, section, item, value])
    return rows


@require_GET
def annual_detail(request: HttpRequest, pk: int, year: int) -> HttpResponse:
    agency = get_object_or_404(Agency, pk=pk)
    year = _year(str(year))
    report = selectors.annual_report(agency, year)
    fmt = request.GET.get("format", "")
    if fmt == "csv":
        return _csv(
            _long_rows([report], year), f"laporan-layanan-informasi-publik-{agency.pk}-{year}"
        )
    context = {
        "agency": agency,
        "year": year,
        "report": report,
        "sections": report_sections(report),
        "in_time": _pct(report.answered_in_time_share),
        "generated": timezone.now(),
    }
    if fmt == "pdf":
        from weasyprint import HTML

        html = render_to_string("ppid/annual_print.html", context, request=request)
        response = HttpResponse(HTML(string=html).write_pdf(), content_type="application/pdf")
        response["Content-Disposition"] = (
            f'attachment; filename="laporan-layanan-informasi-publik-{agency.pk}-{year}.pdf"'
        )
        return response
    return render(request, "ppid/annual_detail.html", context)


# --- open data --------------------------------------------------------------------------------


@require_GET
def open_annual(request: HttpRequest, year: int, fmt: str) -> HttpResponse:
    if fmt not in ("csv", "json"):
        raise Http404
    year = _year(str(year))
    reports, total = _index_rows(year)
    if fmt == "csv":
        return _csv(_long_rows(reports, year), f"ppid-laporan-tahunan-{year}")
    data = {
        "year": year,
        "generated_at": timezone.localtime().isoformat(timespec="seconds"),
        "licence": "ODbL-1.0",
        "labels": labels(),
        "agencies": [
            {"agency_id": r.agency.pk, "agency": r.agency.name, **_as_dict(r)}
            for r in reports
            if r.agency is not None
        ],
        "total": _as_dict(total),
    }
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


def _as_dict(report: selectors.AnnualReport) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for section, item, value in report.rows():
        out.setdefault(section, {})[item] = value
    return out


ENTRY_COLUMNS = (
    "id",
    "agency_id",
    "agency",
    "category",
    "title",
    "summary",
    "holder",
    "responsible",
    "period",
    "form",
    "retention",
    "link",
    "exemption_ground",
    "exemption_law",
    "consequence_test",
    "exempt_until",
    "released_in_answer_to_a_request",
    "updated_at",
)


def entry_record(entry: Any) -> dict[str, Any]:
    return {
        "id": entry.pk,
        "agency_id": entry.agency_id,
        "agency": entry.agency.name,
        "category": entry.category,
        "title": entry.title,
        "summary": entry.summary,
        "holder": entry.holder,
        "responsible": entry.responsible,
        "period": entry.period,
        "form": entry.form,
        "retention": entry.retention,
        "link": entry.link,
        "exemption_ground": entry.exemption_ground,
        "exemption_law": entry.exemption_law,
        "consequence_test": entry.consequence_test,
        "exempt_until": entry.exempt_until,
        # Only that it was released in answer to a request: never which request, never who.
        "released_in_answer_to_a_request": entry.source_request_id is not None,
        "updated_at": timezone.localtime(entry.updated_at).isoformat(timespec="seconds"),
    }


@require_GET
def open_entries(request: HttpRequest, fmt: str) -> HttpResponse:
    if fmt not in ("csv", "json"):
        raise Http404
    records = [entry_record(e) for e in selectors.published_entries()]
    if fmt == "csv":
        rows: list[list[Any]] = [list(ENTRY_COLUMNS)]
        rows += [[r[c] for c in ENTRY_COLUMNS] for r in records]
        return _csv(rows, "daftar-informasi-publik")
    return HttpResponse(
        json.dumps(
            {
                "licence": "ODbL-1.0",
                "categories": {k: str(v) for k, v in EntryCategory.choices},
                "entries": records,
            },
            ensure_ascii=False,
        ),
        content_type="application/json",
    )
