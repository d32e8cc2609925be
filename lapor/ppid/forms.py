"""Forms of the public-information service. They parse and validate; ``lapor.ppid.actions``
writes. Every rule the action enforces is also checked here so the person sees the message
beside the field, with everything they typed kept."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lapor.accounts.phones import normalize_phone
from lapor.agencies.models import Agency
from lapor.agencies.selectors import agency_choices
from lapor.regions.selectors import children, resolve_chain
from lapor.web.forms import AttachmentsMixin

from .actions import Answer, EntryData, Requester, requester_problems
from .models import (
    Decision,
    Delivery,
    DisputeOutcome,
    EntryCategory,
    ExemptionGround,
    ObjectionGround,
    Obtain,
    Outcome,
    RequesterKind,
)

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATE_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]


class IdentityFields(forms.Form):
    """The identity the law requires (UU 14/2008 Pasal 4 and 22; Perki 1/2021)."""

    requester_kind = forms.ChoiceField(
        label=_("Who is asking?"),
        choices=RequesterKind.choices,
        initial=RequesterKind.PERSON,
        widget=forms.RadioSelect(attrs={"class": "choice-list"}),
    )
    id_number = forms.CharField(
        label=_("NIK, or the legal entity's registration"),
        max_length=64,
        help_text=_(
            "A person: the 16-digit NIK on the identity card (KTP). A legal entity: the number "
            "of its deed of establishment or of its legal-entity decree."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    full_name = forms.CharField(
        label=_("Name (of the person or of the entity)"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    representative = forms.CharField(
        label=_("For a legal entity: the person acting for it"), max_length=150, required=False
    )
    address = forms.CharField(
        label=_("Address"),
        max_length=255,
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}),
    )
    occupation = forms.CharField(label=_("Occupation"), max_length=120)
    phone = forms.CharField(
        label=_("Mobile phone number"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    FIELD_OF = {
        "kind": "requester_kind",
        "id_number": "id_number",
        "full_name": "full_name",
        "representative": "representative",
        "address": "address",
        "occupation": "occupation",
        "phone": "phone",
    }

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

    def requester(self) -> Requester:
        data = self.cleaned_data
        return Requester(
            kind=data.get("requester_kind", RequesterKind.PERSON),
            id_number=data.get("id_number", ""),
            full_name=data.get("full_name", ""),
            representative=data.get("representative", ""),
            address=data.get("address", ""),
            occupation=data.get("occupation", ""),
            phone=data.get("phone", ""),
            email=data.get("email", ""),
        )

    def check_identity(self) -> None:
        for field, message in requester_problems(self.requester()).items():
            name = self.FIELD_OF.get(field, field)
            if name in self.fields and name not in self.errors:
                self.add_error(name, message)


class HowFields(forms.Form):
    purpose = forms.CharField(
        label=_("What will you use the information for?"),
        max_length=2_000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    obtain = forms.ChoiceField(
        label=_("How do you want to obtain it?"),
        choices=Obtain.choices,
        initial=Obtain.SOFTCOPY,
        widget=forms.RadioSelect(attrs={"class": "choice-list"}),
    )
    delivery = forms.ChoiceField(
        label=_("How should a copy reach you?"),
        choices=Delivery.choices,
        initial=Delivery.EMAIL,
        widget=forms.RadioSelect(attrs={"class": "choice-list"}),
    )


class RequestForm(IdentityFields, HowFields):
    """The public information request form (web, desk); the API fills it too."""

    province = forms.CharField(
        label=_("Province where you live"), max_length=13, widget=forms.Select
    )
    regency = forms.CharField(
        label=_("Regency/city where you live"), max_length=13, widget=forms.Select
    )
    agency = forms.CharField(
        label=_("Which agency do you ask?"),
        max_length=20,
        widget=forms.Select,
        help_text=_(
            "The public body that should have the information. Its information officer (PPID) "
            "answers; if another body holds it, the request is forwarded there."
        ),
    )
    title = forms.CharField(
        label=_("What information do you want? (short)"),
        min_length=5,
        max_length=150,
        help_text=_("E.g. “Budget of the road repairs in Depok district, 2026”."),
    )
    information = forms.CharField(
        label=_("Details of the information"),
        min_length=10,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Which documents, which period, which place: the more precise, the faster."),
    )
    submission_key = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound and "submission_key" not in self.initial:
            self.initial["submission_key"] = uuid.uuid4()
        province = self._picked("province")
        regency = self._picked("regency")
        empty: list[Any] = [("", _("— choose —"))]
        in_province = bool(province) and regency.startswith(province + ".")
        self._choices("province", lambda: empty + children(None))
        self._choices("regency", lambda: empty + (children(province) if province else []))
        self._choices(
            "agency",
            lambda: empty + list(agency_choices(province, regency if in_province else "", "")),
        )

    def _choices(self, name: str, choices: Callable[[], list[Any]]) -> None:
        widget = self.fields[name].widget
        assert isinstance(widget, forms.Select)
        widget.choices = choices  # type: ignore[assignment]

    def _picked(self, name: str) -> str:
        if self.is_bound:
            return str(self.data.get(self.add_prefix(name), "") or "").strip()
        return str(self.initial.get(name, "") or "")

    def clean_agency(self) -> Agency:
        value = self.cleaned_data.get("agency", "")
        found = (
            Agency.objects.filter(pk=value, is_active=True).first()
            if str(value).isdigit()
            else None
        )
        if found is None:
            raise forms.ValidationError(_("Choose an agency from the list."), code="invalid")
        return found

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        self.check_identity()
        province, regency = data.get("province", ""), data.get("regency", "")
        region = resolve_chain(province, regency) if province and regency else None
        if province and regency and region is None:
            self.add_error(
                "regency",
                forms.ValidationError(
                    _("The chosen places do not belong together. Choose them again."),
                    code="region_chain",
                ),
            )
        data["region"] = region
        return data

    def request_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "requester": self.requester(),
            "title": data["title"],
            "information": data["information"],
            "purpose": data["purpose"],
            "agency": data["agency"],
            "region": data["region"],
            "obtain": data["obtain"],
            "delivery": data["delivery"],
            "submission_key": data["submission_key"],
        }


class IdentityForm(IdentityFields, HowFields):
    """A request converted from a complaint: the identity and purpose the law requires."""

    def clean(self) -> dict[str, Any]:
        super().clean()
        self.check_identity()
        return self.cleaned_data


class ClarifyForm(AttachmentsMixin, forms.Form):
    message = forms.CharField(
        label=_("Your answer or additional information"),
        max_length=5_000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class ObjectionForm(forms.Form):
    grounds = forms.MultipleChoiceField(
        label=_("Grounds of the objection (Article 35 of UU 14/2008)"),
        choices=ObjectionGround.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    reason = forms.CharField(
        label=_("Your objection"),
        min_length=10,
        max_length=5_000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What you disagree with, and what you ask the PPID's superior to decide."),
    )

    def __init__(self, *args: Any, grounds: list[str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if grounds is not None:
            field = self.fields["grounds"]
            assert isinstance(field, forms.MultipleChoiceField)
            field.choices = [(v, label) for v, label in ObjectionGround.choices if v in grounds]


class CommissionForm(forms.Form):
    filed_on = forms.DateField(
        label=_("Date you filed with the Information Commission"),
        widget=DATE_WIDGET,
        input_formats=DATE_FORMATS,
    )
    commission = forms.CharField(
        label=_("Which Information Commission"),
        max_length=200,
        help_text=_("E.g. Komisi Informasi Daerah Istimewa Yogyakarta, or Komisi Informasi Pusat."),
    )
    register_number = forms.CharField(
        label=_("Its register number (if you have it)"), max_length=100, required=False
    )

    def clean_filed_on(self) -> dt.date:
        value: dt.date = self.cleaned_data["filed_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."), code="future")
        return value


# --- console ----------------------------------------------------------------------------


class AnswerForm(AttachmentsMixin, forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=Decision.choices,
        widget=forms.RadioSelect(attrs={"class": "choice-list"}),
    )
    explanation = forms.CharField(
        label=_("The notice: what is given, or why not"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    form = forms.ChoiceField(
        label=_("Form of the information given"),
        choices=[("", "—"), *Obtain.choices],
        required=False,
    )
    delivery = forms.ChoiceField(
        label=_("How it is delivered"), choices=[("", "—"), *Delivery.choices], required=False
    )
    collect_place = forms.CharField(
        label=_("Where it can be collected"), max_length=255, required=False
    )
    collect_time = forms.CharField(
        label=_("When it can be collected"), max_length=255, required=False
    )
    cost = forms.IntegerField(
        label=_("Copying and postage cost (rupiah; 0 if free)"),
        min_value=0,
        max_value=100_000_000,
        initial=0,
        required=False,
    )
    cost_detail = forms.CharField(
        label=_("How the cost is reckoned"), max_length=255, required=False
    )
    exemption_ground = forms.ChoiceField(
        label=_("Exemption ground (Article 17 of UU 14/2008)"),
        choices=[("", "—"), *ExemptionGround.choices],
        required=False,
    )
    exemption_law = forms.CharField(
        label=_("For ground (j): the law that forbids disclosure"), max_length=255, required=False
    )
    consequence_test = forms.CharField(
        label=_("Consequence test (uji konsekuensi)"),
        max_length=10_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "What harm opening the information would cause, and why withholding it serves a "
            "greater public interest (Article 19)."
        ),
    )
    withheld = forms.CharField(
        label=_("For a partial grant: the part withheld"),
        max_length=5_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    holder_agency = forms.CharField(
        label=_("Not held: the agency that holds it (the request is forwarded to its PPID)"),
        max_length=20,
        required=False,
        widget=forms.Select,
    )
    holder_name = forms.CharField(
        label=_("Not held, and the holder is not in the list: its name"),
        max_length=255,
        required=False,
    )
    documented_by = forms.DateField(
        label=_("Not yet documented: documented by"),
        required=False,
        widget=DATE_WIDGET,
        input_formats=DATE_FORMATS,
    )

    def __init__(self, *args: Any, holders: list[Agency] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        options: list[Any] = [("", "—")] + [(str(a.pk), a.name) for a in holders or []]
        widget = self.fields["holder_agency"].widget
        assert isinstance(widget, forms.Select)
        widget.choices = options

    def clean_holder_agency(self) -> Agency | None:
        value = self.cleaned_data.get("holder_agency", "")
        if not value:
            return None
        found = (
            Agency.objects.filter(pk=value, is_active=True).first()
            if str(value).isdigit()
            else None
        )
        if found is None:
            raise forms.ValidationError(_("Choose an agency from the list."), code="invalid")
        return found

    def answer(self) -> Answer:
        d = self.cleaned_data
        return Answer(
            decision=d["decision"],
            explanation=d["explanation"],
            form=d.get("form") or "",
            delivery=d.get("delivery") or "",
            collect_place=d.get("collect_place") or "",
            collect_time=d.get("collect_time") or "",
            cost=d.get("cost") or 0,
            cost_detail=d.get("cost_detail") or "",
            exemption_ground=d.get("exemption_ground") or "",
            exemption_law=d.get("exemption_law") or "",
            consequence_test=d.get("consequence_test") or "",
            withheld=d.get("withheld") or "",
            holder_agency=d.get("holder_agency"),
            holder_name=d.get("holder_name") or "",
            documented_by=d.get("documented_by"),
        )


class ExtendForm(forms.Form):
    reason = forms.CharField(
        label=_("Written reason for the extension (sent to the requester)"),
        max_length=2_000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AskForm(forms.Form):
    question = forms.CharField(
        label=_("What should the requester clarify?"),
        max_length=2_000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class PublishForm(forms.Form):
    title = forms.CharField(label=_("Title in the list of public information"), max_length=255)
    summary = forms.CharField(
        label=_("Summary (never the requester's identity)"),
        max_length=5_000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    released_files = forms.MultipleChoiceField(
        label=_("Released files to publish"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, files: list[Any] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["released_files"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = [(str(f.pk), f.original_name) for f in files or []]


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Decision on the objection"),
        choices=Outcome.choices,
        widget=forms.RadioSelect(attrs={"class": "choice-list"}),
    )
    considerations = forms.CharField(
        label=_("Considerations"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    order = forms.CharField(
        label=_("What the PPID must now provide, and by when"),
        max_length=5_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class StaffCommissionForm(CommissionForm):
    pass


class DisputeOutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome at the Information Commission"),
        choices=DisputeOutcome.choices,
        widget=forms.RadioSelect(attrs={"class": "choice-list"}),
    )
    outcome_on = forms.DateField(
        label=_("Date of the outcome"), widget=DATE_WIDGET, input_formats=DATE_FORMATS
    )
    note = forms.CharField(
        label=_("Note (e.g. the decision's number)"),
        max_length=5_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ConvertForm(forms.Form):
    message = forms.CharField(
        label=_("What changes and why (sent to the person)"),
        max_length=2_000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ConvertToRequestForm(ConvertForm):
    agency = forms.CharField(
        label=_("The agency the information is asked from"), max_length=20, widget=forms.Select
    )

    def __init__(self, *args: Any, agencies: list[Agency] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        widget = self.fields["agency"].widget
        assert isinstance(widget, forms.Select)
        widget.choices = [("", _("— choose —"))] + [(str(a.pk), a.name) for a in agencies or []]

    def clean_agency(self) -> Agency:
        value = self.cleaned_data.get("agency", "")
        found = (
            Agency.objects.filter(pk=value, is_active=True).first()
            if str(value).isdigit()
            else None
        )
        if found is None:
            raise forms.ValidationError(_("Choose an agency from the list."), code="invalid")
        return found


class EntryForm(forms.Form):
    category = forms.ChoiceField(label=_("Kind of information"), choices=EntryCategory.choices)
    title = forms.CharField(label=_("Title"), max_length=255)
    summary = forms.CharField(
        label=_("Summary of its content"),
        max_length=5_000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    holder = forms.CharField(
        label=_("Official or unit that holds it"), max_length=255, required=False
    )
    responsible = forms.CharField(label=_("Person in charge"), max_length=255, required=False)
    period = forms.CharField(label=_("When it is made"), max_length=120, required=False)
    form = forms.CharField(label=_("Form (softcopy/hardcopy)"), max_length=120, required=False)
    retention = forms.CharField(label=_("How long it is kept"), max_length=120, required=False)
    link = forms.URLField(label=_("Link (optional)"), required=False, assume_scheme="https")
    exemption_ground = forms.ChoiceField(
        label=_("Exempted: ground (Article 17)"),
        choices=[("", "—"), *ExemptionGround.choices],
        required=False,
    )
    exemption_law = forms.CharField(label=_("Exempted: the law"), max_length=255, required=False)
    consequence_test = forms.CharField(
        label=_("Exempted: summary of the consequence test"),
        max_length=5_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    exempt_until = forms.CharField(
        label=_("Exempted: for how long"), max_length=120, required=False
    )

    def entry_data(self) -> EntryData:
        d = self.cleaned_data
        return EntryData(**{name: d.get(name) or "" for name in EntryData.__dataclass_fields__})
