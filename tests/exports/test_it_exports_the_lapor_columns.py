"""The export keeps the real LAPOR! export's columns and strings (DOMAIN.md §4, §5)."""

import pytest
import time_machine

from lapor.exports import columns
from lapor.reports import case_actions as ca
from lapor.reports.models import Channel, Kind, Privacy, Status
from tests.cases.conftest import at
from tests.exports.conftest import (
    NAME,
    as_dicts,
    csv_rows,
    disposed,
    download,
    file_report,
    xlsx_rows,
)

pytestmark = pytest.mark.django_db

EXPECTED_HEADER = [
    "Tracking ID",
    "Tanggal/Waktu Laporan Masuk",
    "Nama Pelapor",
    "Klasifikasi Laporan",
    "ID Kategori",
    "Kategori",
    "Judul Laporan",
    "Isi Laporan Awal",
    "Isi Laporan Akhir",
    "Tipe Laporan",
    "Sumber Laporan",
    "Instansi Induk",
    "ID Instansi Terdisposisi",
    "Instansi Terdisposisi",
    "Status Laporan",
    "Alasan Tunda/Arsip",
    "Provinsi",
    "Kota/Kabupaten",
    "Kecamatan",
    "Kelurahan",
    "Rating",
]


def test_it_has_the_exact_header_in_both_formats(cast):
    assert list(columns.HEADERS) == EXPECTED_HEADER
    assert csv_rows(download(cast.national_admin, "csv")) == [EXPECTED_HEADER]
    assert xlsx_rows(download(cast.national_admin, "xlsx")) == [EXPECTED_HEADER]


def test_it_exports_a_disposed_report_with_its_agency_and_parent_government(cast, directory):
    with time_machine.travel(at(2026, 11, 2, 23, 45), tick=False):  # 16:45 UTC
        report = disposed(cast, directory, category=directory.category_road, channel=Channel.SMS)
    with time_machine.travel(at(2026, 11, 28, 9), tick=False):
        response = download(cast.officer_a, "csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="lapor-ekspor-2026-11-28.csv"' in response["Content-Disposition"]
    assert response["Cache-Control"] == "no-store"
    (row,) = as_dicts(csv_rows(response))
    pupr = directory.sleman_pupr
    assert row == {
        "Tracking ID": report.tracking_id,
        "Tanggal/Waktu Laporan Masuk": "2026-11-02 23:45:00",
        "Nama Pelapor": NAME,
        "Klasifikasi Laporan": "Pengaduan",
        "ID Kategori": str(directory.category_road.pk),
        "Kategori": "Jalan Berlubang",
        "Judul Laporan": "Jalan berlubang di depan SD Negeri Caturtunggal",
        "Isi Laporan Awal": report.body_original,
        "Isi Laporan Akhir": report.body_published,
        "Tipe Laporan": "",
        "Sumber Laporan": "SMS 1708",
        "Instansi Induk": "Pemerintah Kabupaten Sleman",
        "ID Instansi Terdisposisi": str(pupr.pk),
        "Instansi Terdisposisi": pupr.name,
        "Status Laporan": "Terdisposisi",
        "Alasan Tunda/Arsip": "",
        "Provinsi": "Daerah Istimewa Yogyakarta",
        "Kota/Kabupaten": "Kabupaten Sleman",
        "Kecamatan": "Depok",
        "Kelurahan": "Caturtunggal",
        "Rating": "",
    }


def test_it_gives_the_published_text_and_the_original_apart(cast, directory):
    report = file_report(body="Teks asli dengan NIK 3404010101010001 di dalamnya.")
    ca.report_dispose(
        report=report,
        agency=directory.sleman_pupr,
        actor=cast.agency_admin,
        body_published="Teks yang diterbitkan tanpa NIK.",
    )
    (row,) = as_dicts(csv_rows(download(cast.agency_admin)))
    assert row["Isi Laporan Awal"] == "Teks asli dengan NIK 3404010101010001 di dalamnya."
    assert row["Isi Laporan Akhir"] == "Teks yang diterbitkan tanpa NIK."


def test_it_gives_the_reason_of_a_postponement_and_of_an_archive(cast, directory):
    postponed = file_report("Lampu jalan mati")
    ca.report_postpone(report=postponed, message="Di titik mana tepatnya?", actor=cast.agency_admin)
    archived = file_report("Laporan ganda")
    ca.report_archive(
        report=archived,
        reason="duplicate",
        message="Sama dengan laporan lain.",
        actor=cast.agency_admin,
    )
    # The archived report has left Sleman's verification: the national admins export it.
    rows = {r["Judul Laporan"]: r for r in as_dicts(csv_rows(download(cast.national_admin)))}
    assert rows["Lampu jalan mati"]["Status Laporan"] == "Ditunda (menunggu pelapor)"
    assert rows["Lampu jalan mati"]["Alasan Tunda/Arsip"] == "Di titik mana tepatnya?"
    assert rows["Laporan ganda"]["Status Laporan"] == "Diarsipkan oleh Admin"
    assert rows["Laporan ganda"]["Alasan Tunda/Arsip"] == (
        "Duplikat laporan yang masih diproses: Sama dengan laporan lain."
    )
    assert rows["Laporan ganda"]["Instansi Terdisposisi"] == ""


def test_it_exports_the_rating_and_the_kind(cast, directory):
    report = disposed(cast, directory, kind=Kind.ASPIRATION)
    ca.report_follow_up(report=report, message="Sudah kami catat.", actor=cast.officer_a)
    ca.report_close_by_reporter(report=report, rating=4, actor=None)
    (row,) = as_dicts(csv_rows(download(cast.officer_a)))
    assert row["Rating"] == "4"
    assert row["Klasifikasi Laporan"] == "Aspirasi"
    assert row["Status Laporan"] == "Ditutup oleh Pelapor"


def test_every_value_of_ours_has_a_lapor_string():
    assert set(columns.STATUS_LABELS) == set(Status.values)
    assert set(columns.KIND_LABELS) == set(Kind.values)
    assert set(columns.PRIVACY_LABELS) == set(Privacy.values)
    assert set(columns.CHANNEL_LABELS) == set(Channel.values)
    assert set(ca.ARCHIVE_REASONS) <= set(columns.REASON_LABELS)
    # The seven strings of the real system are kept verbatim.
    real = {
        "Terdisposisi",
        "Ditindaklanjuti oleh Instansi",
        "Ditanggapi oleh Pelapor",
        "Ditutup oleh Admin",
        "Ditutup oleh Sistem",
        "Diarsipkan oleh Admin",
        "Diarsipkan oleh Sistem",
    }
    assert real <= set(columns.STATUS_LABELS.values())
    assert columns.PRIVACY_LABELS[Privacy.ANONYMOUS] == "Anonim"
    assert columns.PRIVACY_LABELS[Privacy.CONFIDENTIAL] == "Rahasia"
