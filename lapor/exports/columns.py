"""The ONE mapping of our data to the export of the real LAPOR! system (DOMAIN.md §4, §5).

Agencies keep their records in spreadsheets built from LAPOR!'s export, and other tools read
it back; an export that differs by a column, a spelling or a status string breaks those
sheets. So every column name and every value that travels in the export is defined here and
nowhere else (ARCHITECTURE.md §4: "the LAPOR! export strings are mappings in one place each").

The export is an interchange format: its headers and values are Indonesian in every interface
language and are deliberately *not* passed through gettext.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from django.utils import timezone

from lapor.agencies.models import Agency
from lapor.core.timezones import WIB
from lapor.reports.models import Channel, Kind, Privacy, ReportEvent, Status

HEADERS: tuple[str, ...] = (
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
)

# Status -> "Status Laporan". The seven real strings (DOMAIN.md §5) are used verbatim. Our
# three statuses without a real equivalent use the strings already written down for them in
# docs/lifecycle.md, so the console, the docs and the export say the same thing:
#   awaiting_verification -> "Menunggu Verifikasi" (the real system's queue before disposition)
#   postponed             -> "Ditunda (menunggu pelapor)" (the real "Tunda" action)
#   closed_by_reporter    -> "Ditutup oleh Pelapor" (follows "Ditutup oleh Admin/Sistem"; not
#                            "Selesai", which would claim the problem was solved even when the
#                            reporter closed with a poor rating)
STATUS_LABELS: Mapping[str, str] = {
    Status.AWAITING_VERIFICATION: "Menunggu Verifikasi",
    Status.POSTPONED: "Ditunda (menunggu pelapor)",
    Status.DISPOSED: "Terdisposisi",
    Status.FOLLOWED_UP: "Ditindaklanjuti oleh Instansi",
    Status.REPORTER_REPLIED: "Ditanggapi oleh Pelapor",
    Status.CLOSED_BY_REPORTER: "Ditutup oleh Pelapor",
    Status.CLOSED_BY_ADMIN: "Ditutup oleh Admin",
    Status.CLOSED_BY_SYSTEM: "Ditutup oleh Sistem",
    Status.ARCHIVED_BY_ADMIN: "Diarsipkan oleh Admin",
    Status.ARCHIVED_BY_SYSTEM: "Diarsipkan oleh Sistem",
    Status.REFERRED: "Dirujuk ke Instansi Lain",
    # Information requests (lapor.ppid): the PPID register's own words (Perki 1/2021).
    Status.INFO_IDENTITY_NEEDED: "Menunggu Identitas Pemohon",
    Status.INFO_REGISTERED: "Terdaftar di PPID",
    Status.INFO_CLARIFICATION: "Menunggu Klarifikasi Pemohon",
    Status.INFO_ANSWERED: "Dijawab dengan Pemberitahuan Tertulis",
    Status.INFO_OBJECTED: "Keberatan kepada Atasan PPID",
    Status.INFO_OBJECTION_DECIDED: "Keberatan Diputus",
    Status.INFO_COMMISSION: "Sengketa di Komisi Informasi",
    Status.INFO_SETTLED: "Sengketa Selesai di Komisi Informasi",
}

# Kind -> "Klasifikasi Laporan": LAPOR!'s three classifications.
KIND_LABELS: Mapping[str, str] = {
    Kind.COMPLAINT: "Pengaduan",
    Kind.ASPIRATION: "Aspirasi",
    Kind.INFORMATION_REQUEST: "Permintaan Informasi",
    Kind.WHISTLEBLOWING: "Pengaduan Pelanggaran (Whistleblowing)",
}

# Privacy -> "Tipe Laporan". The real column only ever says "Anonim" or "Rahasia"; an ordinary
# (public) report leaves it empty.
PRIVACY_LABELS: Mapping[str, str] = {
    Privacy.PUBLIC: "",
    Privacy.ANONYMOUS: "Anonim",
    Privacy.CONFIDENTIAL: "Rahasia",
}

# Channel -> "Sumber Laporan". "Website" and "SMS 1708" are the real system's own names; the
# others are the plain Indonesian names of our channels.
CHANNEL_LABELS: Mapping[str, str] = {
    Channel.WEB: "Website",
    Channel.MOBILE: "Aplikasi Mobile",
    Channel.SMS: "SMS 1708",
    Channel.CHAT: "WhatsApp/Chat",
    Channel.EMAIL: "Email",
    Channel.API: "Aplikasi Terintegrasi",
    Channel.DESK: "Loket",
    Channel.PHONE: "Telepon",
    Channel.SOCIAL: "Media Sosial",
    Channel.WHATSAPP: "WhatsApp",
}

# Reason codes of archive events (``case_actions.ARCHIVE_REASONS`` and the sweep's automatic
# archive) -> the Indonesian text of "Alasan Tunda/Arsip". A test keeps this complete.
REASON_LABELS: Mapping[str, str] = {
    "not_public_service": "Bukan tentang kinerja pelayanan publik",
    "unintelligible": "Tidak dapat dipahami",
    "hate_speech": "Ujaran kebencian, penghinaan atau SARA",
    "duplicate": "Duplikat laporan yang masih diproses",
    "other_body": "Wewenang lembaga lain (pidana, korupsi, perkara pengadilan)",
    "no_clarification_in_10_working_days": (
        "Pelapor tidak memberi klarifikasi dalam 10 hari kerja"
    ),
}

# The real export gives dates in WIB whatever the region, as "YYYY-MM-DD HH:MM:SS".
EXPORT_TZ = WIB
DATE_FORMAT = "%Y-%m-%d %H:%M:%S"

# "Instansi Induk" is the government or national body an agency belongs to: the nearest
# agency, walking up from the disposed one, of one of these kinds (or the root of the tree).
PARENT_KINDS = frozenset(
    {
        Agency.Kind.MINISTRY,
        Agency.Kind.NON_MINISTERIAL,
        Agency.Kind.STATE_INSTITUTION,
        Agency.Kind.PROVINCIAL_GOVERNMENT,
        Agency.Kind.REGENCY_GOVERNMENT,
        Agency.Kind.STATE_ENTERPRISE,
    }
)

# The events that feed "Alasan Tunda/Arsip" and the "was it ever anonymous" check.
REASON_EVENT_KINDS = (ReportEvent.Kind.POSTPONED, ReportEvent.Kind.ARCHIVED)
EVENT_KINDS = (*REASON_EVENT_KINDS, ReportEvent.Kind.PRIVACY_RAISED)


class ExportRecord(NamedTuple):
    """The report columns one row needs, as read by ``selectors.export_rows`` (plain values,
    no model instance: ``selectors.RECORD_FIELDS`` lists them in this order)."""

    pk: int
    tracking_id: str
    created_at: dt.datetime
    kind: str
    privacy: str
    identity_hidden: bool
    reporter_user_id: int | None
    channel: str
    status: str
    title_published: str
    body_original: str
    body_published: str
    province_code: str
    regency_code: str
    district_code: str
    village_code: str
    rating: int | None
    category_id: int | None
    category_name: str | None
    agency_id: int | None
    agency_name: str | None


class ExportEvent(NamedTuple):
    """An event that feeds "Alasan Tunda/Arsip" or the "was it ever anonymous" check."""

    pk: int
    kind: str
    message: str
    data: Any
    at: dt.datetime


class ParentAgency(NamedTuple):
    """The "Instansi Induk" of a disposed agency."""

    pk: int
    name: str


def format_received(moment: dt.datetime) -> str:
    """The column "Tanggal/Waktu Laporan Masuk": the moment of receipt, in WIB."""
    return timezone.localtime(moment, EXPORT_TZ).strftime(DATE_FORMAT)


def delay_reason(events: Iterable[ExportEvent]) -> str:
    """The column "Alasan Tunda/Arsip": the reason of the latest postponement or archiving.

    The message typed by the admin when there is one, preceded by the reason from the list
    when the event carries a reason code ("Duplikat …: sama dengan #123").
    """
    latest = None
    for event in events:
        if event.kind in REASON_EVENT_KINDS and (
            latest is None or (event.at, event.pk) > (latest.at, latest.pk)
        ):
            latest = event
    if latest is None:
        return ""
    code = (latest.data or {}).get("reason") or ""
    reason = REASON_LABELS.get(code, code)
    message = latest.message.strip()
    return ": ".join(part for part in (reason, message) if part)


def was_ever_anonymous(report: ExportRecord, events: Iterable[ExportEvent]) -> bool:
    """True for an anonymous report, and for one raised from anonymous to confidential.

    Privacy is one value, so raising *anonim* to *rahasia* forgets that the reporter asked to
    stay unknown; the export must still leave the name out. (``access.reporter_identity``
    does not look at the history yet and would give such a name to the agency.)
    """
    if report.privacy == Privacy.ANONYMOUS:
        return True
    return any(
        event.kind == ReportEvent.Kind.PRIVACY_RAISED
        and (event.data or {}).get("old") == Privacy.ANONYMOUS
        for event in events
    )


@dataclass(frozen=True)
class RowContext:
    """What a row needs beyond the report and its prefetched rows, loaded in bulk per chunk."""

    reporter_name: str
    region_names: Mapping[str, str]
    parent_agency: ParentAgency | None


def build_row(
    report: ExportRecord, events: Iterable[ExportEvent], context: RowContext
) -> list[str]:
    """One report as one row, in the order of ``HEADERS``; every value is text."""
    events = list(events)
    names = context.region_names
    parent = context.parent_agency
    row = [
        report.tracking_id,
        format_received(report.created_at),
        "" if was_ever_anonymous(report, events) else context.reporter_name,
        KIND_LABELS.get(report.kind, report.kind),
        str(report.category_id) if report.category_id is not None else "",
        report.category_name or "",
        report.title_published,
        report.body_original,
        report.body_published,
        PRIVACY_LABELS.get(report.privacy, ""),
        CHANNEL_LABELS.get(report.channel, report.channel),
        parent.name if parent else "",
        str(report.agency_id) if report.agency_id is not None else "",
        report.agency_name or "",
        STATUS_LABELS.get(report.status, report.status),
        delay_reason(events),
        names.get(report.province_code, ""),
        names.get(report.regency_code, ""),
        names.get(report.district_code, "") if report.district_code else "",
        names.get(report.village_code, "") if report.village_code else "",
        str(report.rating) if report.rating is not None else "",
    ]
    return row
