"""Nama Pelapor stays empty for anonymous reports — for everyone, national admins included —
and every exported report still leaves an identity access record (DOMAIN.md §4, privacy.md)."""

import logging

import pytest

from lapor.reports import case_actions as ca
from lapor.reports.models import IdentityAccessLog
from tests.exports.conftest import (
    EMAIL,
    NAME,
    PHONE,
    as_dicts,
    body_of,
    csv_rows,
    disposed,
    download,
    file_report,
    xlsx_rows,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("who", ["officer_a", "agency_admin", "national_admin"])
def test_it_leaves_the_name_of_an_anonymous_reporter_out(cast, directory, fmt, who):
    disposed(cast, directory, privacy="anonymous")
    raw = body_of(download(getattr(cast, who), fmt))
    rows = as_dicts(csv_rows(raw) if fmt == "csv" else xlsx_rows(raw))
    assert len(rows) == 1
    assert rows[0]["Nama Pelapor"] == ""
    assert rows[0]["Tipe Laporan"] == "Anonim"
    if fmt == "csv":
        text = raw.decode("utf-8")
        for secret in (NAME, "Kusumawardhani", PHONE, EMAIL):
            assert secret not in text
    else:
        # The workbook's XML is compressed: look at every value instead.
        values = " ".join(str(v) for row in rows for v in row.values())
        for secret in (NAME, "Kusumawardhani", PHONE, EMAIL):
            assert secret not in values


def test_it_still_logs_a_refused_identity_read_for_every_exported_anonymous_report(cast, directory):
    reports = [disposed(cast, directory, privacy="anonymous") for _ in range(3)]
    csv_rows(download(cast.officer_a))
    for report in reports:
        # Other features (notifications) read identities too: look at the export's reads.
        (log,) = IdentityAccessLog.objects.filter(report=report, purpose="export")
        assert (log.actor, log.granted) == (cast.officer_a, False)


def test_it_gives_the_name_of_a_public_report_to_its_agency(cast, directory):
    report = disposed(cast, directory)
    (row,) = as_dicts(csv_rows(download(cast.officer_a)))
    assert row["Nama Pelapor"] == NAME
    log = IdentityAccessLog.objects.get(report=report, purpose="export")
    assert (log.actor, log.granted) == (cast.officer_a, True)


def test_it_leaves_the_name_empty_when_the_access_rule_refuses_it(cast, directory):
    # Sent back as "not our authority": it awaits Sleman's verification again, so Sleman's
    # admin exports it, but no agency handles it, so the identity rule refuses the name.
    report = disposed(cast, directory)
    ca.report_not_our_authority(report=report, reason="Jalan provinsi.", actor=cast.officer_a)
    (row,) = as_dicts(csv_rows(download(cast.agency_admin)))
    assert row["Tracking ID"] == report.tracking_id
    assert row["Status Laporan"] == "Menunggu Verifikasi"
    assert row["Nama Pelapor"] == ""
    assert IdentityAccessLog.objects.get(report=report, purpose="export").granted is False
    assert not as_dicts(csv_rows(download(cast.officer_a)))  # the unit gave it back


def test_it_keeps_the_name_out_when_anonymous_was_raised_to_confidential(cast, directory):
    report = file_report(privacy="anonymous")
    ca.report_dispose(
        report=report, agency=directory.sleman_pupr, actor=cast.agency_admin, privacy="confidential"
    )
    for who in (cast.officer_a, cast.national_admin):
        (row,) = as_dicts(csv_rows(download(who)))
        assert row["Tipe Laporan"] == "Rahasia"
        assert row["Nama Pelapor"] == ""


def test_it_logs_the_export_without_any_identity(cast, directory, caplog):
    disposed(cast, directory)
    disposed(cast, directory, privacy="anonymous")
    with caplog.at_level(logging.INFO, logger="lapor.exports"):
        csv_rows(download(cast.officer_a))
    (record,) = [r for r in caplog.records if r.name == "lapor.exports"]
    message = record.getMessage()
    assert record.levelno == logging.INFO
    assert f"user {cast.officer_a.pk}: 2 rows" in message and "complete True" in message
    for secret in (NAME, PHONE, EMAIL, cast.officer_a.email, cast.officer_a.full_name):
        assert secret not in message
