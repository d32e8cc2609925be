"""Channels without a place picker (SMS, e-mail) read the place from the text, or ask."""

from __future__ import annotations

import pytest

from lapor.regions.finder import find_place
from lapor.regions.models import Region

EXTRA = [
    ("33.22", "33", 2, "Kabupaten Semarang"),
    ("33.22.05", "33.22", 3, "Bawen"),
    ("32", None, 1, "Jawa Barat"),
    ("32.76", "32", 2, "Kota Depok"),
    ("32.17", "32", 2, "Kabupaten Bandung Barat"),
    ("32.04", "32", 2, "Kabupaten Bandung"),
    ("32.73", "32", 2, "Kota Bandung"),
    ("35", None, 1, "Jawa Timur"),
    ("35.79", "35", 2, "Kota Batu"),
    ("35.07", "35", 2, "Kabupaten Malang"),
    ("35.73", "35", 2, "Kota Malang"),
    ("31", None, 1, "Daerah Khusus Ibukota Jakarta"),
    ("31.74", "31", 2, "Kota Administrasi Jakarta Selatan"),
]


@pytest.fixture
def places(directory):  # type: ignore[no-untyped-def]
    for code, parent, level, name in EXTRA:
        Region.objects.create(code=code, parent_id=parent, level=level, name=name)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("LAPOR jalan rusak di Jl. Merdeka No 5 Sleman", "34.04"),
        ("KAB. SLEMAN jalan berlubang", "34.04"),
        ("jalan berlubang di kec. depok sleman", "34.04.07"),
        # "Depok" alone is the city; next to Sleman it is Sleman's district.
        ("antre lama di Depok", "32.76"),
        ("Depok, Sleman", "34.04.07"),
        ("desa caturtunggal kec depok kab sleman", "34.04.07.2001"),
        # A name shared by a regency and a city means the city, unless a district says otherwise.
        ("semarang banjir", "33.74"),
        ("Kabupaten Semarang banjir", "33.22"),
        ("Bawen, Semarang", "33.22.05"),
        # The longer name wins.
        ("lampu mati di Kab. Bandung Barat", "32.17"),
        ("bandung macet", "32.73"),
        # Everyday words count only when written explicitly.
        ("sekolah rusak di Kabupaten Malang", "35.07"),
        ("Kota Batu", "35.79"),
        # Common spellings.
        ("jaksel macet", "31.74"),
        ("ktp lama di Kota Adm. Jakarta Selatan", "31.74"),
        ("pelayanan di jogja lambat", "34.71"),
    ],
)
def test_it_reads_the_place(places, text: str, code: str) -> None:  # type: ignore[no-untyped-def]
    found = find_place(text)
    assert found is not None, text
    assert found.code == code


@pytest.mark.parametrize(
    "text",
    [
        "",
        "pelayanan buruk sekali",
        "nasib malang, batu besar menutup jalan",
        # Two places named equally strongly: ask rather than guess.
        "Sleman dan Semarang",
    ],
)
def test_it_says_nothing_rather_than_guess(places, text: str) -> None:  # type: ignore[no-untyped-def]
    assert find_place(text) is None
