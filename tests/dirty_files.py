"""Files that carry a person's name (or any planted string) in their metadata, made here with
Pillow, pikepdf and ffmpeg, and a way to look for the planted strings in what we store.

Each builder takes ``secret`` and plants it in every place its format can hide text."""

from __future__ import annotations

import io
import os
import subprocess
import tempfile
import zlib
from collections.abc import Callable

import pikepdf
from PIL import Image, ImageCms
from PIL.PngImagePlugin import PngInfo

from tests.helpers import MEDIA_TYPES, media_bytes


def _exif(secret: str) -> Image.Exif:
    exif = Image.Exif()
    exif[0x010E] = f"desc {secret}"  # ImageDescription
    exif[0x013B] = secret  # Artist
    exif[0x8298] = f"(c) {secret}"  # Copyright
    exif[0xA430] = secret  # CameraOwnerName
    exif[0x8825] = {1: "S", 2: (7.0, 46.0, 0.0), 3: "E", 4: (110.0, 22.0, 0.0)}  # GPS
    return exif


def _xmp(secret: str) -> bytes:
    return (
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:creator>{secret}</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>"
    ).encode()


def _icc(secret: str) -> bytes:
    """A valid sRGB profile with ``secret`` in private data after it."""
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    return profile + secret.encode()  # trailing bytes: a profile may carry private data


def jpeg(secret: str) -> tuple[str, bytes, str]:
    img = Image.new("RGB", (48, 32), (200, 30, 30))
    out = io.BytesIO()
    img.save(
        out,
        format="JPEG",
        exif=_exif(secret),
        comment=f"COM {secret}".encode(),
        icc_profile=_icc(secret),
        xmp=_xmp(secret),
    )
    return "foto.jpg", out.getvalue(), "image/jpeg"


def png(secret: str) -> tuple[str, bytes, str]:
    info = PngInfo()
    info.add_text("Author", secret)
    info.add_text("Comment", f"zipped {secret}", zip=True)
    info.add_itxt("Description", f"intl {secret}", lang="id", tkey="Deskripsi")
    img = Image.new("RGBA", (40, 30), (10, 200, 30, 128))
    out = io.BytesIO()
    img.save(out, format="PNG", pnginfo=info, exif=_exif(secret), icc_profile=_icc(secret))
    return "gambar.png", out.getvalue(), "image/png"


def gif(secret: str) -> tuple[str, bytes, str]:
    frames = [Image.new("P", (30, 20), i) for i in (1, 2)]
    out = io.BytesIO()
    frames[0].save(
        out, format="GIF", save_all=True, append_images=frames[1:], comment=f"GIF {secret}"
    )
    return "animasi.gif", out.getvalue(), "image/gif"


def webp(secret: str) -> tuple[str, bytes, str]:
    img = Image.new("RGB", (40, 30), (30, 30, 200))
    out = io.BytesIO()
    img.save(out, format="WEBP", exif=_exif(secret), xmp=_xmp(secret), icc_profile=_icc(secret))
    return "foto.webp", out.getvalue(), "image/webp"


def pdf(secret: str) -> tuple[str, bytes, str]:
    """/Author and friends, XMP, an OpenAction and a named JavaScript, an embedded file, a page
    action, a comment annotation with its author, a link that launches, and a JPEG image with
    EXIF and a comment inside."""
    doc = pikepdf.new()
    doc.add_blank_page(page_size=(200, 200))
    page = doc.pages[0]
    doc.docinfo["/Author"] = secret
    doc.docinfo["/Creator"] = f"creator {secret}"
    doc.docinfo["/Title"] = f"title {secret}"
    with doc.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["dc:creator"] = [secret]
    script = doc.make_indirect(
        pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=f"app.alert('{secret}');")
    )
    doc.Root.OpenAction = script
    doc.Root.AA = pikepdf.Dictionary(WC=script)
    attached = doc.make_stream(f"lampiran {secret}".encode())
    attached.Type = pikepdf.Name.EmbeddedFile
    filespec = pikepdf.Dictionary(
        Type=pikepdf.Name.Filespec,
        F=pikepdf.String("rahasia.txt"),
        UF=pikepdf.String("rahasia.txt"),
        Desc=pikepdf.String(f"file of {secret}"),
        EF=pikepdf.Dictionary(F=attached),
    )
    doc.Root.Names = pikepdf.Dictionary(
        JavaScript=pikepdf.Dictionary(Names=pikepdf.Array([pikepdf.String("s"), script])),
        EmbeddedFiles=pikepdf.Dictionary(
            Names=pikepdf.Array([pikepdf.String("rahasia.txt"), doc.make_indirect(filespec)])
        ),
    )
    page.obj.AA = pikepdf.Dictionary(O=script)
    comment = pikepdf.Dictionary(
        Type=pikepdf.Name.Annot,
        Subtype=pikepdf.Name.Text,
        Rect=pikepdf.Array([10, 10, 30, 30]),
        T=pikepdf.String(secret),
        Contents=pikepdf.String(f"note by {secret}"),
    )
    launch = pikepdf.Dictionary(
        Type=pikepdf.Name.Annot,
        Subtype=pikepdf.Name.Link,
        Rect=pikepdf.Array([40, 40, 80, 80]),
        A=pikepdf.Dictionary(S=pikepdf.Name.Launch, F=pikepdf.String(f"{secret}.exe")),
    )
    attachment_annot = pikepdf.Dictionary(
        Type=pikepdf.Name.Annot,
        Subtype=pikepdf.Name.FileAttachment,
        Rect=pikepdf.Array([90, 90, 110, 110]),
        FS=doc.make_indirect(filespec),
    )
    page.obj.Annots = doc.make_indirect(
        pikepdf.Array(
            [
                doc.make_indirect(comment),
                doc.make_indirect(launch),
                doc.make_indirect(attachment_annot),
            ]
        )
    )
    photo = io.BytesIO()
    Image.new("RGB", (16, 16), (90, 90, 90)).save(
        photo, format="JPEG", exif=_exif(secret), comment=f"COM {secret}".encode()
    )
    image = doc.make_stream(photo.getvalue())
    image.Type = pikepdf.Name.XObject
    image.Subtype = pikepdf.Name.Image
    image.Width, image.Height, image.BitsPerComponent = 16, 16, 8
    image.ColorSpace = pikepdf.Name.DeviceRGB
    image.Filter = pikepdf.Name.DCTDecode
    image.Metadata = doc.make_stream(_xmp(secret))
    page.obj.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image))
    page.obj.Contents = doc.make_stream(b"q 16 0 0 16 20 20 cm /Im0 Do Q")
    out = io.BytesIO()
    # Uncompressed, so that the planted strings are plainly in the bytes we send.
    doc.save(
        out,
        compress_streams=False,
        object_stream_mode=pikepdf.ObjectStreamMode.disable,
        fix_metadata_version=False,
    )
    return "surat.pdf", out.getvalue(), "application/pdf"


def media(kind: str) -> Callable[[str], tuple[str, bytes, str]]:
    def build(secret: str) -> tuple[str, bytes, str]:
        tags = (
            ("title", f"judul {secret}"),
            ("artist", secret),
            ("comment", f"komentar {secret}"),
            ("location", "-07.7828+110.3671/"),
        )
        return f"rekaman.{kind}", media_bytes(kind, tags), MEDIA_TYPES[kind]

    return build


BUILDERS: dict[str, Callable[[str], tuple[str, bytes, str]]] = {
    "jpeg": jpeg,
    "png": png,
    "gif": gif,
    "webp": webp,
    "pdf": pdf,
    **{kind: media(kind) for kind in ("mp3", "ogg", "m4a", "wav", "mp4", "mov", "webm")},
}


def png_bomb(side: int = 9990) -> bytes:
    """A valid greyscale PNG of ``side`` × ``side`` black pixels: about 100 KB on disk, 100 MB
    once decoded."""
    row = b"\x00" * (side + 1)  # filter byte + pixels
    packer = zlib.compressobj(9)
    chunks = [packer.compress(row) for _ in range(side)]
    data = b"".join(chunks) + packer.flush()

    def chunk(kind: bytes, payload: bytes) -> bytes:
        body = kind + payload
        return len(payload).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")

    header = side.to_bytes(4, "big") * 2 + bytes([8, 0, 0, 0, 0])
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


def readable_text(data: bytes) -> bytes:
    """The bytes as stored, plus every PDF stream decoded (planted text could hide in a
    compressed stream), so that a search for a planted string cannot miss it."""
    parts = [data]
    if data.startswith(b"%PDF"):
        with pikepdf.open(io.BytesIO(data)) as doc:
            for obj in doc.objects:
                if isinstance(obj, pikepdf.Stream):
                    try:
                        parts.append(obj.read_bytes())
                    except pikepdf.PdfError:
                        parts.append(obj.read_raw_bytes())
    return b"\n".join(parts)


def leaks(data: bytes, secret: str) -> list[str]:
    """Encodings of ``secret`` found in ``data`` (UTF-8, UTF-16 both ways)."""
    text = readable_text(data)
    found = []
    for encoding in ("utf-8", "utf-16-be", "utf-16-le"):
        if secret.encode(encoding) in text:
            found.append(encoding)
    return found


def still_usable(data: bytes, content_type: str) -> None:
    """The cleaned file is still what it was: a picture, a document, a recording."""
    if content_type.startswith("image/"):
        with Image.open(io.BytesIO(data)) as img:
            img.load()
            assert img.size[0] > 0
    elif content_type == "application/pdf":
        with pikepdf.open(io.BytesIO(data)) as doc:
            assert len(doc.pages) == 1
    else:
        with tempfile.NamedTemporaryFile() as fh:
            fh.write(data)
            fh.flush()
            probe = subprocess.run(
                [
                    "ffprobe",
                    "-v",
                    "error",
                    "-show_entries",
                    "stream=codec_type",
                    "-of",
                    "csv",
                    fh.name,
                ],
                capture_output=True,
                check=True,
                timeout=30,
                env={"PATH": os.environ.get("PATH", "/usr/bin")},
            )
            assert b"audio" in probe.stdout or b"video" in probe.stdout
