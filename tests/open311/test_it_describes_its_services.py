"""Discovery, service list and service definitions, in both formats."""

from __future__ import annotations

import pytest

from lapor.agencies.models import Category
from tests.open311.conftest import parse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_it_serves_discovery(client, directory, fmt):
    r = client.get(f"/open311/v2/discovery.{fmt}")
    assert r.status_code == 200
    data = parse(r)
    if fmt == "json":
        assert {"changeset", "contact", "key_service", "endpoints"} <= set(data)
        ep = data["endpoints"][0]
        assert ep["specification"] == "http://wiki.open311.org/GeoReport_v2"
        assert ep["formats"] == ["text/xml", "application/json"]
        assert ep["type"] in ("production", "test")
        assert ep["url"].endswith("/open311/v2/")
    else:
        assert data.tag == "discovery"
        assert [f.text for f in data.find("endpoints/endpoint/formats")] == [
            "text/xml",
            "application/json",
        ]
        assert data.findtext("changeset")


def test_the_changeset_moves_when_a_question_changes(client, questions):
    before = parse(client.get("/open311/v2/discovery.json"))["changeset"]
    Category.objects.create(code="lampu-jalan", name="Lampu Jalan Mati")
    after = parse(client.get("/open311/v2/discovery.json"))["changeset"]
    assert before != after


@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_it_lists_categories_as_services(client, questions, fmt):
    road = questions
    road.keywords = "lubang\njalan rusak, aspal"
    road.save()
    r = client.get(f"/open311/v2/services.{fmt}?jurisdiction_id=")
    assert r.status_code == 200
    data = parse(r)
    if fmt == "xml":
        assert data.tag == "services"
        items = [{c.tag: c.text for c in s} for s in data.findall("service")]
    else:
        assert isinstance(data, list)
        items = data
    by_code = {s["service_code"]: s for s in items}
    pothole = by_code["jalan-berlubang"]
    assert pothole["service_name"] == "Jalan Berlubang"
    assert pothole["group"] == "PEKERJAAN UMUM DAN PENATAAN RUANG"
    assert pothole["keywords"] == "lubang, jalan rusak, aspal"
    assert pothole["type"] == "realtime"
    assert pothole["metadata"] in (True, "true")
    top = by_code["pekerjaan-umum"]
    assert top["metadata"] in (False, "false")
    assert top["group"] == "PEKERJAAN UMUM DAN PENATAAN RUANG"


def test_it_hides_inactive_categories(client, directory):
    Category.objects.filter(code="jalan-berlubang").update(is_active=False)
    codes = [s["service_code"] for s in parse(client.get("/open311/v2/services.json"))]
    assert "jalan-berlubang" not in codes
    assert client.get("/open311/v2/services/jalan-berlubang.json").status_code == 404


@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_it_defines_a_service_with_its_questions(client, questions, fmt):
    r = client.get(f"/open311/v2/services/jalan-berlubang.{fmt}")
    assert r.status_code == 200
    data = parse(r)
    if fmt == "json":
        assert data["service_code"] == "jalan-berlubang"
        attrs = data["attributes"]
        assert [a["code"] for a in attrs] == ["size", "depth_cm", "seen_at", "hazards", "note"]
        size = attrs[0]
        assert size["variable"] is True and size["required"] is True
        assert size["datatype"] == "singlevaluelist"
        assert size["order"] == 1
        assert size["values"] == [
            {"key": "small", "name": "Kecil"},
            {"key": "big", "name": "Besar"},
        ]
        assert attrs[4]["variable"] is False
        assert "values" not in attrs[1]
    else:
        assert data.tag == "service_definition"
        assert data.findtext("service_code") == "jalan-berlubang"
        first = data.find("attributes/attribute")
        assert first.findtext("code") == "size"
        assert first.findtext("required") == "true"
        assert [v.findtext("key") for v in first.find("values")] == ["small", "big"]


@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_it_answers_404_for_an_unknown_service(client, directory, fmt):
    r = client.get(f"/open311/v2/services/tidak-ada.{fmt}")
    assert r.status_code == 404
    data = parse(r)
    if fmt == "json":
        assert data[0]["code"] == 404 and "tidak-ada" in data[0]["description"]
    else:
        assert data.tag == "errors"
        assert data.findtext("error/code") == "404"
        assert "tidak-ada" in data.findtext("error/description")


def test_it_refuses_an_unknown_format_in_the_error_format(client, directory):
    r = client.get("/open311/v2/services.csv")
    assert r.status_code == 404
    root = parse(r)
    assert root.tag == "errors" and root.findtext("error/code") == "404"


def test_an_unknown_resource_is_a_404_in_the_error_format(client, db):
    r = client.get("/open311/v2/nothing-here")
    assert r.status_code == 404
    assert parse(r).findtext("error/code") == "404"


def test_a_method_other_than_get_is_a_400(client, directory):
    r = client.post("/open311/v2/services.json")
    assert r.status_code == 400
    assert parse(r)[0]["code"] == 400


def test_admins_cannot_take_a_reserved_code(questions):
    from django.core.exceptions import ValidationError

    from lapor.open311.models import ServiceAttribute

    attr = ServiceAttribute(
        category=questions, code="region_code", datatype="string", order=9, description="x"
    )
    with pytest.raises(ValidationError):
        attr.full_clean()
    bad_list = ServiceAttribute(
        category=questions, code="kind", datatype="singlevaluelist", order=9, description="x"
    )
    with pytest.raises(ValidationError):
        bad_list.full_clean()
