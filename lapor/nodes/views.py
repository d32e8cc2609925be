"""Pages of community nodes: the helpers' side (``/simpul/``) and the reporter's "take it back".

Interface only: parse, call an action from ``lapor.nodes.actions``, render. Every node, report
and file is reached through ``lapor.nodes.access`` (404 for "missing" and "not yours").
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lapor.accounts.models import User
from lapor.accounts.phones import normalize_phone
from lapor.core.errors import DomainError
from lapor.core.files import attachment_response
from lapor.nodes import access, actions, selectors
from lapor.nodes.forms import MessageForm, NodeReportForm
from lapor.regions.selectors import place_label
from lapor.reports import access as report_access
from lapor.reports import emergency, lifecycle
from lapor.reports.models import Attachment, Privacy, ReportEvent
from lapor.voice import speech
from lapor.voice.forms import voice_reply_text
from lapor.web.filing import read_filing, render_filing_form
from lapor.web.forms import sign_pending
from lapor.web.uploads import collect_uploads

# This session's receipts: {tracking_id: {"pin": str | None, "by": user id}}; the last few.
NODE_RECEIPTS = "node_receipts"
MAX_RECEIPTS = 20
FORM = "nodes/file.html"


def _user(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User):
        raise Http404
    return user


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    nodes = access.helper_nodes(request.user)
    if not nodes:
        raise Http404
    if len(nodes) == 1:
        return redirect("nodes:node", node_id=nodes[0].pk)
    return render(request, "nodes/home.html", {"nodes": nodes})


@login_required
@require_GET
def node_page(request: HttpRequest, node_id: int) -> HttpResponse:
    node = access.access_node_for_helper(request.user, node_id)
    page = Paginator(selectors.node_filings(node), 50).get_page(request.GET.get("halaman"))
    return render(
        request,
        "nodes/node.html",
        {"node": node, "page": page, "stats": selectors.node_statistics(node)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def file_report(request: HttpRequest, node_id: int) -> HttpResponse:
    """A helper files a report for a person, with their consent."""
    node = access.access_node_for_helper(request.user, node_id)
    user = _user(request)
    language = get_language() or "id"
    context: dict[str, Any] = {"node": node, "emergency_pattern": emergency.js_pattern()}
    if request.method != "POST":
        blank = NodeReportForm(initial={"person_language": "id"}, language=language)
        return render_filing_form(request, FORM, blank, [], [], context)

    if "_send_code" in request.POST:
        return _send_code(request, node, user, language, context)
    filing = read_filing(request, NodeReportForm, language)
    form, pending = filing.form, filing.pending
    if not filing.ready:
        context["emergency_detected"] = filing.emergency_detected
        return render_filing_form(request, FORM, form, pending, filing.file_errors, context)
    assert isinstance(form, NodeReportForm)
    data = form.cleaned_data
    try:
        submitted = actions.node_file_report(
            node=node,
            actor=user,
            consent=data["consent"],
            consent_note=data["consent_note"],
            consent_code=data["consent_code"],
            hear_back=data["hear_back"],
            report_fields=form.report_fields(),
            uploads=pending,
            language=data["person_language"],
            emergency_suspected=filing.emergency,
        )
    except DomainError as exc:
        field = {"consent_code": "consent_code", "phone": "phone", "email": "email"}.get(
            exc.code or ""
        )
        form.add_error(field, exc.message)
        return render_filing_form(request, FORM, form, pending, [], context)
    report = submitted.report
    receipts = dict(request.session.get(NODE_RECEIPTS, {}))
    if submitted.created:
        receipts[report.tracking_id] = {"pin": submitted.pin, "by": user.pk}
        request.session[NODE_RECEIPTS] = dict(list(receipts.items())[-MAX_RECEIPTS:])
    elif report.tracking_id not in receipts:
        raise Http404
    return redirect("nodes:receipt", node_id=node.pk, tracking_id=report.tracking_id)


def _send_code(
    request: HttpRequest, node: Any, user: User, language: str, context: dict[str, Any]
) -> HttpResponse:
    """ "Send the code": an SMS to the person's number; the form comes back with all it had."""
    pending, file_errors = collect_uploads(request)
    initial = {k: request.POST.get(k, "") for k in request.POST if k != "csrfmiddlewaretoken"}
    initial["consent"] = "sms_code"
    form: NodeReportForm = NodeReportForm(initial=initial, language=language)
    phone = normalize_phone(request.POST.get("phone", ""))
    if phone is None:
        context["code_error"] = _(
            "Write down the person's mobile phone number first: the code goes there."
        )
    else:
        try:
            actions.node_consent_code_send(
                node=node,
                phone=phone,
                language=request.POST.get("person_language", "id"),
                actor=user,
            )
        except DomainError as exc:
            context["code_error"] = exc.message
        else:
            context["code_sent"] = True
    return render_filing_form(request, FORM, form, pending, file_errors, context)


@login_required
@require_GET
def receipt(request: HttpRequest, node_id: int, tracking_id: str) -> HttpResponse:
    node = access.access_node_for_helper(request.user, node_id)
    filing = access.access_filing_for_helper(request.user, node, tracking_id)
    entry = request.session.get(NODE_RECEIPTS, {}).get(filing.report.tracking_id) or {}
    pin = entry.get("pin") if entry.get("by") == request.user.pk else None
    return render(
        request,
        "nodes/receipt.html",
        {
            "node": node,
            "filing": filing,
            "report": filing.report,
            "pin": pin,
            "track_url": request.build_absolute_uri(reverse("web:track")),
        },
    )


@login_required
@require_POST
def receipt_done(request: HttpRequest, node_id: int, tracking_id: str) -> HttpResponse:
    """The PIN is handed to the person: this session forgets it."""
    node = access.access_node_for_helper(request.user, node_id)
    filing = access.access_filing_for_helper(request.user, node, tracking_id)
    receipts = dict(request.session.get(NODE_RECEIPTS, {}))
    receipts.pop(filing.report.tracking_id, None)
    request.session[NODE_RECEIPTS] = receipts
    messages.success(
        request,
        _("Report %(id)s is filed; its PIN is no longer shown here.")
        % {"id": filing.report.tracking_id},
    )
    return redirect("nodes:node", node_id=node.pk)


@login_required
@require_http_methods(["GET", "POST"])
def report_page(request: HttpRequest, node_id: int, tracking_id: str) -> HttpResponse:
    """The node follows a report for the person: the timeline (every answer can be listened
    to), and the person's reply or added information, written or spoken, sent by the helper."""
    node = access.access_node_for_helper(request.user, node_id)
    filing = access.access_filing_for_helper(request.user, node, tracking_id)
    report = filing.report
    allowed = lifecycle.reporter_actions(report) & {"reply", "info"}
    action = request.POST.get("action", "")
    form = MessageForm()
    pending: list = []
    file_errors: list[str] = []
    if request.method == "POST":
        if action not in allowed:
            raise Http404
        form = MessageForm(request.POST, request.FILES)
        pending, file_errors = collect_uploads(request)
        if form.is_valid() and not file_errors:
            message = form.cleaned_data["message"]
            try:
                if action == "reply":
                    message = voice_reply_text(message, pending)
                    actions.node_reply_for_person(
                        filing=filing, actor=_user(request), message=message, uploads=pending
                    )
                else:
                    actions.node_add_info_for_person(
                        filing=filing, actor=_user(request), message=message, uploads=pending
                    )
            except DomainError as exc:
                form.add_error("message", exc.message)
            else:
                url = reverse(
                    "nodes:report", kwargs={"node_id": node.pk, "tracking_id": report.tracking_id}
                )
                return redirect(f"{url}?selesai={action}#done")
    events = (
        ReportEvent.objects.filter(report=report, is_public=True)
        .select_related("agency", "target_agency")
        .prefetch_related("attachments")
    )
    # The person's name, only to the helper who filed it and only if it is not anonymous.
    identity = None
    if filing.helper_id == request.user.pk:
        identity = report_access.reporter_identity(
            report, actor=request.user, purpose="node helper follows the report", is_reporter=True
        )
    return render(
        request,
        "nodes/report.html",
        {
            "node": node,
            "filing": filing,
            "report": report,
            "identity": identity,
            "events": events,
            "allowed": allowed,
            "action": "reply" if "reply" in allowed else "info",
            "form": form,
            "pending_files": pending,
            "pending_token": sign_pending([str(p.pk) for p in pending]),
            "file_errors": file_errors,
            "done": request.GET.get("selesai", ""),
            "place": place_label(report.region_id),
            "is_anonymous": report.privacy == Privacy.ANONYMOUS,
        },
    )


@login_required
@require_GET
def attachment(request: HttpRequest, node_id: int, tracking_id: str, pk: int) -> HttpResponseBase:
    node = access.access_node_for_helper(request.user, node_id)
    filing = access.access_filing_for_helper(request.user, node, tracking_id)
    found = Attachment.objects.filter(report=filing.report, pk=pk, event__is_public=True).first()
    if found is None:
        raise Http404
    return attachment_response(found, found.original_name)


@login_required
@require_GET
def listen(request: HttpRequest, node_id: int, tracking_id: str, event_id: int) -> HttpResponseBase:
    node = access.access_node_for_helper(request.user, node_id)
    filing = access.access_filing_for_helper(request.user, node, tracking_id)
    event = (
        ReportEvent.objects.select_related("agency")
        .filter(report=filing.report, pk=event_id, is_public=True)
        .first()
    )
    if event is None or not speech.listenable(event):
        raise Http404
    return speech.event_speech_response(event, filing.report)


@require_POST
def withdraw(request: HttpRequest, tracking_id: str) -> HttpResponse:
    """The person takes their report back from the node (with their ID + PIN or account)."""
    report = report_access.access_report_for_reporter(request, tracking_id)
    filing = actions.node_filing_withdraw(
        report=report, actor=request.user if request.user.is_authenticated else None
    )
    if filing is None:
        raise Http404
    # The panel on the report page now says the node no longer sees it.
    return redirect("web:report_detail", tracking_id=report.tracking_id)
