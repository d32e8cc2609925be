"""The case lifecycle through the actions, with frozen time."""

import datetime as dt

import pytest
import time_machine

from lapor.core.errors import DomainError, IllegalTransition
from lapor.reports import case_actions as ca
from lapor.reports.models import Assignment, Clock, Report, ReportEvent, Status
from lapor.reports.sweep import sweep
from tests.cases.conftest import at, submit

pytestmark = pytest.mark.django_db


def _evidence():
    from lapor.reports.attachments import check_file, stage
    from tests.helpers import jpeg_with_gps

    return [stage(check_file(jpeg_with_gps("hasil-perbaikan.jpg")))]


def test_it_walks_a_case_from_disposition_to_a_rating(cast, directory):
    with time_machine.travel(at(2026, 11, 2), tick=False):
        report = submit()
        ca.report_dispose(
            report=report,
            agency=directory.sleman_pupr,
            actor=cast.agency_admin,
            message="Mohon ditindaklanjuti.",
        )
        report.refresh_from_db()
        assert report.status == Status.DISPOSED and report.agency == directory.sleman_pupr
        assert not Clock.objects.filter(report=report, kind="verify", stopped_at=None).exists()
        first = Clock.objects.get(report=report, kind="first_follow_up")
        assert first.due_at.date() == dt.date(2026, 11, 9)
    with time_machine.travel(at(2026, 11, 4), tick=False):
        ca.report_follow_up(
            report=report,
            message="Sudah ditambal.",
            actor=cast.officer_a,
            uploads=_evidence(),
            resolved=True,
        )
        report.refresh_from_db()
        assert report.status == Status.FOLLOWED_UP
        assert Clock.objects.get(report=report, kind="first_follow_up").stop_reason == (
            "followed_up"
        )
        assert Clock.objects.get(report=report, kind="reporter_reply", stopped_at=None)
        ca.report_reporter_reply(report=report, message="Masih ada lubang kecil.", actor=None)
        report.refresh_from_db()
        assert report.status == Status.REPORTER_REPLIED
        ca.report_follow_up(report=report, message="Lubang kecil juga sudah.", actor=cast.officer_a)
        ca.report_close_by_reporter(report=report, rating=5, comment="Terima kasih", actor=None)
    report.refresh_from_db()
    assert report.status == Status.CLOSED_BY_REPORTER and report.rating == 5
    assert not Clock.objects.filter(report=report, stopped_at=None).exists()
    kinds = list(
        ReportEvent.objects.filter(report=report, is_public=True).values_list("kind", flat=True)
    )
    assert kinds == ["submitted", "disposed", "follow_up", "reporter_reply", "follow_up", "closed"]


def test_resolving_needs_evidence(cast, directory, new_report):
    ca.report_dispose(report=new_report, agency=directory.sleman_pupr, actor=cast.agency_admin)
    with pytest.raises(DomainError) as err:
        ca.report_follow_up(
            report=new_report, message="Selesai", actor=cast.officer_a, resolved=True
        )
    assert err.value.code == "evidence_required"
    assert Report.objects.get().status == Status.DISPOSED


def test_tunda_pauses_the_clock_until_the_reporter_answers(cast, directory):
    with time_machine.travel(at(2026, 11, 2), tick=False):  # Monday; due Thu 5 Nov
        report = submit()
    with time_machine.travel(at(2026, 11, 3), tick=False):
        ca.report_postpone(
            report=report, message="Di titik mana tepatnya?", actor=cast.agency_admin
        )
        verify = Clock.objects.get(report=report, kind="verify")
        assert verify.due_at is None and Report.objects.get().status == Status.POSTPONED
    with time_machine.travel(at(2026, 11, 9), tick=False):  # Monday
        from lapor.reports.actions import report_add_info

        report_add_info(report=Report.objects.get(), message="Depan gerbang sekolah.", actor=None)
    report = Report.objects.get()
    assert report.status == Status.AWAITING_VERIFICATION
    verify.refresh_from_db()
    # Tue 3 … Mon 9 paused; Tue 10 (1), Wed 11 (2), Thu 12 (3).
    assert verify.due_at.date() == dt.date(2026, 11, 12)
    assert ReportEvent.objects.filter(report=report, kind="resumed").exists()


def test_an_unanswered_tunda_is_archived_by_the_system(cast, directory):
    with time_machine.travel(at(2026, 11, 2), tick=False):
        report = submit()
        ca.report_postpone(report=report, message="Mohon lengkapi lokasi.", actor=cast.agency_admin)
    sweep(at(2026, 11, 16, 12))  # 10 working days after Mon 2 Nov end on Mon 16 Nov
    assert Report.objects.get().status == Status.POSTPONED
    sweep(at(2026, 11, 17, 1))
    assert Report.objects.get().status == Status.ARCHIVED_BY_SYSTEM


def test_it_closes_by_itself_after_ten_working_days_without_an_answer(cast, directory):
    with time_machine.travel(at(2026, 11, 2), tick=False):
        report = submit()
        ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.agency_admin)
        ca.report_follow_up(
            report=report,
            message="Sudah diperbaiki.",
            actor=cast.officer_a,
            uploads=_evidence(),
            resolved=True,
        )
    result = sweep(at(2026, 11, 16, 23))
    assert result.closed == [] and Report.objects.get().status == Status.FOLLOWED_UP
    result = sweep(at(2026, 11, 17, 0, 30))
    assert result.closed == [report.pk]
    report.refresh_from_db()
    assert report.status == Status.CLOSED_BY_SYSTEM and report.closed_at is not None
    assert sweep(at(2026, 11, 18)).closed == []  # idempotent


def test_it_escalates_each_rung_of_the_ladder(cast, directory):
    with time_machine.travel(at(2026, 11, 2), tick=False):
        report = submit()  # verification due Thu 5 Nov
    assert sweep(at(2026, 11, 5, 20)).escalated == []
    assert sweep(at(2026, 11, 6, 9)).escalated == [(report.pk, 1)]
    assert sweep(at(2026, 11, 6, 15)).escalated == []
    assert sweep(at(2026, 11, 10, 9)).escalated == [(report.pk, 2)]  # 2 working days late
    assert sweep(at(2026, 11, 12, 9)).escalated == [(report.pk, 3)]
    assert sweep(at(2026, 11, 30, 9)).escalated == []  # top rung reached
    levels = [e.data["level"] for e in ReportEvent.objects.filter(kind="escalated")]
    assert levels == [1, 2, 3]


def test_a_late_sweep_records_every_rung_it_skipped(cast, directory):
    with time_machine.travel(at(2026, 11, 2), tick=False):
        report = submit()
    assert sweep(at(2026, 11, 20, 9)).escalated == [(report.pk, 1), (report.pk, 2), (report.pk, 3)]


def test_an_extension_moves_the_resolution_deadline_within_the_ceiling(cast, directory):
    with time_machine.travel(at(2026, 11, 2), tick=False):
        report = submit()
        ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.agency_admin)
        resolution = Clock.objects.get(report=report, kind="resolution")
        assert resolution.due_at.date() == dt.date(2026, 11, 9)
        ca.report_extend(
            report=report, days=3, reason="Menunggu material aspal.", actor=cast.officer_a
        )
        resolution.refresh_from_db()
        assert resolution.due_at.date() == dt.date(2026, 11, 12)
        event = ReportEvent.objects.get(kind="extended")
        assert event.data["days"] == 3
        ca.report_set_complexity(report=report, complexity="field_inspection", actor=cast.officer_a)
        with pytest.raises(DomainError) as err:
            ca.report_extend(report=report, days=10, reason="Lama", actor=cast.officer_a)
        assert err.value.code == "past_ceiling"
    resolution.refresh_from_db()
    assert resolution.extension_days == 3  # the refused extension left nothing behind


def test_a_transfer_keeps_the_id_history_and_clock(cast, directory):
    with time_machine.travel(at(2026, 11, 2), tick=False):
        report = submit()
        ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.agency_admin)
        due = Clock.objects.get(report=report, kind="first_follow_up").due_at
        ca.report_transfer(
            report=report,
            to_agency=directory.semarang_pupr,
            reason="Lokasi masuk wilayah Semarang",
            actor=cast.officer_a,
        )
    report.refresh_from_db()
    assert report.agency == directory.semarang_pupr and report.status == Status.DISPOSED
    clock = Clock.objects.get(report=report, kind="first_follow_up")
    assert clock.agency == directory.semarang_pupr and clock.due_at == due
    # Sleman's assignment ended but stays in the history (and in Sleman's exports).
    old = Assignment.objects.get(report=report, agency=directory.sleman_pupr)
    assert old.active is False and old.ended_at is not None
    assert Assignment.objects.get(report=report, active=True).agency == directory.semarang_pupr
    assert ReportEvent.objects.filter(report=report).count() == 3
    # Now Sleman's officer has no hold on it, Semarang's has.
    with pytest.raises(ca.Forbidden):
        ca.report_follow_up(report=report, message="x", actor=cast.officer_a)
    ca.report_follow_up(report=report, message="Kami tangani.", actor=cast.officer_b)


def test_a_second_agency_gets_its_own_clock(cast, directory):
    with time_machine.travel(at(2026, 11, 2), tick=False):
        report = submit()
        ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.agency_admin)
    with time_machine.travel(at(2026, 11, 4), tick=False):
        ca.report_involve_agency(
            report=report,
            agency=directory.semarang_pupr,
            reason="Jalan perbatasan",
            actor=cast.national_admin,
        )
    clocks = Clock.objects.filter(report=report, kind="first_follow_up").order_by("pk")
    assert [c.agency_id for c in clocks] == [directory.sleman_pupr.pk, directory.semarang_pupr.pk]
    assert clocks[0].due_at.date() == dt.date(2026, 11, 9)
    assert clocks[1].due_at.date() == dt.date(2026, 11, 11)
    assert Assignment.objects.filter(report=report, active=True).count() == 2


def test_a_disputed_closure_reopens_and_escalates(cast, directory, new_report):
    ca.report_dispose(report=new_report, agency=directory.sleman_pupr, actor=cast.agency_admin)
    ca.report_follow_up(
        report=new_report,
        message="Selesai.",
        actor=cast.officer_a,
        uploads=_evidence(),
        resolved=True,
    )
    ca.report_close_by_reporter(report=new_report, rating=1, actor=None)
    ca.report_dispute(
        report=new_report, reason="Foto itu jalan lain, lubang masih ada.", actor=None
    )
    report = Report.objects.get()
    assert report.status == Status.DISPOSED and report.closed_at is None
    assert ReportEvent.objects.filter(kind="escalated", data__level=1).exists()
    assert Clock.objects.get(kind="first_follow_up", stopped_at=None).escalation_level == 1


def test_not_our_authority_from_a_unit_returns_it_to_verification(cast, directory, new_report):
    ca.report_dispose(report=new_report, agency=directory.sleman_pupr, actor=cast.agency_admin)
    ca.report_not_our_authority(
        report=new_report,
        reason="Jalan nasional, bukan kabupaten",
        suggested_agency=directory.kemenpanrb,
        actor=cast.officer_a,
    )
    report = Report.objects.get()
    assert report.status == Status.AWAITING_VERIFICATION and report.agency is None
    assert Clock.objects.filter(kind="verify", stopped_at=None).count() == 1


def test_not_our_authority_at_verification_goes_to_the_national_queue(cast, directory, new_report):
    ca.report_not_our_authority(
        report=new_report, reason="Bukan urusan pemkab", actor=cast.agency_admin
    )
    report = Report.objects.get()
    assert report.needs_national_routing
    assert not ca.can_verify(cast.agency_admin, report)
    assert ca.can_verify(cast.national_admin, report)


def test_archiving_needs_a_reason_from_the_list(cast, directory, new_report):
    with pytest.raises(DomainError):
        ca.report_archive(report=new_report, reason="bosan", actor=cast.agency_admin)
    ca.report_archive(
        report=new_report, reason="duplicate", message="Sama dengan #1", actor=cast.agency_admin
    )
    assert Report.objects.get().status == Status.ARCHIVED_BY_ADMIN


def test_privacy_may_be_raised_never_lowered_and_edits_keep_the_original(cast, directory):
    report = submit(privacy="anonymous")
    ca.report_edit_publication(
        report=report,
        actor=cast.agency_admin,
        title="Jalan rusak di Caturtunggal",
        privacy="confidential",
    )
    report.refresh_from_db()
    assert report.privacy == "confidential"
    assert report.title_original == "Jalan berlubang di depan SD Negeri Caturtunggal"
    assert report.title_published == "Jalan rusak di Caturtunggal"
    edit = ReportEvent.objects.get(kind="text_edited")
    assert edit.is_public is False and edit.data["title"][0] == report.title_original
    with pytest.raises(DomainError) as err:
        ca.report_edit_publication(report=report, actor=cast.agency_admin, privacy="public")
    assert err.value.code == "privacy_lowered"


def test_illegal_moves_are_rejected_with_a_clear_message(cast, directory, new_report):
    with pytest.raises(IllegalTransition) as err:
        ca.report_reporter_reply(report=new_report, message="Halo", actor=None)
    assert "tidak bisa diubah menjadi" in err.value.message
    with pytest.raises(IllegalTransition):
        ca.report_close_by_reporter(report=new_report, rating=4, actor=None)
    assert Report.objects.get().status == Status.AWAITING_VERIFICATION


def test_roles_are_enforced(cast, directory, new_report):
    from lapor.accounts.models import User
    from lapor.agencies.models import Membership

    with pytest.raises(ca.Forbidden):  # a liaison officer cannot verify
        ca.report_dispose(report=new_report, agency=directory.sleman_pupr, actor=cast.officer_a)
    with pytest.raises(ca.Forbidden):  # Semarang's admin cannot verify a Sleman report
        other = User.objects.create_user(email="adm.smg@example.id", password="x")
        Membership.objects.create(
            user=other, agency=directory.semarang_gov, role=Membership.Role.AGENCY_ADMIN
        )
        ca.report_dispose(report=new_report, agency=directory.semarang_pupr, actor=other)
    supervisor = User.objects.create_user(email="inspektorat@example.id", password="x")
    Membership.objects.create(
        user=supervisor, agency=directory.sleman_gov, role=Membership.Role.SUPERVISOR
    )
    with pytest.raises(ca.Forbidden):
        ca.report_postpone(report=new_report, message="?", actor=supervisor)
    ca.report_dispose(report=new_report, agency=directory.sleman_pupr, actor=cast.agency_admin)
    with pytest.raises(ca.Forbidden):
        ca.report_follow_up(report=new_report, message="x", actor=supervisor)
    with pytest.raises(ca.Forbidden):  # the officer of another agency
        ca.report_follow_up(report=new_report, message="x", actor=cast.officer_b)
    with pytest.raises(DomainError):  # Sleman's admin cannot dispose to Semarang
        r2 = submit(title="Lampu jalan mati di Jalan Kaliurang")
        ca.report_dispose(report=r2, agency=directory.semarang_pupr, actor=cast.agency_admin)


def test_a_closure_cannot_be_disputed_after_30_days(cast, directory, new_report):
    # The window is a domain rule: every channel (web, SMS, e-mail, API) gets the same answer.
    ca.report_dispose(report=new_report, agency=directory.sleman_pupr, actor=cast.agency_admin)
    ca.report_follow_up(
        report=new_report,
        message="Selesai.",
        actor=cast.officer_a,
        uploads=_evidence(),
        resolved=True,
    )
    ca.report_close_by_reporter(report=new_report, rating=2, actor=None)
    report = Report.objects.get()
    with (
        time_machine.travel(report.closed_at + dt.timedelta(days=31)),
        pytest.raises(DomainError) as caught,
    ):
        ca.report_dispute(report=report, reason="Masih rusak.", actor=None)
    assert caught.value.code == "not_disputable"
    assert Report.objects.get().status == Status.CLOSED_BY_REPORTER
