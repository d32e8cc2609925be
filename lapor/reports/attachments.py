"""Checking attachments: type from content, size limits, images re-encoded without metadata.

The file name and the browser's declared type are never trusted: ``filetype`` reads the magic
bytes. Photos are decoded and re-encoded by Pillow, which drops EXIF (and with it GPS
coordinates, camera serials and the owner's name) — a photo must not identify an anonymous
reporter. Audio, video and PDF are stored as sent (see docs/architecture.md: their metadata is
not yet stripped).
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from lapor.core.errors import DomainError
from lapor.reports.models import AttachmentKind, PendingUpload

# Decoding a 20,000 × 20,000 "photo" would take gigabytes: refuse such bombs outright.
Image.MAX_IMAGE_PIXELS = 50_000_000
MAX_IMAGE_SIDE = 4096

ACCEPTED: dict[str, str] = {
    "image/jpeg": AttachmentKind.IMAGE,
    "image/png": AttachmentKind.IMAGE,
    "image/webp": AttachmentKind.IMAGE,
    "image/gif": AttachmentKind.IMAGE,
    "application/pdf": AttachmentKind.DOCUMENT,
    "audio/mpeg": AttachmentKind.AUDIO,
    "audio/mp4": AttachmentKind.AUDIO,
    "audio/ogg": AttachmentKind.AUDIO,  # WhatsApp voice notes (Opus in Ogg)
    "audio/x-wav": AttachmentKind.AUDIO,
    "audio/amr": AttachmentKind.AUDIO,  # feature-phone recorders
    "audio/aac": AttachmentKind.AUDIO,
    "video/mp4": AttachmentKind.VIDEO,
    "video/3gpp": AttachmentKind.VIDEO,
    "video/quicktime": AttachmentKind.VIDEO,
    "video/webm": AttachmentKind.VIDEO,  # also what browsers record voice notes into
    "video/x-m4v": AttachmentKind.VIDEO,
}


class AttachmentError(DomainError):
    pass


@dataclass(frozen=True)
class CheckedFile:
    content: bytes
    original_name: str
    content_type: str
    kind: str

    @property
    def size(self) -> int:
        return len(self.content)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


def _display_name(name: str) -> str:
    # Only the last path component, printable, bounded: it is echoed back in messages.
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if ch.isprintable())
    return name[:120] or _("(no name)")


def check_file(upload: UploadedFile) -> CheckedFile:
    """Return the file as we will store it, or raise ``AttachmentError`` saying why not."""
    name = _display_name(upload.name or "")
    max_bytes = settings.ATTACHMENT_MAX_FILE_BYTES
    if upload.size is not None and upload.size > max_bytes:
        raise AttachmentError(
            _("“%(name)s” is %(size)s; each file may be at most %(max)s.")
            % {"name": name, "size": filesizeformat(upload.size), "max": filesizeformat(max_bytes)}
        )
    raw = upload.read()
    if not raw:
        raise AttachmentError(_("“%(name)s” is empty.") % {"name": name})
    guess = filetype.guess(raw[:8192])
    mime = guess.mime if guess else None
    if mime not in ACCEPTED:
        raise AttachmentError(
            _(
                "“%(name)s” is not a photo, PDF document, voice recording or video. "
                "Its content does not match any of the accepted kinds (JPEG, PNG, WebP, GIF, "
                "PDF, MP3, M4A, OGG, WAV, AMR, MP4, 3GP, MOV, WebM), whatever its name says."
            )
            % {"name": name}
        )
    kind = ACCEPTED[mime]
    if kind == AttachmentKind.IMAGE:
        raw, mime = _reencode_image(raw, name)
    return CheckedFile(content=raw, original_name=name, content_type=mime, kind=kind)


def _reencode_image(raw: bytes, name: str) -> tuple[bytes, str]:
    try:
        with Image.open(io.BytesIO(raw)) as opened:
            opened.load()
            img = ImageOps.exif_transpose(opened)  # keep the orientation the camera meant
            img.thumbnail((MAX_IMAGE_SIDE, MAX_IMAGE_SIDE))
            out = io.BytesIO()
            if (
                img.mode in ("RGBA", "LA", "P")
                and "transparency" in img.info
                or img.mode
                in (
                    "RGBA",
                    "LA",
                )
            ):
                img.save(out, format="PNG", optimize=True)
                return out.getvalue(), "image/png"
            img.convert("RGB").save(out, format="JPEG", quality=85, optimize=True)
            return out.getvalue(), "image/jpeg"
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise AttachmentError(
            _("“%(name)s” looks like a photo but cannot be opened. Please send another copy.")
            % {"name": name}
        ) from exc


def check_limits(count: int, total_bytes: int) -> None:
    if count > settings.ATTACHMENT_MAX_FILES:
        raise AttachmentError(
            _("Attach at most %(max)d files; you chose %(count)d.")
            % {"max": settings.ATTACHMENT_MAX_FILES, "count": count}
        )
    if total_bytes > settings.ATTACHMENT_MAX_TOTAL_BYTES:
        raise AttachmentError(
            _("Together the files are %(size)s; the total may be at most %(max)s.")
            % {
                "size": filesizeformat(total_bytes),
                "max": filesizeformat(settings.ATTACHMENT_MAX_TOTAL_BYTES),
            }
        )


def stage(checked: CheckedFile) -> PendingUpload:
    """Keep a checked file until its form is complete, so a form error loses nothing."""
    pending = PendingUpload(
        original_name=checked.original_name,
        content_type=checked.content_type,
        kind=checked.kind,
        size=checked.size,
        sha256=checked.sha256,
    )
    pending.file.save(checked.original_name, ContentFile(checked.content), save=False)
    pending.save()
    return pending
