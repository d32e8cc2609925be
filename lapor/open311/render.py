"""XML and JSON rendering of Open311 responses and errors.

JSON follows the "Spark convention" mapping of the XML: an XML list of ``<service>`` elements
is a JSON array, an element with children is an object, a leaf is a string, number, boolean
or null. XML carries no namespace and no foreign tags; booleans are ``true``/``false``, a
missing value is an empty element.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any
from xml.etree import ElementTree as ET

from django.http import HttpResponse

XML = "xml"
JSON = "json"
FORMATS = (XML, JSON)
CONTENT_TYPES = {XML: "text/xml; charset=utf-8", JSON: "application/json; charset=utf-8"}

# The element name of one item of each list, by the list's element name.
ITEM_TAGS = {
    "services": "service",
    "service_requests": "request",
    "service_request_updates": "request_update",
    "endpoints": "endpoint",
    "formats": "format",
    "attributes": "attribute",
    "values": "value",
    "errors": "error",
    "notes": "note",
}


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _fill(parent: ET.Element, value: Any) -> None:
    if isinstance(value, Mapping):
        for key, child in value.items():
            _fill(ET.SubElement(parent, key), child)
    elif isinstance(value, Sequence) and not isinstance(value, str):
        item_tag = ITEM_TAGS[parent.tag]
        for child in value:
            _fill(ET.SubElement(parent, item_tag), child)
    else:
        parent.text = _text(value)


def to_xml(root: str, data: Any) -> bytes:
    element = ET.Element(root)
    _fill(element, data)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(element, encoding="utf-8")


def respond(fmt: str, root: str, data: Any, *, status: int = 200) -> HttpResponse:
    """``data`` is a list (the XML root's items) or a mapping (the root's children)."""
    body = json.dumps(data, ensure_ascii=False).encode() if fmt == JSON else to_xml(root, data)
    return HttpResponse(body, status=status, content_type=CONTENT_TYPES[fmt])


def error(fmt: str, status: int, *descriptions: str, code: int | None = None) -> HttpResponse:
    """The spec's error body; several errors may be returned at once."""
    errors = [{"code": code or status, "description": d} for d in descriptions]
    return respond(fmt if fmt in FORMATS else XML, "errors", errors, status=status)


def errors_list(fmt: str, status: int, errors: Sequence[tuple[int, str]]) -> HttpResponse:
    return respond(
        fmt if fmt in FORMATS else XML,
        "errors",
        [{"code": c, "description": d} for c, d in errors],
        status=status,
    )
