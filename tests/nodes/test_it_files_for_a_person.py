"""A node's helper files a report for a person, with consent, and follows it up for them."""

import re

import pytest

from lapor.nodes.models import NodeFiling
from lapor.reports import case_actions as ca
from lapor.reports.models import ReporterIdentity, ReportEvent, Status
from tests.nodes.conftest import file_for_person, helper_client, node_post

pytestmark = pytest.mark.django_db


def test_it_files_the_report_as_the_persons_own(cast, nodes):
    client = helper_client(cast.community_node)
    report = file_for_person(client, nodes.node)
    filing = NodeFiling.objects.get(report=report)
    assert (filing.node, filing.helper, filing.consent, filing.hear_back) == (
        nodes.node,
        cast.community_node,
        "spoken",
        "helper",
    )
    # The report is the person's: no account owns it, and the helper is not its actor.
    assert report.reporter_user_id is None
    submitted = ReportEvent.objects.get(report=report, kind="submitted")
    assert submitted.actor_id is None
    assert submitted.data["via_node"] == nodes.node.pk
    identity = ReporterIdentity.objects.get(report=report)
    assert (identity.full_name, identity.disability) == ("Pak Darmo", "visual")
    # The receipt shows the person's tracking number and PIN, once.
    receipt = client.get(f"/en/simpul/{nodes.node.pk}/terkirim/{report.tracking_id}/")
    page = receipt.content.decode()
    assert report.tracking_id in page
    pin = re.search(r'id="pin">(\d+)<', page).group(1)
    done = client.post(f"/simpul/{nodes.node.pk}/terkirim/{report.tracking_id}/selesai/")
    assert done.status_code == 302
    again = client.get(f"/en/simpul/{nodes.node.pk}/terkirim/{report.tracking_id}/")
    assert pin not in again.content.decode()
    # The node's page lists it.
    node_page = client.get(f"/en/simpul/{nodes.node.pk}/").content.decode()
    assert report.tracking_id in node_page


def test_it_needs_consent_and_the_chosen_contact(cast, nodes):
    client = helper_client(cast.community_node)
    page = client.post(
        f"/en/simpul/{nodes.node.pk}/lapor/",
        node_post(consent="", hear_back="sms", phone="", privacy_read_out=None),
    ).content.decode()
    assert "Record how the person agreed" in page
    assert "answer them by SMS" in page
    assert "Read the privacy choices out" in page
    assert not NodeFiling.objects.exists()


def test_it_takes_a_voice_note_instead_of_the_text(cast, nodes):
    from tests.helpers import ogg_voice_note

    client = helper_client(cast.community_node)
    data = node_post(body="")
    data["voice_note"] = ogg_voice_note()
    response = client.post(f"/simpul/{nodes.node.pk}/lapor/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    filing = NodeFiling.objects.get()
    assert filing.report.body_original == "Laporan ada di pesan suara terlampir."
    assert filing.report.attachments.get().kind == "audio"


def test_it_replies_for_the_person_without_naming_the_helper(cast, nodes, directory):
    client = helper_client(cast.community_node)
    report = file_for_person(client, nodes.node)
    ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.agency_admin)
    ca.report_follow_up(report=report, message="Akan kami tambal minggu ini.", actor=cast.officer_a)
    url = f"/en/simpul/{nodes.node.pk}/laporan/{report.tracking_id}/"
    page = client.get(url).content.decode()
    assert "Akan kami tambal minggu ini." in page
    assert "Listen to this answer" in page
    response = client.post(url, {"action": "reply", "message": "Belum, lubangnya masih ada."})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == Status.REPORTER_REPLIED
    reply = ReportEvent.objects.get(report=report, kind="reporter_reply")
    assert reply.actor_id is None
    assert reply.data["via_node"] == nodes.node.pk


def test_the_helper_replies_with_the_persons_voice_only(cast, nodes, directory):
    from tests.helpers import ogg_voice_note

    client = helper_client(cast.community_node)
    report = file_for_person(client, nodes.node)
    ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.agency_admin)
    ca.report_follow_up(report=report, message="Sudah kami tambal.", actor=cast.officer_a)
    url = f"/simpul/{nodes.node.pk}/laporan/{report.tracking_id}/"
    response = client.post(url, {"action": "reply", "message": "", "voice_note": ogg_voice_note()})
    assert response.status_code == 302
    reply = ReportEvent.objects.get(report=report, kind="reporter_reply")
    assert reply.message == "Balasan ada di pesan suara terlampir."


def test_the_form_shares_the_desks_head_and_one_live_112_slot(cast, nodes):
    """The node form and the desk form share their head (templates/includes/
    for_person_header.html): the 112 notice when the text sounds like an emergency, then the
    error summary. The live notice while typing has one slot only (a second, hidden one used
    to take the script's notice out of sight)."""
    client = helper_client(cast.community_node)
    empty = client.get(f"/en/simpul/{nodes.node.pk}/lapor/").content.decode()
    assert empty.count('id="emergency-live"') == 1
    assert 'id="emergency-notice"' not in empty
    data = node_post(title="Ada kebakaran di pasar, api sudah besar")
    first = client.post(f"/en/simpul/{nodes.node.pk}/lapor/", data)
    html = first.content.decode()
    assert first.status_code == 200 and NodeFiling.objects.count() == 0
    assert 'id="emergency-notice"' in html
    assert "tell the person to call 112 (free, 24 hours), or call it for them" in html
    assert html.count('id="emergency-live"') == 1
    second = client.post(f"/simpul/{nodes.node.pk}/lapor/", {**data, "emergency_ack": "1"})
    assert second.status_code == 302
    assert NodeFiling.objects.get().report.emergency_suspected
