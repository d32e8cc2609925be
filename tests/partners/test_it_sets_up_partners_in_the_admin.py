"""National admins set up an integration in the Django admin: the signing secret is shown once,
the service user is a liaison officer of the chosen agency (and cannot log in), rotating gives
a new secret; the demo simulator runs as a management command."""

import json
import subprocess
import sys
import urllib.request
import uuid
from pathlib import Path

import pytest
from django.test import Client

from lapor.agencies.models import Membership
from lapor.open311.models import PartnerApp
from lapor.partners import signing
from lapor.partners.models import Integration

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_adding_an_integration_shows_the_secret_once_and_makes_a_service_user(cast, directory):
    from lapor.accounts.models import User

    root = User.objects.create_superuser(email="root@example.id", password="x", full_name="Root")
    app = PartnerApp.objects.create(name="LAKSA Kota Tangerang")
    client = Client()
    client.force_login(root)
    response = client.post(
        "/en/admin/partners/integration/add/",
        {
            "partner": app.pk,
            "agency": directory.sleman_gov.pk,
            "webhook_url": "https://laksa.example.id/hooks/lapor",
        },
        follow=True,
    )
    assert response.status_code == 200
    integration = Integration.objects.get(partner=app)
    page = response.content.decode()
    assert integration.signing_secret in page  # shown once, now
    assert integration.webhook_url == "https://laksa.example.id/hooks/lapor"
    user = integration.service_user
    assert not user.has_usable_password()
    (membership,) = Membership.objects.filter(user=user)
    assert (membership.agency, membership.role) == (directory.sleman_gov, "liaison_officer")
    # Never again: not on the change page.
    change = client.get(f"/en/admin/partners/integration/{integration.pk}/change/")
    assert integration.signing_secret not in change.content.decode()

    old = integration.signing_secret
    rotated = client.post(
        "/en/admin/partners/integration/",
        {"action": "rotate_secret", "_selected_action": [integration.pk]},
        follow=True,
    )
    integration.refresh_from_db()
    assert integration.signing_secret != old and integration.previous_secret == old
    assert integration.signing_secret in rotated.content.decode()

    # Moving the integration to another agency moves the service user's membership.
    client.post(
        f"/en/admin/partners/integration/{integration.pk}/change/",
        {"agency": directory.semarang_gov.pk, "webhook_url": integration.webhook_url},
    )
    (membership,) = Membership.objects.filter(user=user)
    assert membership.agency == directory.semarang_gov


def test_the_simulator_command_receives_signed_webhooks():
    secret = "whsec_demo"
    process = subprocess.Popen(
        [sys.executable, "manage.py", "partner_simulator", "--secret", secret, "--port", "0"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert "listening on http://127.0.0.1:" in line, line
        url = line.split("listening on ")[1].split()[0]
        event_id = str(uuid.uuid4())
        body = json.dumps({"id": event_id, "type": "report.closed"}).encode()
        request = urllib.request.Request(
            url,
            data=body,
            method="POST",
            headers={
                signing.SIGNATURE_HEADER: signing.header([secret], body),
                signing.EVENT_ID_HEADER: event_id,
            },
        )
        with urllib.request.urlopen(request, timeout=5) as response:
            assert json.loads(response.read()) == {"status": "accepted"}
        request.remove_header(signing.SIGNATURE_HEADER.capitalize())
        request.add_header(signing.SIGNATURE_HEADER, signing.header(["whsec_wrong"], body))
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=5)
        assert refused.value.code == 401
    finally:
        process.terminate()
        process.wait(timeout=10)
