"""Background tasks of the reports domain (thin: the logic lives in its module)."""

from __future__ import annotations

from django_tasks import task


@task()
def purge_stale_uploads() -> dict[str, int]:
    """Hourly: staged files of abandoned forms, and stored files no row refers to."""
    from lapor.reports.attachments import purge_stale_uploads as purge

    result = purge()
    return {"rows": result.rows, "files": result.files, "kept": result.kept}
