from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.http import HttpRequest

from lapor.accounts.models import User
from lapor.accounts.phones import normalize_phone


class EmailOrPhoneBackend(ModelBackend):
    """Log in with an e-mail address or a phone number (any common Indonesian spelling)."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> User | None:
        login = (username or kwargs.get("email") or "").strip()
        if not login or password is None:
            return None
        if "@" in login:
            user = User.objects.filter(email__iexact=login).first()
        else:
            phone = normalize_phone(login)
            user = User.objects.filter(phone=phone).first() if phone else None
        if user is None:
            # Spend the same time as a real check so the response time does not reveal accounts.
            User().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
