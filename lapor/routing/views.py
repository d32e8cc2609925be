"""Routing pages of the staff console (/konsol/routing/) and the similar-reports lookup.

- ``pengaturan/``: an agency admin's auto-dispose threshold (default off).
- ``aturan/``: the jurisdiction rule table, edited by national admins.
- ``gabung/<tracking_id>/``: merge a duplicate into a main case (POST, from the case page).
- ``serupa/``: similar open reports for the citizen form (JSON for the debounced fetch). It
  answers everyone (the citizen form needs no account) and gives everyone, staff included, the
  same public answer: ``duplicates.public_lookup`` (public reports, masked text, personal data
  dropped from the query, rate-limited per client address: 429 past the limit).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lapor.accounts.models import User
from lapor.agencies.capabilities import is_staff_member, memberships
from lapor.agencies.models import Agency, Membership
from lapor.console.access import access_case_for_staff
from lapor.console.context import console_context
from lapor.core.errors import DomainError
from lapor.reports import case_actions as ca
from lapor.reports.models import Kind, Report, Status
from lapor.routing import actions, duplicates, suggest
from lapor.routing.forms import MergeForm, RuleForm, ThresholdForm
from lapor.routing.models import AgencyRoutingSettings, ReportMerge, RoutingRule


def _staff(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User) or not is_staff_member(user):
        raise Http404
    return user


def _console(user: User) -> dict[str, Any]:
    return console_context(user)


# --- the case page ---------------------------------------------------------------------------


def case_panel(user: User, report: Report, *, verifying: bool) -> dict[str, Any]:
    """What the case page shows about routing: suggestions and flags while verifying, the
    cluster (main case and merged reports), the merge form."""
    context: dict[str, Any] = {
        "routing": None,
        "cluster": None,
        "merge_form": None,
        "possible_duplicates": [],
    }
    if verifying and report.kind != Kind.WHISTLEBLOWING:
        # A report of wrongdoing is routed by a person to an internal auditor: no topic-based
        # suggestion (it would name the accused unit), no merging.
        context["routing"] = suggest.route(report)
        if report.status == Status.AWAITING_VERIFICATION:
            context["merge_form"] = MergeForm(prefix="gabung")
            # Merge candidates: open reports of the same regency that read alike.
            context["possible_duplicates"] = duplicates.similar_open_reports(
                title=report.title_published,
                body=report.body_published,
                regency_code=report.regency_code,
                exclude_id=report.pk,
                staff=True,
            )
    link = ReportMerge.objects.filter(report_id=report.pk).select_related("main").first()
    main = link.main if link else report
    members = list(
        ReportMerge.objects.filter(main_id=main.pk).select_related("report").order_by("at")
    )
    if link or members:
        context["cluster"] = {
            "main": main,
            "is_main": link is None,
            "members": [m.report for m in members],
            "affected": len(members) + 1,
        }
    return context


@login_required
@require_POST
def merge(request: HttpRequest, tracking_id: str) -> HttpResponse:
    user = _staff(request)
    from lapor.agencies.capabilities import Capability

    report = access_case_for_staff(user, tracking_id, Capability.VERIFY)
    form = MergeForm(request.POST, prefix="gabung")
    back = reverse("console:case", kwargs={"tracking_id": report.tracking_id})
    if not form.is_valid():
        messages.error(request, _("Give the tracking ID of the main case."))
        return redirect(back + "#merge")
    try:
        into = access_case_for_staff(user, form.cleaned_data["into"].strip())
    except Http404:
        messages.error(request, _("No case with that tracking ID in your scope."))
        return redirect(back + "#merge")
    try:
        ca.report_merge(report=report, into=into, actor=user)
    except ca.Forbidden:
        raise Http404 from None
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect(back + "#merge")
    messages.success(
        request,
        _("Report %(id)s was merged into case %(main)s.")
        % {"id": report.tracking_id, "main": into.tracking_id},
    )
    return redirect(reverse("console:case", kwargs={"tracking_id": into.tracking_id}))


# --- settings: the auto-dispose threshold ---------------------------------------------------


def _administered(user: User) -> list[Agency]:
    roles = {Membership.Role.AGENCY_ADMIN, Membership.Role.NATIONAL_ADMIN}
    return sorted({m.agency for m in memberships(user) if m.role in roles}, key=lambda a: a.name)


@login_required
@require_http_methods(["GET", "POST"])
def settings_page(request: HttpRequest) -> HttpResponse:
    user = _staff(request)
    agencies = _administered(user)
    if not agencies:
        raise Http404
    current = dict(
        AgencyRoutingSettings.objects.filter(agency__in=agencies).values_list(
            "agency_id", "auto_dispose_threshold"
        )
    )
    bound: tuple[int, ThresholdForm] | None = None
    if request.method == "POST":
        try:
            agency = next(a for a in agencies if str(a.pk) == request.POST.get("agency"))
        except StopIteration:
            raise Http404 from None
        form = ThresholdForm(request.POST, prefix=f"a{agency.pk}")
        if form.is_valid():
            value = form.cleaned_data["threshold"]
            try:
                actions.routing_set_threshold(
                    agency=agency, threshold=value / 100 if value is not None else None, actor=user
                )
            except DomainError as exc:
                form.add_error("threshold", exc.message)
            else:
                messages.success(request, _("The routing settings were saved."))
                return redirect(reverse("routing:settings") + "#console-messages")
        bound = (agency.pk, form)
    rows = []
    for agency in agencies:
        value = current.get(agency.pk)
        form = (
            bound[1]
            if bound and bound[0] == agency.pk
            else ThresholdForm(
                prefix=f"a{agency.pk}",
                initial={"threshold": round(value * 100) if value is not None else None},
            )
        )
        rows.append((agency, form, value))
    national = actions.is_national(user)
    return render(
        request,
        "routing/settings.html",
        {
            **_console(user),
            "rows": rows,
            "may_edit_rules": national,
            "acceptance": _acceptance(agencies, national),
        },
    )


def _acceptance(agencies: list[Agency], national: bool) -> dict[str, Any]:
    """The live accuracy for the agencies this admin governs (all of them nationally)."""
    from lapor.agencies.capabilities import subtree_ids
    from lapor.routing.learning import acceptance

    ids: set[int] | None = None
    if not national:
        ids = set()
        for agency in agencies:
            ids |= subtree_ids(agency.pk)
    return acceptance(agency_ids=ids)


# --- the rule table ---------------------------------------------------------------------------


def _rule_fields(form: RuleForm) -> dict[str, Any]:
    return {name: form.cleaned_data[name] for name in form.fields}


@login_required
@require_http_methods(["GET", "POST"])
def rules(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    user = _staff(request)
    if not actions.is_national(user):
        raise Http404
    rule = None
    if pk is not None:
        rule = RoutingRule.objects.filter(pk=pk).first()
        if rule is None:
            raise Http404
    if request.method == "POST":
        form = RuleForm(request.POST)
        if form.is_valid():
            try:
                actions.rule_save(rule=rule, fields=_rule_fields(form), actor=user)
            except DomainError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("The rule was saved."))
                return redirect(reverse("routing:rules") + "#console-messages")
    elif rule is not None:
        form = RuleForm(initial={name: getattr(rule, name) for name in RuleForm.base_fields})
    else:
        form = RuleForm()
    table = RoutingRule.objects.select_related(
        "category", "applies_to_unit_type", "unit_type", "agency"
    ).order_by("priority", "pk")
    return render(
        request,
        "routing/rules.html",
        {**_console(user), "form": form, "rule": rule, "table": table},
    )


# --- similar reports for the citizen form ----------------------------------------------------


def client_address(request: HttpRequest) -> str:
    # Behind a reverse proxy, the proxy must set REMOTE_ADDR (docs/operations.md); a
    # client-supplied X-Forwarded-For would let anyone pick a fresh address per request.
    return request.META.get("REMOTE_ADDR", "") or "unknown"


@require_GET
def similar(request: HttpRequest) -> JsonResponse:
    try:
        found = duplicates.public_lookup(
            title=request.GET.get("title", "")[:200],
            body=request.GET.get("body", "")[:2000],
            regency_code=request.GET.get("regency", "")[:5],
            client=client_address(request),
        )
    except duplicates.RateLimited:
        response = JsonResponse(
            {"results": [], "error": _("Too many lookups from your connection. Try again later.")},
            status=429,
        )
        response["Retry-After"] = "60"
        return response
    return JsonResponse(
        {
            "results": [
                {
                    "tracking_id": s.tracking_id,
                    "title": s.title,
                    "status": str(Status(s.status).label),
                    "url": reverse("public:report", kwargs={"tracking_id": s.tracking_id}),
                }
                for s in found
            ]
        }
    )
