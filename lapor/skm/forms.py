from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from lapor.skm.method import ELEMENTS, SCALE


class SurveyForm(forms.Form):
    comment = forms.CharField(
        label=_("Comments or suggestions (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Do not write your name or contact details: the answer is anonymous."),
    )
    appeal = forms.BooleanField(
        label=_("The problem is not solved: reopen my report if my answers show poor service"),
        required=False,
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        for name, label, question in reversed(ELEMENTS):
            self.fields = {
                name: forms.TypedChoiceField(
                    label=f"{label}: {question}",
                    choices=[(str(v), f"{v} — {text}") for v, text in SCALE],
                    coerce=int,
                    widget=forms.RadioSelect,
                    error_messages={"required": _("Choose a value from 1 to 4.")},
                ),
                **self.fields,
            }

    def element_fields(self) -> list[forms.BoundField]:
        return [self[name] for name, _label, _question in ELEMENTS]
