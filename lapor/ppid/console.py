"""The PPID's console: the request register with clocks, the request page with its action
forms (written notice, extension, clarification, forwarding, publication; the Atasan PPID's
decision; the Information Commission), the objections register, the list of public
information, and a desk form for requests filed for a person.

Interface only. Every page of a request goes through ``access_request_for_staff`` with the
capability its action needs: a PPID of another agency, a PPID officer deciding an objection
and an Atasan PPID answering a request all get the same 404 as a missing page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lapor.accounts.models import User
from lapor.agencies.capabilities import Capability, holds, user_can
from lapor.agencies.models import Agency
from lapor.console.context import console_context, staff_user
from lapor.console.selectors import search_agencies
from lapor.core.errors import DomainError
from lapor.core.files import attachment_response
from lapor.reports.case_actions import Forbidden
from lapor.reports.models import CONSENT_BY_CHANNEL, Attachment, Channel, Consent, Report, Status
from lapor.web.forms import sign_pending
from lapor.web.uploads import collect_uploads

from . import actions, letters, selectors
from .access import access_request_for_staff, may, requester_identity
from .convert import may_convert, report_convert
from .forms import (
    AnswerForm,
    AskForm,
    ConvertForm,
    DecisionForm,
    DisputeOutcomeForm,
    EntryForm,
    ExtendForm,
    PublishForm,
    RequestForm,
    StaffCommissionForm,
)
from .models import GRANTING, InformationEntry, InformationRequest, Notice, Objection, Outcome
from .views import commission_for, request_context


def _ppid_user(request: HttpRequest) -> User:
    user = staff_user(request)
    if not selectors.holds_ppid_role(user) and not holds(user, Capability.FILE_ON_BEHALF):
        raise Http404
    return user


def _context(user: User, page: str) -> dict[str, Any]:
    return {
        **console_context(user),
        "console_page": page,
        "may_answer": holds(user, Capability.ANSWER_INFORMATION),
        "may_decide": holds(user, Capability.DECIDE_OBJECTION),
        "may_view_requests": selectors.holds_ppid_role(user),
    }


# --- registers ----------------------------------------------------------------------------

REGISTER_TABS = [
    ("", gettext_lazy("All")),
    ("open", gettext_lazy("Waiting for a notice")),
    ("late", gettext_lazy("Late")),
    ("waiting", gettext_lazy("Waiting for the requester")),
    ("answered", gettext_lazy("Answered")),
    ("objection", gettext_lazy("Objection")),
    ("commission", gettext_lazy("Information Commission")),
]


@login_required
@require_GET
def register(request: HttpRequest) -> HttpResponse:
    user = _ppid_user(request)
    if not selectors.holds_ppid_role(user):
        raise Http404
    which = request.GET.get("status", "")
    if which not in dict(REGISTER_TABS):
        which = ""
    now = timezone.now()
    page = Paginator(selectors.register(user, which, now), selectors.PAGE_SIZE).get_page(
        request.GET.get("halaman")
    )
    return render(
        request,
        "ppid/console/register.html",
        {
            **_context(user, "ppid"),
            "tabs": REGISTER_TABS,
            "which": which,
            "page": page,
            "rows": selectors.register_rows(page.object_list, now),
        },
    )


@login_required
@require_GET
def objections(request: HttpRequest) -> HttpResponse:
    user = _ppid_user(request)
    if not selectors.holds_ppid_role(user):
        raise Http404
    page = Paginator(selectors.objection_register(user), selectors.PAGE_SIZE).get_page(
        request.GET.get("halaman")
    )
    return render(
        request,
        "ppid/console/objections.html",
        {**_context(user, "ppid-objections"), "page": page},
    )


# --- the request page ---------------------------------------------------------------------


@dataclass(frozen=True)
class Action:
    form: type[forms.Form]
    capability: Capability
    run: Callable[[Report, Any, User, list[Any]], str]
    uploads: bool = False


def _answer(report: Report, form: Any, user: User, uploads: list[Any]) -> str:
    notice = actions.request_answer(
        report=report, answer=form.answer(), actor=user, uploads=uploads
    )
    if notice.holder_agency is not None:
        return _("The request was forwarded to %(agency)s with the same number and deadline.") % {
            "agency": report.agency
        }
    return _("The written notice %(number)s was sent to the requester.") % {"number": notice.number}


def _extend(report: Report, form: Any, user: User, _u: list[Any]) -> str:
    actions.request_extend(report=report, reason=form.cleaned_data["reason"], actor=user)
    return _("The answer time was extended by 7 working days; the requester was told why.")


def _ask(report: Report, form: Any, user: User, _u: list[Any]) -> str:
    actions.request_clarify(report=report, question=form.cleaned_data["question"], actor=user)
    return _("The question was sent; the answer time is paused until the requester answers.")


def _publish(report: Report, form: Any, user: User, _u: list[Any]) -> str:
    d = form.cleaned_data
    entry = actions.request_publish(
        report=report,
        title=d["title"],
        summary=d["summary"],
        attachment_ids=[int(x) for x in d["released_files"]],
        actor=user,
    )
    return _("Published in the list of public information: %(title)s.") % {"title": entry.title}


def _decide(report: Report, form: Any, user: User, _u: list[Any]) -> str:
    d = form.cleaned_data
    objection = actions.objection_decide(
        report=report,
        outcome=d["outcome"],
        considerations=d["considerations"],
        order=d["order"],
        actor=user,
    )
    return _("The decision %(number)s was sent to the requester.") % {
        "number": objection.decision_number
    }


def _commission(report: Report, form: Any, user: User, _u: list[Any]) -> str:
    d = form.cleaned_data
    actions.dispute_record(
        report=report,
        filed_on=d["filed_on"],
        commission=d["commission"],
        register_number=d["register_number"],
        actor=user,
        by_requester=False,
    )
    return _("The dispute at the Information Commission was recorded.")


def _outcome(report: Report, form: Any, user: User, _u: list[Any]) -> str:
    d = form.cleaned_data
    actions.dispute_outcome(
        report=report, outcome=d["outcome"], outcome_on=d["outcome_on"], note=d["note"], actor=user
    )
    return _("The Information Commission's outcome was recorded.")


def _convert(report: Report, form: Any, user: User, _u: list[Any]) -> str:
    report_convert(report=report, message=form.cleaned_data["message"], actor=user)
    return _("The request is now a complaint; the person was told what changed.")


ACTIONS: dict[str, Action] = {
    "jawab": Action(AnswerForm, Capability.ANSWER_INFORMATION, _answer, uploads=True),
    "perpanjang": Action(ExtendForm, Capability.ANSWER_INFORMATION, _extend),
    "klarifikasi": Action(AskForm, Capability.ANSWER_INFORMATION, _ask),
    "publikasikan": Action(PublishForm, Capability.ANSWER_INFORMATION, _publish),
    "putuskan-keberatan": Action(DecisionForm, Capability.DECIDE_OBJECTION, _decide),
    "catat-sengketa": Action(StaffCommissionForm, Capability.VIEW_INFORMATION, _commission),
    "hasil-sengketa": Action(DisputeOutcomeForm, Capability.VIEW_INFORMATION, _outcome),
    "jadikan-pengaduan": Action(ConvertForm, Capability.ANSWER_INFORMATION, _convert),
}
TITLES = {
    "jawab": gettext_lazy("Written notice"),
    "perpanjang": gettext_lazy("Extend by 7 working days (once)"),
    "klarifikasi": gettext_lazy("Ask the requester to clarify"),
    "publikasikan": gettext_lazy("Publish the released information"),
    "putuskan-keberatan": gettext_lazy("Decide the objection (Atasan PPID)"),
    "catat-sengketa": gettext_lazy("Record a dispute at the Information Commission"),
    "hasil-sengketa": gettext_lazy("Record the Information Commission's outcome"),
    "jadikan-pengaduan": gettext_lazy("This is really a complaint: convert it"),
}


def allowed_actions(user: User, report: Report) -> list[str]:
    """What to offer; the actions re-check all of it."""
    answers = may(user, Capability.ANSWER_INFORMATION, report)
    decides = may(user, Capability.DECIDE_OBJECTION, report)
    status = report.status
    shown: list[str] = []
    info = InformationRequest.objects.filter(report=report).first()
    latest = Objection.objects.filter(report=report).order_by("-filed_at").first()
    if answers and status == Status.INFO_REGISTERED:
        shown += ["jawab", "klarifikasi"]
        clock = report.clocks.filter(kind="info_answer", stopped_at__isnull=True).first()
        if (
            info is not None
            and not info.extended
            and clock is not None
            and clock.due_at is not None
            and clock.due_at >= timezone.now()
        ):
            shown.append("perpanjang")
    if answers and (
        (
            status == Status.INFO_OBJECTION_DECIDED
            and latest is not None
            and latest.outcome != Outcome.REJECTED
        )
        or status == Status.INFO_SETTLED
    ):
        shown.append("jawab")
    if answers and Notice.objects.filter(report=report, decision__in=list(GRANTING)).exists():
        shown.append("publikasikan")
    if decides and status == Status.INFO_OBJECTED:
        shown.append("putuskan-keberatan")
    if (answers or decides) and status in (Status.INFO_OBJECTED, Status.INFO_OBJECTION_DECIDED):
        shown.append("catat-sengketa")
    if (answers or decides) and status == Status.INFO_COMMISSION:
        shown.append("hasil-sengketa")
    if may_convert(user, report):
        shown.append("jadikan-pengaduan")
    return list(dict.fromkeys(shown))


def _holders(report: Report, query: str) -> list[Agency]:
    if query:
        return [a for a in search_agencies(query) if a.pk != report.agency_id]
    region = report.agency.region_id if report.agency else None
    if region is None or report.agency_id is None:
        return []
    return list(
        Agency.objects.filter(is_active=True, region_id=region)
        .exclude(pk=report.agency_id)
        .order_by("name")[:30]
    )


def _form(slug: str, report: Report, data: Any = None, files: Any = None, query: str = "") -> Any:
    spec = ACTIONS[slug]
    kwargs: dict[str, Any] = {"prefix": slug.replace("-", "_")}
    if spec.form is AnswerForm:
        kwargs["holders"] = _holders(report, query)
    if spec.form is PublishForm:
        kwargs["files"] = list(
            Attachment.objects.filter(
                report=report, event__ppid_notice__decision__in=list(GRANTING)
            )
        )
        if data is None:
            kwargs["initial"] = {"title": report.title_published}
    if spec.form is StaffCommissionForm and data is None:
        kwargs["initial"] = {"commission": commission_for(report)}
    return spec.form(data, files, **kwargs)


@login_required
@require_GET
def request_page(request: HttpRequest, tracking_id: str) -> HttpResponse:
    user = _ppid_user(request)
    report = access_request_for_staff(user, tracking_id)
    return _render(request, user, report)


@login_required
@require_POST
def request_action(request: HttpRequest, tracking_id: str, action: str) -> HttpResponse:
    user = _ppid_user(request)
    spec = ACTIONS.get(action)
    if spec is None:
        raise Http404
    report = access_request_for_staff(user, tracking_id, spec.capability)
    query = (request.POST.get("q") or "").strip()[:100]
    form = _form(action, report, request.POST, request.FILES, query)
    pending: list[Any] = []
    file_errors: list[str] = []
    if spec.uploads:
        pending, file_errors = collect_uploads(request)
    if "_search" not in request.POST and form.is_valid() and not file_errors:
        try:
            done = spec.run(report, form, user, pending)
        except Forbidden:
            raise Http404 from None
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, done)
            try:
                access_request_for_staff(user, report.tracking_id)
            except Http404:
                # Converted into a complaint, or forwarded out of the user's scope.
                return redirect(reverse("ppid_console:register") + "#console-messages")
            return redirect(
                reverse("ppid_console:request", kwargs={"tracking_id": report.tracking_id})
                + "#console-messages"
            )
    return _render(
        request,
        user,
        report,
        bound=(action, form),
        pending=pending,
        file_errors=file_errors,
        query=query,
    )


def _render(
    request: HttpRequest,
    user: User,
    report: Report,
    *,
    bound: tuple[str, Any] | None = None,
    pending: list[Any] | None = None,
    file_errors: list[str] | None = None,
    query: str = "",
) -> HttpResponse:
    shown = allowed_actions(user, report)
    if bound is not None and bound[0] not in shown:
        shown.append(bound[0])
    forms_ = []
    for slug in shown:
        form = (
            bound[1] if bound is not None and bound[0] == slug else _form(slug, report, query=query)
        )
        forms_.append((slug, TITLES[slug], form))
    identity = requester_identity(report, actor=user, purpose="console request page")
    pending = pending or []
    return render(
        request,
        "ppid/console/request.html",
        {
            **_context(user, "ppid"),
            **request_context(report),
            "identity": identity,
            "actions": forms_,
            "bound_slug": bound[0] if bound else None,
            "bound_form": bound[1] if bound else None,
            "pending_files": pending,
            "pending_token": sign_pending([str(p.pk) for p in pending]),
            "file_errors": file_errors or [],
            "query": query,
            "internal_events": report.events.filter(is_public=False).select_related("actor"),
        },
    )


@login_required
@require_GET
def notice_letter(request: HttpRequest, tracking_id: str, pk: int) -> HttpResponse:
    user = _ppid_user(request)
    report = access_request_for_staff(user, tracking_id)
    notice = get_object_or_404(Notice, pk=pk, report=report)
    identity = requester_identity(report, actor=user, purpose="console notice letter")
    return letters.respond(
        letters.notice_context(notice, identity),
        pdf=request.GET.get("format") == "pdf",
        filename=f"pemberitahuan-{report.tracking_id}-{notice.pk}",
    )


@login_required
@require_GET
def decision_letter(request: HttpRequest, tracking_id: str, pk: int) -> HttpResponse:
    user = _ppid_user(request)
    report = access_request_for_staff(user, tracking_id)
    objection = get_object_or_404(Objection, pk=pk, report=report)
    if not objection.decided:
        raise Http404
    identity = requester_identity(report, actor=user, purpose="console decision letter")
    return letters.respond(
        letters.decision_context(objection, identity),
        pdf=request.GET.get("format") == "pdf",
        filename=f"tanggapan-keberatan-{report.tracking_id}-{objection.pk}",
    )


@login_required
@require_GET
def attachment(request: HttpRequest, tracking_id: str, pk: int) -> Any:
    user = _ppid_user(request)
    report = access_request_for_staff(user, tracking_id)
    found = Attachment.objects.filter(report=report, pk=pk).first()
    if found is None:
        raise Http404
    return attachment_response(found, found.original_name)


# --- the list of public information ------------------------------------------------------


def _entry_agencies(user: User) -> list[Agency]:
    agencies = selectors.ppid_agencies(user)
    if not agencies:
        raise Http404
    return agencies


@login_required
@require_http_methods(["GET", "POST"])
def entries(request: HttpRequest) -> HttpResponse:
    user = _ppid_user(request)
    agencies = _entry_agencies(user)
    agency = agencies[0]
    picked = request.GET.get("instansi") or request.POST.get("instansi")
    if picked and picked.isdigit():
        agency = next((a for a in agencies if a.pk == int(picked)), agency)
    form = EntryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            entry = actions.entry_save(agency=agency, data=form.entry_data(), actor=user)
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Added to the list: %(title)s.") % {"title": entry.title})
            return redirect(reverse("ppid_console:entries") + f"?instansi={agency.pk}")
    return render(
        request,
        "ppid/console/entries.html",
        {
            **_context(user, "ppid-entries"),
            "agency": agency,
            "agencies": agencies,
            "form": form,
            "entries": InformationEntry.objects.filter(agency=agency).order_by(
                "-is_published", "category", "title"
            ),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def entry_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = _ppid_user(request)
    entry = get_object_or_404(InformationEntry.objects.select_related("agency"), pk=pk)
    if not user_can(user, Capability.ANSWER_INFORMATION, entry.agency_id):
        raise Http404
    initial = {name: getattr(entry, name) for name in EntryForm.base_fields}
    form = EntryForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.entry_save(agency=entry.agency, data=form.entry_data(), actor=user, entry=entry)
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Saved."))
            return redirect(reverse("ppid_console:entries") + f"?instansi={entry.agency_id}")
    return render(
        request,
        "ppid/console/entry_edit.html",
        {**_context(user, "ppid-entries"), "entry": entry, "form": form},
    )


@login_required
@require_POST
def entry_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    user = _ppid_user(request)
    entry = get_object_or_404(InformationEntry, pk=pk)
    try:
        actions.entry_withdraw(entry=entry, actor=user)
    except Forbidden:
        raise Http404 from None
    messages.success(request, _("Withdrawn from the public list."))
    return redirect(reverse("ppid_console:entries") + f"?instansi={entry.agency_id}")


# --- the desk -----------------------------------------------------------------------------


class DeskRequestForm(RequestForm):
    """The request form seen from a walk-in or telephone desk, with the person's consent."""

    channel = forms.ChoiceField(
        label=gettext_lazy("How did the person come to the desk?"),
        choices=[(Channel.DESK, Channel.DESK.label), (Channel.PHONE, Channel.PHONE.label)],
        widget=forms.RadioSelect(attrs={"class": "choice-list"}),
    )
    consent = forms.ChoiceField(
        label=gettext_lazy("How did the person agree to this request being filed for them?"),
        choices=Consent.choices,
        widget=forms.RadioSelect(attrs={"class": "choice-list"}),
    )
    consent_note = forms.CharField(
        label=gettext_lazy("Consent reference (optional)"), max_length=255, required=False
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        channel, consent = data.get("channel"), data.get("consent")
        if channel and consent and consent not in CONSENT_BY_CHANNEL[Channel(channel)]:
            self.add_error("consent", _("This way of consenting does not fit the channel."))
        return data


@login_required
@require_http_methods(["GET", "POST"])
def desk(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    if not holds(user, Capability.FILE_ON_BEHALF):
        raise Http404
    context = _context(user, "ppid-desk")
    if request.method != "POST" or "_refresh" in request.POST:
        initial = (
            {k: request.POST.get(k, "") for k in request.POST if k != "csrfmiddlewaretoken"}
            if request.method == "POST"
            else {}
        )
        return render(
            request, "ppid/console/desk.html", {**context, "form": DeskRequestForm(initial=initial)}
        )
    form = DeskRequestForm(request.POST)
    if form.is_valid():
        try:
            filed = actions.request_file(
                **form.request_fields(),
                channel=form.cleaned_data["channel"],
                filed_by=user,
                consent=form.cleaned_data["consent"],
                consent_note=form.cleaned_data["consent_note"],
            )
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            # The PIN travels once, in the message (a signed cookie in the officer's browser,
            # lapor.settings MESSAGE_STORAGE): the session store never holds it.
            messages.success(
                request,
                _(
                    "Filed. Give the person the tracking number %(id)s, the PIN %(pin)s and "
                    "the registration number %(reg)s."
                )
                % {
                    "id": filed.report.tracking_id,
                    "pin": filed.pin or "-",
                    "reg": filed.report.information_request.registration_number,
                },
            )
            return redirect("ppid_console:desk")
    return render(request, "ppid/console/desk.html", {**context, "form": form})
