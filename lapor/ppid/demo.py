"""Demo data of the public-information service (``make run``; never in production): Kabupaten
Sleman's PPID Utama with a PPID officer and an Atasan PPID, its Daftar Informasi Publik, and a
few requests at every stage — registered, waiting for a clarification, late (the objection
opened by itself), granted and published, granted in part with an objection decided and a
dispute at the Information Commission, filed by SMS.

Idempotent: requests are keyed by a fixed submission key. Each step runs at its own moment in
the past (``time_machine``, a development dependency: demo data is never loaded in production),
so the clocks, the letters and the yearly report show real working days.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from lapor.accounts.models import User
from lapor.agencies.models import Agency, Membership
from lapor.regions.models import Region
from lapor.reports.attachments import stage
from lapor.reports.models import PendingUpload, Report

from . import actions
from .models import InformationEntry

NAMESPACE = uuid.UUID("a4f3b1a2-6c1e-4c2b-9f0a-0b2d8f5e7c11")
PASSWORD = "lapor-demo-2026"  # noqa: S105 - public on purpose (README)

USERS = [
    (
        "ppid.sleman@lapor.localhost",
        "Putri Handayani (PPID Utama Sleman)",
        "34.04:ppid-utama",
        Membership.Role.PPID_OFFICER,
    ),
    (
        "atasan.ppid.sleman@lapor.localhost",
        "Sekretaris Daerah Kabupaten Sleman",
        "pemda-34.04",
        Membership.Role.ATASAN_PPID,
    ),
]

ENTRIES = [
    (
        "periodic",
        "Laporan Keuangan Pemerintah Daerah (LKPD) 2025",
        "Laporan keuangan tahunan yang telah diaudit BPK: neraca, laporan realisasi anggaran, "
        "catatan atas laporan keuangan.",
        "Badan Keuangan dan Aset Daerah",
        "Tahunan",
        "Softcopy (PDF)",
    ),
    (
        "periodic",
        "Anggaran Pendapatan dan Belanja Daerah (APBD) 2026",
        "Peraturan daerah tentang APBD 2026 dan lampiran rincian belanja per perangkat daerah.",
        "Badan Keuangan dan Aset Daerah",
        "Tahunan",
        "Softcopy (PDF)",
    ),
    (
        "periodic",
        "Rencana Kerja Pemerintah Daerah (RKPD) 2026",
        "Program dan kegiatan prioritas pemerintah kabupaten beserta pagu indikatifnya.",
        "Bappeda",
        "Tahunan",
        "Softcopy (PDF)",
    ),
    (
        "immediate",
        "Informasi peringatan dini bencana Gunung Merapi",
        "Status aktivitas Gunung Merapi, jalur dan titik evakuasi, serta lokasi pengungsian.",
        "BPBD Kabupaten Sleman",
        "Setiap terjadi perubahan status",
        "Softcopy, papan informasi",
    ),
    (
        "any_time",
        "Daftar sekolah dasar negeri dan daya tampung",
        "Nama, alamat dan daya tampung SD Negeri di Kabupaten Sleman untuk penerimaan murid baru.",
        "Dinas Pendidikan",
        "Setiap tahun ajaran",
        "Softcopy",
    ),
    (
        "any_time",
        "Standar pelayanan perizinan usaha mikro",
        "Persyaratan, prosedur, waktu dan biaya pelayanan izin usaha mikro dan kecil.",
        "DPMPTSP",
        "Diperbarui bila berubah",
        "Softcopy, hardcopy",
    ),
]
EXEMPTED = [
    (
        "Dokumen penyelidikan dugaan pungutan liar di sekolah",
        "Berita acara pemeriksaan dan hasil audit investigatif Inspektorat yang sedang berjalan.",
        "a",
        "",
        "Membuka dokumen ini sebelum pemeriksaan selesai dapat menghambat penyelidikan, "
        "memberi kesempatan menghilangkan bukti dan mengungkap identitas pelapor; kepentingan "
        "penegakan hukum lebih besar daripada kepentingan membukanya saat ini.",
        "Sampai pemeriksaan selesai dan diserahkan kepada aparat penegak hukum",
    ),
    (
        "Data pribadi penerima bantuan sosial (NIK, alamat, kondisi kesehatan)",
        "Data individual penerima PKH dan BPNT di Kabupaten Sleman.",
        "h",
        "UU 27/2022 tentang Pelindungan Data Pribadi",
        "Membuka data individual mengungkap rahasia pribadi dan kondisi kesehatan penerima; "
        "rekapitulasi per kecamatan tetap dibuka.",
        "Selama data tersimpan",
    ),
]


def _user(email: str, name: str) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(
            email=email, password=PASSWORD, full_name=name, is_staff=True
        )
    return user


def _pdf(name: str, title: str, rows: list[tuple[str, str]]) -> PendingUpload:
    """A real PDF with a small table (the released information), staged like an upload."""
    from weasyprint import HTML

    from lapor.reports.attachments import check_file

    cells = "".join(f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in rows)
    html = (
        f"<html lang='id'><body style='font-family: DejaVu Sans'><h1 style='font-size:16pt'>"
        f"{title}</h1><table border='1' cellpadding='4' style='border-collapse:collapse'>"
        f"{cells}</table><p>Sumber: PPID Utama Kabupaten Sleman</p></body></html>"
    )
    pdf = HTML(string=html).write_pdf()
    return stage(check_file(SimpleUploadedFile(name, pdf, content_type="application/pdf")))


REQUESTS: list[tuple[str, str, str, str, str, str, str, str, int]] = [
    # key, title, information, purpose, name, NIK, channel, stage, days ago
    (
        "anggaran-jalan",
        "Rincian anggaran perbaikan jalan Kecamatan Depok 2026",
        "Salinan rincian anggaran (RKA) perbaikan jalan kabupaten di Kecamatan Depok tahun 2026 "
        "per ruas jalan, beserta nama penyedia jasa.",
        "Penelitian skripsi tentang belanja infrastruktur daerah.",
        "Rina Kusumawardani",
        "3404074107000001",
        "email",
        "partial",
        40,
    ),
    (
        "daftar-sekolah",
        "Data daya tampung SD negeri di Kecamatan Berbah",
        "Jumlah kursi kelas 1 tiap SD negeri di Kecamatan Berbah untuk tahun ajaran 2026/2027.",
        "Memilih sekolah untuk anak saya.",
        "Bambang Sutrisno",
        "3404081203850002",
        "web",
        "published",
        25,
    ),
    (
        "izin-tambang",
        "Izin usaha pertambangan pasir di Kali Gendol",
        "Salinan izin dan dokumen lingkungan penambangan pasir di Kali Gendol, Cangkringan.",
        "Advokasi lingkungan oleh kelompok warga.",
        "Dewi Lestari",
        "3404055506900003",
        "web",
        "late",
        20,
    ),
    (
        "pasar-prambanan",
        "Rencana revitalisasi Pasar Prambanan",
        "Dokumen perencanaan dan jadwal revitalisasi Pasar Prambanan.",
        "Pedagang pasar ingin mengetahui jadwal relokasi sementara.",
        "Slamet Riyadi",
        "3404101010700004",
        "sms",
        "registered",
        2,
    ),
    (
        "bansos-rekap",
        "Rekap penerima bantuan sosial per desa",
        "Jumlah penerima PKH dan BPNT per desa di Kecamatan Mlati tahun 2025.",
        "Pengawasan penyaluran bantuan oleh LSM.",
        "Yayasan Warga Peduli",
        "AHU-0012345.AH.01.04",
        "web",
        "clarification",
        5,
    ),
]


def _file(
    key: str,
    title: str,
    info: str,
    purpose: str,
    name: str,
    nik: str,
    channel: str,
    agency: Agency,
    region: Region,
) -> Report | None:
    submission = uuid.uuid5(NAMESPACE, key)
    if Report.objects.filter(submission_key=submission).exists():
        return None
    entity = not nik.isdigit()
    return actions.request_file(
        requester=actions.Requester(
            kind="legal_entity" if entity else "person",
            id_number=nik,
            full_name=name,
            representative="Agus Santoso" if entity else "",
            address="Jl. Magelang Km 9, Sleman, Daerah Istimewa Yogyakarta",
            occupation="Lembaga swadaya masyarakat" if entity else "Wiraswasta",
            phone="+6281300001234" if channel == "sms" else "",
            email="" if channel == "sms" else f"{key}@example.id",
        ),
        title=title,
        information=info,
        purpose=purpose,
        agency=agency,
        region=region,
        channel=channel,
        submission_key=submission,
    ).report


@transaction.atomic
def load_ppid_demo() -> int:
    gov = Agency.objects.filter(code="pemda-34.04").first()
    desk = Agency.objects.filter(code="34.04:ppid-utama").first()
    region = Region.objects.filter(code="34.04").first()
    if gov is None or desk is None or region is None:
        return 0
    people = {}
    for email, name, code, role in USERS:
        user = _user(email, name)
        agency = Agency.objects.filter(code=code).first()
        if agency is not None:
            Membership.objects.get_or_create(user=user, agency=agency, role=role)
        people[role] = user
    officer = people[Membership.Role.PPID_OFFICER]
    atasan = people[Membership.Role.ATASAN_PPID]
    if not InformationEntry.objects.filter(agency=desk).exists():
        for category, title, summary, holder, period, form in ENTRIES:
            actions.entry_save(
                agency=desk,
                data=actions.EntryData(
                    category=category,
                    title=title,
                    summary=summary,
                    holder=holder,
                    responsible="PPID Utama Kabupaten Sleman",
                    period=period,
                    form=form,
                    retention="10 tahun",
                ),
                actor=officer,
            )
        for title, summary, ground, law, test, until in EXEMPTED:
            actions.entry_save(
                agency=desk,
                data=actions.EntryData(
                    category="exempted",
                    title=title,
                    summary=summary,
                    exemption_ground=ground,
                    exemption_law=law,
                    consequence_test=test,
                    exempt_until=until,
                    holder="Inspektorat" if ground == "a" else "Dinas Sosial",
                ),
                actor=officer,
            )
    created = 0
    stages: dict[str, Callable[[Report, dt.datetime], object]] = {
        "partial": lambda r, t: _partial_objection_dispute(r, officer, atasan, t),
        "published": lambda r, t: _granted_published(r, officer, t),
        "clarification": lambda r, t: _at(
            t + dt.timedelta(days=2),
            lambda: actions.request_clarify(
                report=r,
                question="Mohon sebutkan tahun anggaran dan jenis bantuan yang dimaksud: "
                "PKH saja, atau PKH dan BPNT?",
                actor=officer,
            ),
        ),
    }
    now = timezone.now().replace(hour=3, minute=0, second=0, microsecond=0)  # 10:00 WIB
    for key, title, info, purpose, name, nik, channel, stage_name, days in REQUESTS:
        filed_at = now - dt.timedelta(days=days)
        report = _at(
            filed_at,
            lambda: _file(key, title, info, purpose, name, nik, channel, gov, region),  # noqa: B023
        )
        if report is None:
            continue
        created += 1
        if stage_name in stages:
            stages[stage_name](report, filed_at)
    if created:
        from lapor.reports.sweep import sweep

        sweep()  # the late request opens its objection ground by itself
    return created


def _at(moment: dt.datetime, step: Callable[[], object]) -> Any:
    """Run ``step`` as if it were ``moment`` (never later than now)."""
    import time_machine

    with time_machine.travel(min(moment, timezone.now()), tick=False):
        return step()


def _partial_objection_dispute(
    report: Report, officer: User, atasan: User, filed_at: dt.datetime
) -> None:
    day = dt.timedelta(days=1)
    _at(filed_at + 9 * day, lambda: _extend(report, officer))
    _at(filed_at + 19 * day, lambda: _answer_partial(report, officer))
    _at(filed_at + 22 * day, lambda: _object(report))
    _at(filed_at + 36 * day, lambda: _decide(report, atasan))
    _at(filed_at + 38 * day, lambda: _dispute(report))


def _extend(report: Report, officer: User) -> None:
    actions.request_extend(
        report=report,
        reason="Rincian per ruas jalan harus dihimpun dari tiga bidang di Dinas PUPR.",
        actor=officer,
    )


def _answer_partial(report: Report, officer: User) -> None:
    actions.request_answer(
        report=report,
        answer=actions.Answer(
            decision="partial",
            explanation="Kami lampirkan rincian anggaran perbaikan jalan per ruas. Nama penyedia "
            "jasa untuk paket yang masih dalam proses pemilihan belum dapat diberikan.",
            form="softcopy",
            delivery="email",
            cost=0,
            exemption_ground="b",
            consequence_test="Membuka nama calon penyedia sebelum pemilihan selesai dapat "
            "mengganggu persaingan usaha yang sehat; setelah kontrak ditandatangani nama "
            "penyedia diumumkan di LPSE.",
            withheld="Nama calon penyedia jasa untuk paket yang masih dalam proses pemilihan.",
        ),
        actor=officer,
        uploads=[
            _pdf(
                "rincian-anggaran-jalan-depok-2026.pdf",
                "Rincian anggaran perbaikan jalan Kecamatan Depok 2026",
                [
                    ("Ruas jalan", "Pagu (Rp)"),
                    ("Jl. Seturan Raya", "1.250.000.000"),
                    ("Jl. Babarsari", "980.000.000"),
                    ("Jl. Perumnas Condongcatur", "640.000.000"),
                ],
            )
        ],
    )


def _object(report: Report) -> None:
    actions.objection_file(
        report=report,
        grounds=["a"],
        reason="Pemilihan penyedia untuk dua paket sudah selesai, jadi nama penyedianya "
        "seharusnya tidak lagi dikecualikan.",
        actor=None,
    )


def _decide(report: Report, atasan: User) -> None:
    actions.objection_decide(
        report=report,
        outcome="partly_accepted",
        considerations="Dua paket telah selesai dipilih dan kontraknya ditandatangani; untuk "
        "paket itu alasan pengecualian Pasal 17 huruf b tidak berlaku lagi.",
        order="PPID memberikan nama penyedia dua paket yang telah berkontrak dalam 5 hari kerja.",
        actor=atasan,
    )


def _dispute(report: Report) -> None:
    actions.dispute_record(
        report=report,
        filed_on=timezone.localdate(),
        commission="Komisi Informasi Daerah Istimewa Yogyakarta",
        register_number="012/KI-DIY/PSI/2026",
        actor=None,
        by_requester=True,
    )


def _granted_published(report: Report, officer: User, filed_at: dt.datetime) -> None:
    _at(filed_at + dt.timedelta(days=6), lambda: _grant_and_publish(report, officer))


def _grant_and_publish(report: Report, officer: User) -> None:
    notice = actions.request_answer(
        report=report,
        answer=actions.Answer(
            decision="granted",
            explanation="Terlampir data daya tampung kelas 1 seluruh SD negeri di Kecamatan "
            "Berbah tahun ajaran 2026/2027.",
            form="softcopy",
            delivery="email",
        ),
        actor=officer,
        uploads=[
            _pdf(
                "daya-tampung-sd-berbah-2026.pdf",
                "Daya tampung kelas 1 SD negeri Kecamatan Berbah 2026/2027",
                [
                    ("Sekolah", "Kursi kelas 1"),
                    ("SD Negeri Berbah 1", "56"),
                    ("SD Negeri Kalitirto", "28"),
                    ("SD Negeri Tegaltirto", "56"),
                ],
            )
        ],
    )
    files = list(notice.event.attachments.values_list("pk", flat=True))
    actions.request_publish(
        report=report,
        title="Daya tampung kelas 1 SD negeri Kecamatan Berbah 2026/2027",
        summary="Jumlah kursi kelas 1 setiap SD negeri di Kecamatan Berbah untuk tahun ajaran "
        "2026/2027, dirilis atas permohonan informasi.",
        attachment_ids=files,
        actor=officer,
    )
