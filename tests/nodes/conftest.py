from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.test import Client

from lapor.accounts.models import User
from lapor.nodes import actions
from lapor.nodes.models import Node
from tests.conftest import Cast, report_post_data


@dataclass
class Nodes:
    node: Node  # Sleman's disability association; helper: cast.community_node
    other: Node  # Semarang's village centre; helper: other_helper
    other_helper: User


@pytest.fixture
def nodes(cast, directory) -> Nodes:
    node = actions.node_register(
        name="Simpul Difabel Sleman",
        kind="disability",
        region=None,
        agency=directory.sleman_gov,
        actor=cast.agency_admin,
    )
    actions.node_helper_add(node=node, email="simpul@example.id", actor=cast.agency_admin)
    other = actions.node_register(
        name="Pusat Informasi Desa Miroto",
        kind="village",
        region=None,
        agency=None,
        actor=cast.national_admin,
    )
    other_helper = User.objects.create_user(
        email="relawan.miroto@example.id", password=Cast.password, full_name="Relawan Miroto"
    )
    actions.node_helper_add(node=other, email=other_helper.email, actor=cast.national_admin)
    return Nodes(node, other, other_helper)


def helper_client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def node_post(**overrides: object) -> dict[str, object]:
    """A complete filing by a helper for a person (spoken consent, hears back via helper)."""
    data = report_post_data(
        full_name="Pak Darmo",
        phone="0812-1111-2222",
        email="",
        disability="visual",
        consent="spoken",
        hear_back="helper",
        person_language="id",
        privacy_read_out="on",
    )
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def file_for_person(client: Client, node: Node, **overrides: object):
    from lapor.reports.models import Report

    response = client.post(f"/simpul/{node.pk}/lapor/", node_post(**overrides))
    assert response.status_code == 302, response.content.decode()[:3000]
    return Report.objects.order_by("-id").first()
