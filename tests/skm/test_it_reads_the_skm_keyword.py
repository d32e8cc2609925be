"""``SKM <nomor> <nine values 1-4> [komentar]`` as phones send it."""

from __future__ import annotations

import pytest

from lapor.sms.parser import parse


@pytest.mark.parametrize(
    ("text", "scores", "comment"),
    [
        ("SKM 123456789 4 4 3 4 4 3 4 4 3 ramah", (4, 4, 3, 4, 4, 3, 4, 4, 3), "ramah"),
        ("skm#123456789#443443443", (4, 4, 3, 4, 4, 3, 4, 4, 3), ""),
        ("Survei 123456789 1,2,3,4,1,2,3,4,1, lambat", (1, 2, 3, 4, 1, 2, 3, 4, 1), "lambat"),
    ],
)  # fmt: skip
def test_nine_values_and_the_comment(text, scores, comment):
    command = parse(text)
    assert command.name == "survey" and command.tracking_id == "123456789"
    assert command.scores == scores and command.rest == comment and not command.missing


@pytest.mark.parametrize(
    "text",
    ["SKM 123456789 4 4 3", "SKM 123456789 5 4 3 4 4 3 4 4 3", "SKM 123456789 4434434434"],
)
def test_anything_but_nine_values_from_1_to_4_asks_again(text):
    assert parse(text).missing == "scores"


def test_without_a_number_it_asks_for_the_number():
    assert parse("SKM 4 4 3 4 4 3 4 4 3").missing == "tracking_id"
