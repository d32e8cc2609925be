"""Staff console pages: interface only — parse input, call ONE case action, render.

Every case page and action goes through ``access_case_for_staff`` (404 for missing and not
yours). A POST that fails validation or a domain rule re-renders the case page with the
message, keeping what was typed and the files already received; a POST that succeeds
redirects (PRG) with a success message.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lapor.accounts.models import User
from lapor.agencies.capabilities import (
    Capability,
    user_can,
)
from lapor.agencies.models import Agency, Membership
from lapor.console import selectors
from lapor.console.access import access_case_for_staff, is_national_admin
from lapor.console.context import console_context, staff_user
from lapor.console.forms import (
    AccusedForm,
    ArchiveForm,
    CalendarDayForm,
    ComplexityForm,
    DisposeForm,
    ExtendForm,
    FollowUpForm,
    InvolveForm,
    NotAuthorityForm,
    PostponeForm,
    ReferForm,
    ReviewForm,
    TransferForm,
    WhistleForm,
)
from lapor.core import actions as core_actions
from lapor.core.counting import CappedPaginator
from lapor.core.errors import DomainError
from lapor.core.files import attachment_response
from lapor.ppid.forms import ConvertForm, ConvertToRequestForm
from lapor.regions.selectors import place_label
from lapor.reports import access as report_access
from lapor.reports import case_actions as ca
from lapor.reports import deadlines, lifecycle, responses, whistle
from lapor.reports.models import (
    Attachment,
    Channel,
    Clock,
    Complexity,
    Kind,
    PendingUpload,
    Privacy,
    Report,
    ReportEvent,
    Status,
)
from lapor.reports.scope import may_reassign
from lapor.routing import views as routing_views
from lapor.web.forms import sign_pending
from lapor.web.uploads import collect_uploads

MAX_QUERY_LENGTH = 100
REVEAL_PARAM = "identitas"


# The console's shared page context and its door, public for the other staff pages (routing,
# PPID, desk) in lapor.console.context; the old private names stay for existing callers.
_staff_user = staff_user
_console_context = console_context


# --- dashboard and queues -----------------------------------------------------------------


@login_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    user = _staff_user(request)
    counts = [
        {
            "queue": queue,
            "title": selectors.QUEUE_TITLES[queue],
            "help": selectors.QUEUE_HELP[queue],
            "count": count.value,
            "capped": count.capped,
        }
        for queue, count in selectors.queue_counts(user)
    ]
    return render(
        request,
        "console/dashboard.html",
        {**_console_context(user), "queues": counts, "console_page": "dashboard"},
    )


@login_required
@require_GET
def queue(request: HttpRequest, slug: str) -> HttpResponse:
    user = _staff_user(request)
    try:
        which = selectors.Queue(slug)
    except ValueError:
        raise Http404 from None
    if which not in selectors.available_queues(user):
        raise Http404
    now = timezone.now()
    # The page's places in a second query: joined into the page's query, PostgreSQL would join
    # every report of a scope to the regions before sorting and keeping 50 of them.
    reports = selectors.queue_reports(user, which, now).prefetch_related("region")
    # ?saluran=<channel>: one channel only (an unknown value shows every channel).
    channel = request.GET.get("saluran", "")
    if channel in Channel.values:
        reports = reports.filter(channel=channel)
    else:
        channel = ""
    # The count stops at COUNT_CAP (lapor.core.counting): the same cost at any table size.
    page = CappedPaginator(reports, selectors.PAGE_SIZE).get_page(request.GET.get("halaman"))
    return render(
        request,
        "console/queue.html",
        {
            **_console_context(user),
            "queue": which,
            "console_page": which.value,
            "title": selectors.QUEUE_TITLES[which],
            "help": selectors.QUEUE_HELP[which],
            "page": page,
            "rows": selectors.queue_rows(page.object_list, now),
            "channels": Channel.choices,
            "channel": channel,
        },
    )


# --- the case page ------------------------------------------------------------------------


@dataclass(frozen=True)
class CaseAction:
    """One action form of the case page: its form, the capability its POST needs (for the
    access check) and the function that calls the ONE case action and says what happened."""

    form: type[forms.Form]
    capability: Capability
    run: Callable[[Report, dict[str, Any], User, list[PendingUpload]], str]
    uploads: bool = False
    picks_agency: bool = False


def _dispose(report: Report, data: dict[str, Any], user: User, _u: list[PendingUpload]) -> str:
    agency: Agency = data["agency"]
    ca.report_dispose(
        report=report,
        agency=agency,
        actor=user,
        message=data["message"],
        title_published=data["title_published"],
        body_published=data["body_published"],
        privacy=data["privacy"],
        category=data["category"],
        complexity=data["complexity"],
        address_public=data["address_public"],
    )
    return _("The report was verified and dispositioned to %(agency)s.") % {"agency": agency}


def _postpone(report: Report, data: dict[str, Any], user: User, _u: list[PendingUpload]) -> str:
    ca.report_postpone(report=report, message=data["message"], actor=user)
    return _("The report is postponed; the reporter was asked to clarify.")


def _not_authority(
    report: Report, data: dict[str, Any], user: User, _u: list[PendingUpload]
) -> str:
    ca.report_not_our_authority(
        report=report,
        reason=data["reason"],
        suggested_agency=data["suggested_agency"],
        actor=user,
    )
    return _("The report was returned as not your authority.")


def _archive(report: Report, data: dict[str, Any], user: User, _u: list[PendingUpload]) -> str:
    ca.report_archive(report=report, reason=data["reason"], message=data["message"], actor=user)
    return _("The report was archived.")


def _follow_up(
    report: Report, data: dict[str, Any], user: User, uploads: list[PendingUpload]
) -> str:
    outcome = data["outcome"]
    ca.report_follow_up(
        report=report,
        message=data["message"],
        actor=user,
        uploads=uploads,
        resolved=outcome == FollowUpForm.RESOLVED,
        question=outcome == FollowUpForm.QUESTION,
    )
    if outcome == FollowUpForm.QUESTION:
        return _("Your question was sent to the reporter.")
    return _("Your follow-up was sent to the reporter.")


def _complexity(report: Report, data: dict[str, Any], user: User, _u: list[PendingUpload]) -> str:
    ca.report_set_complexity(report=report, complexity=data["complexity"], actor=user)
    return _("The resolution time is now: %(label)s.") % {
        "label": Complexity(data["complexity"]).label
    }


def _extend(report: Report, data: dict[str, Any], user: User, _u: list[PendingUpload]) -> str:
    ca.report_extend(report=report, days=data["days"], reason=data["reason"], actor=user)
    return _("The resolution deadline was extended.")


def _transfer(report: Report, data: dict[str, Any], user: User, _u: list[PendingUpload]) -> str:
    agency: Agency = data["agency"]
    ca.report_transfer(report=report, to_agency=agency, reason=data["reason"], actor=user)
    return _("The case was transferred to %(agency)s.") % {"agency": agency}


def _to_request(report: Report, data: dict[str, Any], user: User, _u: list[PendingUpload]) -> str:
    from lapor.ppid.convert import report_convert

    report_convert(report=report, message=data["message"], agency=data["agency"], actor=user)
    return _(
        "The report is now an information request to %(agency)s; the person was told why "
        "their identity is needed."
    ) % {"agency": data["agency"]}


def _to_complaint(report: Report, data: dict[str, Any], user: User, _u: list[PendingUpload]) -> str:
    from lapor.ppid.convert import report_convert

    report_convert(report=report, message=data["message"], actor=user)
    return _("The request is now a complaint; the person was told what changed.")


def _involve(report: Report, data: dict[str, Any], user: User, _u: list[PendingUpload]) -> str:
    agency: Agency = data["agency"]
    ca.report_involve_agency(report=report, agency=agency, reason=data["reason"], actor=user)
    return _("%(agency)s is now involved in the case.") % {"agency": agency}


def _review(report: Report, data: dict[str, Any], user: User, _u: list[PendingUpload]) -> str:
    ca.report_review_follow_up(report=report, actor=user)
    return _("The flagged follow-up is marked as reviewed.")


def _refer(report: Report, data: dict[str, Any], user: User, _u: list[PendingUpload]) -> str:
    whistle.report_refer(
        report=report,
        body=data["body"],
        reference=data["reference"],
        message=data["message"],
        actor=user,
    )
    return _("The case was referred to %(body)s; the reporter was told.") % {
        "body": whistle.referral_label(data["body"])
    }


def _to_whistle(report: Report, data: dict[str, Any], user: User, _u: list[PendingUpload]) -> str:
    whistle.report_make_whistleblowing(
        report=report, message=data["message"], accused=data["agency"], actor=user
    )
    return _(
        "The report is now handled as a report of wrongdoing: confidential, for an internal "
        "auditor only."
    )


def _accused(report: Report, data: dict[str, Any], user: User, _u: list[PendingUpload]) -> str:
    whistle.report_set_accused(report=report, agency=data["agency"], actor=user)
    return _("The accused unit was recorded: its staff will never see this case.")


# The URL slug of each action (Indonesian, like the rest of the site's paths) → its handling.
ACTIONS: dict[str, CaseAction] = {
    "disposisi": CaseAction(DisposeForm, Capability.VERIFY, _dispose, picks_agency=True),
    "tunda": CaseAction(PostponeForm, Capability.VERIFY, _postpone),
    "bukan-wewenang": CaseAction(
        NotAuthorityForm, Capability.TRANSFER, _not_authority, picks_agency=True
    ),
    "arsipkan": CaseAction(ArchiveForm, Capability.VERIFY, _archive),
    "tindak-lanjut": CaseAction(FollowUpForm, Capability.FOLLOW_UP, _follow_up, uploads=True),
    "kompleksitas": CaseAction(ComplexityForm, Capability.FOLLOW_UP, _complexity),
    "perpanjang": CaseAction(ExtendForm, Capability.FOLLOW_UP, _extend),
    "alihkan": CaseAction(TransferForm, Capability.TRANSFER, _transfer, picks_agency=True),
    "libatkan": CaseAction(InvolveForm, Capability.TRANSFER, _involve, picks_agency=True),
    # "No wrong door" (lapor.ppid.convert): the verifier turns a complaint into an information
    # request, or the reverse; the action re-checks who may.
    "jadikan-permintaan-informasi": CaseAction(
        ConvertToRequestForm, Capability.VIEW, _to_request, picks_agency=True
    ),
    "jadikan-pengaduan": CaseAction(ConvertForm, Capability.VIEW, _to_complaint),
    # A flagged follow-up (recycled photo, formulaic answer) looked at by an agency admin.
    "tinjau-jawaban": CaseAction(ReviewForm, Capability.VIEW, _review),
    # Whistleblowing (lapor.reports.whistle): refer onward, treat as whistleblowing, record
    # the accused unit. Each action re-checks who may.
    "rujuk": CaseAction(ReferForm, Capability.VIEW, _refer),
    "jadikan-pelanggaran": CaseAction(WhistleForm, Capability.VIEW, _to_whistle, picks_agency=True),
    "terlapor": CaseAction(AccusedForm, Capability.VIEW, _accused, picks_agency=True),
}


def _prefix(slug: str) -> str:
    return slug.replace("-", "_")


def _make_form(
    slug: str, report: Report, data: Any = None, files: Any = None, initial: Any = None
) -> forms.Form:
    spec = ACTIONS[slug]
    kwargs: dict[str, Any] = {"prefix": _prefix(slug)}
    if initial is not None:
        kwargs["initial"] = initial
    if spec.form is DisposeForm:
        kwargs.update(report=report, language=(get_language() or "id")[:2])
    return spec.form(data, files, **kwargs)


def allowed_actions(user: User, report: Report, clocks: list[Clock]) -> list[str]:
    """The action forms to offer: what the user's capabilities and the case's status allow.

    The actions re-check all of it; this only spares people forms that would be refused.
    """
    status = Status(report.status)
    table = lifecycle.TRANSITIONS_BY_KIND[report.kind]
    can_move = table.get(status, frozenset())
    assigned = [a.agency_id for a in report.assignments.filter(active=True)]
    verifier = ca.can_verify(user, report)
    follows_up = any(user_can(user, Capability.FOLLOW_UP, a) for a in assigned)
    transfers = any(user_can(user, Capability.TRANSFER, a) for a in assigned)
    disposed_open = status in lifecycle.OPEN and status != Status.AWAITING_VERIFICATION
    shown = []
    if verifier and status == Status.AWAITING_VERIFICATION:
        if Status.DISPOSED in can_move:
            shown.append("disposisi")
        if Status.POSTPONED in can_move:
            shown.append("tunda")
        if not is_national_admin(user):
            # Agency admins hand on what is not theirs; national admins route it themselves.
            shown.append("bukan-wewenang")
        if Status.ARCHIVED_BY_ADMIN in can_move:
            shown.append("arsipkan")
        if report.kind in (Kind.COMPLAINT, Kind.ASPIRATION):
            shown.append("jadikan-pelanggaran")
        if report.kind == Kind.WHISTLEBLOWING:
            shown.append("terlapor")
    if follows_up and Status.FOLLOWED_UP in can_move:
        shown.append("tindak-lanjut")
    if follows_up and disposed_open:
        shown.append("kompleksitas")
        mine = {a for a in assigned if user_can(user, Capability.FOLLOW_UP, a)}
        if any(
            c.kind == Clock.Kind.RESOLUTION and c.running and c.agency_id in mine for c in clocks
        ):
            shown.append("perpanjang")
    if transfers and status == Status.DISPOSED and Status.DISPOSED in can_move:
        shown.append("alihkan")
        shown.append("bukan-wewenang")
    if disposed_open and may_reassign(user, report):
        shown.append("libatkan")
    if any(
        user_can(user, Capability.VERIFY, agency_id)
        for agency_id in report.evidence_flags.filter(reviewed_at__isnull=True).values_list(
            "event__agency_id", flat=True
        )
    ):
        shown.append("tinjau-jawaban")
    if whistle.may_refer(user, report):
        shown.append("rujuk")
    from lapor.ppid.convert import may_convert

    if may_convert(user, report):
        shown.append(
            "jadikan-pengaduan"
            if report.kind == Kind.INFORMATION_REQUEST
            else "jadikan-permintaan-informasi"
        )
    return list(dict.fromkeys(shown))


@login_required
@require_GET
def case(request: HttpRequest, tracking_id: str) -> HttpResponse:
    user = _staff_user(request)
    report = access_case_for_staff(user, tracking_id)
    return _render_case(request, user, report)


@login_required
@require_POST
def case_action(request: HttpRequest, tracking_id: str, action: str) -> HttpResponse:
    user = _staff_user(request)
    spec = ACTIONS.get(action)
    if spec is None:
        raise Http404
    report = access_case_for_staff(user, tracking_id, spec.capability)
    form = _make_form(action, report, request.POST, request.FILES)
    pending: list[PendingUpload] = []
    file_errors: list[str] = []
    if spec.uploads:
        pending, file_errors = collect_uploads(request)
    if form.is_valid() and not file_errors:
        try:
            done = spec.run(report, form.cleaned_data, user, pending)
        except ca.Forbidden:
            # Outside the user's rights for this action: the same answer as out of scope.
            raise Http404 from None
        except DomainError as exc:
            if exc.code == "evidence_required":
                # Point at the file field, which is what needs fixing.
                file_errors = [*file_errors, exc.message]
            else:
                form.add_error(None, exc.message)
        else:
            messages.success(request, done)
            return redirect(_after_action_url(user, report))
    return _render_case(
        request, user, report, bound=(action, form), pending=pending, file_errors=file_errors
    )


def _after_action_url(user: User, report: Report) -> str:
    """Back to the case, or to the dashboard when the action took it out of the user's scope
    (a transfer, "not our authority")."""
    try:
        access_case_for_staff(user, report.tracking_id)
    except Http404:
        return reverse("console:dashboard") + "#console-messages"
    # The fragment overrides the form's own (#action-…), so the page opens on the notice.
    return reverse("console:case", kwargs={"tracking_id": report.tracking_id}) + (
        "#console-messages"
    )


def _render_case(
    request: HttpRequest,
    user: User,
    report: Report,
    *,
    bound: tuple[str, forms.Form] | None = None,
    pending: list[PendingUpload] | None = None,
    file_errors: list[str] | None = None,
) -> HttpResponse:
    now = timezone.now()
    clocks = list(report.clocks.select_related("agency").order_by("started_at", "pk"))
    shown = allowed_actions(user, report, clocks)
    if bound is not None and bound[0] not in shown:
        # Refused by a rule (e.g. an illegal move): show that form with its message anyway.
        shown.append(bound[0])
    forms_by_slug: dict[str, forms.Form] = {}
    for slug in shown:
        if bound is not None and bound[0] == slug:
            forms_by_slug[slug] = bound[1]
        elif slug == "kompleksitas":
            forms_by_slug[slug] = _make_form(
                slug, report, initial={"complexity": _current_complexity(user, report)}
            )
        else:
            forms_by_slug[slug] = _make_form(slug, report)
    templates_offered, inserted = _response_templates(request, user, report, shown)
    if inserted is not None and "tindak-lanjut" in forms_by_slug:
        follow_up = forms_by_slug["tindak-lanjut"]
        if not follow_up.is_bound:
            forms_by_slug["tindak-lanjut"] = _make_form(
                "tindak-lanjut", report, initial={"message": inserted}
            )
    query = (request.GET.get("q") or request.POST.get("q") or "").strip()[:MAX_QUERY_LENGTH]
    needs_agencies = any(ACTIONS[s].picks_agency for s in shown)
    agencies: list[Agency] = []
    if needs_agencies:
        agencies = (
            selectors.search_agencies(query) if query else selectors.suggested_agencies(report)
        )
        agencies = _with_selected(agencies, bound)
    pending = pending or []
    # Routing (issue 5): top-3 suggestions while verifying, the first one preselected.
    panel = routing_views.case_panel(user, report, verifying="disposisi" in shown)
    if panel["routing"] is not None and panel["routing"].suggestions and "disposisi" in shown:
        suggested = [s.agency for s in panel["routing"].suggestions]
        if not query:
            agencies = [*suggested, *(a for a in agencies if a not in suggested)]
        dispose_form = forms_by_slug["disposisi"]
        if not dispose_form.is_bound:
            dispose_form.initial["agency"] = suggested[0].pk
    return render(
        request,
        "console/case.html",
        {
            **_console_context(user),
            "report": report,
            "actions": [(slug, forms_by_slug[slug]) for slug in shown],
            "forms": {_prefix(s): f for s, f in forms_by_slug.items()},
            "bound_slug": bound[0] if bound else None,
            "bound_form": bound[1] if bound else None,
            "query": query,
            "agencies": agencies,
            "needs_agencies": needs_agencies,
            "pending_files": pending,
            "pending_token": sign_pending([str(p.pk) for p in pending]),
            "file_errors": file_errors or [],
            "clocks": _clock_rows(clocks, now),
            "events": _timeline(report),
            "attachments": _named(report, report.attachments.all()),
            "response_templates": templates_offered,
            "inserted_template": inserted is not None,
            "evidence_flags": list(
                report.evidence_flags.select_related("attachment", "matched__report", "event")
            ),
            "assignments": list(report.assignments.filter(active=True).select_related("agency")),
            "place": place_label(report.region_id),
            "is_anonymous": identity_hidden(report),
            **_identity(request, user, report),
            **panel,
        },
    )


def _response_templates(
    request: HttpRequest, user: User, report: Report, shown: list[str]
) -> tuple[list[Any], str | None]:
    """The templates the officer may insert into the follow-up form, and the text of the one
    asked for with ``?templat=<id>`` (filled from the case), if it is one of them."""
    if "tindak-lanjut" not in shown:
        return [], None
    mine = [
        a.agency
        for a in report.assignments.filter(active=True).select_related("agency")
        if user_can(user, Capability.FOLLOW_UP, a.agency_id)
    ]
    offered = list(responses.usable(report, [a.pk for a in mine]))
    wanted = request.GET.get("templat", "")
    chosen = next((t for t in offered if str(t.pk) == wanted), None)
    if chosen is None:
        return offered, None
    return offered, responses.fill(chosen, report, mine[0] if mine else None)


def _current_complexity(user: User, report: Report) -> str:
    for assignment in report.assignments.filter(active=True):
        if user_can(user, Capability.FOLLOW_UP, assignment.agency_id):
            return assignment.complexity
    return Complexity.SIMPLE


def _with_selected(agencies: list[Agency], bound: tuple[str, forms.Form] | None) -> list[Agency]:
    """Keep the agency the person had picked on the list when the form comes back."""
    if bound is None or not bound[1].is_bound:
        return agencies
    form = bound[1]
    field = "suggested_agency" if "suggested_agency" in form.fields else "agency"
    if field not in form.fields:
        return agencies
    picked = form.cleaned_data.get(field) if hasattr(form, "cleaned_data") else None
    if isinstance(picked, Agency) and all(a.pk != picked.pk for a in agencies):
        return [picked, *agencies]
    return agencies


@dataclass(frozen=True)
class ClockRow:
    clock: Clock
    state: str
    remaining_text: str
    overdue: bool
    explanation: list[str]


def _clock_rows(clocks: list[Clock], now: Any) -> list[ClockRow]:
    calendars = selectors.calendars_for(c.region_code for c in clocks)
    rows = []
    for clock in clocks:
        calendar = calendars[clock.region_code or ""]
        if not clock.running:
            rows.append(ClockRow(clock, "stopped", "", False, []))
            continue
        if clock.due_at is None:
            explanation = deadlines.compute(clock, calendar).explanation()
            rows.append(ClockRow(clock, "paused", "", False, explanation))
            continue
        remaining = selectors.remaining_working_days(clock.due_at, calendar, now)
        overdue = clock.due_at < now
        rows.append(
            ClockRow(
                clock,
                "running",
                selectors.remaining_label(remaining, overdue),
                overdue,
                deadlines.compute(clock, calendar).explanation(),
            )
        )
    return rows


@dataclass(frozen=True)
class TimelineEntry:
    event: ReportEvent
    who: str
    detail: str
    files: list[Attachment]


def _timeline(report: Report) -> list[TimelineEntry]:
    """Every event, internal ones included. A person is named only when they are staff: the
    reporter (who may be anonymous) and companions appear as "Reporter"."""
    events = list(
        report.events.select_related("actor", "agency", "target_agency").prefetch_related(
            "attachments"
        )
    )
    actor_ids = {e.actor_id for e in events if e.actor_id is not None}
    staff_ids = set(
        Membership.objects.filter(user_id__in=actor_ids, is_active=True).values_list(
            "user_id", flat=True
        )
    )
    entries = []
    for event in events:
        if event.actor_id in staff_ids and event.actor_id != report.reporter_user_id:
            who = str(event.actor)
        elif event.actor_id is not None or _by_reporter(event):
            who = _("Reporter")
        else:
            who = _("System")
        files = _named(report, event.attachments.all())
        entries.append(TimelineEntry(event, who, _event_detail(event), files))
    return entries


# What only the reporter's side does; their events may carry no actor (no account).
REPORTER_EVENTS = {
    ReportEvent.Kind.SUBMITTED,
    ReportEvent.Kind.REPORTER_INFO,
    ReportEvent.Kind.REPORTER_REPLY,
    ReportEvent.Kind.RESUMED,
    ReportEvent.Kind.DISPUTED,
}


def _by_reporter(event: ReportEvent) -> bool:
    return event.kind in REPORTER_EVENTS or event.new_status == Status.CLOSED_BY_REPORTER


def _event_detail(event: ReportEvent) -> str:
    data = event.data or {}
    kind = event.kind
    if kind == ReportEvent.Kind.ARCHIVED and data.get("reason") in ca.ARCHIVE_REASONS:
        return str(ca.ARCHIVE_REASONS[data["reason"]])
    if kind == ReportEvent.Kind.COMPLEXITY_SET and data.get("complexity") in Complexity.values:
        return str(Complexity(data["complexity"]).label)
    if kind == ReportEvent.Kind.EXTENDED and data.get("days"):
        return _("%(days)s extra working days") % {"days": data["days"]}
    if kind == ReportEvent.Kind.ESCALATED and data.get("level"):
        return _("Escalation level %(level)s") % {"level": data["level"]}
    if kind == ReportEvent.Kind.PRIVACY_RAISED and data.get("new") in Privacy.values:
        return _("%(old)s → %(new)s") % {
            "old": Privacy(data["old"]).label,
            "new": Privacy(data["new"]).label,
        }
    if kind == ReportEvent.Kind.FOLLOW_UP and data.get("resolved"):
        return _("Marked as resolved")
    if data.get("via_node"):
        # lapor.nodes: a community node's helper acted for the person (never named here).
        return _("With the help of a community node")
    if kind == ReportEvent.Kind.SUBMITTED and data.get("on_behalf"):
        if data.get("desk") == "phone":
            return _("Filed on the person's behalf at the telephone desk")
        return _("Filed on the person's behalf at the walk-in desk")
    return ""


def identity_hidden(report: Report) -> bool:
    """The identity is for the reporter and national admins only: anonymous (also when later
    raised to confidential) and confidential reports (``access.identity_restricted``)."""
    return report_access.identity_restricted(report)


def _identity(request: HttpRequest, user: User, report: Report) -> dict[str, Any]:
    """The reporter's identity, read only through ``reporter_identity`` (every read logged).

    For an anonymous report nobody but a national admin may see it, and even a national admin
    sees it only after asking for it with a stated purpose: a read is then deliberate, and its
    log row says why.
    """
    national = is_national_admin(user)
    context: dict[str, Any] = {"identity": None, "may_reveal": False, "reveal_error": ""}
    if not identity_hidden(report):
        context["identity"] = report_access.reporter_identity(
            report, actor=user, purpose="console case page"
        )
        context["identity_checked"] = True
        return context
    context["may_reveal"] = national
    if not national or REVEAL_PARAM not in request.GET:
        return context
    purpose = request.GET.get(REVEAL_PARAM, "").strip()
    if not purpose:
        context["reveal_error"] = _("Write why you need to see this reporter's identity.")
        return context
    context["identity"] = report_access.reporter_identity(
        report, actor=user, purpose=f"console case page (anonymous): {purpose}"[:120]
    )
    context["identity_checked"] = True
    return context


@login_required
@require_GET
def attachment(request: HttpRequest, tracking_id: str, pk: int) -> HttpResponseBase:
    user = _staff_user(request)
    report = access_case_for_staff(user, tracking_id)
    found = Attachment.objects.filter(report=report, pk=pk).first()
    if found is None:
        raise Http404
    return attachment_response(found, attachment_name(report, found))


def _named(report: Report, attachments: Any) -> list[Attachment]:
    found = list(attachments)
    for item in found:
        item.display_name = attachment_name(report, item)  # type: ignore[attr-defined]
    return found


def attachment_name(report: Report, found: Attachment) -> str:
    """The name staff see: an anonymous reporter's file names may identify them."""
    if not identity_hidden(report):
        return found.original_name
    ext = found.original_name.rsplit(".", 1)[-1].lower() if "." in found.original_name else ""
    return f"lampiran-{found.pk}.{ext}" if ext else f"lampiran-{found.pk}"


# --- the calendar -------------------------------------------------------------------------


def _calendar_user(request: HttpRequest) -> tuple[User, list[str] | None]:
    user = _staff_user(request)
    regions = selectors.calendar_regions(user)
    if regions == []:
        raise Http404
    return user, regions


@login_required
@require_http_methods(["GET", "POST"])
def calendar(request: HttpRequest) -> HttpResponse:
    user, regions = _calendar_user(request)
    form = CalendarDayForm(request.POST or None, regions=regions)
    if request.method == "POST" and form.is_valid():
        try:
            day = core_actions.calendar_day_add(
                date=form.cleaned_data["date"],
                name=form.cleaned_data["name"],
                region_code=form.region_code,
                actor=user,
            )
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(
                request,
                _(
                    "%(name)s (%(date)s) is now a day off; the deadlines of open cases there "
                    "were recomputed."
                )
                % {"name": day.name, "date": formats.date_format(day.date, "j F Y")},
            )
            return redirect("console:calendar")
    days = selectors.upcoming_days_off(user, (get_language() or "id")[:2])
    removable = {d.row.pk for d in days if d.row is not None and _may_remove(regions, d.row)}
    return render(
        request,
        "console/calendar.html",
        {
            **_console_context(user),
            "console_page": "calendar",
            "form": form,
            "days": days,
            "removable": removable,
            "national": regions is None,
        },
    )


def _may_remove(regions: list[str] | None, row: Any) -> bool:
    return regions is None or row.region_code in regions


@login_required
@require_POST
def calendar_remove(request: HttpRequest, pk: int) -> HttpResponse:
    user, _regions = _calendar_user(request)
    day = selectors.manageable_day(user, pk)
    if day is None:
        raise Http404
    name, date = day.name, day.date
    try:
        core_actions.calendar_day_remove(day=day, actor=user)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _(
                "%(name)s (%(date)s) is a working day again; the deadlines of open cases there "
                "were recomputed."
            )
            % {"name": name, "date": formats.date_format(date, "j F Y")},
        )
    return redirect("console:calendar")
