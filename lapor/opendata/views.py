"""Open data (interface only): the schema page, downloads of the latest dump, and the same
records through a paginated JSON API."""

from __future__ import annotations

import re

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from lapor.opendata import dump, records

PAGE_SIZE = 100
MAX_PAGE_SIZE = 1000


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    manifest = dump.latest_manifest()
    files = []
    if manifest:
        for f in manifest["files"]:
            files.append(
                {
                    **f,
                    "url": reverse(
                        "opendata:download", kwargs={"day": manifest["date"], "name": f["name"]}
                    ),
                }
            )
    return render(
        request,
        "opendata/index.html",
        {
            "manifest": manifest,
            "files": files,
            "report_fields": records.REPORT_FIELDS,
            "event_fields": records.EVENT_FIELDS,
        },
    )


@require_GET
def download(request: HttpRequest, day: str, name: str) -> FileResponse:
    if not re.fullmatch(r"\d{4}-\d\d-\d\d", day) or name not in dump.FILES:
        raise Http404
    path = f"{dump.PREFIX}/{day}/{name}"
    if not default_storage.exists(path):
        raise Http404
    content_type = "text/csv" if name.endswith(".csv.gz") else "application/json"
    response = FileResponse(
        default_storage.open(path, "rb"),
        as_attachment=True,
        filename=f"lapor-{day}-{name}",
        content_type=content_type,
    )
    # Served as the gzip file it is: no transparent decoding by the browser.
    response["Content-Encoding"] = "identity"
    return response


def _int(value: str | None, default: int, maximum: int) -> int | None:
    if not value:
        return default
    try:
        number = int(value)
    except ValueError:
        return None
    return number if 1 <= number <= maximum else None


@require_GET
def api_reports(request: HttpRequest) -> JsonResponse:
    page = _int(request.GET.get("page"), 1, 10**7)
    size = _int(request.GET.get("page_size"), PAGE_SIZE, MAX_PAGE_SIZE)
    if page is None or size is None:
        return JsonResponse(
            {"error": f"page must be ≥ 1 and page_size from 1 to {MAX_PAGE_SIZE}."}, status=400
        )
    qs = records.open_reports()
    total = qs.count()
    rows = list(qs[(page - 1) * size : page * size])
    names = records.Names(rows)
    base = request.build_absolute_uri(request.path)

    def link(p: int) -> str:
        return f"{base}?page={p}&page_size={size}"

    return JsonResponse(
        {
            "count": total,
            "page": page,
            "page_size": size,
            "next": link(page + 1) if page * size < total else None,
            "previous": link(page - 1) if page > 1 else None,
            "results": [records.full_record(r, names) for r in rows],
        },
        json_dumps_params={"ensure_ascii": False},
    )


@require_GET
def api_report(request: HttpRequest, tracking_id: str) -> JsonResponse:
    report = records.open_reports().filter(tracking_id=tracking_id).first()
    if report is None:
        return JsonResponse({"error": "not found"}, status=404)
    return JsonResponse(
        records.full_record(report, records.Names([report])),
        json_dumps_params={"ensure_ascii": False},
    )
