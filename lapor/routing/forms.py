from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lapor.agencies.models import Agency, Category, UnitType


class ThresholdForm(forms.Form):
    threshold = forms.IntegerField(
        label=_("Dispose automatically above this confidence (%)"),
        required=False,
        min_value=50,
        max_value=100,
        help_text=_("Leave empty to switch automatic disposition off (the default)."),
    )


class MergeForm(forms.Form):
    into = forms.CharField(
        label=_("Tracking ID of the main case"),
        max_length=12,
        help_text=_(
            "This report is archived as a duplicate; its reporter will get the outcome "
            "of the main case."
        ),
    )


class RuleForm(forms.Form):
    category = forms.ModelChoiceField(
        label=_("Category (and its sub-topics)"),
        queryset=Category.objects.filter(is_active=True).order_by("name"),
        required=False,
    )
    applies_to_unit_type = forms.ModelChoiceField(
        label=_("Or: every category handled by"),
        queryset=UnitType.objects.order_by("name"),
        required=False,
    )
    province_code = forms.CharField(
        label=_("Only in province (code, e.g. 31)"), max_length=2, required=False
    )
    asset_owner = forms.SlugField(label=_("Asset owner (short code)"), max_length=40)
    keywords = forms.CharField(
        label=_("Keywords in the report text (comma-separated)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    is_default = forms.BooleanField(label=_("Default when no keyword matches"), required=False)
    level = forms.ChoiceField(label=_("Level of the competent unit"))
    unit_type = forms.ModelChoiceField(
        label=_("Unit type"), queryset=UnitType.objects.order_by("name"), required=False
    )
    agency = forms.ModelChoiceField(
        label=_("National agency or state enterprise"),
        queryset=Agency.objects.filter(region__isnull=True, is_active=True).order_by("name"),
        required=False,
    )
    priority = forms.IntegerField(label=_("Priority (lower first)"), initial=100)
    note = forms.CharField(label=_("Explanation (Indonesian)"), max_length=200)
    note_en = forms.CharField(label=_("Explanation (English)"), max_length=200, required=False)
    is_active = forms.BooleanField(label=_("Active"), required=False, initial=True)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from lapor.routing.models import RoutingRule

        super().__init__(*args, **kwargs)
        level = self.fields["level"]
        assert isinstance(level, forms.ChoiceField)
        level.choices = RoutingRule.Level.choices

    def clean_keywords(self) -> str:
        raw = self.cleaned_data.get("keywords") or ""
        return ", ".join(k.strip().lower() for k in raw.split(",") if k.strip())
