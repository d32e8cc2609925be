from __future__ import annotations

import contextlib
from typing import Any

from django.conf import settings
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordResetForm, SetPasswordForm
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from lapor.accounts import twofactor, verification
from lapor.accounts.actions import (
    account_register,
    account_reset_password,
    account_verify_contact,
)
from lapor.accounts.forms import (
    CodeForm,
    LoginForm,
    RegisterForm,
    ResetRequestForm,
    SmsResetForm,
    TotpForm,
)
from lapor.accounts.models import User
from lapor.agencies.capabilities import is_staff_member
from lapor.reports.selectors import reports_of_user

BACKEND = "lapor.accounts.backends.EmailOrPhoneBackend"
# The registration waiting for its proof: {"email"|"phone": login, "user": pk or None}.
PENDING = "account_pending_verification"
RESET_PHONE = "account_reset_phone"


def _safe_next(request: HttpRequest, default: str) -> str:
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if next_url and url_has_allowed_host_and_scheme(
        next_url, {request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    return default


@require_http_methods(["GET", "POST"])
def register(request: HttpRequest) -> HttpResponse:
    form = RegisterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        login_data: dict[str, str] = form.cleaned_data["login"]
        if "email" in login_data:
            taken = User.objects.filter(email__iexact=login_data["email"]).exists()
        else:
            taken = User.objects.filter(phone=login_data["phone"]).exists()
        user = None
        try:
            if taken:
                # The same answer as for a new account; only the login's owner hears of it.
                verification.send_already_registered(**login_data)
            else:
                user = account_register(
                    full_name=form.cleaned_data["full_name"],
                    password=form.cleaned_data["password1"],
                    language=get_language() or "id",
                    **login_data,
                )
                verification.send_verification(user)
        except verification.SendFailed:
            pass  # the next page offers "send again"
        request.session[PENDING] = {**login_data, "user": user.pk if user else None}
        return redirect("accounts:verify")
    return render(request, "accounts/register.html", {"form": form})


def _pending(request: HttpRequest) -> tuple[dict[str, Any], User | None]:
    """The login waiting for its proof: this session's registration, or the logged-in user."""
    user = request.user
    if isinstance(user, User) and user.is_authenticated:
        return {"email": user.email} if user.email else {"phone": user.phone}, user
    pending = request.session.get(PENDING)
    if not pending:
        raise Http404
    found = User.objects.filter(pk=pending["user"]).first() if pending.get("user") else None
    return {k: v for k, v in pending.items() if k in ("email", "phone")}, found


@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    """ "Check your e-mail" / "enter the code": the same page whether or not the login was new."""
    login_data, user = _pending(request)
    if user is not None and user.contact_verified:
        return redirect("accounts:my_reports")
    form = CodeForm(request.POST or None)
    sent_again = False
    if request.method == "POST" and "resend" in request.POST:
        subject = login_data.get("email") or login_data.get("phone") or ""
        if verification.resend_wait("verify", subject) == 0:
            try:
                if user is not None:
                    verification.send_verification(user)
                else:
                    verification.send_already_registered(**login_data)
            except verification.SendFailed:
                pass
        sent_again = True
        form = CodeForm()
    elif request.method == "POST" and "phone" in login_data and form.is_valid():
        ok = verification.check_code("verify", login_data["phone"], form.cleaned_data["code"])
        if ok and user is not None:
            account_verify_contact(user=user)
            request.session.pop(PENDING, None)
            if not request.user.is_authenticated:
                login(request, user, backend=BACKEND)
            return redirect(_safe_next(request, "accounts:my_reports"))
        form.add_error("code", verification.CODE_MESSAGES["wrong"])
    return render(
        request,
        "accounts/verify.html",
        {
            "form": form,
            "email": login_data.get("email"),
            "phone": login_data.get("phone"),
            "sent_again": sent_again,
            "next": request.GET.get("next", ""),
        },
    )


def verify_email(request: HttpRequest, token: str) -> HttpResponse:
    user = verification.user_for_email_token(token)
    if user is None:
        return render(request, "accounts/verify_link_invalid.html", status=400)
    account_verify_contact(user=user)
    pending = request.session.get(PENDING) or {}
    if pending.get("user") == user.pk and not request.user.is_authenticated:
        # The browser that registered: in, without typing the password again.
        request.session.pop(PENDING, None)
        login(request, user, backend=BACKEND)
    if request.user.is_authenticated and request.user.pk == user.pk:
        return redirect("accounts:my_reports")
    return render(request, "accounts/verified.html")


@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    form = LoginForm(request, request.POST or None)
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if request.method == "POST" and form.is_valid() and form.user is not None:
        login(request, form.user, backend=BACKEND)
        if next_url and url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
            return redirect(next_url)
        # Staff go to their work queues; reporters to their reports.
        if is_staff_member(form.user):
            return redirect("console:dashboard")
        return redirect("accounts:my_reports")
    return render(request, "accounts/login.html", {"form": form, "next": next_url})


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect("web:home")


@login_required
def my_reports(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)  # login_required
    return render(
        request,
        "accounts/my_reports.html",
        {
            "reports": reports_of_user(user),
            "must_verify": verification.must_verify(user),
            "may_use_two_factor": twofactor.may_use_two_factor(user),
            "has_two_factor": user_has_device(user, confirmed=True),
        },
    )


# --- password reset ----------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def password_reset(request: HttpRequest) -> HttpResponse:
    """By e-mail (a link) or SMS (a code): the same answer whether the account exists or not."""
    form = ResetRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        login_data = form.cleaned_data["login"]
        if "email" in login_data:
            email = login_data["email"]
            if verification.resend_wait("reset", email) == 0:
                verification.mark_sent("reset", email)
                reset_form = PasswordResetForm({"email": email})
                if reset_form.is_valid():
                    # The same answer if the server is down; the person asks again.
                    with contextlib.suppress(Exception):
                        reset_form.save(
                            request=request,
                            use_https=settings.SITE_URL.startswith("https"),
                            domain_override=settings.SITE_URL.split("://", 1)[-1],
                            subject_template_name="accounts/email/reset_subject.txt",
                            email_template_name="accounts/email/reset_body.txt",
                        )
            return render(request, "accounts/reset_sent.html", {"email": email})
        phone = login_data["phone"]
        user = User.objects.filter(phone=phone, is_active=True).first()
        if verification.resend_wait("reset", phone) == 0:
            try:
                if user is not None:
                    code = verification.issue_code("reset", phone)
                    verification.send_sms(phone, _reset_sms(code))
                else:
                    verification.mark_sent("reset", phone)
            except verification.SendFailed:
                pass
        request.session[RESET_PHONE] = phone
        return redirect("accounts:password_reset_code")
    return render(request, "accounts/reset_request.html", {"form": form})


def _reset_sms(code: str) -> str:
    from django.utils.translation import gettext as _

    return _(
        "Lapor: the code to set a new password is %(code)s (15 minutes). Did not ask? "
        "Ignore this SMS."
    ) % {"code": code}


@require_http_methods(["GET", "POST"])
def password_reset_code(request: HttpRequest) -> HttpResponse:
    phone = request.session.get(RESET_PHONE)
    if not phone:
        return redirect("accounts:password_reset")
    form = SmsResetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = User.objects.filter(phone=phone, is_active=True).first()
        if verification.check_code("reset", phone, form.cleaned_data["code"]) and user:
            account_reset_password(user=user, password=form.cleaned_data["new_password1"])
            request.session.pop(RESET_PHONE, None)
            return render(request, "accounts/reset_complete.html")
        form.add_error("code", verification.CODE_MESSAGES["wrong"])
    return render(request, "accounts/reset_code.html", {"form": form, "phone": phone})


class ResetConfirmView(auth_views.PasswordResetConfirmView):
    """The e-mail link's page: Django's single-use token (it dies with the password change)."""

    template_name = "accounts/reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form: SetPasswordForm) -> HttpResponse:  # type: ignore[type-arg]
        account_reset_password(user=form.user, password=form.cleaned_data["new_password1"])
        del self.request.session[auth_views.INTERNAL_RESET_SESSION_TOKEN]
        return redirect(self.success_url)


def password_reset_complete(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/reset_complete.html")


# --- two-factor (TOTP) ---------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    if not twofactor.may_use_two_factor(user):
        raise Http404
    if user_has_device(user, confirmed=True):
        return redirect("accounts:my_reports")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
    form = TotpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            return redirect(_safe_next(request, "accounts:my_reports"))
        form.add_error("token", verification.CODE_MESSAGES["wrong_totp"])
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "secret": twofactor.secret_of(device),
            "qr": twofactor.qr_data_uri(device.config_url),
            "required": twofactor.requires_two_factor(user),
            "next": request.GET.get("next", ""),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def two_factor_verify(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        return redirect("accounts:two_factor_setup")
    form = TotpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        allowed, _info = device.verify_is_allowed()
        if allowed and device.verify_token(form.cleaned_data["token"]):
            otp_login(request, device)
            return redirect(_safe_next(request, "console:dashboard"))
        form.add_error(
            "token",
            verification.CODE_MESSAGES["wrong_totp" if allowed else "wait_totp"],
        )
    return render(
        request,
        "accounts/two_factor_verify.html",
        {"form": form, "next": request.GET.get("next", "")},
    )
