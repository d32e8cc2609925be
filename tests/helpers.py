"""Small builders of real files for upload tests."""

from __future__ import annotations

import io

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
    body = (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )
    return SimpleUploadedFile(name, body, content_type="application/pdf")


def ogg_voice_note(name: str = "pesan-suara.ogg") -> SimpleUploadedFile:
    # An Ogg page header with an Opus identification packet, as WhatsApp voice notes begin.
    head = b"OggS\x00\x02" + b"\x00" * 20 + b"\x01\x13OpusHead\x01\x01\x38\x01\x80\xbb\x00\x00"
    return SimpleUploadedFile(name, head + b"\x00" * 200, content_type="audio/ogg")


def executable_as_jpg(name: str = "foto-jalan.jpg") -> SimpleUploadedFile:
    # A Windows PE executable header, named like a photo.
    body = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 50 + b"PE\x00\x00"
    return SimpleUploadedFile(name, body + b"\x00" * 500, content_type="image/jpeg")


def big_file(name: str, size: int) -> SimpleUploadedFile:
    img = io.BytesIO()
    Image.new("RGB", (8, 8)).save(img, format="PNG")
    data = img.getvalue()
    return SimpleUploadedFile(name, data + b"\x00" * (size - len(data)), content_type="image/png")
