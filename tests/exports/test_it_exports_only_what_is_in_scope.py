"""Who may export what: national admins everything; others their agencies' cases (active or
past) and, for verifiers, their regions; everybody else gets 404."""

import pytest
from django.test import Client

from lapor.reports import case_actions as ca
from tests.exports.conftest import (
    DOWNLOAD,
    as_dicts,
    csv_rows,
    disposed,
    download,
    file_report,
    semarang_disposed,
)

pytestmark = pytest.mark.django_db


def _ids(user, **params) -> set[str]:
    return {row["Tracking ID"] for row in as_dicts(csv_rows(download(user, **params)))}


@pytest.mark.parametrize("url", ["/konsol/ekspor/", f"{DOWNLOAD}?format=csv", "/en/konsol/ekspor/"])
def test_it_answers_404_to_everyone_without_the_export_right(cast, directory, url):
    disposed(cast, directory)
    assert Client().get(url).status_code == 404
    for user in (cast.reporter, cast.community_node):
        client = Client()
        client.force_login(user)
        assert client.get(url).status_code == 404


def test_it_gives_another_agencys_officer_none_of_slemans_reports(cast, directory):
    sleman = disposed(cast, directory)
    semarang = semarang_disposed(cast, directory, title="Drainase tersumbat di Miroto")
    assert _ids(cast.officer_b) == {semarang.tracking_id}
    assert _ids(cast.officer_a) == {sleman.tracking_id}
    assert _ids(cast.national_admin) == {sleman.tracking_id, semarang.tracking_id}


def test_it_shows_confidential_reports_only_to_staff_in_scope(cast, directory):
    secret = disposed(cast, directory, privacy="confidential", title="Pungutan liar di loket")
    (row,) = as_dicts(csv_rows(download(cast.officer_a)))
    assert row["Tracking ID"] == secret.tracking_id and row["Tipe Laporan"] == "Rahasia"
    assert _ids(cast.agency_admin) == {secret.tracking_id}
    assert _ids(cast.national_admin) == {secret.tracking_id}
    raw = b"".join(download(cast.officer_b).streaming_content)
    assert secret.tracking_id.encode() not in raw and b"Pungutan liar" not in raw


def test_it_gives_verifiers_the_new_reports_of_their_region(cast, directory):
    waiting = file_report()
    semarang = file_report(village="33.74.01.1001", title="Di Semarang")
    assert _ids(cast.agency_admin) == {waiting.tracking_id}
    # An officer verifies nothing: a report not yet disposed is not theirs.
    assert _ids(cast.officer_a) == set()
    assert _ids(cast.national_admin) == {waiting.tracking_id, semarang.tracking_id}


def test_a_case_leaves_the_export_of_an_agency_with_its_assignment(cast, directory):
    # One scope rule (lapor.reports.scope, issue 10.1): an agency that handed the case back
    # no longer reaches it, in the console or in its exports.
    report = disposed(cast, directory)
    ca.report_not_our_authority(
        report=report, reason="Bukan jalan kabupaten.", actor=cast.officer_a
    )
    assert _ids(cast.officer_a) == set()
    assert _ids(cast.agency_admin) == {report.tracking_id}  # back at Sleman's verification


def test_it_names_the_agency_itself_as_parent_of_a_national_body(cast, directory):
    report = file_report(village="33.74.01.1001")
    ca.report_dispose(report=report, agency=directory.kemenpanrb, actor=cast.national_admin)
    (row,) = as_dicts(csv_rows(download(cast.national_admin)))
    assert row["Instansi Induk"] == row["Instansi Terdisposisi"] == directory.kemenpanrb.name
    assert row["Provinsi"] == "Jawa Tengah" and row["Kelurahan"] == "Miroto"


def test_it_refuses_an_agency_filter_outside_the_users_scope(cast, directory):
    disposed(cast, directory)
    client = Client()
    client.force_login(cast.officer_a)
    response = client.get(
        "/en/konsol/ekspor/unduh/", {"format": "csv", "agency": directory.semarang_pupr.pk}
    )
    assert response.status_code == 400
    assert "Content-Disposition" not in response
    assert "Choose an agency from the list." in response.content.decode()
