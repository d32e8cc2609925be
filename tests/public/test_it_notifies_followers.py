"""Follow: double opt-in by e-mail, confirmed followers hear about public events through the
outbox, one-click unfollow, never the reporter's identity."""

from __future__ import annotations

import re

from django.core import mail
from django.test import Client
from django.urls import reverse

from lapor.notifications.delivery import deliver
from lapor.notifications.models import Notification
from lapor.public.models import Follow
from lapor.reports import case_actions

FOLLOWER = "warga.peduli@example.id"


def follow(client, report, email=FOLLOWER, ip="10.2.0.1"):
    return client.post(
        reverse("public:follow", kwargs={"tracking_id": report.tracking_id}),
        {"email": email},
        REMOTE_ADDR=ip,
    )


def send_all():
    for n in Notification.objects.filter(status=Notification.Status.PENDING):
        deliver(n.pk)


def test_it_confirms_by_email_before_sending_anything(client, cast, published, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    report = published(privacy="anonymous", name="Bambang Wibisono", email="bambang@example.id")
    response = follow(client, report)
    assert response.status_code == 302 and "selesai=konfirmasi" in response["Location"]
    row = Follow.objects.get(report=report)
    assert row.confirmed_at is None
    send_all()
    confirm = [m for m in mail.outbox if FOLLOWER in m.to]
    assert len(confirm) == 1
    link = re.search(r"https?://\S+/ikuti/konfirmasi/\S+/", confirm[0].body).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]
    # An unconfirmed follower hears nothing.
    case_actions.report_follow_up(report=report, message="Sedang dicek.", actor=cast.officer_a)
    assert not Notification.objects.filter(recipient_kind="follower", event__isnull=False).exists()
    # Opening the link shows a button (mail scanners do not confirm); pressing it confirms.
    assert client.get("/" + path).status_code == 200
    assert Follow.objects.get(pk=row.pk).confirmed_at is None
    assert client.post("/" + path).status_code == 200
    assert Follow.objects.get(pk=row.pk).confirmed_at is not None

    mail.outbox.clear()
    case_actions.report_follow_up(report=report, message="Sudah diperbaiki.", actor=cast.officer_a)
    send_all()
    news = [m for m in mail.outbox if FOLLOWER in m.to]
    assert len(news) == 1
    body = news[0].subject + news[0].body
    assert report.tracking_id in body
    for secret in ("Bambang", "bambang@example.id", "Andi Petugas"):
        assert secret not in body
    unfollow = re.search(r"https?://\S+/ikuti/berhenti/\S+/", news[0].body).group(0)
    path = unfollow.split("://", 1)[1].split("/", 1)[1]
    assert client.post("/" + path).status_code == 200
    assert not Follow.objects.filter(pk=row.pk).exists()


def test_it_confirms_at_once_for_the_own_account(cast, published):
    report = published()
    browser = Client()
    browser.force_login(cast.reporter2)
    response = follow(browser, report, email=cast.reporter2.email)
    assert "selesai=ikuti" in response["Location"]
    assert Follow.objects.get(report=report).confirmed_at is not None
    case_actions.report_follow_up(report=report, message="Ditangani.", actor=cast.officer_a)
    rows = Notification.objects.filter(recipient_kind="follower", event__isnull=False)
    assert [n.address for n in rows] == [cast.reporter2.email]


def test_it_validates_the_address_and_keeps_the_page(client, published):
    report = published()
    response = follow(client, report, email="bukan-email")
    assert response.status_code == 400
    assert "bukan-email" in response.content.decode()
    assert not Follow.objects.exists()


def test_it_rate_limits_follow_requests(published, monkeypatch):
    from lapor.public import actions

    monkeypatch.setattr(actions, "MAX_FOLLOWS_PER_IP_PER_HOUR", 2)
    report = published()
    codes = [
        follow(Client(), report, email=f"orang{i}@example.id", ip="10.2.0.9").status_code
        for i in range(3)
    ]
    assert codes == [302, 302, 400]


def test_it_does_not_notify_followers_of_non_public_events(cast, published):
    report = published()
    Follow.objects.create(report=report, email=FOLLOWER, confirmed_at=report.created_at)
    case_actions.report_set_complexity(
        report=report, complexity="no_field_check", actor=cast.officer_a
    )
    assert not Notification.objects.filter(recipient_kind="follower").exists()
