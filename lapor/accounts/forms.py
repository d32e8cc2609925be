from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import authenticate, password_validation
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from lapor.accounts.models import User
from lapor.accounts.phones import normalize_phone


def parse_login(raw: str) -> dict[str, str]:
    """{"email": ...} or {"phone": "+62..."} from what the person typed; else a form error."""
    raw = raw.strip()
    if "@" in raw:
        return {"email": forms.EmailField().clean(raw).lower()}
    phone = normalize_phone(raw)
    if phone is None:
        raise forms.ValidationError(
            _("Enter a valid e-mail address or phone number, e.g. 0812 3456 7890."),
            code="invalid",
        )
    return {"phone": phone}


class RegisterForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    login = forms.CharField(
        label=_("E-mail address or mobile phone number"),
        max_length=254,
        help_text=_("You will log in with it, and we will tell you about your reports there."),
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 8 characters; not only digits, not a common word."),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean_login(self) -> dict[str, str]:
        # Whether the login already has an account is NOT checked here: the form would tell
        # anyone. The view sends that login's owner a message instead (verification.py).
        return parse_login(self.cleaned_data["login"])

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        p1, p2 = data.get("password1"), data.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("The two passwords are not the same."))
        elif p1:
            login = data.get("login") or {}
            probe = User(full_name=data.get("full_name", ""), **login)
            try:
                password_validation.validate_password(p1, probe)
            except forms.ValidationError as exc:
                self.add_error("password1", exc)
        return data


class LoginForm(forms.Form):
    login = forms.CharField(label=_("E-mail address or mobile phone number"), max_length=254)
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> None:
        self.request = request
        self.user: User | None = None
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("login") and data.get("password"):
            user = authenticate(self.request, username=data["login"], password=data["password"])
            if user is None:
                raise forms.ValidationError(
                    _("That login and password do not match an account."), code="invalid_login"
                )
            self.user = user  # type: ignore[assignment]
        return data


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from the SMS"),
        max_length=6,
        min_length=6,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "pattern": "[0-9]*"}
        ),
    )


class ResetRequestForm(forms.Form):
    login = forms.CharField(label=_("E-mail address or mobile phone number"), max_length=254)

    def clean_login(self) -> dict[str, str]:
        return parse_login(self.cleaned_data["login"])


class SmsResetForm(CodeForm):
    new_password1 = forms.CharField(
        label=_("New password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 8 characters; not only digits, not a common word."),
    )
    new_password2 = forms.CharField(
        label=_("New password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        p1, p2 = data.get("new_password1"), data.get("new_password2")
        if p1 and p2 and p1 != p2:
            self.add_error("new_password2", _("The two passwords are not the same."))
        elif p1:
            try:
                password_validation.validate_password(p1)
            except forms.ValidationError as exc:
                self.add_error("new_password1", exc)
        return data


class TotpForm(forms.Form):
    token = forms.CharField(
        label=_("6-digit code from your authenticator app"),
        max_length=6,
        min_length=6,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "pattern": "[0-9]*"}
        ),
    )
