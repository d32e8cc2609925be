"""Small builders of real files for upload tests."""

from __future__ import annotations

import functools
import io
import os
import subprocess
import tempfile

import pikepdf
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def jpeg_with_gps(name: str = "foto.jpg", size: tuple[int, int] = (64, 48)) -> SimpleUploadedFile:
    """A real JPEG whose EXIF carries GPS coordinates and a camera owner's name."""
    img = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "KameraMerek"  # Make
    exif[0xA430] = "Siti Rahmawati"  # CameraOwnerName
    gps = {1: "S", 2: (7.0, 46.0, 0.0), 3: "E", 4: (110.0, 22.0, 0.0)}
    exif[0x8825] = gps
    buf = io.BytesIO()
    img.save(buf, format="JPEG", exif=exif)
    return SimpleUploadedFile(name, buf.getvalue(), content_type="image/jpeg")


def pdf_file(name: str = "surat.pdf") -> SimpleUploadedFile:
    """A real one-page PDF (made with pikepdf), without any metadata."""
    return SimpleUploadedFile(name, _plain_pdf(), content_type="application/pdf")


@functools.cache
def _plain_pdf() -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(200, 200))
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def ogg_voice_note(name: str = "pesan-suara.ogg") -> SimpleUploadedFile:
    """A real Opus-in-Ogg voice note, as WhatsApp sends them (made with ffmpeg)."""
    return SimpleUploadedFile(name, media_bytes("ogg"), content_type="audio/ogg")


# ffmpeg muxer and audio/video encoder arguments for each test container.
MEDIA_RECIPES: dict[str, list[str]] = {
    "mp3": ["-c:a", "libmp3lame", "-f", "mp3"],
    "ogg": ["-c:a", "libopus", "-f", "ogg"],
    "m4a": ["-c:a", "aac", "-f", "ipod"],
    "wav": ["-f", "wav"],
    "mp4": ["-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-f", "mp4"],
    "mov": ["-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-f", "mov"],
    "webm": ["-c:v", "libvpx", "-c:a", "libopus", "-f", "webm"],
}
MEDIA_TYPES = {
    "mp3": "audio/mpeg",
    "ogg": "audio/ogg",
    "m4a": "audio/mp4",
    "wav": "audio/x-wav",
    "mp4": "video/mp4",
    "mov": "video/quicktime",
    "webm": "video/webm",
}


@functools.cache
def media_bytes(kind: str, tags: tuple[tuple[str, str], ...] = ()) -> bytes:
    """Half a second of tone (and a test picture for video containers), with ``tags`` written
    as container metadata."""
    video = kind in ("mp4", "mov", "webm")
    inputs = ["-f", "lavfi", "-i", "sine=frequency=440:duration=0.5"]
    if video:
        inputs += ["-f", "lavfi", "-i", "testsrc=size=64x48:rate=5:duration=0.5"]
    meta: list[str] = []
    for key, value in tags:
        meta += ["-metadata", f"{key}={value}"]
    with tempfile.TemporaryDirectory() as work:
        out = os.path.join(work, f"out.{kind}")
        subprocess.run(
            ["ffmpeg", "-nostdin", "-v", "error", "-y", *inputs, *meta, "-shortest"]
            + MEDIA_RECIPES[kind]
            + [out],
            check=True,
            timeout=60,
        )
        with open(out, "rb") as fh:
            return fh.read()


def executable_as_jpg(name: str = "foto-jalan.jpg") -> SimpleUploadedFile:
    # A Windows PE executable header, named like a photo.
    body = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 50 + b"PE\x00\x00"
    return SimpleUploadedFile(name, body + b"\x00" * 500, content_type="image/jpeg")


def big_file(name: str, size: int) -> SimpleUploadedFile:
    img = io.BytesIO()
    Image.new("RGB", (8, 8)).save(img, format="PNG")
    data = img.getvalue()
    return SimpleUploadedFile(name, data + b"\x00" * (size - len(data)), content_type="image/png")
