"""Issue 17, item 6: the public statistics break reports down by channel, kind and the
reporter's disability status, with the small-count threshold (1–4 shown as "fewer than 5",
one more cell hidden where one alone would be given away by the total)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from lapor.regions.models import Region
from lapor.reports import actions
from lapor.stats.rollup import refresh

pytestmark = pytest.mark.django_db


def _file(channel: str, kind: str, disability: str) -> None:
    actions.report_submit(
        kind=kind,
        title="Jalan berlubang di depan sekolah",
        body="Lubang besar sudah tiga bulan, banyak pengendara jatuh di sana.",
        incident_date=dt.date(2026, 1, 5),
        region=Region.objects.get(code="34.04.07.2001"),
        channel=channel,
        contact=actions.ReporterContact(
            full_name="Siti", email="siti@example.id", disability=disability
        ),
    )


def test_the_dashboard_breaks_down_with_a_threshold(cast, directory):
    # 12 reports: 7 web + 5 SMS; 9 complaints + 3 aspirations; disability: 6 not said,
    # 5 visual, 1 hearing (alone: hidden, and so the next smallest, visual, too).
    for i in range(12):
        _file(
            "web" if i < 7 else "sms",
            "complaint" if i < 9 else "aspiration",
            "" if i < 6 else ("visual" if i < 11 else "hearing"),
        )
    refresh()
    html = Client().get("/en/statistik/").content.decode()
    channel = html.split('id="breakdown-channel"')[1].split("</table>")[0]
    assert 'Website</th><td class="stats-num">7<' in channel
    assert 'SMS 1708</th><td class="stats-num">5<' in channel
    kind = html.split('id="breakdown-kind"')[1].split("</table>")[0]
    # 3 aspirations alone would be given away by the total: the complaints are not shown.
    assert 'Aspiration</th><td class="stats-num">fewer than 5<' in kind
    assert 'Complaint</th><td class="stats-num">not shown<' in kind
    disability = html.split('id="breakdown-disability"')[1].split("</table>")[0]
    assert 'none</th><td class="stats-num">6<' in disability
    assert 'Deaf or hard of hearing / speech</th><td class="stats-num">fewer than 5<' in disability
    # One hidden cell alone: the next smallest (5 visual) is hidden too.
    assert (
        'Visual impairment (blind or low vision)</th><td class="stats-num">not shown<' in disability
    )
    assert ">1<" not in disability


def test_too_few_reports_hide_the_disability_table(cast, directory):
    for _ in range(3):
        _file("web", "complaint", "visual")
    refresh()
    html = Client().get("/statistik/").content.decode()
    assert 'id="breakdown-disability"' not in html
    assert 'id="breakdown-channel"' in html
