"""Load the vendored Kemendagri area codes into :class:`~lapor.regions.models.Region`.

The source is the npm package ``idn-area-data`` 4.0.1 (ODbL, see ``data/LICENSE-ODbL.md``),
which follows Kepmendagri No. 300.2.2-2138 Tahun 2025. The four ``*.csv.gz`` files are
committed so that a fresh checkout can load the directory without Node or a network; the
``refresh_region_data`` command rewrites them.

Why the loader looks the way it does:

* It is *idempotent*: rows are upserted on their natural key (the dotted code, which is the
  primary key), so running it twice creates no duplicates and restores any name edited by
  hand in the database.
* It writes *only what differs*: existing rows are read once as plain tuples and compared in
  Python, and only new or changed rows are sent to ``bulk_create(update_conflicts=True)``.
  A second run on an unchanged database therefore issues no write at all and takes a
  fraction of the first run's time, on SQLite as on PostgreSQL.
* It never deletes. Regions are referenced by reports (``on_delete=PROTECT``); a code that
  disappears upstream (a merged village, say) stays until someone decides what to do with
  the reports that point to it.

:func:`bulk_upsert` is the one generic helper; the agency directory loader reuses it.
"""

from __future__ import annotations

import csv
import gzip
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import models, transaction

from .models import Region

DATA_DIR = Path(__file__).resolve().parent / "data"

# (file stem, expected header, level). Order matters: parents are loaded before children.
SOURCES: tuple[tuple[str, tuple[str, ...], int], ...] = (
    ("provinces", ("code", "name"), Region.Level.PROVINCE),
    ("regencies", ("code", "province_code", "name"), Region.Level.REGENCY),
    ("districts", ("code", "regency_code", "name"), Region.Level.DISTRICT),
    ("villages", ("code", "district_code", "name"), Region.Level.VILLAGE),
)

# Rows per INSERT statement. SQLite is capped lower by Django itself (999 variables per
# statement); PostgreSQL inserts through UNNEST, so bigger batches are just fewer round trips.
BATCH_SIZE = 5000


@dataclass
class UpsertResult:
    """What one :func:`bulk_upsert` call did, for the command's report."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged

    def __iadd__(self, other: UpsertResult) -> UpsertResult:
        self.created += other.created
        self.updated += other.updated
        self.unchanged += other.unchanged
        return self

    def __str__(self) -> str:
        return (
            f"{self.total} rows: {self.created} created, {self.updated} updated, "
            f"{self.unchanged} unchanged"
        )


def bulk_upsert(
    model: type[models.Model],
    rows: Sequence[dict[str, Any]],
    *,
    key: str = "code",
    fields: Sequence[str],
    batch_size: int = BATCH_SIZE,
) -> UpsertResult:
    """Insert or update ``rows`` (dicts keyed by field *attnames*) on the unique ``key``.

    ``fields`` are the attnames the directory owns (e.g. ``"parent_id"``, not ``"parent"``);
    any other column (``is_active`` toggled by an admin, say) is left alone on update.
    Rows whose owned values already match the database are skipped, so a repeated load
    writes nothing. ``key`` must be unique in the table (``ON CONFLICT`` needs it).
    """
    owned = [key, *fields]
    existing: dict[Any, tuple[Any, ...]] = {
        row[0]: tuple(row[1:]) for row in model._default_manager.values_list(*owned).iterator()
    }
    result = UpsertResult()
    pending: list[models.Model] = []
    for row in rows:
        values = tuple(row[f] for f in fields)
        current = existing.get(row[key])
        if current is None:
            result.created += 1
        elif current == values:
            result.unchanged += 1
            continue
        else:
            result.updated += 1
        pending.append(model(**{f: row[f] for f in owned}))
    if pending:
        # update_fields wants field names, not attnames ("parent", not "parent_id").
        names = [model._meta.get_field(f).name for f in fields]
        for start in range(0, len(pending), batch_size):
            model._default_manager.bulk_create(
                pending[start : start + batch_size],
                batch_size=batch_size,
                update_conflicts=True,
                unique_fields=[model._meta.get_field(key).name],
                update_fields=names,
            )
    return result


def region_rows(data_dir: Path = DATA_DIR) -> Iterator[dict[str, Any]]:
    """Turn the four CSV files into Region rows, provinces first, checking each header."""
    for stem, header, level in SOURCES:
        path = data_dir / f"{stem}.csv.gz"
        with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
            reader = csv.reader(fh)
            found = tuple(next(reader))
            if found != header:
                raise ValueError(f"{path.name}: expected header {header}, found {found}")
            parent_column = 1 if len(header) == 3 else None
            for record in reader:
                yield {
                    "code": record[0],
                    "name": record[-1].strip(),
                    "parent_id": record[parent_column] if parent_column else None,
                    "level": int(level),
                }


def check_rows(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Refuse data whose codes do not nest (a parent missing or of the wrong level).

    Cheap (a set lookup per row) and it turns a corrupt download into a clear error instead
    of a foreign-key failure at commit time.
    """
    seen: dict[str, int] = {}
    checked: list[dict[str, Any]] = []
    for row in rows:
        code, parent, level = row["code"], row["parent_id"], row["level"]
        if code in seen:
            raise ValueError(f"duplicate region code {code}")
        if level > 1 and (seen.get(parent) != level - 1 or not code.startswith(parent + ".")):
            raise ValueError(f"region {code}: parent {parent!r} missing or not level {level - 1}")
        if code.count(".") != level - 1:
            raise ValueError(f"region {code}: code does not look like a level-{level} code")
        seen[code] = level
        checked.append(row)
    return checked


def load_regions(data_dir: Path = DATA_DIR) -> UpsertResult:
    """Upsert every province, regency, district and village; return what changed.

    All four levels go through one upsert (rows are in parent-before-child order and the
    foreign keys are checked at commit on both backends), inside one transaction so that a
    failure leaves the table as it was.
    """
    rows = check_rows(region_rows(data_dir))
    with transaction.atomic():
        return bulk_upsert(Region, rows, key="code", fields=("name", "parent_id", "level"))


def count_rows(path: Path) -> int:
    """Data rows (header excluded) of a gzipped CSV; used by the refresh command's report."""
    with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
        return sum(1 for _ in csv.reader(fh)) - 1
