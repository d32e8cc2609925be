from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import authenticate, password_validation
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from lapor.accounts.models import User
from lapor.accounts.phones import normalize_phone


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
        raw = self.cleaned_data["login"].strip()
        if "@" in raw:
            email = forms.EmailField().clean(raw).lower()
            if User.objects.filter(email__iexact=email).exists():
                raise forms.ValidationError(
                    _("An account with this e-mail address already exists. Log in instead."),
                    code="taken",
                )
            return {"email": email}
        phone = normalize_phone(raw)
        if phone is None:
            raise forms.ValidationError(
                _("Enter a valid e-mail address or phone number, e.g. 0812 3456 7890."),
                code="invalid",
            )
        if User.objects.filter(phone=phone).exists():
            raise forms.ValidationError(
                _("An account with this phone number already exists. Log in instead."),
                code="taken",
            )
        return {"phone": phone}

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
