"""Evidence that cannot be recycled: every photo's perceptual hash and capture time.

A "resolved" follow-up proves the work with a photo. Some agencies answered many cases with the
same photo, or with the reporter's own "before" photo, or with a photo taken before the report
existed. So every stored photo keeps, privately:

- its **perceptual hash** (``imagehash.phash``: a DCT of the 32×32 grey image, 64 bits), which
  stays nearly the same when a photo is re-saved, resized, re-compressed or re-dated and differs
  for another photo of the same street;
- its **capture time** from the camera's EXIF (``DateTimeOriginal``), read from the bytes the
  person sent *before* cleaning strips every tag (``attachments.check_file``).

Neither is ever published. When a follow-up claims the problem is solved, ``check_follow_up``
compares each of its photos with the earlier photos of the same case and with the photos of
other cases of the same place and agency, and checks the capture time against the report's
filing; each finding is an ``EvidenceFlag`` on the case page (the verifier and the agency admin
see it), counted on the agency's scorecard, and the reporter who disputes the closure is told
"this photo was also used elsewhere" (without saying where).
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import zoneinfo
from typing import TYPE_CHECKING

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

if TYPE_CHECKING:
    from lapor.agencies.models import Agency
    from lapor.reports.models import Attachment, EvidenceFlag, Report, ReportEvent

log = logging.getLogger(__name__)

# Hamming distance (of 64 bits) up to which two photos are the same picture. Re-saved,
# resized and re-compressed copies measured 0–4 on the test fixtures; different photos of the
# same street 20 and more (tests/reports/test_it_fingerprints_evidence_photos.py).
SAME_PICTURE = 10
# How many photos of the same place and agency one check compares against (newest first).
CANDIDATES = 5000
# EXIF times carry no zone unless OffsetTimeOriginal says; a camera in Indonesia is most
# likely on WIB, and a few hours do not change "taken before the report" by days.
DEFAULT_CAMERA_ZONE = zoneinfo.ZoneInfo("Asia/Jakarta")
# A photo taken this long before the report was filed is "before the report".
BEFORE_REPORT_MARGIN = dt.timedelta(hours=1)

EXIF_IFD = 0x8769
DATETIME_ORIGINAL = 0x9003
OFFSET_TIME_ORIGINAL = 0x9011
DATETIME = 0x0132


def fingerprint(content: bytes) -> str:
    """The photo's perceptual hash as 16 hex digits ('' if it cannot be read)."""
    import imagehash

    try:
        with Image.open(io.BytesIO(content)) as img:
            img.load()
            return str(imagehash.phash(img.convert("RGB")))
    except (UnidentifiedImageError, OSError, ValueError):
        return ""


def capture_time(raw: bytes) -> dt.datetime | None:
    """When the camera says it took the photo (EXIF DateTimeOriginal, else DateTime)."""
    try:
        with Image.open(io.BytesIO(raw)) as img:
            exif = img.getexif()
    except (UnidentifiedImageError, OSError, ValueError):
        return None
    details = exif.get_ifd(EXIF_IFD) if exif else {}
    text = details.get(DATETIME_ORIGINAL) or exif.get(DATETIME)
    if not isinstance(text, str):
        return None
    try:
        moment = dt.datetime.strptime(text.strip()[:19], "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None
    offset = details.get(OFFSET_TIME_ORIGINAL)
    zone: dt.tzinfo = DEFAULT_CAMERA_ZONE
    if isinstance(offset, str) and len(offset) == 6 and offset[0] in "+-":
        try:
            hours, minutes = int(offset[1:3]), int(offset[4:6])
            sign = 1 if offset[0] == "+" else -1
            zone = dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))
        except ValueError:
            pass
    return moment.replace(tzinfo=zone)


def distance(a: str, b: str) -> int:
    """Bits that differ between two fingerprints."""
    return (int(a, 16) ^ int(b, 16)).bit_count()


def check_follow_up(event: ReportEvent) -> list[EvidenceFlag]:
    """Flag the photos of a "resolved" follow-up that were used before or taken before the
    report; returns the flags written (in the caller's transaction)."""
    from lapor.reports.models import Attachment, AttachmentKind, EvidenceFlag

    report = event.report
    photos = [
        a
        for a in Attachment.objects.filter(event=event, kind=AttachmentKind.IMAGE)
        if a.phash or a.captured_at
    ]
    if not photos:
        return []
    earlier = list(
        Attachment.objects.filter(report=report, kind=AttachmentKind.IMAGE)
        .exclude(event=event)
        .exclude(phash="")
        .only("pk", "phash", "report_id")
    )
    place = Q(report__regency_code=report.regency_code)
    if report.agency_id is not None:
        place |= Q(report__agency_id=report.agency_id)
    elsewhere = list(
        Attachment.objects.filter(place, kind=AttachmentKind.IMAGE)
        .exclude(report=report)
        .exclude(phash="")
        .order_by("-pk")
        .only("pk", "phash", "report_id")[:CANDIDATES]
    )
    flags = []
    for photo in photos:
        if photo.phash:
            for reason, pool in (
                (EvidenceFlag.Reason.SAME_CASE, earlier),
                (EvidenceFlag.Reason.OTHER_CASE, elsewhere),
            ):
                match = _closest(photo.phash, pool)
                if match is not None:
                    flags.append(
                        EvidenceFlag(
                            report=report,
                            event=event,
                            attachment=photo,
                            reason=reason,
                            matched=match[0],
                            distance=match[1],
                        )
                    )
        if photo.captured_at and photo.captured_at < report.created_at - BEFORE_REPORT_MARGIN:
            flags.append(
                EvidenceFlag(
                    report=report,
                    event=event,
                    attachment=photo,
                    reason=EvidenceFlag.Reason.BEFORE_REPORT,
                )
            )
    EvidenceFlag.objects.bulk_create(flags)
    if flags:
        log.info("evidence flags on #%s: %s", report.tracking_id, [f.reason for f in flags])
    return flags


def _closest(phash: str, pool: list[Attachment]) -> tuple[Attachment, int] | None:
    best = None
    for candidate in pool:
        d = distance(phash, candidate.phash)
        if d <= SAME_PICTURE and (best is None or d < best[1]):
            best = (candidate, d)
    return best


# What the reporter is told about a flagged photo: never where else it was used.
REPORTER_TEXT = {
    "same_case": _("This photo is the same picture as an earlier photo of your report."),
    "other_case": _("This photo was also used elsewhere, as proof for another report."),
    "before_report": _("The camera says this photo was taken before you filed your report."),
}


def reporter_notices(report: Report) -> list[tuple[str, str]]:
    """(photo name, what is wrong with it) for the reporter's page: the photos of follow-ups
    the reporter can see that were flagged, so a dispute can say "this is not proof"."""
    from lapor.reports.models import EvidenceFlag

    seen: set[tuple[int | None, str]] = set()
    notices = []
    flags = EvidenceFlag.objects.filter(
        report=report, event__is_public=True, attachment__isnull=False
    ).select_related("attachment")
    for flag in flags:
        if flag.attachment is None or (flag.attachment_id, flag.reason) in seen:
            continue
        seen.add((flag.attachment_id, flag.reason))
        notices.append((flag.attachment.original_name, str(REPORTER_TEXT[flag.reason])))
    return notices


def scorecard_indicators(agency: Agency) -> list[dict[str, str]]:
    """The scorecard's follow-up quality indicators: formulaic answers of all follow-ups, and
    resolved follow-ups whose photo was used before or taken before the report."""
    from django.utils.formats import number_format

    from lapor.reports import formulaic
    from lapor.reports.models import EvidenceFlag, ReportEvent

    def share(part: int, whole: int) -> str:
        return f"{number_format(part)} / {number_format(whole)}" + (
            f" ({round(100 * part / whole)}%)" if whole else ""
        )

    follow_ups = ReportEvent.objects.filter(agency=agency, kind=ReportEvent.Kind.FOLLOW_UP)
    flags = EvidenceFlag.objects.filter(event__agency=agency)
    formulaic_answers = (
        flags.filter(reason=EvidenceFlag.Reason.FORMULAIC).values("event_id").distinct().count()
    )
    recycled = (
        flags.exclude(reason=EvidenceFlag.Reason.FORMULAIC).values("event_id").distinct().count()
    )
    return [
        {
            "label": str(formulaic.INDICATOR_LABEL),
            "value": share(formulaic_answers, follow_ups.count()),
            "definition": str(formulaic.INDICATOR_DEFINITION),
        },
        {
            "label": str(_("Recycled evidence")),
            "value": share(recycled, follow_ups.filter(data__resolved=True).count()),
            "definition": str(
                _(
                    "Follow-ups claiming the problem solved whose photo is the same picture as "
                    "an earlier photo of the case or of another case (perceptual hash), or was "
                    "taken before the report was filed (camera time), of all the agency's "
                    "follow-ups claiming the problem solved."
                )
            ),
        },
    ]
