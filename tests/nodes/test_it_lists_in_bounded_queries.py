"""The node's page costs the same number of queries for 2 reports as for 12."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lapor.nodes import actions
from lapor.regions.models import Region
from lapor.reports.actions import ReporterContact
from tests.nodes.conftest import helper_client

pytestmark = pytest.mark.django_db


def _file(nodes, cast, n: int) -> None:
    region = Region.objects.get(code="34.04.07.2001")
    for i in range(n):
        actions.node_file_report(
            node=nodes.node,
            actor=cast.community_node,
            consent="spoken",
            hear_back="helper",
            report_fields={
                "kind": "complaint",
                "title": f"Trotoar rusak nomor {i}",
                "body": "Trotoar di depan puskesmas rusak dan tidak bisa dilewati kursi roda.",
                "incident_date": dt.date(2026, 11, 2),
                "region": region,
                "privacy": "public",
                "contact": ReporterContact(full_name="Pak Darmo", disability="visual"),
            },
        )


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_the_node_page_does_not_grow_with_its_reports(cast, nodes):
    client = helper_client(cast.community_node)
    url = f"/simpul/{nodes.node.pk}/"
    _file(nodes, cast, 2)
    few = _queries(client, url)
    _file(nodes, cast, 10)
    many = _queries(client, url)
    assert many == few


def test_the_consoles_list_does_not_grow_with_its_nodes(cast, nodes, directory):
    console = helper_client(cast.national_admin)
    two = _queries(console, "/konsol/simpul/")
    for name in ("Kelompok Perempuan Berbah", "SLB Negeri 1 Sleman", "Karang Taruna Depok"):
        actions.node_register(
            name=name,
            kind="other",
            region=None,
            agency=directory.sleman_gov,
            actor=cast.agency_admin,
        )
    assert _queries(console, "/konsol/simpul/") == two
