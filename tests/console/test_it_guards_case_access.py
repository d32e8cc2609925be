"""access_case_for_staff: every branch, and the same 404 for missing and not yours."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from lapor.agencies.capabilities import Capability
from lapor.console.access import access_case_for_staff
from lapor.reports import case_actions as ca
from lapor.reports.models import Assignment
from tests.console.conftest import SEMARANG_VILLAGE, file_report

pytestmark = pytest.mark.django_db


def _refused(user, tracking_id, capability=Capability.VIEW) -> bool:
    try:
        access_case_for_staff(user, tracking_id, capability)
    except Http404:
        return True
    return False


def test_it_refuses_people_without_a_staff_membership(cast, awaiting):
    assert _refused(AnonymousUser(), awaiting.tracking_id)
    assert _refused(None, awaiting.tracking_id)
    assert _refused(cast.reporter, awaiting.tracking_id)
    assert _refused(cast.community_node, awaiting.tracking_id)


def test_it_answers_404_for_an_unknown_tracking_id(cast):
    assert _refused(cast.national_admin, "123456789")
    assert _refused(cast.national_admin, "")


def test_a_national_admin_opens_everything(cast, awaiting, disposed):
    for report in (awaiting, disposed):
        for capability in Capability:
            assert access_case_for_staff(cast.national_admin, report.tracking_id, capability)


def test_a_verifier_opens_the_reports_of_its_region_only(cast, directory, awaiting):
    semarang = file_report(SEMARANG_VILLAGE)
    assert access_case_for_staff(cast.agency_admin, awaiting.tracking_id) == awaiting
    assert (
        access_case_for_staff(
            cast.agency_admin, f"#{awaiting.tracking_id[:3]} {awaiting.tracking_id[3:]}"
        )
        == awaiting
    )
    assert _refused(cast.agency_admin, semarang.tracking_id)


def test_a_verifier_loses_a_report_it_sent_on_for_national_routing(cast, awaiting):
    ca.report_not_our_authority(report=awaiting, reason="Jalan nasional", actor=cast.agency_admin)
    assert _refused(cast.agency_admin, awaiting.tracking_id)
    assert access_case_for_staff(cast.national_admin, awaiting.tracking_id)


def test_an_officer_opens_what_is_assigned_to_its_agency_only(cast, awaiting, disposed):
    assert access_case_for_staff(cast.officer_a, disposed.tracking_id) == disposed
    assert access_case_for_staff(cast.officer_a, disposed.tracking_id, Capability.FOLLOW_UP)
    assert _refused(cast.officer_a, awaiting.tracking_id)  # not dispositioned yet
    assert _refused(cast.officer_a, disposed.tracking_id, Capability.VERIFY)
    assert _refused(cast.officer_b, disposed.tracking_id)
    assert _refused(cast.officer_b, disposed.tracking_id, Capability.FOLLOW_UP)


def test_an_ended_assignment_gives_no_access(cast, disposed):
    Assignment.objects.filter(report=disposed).update(active=False)
    assert _refused(cast.officer_a, disposed.tracking_id)


def test_a_supervisor_reads_its_subtree_but_holds_no_other_capability(
    cast, supervisor, awaiting, disposed
):
    assert access_case_for_staff(supervisor, disposed.tracking_id) == disposed
    assert _refused(supervisor, awaiting.tracking_id)  # verification is by place, not theirs
    for capability in (Capability.VERIFY, Capability.FOLLOW_UP, Capability.TRANSFER):
        assert _refused(supervisor, disposed.tracking_id, capability)


def test_an_inactive_membership_counts_for_nothing(cast, disposed):
    cast.officer_a.memberships.update(is_active=False)
    assert _refused(cast.officer_a, disposed.tracking_id)
