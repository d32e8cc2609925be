"""A small demo data set on top of the real directory: staff of each role and a few reports.

Idempotent: users are keyed by e-mail, reports by a fixed submission key, so running it again
changes nothing. Passwords are public (documented in the README): never load this in
production.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from lapor.accounts.models import User
from lapor.agencies.models import Agency, Category, Membership
from lapor.regions.models import Region
from lapor.reports import actions
from lapor.reports.models import Report

DEMO_PASSWORD = "lapor-demo-2026"  # noqa: S105 - public on purpose, documented
NAMESPACE = uuid.UUID("5b0c1e4e-7a1d-4c55-9d7e-2f0e0b6a1d00")


@dataclass(frozen=True)
class DemoUser:
    email: str
    full_name: str
    role: str | None = None
    # How to find the agency in the real directory: (kind or unit type code, region code).
    agency: tuple[str, str] | None = None
    phone: str | None = None
    superuser: bool = False


USERS = [
    DemoUser(
        "admin@lapor.localhost",
        "Admin Nasional (KemenPANRB)",
        Membership.Role.NATIONAL_ADMIN,
        ("national:panrb", ""),
        superuser=True,
    ),
    DemoUser(
        "admin.sleman@lapor.localhost",
        "Admin Koordinator Kabupaten Sleman",
        Membership.Role.AGENCY_ADMIN,
        ("regency_government", "34.04"),
    ),
    DemoUser(
        "pupr.sleman@lapor.localhost",
        "Penghubung Dinas PUPR Sleman",
        Membership.Role.LIAISON_OFFICER,
        ("dinas-pupr", "34.04"),
    ),
    DemoUser(
        "dukcapil.semarang@lapor.localhost",
        "Penghubung Disdukcapil Kota Semarang",
        Membership.Role.LIAISON_OFFICER,
        ("disdukcapil", "33.74"),
    ),
    DemoUser(
        "inspektorat.sleman@lapor.localhost",
        "Inspektorat Kabupaten Sleman",
        Membership.Role.SUPERVISOR,
        ("regency_government", "34.04"),
    ),
    DemoUser("warga@lapor.localhost", "Siti Rahmawati", phone="+6281200000001"),
]


@dataclass(frozen=True)
class DemoReport:
    key: str
    kind: str
    title: str
    body: str
    region: str
    days_ago: int
    privacy: str = "public"
    category: str | None = None
    reporter: str | None = "warga@lapor.localhost"
    name: str = "Siti Rahmawati"
    phone: str = "+6281200000001"
    email: str = ""
    # How it arrived (the console shows and filters it; the reporter is answered on it).
    channel: str = "web"


REPORTS = [
    DemoReport(
        "jalan-caturtunggal",
        "complaint",
        "Jalan berlubang di depan SD Negeri Caturtunggal",
        "Sudah tiga bulan jalan di depan SD Negeri Caturtunggal berlubang besar, sekitar satu "
        "meter lebarnya. Saat hujan lubang tertutup air dan sudah dua pengendara motor jatuh. "
        "Mohon segera diperbaiki sebelum ada korban anak sekolah.",
        "34.04.07.2001",
        2,
    ),
    DemoReport(
        "ktp-semarang",
        "complaint",
        "KTP elektronik belum jadi setelah empat bulan",
        "Saya merekam KTP-el di Disdukcapil Kota Semarang pada bulan Juli. Setiap datang selalu "
        "dijawab blangko habis. Sudah empat kali saya bolak-balik dan izin kerja.",
        "33.74.01.1001",
        4,
        reporter=None,
        name="Agus Prasetyo",
        phone="+6281300000002",
        channel="sms",
    ),
    DemoReport(
        "pungli-sekolah",
        "complaint",
        "Pungutan uang seragam di sekolah negeri",
        "Anak saya diminta membayar Rp 1.250.000 untuk seragam dan buku di sekolah negeri, "
        "padahal katanya gratis. Yang tidak membayar diancam tidak mendapat rapor.",
        "34.04.07.2002",
        1,
        privacy="anonymous",
        reporter=None,
        name="Orang Tua Murid",
        phone="+6281300000003",
    ),
    DemoReport(
        "taman-aspirasi",
        "aspiration",
        "Usul taman bermain ramah disabilitas di Berbah",
        "Kami mengusulkan agar taman desa di Berbah dilengkapi jalur kursi roda dan ayunan "
        "yang aman untuk anak berkebutuhan khusus.",
        "34.04.08",
        6,
    ),
    DemoReport(
        "bansos-rahasia",
        "complaint",
        "Bantuan PKH dipotong oleh pendamping",
        "Bantuan PKH ibu saya dipotong Rp 200.000 setiap pencairan oleh oknum pendamping.",
        "33.74.01",
        5,
        privacy="confidential",
        reporter=None,
        name="Warga Miroto",
        phone="+6281300000005",
    ),
]


def _agency(spec: tuple[str, str]) -> Agency | None:
    what, region = spec
    if what == "national:panrb":
        return Agency.objects.filter(name__icontains="Pendayagunaan Aparatur Negara").first()
    if what in Agency.Kind.values:
        return Agency.objects.filter(kind=what, region_id=region).first()
    return Agency.objects.filter(unit_type__code=what, region_id=region).first()


@transaction.atomic
def load_demo() -> dict[str, int]:
    created_users = 0
    for spec in USERS:
        user = User.objects.filter(email=spec.email).first()
        if user is None:
            user = User.objects.create_user(
                email=spec.email,
                password=DEMO_PASSWORD,
                full_name=spec.full_name,
                phone=spec.phone,
                is_staff=spec.superuser or spec.role is not None,
                is_superuser=spec.superuser,
                # Demo logins are ready to use: no verification e-mail to a .localhost address.
                contact_verified_at=timezone.now(),
            )
            created_users += 1
        if spec.role and spec.agency:
            agency = _agency(spec.agency)
            if agency is not None:
                Membership.objects.get_or_create(user=user, agency=agency, role=spec.role)
    created_reports = 0
    for demo in REPORTS:
        key = uuid.uuid5(NAMESPACE, demo.key)
        if Report.objects.filter(submission_key=key).exists():
            continue
        region = Region.objects.filter(code=demo.region).first()
        if region is None:
            continue
        user = User.objects.filter(email=demo.reporter).first() if demo.reporter else None
        result = actions.report_submit(
            kind=demo.kind,
            title=demo.title,
            body=demo.body,
            incident_date=(timezone.now() - dt.timedelta(days=demo.days_ago + 1)).date(),
            region=region,
            privacy=demo.privacy,
            channel=demo.channel,
            contact=actions.ReporterContact(
                full_name=demo.name, phone=demo.phone, email=demo.email
            ),
            category=Category.objects.filter(code=demo.category).first() if demo.category else None,
            submission_key=key,
            actor=user,
        )
        created_reports += int(result.created)
    _advance_demo_cases()
    # Information requests have their own process (and demo): lapor.ppid.demo.
    from lapor.ppid.demo import load_ppid_demo

    created_reports += load_ppid_demo()
    return {"users": created_users, "reports": created_reports}


# Some demo cases are moved along so the console, the public feed and the statistics have
# something to show: (report key, unit type, regency, follow-up text or "").
DEMO_PROGRESS = [
    (
        "jalan-caturtunggal",
        "dinas-pupr",
        "34.04",
        "Tim pemeliharaan jalan sudah meninjau lokasi; penambalan dijadwalkan minggu ini.",
    ),
    ("ktp-semarang", "disdukcapil", "33.74", ""),
    (
        "pungli-sekolah",
        "dinas-pendidikan",
        "34.04",
        "Sekolah sudah kami panggil; pungutan dihentikan dan uang akan dikembalikan.",
    ),
]


def _advance_demo_cases() -> None:
    from lapor.reports import case_actions
    from lapor.reports.models import Status

    admin = User.objects.filter(email="admin@lapor.localhost").first()
    if admin is None:
        return
    for key, unit_type, regency, follow_up in DEMO_PROGRESS:
        report = Report.objects.filter(submission_key=uuid.uuid5(NAMESPACE, key)).first()
        agency = Agency.objects.filter(unit_type__code=unit_type, region_id=regency).first()
        if report is None or agency is None or report.status != Status.AWAITING_VERIFICATION:
            continue
        case_actions.report_dispose(report=report, agency=agency, actor=admin)
        if follow_up:
            case_actions.report_follow_up(report=report, message=follow_up, actor=admin)
