"""Admins find the partner delivery log from the console menu; officers do not see the link."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse


def _menu(user) -> str:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client.get(reverse("console:dashboard")).content.decode()


def test_admins_see_the_partner_apps_link(cast) -> None:  # type: ignore[no-untyped-def]
    url = reverse("partners:list")
    assert f'href="{url}"' in _menu(cast.agency_admin)
    assert f'href="{url}"' in _menu(cast.national_admin)


def test_officers_do_not(cast) -> None:  # type: ignore[no-untyped-def]
    assert f'href="{reverse("partners:list")}"' not in _menu(cast.officer_a)
