"""Over real HTTP (pytest-django's live server, on a free port chosen at run time): submit, track,
and the timings of a few calls."""

from __future__ import annotations

import json
import statistics
import time
import urllib.error
import urllib.request
from typing import Any

import pytest

from tests.api.test_it_takes_and_tracks_reports import payload


def call(url: str, data: Any = None, **headers: str) -> tuple[int, dict[str, str], Any]:
    body = None if data is None else json.dumps(data).encode()
    request = urllib.request.Request(
        url, data=body, headers={"Content-Type": "application/json", **headers}
    )
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, dict(response.headers), json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), json.loads(error.read())


@pytest.mark.django_db(transaction=True)
def test_submit_and_track_over_http(live_server, make_key, directory, capsys):
    key = make_key(["reports"])
    base = live_server.url + "/api/v1"
    # The first submission after start-up also loads the routing model (seconds): not timed.
    status, _h, body = call(f"{base}/reports", payload(), **{"X-API-Key": key})
    assert status == 201, body
    tid, pin = body["tracking_id"], body["pin"]
    status, headers, body = call(f"{base}/reports/{tid}", **{"X-API-Key": key, "X-Report-PIN": pin})
    assert status == 200 and body["tracking_id"] == tid
    assert "Set-Cookie" not in headers
    status, headers, body = call(f"{base}/reports", "{", **{"X-API-Key": "wrong"})
    assert status == 401 and body["error"]["code"] == "invalid_api_key"
    assert headers["Content-Type"] == "application/json"

    timings: dict[str, list[float]] = {"submit": [], "track": [], "feed": []}
    for i in range(20):
        start = time.perf_counter()
        status, _h, body = call(f"{base}/reports", payload(), **{"X-API-Key": key})
        timings["submit"].append(time.perf_counter() - start)
        assert status == 201
        start = time.perf_counter()
        status, _h, _b = call(
            f"{base}/reports/{body['tracking_id']}",
            **{"X-API-Key": key, "X-Report-PIN": body["pin"]},
        )
        timings["track"].append(time.perf_counter() - start)
        assert status == 200
        start = time.perf_counter()
        status, _h, _b = call(f"{base}/public/reports?page_size=20&page={i + 1}")
        timings["feed"].append(time.perf_counter() - start)
        assert status == 200
    with capsys.disabled():
        print(
            "\nAPI v1 over HTTP, median ms: "
            + ", ".join(f"{k} {statistics.median(v) * 1000:.1f}" for k, v in timings.items())
        )
