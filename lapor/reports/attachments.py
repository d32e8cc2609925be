"""Checking attachments: type from content, size limits, every file cleaned of metadata, and
storing them safely.

The file name and the browser's declared type are never trusted: ``filetype`` reads the magic
bytes. Every file is then rebuilt without anything that can name a person (EXIF and comments in
photos, authors and scripts in PDFs, tags in recordings): see ``lapor.reports.cleaning``. A file
that cannot be cleaned is refused. ``check_file`` + ``stage`` are the only way any channel
stores an uploaded file (a test in tests/reports checks that nothing else writes to storage).

Storing is careful too: a full disk or an object store that is down leaves no partial file
behind and answers ``StorageUnavailable`` with a message saying nothing typed is lost.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Count, Q, Sum
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

from lapor.agencies.models import TeamDecree
from lapor.core.errors import DomainError
from lapor.reports import cleaning, evidence
from lapor.reports.models import Attachment, AttachmentKind, PendingUpload, attachment_path

log = logging.getLogger(__name__)

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


class StorageUnavailable(DomainError):
    """The storage refused a write (disk full, object store down): a temporary problem."""

    def __init__(self, message: str) -> None:
        super().__init__(message, code="storage_unavailable")


@dataclass(frozen=True)
class CheckedFile:
    content: bytes
    original_name: str
    content_type: str
    kind: str
    # Photos: perceptual hash and camera time (lapor.reports.evidence), never published.
    phash: str = ""
    captured_at: dt.datetime | None = None

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
    try:
        cleaned = cleaning.clean(raw, mime)
    except cleaning.CleaningFailed as exc:
        log.info("refused %s (%s): %s", mime, exc.reason, exc)
        raise AttachmentError(_cleaning_message(exc, kind, name)) from exc
    if cleaned.content_type.startswith("audio/"):
        kind = AttachmentKind.AUDIO  # e.g. a browser's voice note in a WebM container
    photo = kind == AttachmentKind.IMAGE
    return CheckedFile(
        content=cleaned.content,
        original_name=name,
        content_type=cleaned.content_type,
        kind=kind,
        # The capture time comes from the tags of what was sent, before they were stripped.
        phash=evidence.fingerprint(cleaned.content) if photo else "",
        captured_at=evidence.capture_time(raw) if photo else None,
    )


def _cleaning_message(exc: cleaning.CleaningFailed, kind: str, name: str) -> str:
    if isinstance(exc, cleaning.TooManyPixels):
        return _(
            "“%(name)s” is too large a picture (more than %(mp)d megapixels). "
            "Please send a smaller copy."
        ) % {"name": name, "mp": cleaning.MAX_IMAGE_PIXELS // 1_000_000}
    if exc.reason == "encrypted":
        return _(
            "“%(name)s” is protected by a password, so we cannot remove its hidden details. "
            "Please send a copy without a password."
        ) % {"name": name}
    if exc.reason == "no_ffmpeg":
        return _(
            "Voice recordings and videos cannot be accepted right now: the server cannot remove "
            "their hidden details (names, places, dates). Please send “%(name)s” later, or "
            "describe it in writing."
        ) % {"name": name}
    if kind == AttachmentKind.IMAGE:
        return _(
            "“%(name)s” looks like a photo but cannot be opened. Please send another copy."
        ) % {"name": name}
    if kind == AttachmentKind.DOCUMENT:
        return _(
            "“%(name)s” looks like a PDF document but cannot be read and cleaned of its hidden "
            "details (author, scripts, embedded files). Please send another copy, for example "
            "printed again to PDF, or a photo of it."
        ) % {"name": name}
    return _(
        "“%(name)s” cannot be cleaned of its hidden details (names, places and dates in its "
        "tags), so it was not accepted. Please send the recording or video in another format "
        "(MP4, M4A, MP3 or OGG)."
    ) % {"name": name}


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


@dataclass(frozen=True)
class StagingClient:
    """Who is staging files through a form: keyed hashes of the client address and session,
    never the address itself."""

    address_hash: str = ""
    session_hash: str = ""

    @classmethod
    def of(cls, address: str, session_key: str) -> StagingClient:
        return cls(
            address_hash=_keyed("staging-address", address) if address else "",
            session_hash=_keyed("staging-session", session_key) if session_key else "",
        )


def _keyed(purpose: str, value: str) -> str:
    message = f"{purpose}\x1f{value}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


STAGING_WINDOW = dt.timedelta(days=1)


def check_staging_allowed(client: StagingClient, *, files: int, size: int) -> None:
    """Refuse staging more files for a client that already has many files staged by forms it
    never completed (the same day): a failing form cannot be used to fill the storage.

    Finished forms do not count: their staged rows became attachments. Raises AttachmentError
    (code ``rate_limited``).
    """
    since = timezone.now() - STAGING_WINDOW
    limits = (
        (client.session_hash, "session_hash", settings.STAGING_MAX_FILES_PER_SESSION, None),
        (
            client.address_hash,
            "address_hash",
            settings.STAGING_MAX_FILES_PER_ADDRESS,
            settings.STAGING_MAX_BYTES_PER_ADDRESS,
        ),
    )
    for value, column, max_files, max_bytes in limits:
        if not value:
            continue
        used = PendingUpload.objects.filter(Q(**{column: value}), created_at__gte=since).aggregate(
            n=Count("pk"), total=Sum("size")
        )
        too_many = (used["n"] or 0) + files > max_files
        too_big = max_bytes is not None and (used["total"] or 0) + size > max_bytes
        if too_many or too_big:
            raise AttachmentError(
                _(
                    "Too many files were sent from your connection without a report being "
                    "sent. What you typed is kept: send the report with the files already "
                    "received, remove some, or try again tomorrow."
                ),
                code="rate_limited",
            )


def stage(checked: CheckedFile, *, client: StagingClient | None = None) -> PendingUpload:
    """Keep a checked file until its form is complete, so a form error loses nothing.

    The bytes are written first and then the row; if either fails nothing is left behind
    (what a crash leaves is swept by ``purge_stale_uploads``)."""
    storage = PendingUpload._meta.get_field("file").storage
    name = store_bytes(storage, checked.original_name, checked.content)
    client = client or StagingClient()
    try:
        return PendingUpload.objects.create(
            file=name,
            original_name=checked.original_name,
            content_type=checked.content_type,
            kind=checked.kind,
            size=checked.size,
            sha256=checked.sha256,
            phash=checked.phash,
            captured_at=checked.captured_at,
            address_hash=client.address_hash,
            session_hash=client.session_hash,
        )
    except BaseException:
        delete_quietly(storage, name)
        raise


def _storage_message(name: str) -> str:
    return _(
        "“%(name)s” could not be stored: our file storage is full or unavailable. What you "
        "typed and the files already received are kept; please try again in a few minutes."
    ) % {"name": name}


def store_bytes(storage: Storage, original_name: str, content: bytes) -> str:
    """Write ``content`` under a new random name through the storage API and return the name.

    Any failure (no space, quota, I/O error, object store unreachable) removes what may have
    been written and raises ``StorageUnavailable``; a short write is treated as a failure, so
    no zero-byte or truncated file is ever left for a row to point at."""
    target = attachment_path(None, original_name)  # type: ignore[arg-type]
    try:
        saved = storage.save(target, ContentFile(content))
    except Exception as exc:  # noqa: BLE001 — each storage backend raises its own kinds
        log.warning("storing an upload failed: %s", exc)
        delete_quietly(storage, target)
        raise StorageUnavailable(_storage_message(original_name)) from exc
    try:
        written = storage.size(saved)
    except Exception:  # noqa: BLE001
        written = -1
    if written != len(content):
        log.warning("storing an upload wrote %s of %s bytes", written, len(content))
        delete_quietly(storage, saved)
        raise StorageUnavailable(_storage_message(original_name))
    return saved


def delete_quietly(storage: Storage, name: str) -> bool:
    try:
        storage.delete(name)
    except Exception as exc:  # noqa: BLE001 — the storage sweep removes it later
        log.warning("could not delete %s: %s", name, exc)
        return False
    return True


@dataclass
class Purged:
    rows: int = 0
    files: int = 0
    kept: int = 0


def purge_stale_uploads(
    now: dt.datetime | None = None,
    *,
    grace: dt.timedelta | None = None,
    sweep_storage: bool = True,
) -> Purged:
    """Delete staged files of forms never completed (older than a day), then (with
    ``sweep_storage``) sweep the storage itself: files under ``attachments/`` that no attachment
    or staged upload refers to and older than ``grace`` (failed attempts, crashes, rolled-back
    transactions) go too. The sweep lists every stored file, so the worker runs it daily and
    the cheap first part hourly.

    Only the storage API is used, so this works the same on a disk and on an object store."""
    now = now or timezone.now()
    grace = grace if grace is not None else dt.timedelta(hours=settings.STORAGE_ORPHAN_GRACE_HOURS)
    result = Purged()
    storage = PendingUpload._meta.get_field("file").storage
    stale = PendingUpload.objects.filter(created_at__lt=now - STAGING_WINDOW)
    for pending in stale.iterator():
        name = pending.file.name or ""
        orphaned = bool(name) and not Attachment.objects.filter(file=name).exists()
        if orphaned and not delete_quietly(storage, name):
            result.kept += 1
            continue  # the row stays, so the next run tries again
        pending.delete()
        result.rows += 1
    if not sweep_storage:
        return result
    for directory in _attachment_dirs(storage):
        try:
            _dirs, names = storage.listdir(directory)
        except Exception as exc:  # noqa: BLE001
            log.warning("could not list %s: %s", directory, exc)
            continue
        paths = [f"{directory}/{n}" for n in names]
        for start in range(0, len(paths), 500):
            batch = paths[start : start + 500]
            owned = set(
                Attachment.objects.filter(file__in=batch).values_list("file", flat=True)
            ) | set(PendingUpload.objects.filter(file__in=batch).values_list("file", flat=True))
            # Agencies' team decrees (lapor.stats.evaluation) are stored the same way.
            owned |= set(TeamDecree.objects.filter(file__in=batch).values_list("file", flat=True))
            for path in batch:
                if path in owned:
                    continue
                try:
                    modified = storage.get_modified_time(path)
                except Exception:  # noqa: BLE001, S112 — gone meanwhile, or unknown: leave it
                    continue
                if timezone.is_naive(modified):
                    modified = timezone.make_aware(modified, dt.UTC)
                if modified > now - grace:
                    continue  # may belong to an upload being stored right now
                if delete_quietly(storage, path):
                    result.files += 1
                else:
                    result.kept += 1
    return result


def _attachment_dirs(storage: Storage) -> list[str]:
    try:
        dirs, _files = storage.listdir("attachments")
    except FileNotFoundError:
        return []
    except Exception as exc:  # noqa: BLE001
        log.warning("could not list the attachments: %s", exc)
        return []
    return ["attachments"] + [f"attachments/{d}" for d in sorted(dirs)]


def discard_staged(staged: list[PendingUpload] | tuple[PendingUpload, ...]) -> None:
    """Forget staged uploads nobody will complete (a refused API call): rows and bytes."""
    storage = PendingUpload._meta.get_field("file").storage
    for pending in staged:
        if PendingUpload.objects.filter(pk=pending.pk).delete()[0] and not (
            Attachment.objects.filter(file=pending.file.name).exists()
        ):
            delete_quietly(storage, pending.file.name or "")


@dataclass
class Recleaned:
    cleaned: int = 0
    already_clean: int = 0
    failed: list[int] | None = None


def _already_clean(raw: bytes, content_type: str) -> bool:
    """Photos stored by an earlier version were re-encoded already, and a PDF cleaned once
    passes the check: only files with something left in them (a JPEG comment, an /Author)
    need another pass; a clean photo is not re-encoded again."""
    try:
        if content_type == "image/jpeg":
            cleaning.verify_jpeg(raw)
            return True
        if content_type == "image/png":
            cleaning.verify_png(raw)
            return True
        if content_type == "application/pdf":
            cleaning.verify_pdf(raw)
            return True
    except cleaning.CleaningFailed:
        return False
    return False


def attachments_reclean(*, batch: int = 200) -> Recleaned:
    """Clean the files stored before cleaning existed (or by an older, weaker version).

    Each attachment whose file still carries metadata is cleaned as a new upload would be,
    written under a new name, the row pointed at it (size, checksum, type), then the old file
    deleted. A file that cannot be cleaned is left as it is and its id reported, so an admin
    can look at it: evidence is never deleted here."""
    result = Recleaned(failed=[])
    assert result.failed is not None
    storage = Attachment._meta.get_field("file").storage
    last = 0
    while True:
        rows = list(Attachment.objects.filter(pk__gt=last).order_by("pk")[:batch])
        if not rows:
            return result
        for attachment in rows:
            last = attachment.pk
            old = attachment.file.name or ""
            try:
                with storage.open(old, "rb") as fh:
                    raw = fh.read()
            except Exception as exc:  # noqa: BLE001 — a missing or unreadable file: report it
                log.warning("attachment %s: cannot read %s: %s", attachment.pk, old, exc)
                result.failed.append(attachment.pk)
                continue
            if _already_clean(raw, attachment.content_type):
                result.already_clean += 1
                continue
            try:
                cleaned = cleaning.clean(raw, attachment.content_type)
            except cleaning.CleaningFailed as exc:
                log.warning("attachment %s cannot be cleaned: %s", attachment.pk, exc)
                result.failed.append(attachment.pk)
                continue
            if cleaned.content == raw:
                result.already_clean += 1
                continue
            name = store_bytes(storage, attachment.original_name, cleaned.content)
            updated = Attachment.objects.filter(pk=attachment.pk, file=old).update(
                file=name,
                size=len(cleaned.content),
                sha256=hashlib.sha256(cleaned.content).hexdigest(),
                content_type=cleaned.content_type,
            )
            if updated:
                delete_quietly(storage, old)
                result.cleaned += 1
            else:  # changed meanwhile: keep the row as it is
                delete_quietly(storage, name)
