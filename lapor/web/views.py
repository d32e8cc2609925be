"""Citizen pages: interface only — parse, call an action, render."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from lapor.accounts.models import User
from lapor.agencies.selectors import agency_choices
from lapor.core.errors import DomainError
from lapor.core.files import attachment_response
from lapor.regions.selectors import children, place_label
from lapor.reports import access, actions, case_actions, deadlines, emergency, lifecycle
from lapor.reports.models import Attachment, Clock, Kind, Privacy, Report, ReportEvent
from lapor.web.filing import read_filing, render_filing_form
from lapor.web.forms import (
    AddInfoForm,
    CloseForm,
    DisputeForm,
    ReplyForm,
    ReportForm,
    TrackForm,
    sign_pending,
)
from lapor.web.uploads import collect_uploads

RECEIPT_PINS = "receipt_pins"
REPORT_FORM = "web/report_form.html"


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "web/home.html")


def _browser(request: HttpRequest) -> str | None:
    """The browser that rendered the form, by its CSRF cookie: a double click's two requests
    carry the same one, a stranger replaying the form's key does not. None without one."""
    return request.META.get("CSRF_COOKIE") or None


@require_http_methods(["GET", "POST"])
def report_new(request: HttpRequest) -> HttpResponse:
    language = get_language() or "id"
    context: dict[str, object] = {"emergency_pattern": emergency.js_pattern()}
    if request.method != "POST":
        initial = {}
        if request.user.is_authenticated:
            initial = {
                "full_name": request.user.full_name,
                "email": request.user.email or "",
                "phone": request.user.phone or "",
            }
        form = ReportForm(initial=initial, language=language)
        return render(request, REPORT_FORM, {**context, "form": form})

    if request.POST.get("kind") == Kind.INFORMATION_REQUEST and "_refresh" not in request.POST:
        # "No wrong door": an information request has its own form (the law requires the
        # requester's identity); what was typed moves over.
        from lapor.ppid.views import request_form_from_report

        return request_form_from_report(request)
    filing = read_filing(request, ReportForm, language)
    form, pending = filing.form, filing.pending
    if not filing.ready:
        context["emergency_detected"] = filing.emergency_detected
        return render_filing_form(request, REPORT_FORM, form, pending, filing.file_errors, context)
    try:
        submitted = actions.report_submit(
            **form.report_fields(),
            uploads=pending,
            language=language,
            emergency_suspected=filing.emergency,
            actor=request.user if request.user.is_authenticated else None,
            replay_scope=_browser(request),
        )
    except DomainError as exc:
        form.add_error(None, exc.message)
        return render_filing_form(request, REPORT_FORM, form, pending, [], context)

    report = submitted.report
    known = report.tracking_id in request.session.get(access.SESSION_KEY, [])
    if not (submitted.created or submitted.pin is not None or known):
        # A repeat of a form filed long ago from another session: do not reveal that report.
        raise Http404
    # A double click's losing request (and a reload after a lost answer) gets the same receipt:
    # its form's random submission key is what the first request filed under, and
    # ``receipts`` gave back that request's PIN. Both requests write the same session data.
    if submitted.pin is not None:
        pins = dict(request.session.get(RECEIPT_PINS, {}))
        pins[report.tracking_id] = submitted.pin
        request.session[RECEIPT_PINS] = pins
    access.remember_report(request, report)
    return redirect("web:receipt", tracking_id=report.tracking_id)


def receipt(request: HttpRequest, tracking_id: str) -> HttpResponse:
    report = access.access_report_for_reporter(request, tracking_id)
    if report.kind == Kind.INFORMATION_REQUEST and report.status in lifecycle.INFO_STATUSES:
        return redirect("ppid:receipt", tracking_id=report.tracking_id)
    pin = request.session.get(RECEIPT_PINS, {}).get(report.tracking_id)
    return render(request, "web/receipt.html", {"report": report, "pin": pin})


@require_http_methods(["GET", "POST"])
def track(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = TrackForm(request.POST)
        if form.is_valid():
            try:
                report = access.unlock_with_pin(
                    request, form.cleaned_data["tracking_id"], form.cleaned_data["pin"]
                )
            except DomainError as exc:
                form.add_error(None, exc.message)
            else:
                return redirect("web:report_detail", tracking_id=report.tracking_id)
    else:
        form = TrackForm(initial={"tracking_id": request.GET.get("id", "")})
    return render(request, "web/track.html", {"form": form})


# How long after a closure the reporter may still dispute it.
@require_http_methods(["GET", "POST"])
def report_detail(request: HttpRequest, tracking_id: str) -> HttpResponse:
    report = access.access_report_for_reporter(request, tracking_id)
    if report.kind == Kind.INFORMATION_REQUEST and report.status in lifecycle.INFO_STATUSES:
        # Information requests have their own page (notices, objection, the Commission).
        return redirect("ppid:request", tracking_id=report.tracking_id)
    allowed = lifecycle.reporter_actions(report)
    actor = request.user if request.user.is_authenticated else None
    forms_ = {
        "info": AddInfoForm(),
        "reply": ReplyForm(),
        "close": CloseForm(),
        "dispute": DisputeForm(),
    }
    pending: list = []
    file_errors: list[str] = []
    action = request.POST.get("action", "")
    if request.method == "POST" and action in allowed:
        form_class = {
            "info": AddInfoForm,
            "reply": ReplyForm,
            "close": CloseForm,
            "dispute": DisputeForm,
        }[action]
        form = form_class(request.POST, request.FILES)
        forms_[action] = form
        if action in ("info", "reply"):
            pending, file_errors = collect_uploads(request)
        if form.is_valid() and not file_errors:
            try:
                _reporter_act(action, report, form.cleaned_data, pending, actor)
            except DomainError as exc:
                form.add_error(None, exc.message)
            else:
                url = reverse("web:report_detail", kwargs={"tracking_id": report.tracking_id})
                return redirect(f"{url}?done={action}#done")
    elif request.method == "POST":
        raise Http404
    identity = access.reporter_identity(
        report, actor=request.user, purpose="reporter views own report", is_reporter=True
    )
    events = (
        ReportEvent.objects.filter(report=report, is_public=True)
        .select_related("agency", "target_agency")
        .prefetch_related("attachments")
    )
    clocks = [
        (clock, deadlines.compute(clock).explanation())
        for clock in Clock.objects.filter(report=report, stopped_at__isnull=True)
        .select_related("agency")
        .order_by("due_at")
    ]
    return render(
        request,
        "web/report_detail.html",
        {
            "report": report,
            "identity": identity,
            "events": events,
            "clocks": clocks,
            "allowed": allowed,
            "forms": forms_,
            "form": forms_["reply"] if "reply" in allowed else forms_["info"],
            "active_action": action,
            "pending_files": pending,
            "pending_token": sign_pending([str(p.pk) for p in pending]),
            "file_errors": file_errors,
            "done": request.GET.get("done", ""),
            "is_anonymous": report.privacy == Privacy.ANONYMOUS,
            "place": place_label(report.region_id),
        },
    )


def _reporter_act(
    action: str, report: Report, data: dict, pending: list, actor: User | None
) -> None:
    if action == "info":
        actions.report_add_info(
            report=report, message=data["message"], uploads=pending, actor=actor
        )
    elif action == "reply":
        case_actions.report_reporter_reply(
            report=report, message=data["message"], uploads=pending, actor=actor
        )
    elif action == "close":
        case_actions.report_close_by_reporter(
            report=report, rating=data["rating"], comment=data["comment"], actor=actor
        )
    elif action == "dispute":
        case_actions.report_dispute(report=report, reason=data["reason"], actor=actor)


def attachment_download(request: HttpRequest, tracking_id: str, pk: int) -> HttpResponseBase:
    report = access.access_report_for_reporter(request, tracking_id)
    attachment = Attachment.objects.filter(report=report, pk=pk).first()
    if attachment is None:
        raise Http404
    return attachment_response(attachment, attachment.original_name)


@require_GET
def region_children(request: HttpRequest) -> JsonResponse:
    """Progressive enhancement for the pickers: the next level's choices as JSON."""
    code = request.GET.get("kode", "")
    if len(code) > 13:
        raise Http404
    items = children(code or None)
    return JsonResponse({"items": items}, headers={"Cache-Control": "public, max-age=86400"})


@require_GET
def agency_options(request: HttpRequest) -> JsonResponse:
    groups = agency_choices(
        request.GET.get("provinsi", ""),
        request.GET.get("kabupaten", ""),
        request.GET.get("kecamatan", ""),
    )
    return JsonResponse(
        {"empty": _("— I don't know / let the admin choose —"), "groups": groups},
        headers={"Cache-Control": "public, max-age=3600"},
    )
