"""KemenPANRB's evaluation in the console (lapor.stats.evaluation holds the figures): agency
admins see their units, national admins every province, government and unit, with a CSV export;
an agency's admins upload its team decree (*SK tim pengelola*)."""

from __future__ import annotations

import csv
import datetime as dt
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_http_methods

from lapor.accounts.models import User
from lapor.agencies.capabilities import (
    ROLE_CAPABILITIES,
    Capability,
    memberships,
    scope_agency_ids,
    user_can,
)
from lapor.agencies.models import Agency, TeamDecree
from lapor.agencies.selectors import is_national_admin
from lapor.core.cells import csv_row
from lapor.core.errors import DomainError
from lapor.core.files import attachment_response
from lapor.reports.attachments import AttachmentError, check_file, store_bytes
from lapor.skm.method import two_decimals
from lapor.stats import evaluation
from lapor.stats.evaluation import Evaluation


class DecreeForm(forms.Form):
    number = forms.CharField(label=gettext_lazy("Number of the decree"), max_length=120)
    signed_on = forms.DateField(
        label=gettext_lazy("Signed on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    valid_until = forms.DateField(
        label=gettext_lazy("In force until (optional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=gettext_lazy("Leave empty if it holds until a new decree replaces it."),
    )
    file = forms.FileField(label=gettext_lazy("The signed decree (PDF or photo)"))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        signed, until = data.get("signed_on"), data.get("valid_until")
        if signed and until and until < signed:
            self.add_error("valid_until", _("The end date cannot be before the signing date."))
        if signed and signed > dt.date.today() + dt.timedelta(days=1):
            self.add_error("signed_on", _("The signing date cannot be in the future."))
        return data


def _staff(request: HttpRequest) -> User:
    from lapor.console.context import staff_user as _staff_user

    user = _staff_user(request)
    if not any(Capability.VERIFY in ROLE_CAPABILITIES[m.role] for m in memberships(user)):
        raise Http404
    return user


def _in_scope(user: User, agency_id: int) -> bool:
    scope = scope_agency_ids(user, Capability.VERIFY)
    return scope is None or agency_id in scope


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{number_format(round(100 * value, 1), 1)}%"


def _satisfaction(row: Evaluation) -> str:
    """Out of 100, with where it comes from (evaluation.SATISFACTION_METHOD): a unit's SKM year
    or its ratings; a roll-up's number of units counted with their SKM index."""
    exact = row.satisfaction_exact
    if exact is None:
        return "—"
    value = number_format(two_decimals(exact), 2)
    if row.units == 1 and row.agency is not None:
        if row.skm_year is not None:
            return ngettext(
                "%(value)s (SKM %(year)s, %(n)s answer)",
                "%(value)s (SKM %(year)s, %(n)s answers)",
                row.satisfaction_answers,
            ) % {
                "value": value,
                "year": row.skm_year,
                "n": row.satisfaction_answers,
            }
        return ngettext(
            "%(value)s (%(n)s rating)", "%(value)s (%(n)s ratings)", row.satisfaction_answers
        ) % {"value": value, "n": row.satisfaction_answers}
    return _("%(value)s (SKM in %(skm)s / %(units)s units)") % {
        "value": value,
        "skm": row.units_with_skm,
        "units": row.units,
    }


def cells(row: Evaluation) -> dict[str, str]:
    """The row as the table and the CSV show it."""
    if row.units == 1 and row.agency is not None:
        decree = row.decree.number if row.decree else _("none")
        connected = _("yes") if row.connected else _("no")
    else:
        decree = f"{row.units_with_decree} / {row.units}"
        connected = f"{row.units_connected} / {row.units}"
    return {
        "decree": decree,
        "team": f"{row.team_active} / {row.team}",
        "connected": connected,
        "followed_up": _pct(row.followed_up),
        "completed": _pct(row.completed),
        "within_5wd": _pct(row.within_5wd),
        "satisfaction": _satisfaction(row),
        "bounce": _pct(row.bounce),
        "formulaic": _pct(row.formulaic_share),
    }


def _table(request: HttpRequest, user: User) -> tuple[str, list[Evaluation], list[tuple]]:
    """The rows the user asked for and may see, and the breadcrumb links."""
    if is_national_admin(user):
        government = request.GET.get("pemerintah", "")
        province = request.GET.get("provinsi", "")
        if government.isdigit():
            agency = Agency.objects.filter(pk=int(government)).first()
            if agency is None:
                raise Http404
            units = evaluation.government_units(agency)
            return agency.name, evaluation.evaluate(units), [(_("All provinces"), "?")]
        if province.isdigit() and len(province) == 2:
            from lapor.regions.models import Region

            name = Region.objects.filter(code=province).values_list("name", flat=True).first()
            if name is None:
                raise Http404
            return name, evaluation.by_government(province), [(_("All provinces"), "?")]
        return _("All provinces"), evaluation.by_province(), []
    agencies: list[Agency] = []
    for m in memberships(user):
        if Capability.VERIFY in ROLE_CAPABILITIES[m.role]:
            agencies.extend(evaluation.government_units(m.agency))
    unique = list({a.pk: a for a in agencies}.values())
    return _("Your agencies"), evaluation.evaluate(unique), []


@login_required
@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    from lapor.console.context import console_context as _console_context

    user = _staff(request)
    title, rows, crumbs = _table(request, user)
    total = Evaluation(label=_("Total"), units=0)
    for row in rows:
        total.add(row)
    if request.GET.get("format") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="evaluasi-sp4n-lapor.csv"'
        writer = csv.writer(response)
        writer.writerow(csv_row([_("Agency"), *[str(label) for _k, label in evaluation.COLUMNS]]))
        for row in [*rows, total]:
            values = cells(row)
            writer.writerow(csv_row([row.label, *[values[k] for k, _l in evaluation.COLUMNS]]))
        return response
    national = is_national_admin(user)
    return render(
        request,
        "console/evaluation.html",
        {
            **_console_context(user),
            "console_page": "evaluation",
            "title": title,
            "crumbs": crumbs,
            "columns": evaluation.COLUMNS,
            "satisfaction_method": evaluation.SATISFACTION_METHOD,
            "rows": [(row, cells(row), _drill(row, national, request)) for row in rows],
            "total": cells(total),
            "csv_query": request.GET.urlencode(),
        },
    )


def _drill(row: Evaluation, national: bool, request: HttpRequest) -> str:
    """Where a row leads: a unit to its detail page; a province to its governments; a
    government to its units."""
    from django.urls import reverse

    if row.agency is not None:
        return reverse("console:evaluation_detail", args=[row.agency.pk])
    if not national or not row.key:
        return ""
    return f"?pemerintah={row.key}" if request.GET.get("provinsi") else f"?provinsi={row.key}"


@login_required
@require_http_methods(["GET", "POST"])
def detail(request: HttpRequest, agency_id: int) -> HttpResponse:
    from lapor.console.context import console_context as _console_context

    user = _staff(request)
    agency = Agency.objects.filter(pk=agency_id).first()
    if agency is None or not _in_scope(user, agency_id):
        raise Http404
    may_upload = user_can(user, Capability.VERIFY, agency)
    form = DecreeForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if not may_upload:
            raise Http404
        if form.is_valid():
            try:
                _store_decree(agency, form, user)
            except DomainError as exc:
                form.add_error("file", exc.message)
            else:
                messages.success(request, _("The team decree is saved."))
                return redirect("console:evaluation_detail", agency_id=agency.pk)
    [row] = evaluation.evaluate([agency])
    return render(
        request,
        "console/evaluation_detail.html",
        {
            **_console_context(user),
            "console_page": "evaluation",
            "agency": agency,
            "row": row,
            "values": cells(row),
            "columns": evaluation.COLUMNS,
            "satisfaction_method": evaluation.SATISFACTION_METHOD,
            "decrees": agency.decrees.all()[:20],
            "form": form if may_upload else None,
        },
    )


def _store_decree(agency: Agency, form: DecreeForm, user: User) -> TeamDecree:
    upload = form.cleaned_data["file"]
    try:
        checked = check_file(upload)
    except AttachmentError as exc:
        raise DomainError(exc.message, code="file") from exc
    storage = TeamDecree._meta.get_field("file").storage
    name = store_bytes(storage, checked.original_name, checked.content)
    return TeamDecree.objects.create(
        agency=agency,
        number=form.cleaned_data["number"].strip(),
        signed_on=form.cleaned_data["signed_on"],
        valid_until=form.cleaned_data["valid_until"],
        file=name,
        original_name=checked.original_name,
        content_type=checked.content_type,
        uploaded_by=user,
    )


@login_required
@require_GET
def decree_file(request: HttpRequest, agency_id: int, pk: int) -> HttpResponseBase:
    user = _staff(request)
    if not _in_scope(user, agency_id):
        raise Http404
    decree = TeamDecree.objects.filter(pk=pk, agency_id=agency_id).first()
    if decree is None:
        raise Http404
    return attachment_response(decree, decree.original_name)  # type: ignore[arg-type]
