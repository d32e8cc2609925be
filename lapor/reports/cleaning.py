"""Cleaning a file of everything that can name a person, before it is stored.

One entry point, :func:`clean`, called by ``lapor.reports.attachments.check_file`` — the only
way any channel (web form, tracking page, console follow-up, desk, API, e-mail) turns an upload
into a stored file. A file is rebuilt, not edited in place, and the result is checked again:

- **Photos** are decoded and the pixels copied into a fresh image with no metadata at all, then
  encoded as JPEG (or PNG with transparency). EXIF (GPS, camera serial, owner's name), XMP,
  IPTC, JPEG COM segments, GIF comments, PNG text chunks and ICC profiles (their description
  and copyright fields are free text) cannot survive: colours are first converted to sRGB with
  the embedded profile, then the profile is dropped. The output is walked segment by segment
  (JPEG) or chunk by chunk (PNG) and refused if anything else is in it. The size in the header
  is checked before a single pixel is decoded, so a decompression bomb costs nothing.
- **PDF** documents are rewritten by qpdf (``pikepdf``) without the document information
  dictionary (/Author, /Creator, ...), XMP metadata streams (document, page and image level),
  JavaScript, actions (/OpenAction, /AA, every /A that is not an in-document jump), embedded
  and associated files, annotations other than links and form widgets (comments carry their
  author's name), XFA forms, application private data and signature details; JPEG images
  inside keep only their pixels (EXIF/XMP/IPTC/COM segments removed). The result is opened
  again and walked object by object.
- **Audio and video** are remuxed by ffmpeg without container tags, per-stream tags, chapters,
  cover pictures, subtitle or data streams (GPS tracks of action cameras), with the codecs
  copied (no quality loss); ffprobe then confirms that no tag outside a short list of
  technical ones is left. ffmpeg reads only the demuxer we expect for the sniffed type and
  only local files, so a crafted "video" cannot make it open a playlist or a URL.

Anything that cannot be cleaned raises :class:`CleaningFailed`: the file is refused, never
stored as sent.
"""

from __future__ import annotations

import io
import json
import logging
import os
import shutil
import struct
import subprocess
import tempfile
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

if TYPE_CHECKING:
    import pikepdf

log = logging.getLogger(__name__)

# A 12,000 × 4,000 panorama or a 50-megapixel photo is accepted; beyond that decoding would
# need hundreds of megabytes for something no officer needs at that size.
MAX_IMAGE_PIXELS = 50_000_000
MAX_IMAGE_SIDE = 4096
# Pillow's own guard (it raises at twice this) stays as a second line behind ours.
Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS

FFMPEG_TIMEOUT = 60  # seconds; a copy remux of a 10 MB file takes well under one

IMAGE_TYPES = {"image/jpeg", "image/png", "image/webp", "image/gif"}
PDF_TYPES = {"application/pdf"}
# mime type -> (ffmpeg demuxer allowed to read it, ffmpeg muxer that writes it back)
MEDIA_FORMATS: dict[str, tuple[str, str]] = {
    "audio/mpeg": ("mp3", "mp3"),
    "audio/mp4": ("mov", "ipod"),
    "audio/ogg": ("ogg", "ogg"),
    "audio/x-wav": ("wav", "wav"),
    "audio/amr": ("amr", "amr"),
    "audio/aac": ("aac", "adts"),
    "video/mp4": ("mov", "mp4"),
    "video/3gpp": ("mov", "3gp"),
    "video/quicktime": ("mov", "mov"),
    "video/webm": ("matroska", "webm"),
    "video/x-m4v": ("mov", "ipod"),
}
# Tags ffmpeg itself writes that say nothing about a person.
TECHNICAL_TAGS = {
    "major_brand",
    "minor_version",
    "compatible_brands",
    "handler_name",
    "vendor_id",
    "language",
    "encoder",
    "duration",
}


class CleaningFailed(Exception):
    """The file could not be cleaned; ``reason`` says which kind of problem, for the message."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


class TooManyPixels(CleaningFailed):
    def __init__(self, width: int, height: int) -> None:
        super().__init__("too_many_pixels", f"{width}x{height}")
        self.width = width
        self.height = height


@dataclass(frozen=True)
class Cleaned:
    content: bytes
    content_type: str


def clean(raw: bytes, content_type: str) -> Cleaned:
    """Return the file rebuilt without anything that can name a person; raise
    ``CleaningFailed`` when that is not possible. ``content_type`` is the sniffed type."""
    if content_type in IMAGE_TYPES:
        return clean_image(raw)
    if content_type in PDF_TYPES:
        return Cleaned(clean_pdf(raw), content_type)
    if content_type in MEDIA_FORMATS:
        content = clean_media(raw, content_type)
        if content_type in AUDIO_ONLY_AS and not has_video(content, content_type):
            # A voice note recorded in the browser (MediaRecorder writes WebM, or MP4 on
            # Safari): sniffed as video, but it holds sound only.
            return Cleaned(content, AUDIO_ONLY_AS[content_type])
        return Cleaned(content, content_type)
    raise CleaningFailed("unsupported", content_type)


# Containers that may hold sound only, and the type they are served as when they do.
AUDIO_ONLY_AS = {"video/webm": "audio/webm", "video/mp4": "audio/mp4"}


def has_video(content: bytes, content_type: str) -> bool:
    """Does the (cleaned) recording have a picture stream?"""
    demuxer = MEDIA_FORMATS[content_type][0]
    with tempfile.TemporaryDirectory(prefix="lapor-probe-") as work:
        path = os.path.join(work, "in")
        with open(path, "wb") as fh:
            fh.write(content)
        out = _run(
            [
                "ffprobe",
                "-v",
                "error",
                "-protocol_whitelist",
                "file",
                "-f",
                demuxer,
                "-select_streams",
                "V",
                "-show_entries",
                "stream=index",
                "-of",
                "csv=p=0",
                path,
            ]
        )
    return bool(out.strip())


# --- images ---------------------------------------------------------------------------------


def image_size(raw: bytes) -> tuple[int, int]:
    """Width and height from the header alone (no pixel is decoded)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(raw)) as opened:
                return opened.size
        except Image.DecompressionBombError as exc:
            raise TooManyPixels(0, 0) from exc
        except (UnidentifiedImageError, OSError, ValueError) as exc:
            raise CleaningFailed("unreadable", str(exc)) from exc


def clean_image(raw: bytes) -> Cleaned:
    width, height = image_size(raw)
    if width * height > MAX_IMAGE_PIXELS or width <= 0 or height <= 0:
        raise TooManyPixels(width, height)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(raw)) as opened:
                if opened.format == "JPEG":
                    # Decode big JPEGs at 1/2, 1/4 or 1/8 scale straight away: faster, smaller.
                    opened.draft("RGB", (MAX_IMAGE_SIDE, MAX_IMAGE_SIDE))
                opened.load()
                icc = opened.info.get("icc_profile")
                try:
                    img = ImageOps.exif_transpose(opened)  # the orientation the camera meant
                except Exception:  # noqa: BLE001 — a broken EXIF block only loses the rotation
                    img = opened.copy()
                img.thumbnail((MAX_IMAGE_SIDE, MAX_IMAGE_SIDE))
                transparent = img.mode in ("RGBA", "LA", "PA") or "transparency" in img.info
                mode = "RGBA" if transparent else "RGB"
                img = _to_srgb(img, icc, mode)
                pixels = img.convert(mode)
                # A new image from the bare pixels: no info, palette, EXIF, XMP, ICC, text.
                fresh = Image.frombytes(mode, pixels.size, pixels.tobytes())
    except CleaningFailed:
        raise
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise CleaningFailed("unreadable", str(exc)) from exc
    out = io.BytesIO()
    if transparent:
        fresh.save(out, format="PNG", optimize=True)
        content, content_type = out.getvalue(), "image/png"
        verify_png(content)
    else:
        fresh.save(out, format="JPEG", quality=85, optimize=True)
        content, content_type = out.getvalue(), "image/jpeg"
        verify_jpeg(content)
    return Cleaned(content, content_type)


def _to_srgb(img: Image.Image, icc: bytes | None, mode: str) -> Image.Image:
    """Apply an embedded colour profile (so dropping it keeps the colours), if it is usable."""
    if not icc:
        return img
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
        if img.mode not in ("RGB", "RGBA", "CMYK", "L"):
            img = img.convert(mode)
        out_mode = mode if img.mode != "L" else "RGB"
        converted = ImageCms.profileToProfile(img, source, srgb, outputMode=out_mode)
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return img  # an unusable profile: colours as decoded
    return converted if converted is not None else img


# JPEG markers a baseline/optimised Pillow encoding may contain: SOF0-2, DHT, DQT, DRI, SOS,
# and APP0 with the JFIF header. Everything else (APP1 EXIF/XMP, APP2 ICC, APP13 IPTC, COM)
# is metadata.
_JPEG_ALLOWED = {0xC0, 0xC1, 0xC2, 0xC4, 0xDB, 0xDD, 0xDA}


def jpeg_segments(data: bytes) -> list[tuple[int, bytes]]:
    """The (marker, payload) segments of a JPEG up to its first scan."""
    if data[:2] != b"\xff\xd8":
        raise CleaningFailed("verify", "not a JPEG")
    pos, segments = 2, []
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            raise CleaningFailed("verify", "broken JPEG segment")
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            pos += 2
            continue
        if marker == 0xD9:
            break
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        segments.append((marker, data[pos + 4 : pos + 2 + length]))
        pos += 2 + length
        if marker == 0xDA:
            break  # entropy-coded data follows
    return segments


def verify_jpeg(data: bytes) -> None:
    for marker, payload in jpeg_segments(data):
        if marker == 0xE0 and payload.startswith(b"JFIF\x00"):
            continue
        if marker not in _JPEG_ALLOWED:
            raise CleaningFailed("verify", f"JPEG marker {marker:#x} left")


_PNG_ALLOWED = {b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND"}


def png_chunks(data: bytes) -> list[bytes]:
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise CleaningFailed("verify", "not a PNG")
    pos, kinds = 8, []
    while pos + 8 <= len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kinds.append(data[pos + 4 : pos + 8])
        pos += 12 + length
    return kinds


def verify_png(data: bytes) -> None:
    for kind in png_chunks(data):
        if kind not in _PNG_ALLOWED:
            raise CleaningFailed("verify", f"PNG chunk {kind!r} left")


def strip_jpeg_metadata(data: bytes) -> bytes:
    """The same JPEG without APPn (except JFIF and Adobe's colour-transform flag) and COM
    segments: lossless, for JPEG images inside PDF documents."""
    segments = jpeg_segments(data)
    if not segments or segments[-1][0] != 0xDA:
        raise CleaningFailed("verify", "JPEG without a scan")
    out = bytearray(b"\xff\xd8")
    pos = 2
    for marker, payload in segments:
        length = len(payload) + 2
        pos = data.index(bytes([0xFF, marker]) + struct.pack(">H", length), pos)
        keep = (
            marker not in range(0xE0, 0xF0)
            and marker != 0xFE
            or (marker == 0xE0 and payload.startswith(b"JFIF\x00"))
            or (marker == 0xEE and payload.startswith(b"Adobe"))
        )
        if marker == 0xDA:
            out += data[pos:]  # the scan header and everything after it
            break
        if keep:
            out += data[pos : pos + 2 + length]
        pos += 2 + length
    return bytes(out)


# --- PDF ------------------------------------------------------------------------------------

# Keys removed wherever they appear: metadata, scripts, automatic actions, embedded files.
_PDF_DROP_KEYS = {
    "/Metadata",
    "/OpenAction",
    "/AA",
    "/JS",
    "/JavaScript",
    "/EmbeddedFiles",
    "/EF",
    "/AF",
    "/Collection",
    "/PieceInfo",
    "/XFA",
    "/Perms",
    "/SpiderInfo",
}
# The only action kept: a jump to a page of the same document.
_PDF_SAFE_ACTIONS = {"/GoTo"}
_PDF_KEPT_ANNOTATIONS = {"/Link", "/Widget"}
# A signature names its signer, place, reason and time; the signature breaks on rewriting anyway.
_PDF_SIGNATURE_KEYS = {
    "/Name",
    "/Location",
    "/Reason",
    "/ContactInfo",
    "/M",
    "/Contents",
    "/Cert",
    "/Prop_Build",
}


def clean_pdf(raw: bytes) -> bytes:
    # Imported when the first PDF arrives: qpdf's start-up (and its log line) stays out of
    # processes that never see one.
    import pikepdf

    try:
        pdf = pikepdf.open(io.BytesIO(raw))
    except pikepdf.PasswordError as exc:
        raise CleaningFailed("encrypted") from exc
    except (pikepdf.PdfError, ValueError, OSError) as exc:
        raise CleaningFailed("unreadable", str(exc)) from exc
    try:
        with pdf:
            _scrub_pdf(pdf)
            out = io.BytesIO()
            pdf.save(
                out,
                deterministic_id=True,  # a new /ID computed from the content, not the original's
                object_stream_mode=pikepdf.ObjectStreamMode.disable,
                fix_metadata_version=False,
            )
    except CleaningFailed:
        raise
    except Exception as exc:  # noqa: BLE001 — qpdf raises several kinds on broken input
        raise CleaningFailed("unreadable", str(exc)) from exc
    content = out.getvalue()
    verify_pdf(content)
    return content


def _scrub_pdf(pdf: pikepdf.Pdf) -> None:
    import pikepdf

    if "/Info" in pdf.trailer:
        del pdf.trailer["/Info"]
    root = pdf.Root
    if "/Names" in root:
        names = root.Names
        for key in ("/JavaScript", "/EmbeddedFiles"):
            if key in names:
                del names[key]
    for page in pdf.pages:
        if "/Annots" in page.obj:
            kept = [a for a in page.obj.Annots if a.get("/Subtype") in _PDF_KEPT_ANNOTATIONS]
            page.obj.Annots = pikepdf.Array(kept)
    seen: set[tuple[int, int]] = set()
    _scrub_object(root, seen)
    for page in pdf.pages:
        _scrub_object(page.obj, seen)
    for obj in pdf.objects:
        _scrub_object(obj, seen)


def _scrub_object(obj: object, seen: set[tuple[int, int]]) -> None:
    import pikepdf

    if isinstance(obj, pikepdf.Object) and obj.is_indirect:
        if obj.objgen in seen:
            return
        seen.add(obj.objgen)
    if isinstance(obj, pikepdf.Array):
        for item in obj:
            _scrub_object(item, seen)
        return
    if not isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
        return
    for key in list(obj.keys()):
        if key in _PDF_DROP_KEYS:
            del obj[key]
    if "/A" in obj:
        action = obj.get("/A")
        if not isinstance(action, pikepdf.Dictionary) or action.get("/S") not in _PDF_SAFE_ACTIONS:
            del obj["/A"]
    if "/ByteRange" in obj:
        for key in _PDF_SIGNATURE_KEYS & set(obj.keys()):
            del obj[key]
    if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image":
        _clean_pdf_jpeg(obj)
    for key in list(obj.keys()):
        if key not in ("/Parent", "/P"):  # back-references: reached from their owner
            _scrub_object(obj[key], seen)


def _clean_pdf_jpeg(stream: pikepdf.Stream) -> None:
    import pikepdf

    filters = stream.get("/Filter")
    if filters != "/DCTDecode":
        return  # other image encodings carry no metadata of their own
    data = stream.read_raw_bytes()
    cleaned = strip_jpeg_metadata(data)
    if cleaned != data:
        stream.write(cleaned, filter=pikepdf.Name.DCTDecode)


def verify_pdf(content: bytes) -> None:
    import pikepdf

    try:
        with pikepdf.open(io.BytesIO(content)) as pdf:
            if "/Info" in pdf.trailer:
                raise CleaningFailed("verify", "document information left")
            if "/Names" in pdf.Root and (
                "/JavaScript" in pdf.Root.Names or "/EmbeddedFiles" in pdf.Root.Names
            ):
                raise CleaningFailed("verify", "scripts or files left in /Names")
            for obj in pdf.objects:
                if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
                    _verify_pdf_object(obj)
    except pikepdf.PdfError as exc:
        raise CleaningFailed("verify", str(exc)) from exc


def _verify_pdf_object(obj: pikepdf.Object, depth: int = 0) -> None:
    import pikepdf

    if depth > 50:
        return
    if isinstance(obj, pikepdf.Array):
        for item in obj:
            if isinstance(item, pikepdf.Object) and not item.is_indirect:
                _verify_pdf_object(item, depth + 1)
        return
    if not isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
        return
    left = _PDF_DROP_KEYS & set(obj.keys())
    if left:
        raise CleaningFailed("verify", f"{sorted(left)} left")
    action = obj.get("/A")
    if action is not None and (
        not isinstance(action, pikepdf.Dictionary) or action.get("/S") not in _PDF_SAFE_ACTIONS
    ):
        raise CleaningFailed("verify", "an action left")
    if obj.get("/Type") == "/Annot" and obj.get("/Subtype") not in _PDF_KEPT_ANNOTATIONS:
        raise CleaningFailed("verify", "an annotation left")
    if (
        isinstance(obj, pikepdf.Stream)
        and obj.get("/Subtype") == "/Image"
        and obj.get("/Filter") == "/DCTDecode"
    ):
        data = obj.read_raw_bytes()
        if strip_jpeg_metadata(data) != data:
            raise CleaningFailed("verify", "JPEG metadata left in an image")
    for key in list(obj.keys()):  # noqa: SIM118 — pikepdf dictionaries
        value = obj[key]
        if isinstance(value, pikepdf.Object) and not value.is_indirect:
            _verify_pdf_object(value, depth + 1)


# --- audio and video ------------------------------------------------------------------------


def ffmpeg_available() -> bool:
    return bool(shutil.which("ffmpeg") and shutil.which("ffprobe"))


def clean_media(raw: bytes, content_type: str) -> bytes:
    demuxer, muxer = MEDIA_FORMATS[content_type]
    if not ffmpeg_available():
        raise CleaningFailed("no_ffmpeg")
    with tempfile.TemporaryDirectory(prefix="lapor-clean-") as work:
        source = os.path.join(work, "in")
        target = os.path.join(work, "out")
        with open(source, "wb") as fh:
            fh.write(raw)
        # -map 0:V? keeps video but not cover pictures; -map 0:a? the audio; nothing else
        # (subtitles, data tracks such as GPS, attachments). Codecs are copied as they are.
        _run(
            [
                "ffmpeg",
                "-nostdin",
                "-hide_banner",
                "-loglevel",
                "error",
                "-protocol_whitelist",
                "file",
                "-f",
                demuxer,
                "-i",
                source,
                "-map",
                "0:V?",
                "-map",
                "0:a?",
                "-map_metadata",
                "-1",
                "-map_chapters",
                "-1",
                "-c",
                "copy",
                "-fflags",
                "+bitexact",
                "-flags:v",
                "+bitexact",
                "-flags:a",
                "+bitexact",
                "-f",
                muxer,
                target,
            ]
        )
        with open(target, "rb") as fh:
            content = fh.read()
        verify_media(target, demuxer)
    if not content:
        raise CleaningFailed("unreadable", "no audio or video stream")
    return content


def _run(command: list[str]) -> str:
    try:
        done = subprocess.run(  # noqa: S603 — fixed argument list, no shell
            command,
            capture_output=True,
            timeout=FFMPEG_TIMEOUT,
            check=False,
            env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C"},
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise CleaningFailed("unreadable", str(exc)) from exc
    if done.returncode != 0:
        raise CleaningFailed("unreadable", done.stderr.decode(errors="replace")[-500:])
    return done.stdout.decode(errors="replace")


def verify_media(path: str, demuxer: str) -> None:
    """ffprobe must find streams, no chapters and no tag outside the technical ones."""
    out = _run(
        [
            "ffprobe",
            "-v",
            "error",
            "-protocol_whitelist",
            "file",
            "-f",
            demuxer,
            "-show_format",
            "-show_streams",
            "-show_chapters",
            "-of",
            "json",
            path,
        ]
    )
    try:
        probe = json.loads(out)
    except ValueError as exc:
        raise CleaningFailed("verify", "ffprobe output") from exc
    if not probe.get("streams"):
        raise CleaningFailed("unreadable", "no audio or video stream")
    if probe.get("chapters"):
        raise CleaningFailed("verify", "chapters left")
    holders = [probe.get("format", {}), *probe["streams"]]
    for holder in holders:
        for tag in holder.get("tags", {}):
            if tag.lower() not in TECHNICAL_TAGS:
                raise CleaningFailed("verify", f"tag {tag} left")
