from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from lapor.notifications.models import Notification, StaffPreference


class PreferenceForm(forms.Form):
    digest = forms.ChoiceField(
        label=_("Daily summary by e-mail"),
        choices=StaffPreference.Digest.choices,
        widget=forms.RadioSelect,
    )
    immediate = forms.BooleanField(
        label=_("Also send me an e-mail for each new item in my queue"),
        required=False,
        help_text=_("Off by default: a busy unit can receive hundreds of reports a day."),
    )


class StatusFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("All"))] + list(Notification.Status.choices),
        required=False,
    )
