"""The console shows each report's channel in the queues and on the case page, and a queue can
be narrowed to one channel — the filter keeps to the queue's scope."""

from __future__ import annotations

import re

from lapor.reports.models import Report
from tests.console.conftest import file_report
from tests.desk.conftest import DESK_URL, desk_post, login


def tracking_ids(html: str) -> set[str]:
    return set(re.findall(r'href="/en/konsol/laporan/(\d+)/"', html))


def test_queues_show_and_filter_by_channel(cast):
    web = file_report(title="Lampu jalan mati di Caturtunggal")
    semarang = file_report("33.74.01.1001", title="Lampu jalan mati di Semarang")
    admin = login(cast.agency_admin)
    admin.post(DESK_URL, desk_post(title="Jalan berlubang, lapor di loket"))
    admin.post(
        DESK_URL,
        desk_post(
            title="Jalan berlubang, lapor lewat telepon", channel="phone", consent="spoken_phone"
        ),
    )
    walk_in = Report.objects.get(channel="desk")
    phone = Report.objects.get(channel="phone")

    everything = admin.get("/en/konsol/antrean/verifikasi/").content.decode()
    assert tracking_ids(everything) == {web.tracking_id, walk_in.tracking_id, phone.tracking_id}
    for label in ("Website", "Walk-in desk", "Telephone desk"):
        assert f"<td>{label}</td>" in everything

    only_phone = admin.get("/en/konsol/antrean/verifikasi/?saluran=phone").content.decode()
    assert tracking_ids(only_phone) == {phone.tracking_id}
    assert '<option value="phone" selected>' in only_phone
    only_desk = admin.get("/en/konsol/antrean/semua/?saluran=desk").content.decode()
    assert tracking_ids(only_desk) == {walk_in.tracking_id}
    # The filter never widens the scope: Semarang's report stays out of Sleman's queues.
    only_web = admin.get("/en/konsol/antrean/semua/?saluran=web").content.decode()
    assert tracking_ids(only_web) == {web.tracking_id}
    assert semarang.tracking_id not in only_web
    none = admin.get("/en/konsol/antrean/semua/?saluran=sms").content.decode()
    assert tracking_ids(none) == set()
    assert "No reports from this channel in this queue." in none
    # An unknown channel is ignored, not an error.
    unknown = admin.get("/en/konsol/antrean/semua/?saluran=pigeon")
    assert unknown.status_code == 200
    assert len(tracking_ids(unknown.content.decode())) == 3


def test_the_case_page_shows_the_channel(cast):
    admin = login(cast.agency_admin)
    admin.post(DESK_URL, desk_post(channel="phone", consent="spoken_phone"))
    report = Report.objects.get()
    page = admin.get(f"/en/konsol/laporan/{report.tracking_id}/").content.decode()
    assert "<dt>Channel</dt><dd>Telephone desk</dd>" in page
