"""The survey: the reporter is invited on their own channel when the case closes; one answer
per report (web form, SMS or WhatsApp, whichever comes first); a poor answer can reopen the case
like a dispute; nothing in the published SKM data identifies a reporter or a report."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from lapor.notifications.models import Notification
from lapor.reports.models import Channel, ReportEvent, Status
from lapor.skm.models import SurveyResponse
from tests.skm.conftest import closed_report
from tests.sms.conftest import PHONE, last_answer, sms

pytestmark = pytest.mark.django_db

GOOD = {"requirements": 4, "procedure": 4, "time": 3, "cost": 4, "product": 4, "competence": 3,
        "behaviour": 4, "complaint_handling": 4, "facilities": 3}  # fmt: skip
POOR = dict.fromkeys(GOOD, 1)


def _unlocked(report, pin) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    response = client.post("/lacak/", {"tracking_id": report.tracking_id, "pin": pin})
    assert response.status_code == 302
    return client


def _post(client, report, values, **extra):  # type: ignore[no-untyped-def]
    data = {k: str(v) for k, v in values.items()}
    data.update(extra)
    return client.post(f"/lacak/{report.tracking_id}/survei/", data)


def test_the_reporter_is_invited_on_their_channel_when_the_case_closes(cast, directory):
    by_web, _pin = closed_report(cast, directory)
    invite = Notification.objects.get(dedupe_key=f"skm:invite:{by_web.pk}")
    assert invite.channel == "email" and f"/lacak/{by_web.tracking_id}/survei/" in invite.body
    by_sms, _pin = closed_report(cast, directory, channel=Channel.SMS, phone=PHONE, email="")
    invite = Notification.objects.get(dedupe_key=f"skm:invite:{by_sms.pk}")
    assert invite.channel == "sms" and f"SKM {by_sms.tracking_id} 4 4 3" in invite.body


def test_one_answer_per_report_whatever_the_channel(cast, directory):
    report, pin = closed_report(cast, directory, channel=Channel.SMS, phone=PHONE)
    client = _unlocked(report, pin)
    page = client.get(f"/lacak/{report.tracking_id}/")
    assert f"/lacak/{report.tracking_id}/survei/" in page.content.decode()
    response = _post(client, report, GOOD, comment="Cepat, terima kasih")
    assert response.status_code == 302 and "done=ok" in response["Location"]
    assert SurveyResponse.objects.count() == 1

    again = _post(client, report, POOR)
    assert again.status_code == 200 and 'name="requirements"' not in again.content.decode()
    sms(f"SKM {report.tracking_id} 1 1 1 1 1 1 1 1 1")
    assert "already been answered" in last_answer() or "sudah dijawab" in last_answer()
    assert SurveyResponse.objects.count() == 1
    assert SurveyResponse.objects.get().requirements == 4
    assert (
        f"/lacak/{report.tracking_id}/survei/"
        not in client.get(f"/lacak/{report.tracking_id}/").content.decode()
    )


def test_by_sms_from_the_number_that_filed_it(cast, directory):
    report, _pin = closed_report(cast, directory, channel=Channel.SMS, phone=PHONE, email="")
    sms(f"SKM {report.tracking_id} 4 4 3 4 4 3 4 4 3 petugas ramah")
    answer = SurveyResponse.objects.get()
    assert (answer.time, answer.facilities, answer.channel) == (3, 3, "sms")
    assert answer.comment == "petugas ramah"
    assert not hasattr(answer, "report") and not hasattr(answer, "report_id")


def test_a_poor_answer_can_reopen_the_case_like_a_dispute(cast, directory):
    report, pin = closed_report(cast, directory)
    client = _unlocked(report, pin)
    response = _post(client, report, POOR, comment="Jalan berlubang lagi", appeal="on")
    assert "done=disputed" in response["Location"]
    report.refresh_from_db()
    assert report.status not in (Status.CLOSED_BY_REPORTER,)
    dispute = ReportEvent.objects.get(report=report, kind="disputed")
    assert dispute.message == "Jalan berlubang lagi"
    # A good answer does not reopen, even if the box is ticked.
    other, pin = closed_report(cast, directory)
    _post(_unlocked(other, pin), other, GOOD, appeal="on")
    other.refresh_from_db()
    assert other.status == Status.CLOSED_BY_REPORTER


def test_published_skm_data_identifies_nobody(cast, directory):
    reports = []
    for values in (GOOD, POOR):
        report, pin = closed_report(cast, directory, channel=Channel.SMS, phone=PHONE)
        _post(_unlocked(report, pin), report, values, comment="Saya Siti Rahmawati 0812-3456-7890")
        reports.append(report)
    client = Client()
    data = client.get("/data/skm.json")
    csv_text = client.get("/data/skm.csv").content.decode()
    scorecard_json = json.loads(data.content)
    assert scorecard_json["method"] and len(scorecard_json["results"]) == 1
    row = scorecard_json["results"][0]
    assert row["responses"] == 2 and row["agency_code"] == directory.sleman_pupr.code
    published = data.content.decode() + csv_text
    for secret in ["Siti", "Rahmawati", "0812", "+62", "warga@example.id", "Saya"]:
        assert secret not in published
    for report in reports:
        assert report.tracking_id not in published
        assert str(report.pk) not in {str(v) for v in row.values()}
    assert set(row) == {
        "agency_code", "agency_name", "year", "responses", "population", "minimum_sample",
        "sample_sufficient", "nrr_requirements", "nrr_procedure", "nrr_time", "nrr_cost",
        "nrr_product", "nrr_competence", "nrr_behaviour", "nrr_complaint_handling",
        "nrr_facilities", "ikm", "ikm_converted", "grade",
    }  # fmt: skip
    # The stored answer itself does not point at its report.
    fields = {f.name for f in SurveyResponse._meta.get_fields()}
    assert "report" not in fields and "tracking_id" not in fields
