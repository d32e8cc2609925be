"""Staff export pages: interface only — check the right, parse the form, stream the file.

Everyone without the EXPORT capability gets 404, as for any console page outside one's scope
(ARCHITECTURE.md §5): the answer does not confirm what exists.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    StreamingHttpResponse,
)
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from lapor.accounts.models import User
from lapor.exports.columns import EXPORT_TZ
from lapor.exports.formats import csv_chunks, xlsx_chunks
from lapor.exports.forms import CSV, XLSX, ExportForm
from lapor.exports.selectors import ExportFilters, export_rows, may_export

logger = logging.getLogger("lapor.exports")

CONTENT_TYPES = {
    CSV: "text/csv; charset=utf-8",
    XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
FORMAT_HELP = {
    XLSX: _("Opens directly in Excel, LibreOffice and Google Sheets."),
    CSV: _("For importing into other programs: comma-separated, UTF-8."),
}


def _exporter(request: HttpRequest) -> User:
    user = request.user
    if not user.is_authenticated or not may_export(user):
        raise Http404
    assert isinstance(user, User)
    return user


def _render_form(request: HttpRequest, form: ExportForm, status: int = 200) -> HttpResponse:
    context = {"form": form, "format_help": FORMAT_HELP}
    return render(request, "exports/form.html", context, status=status)


@require_GET
def export_form(request: HttpRequest) -> HttpResponse:
    user = _exporter(request)
    return _render_form(request, ExportForm(user=user))


@require_GET
def export_download(request: HttpRequest) -> HttpResponseBase:
    """``?format=csv|xlsx&received_from=&received_to=&status=&agency=``: the file itself.

    Both formats stream while the rows are read (the XLSX file's ZIP entries carry their sizes
    after their data). Invalid input shows the form again with errors.
    """
    user = _exporter(request)
    form = ExportForm(request.GET, user=user)
    if not form.is_valid():
        return _render_form(request, form, status=400)
    fmt = form.cleaned_data["format"]
    filters = form.filters()
    rows = _logged(export_rows(user, filters), user=user, fmt=fmt, filters=filters)
    filename = f"lapor-ekspor-{timezone.localdate(timezone=EXPORT_TZ).isoformat()}.{fmt}"
    chunks = csv_chunks(rows) if fmt == CSV else xlsx_chunks(rows)
    response = StreamingHttpResponse(chunks, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    if fmt == XLSX:
        # A ZIP already: gzip on top would cost ~15 % more CPU for 0.5 % fewer bytes.
        response.lapor_no_compress = True  # type: ignore[attr-defined]
    # Reporters' names and case texts: no copy in shared or browser caches.
    response["Cache-Control"] = "no-store"
    return response


def _logged(
    rows: Iterator[list[str]], *, user: User, fmt: str, filters: ExportFilters
) -> Iterator[list[str]]:
    """Pass rows through and log the export when it ends: who, how many rows, which filters.

    Never any identity; the per-report identity reads are in IdentityAccessLog already.
    A stream cut short (the browser gave up) is logged as incomplete with the rows sent.
    """
    count = 0
    complete = False
    try:
        for row in rows:
            count += 1
            yield row
        complete = True
    finally:
        logger.info(
            "export by user %s: %d rows, format %s, complete %s, filters %s",
            user.pk,
            count,
            fmt,
            complete,
            filters,
        )
