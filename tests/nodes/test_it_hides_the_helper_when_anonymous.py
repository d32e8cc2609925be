"""The agency sees that a node helped, never which helper when the report is anonymous."""

import pytest

from tests.nodes.conftest import file_for_person, helper_client

pytestmark = pytest.mark.django_db


def test_the_agency_sees_the_node_but_not_the_helper_of_an_anonymous_report(cast, nodes):
    report = file_for_person(helper_client(cast.community_node), nodes.node, privacy="anonymous")
    page = helper_client(cast.agency_admin).get(f"/en/konsol/laporan/{report.tracking_id}/")
    text = page.content.decode()
    assert page.status_code == 200
    assert "Filed with the help of Simpul Difabel Sleman" in text
    assert "Simpul Difabel Sleman" in text
    assert cast.community_node.full_name not in text  # the helper
    assert "Pak Darmo" not in text  # the person


def test_a_public_reports_reader_of_the_identity_also_sees_the_helper(cast, nodes):
    report = file_for_person(helper_client(cast.community_node), nodes.node)
    text = (
        helper_client(cast.national_admin)
        .get(f"/en/konsol/laporan/{report.tracking_id}/")
        .content.decode()
    )
    assert "Filed with the help of Simpul Difabel Sleman" in text
    assert "helper: Simpul Disabilitas Sleman" in text  # the helper account's name
    assert "Pak Darmo" in text
