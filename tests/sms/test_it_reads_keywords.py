import pytest

from lapor.sms import gsm
from lapor.sms.parser import parse


@pytest.mark.parametrize(
    ("text", "name", "tracking_id", "rest"),
    [
        ("LAPOR jalan rusak di Kab. Sleman", "report", "", "jalan rusak di Kab. Sleman"),
        ("lapor#jalan rusak", "report", "", "jalan rusak"),
        ("  Lapor    jalan   rusak ", "report", "", "jalan   rusak"),
        ("CEK 123456789", "check", "123456789", ""),
        ("cek#123456789", "check", "123456789", ""),
        ("Cek #123456789", "check", "123456789", ""),
        ("BALAS 123456789 sudah saya cek", "reply", "123456789", "sudah saya cek"),
        ("balas#123456789#sudah", "reply", "123456789", "sudah"),
        ("SANGGAH 123456789 belum beres", "dispute", "123456789", "belum beres"),
        ("INFO", "help", "", ""),
        ("bantuan", "help", "", ""),
        ("", "empty", "", ""),
        ("   ", "empty", "", ""),
        ("ya", "yes", "", ""),
        ("Ya, benar sekali", "text", "", "Ya, benar sekali"),
        ("batal", "cancel", "", ""),
        ("Selamat pagi", "text", "", "Selamat pagi"),
        ("LAPORAN jalan", "text", "", "LAPORAN jalan"),
    ],
)
def test_keywords(text, name, tracking_id, rest):
    command = parse(text)
    assert (command.name, command.tracking_id, command.rest) == (name, tracking_id, rest)


def test_kinds():
    assert parse("ASPIRASI taman kota").kind == "aspiration"
    assert parse("permintaan#data anggaran").kind == "information_request"
    assert parse("aspirasi rahasia taman").privacy == "confidential"
    assert parse("LAPOR jalan").kind == "complaint"


def test_privacy_words_and_ratings():
    assert parse("LAPOR ANONIM pungli").privacy == "anonymous"
    assert parse("lapor rahasia pungli").privacy == "confidential"
    close = parse("TUTUP 123456789 5 terima kasih")
    assert (close.rating, close.rest) == (5, "terima kasih")
    assert parse("TUTUP 123456789 0").missing == "rating"
    assert parse("TUTUP 123456789").missing == "rating"
    assert parse("CEK nomor").missing == "tracking_id"


@pytest.mark.parametrize(
    ("text", "coding", "parts"),
    [
        ("a" * 160, "gsm7", 1),
        ("a" * 161, "gsm7", 2),
        ("a" * 306, "gsm7", 2),
        ("a" * 307, "gsm7", 3),
        ("[" * 80, "gsm7", 1),  # extension characters cost two septets
        ("[" * 81, "gsm7", 2),
        ("é" * 160, "gsm7", 1),  # é is in the GSM alphabet
        ("ê" * 70, "ucs2", 1),
        ("ê" * 71, "ucs2", 2),
        ("ê" * 134, "ucs2", 2),
        ("ê" * 135, "ucs2", 3),
        ("🙏" * 35, "ucs2", 1),  # two UTF-16 units each
        ("🙏" * 36, "ucs2", 2),
    ],
)
def test_parts(text, coding, parts):
    assert gsm.units(text)[0] == coding
    assert gsm.part_count(text) == parts


def test_fit_shortens_to_the_part_budget():
    text = "kata " * 400
    fitted = gsm.fit(text, 4)
    assert gsm.part_count(fitted) == 4 and fitted.endswith("...")
    assert gsm.fit("pendek", 1) == "pendek"
