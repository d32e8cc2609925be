"""Background tasks of the reports domain (thin: the logic lives in its module)."""

from __future__ import annotations

from django_tasks import task


@task()
def purge_stale_uploads() -> dict[str, int]:
    """Hourly: files staged by forms abandoned for more than a day."""
    from lapor.reports.attachments import purge_stale_uploads as purge

    result = purge(sweep_storage=False)
    return {"rows": result.rows, "files": result.files, "kept": result.kept}


@task()
def sweep_storage() -> dict[str, int]:
    """Daily: the same, then every stored file no row refers to (what failed attempts left)."""
    from lapor.reports.attachments import purge_stale_uploads as purge

    result = purge(sweep_storage=True)
    return {"rows": result.rows, "files": result.files, "kept": result.kept}
