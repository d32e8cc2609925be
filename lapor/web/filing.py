"""Reading a posted report form, for every page that files with ``ReportForm`` (the citizen's
page and the desk): staged files, the no-JavaScript "show the places" redraw, validation and
the one-time 112 notice, then the form again with everything kept, or a form ready to file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from lapor.reports import emergency
from lapor.reports.models import PendingUpload
from lapor.routing import duplicates
from lapor.web.forms import ReportForm, sign_pending
from lapor.web.uploads import collect_uploads


@dataclass
class Filing:
    form: ReportForm
    pending: list[PendingUpload]
    file_errors: list[str] = field(default_factory=list)
    # Valid, every file accepted and any 112 notice acknowledged: file it.
    ready: bool = False
    # The text looks like an emergency (recorded with the report).
    emergency: bool = False
    # The 112 notice is shown now, once, before the report can be filed.
    emergency_detected: bool = False


def read_filing(request: HttpRequest, form_class: type[ReportForm], language: str) -> Filing:
    pending, file_errors = collect_uploads(request)
    if "_refresh" in request.POST:
        # "Show the places in this area" without JavaScript: redraw with the next level's
        # choices, keeping everything typed and every file, without shouting errors yet.
        initial = {k: request.POST.get(k, "") for k in request.POST if k != "csrfmiddlewaretoken"}
        return Filing(form_class(initial=initial, language=language), pending, file_errors)
    form = form_class(request.POST, request.FILES, language=language)
    if not form.is_valid() or file_errors:
        return Filing(form, pending, file_errors)
    data = form.cleaned_data
    is_emergency = emergency.looks_like_emergency(data["title"], data["body"])
    if is_emergency and not data["emergency_ack"]:
        post = request.POST.copy()
        post["emergency_ack"] = "1"
        form = form_class(post, language=language)
        form.is_valid()
        return Filing(form, pending, emergency=True, emergency_detected=True)
    return Filing(form, pending, ready=True, emergency=is_emergency)


def render_filing_form(
    request: HttpRequest,
    template: str,
    form: ReportForm,
    pending: list[PendingUpload],
    file_errors: list[str],
    context: dict[str, Any],
) -> HttpResponse:
    """The form again, with the staged files and, once something was typed, similar open
    reports ("dukung laporan ini"), also without JavaScript."""
    context.update(
        {
            "form": form,
            "pending_files": pending,
            "pending_token": sign_pending([str(p.pk) for p in pending]),
            "file_errors": file_errors,
            "similar": (
                duplicates.similar_for_form(
                    request.POST, client=request.META.get("REMOTE_ADDR", "") or "unknown"
                )
                if request.POST
                else []
            ),
        }
    )
    return render(request, template, context)
