import pytest

from lapor.reports.emergency import looks_like_emergency
from lapor.reports.models import Report
from tests.conftest import report_post_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "text",
    [
        "Ada kebakaran di pasar, api sudah besar",
        "tolong ada kecelakaan motor di jln raya, korban tdk sadar",
        "anak tenggelam di sungai barusan",
        "tetangga saya dipukuli suaminya tiap malam (KDRT)",
        "ibu saya pingsan dan sesak napas, ambulans tidak datang",
        "Rumah terbakar!!",
        "warga tersengat listrik dari kabel PLN yang putus",
    ],
)
def test_it_recognises_emergencies_as_people_write_them(text):
    assert looks_like_emergency(text)


@pytest.mark.parametrize(
    "text",
    [
        "Jalan berlubang di depan sekolah belum diperbaiki",
        "Pelayanan KTP elektronik di kecamatan lambat sekali",
        "Bansos PKH tidak cair sejak Januari",
        "Lampu penerangan jalan mati sudah dua minggu",
    ],
)
def test_it_does_not_cry_wolf_on_ordinary_complaints(text):
    assert not looks_like_emergency(text)


def test_it_shows_a_112_notice_before_submitting_without_blocking(client, directory):
    data = report_post_data(title="Kebakaran gudang di dekat pasar, api menjalar")
    first = client.post("/en/lapor/", data)
    page = first.content.decode()
    assert first.status_code == 200
    assert "This sounds like an emergency" in page and "112" in page
    assert Report.objects.count() == 0
    # Nothing typed is lost and the next press sends it.
    assert data["title"] in page
    assert 'name="emergency_ack" value="1"' in page
    data["emergency_ack"] = "True"
    second = client.post("/en/lapor/", data)
    assert second.status_code == 302
    report = Report.objects.get()
    assert report.emergency_suspected
    assert "call 112" in client.get(second["Location"]).content.decode()


def test_it_submits_at_once_when_the_script_already_showed_the_notice(client, directory):
    data = report_post_data(body="Ada kecelakaan di jalan ini setiap minggu karena lubang.")
    data["emergency_ack"] = "True"
    assert client.post("/lapor/", data).status_code == 302
    assert Report.objects.get().emergency_suspected


def test_the_form_tells_everyone_about_112(client, directory):
    assert "112" in client.get("/lapor/").content.decode()
    assert "112" in client.get("/").content.decode()
