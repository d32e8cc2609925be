"""An SMS reporter can do what a web reporter can (except attachments): check the status, add
information, reply to a follow-up (also when the agency asked a question), close with a rating
and dispute a closure — only from the number that filed the report; any other number gets the
same neutral "not found" as for a number that does not exist."""

import pytest

from lapor.reports import case_actions as ca
from lapor.reports.models import IdentityAccessLog, Report, ReportEvent, Status
from tests.sms.conftest import OTHER_PHONE, PHONE, answers, last_answer, sms

pytestmark = pytest.mark.django_db


def _file() -> Report:
    sms("LAPOR Jalan berlubang besar di depan SD Caturtunggal, Kab. Sleman")
    return Report.objects.get()


def _dispose_and_follow_up(
    report: Report, cast, directory, message: str = "Sudah ditambal."
) -> None:
    ca.report_dispose(
        report=report,
        agency=directory.sleman_pupr,
        privacy="public",
        complexity="simple",
        actor=cast.agency_admin,
    )
    ca.report_follow_up(report=report, message=message, actor=cast.officer_a)


def test_cek_answers_the_status_to_the_number_that_filed_it(cast, directory):
    report = _file()
    sms(f"CEK {report.tracking_id}")
    text = last_answer()
    assert report.tracking_id in text
    assert str(Status(report.status).label) in text or "verif" in text.lower()
    log = IdentityAccessLog.objects.filter(report=report, purpose="sms reporter check")
    assert log.count() == 1 and log.get().granted


def test_another_number_gets_a_neutral_not_found(cast, directory):
    report = _file()
    sms(f"CEK {report.tracking_id}", sender=OTHER_PHONE)
    sms("CEK 999999999", sender=OTHER_PHONE)
    theirs, missing = answers()[-2:]
    assert theirs.replace(report.tracking_id, "N") == missing.replace("999999999", "N")
    assert str(Status(report.status).label) not in theirs
    sms(f"BALAS {report.tracking_id} saya bukan pelapornya", sender=OTHER_PHONE)
    sms(f"TUTUP {report.tracking_id} 1", sender=OTHER_PHONE)
    assert not ReportEvent.objects.filter(
        report=report, kind__in=["reporter_info", "closed"]
    ).exists()


def test_balas_before_a_follow_up_adds_information(cast, directory):
    report = _file()
    sms(f"BALAS#{report.tracking_id}#Lubangnya sekarang sudah dua")
    info = ReportEvent.objects.get(report=report, kind="reporter_info")
    assert info.message == "Lubangnya sekarang sudah dua"
    assert report.tracking_id in last_answer()


def test_balas_after_a_follow_up_replies_and_free_text_threads(cast, directory):
    report = _file()
    _dispose_and_follow_up(report, cast, directory)
    follow_up_sms = last_answer()
    assert "Sudah ditambal." in follow_up_sms and f"BALAS {report.tracking_id}" in follow_up_sms
    sms("Terima kasih, tapi sisi kiri belum")  # free text, one open report: threaded
    report.refresh_from_db()
    assert report.status == Status.REPORTER_REPLIED
    reply = ReportEvent.objects.get(report=report, kind="reporter_reply")
    assert reply.message == "Terima kasih, tapi sisi kiri belum" and reply.actor is None


def test_answering_the_agencys_question(cast, directory):
    report = _file()
    ca.report_dispose(
        report=report,
        agency=directory.sleman_pupr,
        privacy="public",
        complexity="simple",
        actor=cast.agency_admin,
    )
    ca.report_follow_up(
        report=report, message="Di sebelah mana persisnya?", actor=cast.officer_a, question=True
    )
    question = last_answer()
    assert "Di sebelah mana persisnya?" in question and f"BALAS {report.tracking_id}" in question
    sms(f"BALAS {report.tracking_id} Di depan gerbang sekolah")
    report.refresh_from_db()
    assert report.status == Status.REPORTER_REPLIED


def test_tutup_closes_with_a_rating_and_sanggah_reopens(cast, directory):
    report = _file()
    _dispose_and_follow_up(report, cast, directory)
    sms(f"TUTUP {report.tracking_id} 9")
    assert "1 to 5" in last_answer() or "1 sampai 5" in last_answer()
    sms(f"tutup {report.tracking_id} 4 cepat ditangani")
    report.refresh_from_db()
    assert report.status == Status.CLOSED_BY_REPORTER
    assert report.rating == 4 and report.rating_comment == "cepat ditangani"
    assert "4" in last_answer()

    count = len(answers())
    sms(f"SANGGAH {report.tracking_id} ternyata lubangnya muncul lagi")
    report.refresh_from_db()
    assert report.status == Status.DISPOSED
    dispute = ReportEvent.objects.get(report=report, kind="disputed")
    assert dispute.message == "ternyata lubangnya muncul lagi"
    # One answer: the "reopened" notification of the event itself.
    assert len(answers()) == count + 1 and report.tracking_id in last_answer()


def test_refusals_are_answered(cast, directory):
    report = _file()
    sms(f"SANGGAH {report.tracking_id} belum selesai")  # not closed
    assert report.tracking_id in last_answer()
    sms(f"TUTUP {report.tracking_id} 5")  # no follow-up yet
    assert Report.objects.get(pk=report.pk).status == Status.AWAITING_VERIFICATION
    sms("CEK")
    assert "123456789" in last_answer()  # shows how to write it
    sms(f"BALAS {report.tracking_id}")
    assert Report.objects.get(pk=report.pk).status == Status.AWAITING_VERIFICATION


def test_free_text_with_several_open_reports_lists_them(cast, directory):
    first = _file()
    sms("LAPOR Lampu jalan mati sebulan di Kota Semarang dekat pasar")
    second = Report.objects.exclude(pk=first.pk).get()
    sms("ada tambahan informasi")
    text = last_answer()
    assert first.tracking_id in text and second.tracking_id in text
    assert not ReportEvent.objects.filter(kind="reporter_info").exists()


def test_free_text_with_nothing_open_is_kept_and_filed_on_ya(cast, directory):
    sms("Jembatan kayu di Kab. Sleman hampir roboh, mohon dicek")
    assert not Report.objects.exists()
    sms("YA")
    report = Report.objects.get()
    assert report.body_original == "Jembatan kayu di Kab. Sleman hampir roboh, mohon dicek"
    assert report.regency_code == "34.04"
    assert report.tracking_id in last_answer()
    assert PHONE  # the receipt goes to the number that filed it (tests/sms delivery tests)
