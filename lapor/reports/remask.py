"""Recompute the masked copy of every report's published text (``title_masked``,
``body_masked``): after the masking rules in ``lapor.reports.scrub`` change, after rows were
written around ``Report.save()`` (raw SQL loads), and once by the migration that introduced
the columns. The search vector (PostgreSQL) is generated from these columns, so it follows.

Keyset-paged over the primary key, one short transaction per batch, and only the rows whose
masked text differs are written: a second run over an up-to-date table writes nothing.
"""

from __future__ import annotations

from typing import Any

from django.db import connections, transaction

from lapor.reports.scrub import scrub

BATCH = 2000


def _write(using: str, table: str, updates: list[tuple[str, str, int]]) -> None:
    connection = connections[using]
    with transaction.atomic(using=using), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # One statement per batch: row-by-row UPDATEs cost a round trip and a plan each
            # (bench/remask.py).
            values = ", ".join(["(%s, %s, %s::bigint)"] * len(updates))
            cursor.execute(
                f"UPDATE {table} AS r SET title_masked = v.t, body_masked = v.b "  # noqa: S608
                f"FROM (VALUES {values}) AS v(t, b, id) WHERE r.id = v.id",
                [value for row in updates for value in row],
            )
        else:
            cursor.executemany(
                f"UPDATE {table} SET title_masked = %s, body_masked = %s WHERE id = %s",  # noqa: S608
                updates,
            )


def remask(model: Any, *, using: str = "default", batch_size: int = BATCH) -> int:
    """Bring the masked columns of ``model`` (the Report model, or its historical version in a
    migration) in step with ``scrub()``; return the number of rows changed."""
    table = connections[using].ops.quote_name(model._meta.db_table)
    last = 0
    changed = 0
    rows = model._default_manager.using(using).order_by("pk")
    while True:
        batch = list(
            rows.filter(pk__gt=last).values_list(
                "pk", "title_published", "body_published", "title_masked", "body_masked"
            )[:batch_size]
        )
        if not batch:
            return changed
        updates = []
        for pk, title, body, title_masked, body_masked in batch:
            new_title, new_body = scrub(title or ""), scrub(body or "")
            if new_title != title_masked or new_body != body_masked:
                updates.append((new_title, new_body, pk))
        if updates:
            _write(using, table, updates)
            changed += len(updates)
        last = batch[-1][0]
