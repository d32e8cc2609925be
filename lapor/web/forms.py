"""Citizen forms. They parse and validate input; the writes happen in lapor.reports.actions."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django import forms
from django.core import signing
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from lapor.accounts.phones import normalize_phone
from lapor.agencies.models import Agency, Category
from lapor.agencies.selectors import agency_choices, category_choices
from lapor.regions.selectors import children, resolve_chain
from lapor.reports.actions import ReporterContact
from lapor.reports.models import Kind, PendingUpload, Privacy
from lapor.voice.forms import VoiceReplyMixin, VoiceReportMixin

# The easternmost time zone (WIT, UTC+9): "today" there is the latest "today" anywhere in
# Indonesia, so nobody is told that an incident of today lies in the future.
LATEST_TZ = dt.timezone(dt.timedelta(hours=9))
PENDING_SALT = "lapor.pending-uploads"

DISABILITY_CHOICES = [
    ("", _("I prefer not to say / none")),
    ("physical", _("Physical disability")),
    ("visual", _("Visual impairment (blind or low vision)")),
    ("hearing", _("Deaf or hard of hearing / speech")),
    ("intellectual", _("Intellectual disability")),
    ("mental", _("Psychosocial (mental) disability")),
    ("multiple", _("Multiple disabilities")),
]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        if not data:
            return []
        files = data if isinstance(data, list | tuple) else [data]
        return [f for f in files if f]


def sign_pending(ids: list[str]) -> str:
    return signing.dumps(ids, salt=PENDING_SALT) if ids else ""


def unsign_pending(token: str) -> list[PendingUpload]:
    """Staged files referenced by the form; a forged or stale token yields nothing."""
    if not token:
        return []
    try:
        ids = signing.loads(token, salt=PENDING_SALT, max_age=24 * 3600)
    except signing.BadSignature:
        return []
    found = {str(p.pk): p for p in PendingUpload.objects.filter(pk__in=ids)}
    return [found[i] for i in ids if i in found]


class AttachmentsMixin(forms.Form):
    attachments = MultipleFileField(
        label=_("Attachments (optional)"),
        required=False,
        widget=MultipleFileInput(
            attrs={"accept": "image/*,application/pdf,audio/*,video/*,.amr,.3gp,.m4a,.ogg,.opus"}
        ),
    )
    pending = forms.CharField(required=False, widget=forms.HiddenInput)


class ReportForm(VoiceReportMixin, AttachmentsMixin, forms.Form):
    kind = forms.ChoiceField(
        label=_("What would you like to send?"),
        choices=Kind.choices,
        initial=Kind.COMPLAINT,
        widget=forms.RadioSelect,
    )
    title = forms.CharField(
        label=_("Report title"),
        min_length=5,
        max_length=150,
        help_text=_(
            "A short summary of at least 5 letters, e.g. “Jalan berlubang di depan SD Negeri 1”."
        ),
        error_messages={
            "required": _("Write a short title for your report, e.g. “Lampu jalan mati”."),
            "min_length": _(
                "The title is too short: write at least %(limit_value)d letters "
                "(you wrote %(show_value)d)."
            ),
            "max_length": _(
                "The title is too long: at most %(limit_value)d letters (you wrote "
                "%(show_value)d). Put the details in the report text."
            ),
        },
    )
    body = forms.CharField(
        label=_("Report text"),
        min_length=20,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "What happened, when, where, and who was involved, in your own words: at least "
            "20 letters."
        ),
        error_messages={
            "required": _("Write what happened: what, when, where and who was involved."),
            "min_length": _(
                "Your text is too short for the agency to act on: write at least "
                "%(limit_value)d letters (you wrote %(show_value)d)."
            ),
            "max_length": _(
                "Your text is too long: at most %(limit_value)d letters (you wrote "
                "%(show_value)d). Attach a document for the rest."
            ),
        },
    )
    incident_date = forms.DateField(
        label=_("Date of the incident"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"],
        help_text=_("If you do not know the exact day, choose a day close to it."),
        error_messages={
            "required": _("Enter the date it happened, e.g. 17-08-2026."),
            "invalid": _("Enter the date as day-month-year, e.g. 17-08-2026."),
        },
    )
    # Pickers: their options are computed only if the form is drawn; validation checks the
    # picked codes directly (see clean()), so a valid POST costs no option lists.
    province = forms.CharField(
        label=_("Province"),
        max_length=13,
        widget=forms.Select,
        error_messages={"required": _("Choose the province where it happened.")},
    )
    regency = forms.CharField(
        label=_("Regency/city"),
        max_length=13,
        widget=forms.Select,
        error_messages={"required": _("Choose the regency or city where it happened.")},
    )
    district = forms.CharField(
        label=_("District (kecamatan)"), max_length=13, required=False, widget=forms.Select
    )
    village = forms.CharField(
        label=_("Village (desa/kelurahan)"), max_length=13, required=False, widget=forms.Select
    )
    address = forms.CharField(
        label=_("Address or landmark (optional)"), max_length=255, required=False
    )
    latitude = forms.DecimalField(
        label=_("Latitude (optional)"),
        required=False,
        max_digits=9,
        decimal_places=6,
        min_value=Decimal("-11.5"),
        max_value=Decimal("6.5"),
    )
    longitude = forms.DecimalField(
        label=_("Longitude (optional)"),
        required=False,
        max_digits=9,
        decimal_places=6,
        min_value=Decimal("94"),
        max_value=Decimal("142"),
    )
    category = forms.CharField(
        label=_("Category (optional)"), max_length=20, required=False, widget=forms.Select
    )
    requested_agency = forms.CharField(
        label=_("Agency addressed (optional)"), max_length=20, required=False, widget=forms.Select
    )
    privacy = forms.ChoiceField(
        label=_("Who may see this report?"),
        choices=Privacy.choices,
        initial=Privacy.PUBLIC,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose who may see your report.")},
    )
    full_name = forms.CharField(
        label=_("Your name (optional)"),
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    phone = forms.CharField(
        label=_("Mobile phone number"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "invalid": _("Enter the e-mail address in full, e.g. nama@contoh.id."),
        },
    )
    disability = forms.ChoiceField(
        label=_("Do you have a disability? (optional, private)"),
        choices=DISABILITY_CHOICES,
        required=False,
        help_text=_("Used only to prioritise help and for anonymous statistics."),
    )
    submission_key = forms.UUIDField(widget=forms.HiddenInput)
    emergency_ack = forms.BooleanField(required=False, widget=forms.HiddenInput)

    # These must tell the truth: the public pages never show a reporter's name or contact
    # (lapor.public scrubs them), whatever was chosen; what differs is what the agency sees.
    PRIVACY_HELP = {
        Privacy.PUBLIC: _(
            "Everyone can read the report on this site, without your name or contact. The "
            "agency that handles it sees your name and contact, to reach you."
        ),
        Privacy.ANONYMOUS: _(
            "Everyone can read the report, but your name and contact are hidden from the "
            "public and from the agency."
        ),
        Privacy.CONFIDENTIAL: _(
            "Only you and the officers who handle it can read the report; it is never published."
        ),
    }
    KIND_HELP = {
        Kind.COMPLAINT: _("Something in a public service went wrong and should be fixed."),
        Kind.ASPIRATION: _("A suggestion or an idea to improve a public service."),
        Kind.INFORMATION_REQUEST: _(
            "You want public information from an agency (Law 14/2008 on public information)."
        ),
        Kind.WHISTLEBLOWING: _(
            "An official is doing wrong: corruption, extortion (pungli), abuse of authority or a "
            "conflict of interest. Always confidential, never published; handled by the "
            "government's internal auditor (Inspektorat), never by the unit you name as "
            "“agency addressed”. Choose “Anonymous” to stay unknown even to the auditor."
        ),
    }

    def __init__(self, *args: Any, language: str = "id", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound and "submission_key" not in self.initial:
            self.initial["submission_key"] = uuid.uuid4()
        province = self._picked("province")
        regency = self._picked("regency")
        district = self._picked("district")
        empty: list[Any] = [("", _("— choose —"))]
        dont_know: list[Any] = [("", _("— I don't know / let the admin choose —"))]
        in_province = bool(province) and regency.startswith(province + ".")
        in_regency = bool(regency) and district.startswith(regency + ".")
        self._choices("province", lambda: empty + children(None))
        self._choices("regency", lambda: empty + (children(province) if province else []))
        self._choices("district", lambda: empty + (children(regency) if in_province else []))
        self._choices("village", lambda: empty + (children(district) if in_regency else []))
        self._choices("category", lambda: dont_know + list(category_choices(language)))
        self._choices(
            "requested_agency",
            lambda: dont_know + list(agency_choices(province, regency, district)),
        )
        for name in ("kind", "privacy"):
            self.fields[name].widget.attrs["class"] = "choice-list"

    def _choices(self, name: str, choices: Callable[[], list[Any]]) -> None:
        # A callable is kept lazy by the widget: the query runs only when the page is drawn.
        widget = self.fields[name].widget
        assert isinstance(widget, forms.Select)
        widget.choices = choices  # type: ignore[assignment]  # Django accepts a callable

    def _picked(self, name: str) -> str:
        if self.is_bound:
            return str(self.data.get(self.add_prefix(name), "") or "").strip()
        return str(self.initial.get(name, "") or "")

    def clean_incident_date(self) -> dt.date:
        value: dt.date = self.cleaned_data["incident_date"]
        today_latest = timezone.now().astimezone(LATEST_TZ).date()
        if value > today_latest:
            raise forms.ValidationError(
                _("The incident date cannot be in the future."), code="future"
            )
        if value < dt.date(1945, 8, 17):
            raise forms.ValidationError(_("Please check the year of the incident."), code="old")
        return value

    def clean_phone(self) -> str:
        raw = self.cleaned_data.get("phone", "")
        if not raw:
            return ""
        phone = normalize_phone(raw)
        if phone is None:
            raise forms.ValidationError(
                _("Enter a valid phone number, e.g. 0812 3456 7890."), code="phone"
            )
        return phone

    def clean_category(self) -> Category | None:
        value = self.cleaned_data.get("category")
        if not value:
            return None
        found = (
            Category.objects.filter(pk=value, is_active=True).first() if value.isdigit() else None
        )
        if found is None:
            raise forms.ValidationError(_("Choose a category from the list."), code="invalid")
        return found

    def clean_requested_agency(self) -> Agency | None:
        value = self.cleaned_data.get("requested_agency")
        if not value:
            return None
        found = (
            Agency.objects.filter(pk=value, is_active=True, accepts_reports=True).first()
            if value.isdigit()
            else None
        )
        if found is None:
            raise forms.ValidationError(_("Choose an agency from the list."), code="invalid")
        return found

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if not data.get("phone") and not data.get("email") and "phone" not in self.errors:
            self.add_error(
                "phone",
                forms.ValidationError(
                    _(
                        "Give a mobile phone number or an e-mail address (or both) so we can "
                        "tell you what happens to your report. If you have neither, ask a "
                        "relative, a neighbour or the village office for one you can use."
                    ),
                    code="contact",
                ),
            )
        province, regency = data.get("province", ""), data.get("regency", "")
        if province and regency:
            region = resolve_chain(
                province, regency, data.get("district", ""), data.get("village", "")
            )
            if region is None:
                self.add_error(
                    "regency",
                    forms.ValidationError(
                        _(
                            "The chosen places do not belong together. Choose them again "
                            "from the province down."
                        ),
                        code="region_chain",
                    ),
                )
            data["region"] = region
        return data

    def report_fields(self) -> dict[str, Any]:
        """The keyword arguments of ``report_submit`` this form fills (after ``is_valid``);
        every interface that files with this form (citizen page, desk) passes them on."""
        data = self.cleaned_data
        return {
            "kind": data["kind"],
            "title": data["title"],
            "body": data["body"],
            "incident_date": data["incident_date"],
            "region": data["region"],
            "privacy": data["privacy"],
            "contact": ReporterContact(
                full_name=data["full_name"],
                email=data["email"],
                phone=data["phone"],
                disability=data["disability"],
            ),
            "address": data["address"],
            "latitude": data["latitude"],
            "longitude": data["longitude"],
            "category": data["category"],
            "requested_agency": data["requested_agency"],
            "submission_key": data["submission_key"],
        }


class TrackForm(forms.Form):
    tracking_id = forms.CharField(
        label=_("Tracking number"),
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    pin = forms.CharField(
        label=pgettext_lazy("secret code", "PIN"),
        max_length=12,
        widget=forms.PasswordInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )


class AddInfoForm(AttachmentsMixin, forms.Form):
    message = forms.CharField(
        label=_("Additional information"),
        required=False,
        max_length=5_000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class ReplyForm(VoiceReplyMixin, AttachmentsMixin, forms.Form):
    message = forms.CharField(
        label=_("Your reply to the agency"),
        max_length=5_000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Say whether the problem is solved, or what is still wrong."),
    )


RATING_CHOICES = [
    ("5", _("5 — very satisfied")),
    ("4", _("4 — satisfied")),
    ("3", _("3 — neither satisfied nor dissatisfied")),
    ("2", _("2 — dissatisfied")),
    ("1", _("1 — very dissatisfied")),
]


class CloseForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How satisfied are you with how your report was handled?"),
        choices=RATING_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment (optional)"),
        required=False,
        max_length=2_000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class DisputeForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the problem not solved?"),
        max_length=5_000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Your report will be reopened and checked by the agency's superiors."),
    )


class PinResetForm(forms.Form):
    tracking_id = forms.CharField(
        label=_("Tracking number"),
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        error_messages={"required": _("Enter the tracking number from your receipt.")},
    )
    contact = forms.CharField(
        label=_("The mobile phone number or e-mail address you gave"),
        max_length=254,
        help_text=_("We send a code there: by SMS to a phone number, by e-mail to an address."),
        error_messages={"required": _("Enter the phone number or the e-mail address you gave.")},
    )


class PinCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=12,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
        error_messages={"required": _("Enter the six-digit code from the message.")},
    )


class ReceiptSendForm(forms.Form):
    channel = forms.ChoiceField(
        choices=[("sms", _("By SMS")), ("email", _("By e-mail"))], widget=forms.HiddenInput
    )
