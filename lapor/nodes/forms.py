"""Forms of the node pages. They parse; the writes are in ``lapor.nodes.actions``."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from lapor.nodes.models import HearBack, Node, NodeConsent
from lapor.reports.models import Privacy
from lapor.web.forms import AttachmentsMixin, ReportForm


class NodeReportForm(ReportForm):
    """The citizen's form, filled by a helper with the person: plus the person's consent, how
    they want to hear back and that the privacy choices were read out. A voice note may stand
    in for the written text."""

    consent = forms.ChoiceField(
        label=_("How did the person agree to this report being filed for them?"),
        choices=NodeConsent.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Record how the person agreed to this report being filed for them.")
        },
    )
    consent_note = forms.CharField(
        label=_("Consent reference (optional)"),
        max_length=255,
        required=False,
        help_text=_("E.g. the number of the signed form. No personal data."),
    )
    consent_code = forms.CharField(
        label=_("Code from the person's SMS"),
        max_length=12,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
        help_text=_("Only for consent by SMS code: the 6 digits the person reads to you."),
    )
    hear_back = forms.ChoiceField(
        label=_("How does the person want to hear back?"),
        choices=HearBack.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how the person wants to hear back.")},
    )
    person_language = forms.ChoiceField(
        label=_("Language of the messages to the person"),
        choices=[("id", "Bahasa Indonesia"), ("en", "English")],
        initial="id",
    )
    privacy_read_out = forms.BooleanField(
        label=_(
            "I read the three privacy choices out to the person and marked the one they chose."
        ),
        error_messages={
            "required": _("Read the privacy choices out to the person and confirm that you did.")
        },
    )

    CONSENT_HELP = {
        NodeConsent.SPOKEN: _("The person said so to you, in person or on the telephone."),
        NodeConsent.SIGNED_FORM: _("Keep the signed form at the node."),
        NodeConsent.SMS_CODE: _(
            "Press “Send the code to the person's phone” below: the person gets an SMS and "
            "reads the code to you."
        ),
    }
    HEAR_BACK_HELP = {
        HearBack.HELPER: _("You get an e-mail when there is news, and pass it on."),
        HearBack.SMS: _("The person gets an SMS at the number below."),
        HearBack.VOICE_CALL: _(
            "You get an e-mail when there is news, then call the person and read it (or play "
            "the spoken version) to them."
        ),
        HearBack.EMAIL: _("The person gets an e-mail at the address below."),
    }
    PRIVACY_HELP = {
        Privacy.PUBLIC: _("Everyone can read the report and see the person's name."),
        Privacy.ANONYMOUS: _(
            "Everyone can read the report, but the person's name and contact are hidden from "
            "the public and from the agency, which sees only the node's name."
        ),
        Privacy.CONFIDENTIAL: _(
            "Only the person, the node and the officers who handle it can read the report; it "
            "is never published."
        ),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["full_name"].label = _("The person's name")
        self.fields["phone"].label = _("The person's mobile phone number")
        self.fields["email"].label = _("The person's e-mail address")
        self.fields["disability"].label = _(
            "The person's disability or need for assistance (optional, private)"
        )
        self.fields["disability"].help_text = _(
            "Ask only if the person wants to say. Used to prioritise help and for statistics "
            "that show counts only."
        )
        for name in ("consent", "hear_back"):
            self.fields[name].widget.attrs["class"] = "choice-list"

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        hear_back = data.get("hear_back")
        # The contact the person chose is required; through the helper, none is.
        errors = self.errors.get("phone")
        if errors is not None and all(e.code == "contact" for e in errors.as_data()):
            del self.errors["phone"]
            data["phone"] = ""
        if hear_back == HearBack.SMS and not data.get("phone") and "phone" not in self.errors:
            self.add_error(
                "phone",
                forms.ValidationError(
                    gettext("Write down the person's phone number to answer them by SMS."),
                    code="contact",
                ),
            )
        if hear_back == HearBack.EMAIL and not data.get("email") and "email" not in self.errors:
            self.add_error(
                "email",
                forms.ValidationError(
                    gettext("Write down the person's e-mail address to answer them by e-mail."),
                    code="contact",
                ),
            )
        if data.get("consent") == NodeConsent.SMS_CODE:
            if not data.get("phone") and "phone" not in self.errors:
                self.add_error(
                    "phone",
                    forms.ValidationError(
                        gettext(
                            "The SMS code goes to the person's phone: write down their number."
                        ),
                        code="contact",
                    ),
                )
            if not data.get("consent_code"):
                self.add_error(
                    "consent_code",
                    forms.ValidationError(
                        gettext("Write the code the person received by SMS."), code="required"
                    ),
                )
        return data


class NodeRegisterForm(forms.Form):
    name = forms.CharField(label=_("Name of the organisation"), max_length=150)
    kind = forms.ChoiceField(label=_("Kind"), choices=Node.Kind.choices)
    agency = forms.ChoiceField(label=_("Registered for"), required=False)

    def __init__(self, *args: Any, agencies: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["agency"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = agencies
        if agencies and agencies[0][0]:
            self.fields["agency"].required = True


class HelperAddForm(forms.Form):
    email = forms.EmailField(
        label=_("The volunteer's e-mail address"),
        help_text=_(
            "The address of the volunteer's own account on this site (not a staff account)."
        ),
    )


class MessageForm(AttachmentsMixin, forms.Form):
    """Replying or adding information for the person (files and a voice note beside it)."""

    message = forms.CharField(
        label=_("What the person wants to say"),
        required=False,
        max_length=5_000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
