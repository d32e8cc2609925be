"""Photos of one street, drawn for the tests: the same scene from different places and days, and
copies of one photo re-saved, resized and re-dated — what a recycled "after" photo looks like."""

from __future__ import annotations

import io
import random

from PIL import Image, ImageDraw, ImageFilter


def street(
    *, camera: float = 0.0, pothole: bool = True, seed: int = 1, light: int = 0
) -> Image.Image:
    """Jalan Colombo seen from ``camera`` (−1 … 1: where along the street the person stood)."""
    rng = random.Random(seed)
    w, h = 640, 480
    img = Image.new("RGB", (w, h), (135 + light, 190 + light // 2, 235))
    draw = ImageDraw.Draw(img)
    horizon = int(200 + 60 * camera)
    vanish = int(w * (0.5 + 0.35 * camera))
    draw.rectangle([0, horizon, w, h], fill=(110 + light, 150 + light, 90))  # verges
    draw.polygon(
        [(vanish - 6, horizon), (vanish + 6, horizon), (w + 200, h), (-200, h)], fill=(80, 80, 85)
    )
    for i in range(7):  # lane marks
        t0, t1 = (i / 7) ** 2, ((i + 0.5) / 7) ** 2
        y0, y1 = horizon + t0 * (h - horizon), horizon + t1 * (h - horizon)
        draw.polygon(
            [
                (vanish - 1 - 4 * t0, y0),
                (vanish + 1 + 4 * t0, y0),
                (vanish + 1 + 4 * t1, y1),
                (vanish - 1 - 4 * t1, y1),
            ],
            fill=(235, 235, 225),
        )
    for side in (-1, 1):  # houses along the street
        for i in range(5):
            t = 0.25 + i * 0.17
            x = vanish + side * (40 + 420 * t * t)
            size = 30 + 160 * t * t
            colour = (200 - 20 * i, 120 + 15 * i, 90 + 25 * i)
            draw.rectangle(
                [x - size / 2, horizon - size, x + size / 2, horizon + 10 * t], fill=colour
            )
            draw.polygon(
                [
                    (x - size / 2 - 8, horizon - size),
                    (x + size / 2 + 8, horizon - size),
                    (x, horizon - size * 1.5),
                ],
                fill=(150, 60, 40),
            )
    if pothole:
        cx, cy = vanish + 60 * (1 - camera), int(horizon + 0.7 * (h - horizon))
        draw.ellipse([cx - 70, cy - 22, cx + 70, cy + 22], fill=(40, 35, 30))
    noisy = img.filter(ImageFilter.GaussianBlur(1))
    pixels = noisy.load()
    for _ in range(4000):  # grain
        x, y = rng.randrange(w), rng.randrange(h)
        r, g, b = pixels[x, y]
        d = rng.randrange(-25, 25)
        pixels[x, y] = (max(0, min(255, r + d)), max(0, min(255, g + d)), max(0, min(255, b + d)))
    return noisy


def jpeg(img: Image.Image, *, quality: int = 90, taken: str | None = None) -> bytes:
    """JPEG bytes; ``taken`` ("2025:06:01 09:30:00") becomes the EXIF DateTimeOriginal."""
    out = io.BytesIO()
    exif = Image.Exif()
    if taken:
        exif.get_ifd(0x8769)[0x9003] = taken
        exif[0x0132] = taken
    img.save(out, "JPEG", quality=quality, exif=exif.tobytes() if taken else b"")
    return out.getvalue()


def resaved(raw: bytes, *, quality: int = 55) -> bytes:
    with Image.open(io.BytesIO(raw)) as img:
        return jpeg(img.convert("RGB"), quality=quality)


def resized(raw: bytes, *, factor: float = 0.5) -> bytes:
    with Image.open(io.BytesIO(raw)) as img:
        small = img.convert("RGB").resize((int(img.width * factor), int(img.height * factor)))
        return jpeg(small)
