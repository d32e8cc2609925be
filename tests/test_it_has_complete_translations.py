"""The Indonesian catalogue is complete, keeps every placeholder, and its .mo is up to date.

Indonesian is the site's default language (LANGUAGE_CODE="id"); English msgids are the source.
A missing or fuzzy entry would show English to Indonesian citizens, a lost placeholder would
crash or garble a message, and a stale .mo (committed so `make run` works without gettext)
would silently serve old text.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import polib
import pytest
from django.test import Client
from django.utils import translation

LC_MESSAGES = Path(__file__).resolve().parent.parent / "locale" / "id" / "LC_MESSAGES"
PO_PATH = LC_MESSAGES / "django.po"
MO_PATH = LC_MESSAGES / "django.mo"

# tests/conftest.py has an autouse fixture that clears the (database) cache before every test,
# so even the pure file checks need database access.
pytestmark = pytest.mark.django_db

# %(name)s, %(count)d, %s, %d, %.2f ... (but not the escaped percent sign %%)
PERCENT_PLACEHOLDER = re.compile(
    r"%(?:\([A-Za-z_][A-Za-z0-9_]*\))?[#0 +-]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]"
)
NAMED_PLACEHOLDER = re.compile(r"%\([A-Za-z_][A-Za-z0-9_]*\)[#0 +-]*\d*(?:\.\d+)?[a-zA-Z]")
BRACE_PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_.]*\}")
TEMPLATE_VARIABLE = re.compile(r"\{\{\s*[^}]+?\s*\}\}")
HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")
URL = re.compile(r"https?://[^\s\"'<>]+")

# Vocabulary that LAPOR! users already know; the catalogue must use it where the msgid exists.
GLOSSARY = {
    "Complaint": "Pengaduan",
    "Aspiration": "Aspirasi",
    "Information request": "Permintaan Informasi",
    "Public": "Publik",
    "Anonymous": "Anonim",
    "Confidential": "Rahasia",
    "Awaiting verification": "Menunggu Verifikasi",
    "Postponed: waiting for the reporter": "Ditunda: menunggu pelapor",
    "Dispositioned to an agency": "Terdisposisi",
    "Followed up by the agency": "Ditindaklanjuti oleh Instansi",
    "Replied to by the reporter": "Ditanggapi oleh Pelapor",
    "Closed by the reporter": "Ditutup oleh Pelapor",
    "Closed by an admin": "Ditutup oleh Admin",
    "Closed by the system": "Ditutup oleh Sistem",
    "Archived by an admin": "Diarsipkan oleh Admin",
    "Archived by the system": "Diarsipkan oleh Sistem",
    "Report title": "Judul Laporan",
    "Report text": "Isi Laporan",
    "Date of the incident": "Tanggal Kejadian",
    "Place of the incident": "Lokasi Kejadian",
    "Category (optional)": "Kategori (opsional)",
    "Agency addressed (optional)": "Instansi Tujuan (opsional)",
    "Province": "Provinsi",
    "Regency/city": "Kabupaten/Kota",
    "District (kecamatan)": "Kecamatan",
    "Village (desa/kelurahan)": "Desa/Kelurahan",
    "Log in": "Masuk",
    "Log out": "Keluar",
    "required": "wajib diisi",
}


@pytest.fixture(scope="module")
def po() -> polib.POFile:
    assert PO_PATH.exists(), f"{PO_PATH} is missing: run makemessages -l id"
    return polib.pofile(str(PO_PATH))


def _label(entry: polib.POEntry) -> str:
    where = ", ".join(f"{f}:{n}" for f, n in entry.occurrences[:2])
    ctx = f" [{entry.msgctxt}]" if entry.msgctxt else ""
    return f"{entry.msgid!r}{ctx} ({where})"


def _translations(entry: polib.POEntry) -> list[str]:
    if entry.msgid_plural:
        return [entry.msgstr_plural[k] for k in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


def _active(po: polib.POFile) -> list[polib.POEntry]:
    return [e for e in po if not e.obsolete]


def test_header_is_indonesian_utf8(po: polib.POFile) -> None:
    assert po.metadata.get("Language") == "id"
    assert "charset=UTF-8" in po.metadata.get("Content-Type", "")
    assert po.metadata.get("Plural-Forms", "").replace(" ", "") == "nplurals=1;plural=0;"
    assert not po.metadata_is_fuzzy, "the header is still marked fuzzy"


def test_every_entry_is_translated(po: polib.POFile) -> None:
    untranslated = [_label(e) for e in _active(po) if not all(s.strip() for s in _translations(e))]
    assert not untranslated, f"{len(untranslated)} untranslated entries:\n" + "\n".join(
        untranslated
    )
    assert po.percent_translated() == 100


def test_no_entry_is_fuzzy(po: polib.POFile) -> None:
    fuzzy = [_label(e) for e in _active(po) if "fuzzy" in e.flags]
    assert not fuzzy, f"{len(fuzzy)} fuzzy entries:\n" + "\n".join(fuzzy)


def test_placeholders_tags_and_urls_are_kept(po: polib.POFile) -> None:
    problems = []
    for e in _active(po):
        sources = [e.msgid] + ([e.msgid_plural] if e.msgid_plural else [])
        python_format = "python-format" in e.flags
        # SMS texts are plain text: "<alasan>" there is a word the reader replaces, translated.
        plain_text = all(
            path.startswith(("lapor/sms/", "lapor/ppid/sms.py")) for path, _line in e.occurrences
        )
        for target in _translations(e):
            checks = [
                ("named placeholder", NAMED_PLACEHOLDER),
                ("brace placeholder", BRACE_PLACEHOLDER),
                ("template variable", TEMPLATE_VARIABLE),
                ("URL", URL),
            ]
            if not plain_text:
                checks.append(("HTML tag", HTML_TAG))
            if python_format:
                checks.append(("placeholder", PERCENT_PLACEHOLDER))
            for what, pattern in checks:
                # The translation must carry every placeholder of the msgid (of the singular or
                # the plural form: a one-form language may drop the singular's literal number).
                wanted: Counter[str] = Counter()
                for source in sources:
                    wanted |= Counter(pattern.findall(source))
                got = Counter(pattern.findall(target))
                missing = wanted - got
                extra = got - wanted
                if missing:
                    problems.append(f"{_label(e)}: {what} missing {sorted(missing)}")
                if extra:
                    problems.append(f"{_label(e)}: unexpected {what} {sorted(extra)}")
            if python_format and target.replace("%%", "").count("%") != len(
                PERCENT_PLACEHOLDER.findall(target.replace("%%", ""))
            ):
                problems.append(f"{_label(e)}: stray % in {target!r} (write %% for a percent sign)")
    assert not problems, "\n".join(problems)


def test_domain_vocabulary(po: polib.POFile) -> None:
    by_msgid = {e.msgid: e.msgstr for e in _active(po) if not e.msgctxt}
    wrong = [
        f"{msgid!r}: {by_msgid[msgid]!r}, expected {expected!r}"
        for msgid, expected in GLOSSARY.items()
        if msgid in by_msgid and by_msgid[msgid] != expected
    ]
    assert not wrong, "\n".join(wrong)


QUOTED = re.compile(r"“([^”]+)”")


def test_quoted_labels_match_their_own_translation(po: polib.POFile) -> None:
    """“Send report” in a sentence must read as the button it names, in both languages."""
    by_msgid = {e.msgid: e.msgstr for e in _active(po) if not e.msgctxt and e.msgstr}
    problems = []
    for e in _active(po):
        for quoted in QUOTED.findall(e.msgid):
            label = by_msgid.get(quoted)
            if label and f"“{label}”" not in e.msgstr:
                problems.append(f"{_label(e)}: should quote “{label}”, got {e.msgstr!r}")
    assert not problems, "\n".join(problems)


def _messages(
    catalogue: polib.POFile | polib.MOFile,
) -> set[tuple[str | None, str, str, tuple[str, ...]]]:
    return {
        (e.msgctxt, e.msgid, e.msgid_plural, tuple(_translations(e)))
        for e in catalogue
        if not e.obsolete and "fuzzy" not in e.flags and any(_translations(e))
    }


def test_committed_mo_matches_the_po(po: polib.POFile) -> None:
    assert MO_PATH.exists(), f"{MO_PATH} is missing: run compilemessages"
    expected = _messages(polib.mofile(po.to_binary()))
    committed = _messages(polib.mofile(str(MO_PATH)))
    stale = sorted(str(m[:2]) for m in expected - committed)
    leftover = sorted(str(m[:2]) for m in committed - expected)
    assert not stale and not leftover, (
        "django.mo does not match django.po; run `manage.py compilemessages`.\n"
        f"Changed or missing in .mo: {stale}\nOnly in .mo: {leftover}"
    )


def test_django_loads_the_catalogue(po: polib.POFile) -> None:
    entry = po.find("File a report")
    assert entry is not None
    with translation.override("id"):
        assert translation.gettext("File a report") == entry.msgstr
    with translation.override("en"):
        assert translation.gettext("File a report") == "File a report"


@pytest.mark.django_db
def test_home_page_speaks_indonesian_by_default_and_english_under_en(
    client: Client, po: polib.POFile
) -> None:
    entry = po.find("File a report")
    assert entry is not None
    file_a_report = entry.msgstr
    assert file_a_report and file_a_report != "File a report"

    root = client.get("/")
    assert root.status_code == 200
    html = root.content.decode()
    assert '<html lang="id">' in html
    assert file_a_report in html
    assert "File a report" not in html

    english = client.get("/en/")
    assert english.status_code == 200
    html = english.content.decode()
    assert '<html lang="en">' in html
    assert "File a report" in html
    assert file_a_report not in html
