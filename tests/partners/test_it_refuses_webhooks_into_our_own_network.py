"""Webhook URLs cannot reach into our own network (SSRF): https only; no loopback, private,
shared, link-local, multicast, reserved or unspecified address, IPv4 or IPv6 (IPv4-mapped too),
literal or behind a host name. Refused when saved (the admin form, the actions) and again when
sending — where the host is resolved once and the checked address is the one connected to, so a
DNS answer that changes in between (rebinding) does not help — and redirects are not followed.

Runs without the test setting that lets the other partner tests use the loopback simulator,
except where a redirect or the simulator needs it (said so below)."""

from __future__ import annotations

import socket
import ssl
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from lapor.core.errors import DomainError
from lapor.open311.models import PartnerApp
from lapor.partners import actions
from lapor.partners.models import DeliveryAttempt, Integration, WebhookDelivery
from lapor.partners.simulator import PartnerSimulator
from lapor.partners.webhooks import UNSAFE_DESTINATION
from tests.partners.conftest import (
    LOOPBACK_NETWORKS,
    deliveries,
    dispose,
    make_partner,
    pushed,
    run_worker,
)

# The worker commits like a real one: no wrapping test transaction.
pytestmark = pytest.mark.django_db(transaction=True)

PUBLIC_IP = "93.184.215.14"  # a global unicast address (nothing listens for us there)

UNSAFE = [
    "http://laksa.example.id/hooks/lapor",  # not https
    "https://127.0.0.1/hooks/lapor",
    "https://127.8.9.10:8443/hooks/lapor",
    "https://10.1.2.3/hooks/lapor",
    "https://172.16.0.5/hooks/lapor",
    "https://192.168.1.10/hooks/lapor",
    "https://100.64.0.1/hooks/lapor",  # shared address space (carrier NAT)
    "https://169.254.169.254/latest/meta-data/",  # cloud metadata
    "https://0.0.0.0/hooks/lapor",
    "https://224.0.0.1/hooks/lapor",
    "https://240.0.0.1/hooks/lapor",
    "https://[::1]/hooks/lapor",
    "https://[::ffff:127.0.0.1]/hooks/lapor",  # IPv4-mapped loopback
    "https://[::ffff:a9fe:a9fe]/latest/meta-data/",  # IPv4-mapped 169.254.169.254
    "https://[::]/hooks/lapor",
    "https://[fe80::1]/hooks/lapor",
    "https://[fc00::1]/hooks/lapor",
    "https://[ff02::1]/hooks/lapor",
    "https://localhost/hooks/lapor",  # a name that resolves to loopback
    "https://user:secret@laksa.example.id/hooks/lapor",
]


@pytest.fixture
def dns(monkeypatch) -> dict[str, list[str]]:
    """Answers for made-up host names: each lookup pops the next answer (the last one stays)."""
    answers: dict[str, list[str]] = {}
    real = socket.getaddrinfo

    def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host in answers:
            queue = answers[host]
            ip = queue.pop(0) if len(queue) > 1 else queue[0]
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, int(port)))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return answers


@pytest.fixture
def receiver() -> Iterator[PartnerSimulator]:
    """A receiver on loopback: what an attacker would like to reach. It must hear nothing."""
    sim = PartnerSimulator(secret="unset").start()
    yield sim
    sim.stop()


@pytest.fixture
def root_client(db) -> Client:
    from lapor.accounts.models import User

    root = User.objects.create_superuser(email="root@example.id", password="x", full_name="Root")
    client = Client()
    client.force_login(root)
    return client


def test_the_admin_refuses_unsafe_urls(cast, directory, root_client):
    app = PartnerApp.objects.create(name="LAKSA Kota Tangerang")
    for url in UNSAFE:
        response = root_client.post(
            "/en/admin/partners/integration/add/",
            {"partner": app.pk, "agency": directory.sleman_gov.pk, "webhook_url": url},
        )
        assert response.status_code == 200, url  # the form again, with the error
        assert 'class="errorlist' in response.content.decode(), url
        assert not Integration.objects.filter(partner=app).exists(), url
    page = root_client.post(
        "/en/admin/partners/integration/add/",
        {
            "partner": app.pk,
            "agency": directory.sleman_gov.pk,
            "webhook_url": "https://169.254.169.254/latest/meta-data/",
        },
    ).content.decode()
    assert "only public internet addresses are allowed" in page
    # The change form refuses them as well.
    partner = make_partner(directory.sleman_gov, name="Sambat Online Malang")
    response = root_client.post(
        f"/en/admin/partners/integration/{partner.integration.pk}/change/",
        {"agency": directory.sleman_gov.pk, "webhook_url": "https://10.0.0.8/hooks"},
    )
    assert response.status_code == 200
    partner.integration.refresh_from_db()
    assert partner.integration.webhook_url == ""


def test_the_actions_refuse_them_too(cast, directory):
    partner = make_partner(directory.sleman_gov)
    for url in UNSAFE:
        with pytest.raises(DomainError):
            actions.integration_update(
                integration=partner.integration, agency=directory.sleman_gov, webhook_url=url
            )
    app = PartnerApp.objects.create(name="Sambat Online Malang")
    with pytest.raises(DomainError):
        actions.integration_create(
            partner=app, agency=directory.sleman_gov, webhook_url="https://[::1]:8443/x"
        )
    assert not Integration.objects.filter(partner=app).exists()


def test_a_public_https_url_is_accepted(cast, directory, root_client, dns):
    dns["hooks.laksa.example"] = [PUBLIC_IP]
    app = PartnerApp.objects.create(name="LAKSA Kota Tangerang")
    root_client.post(
        "/en/admin/partners/integration/add/",
        {
            "partner": app.pk,
            "agency": directory.sleman_gov.pk,
            "webhook_url": "https://hooks.laksa.example/lapor",
        },
    )
    assert Integration.objects.get(partner=app).webhook_url == "https://hooks.laksa.example/lapor"


def _one_failed_delivery(report) -> WebhookDelivery:
    (row,) = deliveries(report)
    assert row.status == "failed"
    (attempt,) = DeliveryAttempt.objects.filter(delivery=row)
    assert not attempt.succeeded and attempt.status_code is None
    assert attempt.error.startswith(UNSAFE_DESTINATION)
    return row


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_a_url_saved_before_the_check_is_refused_when_sending(
    cast, directory, receiver, settings, host
):
    # Plain http is allowed here so only the address decides; loopback is not.
    settings.PARTNER_WEBHOOK_ALLOW_HTTP = True
    partner = make_partner(directory.sleman_gov)
    # As a row saved before webhook URLs were checked (the check at saving is bypassed).
    url = f"http://{host}:{receiver.port}{receiver.path}"
    Integration.objects.filter(pk=partner.integration.pk).update(webhook_url=url)
    report = pushed(partner)
    dispose(report, cast, directory)
    run_worker()
    row = _one_failed_delivery(report)
    assert "only public internet addresses are allowed" in row.last_error
    assert "127.0.0.1" not in row.last_error and str(receiver.port) not in row.last_error
    assert receiver.hits == []  # nothing was sent


def test_dns_rebinding_after_the_check_at_saving_is_refused_when_sending(
    cast, directory, receiver, settings, dns
):
    settings.PARTNER_WEBHOOK_ALLOW_HTTP = True
    # Public when the admin saves it, loopback from then on.
    dns["hooks.rebind.example"] = [PUBLIC_IP, "127.0.0.1"]
    partner = make_partner(directory.sleman_gov)
    url = f"http://hooks.rebind.example:{receiver.port}{receiver.path}"
    actions.integration_update(
        integration=partner.integration, agency=directory.sleman_gov, webhook_url=url
    )
    report = pushed(partner)
    dispose(report, cast, directory)
    run_worker()
    _one_failed_delivery(report)
    assert receiver.hits == []


def test_the_connection_goes_to_the_address_that_was_checked(
    cast, directory, receiver, settings, dns, monkeypatch
):
    """Rebinding between the check and the connection: the name answers a public address
    twice (saving, then the check before sending) and loopback afterwards. The sender must
    not ask again: it connects to the public address it checked."""
    settings.PARTNER_WEBHOOK_ALLOW_HTTP = True
    dns["hooks.rebind.example"] = [PUBLIC_IP, PUBLIC_IP, "127.0.0.1"]
    connected: list[tuple[str, int]] = []
    real_connect = socket.create_connection

    def create_connection(address: Any, *args: Any, **kwargs: Any) -> Any:
        if int(address[1]) == receiver.port:
            connected.append((str(address[0]), int(address[1])))
            raise ConnectionRefusedError("refused by the test")  # the public host is down
        return real_connect(address, *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", create_connection)
    partner = make_partner(directory.sleman_gov)
    url = f"http://hooks.rebind.example:{receiver.port}{receiver.path}"
    actions.integration_update(
        integration=partner.integration, agency=directory.sleman_gov, webhook_url=url
    )
    report = pushed(partner)
    dispose(report, cast, directory)
    run_worker()
    assert connected == [(PUBLIC_IP, receiver.port)]
    (row,) = deliveries(report)
    assert row.status == "pending" and "ConnectionRefusedError" in row.last_error  # retried
    assert receiver.hits == []


class _Redirector:
    """A receiver that answers every POST with a redirect to ``target``."""

    def __init__(self, target: str) -> None:
        outer = self
        self.requests = 0

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                outer.requests += 1
                self.send_response(307)
                self.send_header("Location", target)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_redirects_are_not_followed(cast, directory, receiver, settings):
    # The redirector stands for a public receiver: loopback is allowed for this test only.
    settings.PARTNER_WEBHOOK_ALLOW_HTTP = True
    settings.PARTNER_WEBHOOK_ALLOWED_NETWORKS = LOOPBACK_NETWORKS
    redirector = _Redirector(receiver.url)
    try:
        partner = make_partner(directory.sleman_gov, url=redirector.url)
        report = pushed(partner)
        dispose(report, cast, directory)
        run_worker()
    finally:
        redirector.stop()
    (row,) = deliveries(report)
    assert redirector.requests == 1
    assert row.status == "pending" and row.last_status_code == 307
    assert row.last_error == "HTTP 307"
    assert receiver.hits == []


# A self-signed certificate for hooks.partner.example (100 years; made with
# openssl req -x509 -newkey rsa:2048 -nodes -days 36500 -subj /CN=hooks.partner.example
#   -addext subjectAltName=DNS:hooks.partner.example -addext basicConstraints=critical,CA:TRUE).
TLS = Path(__file__).parent / "tls"


class _TlsReceiver:
    """An https receiver for hooks.partner.example, on loopback (standing for a public host)."""

    def __init__(self) -> None:
        outer = self
        self.hosts: list[str] = []

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                outer.hosts.append(self.headers.get("Host", ""))
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(TLS / "cert.pem", TLS / "key.pem")
        self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.mark.parametrize(
    "name,delivered", [("hooks.partner.example", True), ("evil.example", False)]
)
def test_https_connects_to_the_checked_address_and_verifies_the_name(
    cast, directory, settings, dns, monkeypatch, name, delivered
):
    """The connection goes to the checked address, while TLS still checks the certificate
    against the host name of the URL: a name the certificate does not cover fails."""
    settings.PARTNER_WEBHOOK_ALLOWED_NETWORKS = LOOPBACK_NETWORKS  # https only: no ALLOW_HTTP
    monkeypatch.setenv("SSL_CERT_FILE", str(TLS / "cert.pem"))  # trust the test certificate
    dns[name] = ["127.0.0.1"]
    receiver = _TlsReceiver()
    try:
        url = f"https://{name}:{receiver.port}/hooks/lapor"
        partner = make_partner(directory.sleman_gov, url=url)
        report = pushed(partner)
        dispose(report, cast, directory)
        run_worker()
    finally:
        receiver.stop()
    (row,) = deliveries(report)
    if delivered:
        assert row.status == "delivered", row.last_error
        assert receiver.hosts == [f"{name}:{receiver.port}"]
    else:
        assert row.status == "pending" and "CERTIFICATE_VERIFY_FAILED" in row.last_error
        assert receiver.hosts == []
