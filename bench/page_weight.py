"""Page weight of the report form as a phone downloads it: the HTML as the server compresses
it (CompressionMiddleware, gzip) and each stylesheet and script it links, compressed as
whitenoise stores them (gzip and brotli). The directory must be loaded and the static files
collected (`make setup`), so the category and province lists and the asset names are the real
ones.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lapor .venv/bin/python bench/page_weight.py
"""

from __future__ import annotations

import gzip
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lapor.settings")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

import django  # noqa: E402

django.setup()

import brotli  # noqa: E402
from django.conf import settings  # noqa: E402
from django.test import Client  # noqa: E402

BUDGET = 60 * 1024


def assets(html: str) -> list[str]:
    links = re.findall(
        r'<(?:link rel="stylesheet"|script) [^>]*?(?:href|src)="/static/([^"?]+)', html
    )
    return sorted(set(links))


def weigh(path: str, cookies: dict[str, str] | None = None) -> int:
    client = Client()
    for k, v in (cookies or {}).items():
        client.cookies[k] = v
    response = client.get(path, HTTP_ACCEPT_ENCODING="gzip, br")
    raw = response.content
    html = (
        gzip.decompress(raw).decode()
        if response.get("Content-Encoding") == "gzip"
        else raw.decode()
    )
    print(f"{path}{' (easy-read)' if cookies else ''}")
    encoding = response.get("Content-Encoding", "none")
    print(f"  HTML            {len(html.encode()):>8,} B raw  {len(raw):>7,} B sent ({encoding})")
    total_gz, total_br = len(raw), len(raw)
    for name in assets(html):
        # As collectstatic stored them (hashed name, whitenoise's .gz and .br beside it).
        path = Path(settings.STATIC_ROOT) / name
        data = path.read_bytes()
        gz_file, br_file = Path(f"{path}.gz"), Path(f"{path}.br")
        gz = gz_file.stat().st_size if gz_file.exists() else len(gzip.compress(data, 9))
        br = br_file.stat().st_size if br_file.exists() else len(brotli.compress(data))
        total_gz += gz
        total_br += br
        print(f"  {name:<15} {len(data):>8,} B raw  {gz:>7,} B gzip  {br:>7,} B brotli")
    print(
        f"  total           {total_gz:>8,} B with gzip assets, {total_br:,} B with brotli assets"
        f" — budget {BUDGET:,} B: {'OK' if total_gz <= BUDGET else 'OVER'}"
    )
    return total_gz


if __name__ == "__main__":
    worst = max(
        weigh("/lapor/"),
        weigh("/en/lapor/"),
        weigh("/lapor/", {"lapor_mudah": "1"}),
    )
    sys.exit(0 if worst <= BUDGET else 1)
