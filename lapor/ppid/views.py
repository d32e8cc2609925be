"""Citizen pages of the public-information service: the lists of public information (public,
searchable), the request form, the receipt, the requester's own page (notices, objection, the
Information Commission) and the letters. Interface only: forms parse, actions write.
"""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import require_GET, require_http_methods

from lapor.accounts import verification
from lapor.agencies.models import Agency
from lapor.core.errors import DomainError
from lapor.core.files import attachment_response
from lapor.reports import access as report_access
from lapor.reports import actions as report_actions
from lapor.reports import deadlines, pin_vault
from lapor.reports.models import Attachment, Clock, Report, ReportEvent
from lapor.web.forms import sign_pending
from lapor.web.uploads import collect_uploads

from . import actions, letters, selectors
from .access import access_request_for_requester, requester_identity
from .forms import ClarifyForm, CommissionForm, IdentityForm, ObjectionForm, RequestForm
from .models import (
    Dispute,
    EntryCategory,
    InformationEntry,
    InformationRequest,
    Notice,
    Objection,
)

RECEIPT_PINS = "receipt_pins"
FORM_TEMPLATE = "ppid/request_form.html"
MAX_QUERY = 100


def _query(request: HttpRequest) -> str:
    return (request.GET.get("q") or "").strip()[:MAX_QUERY]


# --- public lists -------------------------------------------------------------------------


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    query = _query(request)
    category = request.GET.get("jenis", "")
    results = None
    if query or category in EntryCategory.values:
        results = Paginator(
            selectors.published_entries(query=query, category=category), selectors.PAGE_SIZE
        ).get_page(request.GET.get("halaman"))
    return render(
        request,
        "ppid/index.html",
        {
            "query": query,
            "category": category,
            "categories": EntryCategory.choices,
            "results": results,
            "agencies": selectors.agencies_with_lists()[:200],
        },
    )


@require_GET
def agency_list(request: HttpRequest, pk: int) -> HttpResponse:
    agency = get_object_or_404(Agency, pk=pk, is_active=True)
    query = _query(request)
    entries = list(selectors.published_entries(agency=agency, query=query))
    groups = [
        (value, label, [e for e in entries if e.category == value])
        for value, label in EntryCategory.choices
    ]
    return render(
        request,
        "ppid/agency_list.html",
        {"agency": agency, "query": query, "groups": groups, "count": len(entries)},
    )


@require_GET
def entry_detail(request: HttpRequest, pk: int) -> HttpResponse:
    entry = get_object_or_404(
        InformationEntry.objects.select_related("agency"), pk=pk, is_published=True
    )
    return render(request, "ppid/entry.html", {"entry": entry, "files": list(entry.files.all())})


@require_GET
def entry_file(request: HttpRequest, pk: int, file_pk: int) -> HttpResponseBase:
    """A file released and published with an entry; every other attachment stays private."""
    entry = get_object_or_404(InformationEntry, pk=pk, is_published=True)
    found = entry.files.filter(pk=file_pk).first()
    if found is None:
        raise Http404
    return attachment_response(found, found.original_name)


# --- filing -------------------------------------------------------------------------------


def _similar(title: str) -> list[InformationEntry]:
    """Published information that may already answer the request ("before you ask")."""
    words = [w for w in title.split() if len(w) > 3][:6]
    found: dict[int, InformationEntry] = {}
    for word in words:
        for entry in selectors.published_entries(query=word)[:5]:
            found.setdefault(entry.pk, entry)
    return list(found.values())[:8]


def render_request_form(
    request: HttpRequest, form: RequestForm, extra: dict[str, Any] | None = None
) -> HttpResponse:
    title = str(form.data.get("title", "") if form.is_bound else form.initial.get("title", ""))
    context = {"form": form, "similar": _similar(title) if title else [], **(extra or {})}
    return render(request, FORM_TEMPLATE, context)


@require_http_methods(["GET", "POST"])
def request_new(request: HttpRequest) -> HttpResponse:
    if verification.must_verify(request.user):
        # An account opens requests once its login is proved (lapor.accounts.verification).
        return redirect(reverse("accounts:verify") + "?next=" + reverse("ppid:request_new"))
    language = (get_language() or "id")[:2]
    if request.method != "POST":
        initial: dict[str, Any] = {}
        if request.user.is_authenticated:
            initial = {
                "full_name": request.user.full_name,
                "email": request.user.email or "",
                "phone": request.user.phone or "",
            }
        agency = request.GET.get("instansi", "")
        if agency.isdigit():
            found = Agency.objects.filter(pk=agency, is_active=True).first()
            if found is not None and found.region_id:
                codes = found.region_id.split(".")
                initial.update(
                    province=codes[0],
                    regency=".".join(codes[:2]) if len(codes) > 1 else "",
                    agency=str(found.pk),
                )
        return render_request_form(request, RequestForm(initial=initial))
    if "_refresh" in request.POST:
        # Without JavaScript: redraw with the regencies and agencies of the chosen place.
        initial = {k: request.POST.get(k, "") for k in request.POST if k != "csrfmiddlewaretoken"}
        return render_request_form(request, RequestForm(initial=initial))
    form = RequestForm(request.POST)
    if not form.is_valid():
        return render_request_form(request, form)
    try:
        filed = actions.request_file(
            **form.request_fields(),
            language=language,
            actor=request.user if request.user.is_authenticated else None,
        )
    except DomainError as exc:
        form.add_error(None, exc.message)
        return render_request_form(request, form)
    report = filed.report
    if filed.created:
        # Sealed: the session store never holds a readable PIN (pin_vault).
        pin_vault.hold(request, RECEIPT_PINS, report.tracking_id, filed.pin or "")
        report_access.remember_report(request, report)
    elif report.tracking_id not in request.session.get(report_access.SESSION_KEY, []):
        raise Http404
    return redirect("ppid:receipt", tracking_id=report.tracking_id)


def request_form_from_report(request: HttpRequest) -> HttpResponse:
    """The report form was sent with "information request" chosen: show the request form
    with what was typed (title, text, place, name and contact), asking for the rest."""
    post = request.POST
    initial = {
        "title": post.get("title", ""),
        "information": post.get("body", ""),
        "province": post.get("province", ""),
        "regency": post.get("regency", ""),
        "agency": post.get("requested_agency", ""),
        "full_name": post.get("full_name", ""),
        "phone": post.get("phone", ""),
        "email": post.get("email", ""),
    }
    return render_request_form(
        request, RequestForm(initial=initial), {"converted_from_complaint": True}
    )


def answer_due(report: Report) -> Clock | None:
    return (
        Clock.objects.filter(report=report, kind=Clock.Kind.INFO_ANSWER)
        .order_by("-started_at", "-pk")
        .first()
    )


@require_GET
def receipt(request: HttpRequest, tracking_id: str) -> HttpResponse:
    report = access_request_for_requester(request, tracking_id)
    # Shown once: a reload or the back button shows the receipt without it.
    pin = pin_vault.take(request, RECEIPT_PINS, report.tracking_id)
    info = InformationRequest.objects.filter(report=report).first()
    clock = answer_due(report)
    response = render(
        request,
        "ppid/receipt.html",
        {
            "report": report,
            "pin": pin,
            "info": info,
            "clock": clock,
            "explanation": deadlines.compute(clock).explanation() if clock else [],
        },
    )
    response["Cache-Control"] = "no-store"
    return response


# --- the requester's page -----------------------------------------------------------------

FORMS = {
    "identity": IdentityForm,
    "info": ClarifyForm,
    "object": ObjectionForm,
    "commission": CommissionForm,
}


def _forms(report: Report, data: Any = None, files: Any = None, which: str = "") -> dict[str, Any]:
    grounds = actions.available_grounds(report)
    built: dict[str, Any] = {}
    for name, form_class in FORMS.items():
        bound = which == name
        kwargs: dict[str, Any] = {"grounds": grounds} if name == "object" else {}
        if name == "commission" and not bound:
            kwargs["initial"] = {"commission": commission_for(report)}
        built[name] = form_class(data if bound else None, files if bound else None, **kwargs)
    return built


@require_http_methods(["GET", "POST"])
def request_detail(request: HttpRequest, tracking_id: str) -> HttpResponse:
    report = access_request_for_requester(request, tracking_id)
    allowed = actions.requester_actions(report)
    actor = request.user if request.user.is_authenticated else None
    action = request.POST.get("action", "") if request.method == "POST" else ""
    if request.method == "POST" and action not in allowed:
        raise Http404
    forms_ = _forms(report, request.POST, request.FILES, action)
    pending: list = []
    file_errors: list[str] = []
    if action:
        form = forms_[action]
        if action == "info":
            pending, file_errors = collect_uploads(request)
        if form.is_valid() and not file_errors:
            try:
                _act(action, report, form, pending, actor)
            except DomainError as exc:
                form.add_error(None, exc.message)
            else:
                url = reverse("ppid:request", kwargs={"tracking_id": report.tracking_id})
                return redirect(f"{url}?selesai={action}#done")
    identity = requester_identity(
        report, actor=request.user, purpose="requester views own request", is_requester=True
    )
    return render(
        request,
        "ppid/request_detail.html",
        {
            **request_context(report),
            "identity": identity,
            "allowed": allowed,
            "forms": forms_,
            "active_action": action,
            "pending_files": pending,
            "pending_token": sign_pending([str(p.pk) for p in pending]),
            "file_errors": file_errors,
            "done": request.GET.get("selesai", ""),
            "commission_name": commission_for(report),
        },
    )


def request_context(report: Report) -> dict[str, Any]:
    """What both the requester's page and the console show of a request."""
    info = InformationRequest.objects.filter(report=report).first()
    events = list(
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
    notices = list(
        Notice.objects.filter(report=report).select_related("agency", "holder_agency", "event")
    )
    files = {n.pk: list(Attachment.objects.filter(event_id=n.event_id)) for n in notices}
    for notice in notices:
        notice.files = files[notice.pk]  # type: ignore[attr-defined]
    return {
        "report": report,
        "info": info,
        "events": events,
        "clocks": clocks,
        "notices": notices,
        "objections": list(Objection.objects.filter(report=report).select_related("decided_by")),
        "disputes": list(Dispute.objects.filter(report=report)),
        "now": timezone.now(),
    }


def commission_for(report: Report) -> str:
    """Where the dispute goes: the province's Information Commission for a regional body,
    the central Commission for a national one (UU 14/2008 Pasal 27 and 59)."""
    agency = report.requested_agency or report.agency
    province = (agency.region_id or "")[:2] if agency else ""
    if not province:
        return "Komisi Informasi Pusat"
    from lapor.regions.models import Region

    name = Region.objects.filter(code=province).values_list("name", flat=True).first()
    return f"Komisi Informasi Provinsi {name}" if name else "Komisi Informasi Provinsi"


def _act(action: str, report: Report, form: Any, pending: list, actor: Any) -> None:
    data = form.cleaned_data
    if action == "identity":
        actions.request_give_identity(
            report=report,
            requester=form.requester(),
            purpose=data["purpose"],
            obtain=data["obtain"],
            delivery=data["delivery"],
            actor=actor,
        )
    elif action == "info":
        report_actions.report_add_info(
            report=report, message=data["message"], uploads=pending, actor=actor
        )
    elif action == "object":
        actions.objection_file(
            report=report, grounds=data["grounds"], reason=data["reason"], actor=actor
        )
    elif action == "commission":
        actions.dispute_record(
            report=report,
            filed_on=data["filed_on"],
            commission=data["commission"],
            register_number=data["register_number"],
            actor=actor,
            by_requester=True,
        )


@require_GET
def notice_letter(request: HttpRequest, tracking_id: str, pk: int) -> HttpResponse:
    report = access_request_for_requester(request, tracking_id)
    notice = get_object_or_404(
        Notice.objects.select_related("agency", "report"), pk=pk, report=report
    )
    identity = requester_identity(
        report, actor=request.user, purpose="requester reads a notice", is_requester=True
    )
    return letters.respond(
        letters.notice_context(notice, identity),
        pdf=request.GET.get("format") == "pdf",
        filename=f"pemberitahuan-{report.tracking_id}-{notice.pk}",
    )


@require_GET
def decision_letter(request: HttpRequest, tracking_id: str, pk: int) -> HttpResponse:
    report = access_request_for_requester(request, tracking_id)
    objection = get_object_or_404(
        Objection.objects.select_related("agency", "report"), pk=pk, report=report
    )
    if not objection.decided:
        raise Http404
    identity = requester_identity(
        report, actor=request.user, purpose="requester reads a decision", is_requester=True
    )
    return letters.respond(
        letters.decision_context(objection, identity),
        pdf=request.GET.get("format") == "pdf",
        filename=f"tanggapan-keberatan-{report.tracking_id}-{objection.pk}",
    )
