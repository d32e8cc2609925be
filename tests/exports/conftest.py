"""Builders for export tests: reports filed and moved through the real actions, files parsed
back the way an officer's spreadsheet program would read them."""

from __future__ import annotations

import csv
import datetime as dt
import io

from django.http import HttpResponseBase
from django.test import Client
from openpyxl import load_workbook

from lapor.exports.formats import BOM
from lapor.regions.models import Region
from lapor.reports import actions
from lapor.reports import case_actions as ca
from lapor.reports.models import Report

# Distinctive, so "appears nowhere in the file" cannot be fooled by another word.
NAME = "Ratna Kusumawardhani"
PHONE = "0813-5555-2468"
EMAIL = "ratna.k@example.id"
SLEMAN_VILLAGE = "34.04.07.2001"  # Caturtunggal, Depok, Kabupaten Sleman, DIY
SEMARANG_VILLAGE = "33.74.01.1001"  # Miroto, Semarang Tengah, Kota Semarang, Jawa Tengah
DOWNLOAD = "/konsol/ekspor/unduh/"


def file_report(
    title: str = "Jalan berlubang di depan SD Negeri Caturtunggal",
    *,
    privacy: str = "public",
    village: str = SLEMAN_VILLAGE,
    name: str = NAME,
    **kw: object,
) -> Report:
    return actions.report_submit(
        kind=kw.pop("kind", "complaint"),
        title=title,
        body=kw.pop("body", "Lubang besar sudah tiga bulan, banyak pengendara jatuh di sana."),
        incident_date=dt.date(2026, 1, 5),
        region=Region.objects.get(code=village),
        privacy=privacy,
        contact=actions.ReporterContact(full_name=name, phone=PHONE, email=EMAIL),
        **kw,  # type: ignore[arg-type]
    ).report


def disposed(cast, directory, **kw: object) -> Report:  # type: ignore[no-untyped-def]
    """A Sleman report disposed by the Sleman admin to Dinas PUPR Kabupaten Sleman."""
    report = file_report(**kw)  # type: ignore[arg-type]
    ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.agency_admin)
    report.refresh_from_db()
    return report


def semarang_disposed(cast, directory, **kw: object) -> Report:  # type: ignore[no-untyped-def]
    report = file_report(village=SEMARANG_VILLAGE, **kw)  # type: ignore[arg-type]
    ca.report_dispose(report=report, agency=directory.semarang_pupr, actor=cast.national_admin)
    report.refresh_from_db()
    return report


def download(user, fmt: str = "csv", **params: object) -> HttpResponseBase:  # type: ignore[no-untyped-def]
    client = Client()
    if user is not None:
        client.force_login(user)
    return client.get(DOWNLOAD, {"format": fmt, **params})


def body_of(response: HttpResponseBase) -> bytes:
    return b"".join(response.streaming_content)  # type: ignore[attr-defined]


def csv_rows(response: HttpResponseBase | bytes) -> list[list[str]]:
    """Header first. Asserts the UTF-8 BOM Excel needs."""
    raw = response if isinstance(response, bytes) else body_of(response)
    text = raw.decode("utf-8")
    assert text.startswith(BOM)
    return list(csv.reader(io.StringIO(text[len(BOM) :])))


def xlsx_rows(response: HttpResponseBase | bytes) -> list[list[str]]:
    """Header first; empty cells read back as ""."""
    raw = response if isinstance(response, bytes) else body_of(response)
    workbook = load_workbook(io.BytesIO(raw), read_only=True)
    sheet = workbook.active
    rows = [["" if v is None else v for v in row] for row in sheet.iter_rows(values_only=True)]
    workbook.close()
    return rows


def as_dicts(rows: list[list[str]]) -> list[dict[str, str]]:
    header, *data = rows
    return [dict(zip(header, row, strict=True)) for row in data]
