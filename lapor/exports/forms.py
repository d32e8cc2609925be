"""The export form: it parses the query string into ``ExportFilters``; nothing else."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lapor.accounts.models import User
from lapor.agencies.models import Agency
from lapor.exports.selectors import ExportFilters, export_agency_choices

CSV, XLSX = "csv", "xlsx"

FORMAT_CHOICES = [
    (XLSX, _("Excel (.xlsx)")),
    (CSV, _("CSV (.csv, UTF-8)")),
]

STATUS_GROUP_CHOICES = [
    ("", _("All statuses")),
    ("open", _("Open")),
    ("waiting", _("Waiting for the reporter")),
    ("closed", _("Closed (including archived)")),
    ("archived", _("Archived only")),
]


class DateInput(forms.DateInput):
    # The browser's own date picker, no JavaScript; it submits YYYY-MM-DD.
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class ExportForm(forms.Form):
    format = forms.ChoiceField(
        label=_("File format"),
        choices=FORMAT_CHOICES,
        widget=forms.RadioSelect,
        initial=XLSX,
        error_messages={
            "required": _("Choose a file format."),
            "invalid_choice": _("Choose a file format."),
        },
    )
    received_from = forms.DateField(
        label=_("Received from (optional)"),
        required=False,
        widget=DateInput(),
        input_formats=["%Y-%m-%d"],
        error_messages={"invalid": _("Enter a date as YYYY-MM-DD, for example 2026-11-01.")},
    )
    received_to = forms.DateField(
        label=_("Received until (optional)"),
        required=False,
        widget=DateInput(),
        input_formats=["%Y-%m-%d"],
        help_text=_("Both days are included. Dates and times are in WIB."),
        error_messages={"invalid": _("Enter a date as YYYY-MM-DD, for example 2026-11-30.")},
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=STATUS_GROUP_CHOICES,
        required=False,
        initial="",
        error_messages={"invalid_choice": _("Choose a status from the list.")},
    )
    agency: forms.ModelChoiceField[Agency] = forms.ModelChoiceField(
        label=_("Agency (optional)"),
        queryset=Agency.objects.none(),
        required=False,
        empty_label=_("All agencies I may export"),
        help_text=_("Choosing a government also exports the reports of all its units."),
        error_messages={"invalid_choice": _("Choose an agency from the list.")},
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        agency_field = self.fields["agency"]
        assert isinstance(agency_field, forms.ModelChoiceField)
        # Only agencies the user may export: a hand-made ?agency= outside them is invalid.
        agency_field.queryset = export_agency_choices(user)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("received_from"), data.get("received_to")
        if start and end and start > end:
            self.add_error("received_to", _("The end date must be on or after the start date."))
        return data

    def filters(self) -> ExportFilters:
        """The validated choices as the selector's filters; call after ``is_valid()``."""
        data = self.cleaned_data
        agency = data.get("agency")
        return ExportFilters(
            received_from=data.get("received_from"),
            received_to=data.get("received_to"),
            status_group=data.get("status") or "",
            agency_id=agency.pk if agency is not None else None,
        )
