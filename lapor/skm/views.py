"""The survey page for a reporter (after tracking number + PIN), and the SKM open data."""

from __future__ import annotations

import csv
import io

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from lapor.core.errors import DomainError
from lapor.reports import access
from lapor.reports.models import Channel
from lapor.skm import selectors
from lapor.skm.actions import can_answer, skm_answer
from lapor.skm.forms import SurveyForm
from lapor.skm.method import FIELDS


@require_http_methods(["GET", "POST"])
def survey(request: HttpRequest, tracking_id: str) -> HttpResponse:
    try:
        report = access.access_report_for_reporter(request, tracking_id)
    except Http404:
        # Not unlocked in this browser: the tracking page asks for the PIN first.
        return redirect(reverse("web:track") + f"?id={tracking_id}")
    done = request.GET.get("done", "")
    if not done and not can_answer(report):
        return render(request, "skm/survey.html", {"report": report, "closed": True})
    form = SurveyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            answered = skm_answer(
                report=report,
                values={name: data[name] for name in FIELDS},
                comment=data["comment"],
                channel=Channel.WEB,
                appeal=data["appeal"],
            )
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            outcome = "disputed" if answered.disputed else "poor" if answered.may_dispute else "ok"
            return redirect(
                reverse("skm:survey", kwargs={"tracking_id": report.tracking_id})
                + f"?done={outcome}"
            )
    return render(request, "skm/survey.html", {"report": report, "form": form, "done": done})


def _rows() -> list[dict[str, object]]:
    return selectors.published_rows()


@require_GET
def open_data_json(request: HttpRequest) -> JsonResponse:
    return JsonResponse(
        {
            "description": _("Community satisfaction index (IKM) per agency and year"),
            "method": selectors.method_text(),
            "results": _rows(),
        },
        json_dumps_params={"ensure_ascii": False, "indent": 1},
    )


@require_GET
def open_data_csv(request: HttpRequest) -> HttpResponse:
    rows = _rows()
    out = io.StringIO()
    columns = [
        "agency_code",
        "agency_name",
        "year",
        "responses",
        "population",
        "minimum_sample",
        "sample_sufficient",
        *[f"nrr_{name}" for name in FIELDS],
        "ikm",
        "ikm_converted",
        "grade",
    ]
    writer = csv.DictWriter(out, fieldnames=columns)
    writer.writeheader()
    writer.writerows(rows)
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="lapor-skm.csv"'
    return response
