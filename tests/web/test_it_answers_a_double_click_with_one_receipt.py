"""A double click on "Kirim" races two (or more) posts of the same form over real HTTP: one
report is filed, and every request, the losers included, lands on the same receipt with the
same PIN (issue 11: the losing requests used to get 404 and the PIN was lost)."""

from __future__ import annotations

import http.client
import re
import threading
import urllib.parse

import pytest
from django.db import connection

from lapor.reports.models import Report
from tests.conftest import report_post_data

pytestmark = pytest.mark.django_db(transaction=True)


def _request(base: str, method: str, path: str, cookies: dict[str, str], body: str = ""):
    url = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())}
    if body:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        headers["Referer"] = base + "/lapor/"
    conn.request(method, path, body=body or None, headers=headers)
    response = conn.getresponse()
    got = dict(cookies)
    for header, value in response.getheaders():
        if header.lower() == "set-cookie":
            name, _, rest = value.partition("=")
            got[name] = rest.split(";", 1)[0]
    return response.status, response.getheader("Location") or "", response.read().decode(), got


def _pin(page: str) -> str:
    found = re.search(r'id="pin"[^>]*>\s*([0-9]{6})', page)
    assert found, "the receipt shows no PIN"
    return found.group(1)


@pytest.mark.parametrize("clicks", [2, 4])
def test_every_click_gets_the_same_receipt_and_pin(directory, live_server, clicks):
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL (the SQLite test database is in memory)")
    base = live_server.url
    status, _, page, cookies = _request(base, "GET", "/lapor/", {})
    assert status == 200 and "csrftoken" in cookies
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    body = urllib.parse.urlencode({**report_post_data(), "csrfmiddlewaretoken": token})
    barrier = threading.Barrier(clicks)
    answers: list[tuple[int, str, dict[str, str]]] = []

    def click() -> None:
        barrier.wait()
        status, location, _, got = _request(base, "POST", "/lapor/", cookies, body)
        answers.append((status, location, got))

    threads = [threading.Thread(target=click) for _ in range(clicks)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert Report.objects.count() == 1
    report = Report.objects.get()
    assert [status for status, _, _ in answers] == [302] * clicks
    assert {location for _, location, _ in answers} == {f"/lapor/terkirim/{report.tracking_id}/"}
    pins = set()
    for _, location, got in answers:
        status, _, receipt, _ = _request(base, "GET", location, got)
        assert status == 200
        pins.add(_pin(receipt))
    assert len(pins) == 1
