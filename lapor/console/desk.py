"""Walk-in and telephone desks: an officer files a report on behalf of a person.

Interface only, like the rest of the console: ``DeskReportForm`` is the citizen's
``ReportForm`` plus what a desk records (the channel, the person's consent, that the privacy
choice was read out), and the write is ``lapor.reports.actions.report_submit`` with
``filed_by`` — one tracking ID and PIN whatever the channel ("no wrong door").

Who may: holders of ``Capability.FILE_ON_BEHALF`` (national admins, agency admins, liaison
officers; docs/permissions.md). Everyone else gets the console's 404. The desk is not scoped
to an agency: a person may report anything at any desk.

The officer typed the identity, but gains no reporter's rights from it: the report's
``reporter_user`` stays empty, the officer is only the ``submitted`` event's actor, and the
identity is afterwards read under the ordinary rules (for an anonymous report: national admins
only). The receipt page shows the tracking ID and PIN, never the identity, and only to the
session that filed the report; the officer can forget the PIN once it is handed over.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lapor.accounts.models import User
from lapor.agencies.capabilities import Capability, holds
from lapor.console.views import _console_context, _staff_user
from lapor.core.errors import DomainError
from lapor.notifications.compose import site_url
from lapor.reports import actions, emergency, pin_vault
from lapor.reports.models import CONSENT_BY_CHANNEL, Channel, Consent, Privacy, Report
from lapor.reports.tracking import normalize_tracking_id
from lapor.web.filing import read_filing, render_filing_form
from lapor.web.forms import ReportForm

# The session's receipts: {tracking_id: {"by": user id, ...}}; the last few only. Their PINs
# are held sealed apart (DESK_PINS, lapor.reports.pin_vault): the key stays in the browser.
DESK_RECEIPTS = "desk_receipts"
DESK_PINS = "desk_receipt_pins"
MAX_RECEIPTS = 20


class DeskReportForm(ReportForm):
    """The citizen form, seen from the desk: the same report fields and checks, plus the
    channel, the person's consent and the confirmation that the privacy choice was read out."""

    channel = forms.ChoiceField(
        label=gettext_lazy("How did the person come to the desk?"),
        choices=[(Channel.DESK, Channel.DESK.label), (Channel.PHONE, Channel.PHONE.label)],
        widget=forms.RadioSelect,
    )
    consent = forms.ChoiceField(
        label=gettext_lazy("How did the person agree to this report being filed for them?"),
        choices=Consent.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": gettext_lazy(
                "Record how the person agreed to this report being filed for them."
            )
        },
    )
    consent_note = forms.CharField(
        label=gettext_lazy("Consent reference (optional)"),
        max_length=255,
        required=False,
        help_text=gettext_lazy(
            "E.g. the number of the signed form, or the time of the call. No personal data."
        ),
    )
    person_language = forms.ChoiceField(
        label=gettext_lazy("Language of the messages to the person"),
        choices=[("id", "Bahasa Indonesia"), ("en", "English")],
        initial="id",
        help_text=gettext_lazy("Whatever language this console is shown in."),
    )
    privacy_read_out = forms.BooleanField(
        label=gettext_lazy(
            "I read the three privacy choices out to the person and marked the one they chose."
        ),
        error_messages={
            "required": gettext_lazy(
                "Read the privacy choices out to the person and confirm that you did."
            )
        },
    )

    CHANNEL_HELP = {
        Channel.DESK: gettext_lazy("The person is here at the counter."),
        Channel.PHONE: gettext_lazy("The person is on the telephone."),
    }
    CONSENT_HELP = {
        Consent.SPOKEN_PHONE: gettext_lazy("Telephone desk only."),
        Consent.SPOKEN_IN_PERSON: gettext_lazy("Walk-in desk only."),
        Consent.SIGNED_FORM: gettext_lazy("Walk-in desk only: keep the form with the file."),
    }
    PRIVACY_HELP = {
        Privacy.PUBLIC: gettext_lazy("Everyone can read the report and see the person's name."),
        Privacy.ANONYMOUS: gettext_lazy(
            "Everyone can read the report, but the person's name and contact are hidden from "
            "the public and from the agency — and from you, once it is filed."
        ),
        Privacy.CONFIDENTIAL: gettext_lazy(
            "Only the person and the officers who handle it can read the report; it is never "
            "published."
        ),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["full_name"].label = gettext_lazy("The person's name")
        self.fields["full_name"].required = True
        self.fields["phone"].label = gettext_lazy("The person's mobile phone number")
        self.fields["email"].label = gettext_lazy("The person's e-mail address")
        self.fields["disability"].label = gettext_lazy(
            "Disability or need for assistance (optional, private)"
        )
        self.fields["disability"].help_text = gettext_lazy(
            "Ask only if the person wants to say. Used to prioritise help and for anonymous "
            "statistics."
        )
        for name in ("channel", "consent"):
            self.fields[name].widget.attrs["class"] = "choice-list"

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        channel = data.get("channel")
        # At the walk-in desk the printed receipt reaches the person: a phone number or an
        # e-mail address is welcome, not required. On the telephone the number is required.
        if channel == Channel.DESK:
            errors = self.errors.get("phone")
            if errors is not None and all(e.code == "contact" for e in errors.as_data()):
                del self.errors["phone"]
                data["phone"] = ""
        elif channel == Channel.PHONE and not data.get("phone") and "phone" not in self.errors:
            self.add_error(
                "phone",
                forms.ValidationError(
                    _("Write down the number the person can be reached at."), code="contact"
                ),
            )
        consent = data.get("consent")
        if channel and consent and consent not in CONSENT_BY_CHANNEL[Channel(channel)]:
            self.add_error(
                "consent",
                forms.ValidationError(
                    _("This way of consenting does not fit the channel: %(channel)s.")
                    % {"channel": Channel(channel).label},
                    code="consent_channel",
                ),
            )
        return data


DESK_FORM = "console/desk_form.html"


def _desk_user(request: HttpRequest) -> User:
    """A staff member who may file on behalf of people; everyone else the console's 404."""
    user = _staff_user(request)
    if not holds(user, Capability.FILE_ON_BEHALF):
        raise Http404
    return user


@login_required
@require_http_methods(["GET", "POST"])
def desk_new(request: HttpRequest) -> HttpResponse:
    """The "file for a person" form; a success redirects to the printable receipt."""
    user = _desk_user(request)
    language = get_language() or "id"
    context: dict[str, Any] = {
        **_console_context(user),
        "console_page": "desk",
        "emergency_pattern": emergency.js_pattern(),
    }
    if request.method != "POST":
        blank = DeskReportForm(
            initial={"channel": Channel.DESK, "person_language": "id"}, language=language
        )
        return _render(request, blank, [], [], context)

    filing = read_filing(request, DeskReportForm, language)
    form, pending = filing.form, filing.pending
    if not filing.ready:
        context["emergency_detected"] = filing.emergency_detected
        return _render(request, form, pending, filing.file_errors, context)
    data = form.cleaned_data
    try:
        submitted = actions.report_submit(
            **form.report_fields(),
            channel=data["channel"],
            uploads=pending,
            language=data["person_language"],
            emergency_suspected=filing.emergency,
            filed_by=user,
            consent=data["consent"],
            consent_note=data["consent_note"],
        )
    except DomainError as exc:
        form.add_error(None, exc.message)
        return _render(request, form, pending, [], context)

    report = submitted.report
    receipts = dict(request.session.get(DESK_RECEIPTS, {}))
    if submitted.created:
        pin_vault.hold(
            request, DESK_PINS, report.tracking_id, submitted.pin or "", keep=MAX_RECEIPTS
        )
        receipts[report.tracking_id] = {
            "by": user.pk,
            # What the receipt may say about how the person hears, not the contact itself.
            "email": bool(data["email"]),
            "phone": bool(data["phone"]),
        }
        request.session[DESK_RECEIPTS] = dict(list(receipts.items())[-MAX_RECEIPTS:])
    elif report.tracking_id not in receipts:
        # A repeat of a form filed from another session: do not reveal that report.
        raise Http404
    return redirect("console:desk_receipt", tracking_id=report.tracking_id)


def _render(
    request: HttpRequest,
    form: ReportForm,
    pending: list,
    file_errors: list[str],
    context: dict[str, Any],
) -> HttpResponse:
    return render_filing_form(
        request, "console/desk_form.html", form, pending, file_errors, context
    )


def _receipt(request: HttpRequest, user: User, tracking_id: str) -> tuple[Report, dict]:
    """The report filed in this session by ``user``, with its receipt entry; else 404."""
    tracking_id = normalize_tracking_id(tracking_id)
    entry = request.session.get(DESK_RECEIPTS, {}).get(tracking_id)
    if entry is None or entry.get("by") != user.pk:
        raise Http404
    report = Report.objects.filter(tracking_id=tracking_id).first()
    if report is None:
        raise Http404
    return report, entry


@login_required
@require_GET
def desk_receipt(request: HttpRequest, tracking_id: str) -> HttpResponse:
    """The receipt to print and hand over, or to read out on the telephone."""
    user = _desk_user(request)
    report, entry = _receipt(request, user, tracking_id)
    return render(
        request,
        "console/desk_receipt.html",
        {
            **_console_context(user),
            "console_page": "desk",
            "report": report,
            # Until the officer marks it handed over: a failed print can be repeated.
            "pin": pin_vault.peek(request, DESK_PINS, report.tracking_id),
            "tells_by_email": entry.get("email", False),
            "has_phone": entry.get("phone", False),
            "is_phone": report.channel == Channel.PHONE,
            # In full: the paper goes home with the person.
            "track_url": site_url() + reverse("web:track"),
        },
    )


@login_required
@require_POST
def desk_receipt_done(request: HttpRequest, tracking_id: str) -> HttpResponse:
    """The PIN was handed over: forget it in this session (a reprint shows no PIN)."""
    user = _desk_user(request)
    report, _entry = _receipt(request, user, tracking_id)
    pin_vault.drop(request, DESK_PINS, report.tracking_id)
    messages.success(
        request,
        _("Report %(id)s is filed; its PIN is no longer shown on this computer.")
        % {"id": report.tracking_id},
    )
    return redirect("console:desk_new")
