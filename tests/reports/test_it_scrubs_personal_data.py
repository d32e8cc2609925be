import pytest

from lapor.reports.scrub import EMAIL_MASK, NIK_MASK, PHONE_MASK, scrub


@pytest.mark.parametrize(
    "raw",
    [
        "NIK saya 3404071234560001 mohon dicek",
        "NIK: 3404 0712 3456 0001",
        "nik 3404-0712-3456-0001.",
        "KK 3404.0712.3456.0001",
    ],
)
def test_it_masks_national_id_numbers(raw):
    out = scrub(raw)
    assert NIK_MASK in out
    assert "3456" not in out


@pytest.mark.parametrize(
    "raw",
    [
        "hubungi 081234567890",
        "WA: 0812-3456-7890 ya",
        "telp +62 812 3456 7890",
        "6281234567890",
        "kantor (0274) 123456",
    ],
)
def test_it_masks_phone_numbers(raw):
    out = scrub(raw)
    assert PHONE_MASK in out, out
    assert "3456" not in out and "123456" not in out


def test_it_masks_email_addresses():
    assert scrub("email saya siti.rahma+lapor@mail.example.id ok") == f"email saya {EMAIL_MASK} ok"


@pytest.mark.parametrize(
    "raw",
    [
        "Jalan rusak sejak 2024, panjang 150 meter, RT 03 RW 05",
        "Bantuan Rp 1.250.000 dipotong Rp 200.000",
        "Tanggal 17-08-2026 pukul 10.30",
    ],
)
def test_it_leaves_ordinary_numbers_alone(raw):
    assert scrub(raw) == raw
