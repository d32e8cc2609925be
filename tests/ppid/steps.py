"""Steps the PPID tests share, each through the real interface (pages and their forms)."""

from __future__ import annotations

import re
from typing import Any

from django.test import Client

from lapor.reports.models import Report

from .conftest import request_post_data


def file_on_web(client: Client, **overrides: Any) -> Report:
    """The requester fills in /informasi/minta/ and lands on the receipt."""
    response = client.post("/informasi/minta/", request_post_data(**overrides))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert "/informasi/terkirim/" in response["Location"]
    report = Report.objects.get(tracking_id=response["Location"].rstrip("/").rsplit("/", 1)[1])
    receipt = client.get(response["Location"]).content.decode()
    match = re.search(r'id="pin">(\d+)<', receipt)
    assert match, receipt[:2000]
    report.pin = match.group(1)  # type: ignore[attr-defined]
    return report


def unlock(client: Client, report: Report) -> None:
    """A returning requester (a new device, or weeks later): tracking number and PIN."""
    response = client.post(
        "/lacak/",
        {"tracking_id": report.tracking_id, "pin": report.pin},  # type: ignore[attr-defined]
    )
    assert response.status_code == 302, response.content.decode()[:2000]


def as_user(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def console(client: Client, report: Report, action: str, **data: Any) -> Any:
    """POST one action form of the PPID console's request page (fields get its prefix)."""
    prefix = action.replace("-", "_")
    post = {f"{prefix}-{k}": v for k, v in data.items() if k != "files"}
    if "files" in data:
        post["attachments"] = data["files"]
    return client.post(f"/konsol/ppid/permohonan/{report.tracking_id}/{action}/", post)


def requester(client: Client, report: Report, action: str, **data: Any) -> Any:
    """POST one form of the requester's own page (unlocking it with the PIN first)."""
    unlock(client, report)
    return client.post(f"/informasi/permohonan/{report.tracking_id}/", {"action": action, **data})
