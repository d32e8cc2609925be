"""Information requests by e-mail: mail to ``MAIL_PPID_ADDRESS`` (``ppid@<MAIL_DOMAIN>`` by
default), or to the intake address with a subject starting "Permintaan informasi", is read as
the request form, one labelled line per field::

    NIK: 3404071708900001
    Nama: Rina Kusumawardani
    Alamat: Jl. Kaliurang Km 5 No. 17, Caturtunggal, Kab. Sleman
    Pekerjaan: Mahasiswa
    Instansi: Pemerintah Kabupaten Sleman
    Informasi: Rincian anggaran perbaikan jalan di Kecamatan Depok tahun 2026
    Tujuan: Penelitian skripsi

(English labels work too: ID number, Name, Address, Occupation, Agency, Information, Purpose.)
A message that lacks the identity the law requires is answered with the template and what is
missing; it is not kept (it holds identity data), and nothing is filed.
"""

from __future__ import annotations

import re
import uuid

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from lapor.agencies.models import Agency
from lapor.mailbox import replies
from lapor.mailbox.models import InboundMessage
from lapor.mailbox.parsing import ParsedMail
from lapor.mailbox.tokens import keep_pin_for_receipt, sender_hash
from lapor.regions.finder import find_place
from lapor.regions.models import Region
from lapor.reports.models import Channel

from . import actions
from .models import Delivery, Obtain

LABELS = {
    "nik": "id_number",
    "no. ktp": "id_number",
    "nomor identitas": "id_number",
    "id number": "id_number",
    "nama": "full_name",
    "name": "full_name",
    "alamat": "address",
    "address": "address",
    "pekerjaan": "occupation",
    "occupation": "occupation",
    "telepon": "phone",
    "phone": "phone",
    "instansi": "agency",
    "badan publik": "agency",
    "agency": "agency",
    "informasi": "information",
    "informasi yang diminta": "information",
    "information": "information",
    "tujuan": "purpose",
    "tujuan penggunaan": "purpose",
    "purpose": "purpose",
}
LINE = re.compile(r"^\s*([A-Za-z .]{2,30}?)\s*:\s*(.*)$")
SUBJECT_PREFIXES = ("permintaan informasi", "permohonan informasi", "information request")


def is_ppid_mail(recipient_kind: str, mail: ParsedMail) -> bool:
    if recipient_kind == "ppid":
        return True
    return recipient_kind == "intake" and mail.subject.strip().lower().startswith(SUBJECT_PREFIXES)


def read_fields(text: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    current = ""
    for line in text.splitlines():
        match = LINE.match(line)
        key = LABELS.get(match.group(1).strip().lower()) if match else None
        if match and key:
            current = key
            fields[key] = match.group(2).strip()
        elif current and line.strip():
            fields[current] = f"{fields[current]} {line.strip()}".strip()
        elif not line.strip():
            current = ""
    return fields


def _agency(value: str, text: str) -> tuple[Agency | None, Region | None]:
    region = find_place(f"{value}\n{text}")
    if region is not None and region.level < Region.Level.REGENCY:
        region = None
    tokens = [t for t in re.split(r"\W+", value) if len(t) > 2][:6]
    if tokens:
        qs = Agency.objects.filter(is_active=True)
        for token in tokens:
            qs = qs.filter(Q(name__icontains=token) | Q(short_name__icontains=token))
        found = sorted(qs[:20], key=lambda a: len(a.name))
        if found:
            return found[0], region
    if region is not None:
        from .sms import _government

        return _government(region), region
    return None, region


def _template() -> str:
    return "NIK: \nNama: \nAlamat: \nPekerjaan: \nInstansi: \nInformasi: \nTujuan: "


def _refusal(missing: list[str]) -> replies.AutoReply:
    def paragraphs() -> list[str]:
        return [
            _(
                "Your information request was not filed: the law on public information (UU "
                "14/2008) requires the requester's identity, and some of it is missing."
            ),
            "\n".join(f"- {m}" for m in missing),
            _(
                "Please send the request again with these lines filled in (the identity is never "
                "published):"
            ),
            _template(),
            _(
                "To report a problem without giving your name, send an anonymous complaint to "
                "%(intake)s with [anonim] in the subject."
            )
            % {"intake": settings.MAIL_INTAKE_ADDRESS},
            _("This is an automatic answer from %(site)s.") % {"site": settings.SITE_NAME},
        ]

    subject, body = replies.bilingual(
        lambda: _("Your information request needs your identity"), paragraphs
    )
    return replies.AutoReply(subject, body)


def intake(mail: ParsedMail, key: str) -> tuple[InboundMessage, replies.AutoReply | None]:
    """File the request, or answer what is missing (the message is then not kept)."""
    text = mail.full_text or mail.text
    fields = read_fields(text)
    requester = actions.Requester(
        kind="person",
        id_number=fields.get("id_number", ""),
        full_name=fields.get("full_name", "") or mail.sender_name,
        address=fields.get("address", ""),
        occupation=fields.get("occupation", ""),
        phone=fields.get("phone", ""),
        email=mail.sender,
    )
    missing = list(actions.requester_problems(requester).values())
    information = fields.get("information", "")
    if len(information) < 10:
        missing.append(_("Say what information you want (Informasi: ...)."))
    purpose = fields.get("purpose", "")
    if len(purpose) < 5:
        missing.append(_("Say what you will use the information for (Tujuan: ...)."))
    agency, region = _agency(fields.get("agency", ""), text)
    if agency is None:
        missing.append(_("Name the agency you ask (Instansi: ...)."))
    if region is None and agency is not None and agency.region_id:
        region = Region.objects.filter(code=agency.region_id[:5]).first()
    if region is None or region.level < Region.Level.REGENCY:
        region = (
            Region.objects.filter(code=(agency.region_id or "")[:5]).first() if agency else None
        )
    if region is None and not missing:
        missing.append(_("Write your regency or city in the address."))
    if missing:
        row = InboundMessage.objects.create(
            dedupe_key=key,
            recipient="ppid",
            outcome=InboundMessage.Outcome.REFUSED,
            reason="ppid_identity_missing",
            sender_hash=sender_hash(mail.sender),
            size=0,
        )
        return row, _refusal(missing)
    assert agency is not None and region is not None
    title = " ".join(mail.subject.split()) or information[:150]
    for prefix in SUBJECT_PREFIXES:
        if title.lower().startswith(prefix):
            title = title[len(prefix) :].strip(" :-") or information[:150]
    with transaction.atomic():
        filed = actions.request_file(
            requester=requester,
            title=title[:150] if len(title) >= 5 else information[:150],
            information=information,
            purpose=purpose,
            agency=agency,
            region=region,
            obtain=Obtain.SOFTCOPY,
            delivery=Delivery.EMAIL,
            channel=Channel.EMAIL,
            language=mail.language,
            submission_key=uuid.uuid5(uuid.NAMESPACE_URL, "lapor-ppid-mail:" + key),
        )
        if filed.created and filed.pin:
            keep_pin_for_receipt(filed.report, filed.pin)
        row = InboundMessage.objects.create(
            dedupe_key=key,
            recipient="ppid",
            outcome=InboundMessage.Outcome.FILED,
            sender_hash=sender_hash(mail.sender),
            size=0,
            report=filed.report,
        )
    return row, None
