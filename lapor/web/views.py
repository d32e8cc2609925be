"""Citizen pages: interface only — parse, call an action, render."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lapor.accounts import verification
from lapor.accounts.models import User
from lapor.agencies.selectors import agency_choices
from lapor.core.errors import DomainError
from lapor.core.files import attachment_response
from lapor.regions.selectors import children, place_label
from lapor.reports import (
    access,
    actions,
    case_actions,
    deadlines,
    derive,
    emergency,
    evidence,
    lifecycle,
    pin_guard,
    pin_vault,
)
from lapor.reports.models import Attachment, Clock, Kind, Privacy, Report, ReportEvent
from lapor.web import pin_reset, plain
from lapor.web.filing import read_filing, render_filing_form
from lapor.web.forms import (
    DISABILITY_CHOICES,
    AddInfoForm,
    CloseForm,
    DisputeForm,
    PinCodeForm,
    PinResetForm,
    ReceiptSendForm,
    ReplyForm,
    ReportForm,
    TrackForm,
    sign_pending,
)
from lapor.web.uploads import collect_uploads

RECEIPT_PINS = "receipt_pins"
REPORT_FORM = "web/report_form.html"
REPORT_FORM_EASY = "web/report_form_easy.html"


EASY_READ_COOKIE = "lapor_mudah"
# The day the accessibility statement was last checked against the site (update with it).
ACCESSIBILITY_REVIEWED = dt.date(2026, 12, 7)


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "web/home.html")


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "web/accessibility.html",
        {"contact": settings.ACCESSIBILITY_CONTACT, "reviewed": ACCESSIBILITY_REVIEWED},
    )


@require_GET
def easy_read(request: HttpRequest) -> HttpResponse:
    """Switch the easy-read version on or off, remembered in a cookie (no account needed).

    A plain link, so it works without JavaScript; it returns to the page it came from."""
    on = request.COOKIES.get(EASY_READ_COOKIE) != "1"
    back = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = ""
    response = redirect(back or reverse("web:report_new"))
    if on:
        response.set_cookie(
            EASY_READ_COOKIE, "1", max_age=365 * 24 * 3600, samesite="Lax", httponly=True
        )
    else:
        response.delete_cookie(EASY_READ_COOKIE, samesite="Lax")
    return response


@require_GET
def manifest(request: HttpRequest) -> JsonResponse:
    """The web app manifest: Lapor can be added to a phone's home screen."""
    return JsonResponse(
        {
            "name": settings.SITE_NAME,
            "short_name": settings.SITE_NAME,
            "description": _("File a complaint about a public service and follow it."),
            "lang": get_language() or "id",
            "start_url": reverse("web:report_new"),
            "scope": "/",
            "display": "standalone",
            "background_color": "#ffffff",
            "theme_color": "#0b4f9c",
            "icons": [
                {"src": static("favicon.svg"), "sizes": "any", "type": "image/svg+xml"},
                {"src": static("icon-192.png"), "sizes": "192x192", "type": "image/png"},
                {"src": static("icon-512.png"), "sizes": "512x512", "type": "image/png"},
            ],
        },
        content_type="application/manifest+json",
        headers={"Cache-Control": "public, max-age=3600"},
    )


SERVICE_WORKER = Path(__file__).resolve().parent / "service_worker.js"
ASSETS_KEPT = (
    "css/lapor.css",
    "js/site.js",
    "js/uploads.js",
    "js/report-form.js",
    "js/offline-draft.js",
    "js/easy-steps.js",
    "favicon.svg",
)


@require_GET
def service_worker(request: HttpRequest) -> HttpResponse:
    """The service worker, served from the root so that it may look after every page; it
    is told the hashed names of the files it keeps (whitenoise's manifest)."""
    assets = [static(name) for name in ASSETS_KEPT]
    # A new version whenever the worker or a file it keeps changes (hashed names in
    # production; modification times in development), so old copies are dropped.
    stamps = [str(SERVICE_WORKER.stat().st_mtime_ns), *assets]
    for name in ASSETS_KEPT:
        found = finders.find(name)
        if found:
            stamps.append(str(Path(str(found)).stat().st_mtime_ns))
    version = hashlib.sha256("|".join(stamps).encode()).hexdigest()[:12]
    body = (
        SERVICE_WORKER.read_text()
        .replace("__ASSETS__", json.dumps(assets))
        .replace("__VERSION__", version)
    )
    return HttpResponse(
        body,
        content_type="text/javascript",
        headers={"Cache-Control": "no-cache", "Service-Worker-Allowed": "/"},
    )


@require_GET
def favicon(request: HttpRequest) -> HttpResponse:
    return redirect(static("favicon.png"), permanent=True)


def _browser(request: HttpRequest) -> str | None:
    """The browser that rendered the form, by its CSRF cookie: a double click's two requests
    carry the same one, a stranger replaying the form's key does not. None without one."""
    return request.META.get("CSRF_COOKIE") or None


@require_http_methods(["GET", "POST"])
def report_new(request: HttpRequest) -> HttpResponse:
    if verification.must_verify(request.user):
        # An account opens reports once its login is proved (anyone may report without one).
        return redirect(reverse("accounts:verify") + "?next=" + reverse("web:report_new"))
    language = get_language() or "id"
    context: dict[str, object] = {"emergency_pattern": emergency.js_pattern()}
    template = REPORT_FORM
    if request.COOKIES.get(EASY_READ_COOKIE) == "1":
        # The easy-read version: the same form and checks, one question per step.
        template = REPORT_FORM_EASY
        context.update({"easy_kind": plain.EASY_KIND, "easy_privacy": plain.EASY_PRIVACY})
    if request.method != "POST":
        initial = {}
        if request.user.is_authenticated:
            initial = {
                "full_name": request.user.full_name,
                "email": request.user.email or "",
                "phone": request.user.phone or "",
            }
        form = ReportForm(initial=initial, language=language)
        return render(request, template, {**context, "form": form})

    if request.POST.get("kind") == Kind.INFORMATION_REQUEST and "_refresh" not in request.POST:
        # "No wrong door": an information request has its own form (the law requires the
        # requester's identity); what was typed moves over.
        from lapor.ppid.views import request_form_from_report

        return request_form_from_report(request)
    filing = read_filing(request, ReportForm, language)
    form, pending = filing.form, filing.pending
    if not filing.ready:
        context["emergency_detected"] = filing.emergency_detected
        return render_filing_form(request, template, form, pending, filing.file_errors, context)
    if request.POST.get("step") == "review":
        # "Check your answers": the form's own buttons ask for it. A post without it (a page
        # cached before this step existed, a draft sent when the connection returns) files
        # directly; it was valid, and the receipt shows everything that was filed.
        return _check_answers(request, form, pending)
    try:
        submitted = actions.report_submit(
            **form.report_fields(),
            uploads=pending,
            language=language,
            emergency_suspected=filing.emergency,
            actor=request.user if request.user.is_authenticated else None,
            replay_scope=_browser(request),
            # The clock and the outbox rows: the worker's, right after this answer.
            derive_later=True,
        )
    except DomainError as exc:
        form.add_error(None, exc.message)
        return render_filing_form(request, template, form, pending, [], context)

    report = submitted.report
    if not (submitted.created or submitted.pin is not None) and not (
        report.tracking_id in request.session.get(access.SESSION_KEY, [])
        or pin_vault.holds_receipt(request, report.tracking_id)
    ):
        # A repeat of a form filed long ago from another session: do not reveal that report.
        raise Http404
    # A double click's losing request (and a reload after a lost answer) gets the same receipt:
    # its form's random submission key is what the first request filed under, and
    # ``receipts`` gave back that request's PIN. The receipt travels in a signed cookie with
    # the PIN sealed under the browser's key (pin_vault): the filing writes no session, and
    # the receipt page remembers the report in the session when it takes the cookie.
    pin_vault.hand_receipt(request, report.tracking_id, submitted.pin)
    pin_guard.trust_device(request, report.tracking_id)
    return redirect("web:receipt", tracking_id=report.tracking_id)


# The review page repeats every field as a hidden input, except these (files travel as the
# signed token of the staged uploads).
NOT_REPEATED = {"attachments", "pending"}


def _check_answers(request: HttpRequest, form: ReportForm, pending: list) -> HttpResponse:
    data = form.cleaned_data
    region = data.get("region")
    return render(
        request,
        "web/report_check.html",
        {
            "form": form,
            "hidden_fields": [f for f in form if f.name not in NOT_REPEATED],
            "pending_files": pending,
            "pending_token": sign_pending([str(p.pk) for p in pending]),
            "kind_label": dict(Kind.choices).get(data["kind"], data["kind"]),
            "privacy_label": dict(Privacy.choices).get(data["privacy"], data["privacy"]),
            "privacy_help": ReportForm.PRIVACY_HELP.get(data["privacy"], ""),
            "place": place_label(region.code) if region is not None else "",
            "category_label": (
                data["category"].display_name(get_language() or "id") if data["category"] else ""
            ),
            "disability_label": dict(DISABILITY_CHOICES).get(data.get("disability", ""), ""),
        },
    )


@require_http_methods(["GET", "POST"])
def receipt(request: HttpRequest, tracking_id: str) -> HttpResponse:
    report = access.access_report_for_reporter(request, tracking_id)
    # Right after filing: the PIN the form's answer handed this browser, sealed (pin_vault).
    _handed, handed_pin = pin_vault.take_receipt(request, report.tracking_id)
    if report.kind == Kind.INFORMATION_REQUEST and report.status in lifecycle.INFO_STATUSES:
        return redirect("ppid:receipt", tracking_id=report.tracking_id)
    sent = request.GET.get("terkirim", "")
    if request.method == "POST":
        # "Send me this": the tracking number and link (never the PIN) to my own phone or
        # e-mail on file.
        send = ReceiptSendForm(request.POST)
        if send.is_valid():
            channel = send.cleaned_data["channel"]
            ok = pin_reset.receipt_send(
                report=report, channel=channel, language=get_language() or "id"
            )
            url = reverse("web:receipt", kwargs={"tracking_id": report.tracking_id})
            return redirect(f"{url}?terkirim={channel if ok else 'none'}#sent")
    # Shown once: a reload or the back button shows the receipt without it.
    pin = handed_pin or pin_vault.take(request, RECEIPT_PINS, report.tracking_id)
    verify_clock = (
        Clock.objects.filter(report=report, kind=Clock.Kind.VERIFY, stopped_at__isnull=True)
        .order_by("due_at")
        .first()
    )
    response = render(
        request,
        "web/receipt.html",
        {
            "report": report,
            "pin": pin,
            # Right after filing the worker may not have written the clock yet: the same
            # deadline, computed in memory (lapor.reports.derive).
            "verify_due": verify_clock.due_at if verify_clock else derive.expected_due(report),
            "verify_days": deadlines.VERIFY_DAYS,
            "sent": sent,
            "follow_up_days": deadlines.FIRST_FOLLOW_UP_DAYS,
        },
    )
    # The PIN is a secret on a page that also repeats what was typed: never compress it
    # (BREACH; see docs/performance.md, "Compression").
    response.lapor_no_compress = True  # type: ignore[attr-defined]
    response["Cache-Control"] = "no-store"
    return response


@require_POST
def forget(request: HttpRequest, tracking_id: str) -> HttpResponse:
    """ "Forget this report on this device" (a shared or borrowed phone, an internet café)."""
    access.forget_report(request, tracking_id)
    return render(request, "web/forgotten.html")


def survey_can_answer(report: Report) -> bool:
    from lapor.skm.actions import can_answer

    return can_answer(report)


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
    try:
        report = access.access_report_for_reporter(request, tracking_id)
    except Http404:
        if request.method != "GET":
            raise
        # A bookmarked link opened in another browser: ask for the PIN rather than answer
        # "not found". The same page for a number that does not exist, so it tells nothing.
        track_form = TrackForm(initial={"tracking_id": tracking_id[:20]})
        return render(request, "web/track.html", {"form": track_form, "from_link": True})
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
            "page_has_errors": bool(file_errors)
            or any(f.is_bound and f.errors for f in forms_.values()),
            "done": request.GET.get("done", ""),
            "is_anonymous": report.privacy == Privacy.ANONYMOUS,
            "place": place_label(report.region_id),
            # Photos sent as proof that were used before (lapor.reports.evidence).
            "evidence_notices": evidence.reporter_notices(report)
            if allowed & {"reply", "close", "dispute"}
            else [],
            "survey_open": survey_can_answer(report),
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


PIN_RESET_SESSION = "pin_reset"


@require_http_methods(["GET", "POST"])
def pin_reset_start(request: HttpRequest) -> HttpResponse:
    """ "Forgot your PIN?": the tracking number and the phone or e-mail on file."""
    form = PinResetForm(request.POST or None, initial={"tracking_id": request.GET.get("id", "")})
    if request.method == "POST" and form.is_valid():
        try:
            pending = pin_reset.pin_reset_request(
                raw_tracking_id=form.cleaned_data["tracking_id"],
                contact=form.cleaned_data["contact"],
                language=get_language() or "id",
                client=request.META.get("REMOTE_ADDR", "") or "unknown",
            )
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            if pending is not None:
                request.session[PIN_RESET_SESSION] = pending.as_session()
            return redirect("web:pin_reset_code")
    return render(request, "web/pin_reset.html", {"form": form})


@require_http_methods(["GET", "POST"])
def pin_reset_code(request: HttpRequest) -> HttpResponse:
    pending = request.session.get(PIN_RESET_SESSION)
    if not pending:
        return redirect("web:pin_reset")
    form = PinCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            report, pin = pin_reset.pin_reset_complete(
                pending=pending, code=form.cleaned_data["code"]
            )
        except DomainError as exc:
            request.session[PIN_RESET_SESSION] = pending  # the tries count
            form.add_error("code", exc.message)
        else:
            del request.session[PIN_RESET_SESSION]
            # Sealed, like every receipt PIN (pin_vault): shown once on the receipt.
            pin_vault.hold(request, RECEIPT_PINS, report.tracking_id, pin)
            access.remember_report(request, report)
            return redirect("web:receipt", tracking_id=report.tracking_id)
    return render(request, "web/pin_reset_code.html", {"form": form})


@require_POST
def stage_files(request: HttpRequest) -> JsonResponse:
    """Progressive enhancement for every form with files: the script sends the (already
    shrunk) photos here first, with a progress bar, and the form then carries only the signed
    list of staged files — the same token a form error keeps (lapor.web.uploads)."""
    pending, errors = collect_uploads(request)
    return JsonResponse(
        {
            "pending": sign_pending([str(p.pk) for p in pending]),
            "files": [{"name": p.original_name, "size": p.size} for p in pending],
            "errors": errors,
        },
        status=400 if errors else 200,
    )


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
