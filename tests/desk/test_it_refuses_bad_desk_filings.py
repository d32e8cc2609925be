"""Bad input at the desk: a clear message, nothing typed or uploaded lost, nothing half-saved.
Missing consent refuses to file — in the form and in the action itself."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from lapor.core.errors import DomainError
from lapor.notifications.models import Notification
from lapor.regions.models import Region
from lapor.reports import actions
from lapor.reports.models import Attachment, PendingUpload, Report, ReporterIdentity, ReportEvent
from tests.desk.conftest import DESK_URL, PERSON, desk_post, login
from tests.helpers import executable_as_jpg, jpeg_with_gps


def nothing_saved() -> None:
    assert Report.objects.count() == 0
    assert ReporterIdentity.objects.count() == 0
    assert ReportEvent.objects.count() == 0
    assert Attachment.objects.count() == 0
    assert Notification.objects.count() == 0


def test_missing_consent_refuses_and_keeps_everything_typed_and_uploaded(cast):
    client = login(cast.officer_a)
    response = client.post(
        "/en" + DESK_URL, desk_post(consent=None, attachments=[jpeg_with_gps("ktp.jpg")])
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="error-summary"' in html
    assert "Record how the person agreed to this report being filed for them." in html
    nothing_saved()
    # Everything typed is still there, and the file waits, staged, with a remove box.
    assert PERSON in html
    assert "Jalan berlubang di depan SD Negeri Caturtunggal" in html
    staged = PendingUpload.objects.get()
    assert f'value="{staged.pk}"' in html and "ktp.jpg" in html
    token = re.search(r'name="pending" value="([^"]+)"', html).group(1)

    # Fixed: the staged file becomes the report's attachment, nothing uploaded again.
    done = client.post(DESK_URL, desk_post(pending=token))
    assert done.status_code == 302
    report = Report.objects.get()
    assert Attachment.objects.get(report=report).original_name == "ktp.jpg"
    assert PendingUpload.objects.count() == 0


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"channel": "phone", "consent": "signed_form"},
            "consent",
            "This way of consenting does not fit the channel: Telephone desk.",
        ),
        (
            {"channel": "desk", "consent": "spoken_phone"},
            "consent",
            "This way of consenting does not fit the channel: Walk-in desk.",
        ),
        (
            {"privacy_read_out": None},
            "privacy_read_out",
            "Read the privacy choices out to the person and confirm that you did.",
        ),
        (
            {"channel": "phone", "consent": "spoken_phone", "phone": ""},
            "phone",
            "Write down the number the person can be reached at.",
        ),
        ({"full_name": ""}, "full_name", "This field is required."),
        ({"channel": "sms"}, "channel", "Select a valid choice."),
        ({"channel": None}, "channel", "This field is required."),
        ({"consent": "nodded"}, "consent", "Select a valid choice."),
    ],
    ids=[
        "signed-form-on-the-phone",
        "phone-consent-at-the-counter",
        "privacy-not-read-out",
        "phone-without-number",
        "no-name",
        "not-a-desk-channel",
        "no-channel",
        "unknown-consent",
    ],
)
def test_each_bad_field_gets_its_message_and_nothing_is_saved(cast, overrides, field, message):
    client = login(cast.officer_a)
    response = client.post("/en" + DESK_URL, desk_post(**overrides))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'href="#field-{field}"' in html, html[:3000]
    assert message in html
    nothing_saved()


def test_a_bad_file_is_refused_while_the_rest_is_kept(cast):
    client = login(cast.officer_a)
    response = client.post(
        "/en" + DESK_URL,
        desk_post(attachments=[executable_as_jpg(), jpeg_with_gps("foto.jpg")]),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="#field-attachments"' in html
    nothing_saved()
    assert PendingUpload.objects.get().original_name == "foto.jpg"


def _submit(**kw):
    return actions.report_submit(
        kind="complaint",
        title="Jalan berlubang di depan SD Negeri Caturtunggal",
        body="Lubang besar sudah tiga bulan, banyak pengendara jatuh di sana.",
        incident_date=dt.date(2026, 1, 5),
        region=Region.objects.get(code="34.04.07.2001"),
        contact=actions.ReporterContact(full_name=PERSON, phone="+6285643210987"),
        **kw,
    )


@pytest.mark.parametrize(
    ("who", "kw", "code"),
    [
        ("officer_a", {"channel": "desk", "consent": ""}, "consent_required"),
        ("officer_a", {"channel": "phone", "consent": "signed_form"}, "consent_channel"),
        ("officer_a", {"channel": "web", "consent": "signed_form"}, "not_desk"),
        (None, {"channel": "desk", "consent": "signed_form"}, "not_desk"),
        ("supervisor", {"channel": "desk", "consent": "signed_form"}, "forbidden"),
        ("ppid", {"channel": "phone", "consent": "spoken_phone"}, "forbidden"),
        ("reporter", {"channel": "desk", "consent": "signed_form"}, "forbidden"),
    ],
    ids=[
        "no-consent",
        "consent-not-fitting",
        "web-channel",
        "desk-without-officer",
        "supervisor",
        "ppid-officer",
        "citizen",
    ],
)
def test_the_action_itself_refuses(cast, supervisor, ppid, who, kw, code):
    """Defence in depth: any interface calling report_submit meets the same rules."""
    users = {"supervisor": supervisor, "ppid": ppid}
    filed_by = users.get(who) or (getattr(cast, who) if who else None)
    with pytest.raises(DomainError) as refused:
        _submit(filed_by=filed_by, **kw)
    assert refused.value.code == code
    nothing_saved()


def test_the_action_still_files_ordinary_reports(cast):
    """Backward compatible: without ``filed_by`` nothing about consent is asked or stored."""
    submitted = _submit(channel="web")
    identity = ReporterIdentity.objects.get(report=submitted.report)
    assert (identity.consent, identity.consent_recorded_at) == ("", None)
    assert ReportEvent.objects.get().data == {}
