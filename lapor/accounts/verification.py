"""Proving a login (e-mail link or SMS code) and password resets by SMS code.

Codes and links are sent at once, not through the outbox: they are useful for minutes, the
person is waiting for them, and they must never sit readable in a table. A code is kept only as
an HMAC in the cache, with a try counter (five wrong codes and it is void) and a resend pause.
An e-mail link is a signed, expiring token naming the account and the address it proves.

Nothing here tells a caller whether an account exists: registration with a login that is
taken sends that login a "you already have an account" message instead, and answers the same.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.mail import send_mail
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lapor.accounts.models import User

logger = logging.getLogger(__name__)

CODE_DIGITS = 6
CODE_TTL = 15 * 60
MAX_CODE_TRIES = 5
RESEND_PAUSE = 60
EMAIL_LINK_MAX_AGE = 3 * 24 * 3600
_EMAIL_SALT = "lapor.accounts.verify-email"


CODE_MESSAGES = {
    "wrong": gettext_lazy(
        "That code is not right or has expired. Check the SMS, or ask for a new code."
    ),
    "wrong_totp": gettext_lazy(
        "That code is not right. Check the time on your phone and type the newest code."
    ),
    "wait_totp": gettext_lazy("Too many wrong codes. Wait a little, then type the newest code."),
}


class SendFailed(Exception):
    """The e-mail or SMS could not be handed to the server or gateway; try again later."""


# --- one-time codes ----------------------------------------------------------------------------


def _digest(*parts: str) -> str:
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, ":".join(parts).encode(), hashlib.sha256).hexdigest()


def _code_key(purpose: str, subject: str) -> str:
    return f"acct-code:{purpose}:{_digest('code-key', purpose, subject)[:32]}"


def resend_wait(purpose: str, subject: str) -> int:
    """Seconds before another code (or link) may be sent for this purpose and login."""
    state = cache.get(_code_key(purpose, subject))
    if not state:
        return 0
    return max(0, int(state["at"] + RESEND_PAUSE - time.time()))


def issue_code(purpose: str, subject: str) -> str:
    code = "".join(secrets.choice("0123456789") for _ in range(CODE_DIGITS))
    state = {"h": _digest("code", purpose, subject, code), "tries": 0, "at": time.time()}
    cache.set(_code_key(purpose, subject), state, CODE_TTL)
    return code


def mark_sent(purpose: str, subject: str) -> None:
    """A message without a code went out (a link, a "you already have an account"): the resend
    pause applies the same, so the two cases cannot be told apart by it."""
    key = _code_key(purpose, subject)
    if not cache.get(key):
        cache.set(key, {"h": "", "tries": 0, "at": time.time()}, CODE_TTL)


def check_code(purpose: str, subject: str, code: str) -> bool:
    """True once for the right code; five wrong tries void it."""
    key = _code_key(purpose, subject)
    state = cache.get(key)
    if not state or not state["h"] or state["tries"] >= MAX_CODE_TRIES:
        return False
    if hmac.compare_digest(state["h"], _digest("code", purpose, subject, code.strip())):
        cache.delete(key)
        return True
    state["tries"] += 1
    remaining = max(1, int(state["at"] + CODE_TTL - time.time()))
    cache.set(key, state, remaining)
    return False


# --- e-mail links ----------------------------------------------------------------------------


def email_token(user: User) -> str:
    return signing.dumps({"u": user.pk, "e": (user.email or "").lower()}, salt=_EMAIL_SALT)


def user_for_email_token(token: str) -> User | None:
    try:
        data = signing.loads(token, salt=_EMAIL_SALT, max_age=EMAIL_LINK_MAX_AGE)
    except signing.BadSignature:
        return None
    user = User.objects.filter(pk=data.get("u")).first()
    if user is None or (user.email or "").lower() != data.get("e"):
        return None
    return user


# --- sending -----------------------------------------------------------------------------------


def send_email(to: str, subject: str, body: str) -> None:
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to])
    except Exception as exc:  # SMTP down, refused: the person is told to try again
        logger.warning("account e-mail not sent: %s", type(exc).__name__)
        raise SendFailed from exc


def send_sms(number: str, text: str) -> None:
    from lapor.sms.gateway import send_text

    try:
        send_text(number, text)
    except Exception as exc:
        logger.warning("account SMS not sent: %s", type(exc).__name__)
        raise SendFailed from exc


def send_verification(user: User) -> None:
    """The link (e-mail) or the code (phone) that proves the account's login."""
    with translation.override(user.preferred_language or "id"):
        if user.email:
            from django.urls import reverse

            link = settings.SITE_URL + reverse(
                "accounts:verify_email", kwargs={"token": email_token(user)}
            )
            mark_sent("verify", user.email)
            send_email(
                user.email,
                _("Confirm your e-mail address for Lapor"),
                _(
                    "Open this link to confirm your address and start using your Lapor "
                    "account:\n\n%(link)s\n\nThe link works for 3 days. If you did not create "
                    "an account, ignore this message."
                )
                % {"link": link},
            )
        elif user.phone:
            code = issue_code("verify", user.phone)
            send_sms(
                user.phone,
                _("Lapor: your code is %(code)s. It is valid for 15 minutes. Never share it.")
                % {"code": code},
            )


def send_already_registered(*, email: str = "", phone: str = "") -> None:
    """Someone tried to register a login that has an account: tell its owner, not the form."""
    if email:
        mark_sent("verify", email)
        send_email(
            email,
            _("Someone tried to create a Lapor account with your address"),
            _(
                "An account with this e-mail address already exists. If that was you, log in, "
                "or reset your password if you forgot it. If not, you can ignore this message: "
                "nothing has changed."
            ),
        )
    elif phone:
        mark_sent("verify", phone)
        send_sms(
            phone,
            _(
                "Lapor: this number already has an account. Log in, or reset your password if "
                "you forgot it. Not you? Ignore this SMS."
            ),
        )


def must_verify(user: object) -> bool:
    """A logged-in reporter whose login is not proved yet may not open reports."""
    return (
        isinstance(user, User)
        and user.is_authenticated
        and not user.is_staff
        and user.contact_verified_at is None
    )
