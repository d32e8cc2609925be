"""The daily open-data dump: every public report and its public timeline, as gzip'd CSV
(``reports.csv.gz`` + ``timeline.csv.gz``) and JSON (``reports.json.gz``, timeline nested),
written to the default storage under ``opendata/<date>/``; ``opendata/latest.json`` names the
newest complete dump. Run by ``manage.py dump_open_data`` and the daily periodic job.

Files are built in a temporary directory and stored only when complete, then the manifest is
replaced last, so a download link never points at a half-written dump.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import hashlib
import json
import tempfile
from pathlib import Path
from typing import Any

from django.core.files import File
from django.core.files.storage import default_storage
from django.utils import timezone

from lapor.core.cells import csv_cell
from lapor.core.timezones import WIB
from lapor.opendata import records

PREFIX = "opendata"
MANIFEST = f"{PREFIX}/latest.json"
FILES = ("reports.csv.gz", "timeline.csv.gz", "reports.json.gz")
KEEP_DAYS = 14


def _csv_value(value: Any) -> Any:
    # Empty for None; formula-like text (a title "=HYPERLINK(…)") behind an apostrophe, so the
    # CSV opened in a spreadsheet shows text (lapor.core.cells). The JSON file keeps the text
    # as it is: JSON is not read by spreadsheet programs.
    return csv_cell(value)


def write_dump(now: dt.datetime | None = None) -> dict[str, Any]:
    """Write today's dump and the manifest; returns the manifest."""
    now = now or timezone.now()
    day = timezone.localtime(now, WIB).date().isoformat()
    counts = {"reports": 0, "events": 0}
    with tempfile.TemporaryDirectory(prefix="lapor-opendata-") as tmp:
        paths = {name: Path(tmp) / name for name in FILES}
        with (
            gzip.open(paths["reports.csv.gz"], "wt", encoding="utf-8", newline="") as rep_csv,
            gzip.open(paths["timeline.csv.gz"], "wt", encoding="utf-8", newline="") as ev_csv,
            gzip.open(paths["reports.json.gz"], "wt", encoding="utf-8") as js,
        ):
            rep_writer = csv.DictWriter(rep_csv, fieldnames=records.REPORT_COLUMNS)
            ev_writer = csv.DictWriter(ev_csv, fieldnames=records.EVENT_COLUMNS)
            rep_writer.writeheader()
            ev_writer.writeheader()
            stamp = json.dumps(timezone.localtime(now, WIB).isoformat(timespec="seconds"))
            js.write(f'{{"generated_at": {stamp}, "reports": [')
            first = True
            for batch, names in records.batches(records.open_reports()):
                for report in batch:
                    record = records.full_record(report, names)
                    timeline = record["timeline"]
                    rep_writer.writerow(
                        {k: _csv_value(v) for k, v in record.items() if k != "timeline"}
                    )
                    for event in timeline:
                        ev_writer.writerow({k: _csv_value(v) for k, v in event.items()})
                    js.write(("\n" if first else ",\n") + json.dumps(record, ensure_ascii=False))
                    first = False
                    counts["reports"] += 1
                    counts["events"] += len(timeline)
            js.write("\n]}\n")
        files = []
        for name, path in paths.items():
            target = f"{PREFIX}/{day}/{name}"
            if default_storage.exists(target):
                default_storage.delete(target)
            with path.open("rb") as fh:
                default_storage.save(target, File(fh, name=name))
            files.append(
                {
                    "name": name,
                    "path": target,
                    "bytes": path.stat().st_size,
                    "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
                }
            )
    manifest = {
        "date": day,
        "generated_at": timezone.localtime(now, WIB).isoformat(timespec="seconds"),
        "reports": counts["reports"],
        "events": counts["events"],
        "files": files,
    }
    if default_storage.exists(MANIFEST):
        default_storage.delete(MANIFEST)
    default_storage.save(
        MANIFEST, File(_bytes_file(json.dumps(manifest, indent=2)), name="latest.json")
    )
    _prune(now)
    return manifest


def _bytes_file(text: str):  # type: ignore[no-untyped-def]
    import io

    return io.BytesIO(text.encode())


def latest_manifest() -> dict[str, Any] | None:
    if not default_storage.exists(MANIFEST):
        return None
    with default_storage.open(MANIFEST, "rb") as fh:
        return json.loads(fh.read())


def _prune(now: dt.datetime) -> None:
    """Keep two weeks of dumps: each one is complete, older ones only cost storage."""
    try:
        days, _files = default_storage.listdir(PREFIX)
    except (FileNotFoundError, NotImplementedError):
        # No dump yet, or a storage backend that cannot list folders (Django's API allows
        # that): nothing to prune, the dumps stay.
        return
    cutoff = (timezone.localtime(now, WIB).date() - dt.timedelta(days=KEEP_DAYS)).isoformat()
    for day in days:
        if len(day) == 10 and day < cutoff:
            for name in FILES:
                path = f"{PREFIX}/{day}/{name}"
                if default_storage.exists(path):
                    default_storage.delete(path)
