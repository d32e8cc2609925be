"""The Open311 service for information requests: ``permohonan-informasi-publik``.

It is listed with the categories' services and has its own definition (the identity the law
requires is a set of required attributes). A POST files through ``actions.request_file`` with
the channel "Integrated app (API)". The partner's record keeps the answers that are not
identity (the agency, how to receive); the identity goes to the requester's table only.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from lapor.agencies.models import Agency
from lapor.core.errors import DomainError
from lapor.core.timezones import zone_for_region
from lapor.open311 import render
from lapor.open311.models import ApiKey, Open311Submission
from lapor.regions.models import Region
from lapor.reports.models import Channel

from . import actions
from .models import Delivery, InformationRequest, Obtain, RequesterKind

SERVICE_CODE = "permohonan-informasi-publik"

# (code, datatype, required, description, values)
ATTRIBUTES: list[tuple[str, str, bool, str, list[tuple[str, str]]]] = [
    (
        "requester_kind",
        "singlevaluelist",
        True,
        "Pemohon: orang atau badan hukum",
        [(k, str(v)) for k, v in RequesterKind.choices],
    ),
    ("id_number", "string", True, "NIK (16 digit) atau nomor akta/SK badan hukum", []),
    ("requester_address", "string", True, "Alamat pemohon", []),
    ("occupation", "string", True, "Pekerjaan pemohon", []),
    ("representative", "string", False, "Untuk badan hukum: nama kuasa/wakil", []),
    ("purpose", "text", True, "Tujuan penggunaan informasi", []),
    ("agency_id", "number", True, "Badan publik yang dimintai informasi (id direktori)", []),
    ("region_code", "string", True, "Kabupaten/kota tempat tinggal pemohon (kode Kemendagri)", []),
    (
        "obtain",
        "singlevaluelist",
        False,
        "Cara memperoleh informasi",
        [(k, str(v)) for k, v in Obtain.choices],
    ),
    (
        "delivery",
        "singlevaluelist",
        False,
        "Cara mendapatkan salinan",
        [(k, str(v)) for k, v in Delivery.choices],
    ),
]
IDENTITY_ATTRIBUTES = {
    "requester_kind",
    "id_number",
    "requester_address",
    "occupation",
    "representative",
}


def service_record() -> dict[str, Any]:
    return {
        "service_code": SERVICE_CODE,
        "service_name": "Permohonan Informasi Publik",
        "description": _(
            "Request public information from an agency (UU 14/2008); the requester's identity "
            "is required"
        ),
        "metadata": True,
        "type": "realtime",
        "keywords": "ppid, informasi publik, keterbukaan informasi, uu kip",
        "group": "INFORMASI PUBLIK",
    }


def definition() -> dict[str, Any]:
    attributes = []
    for order, (code, datatype, required, description, values) in enumerate(ATTRIBUTES, 1):
        record: dict[str, Any] = {
            "variable": True,
            "code": code,
            "datatype": datatype,
            "required": required,
            "datatype_description": "",
            "order": order,
            "description": description,
        }
        if values:
            record["values"] = [{"key": k, "name": n} for k, n in values]
        attributes.append(record)
    return {"service_code": SERVICE_CODE, "attributes": attributes}


class Problem(Exception):
    def __init__(self, status: int, description: str) -> None:
        super().__init__(description)
        self.status = status
        self.description = description


def _attr(given: dict[str, list[str]], code: str) -> str:
    return ((given.get(code) or [""])[0]).strip()


def post(post_data: Any, given: dict[str, list[str]], key: ApiKey, fmt: str) -> HttpResponse:
    """File the request; raises ``Problem`` (400) with the reason when something is missing."""
    for code, _datatype, required, description, values in ATTRIBUTES:
        value = _attr(given, code)
        if required and not value:
            raise Problem(
                400,
                _("attribute[%(code)s] is required: %(question)s")
                % {"code": code, "question": description},
            )
        if value and values and value not in {k for k, _n in values}:
            raise Problem(
                400,
                _("attribute[%(code)s] must be one of: %(keys)s.")
                % {"code": code, "keys": ", ".join(k for k, _n in values)},
            )
    description = (post_data.get("description") or "").strip()
    first_line = description.splitlines()[0].strip() if description else ""
    agency_raw = _attr(given, "agency_id")
    agency = (
        Agency.objects.filter(pk=agency_raw, is_active=True).first()
        if agency_raw.isdigit()
        else None
    )
    if agency is None:
        raise Problem(400, _("attribute[agency_id] is not an agency of the directory."))
    code = _attr(given, "region_code")
    if code.isdigit():
        code = ".".join(p for p in (code[:2], code[2:4]) if p)
    region = Region.objects.filter(code=code[:5]).first()
    if region is None or region.level < Region.Level.REGENCY:
        raise Problem(400, _("attribute[region_code] must be a regency/city code."))
    name = " ".join(
        p for p in ((post_data.get("first_name") or ""), (post_data.get("last_name") or "")) if p
    )
    requester = actions.Requester(
        kind=_attr(given, "requester_kind"),
        id_number=_attr(given, "id_number"),
        full_name=name,
        representative=_attr(given, "representative"),
        address=_attr(given, "requester_address"),
        occupation=_attr(given, "occupation"),
        phone=(post_data.get("phone") or "").strip(),
        email=(post_data.get("email") or "").strip(),
    )
    try:
        with transaction.atomic():
            filed = actions.request_file(
                requester=requester,
                title=first_line[:150] or _("Information request"),
                information=description,
                purpose=_attr(given, "purpose"),
                agency=agency,
                region=region,
                obtain=_attr(given, "obtain") or Obtain.SOFTCOPY,
                delivery=_attr(given, "delivery") or Delivery.EMAIL,
                channel=Channel.API,
            )
            Open311Submission.objects.create(
                report=filed.report,
                partner=key.partner,
                # Never the identity: only what the request is and how to deliver it.
                attributes={k: v for k, v in given.items() if k not in IDENTITY_ATTRIBUTES},
                device_id=(post_data.get("device_id") or ""),
                account_id=(post_data.get("account_id") or ""),
            )
            ApiKey.objects.filter(pk=key.pk).update(last_used_at=timezone.now())
    except DomainError as exc:
        raise Problem(400, exc.message) from None
    report = filed.report
    info = InformationRequest.objects.get(report=report)
    due = report.due_at
    notice = _(
        "Registered as information request %(reg)s. Tracking ID %(id)s, PIN %(pin)s: give all "
        "three to the requester to follow it at %(site)s. The written answer is due by "
        "%(due)s."
    ) % {
        "reg": info.registration_number,
        "id": report.tracking_id,
        "pin": filed.pin,
        "site": settings.SITE_URL,
        "due": timezone.localtime(due, zone_for_region(report.regency_code)).date().isoformat()
        if due
        else "-",
    }
    record: dict[str, Any] = {
        "service_request_id": report.tracking_id,
        "service_notice": notice,
    }
    if post_data.get("account_id"):
        record["account_id"] = post_data.get("account_id")
    return render.respond(fmt, "service_requests", [record])
