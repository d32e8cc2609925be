"""Desk fixtures: a valid desk form post, logged-in clients, a real SMTP server and the worker."""

from __future__ import annotations

import pytest
from django.test import Client

from lapor.agencies.models import Membership
from tests.conftest import report_post_data
from tests.notifications.conftest import run_worker, smtp  # noqa: F401  (fixture re-export)

DESK_URL = "/konsol/loket/"
# Distinctive, so "appears nowhere" cannot be fooled by another word.
PERSON = "Sumarni Wahyuningsih"
PERSON_EMAIL = "sumarni.wahyu@example.id"
PERSON_PHONE = "0856-4321-0987"

__all__ = ["DESK_URL", "PERSON", "PERSON_EMAIL", "PERSON_PHONE", "desk_post", "login", "run_worker"]


def desk_post(**overrides: object) -> dict[str, object]:
    """A complete, valid walk-in filing (Sleman, Depok, Caturtunggal)."""
    data = report_post_data(
        full_name=PERSON,
        phone=PERSON_PHONE,
        email=PERSON_EMAIL,
        channel="desk",
        consent="signed_form",
        consent_note="Formulir 12/2026",
        privacy_read_out="on",
        person_language="id",
    )
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def login(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def member(cast, email: str, agency, role: str):
    from lapor.accounts.models import User

    user = User.objects.create_user(
        email=email, password=cast.password, full_name=email.split("@")[0], is_staff=True
    )
    Membership.objects.create(user=user, agency=agency, role=role)
    return user


@pytest.fixture
def supervisor(cast, directory):
    """Inspektorat Kabupaten Sleman: reads cases, files nothing."""
    return member(cast, "inspektorat.sleman@example.id", directory.sleman_gov, "supervisor")


@pytest.fixture
def ppid(cast, directory):
    return member(cast, "ppid.sleman@example.id", directory.sleman_pupr, "ppid_officer")
