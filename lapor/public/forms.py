"""Forms of the public pages. The feed's filters are a GET form: every filter is a link."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lapor.agencies.models import Agency
from lapor.agencies.selectors import agency_choices, category_choices
from lapor.core.bounds import validate_sane_date
from lapor.public.selectors import STATUS_GROUPS, FeedFilters
from lapor.regions.selectors import children
from lapor.reports.models import Kind

STATUS_LABELS = {
    "open": _("Being handled"),
    "followed_up": _("Followed up, waiting for the reporter"),
    "closed": _("Closed"),
}
SORTS = [("new", _("Newest first")), ("support", _("Most supported first"))]


class FeedForm(forms.Form):
    q = forms.CharField(label=_("Search reports"), required=False, max_length=200)
    province = forms.ChoiceField(label=_("Province"), required=False)
    regency = forms.ChoiceField(label=_("Regency or city"), required=False)
    district = forms.ChoiceField(label=_("District"), required=False)
    # Any agency id is accepted (a link from an agency's page); the list offers national
    # agencies and those of the picked region, so the page stays small with 20,000 units.
    agency = forms.IntegerField(label=_("Agency"), required=False, min_value=1, widget=forms.Select)
    category = forms.TypedChoiceField(
        label=_("Category"), required=False, coerce=int, empty_value=None
    )
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *Kind.choices]
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All statuses"))] + [(k, STATUS_LABELS[k]) for k in STATUS_GROUPS],
    )
    date_from = forms.DateField(
        label=_("Reported from"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        validators=[validate_sane_date],
    )
    date_to = forms.DateField(
        label=_("Reported until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        validators=[validate_sane_date],
    )
    sort = forms.ChoiceField(label=_("Order"), required=False, choices=SORTS)

    def __init__(self, data, language: str) -> None:  # type: ignore[no-untyped-def]
        super().__init__(data)
        province = self._raw("province")
        regency = self._raw("regency")
        if not province or not regency.startswith(province + "."):
            regency = ""
        self._choices("province", [("", _("All provinces")), *children(None)])
        self._choices(
            "regency",
            [("", _("All regencies and cities"))] + (children(province) if province else []),
        )
        self._choices(
            "district", [("", _("All districts"))] + (children(regency) if regency else [])
        )
        agencies: list = [("", _("All agencies"))]
        groups = agency_choices(province, regency)
        offered = {value for _group, options in groups for value, _label in options}
        picked = self._raw("agency")
        if picked.isdigit() and picked not in offered:
            chosen = Agency.objects.filter(pk=int(picked)).values_list("pk", "name").first()
            if chosen:
                agencies.append((str(chosen[0]), chosen[1]))
        agencies.extend(groups)
        self.fields["agency"].widget.choices = agencies
        self._choices("category", [("", _("All categories")), *category_choices(language)])

    def _choices(self, name: str, choices: list[Any]) -> None:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)
        field.choices = choices

    def _raw(self, name: str) -> str:
        value = self.data.get(name, "") if self.data else ""
        return value if isinstance(value, str) and len(value) <= 13 else ""

    def filters(self, page: int) -> FeedFilters:
        """The valid filters; an invalid one (a stale region code, a bad date) is dropped, not
        fatal, so a shared link keeps working."""
        if not self.is_bound:
            return FeedFilters(page=page)
        self.is_valid()
        # Django leaves fields with errors out of cleaned_data.
        data = dict(self.cleaned_data)
        # A lower level only counts inside the picked higher one.
        province = data.get("province") or ""
        regency = data.get("regency") or ""
        district = data.get("district") or ""
        if not province or not regency.startswith(province + "."):
            regency = ""
        if not regency or not district.startswith(regency + "."):
            district = ""
        return FeedFilters(
            q=(data.get("q") or "").strip(),
            province=province,
            regency=regency,
            district=district,
            agency=data.get("agency"),
            category=data.get("category"),
            kind=data.get("kind") or "",
            status=data.get("status") or "",
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            sort=data.get("sort") or "new",
            page=page,
        )


class FollowForm(forms.Form):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("We send a link to confirm. The reporter never sees who follows."),
    )
