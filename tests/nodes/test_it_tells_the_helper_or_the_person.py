"""News reaches the person the way they chose: through the helper, or by SMS."""

import pytest

from lapor.notifications.models import Notification
from lapor.reports import case_actions as ca
from tests.nodes.conftest import file_for_person, helper_client

pytestmark = pytest.mark.django_db


def _follow_up(report, cast, directory):
    ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.agency_admin)
    return ca.report_follow_up(report=report, message="Sudah kami tambal.", actor=cast.officer_a)


def test_the_helper_hears_when_the_person_chose_the_helper(cast, nodes, directory):
    report = file_for_person(helper_client(cast.community_node), nodes.node, hear_back="helper")
    event = _follow_up(report, cast, directory)
    row = Notification.objects.get(event=event, user=cast.community_node)
    assert f"/simpul/{nodes.node.pk}/laporan/{report.tracking_id}/" in row.body
    assert "Sudah kami tambal." not in row.body  # read behind the login
    assert row.address == "simpul@example.id"


def test_the_person_gets_an_sms_when_they_chose_sms(cast, nodes, directory):
    report = file_for_person(helper_client(cast.community_node), nodes.node, hear_back="sms")
    event = _follow_up(report, cast, directory)
    rows = Notification.objects.filter(event=event)
    assert rows.filter(recipient_kind="reporter", channel="sms").exists()
    assert not rows.filter(user=cast.community_node).exists()
