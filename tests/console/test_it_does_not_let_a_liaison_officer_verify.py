"""Verification belongs to admins: a liaison officer gets 404 for every verifier action,
even on a case assigned to its own unit, and is not offered the forms."""

import pytest

from tests.console.conftest import case_url, every_post, login, snapshot

pytestmark = pytest.mark.django_db

VERIFIER_ACTIONS = ("disposisi", "tunda", "arsipkan")


def test_a_liaison_officer_cannot_verify_a_new_report(cast, directory, awaiting):
    client = login(cast.officer_a)
    before = snapshot(awaiting)
    posts = every_post(directory)
    for action in (*VERIFIER_ACTIONS, "bukan-wewenang"):
        assert client.post(case_url(awaiting, action), posts[action]).status_code == 404
    assert snapshot(awaiting) == before


def test_a_liaison_officer_cannot_use_verifier_actions_on_its_own_case(cast, directory, disposed):
    client = login(cast.officer_a)
    before = snapshot(disposed)
    posts = every_post(directory)
    for action in VERIFIER_ACTIONS:
        assert client.post(case_url(disposed, action), posts[action]).status_code == 404
    assert snapshot(disposed) == before
    page = client.get(case_url(disposed)).content.decode()
    for action in VERIFIER_ACTIONS:
        assert f'id="action-{action}"' not in page
    assert 'id="action-tindak-lanjut"' in page
