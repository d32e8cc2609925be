from __future__ import annotations

from django.db import transaction

from lapor.accounts.models import User


@transaction.atomic
def account_register(
    *,
    full_name: str,
    password: str,
    email: str | None = None,
    phone: str | None = None,
    language: str = "id",
) -> User:
    """Create a reporter account, identified by an e-mail address or a phone number."""
    return User.objects.create_user(
        email=email,
        phone=phone,
        password=password,
        full_name=full_name.strip(),
        preferred_language=language,
    )
