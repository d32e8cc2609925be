"""Access: another node, another agency, a stranger, and every report the node did not file
answer 404; the person's withdrawal closes the node's door."""

import pytest
from django.test import Client

from lapor.nodes.models import NodeFiling
from lapor.reports import case_actions as ca
from lapor.reports.models import Attachment, ReportEvent
from tests.conftest import report_post_data
from tests.helpers import ogg_voice_note
from tests.nodes.conftest import file_for_person, helper_client

pytestmark = pytest.mark.django_db


def _urls(node_id: int, tracking_id: str, attachment_id: int, event_id: int) -> list[str]:
    base = f"/simpul/{node_id}/laporan/{tracking_id}/"
    return [
        base,
        f"{base}lampiran/{attachment_id}/",
        f"{base}dengar/{event_id}.mp3",
        f"/simpul/{node_id}/terkirim/{tracking_id}/",
    ]


@pytest.fixture
def filed(cast, nodes, directory):
    client = helper_client(cast.community_node)
    report = file_for_person(client, nodes.node, voice_note=ogg_voice_note())
    ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.agency_admin)
    event = ca.report_follow_up(report=report, message="Sudah kami tambal.", actor=cast.officer_a)
    # The helper's own session: the one that saw the PIN on the receipt.
    return report, Attachment.objects.get(report=report), event, client


def test_its_own_helper_reaches_everything(cast, nodes, filed):
    report, attachment, event, _helper = filed
    client = helper_client(cast.community_node)
    for url in _urls(nodes.node.pk, report.tracking_id, attachment.pk, event.pk):
        assert client.get(url).status_code == 200, url
    assert client.get(f"/simpul/{nodes.node.pk}/").status_code == 200


def test_another_nodes_helper_gets_404(cast, nodes, filed):
    report, attachment, event, _helper = filed
    other = helper_client(nodes.other_helper)
    for node_id in (nodes.node.pk, nodes.other.pk):
        for url in _urls(node_id, report.tracking_id, attachment.pk, event.pk):
            assert other.get(url).status_code == 404, url
    assert other.get(f"/simpul/{nodes.node.pk}/").status_code == 404
    assert other.get(f"/simpul/{nodes.node.pk}/lapor/").status_code == 404


@pytest.mark.parametrize("who", ["reporter", "officer_a", "agency_admin", "national_admin"])
def test_people_who_are_not_helpers_get_404(cast, nodes, filed, who):
    report, attachment, event, _helper = filed
    client = helper_client(getattr(cast, who))
    for url in _urls(nodes.node.pk, report.tracking_id, attachment.pk, event.pk):
        assert client.get(url).status_code == 404, url
    assert client.get(f"/simpul/{nodes.node.pk}/").status_code == 404


def test_a_stranger_is_sent_to_log_in(nodes, filed):
    report, _attachment, _event, _helper = filed
    response = Client().get(f"/simpul/{nodes.node.pk}/laporan/{report.tracking_id}/")
    assert response.status_code == 302
    assert "/akun/masuk/" in response["Location"]


def test_the_helper_never_sees_the_persons_other_reports(cast, nodes, filed):
    # The same person files another report themselves (anonymously): not the node's.
    Client().post("/lapor/", report_post_data(privacy="anonymous", full_name="Pak Darmo"))
    own = NodeFiling.objects.get().report
    other = ReportEvent.objects.exclude(report=own).get(kind="submitted").report
    client = helper_client(cast.community_node)
    assert client.get(f"/simpul/{nodes.node.pk}/laporan/{other.tracking_id}/").status_code == 404
    assert other.tracking_id not in client.get(f"/simpul/{nodes.node.pk}/").content.decode()


def test_the_person_takes_the_report_back(cast, nodes, filed):
    report, attachment, event, helper = filed
    # The person unlocks their report with the ID and PIN from the receipt.
    page = helper.get(f"/simpul/{nodes.node.pk}/terkirim/{report.tracking_id}/").content.decode()
    import re

    pin = re.search(r'id="pin">(\d+)<', page).group(1)
    person = Client()
    person.post("/lacak/", {"tracking_id": report.tracking_id, "pin": pin})
    own_page = person.get(f"/en/lacak/{report.tracking_id}/").content.decode()
    assert "Simpul Difabel Sleman helped you file this report" in own_page
    # Another session cannot take it back.
    assert Client().post(f"/simpul/tarik/{report.tracking_id}/").status_code == 404
    assert person.post(f"/simpul/tarik/{report.tracking_id}/").status_code == 302
    assert NodeFiling.objects.get().withdrawn_at is not None
    for url in _urls(nodes.node.pk, report.tracking_id, attachment.pk, event.pk):
        assert helper.get(url).status_code == 404, url
    assert report.tracking_id not in helper.get(f"/simpul/{nodes.node.pk}/").content.decode()
    assert "You took it back" in person.get(f"/en/lacak/{report.tracking_id}/").content.decode()
    assert ReportEvent.objects.get(report=report, kind="note").is_public is False


def test_the_console_pages_are_for_the_nodes_managers(cast, nodes):
    admin = helper_client(cast.agency_admin)
    national = helper_client(cast.national_admin)
    assert admin.get(f"/konsol/simpul/{nodes.node.pk}/").status_code == 200
    assert admin.get(f"/konsol/simpul/{nodes.other.pk}/").status_code == 404  # national node
    assert national.get(f"/konsol/simpul/{nodes.node.pk}/").status_code == 200
    assert national.get(f"/konsol/simpul/{nodes.other.pk}/").status_code == 200
    for who in ("officer_a", "officer_b", "community_node", "reporter"):
        client = helper_client(getattr(cast, who))
        assert client.get("/konsol/simpul/").status_code == 404, who
        assert client.get(f"/konsol/simpul/{nodes.node.pk}/").status_code == 404, who


def test_another_agencys_admin_gets_404(cast, nodes, directory):
    from lapor.agencies.models import Membership

    Membership.objects.create(
        user=cast.officer_b, agency=directory.semarang_gov, role=Membership.Role.AGENCY_ADMIN
    )
    client = helper_client(cast.officer_b)
    assert client.get("/konsol/simpul/").status_code == 200
    assert client.get(f"/konsol/simpul/{nodes.node.pk}/").status_code == 404
    listing = client.get("/konsol/simpul/").content.decode()
    assert "Simpul Difabel Sleman" not in listing
