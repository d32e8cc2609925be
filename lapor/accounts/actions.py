from __future__ import annotations

from django.db import transaction
from django.utils import timezone

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
    """Create a reporter account, identified by an e-mail address or a phone number.

    It may log in at once but opens reports only once its login is proved
    (``account_verify_contact``)."""
    return User.objects.create_user(
        email=email,
        phone=phone,
        password=password,
        full_name=full_name.strip(),
        preferred_language=language,
    )


def account_verify_contact(*, user: User) -> None:
    """The person proved the login (e-mail link, SMS code, or a password reset through it)."""
    if user.contact_verified_at is None:
        user.contact_verified_at = timezone.now()
        user.save(update_fields=["contact_verified_at"])


@transaction.atomic
def account_reset_password(*, user: User, password: str) -> None:
    """A new password by an e-mail link or SMS code: it also proves the login, and lifts any
    login lock on the account (django-axes)."""
    from axes.utils import reset as axes_reset

    user.set_password(password)
    user.save(update_fields=["password"])
    account_verify_contact(user=user)
    for login in filter(None, (user.email, user.phone)):
        axes_reset(username=login.lower())
