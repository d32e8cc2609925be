"""The PPID cast: the main information office (PPID Utama) of Sleman and of Semarang, a PPID
officer at each, the Atasan PPID of Sleman (at the regency government), and a way to file a
request as a person would on the web."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from lapor.core.timezones import WIB


def at(y: int, m: int, d: int, h: int = 10, minute: int = 0) -> dt.datetime:
    """A moment in Yogyakarta's time zone (WIB)."""
    return dt.datetime(y, m, d, h, minute, tzinfo=WIB)


NIK = "3404071708900001"
NAME = "Rina Kusumawardani"
ADDRESS = "Jl. Kaliurang Km 5 No. 17, Caturtunggal"


@dataclass
class Ppid:
    sleman_ppid: object
    semarang_ppid: object
    officer_a: object
    officer_b: object
    atasan_a: object
    atasan_b: object


def member(email: str, name: str, agency: object, role: str) -> object:
    from lapor.accounts.models import User
    from lapor.agencies.models import Membership

    user = User.objects.create_user(
        email=email, password="Rahasia-Kuat-2026", full_name=name, is_staff=True
    )
    Membership.objects.create(user=user, agency=agency, role=role)
    return user


@pytest.fixture
def ppid(cast, directory) -> Ppid:
    return make_ppid(directory)


def make_ppid(directory) -> Ppid:
    """The PPID Utama of Sleman and Semarang and their people (needs ``cast`` loaded)."""
    from lapor.agencies.models import Agency

    sleman = Agency.objects.create(
        code="34.04:ppid-utama",
        name="Pejabat Pengelola Informasi dan Dokumentasi Utama Kabupaten Sleman",
        short_name="PPID Utama Kab. Sleman",
        kind=Agency.Kind.INFORMATION_OFFICE,
        level=Agency.Level.REGENCY,
        parent=directory.sleman_gov,
        region_id="34.04",
    )
    semarang = Agency.objects.create(
        code="33.74:ppid-utama",
        name="Pejabat Pengelola Informasi dan Dokumentasi Utama Kota Semarang",
        short_name="PPID Utama Kota Semarang",
        kind=Agency.Kind.INFORMATION_OFFICE,
        level=Agency.Level.REGENCY,
        parent=directory.semarang_gov,
        region_id="33.74",
    )
    return Ppid(
        sleman_ppid=sleman,
        semarang_ppid=semarang,
        officer_a=member("ppid.sleman@example.id", "Putri PPID Sleman", sleman, "ppid_officer"),
        officer_b=member(
            "ppid.semarang@example.id", "Pandu PPID Semarang", semarang, "ppid_officer"
        ),
        atasan_a=member(
            "sekda.sleman@example.id", "Sekda Sleman", directory.sleman_gov, "atasan_ppid"
        ),
        atasan_b=member(
            "sekda.semarang@example.id", "Sekda Semarang", directory.semarang_gov, "atasan_ppid"
        ),
    )


def requester(**overrides):
    from lapor.ppid.actions import Requester

    values = {
        "kind": "person",
        "id_number": NIK,
        "full_name": NAME,
        "address": ADDRESS,
        "occupation": "Mahasiswa",
        "phone": "0812-3456-7890",
        "email": "rina@example.id",
    }
    values.update(overrides)
    return Requester(**values)


def file_request(agency=None, channel="web", **overrides):
    """File through the action (the interfaces have their own tests)."""
    from lapor.agencies.models import Agency
    from lapor.ppid import actions
    from lapor.regions.models import Region

    agency = agency or Agency.objects.get(code="pemda-34.04")
    return actions.request_file(
        requester=overrides.pop("requester", requester()),
        title=overrides.pop("title", "Rincian anggaran perbaikan jalan Kecamatan Depok 2026"),
        information=overrides.pop(
            "information",
            "Salinan rincian anggaran (RKA) perbaikan jalan kabupaten di Kecamatan Depok tahun "
            "anggaran 2026, per ruas jalan.",
        ),
        purpose=overrides.pop("purpose", "Penelitian skripsi tentang belanja infrastruktur."),
        agency=agency,
        region=Region.objects.get(code=overrides.pop("region", "34.04.07")),
        channel=channel,
        **overrides,
    )


def request_post_data(**overrides):
    """A complete, valid request form submission (web)."""
    import uuid

    from lapor.agencies.models import Agency

    data = {
        "requester_kind": "person",
        "id_number": NIK,
        "full_name": NAME,
        "representative": "",
        "address": ADDRESS,
        "occupation": "Mahasiswa",
        "phone": "0812-3456-7890",
        "email": "rina@example.id",
        "province": "34",
        "regency": "34.04",
        "agency": str(Agency.objects.get(code="pemda-34.04").pk),
        "title": "Rincian anggaran perbaikan jalan Kecamatan Depok 2026",
        "information": "Salinan rincian anggaran (RKA) perbaikan jalan kabupaten di Kecamatan "
        "Depok tahun anggaran 2026, per ruas jalan.",
        "purpose": "Penelitian skripsi tentang belanja infrastruktur.",
        "obtain": "softcopy",
        "delivery": "email",
        "submission_key": str(uuid.uuid4()),
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


@pytest.fixture
def make_key(db):
    from lapor.open311.models import ApiKey, PartnerApp

    def make(scopes: list[str] | None = None) -> str:
        partner, _ = PartnerApp.objects.get_or_create(name="LAKSA Kota Tangerang")
        key = ApiKey(partner=partner, scopes=scopes or ["reports"])
        raw = key.set_new_key()
        key.save()
        return raw

    return make


@pytest.fixture
def api():
    from django.test import Client

    return Client()


@pytest.fixture
def partner_key(db):
    from lapor.open311.models import ApiKey, PartnerApp

    partner = PartnerApp.objects.create(name="Sambat Online Malang")
    key = ApiKey(partner=partner, scopes=["open311", "reports"])
    raw = key.set_new_key()
    key.save()
    return raw
