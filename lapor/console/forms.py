"""Console forms: they parse and validate staff input; the writes are in case_actions.

Each form on the case page has its own prefix (``dispose-message``, ``followup-message``…) so
the page's field ids stay unique and an error links to the right field.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lapor.agencies.models import Agency, Category
from lapor.agencies.selectors import category_choices
from lapor.regions.models import Region
from lapor.reports.lifecycle import ARCHIVE_REASONS
from lapor.reports.models import PRIVACY_RANK, Complexity, Privacy, Report
from lapor.reports.whistle import REFERRAL_BODIES
from lapor.web.forms import AttachmentsMixin

TEXTAREA = {"rows": 5}


def receiving_agencies() -> Any:
    return Agency.objects.filter(is_active=True, accepts_reports=True)


class AgencyField(forms.ModelChoiceField):
    """An agency picked from search results; the template renders the radios itself (the
    whole directory is far too long for one list)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault(
            "error_messages",
            {
                "required": _("Choose an agency from the list (search the directory above)."),
                "invalid_choice": _("This agency does not receive reports. Choose another."),
            },
        )
        super().__init__(queryset=receiving_agencies(), widget=forms.RadioSelect, **kwargs)


class DisposeForm(forms.Form):
    agency = AgencyField(label=_("Agency that will handle the report"))
    message = forms.CharField(
        label=_("Note for the agency (optional)"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs=TEXTAREA),
    )
    title_published = forms.CharField(
        label=_("Published title"),
        max_length=200,
        help_text=_("The reporter's original title and text are kept; every edit is logged."),
    )
    body_published = forms.CharField(
        label=_("Published text"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Remove personal data (names, NIK, phone numbers) before publication."),
    )
    address_public = forms.CharField(
        label=_("Public address (optional)"),
        max_length=255,
        required=False,
        help_text=_(
            "Published instead of the address the reporter typed. The reporter's own address "
            "of an anonymous report is never published: give a landmark or the road's name "
            "if it helps the public, nothing that points at a house."
        ),
    )
    privacy = forms.ChoiceField(label=_("Who may see it"), widget=forms.RadioSelect)
    category = forms.ChoiceField(label=_("Category"), required=False)
    complexity = forms.ChoiceField(
        label=_("Resolution time"),
        choices=Complexity.choices,
        initial=Complexity.SIMPLE,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, report: Report, language: str, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial",
            {
                "title_published": report.title_published,
                "body_published": report.body_published,
                "address_public": report.address_public,
                "privacy": report.privacy,
                "category": str(report.category_id or ""),
                "complexity": Complexity.SIMPLE,
            },
        )
        super().__init__(*args, **kwargs)
        # Privacy may be raised, never lowered: offer the current level and those above it.
        current = PRIVACY_RANK[Privacy(report.privacy)]
        privacy_field = self.fields["privacy"]
        assert isinstance(privacy_field, forms.ChoiceField)
        privacy_field.choices = [
            (value, label)
            for value, label in Privacy.choices
            if PRIVACY_RANK[Privacy(value)] >= current
        ]
        category_field = self.fields["category"]
        assert isinstance(category_field, forms.ChoiceField)
        category_field.choices = [("", _("— no category —")), *category_choices(language)]

    def clean_category(self) -> Category | None:
        value = self.cleaned_data.get("category")
        if not value:
            return None
        category = Category.objects.filter(pk=value, is_active=True).first()
        if category is None:
            raise forms.ValidationError(_("Choose a category from the list."))
        return category


class PostponeForm(forms.Form):
    message = forms.CharField(
        label=_("What should the reporter clarify?"),
        max_length=5000,
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text=_("The reporter receives this message; the verification clock pauses."),
    )


class NotAuthorityForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is this not your authority?"),
        max_length=5000,
        widget=forms.Textarea(attrs=TEXTAREA),
    )
    suggested_agency = AgencyField(label=_("Suggested agency (optional)"), required=False)


class ArchiveForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reason for archiving"), widget=forms.RadioSelect)
    message = forms.CharField(
        label=_("Explanation (optional)"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs=TEXTAREA),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        reason_field = self.fields["reason"]
        assert isinstance(reason_field, forms.ChoiceField)
        reason_field.choices = list(ARCHIVE_REASONS.items())


class FollowUpForm(AttachmentsMixin, forms.Form):
    PROGRESS, RESOLVED, QUESTION = "progress", "resolved", "question"

    message = forms.CharField(
        label=_("Follow-up for the reporter"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 7}),
        help_text=_("What was done, by whom and when. The reporter and the public can read it."),
    )
    outcome = forms.ChoiceField(
        label=_("What kind of answer is this?"),
        choices=[
            (PROGRESS, _("A follow-up: work in progress or done")),
            (RESOLVED, _("Mark as resolved (needs evidence: attach a photo or document)")),
            (QUESTION, _("Ask the reporter for more information")),
        ],
        initial=PROGRESS,
        widget=forms.RadioSelect,
    )


class ComplexityForm(forms.Form):
    complexity = forms.ChoiceField(
        label=_("Resolution time"), choices=Complexity.choices, widget=forms.RadioSelect
    )


class ExtendForm(forms.Form):
    days = forms.IntegerField(
        label=_("Extra working days"),
        min_value=1,
        max_value=60,
        help_text=_("Never past 60 working days after the complete file."),
    )
    reason = forms.CharField(
        label=_("Reason for the extension"),
        max_length=5000,
        widget=forms.Textarea(attrs=TEXTAREA),
    )


class TransferForm(forms.Form):
    agency = AgencyField(label=_("Agency that takes over the case"))
    reason = forms.CharField(
        label=_("Reason for the transfer"),
        max_length=5000,
        widget=forms.Textarea(attrs=TEXTAREA),
    )


class InvolveForm(forms.Form):
    agency = AgencyField(label=_("Agency to involve"))
    reason = forms.CharField(
        label=_("What should this agency do?"),
        max_length=5000,
        widget=forms.Textarea(attrs=TEXTAREA),
    )


class ReviewForm(forms.Form):
    """Nothing to fill in: the admin confirms having looked at the flagged follow-up."""


class ReferForm(forms.Form):
    """Hand the case on to an institution outside the system (lapor.reports.whistle)."""

    body = forms.ChoiceField(label=_("Institution it is referred to"), widget=forms.RadioSelect)
    reference = forms.CharField(
        label=_("Reference of the referral letter (optional)"), max_length=120, required=False
    )
    message = forms.CharField(
        label=_("What the reporter is told"),
        max_length=5000,
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text=_("Why it is that institution's matter and how the reporter can contact it."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        body_field = self.fields["body"]
        assert isinstance(body_field, forms.ChoiceField)
        body_field.choices = list(REFERRAL_BODIES.items())


class WhistleForm(forms.Form):
    """Treat a complaint about wrongdoing by officials as whistleblowing."""

    agency = AgencyField(label=_("Accused unit (optional)"), required=False)
    message = forms.CharField(
        label=_("What the reporter is told"),
        max_length=5000,
        widget=forms.Textarea(attrs=TEXTAREA),
    )


class AccusedForm(forms.Form):
    agency = AgencyField(label=_("Accused unit"))


NATIONAL = "national"


class CalendarDayForm(forms.Form):
    date = forms.DateField(
        label=_("Date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"],
    )
    name = forms.CharField(
        label=_("Name of the day off"),
        max_length=150,
        help_text=_("For example “Cuti bersama Idulfitri” or a local holiday."),
    )
    scope = forms.ChoiceField(label=_("Where it applies"), widget=forms.RadioSelect)

    def __init__(self, *args: Any, regions: list[str] | None, **kwargs: Any) -> None:
        """``regions``: the admin's own regions, or None for a national admin."""
        super().__init__(*args, **kwargs)
        choices: list[tuple[str, str]] = []
        if regions is None:
            choices.append((NATIONAL, str(_("National: all of Indonesia"))))
        names = dict(Region.objects.filter(code__in=regions or []).values_list("code", "name"))
        choices += [(code, names.get(code, code)) for code in regions or []]
        scope_field = self.fields["scope"]
        assert isinstance(scope_field, forms.ChoiceField)
        scope_field.choices = choices
        if len(choices) == 1:
            scope_field.initial = choices[0][0]

    def clean_date(self) -> dt.date:
        day: dt.date = self.cleaned_data["date"]
        if day.year < 2000 or day.year > 2100:
            raise forms.ValidationError(_("Enter a date between 2000 and 2100."))
        return day

    @property
    def region_code(self) -> str:
        scope = self.cleaned_data["scope"]
        return "" if scope == NATIONAL else scope
