"""The person's own confirmation: a code by SMS to their number, read to the helper."""

import re

import pytest

from lapor.nodes.models import ConsentCode, NodeFiling
from lapor.notifications.models import Notification
from tests.nodes.conftest import helper_client, node_post

pytestmark = pytest.mark.django_db


def _send_code(client, nodes, phone="0812-1111-2222"):
    return client.post(
        f"/en/simpul/{nodes.node.pk}/lapor/",
        node_post(consent="sms_code", phone=phone, _send_code="1"),
    )


def test_it_files_with_the_code_the_person_received(cast, nodes):
    client = helper_client(cast.community_node)
    page = _send_code(client, nodes).content.decode()
    assert "The code was sent by SMS" in page
    assert "Pak Darmo" in page  # nothing typed is lost
    sms = Notification.objects.get(channel="sms")
    assert sms.address == "+6281211112222"
    # The worker sends it to that number (no report, hence no identity, exists yet).
    from lapor.notifications.delivery import reporter_address

    assert reporter_address(sms) == "+6281211112222"
    code = re.search(r"\b(\d{6})\b", sms.body).group(1)
    # The code is kept only as a keyed hash.
    assert code not in ConsentCode.objects.get().code_hash
    wrong = client.post(
        f"/en/simpul/{nodes.node.pk}/lapor/",
        node_post(consent="sms_code", consent_code="000000" if code != "000000" else "111111"),
    )
    assert "The code does not match" in wrong.content.decode()
    assert not NodeFiling.objects.exists()
    right = client.post(
        f"/simpul/{nodes.node.pk}/lapor/", node_post(consent="sms_code", consent_code=code)
    )
    assert right.status_code == 302
    assert NodeFiling.objects.get().consent == "sms_code"
    # A code is good once.
    again = client.post(
        f"/en/simpul/{nodes.node.pk}/lapor/", node_post(consent="sms_code", consent_code=code)
    )
    assert "The code does not match" in again.content.decode()


def test_it_asks_for_a_number_before_sending_a_code(cast, nodes):
    client = helper_client(cast.community_node)
    page = _send_code(client, nodes, phone="").content.decode()
    assert "Write down the person&#x27;s mobile phone number first" in page
    assert not Notification.objects.exists()


def test_another_nodes_helper_cannot_use_the_code(cast, nodes):
    client = helper_client(cast.community_node)
    _send_code(client, nodes)
    code = re.search(r"\b(\d{6})\b", Notification.objects.get().body).group(1)
    other = helper_client(nodes.other_helper)
    page = other.post(
        f"/en/simpul/{nodes.other.pk}/lapor/", node_post(consent="sms_code", consent_code=code)
    ).content.decode()
    assert "The code does not match" in page
