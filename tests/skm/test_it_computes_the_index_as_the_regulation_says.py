"""The community satisfaction index (IKM) of PermenPANRB 14/2017, checked against a hand
calculation, with its conversion intervals, grades and the Krejcie–Morgan minimum sample."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils import translation

from lapor.reports.models import Channel
from lapor.skm import selectors
from lapor.skm.actions import skm_answer
from lapor.skm.method import FIELDS, compute, grade_of, minimum_sample
from tests.skm.conftest import closed_report

pytestmark = pytest.mark.django_db

# Four reporters of Dinas PUPR Sleman, the nine elements in the regulation's order
# (requirements, procedure, time, cost, product, competence, behaviour, complaint handling,
# facilities):
ANSWERS = [
    (4, 4, 4, 4, 4, 4, 4, 4, 4),
    (3, 3, 3, 3, 3, 3, 3, 3, 3),
    (4, 3, 2, 4, 3, 4, 3, 2, 4),
    (3, 4, 3, 4, 2, 3, 4, 3, 3),
]
# By hand:
#   sums per element  U1..U9 = 14, 14, 12, 15, 12, 14, 14, 12, 14
#   NRR = sum / 4     U1..U9 = 3.50, 3.50, 3.00, 3.75, 3.00, 3.50, 3.50, 3.00, 3.50
#   Σ NRR = 5 × 3.50 + 3 × 3.00 + 3.75 = 17.50 + 9.00 + 3.75 = 30.25
#   IKM = Σ NRR × 1/9 = 30.25 / 9 = 3.3611…
#   converted = 3.3611… × 25 = 84.0277… → 84.03
#   84.03 lies in 76.61–88.30 → grade B, "Baik" (good)
#   (with the regulation's rounded weight 0.11: 30.25 × 0.11 × 25 = 83.19, also B)
#   element conversions: 3.50 × 25 = 87.50 (B), 3.00 × 25 = 75.00 (C), 3.75 × 25 = 93.75 (A)
#   population 4 closed cases → Krejcie–Morgan: fewer than 10, so all 4 are needed; 4 ≥ 4.
HAND_SUMS = [14, 14, 12, 15, 12, 14, 14, 12, 14]
HAND_NRR = ["3.50", "3.50", "3.00", "3.75", "3.00", "3.50", "3.50", "3.00", "3.50"]
HAND_ELEMENT_GRADES = ["B", "B", "C", "A", "C", "B", "B", "C", "B"]


def test_index_and_grade_match_the_hand_calculation(cast, directory):
    for values in ANSWERS:
        report, _pin = closed_report(cast, directory)
        skm_answer(
            report=report, values=dict(zip(FIELDS, values, strict=True)), channel=Channel.WEB
        )
    index = selectors.agency_index(directory.sleman_pupr, report.closed_at.year)
    assert index is not None
    assert [sum(a[i] for a in ANSWERS) for i in range(9)] == HAND_SUMS
    assert [str(e.average) for e in index.elements] == HAND_NRR
    assert [e.grade for e in index.elements] == HAND_ELEMENT_GRADES
    assert index.value == Decimal("3.3611")
    assert index.converted == Decimal("84.03")
    assert index.grade == "B"
    with translation.override("id"):
        assert str(index.performance) == "Baik"  # the regulation's word for B
    with translation.override("en"):
        assert str(index.performance) == "Good"
    assert (index.responses, index.population, index.minimum) == (4, 4, 4)
    assert index.sufficient


def test_all_fours_is_exactly_one_hundred_and_all_ones_twenty_five():
    top = compute(dict.fromkeys(FIELDS, 40), 10, 10)
    bottom = compute(dict.fromkeys(FIELDS, 10), 10, 10)
    assert top is not None and top.converted == Decimal("100.00") and top.grade == "A"
    assert bottom is not None and bottom.converted == Decimal("25.00") and bottom.grade == "D"


@pytest.mark.parametrize(
    ("converted", "grade"),
    [
        ("100.00", "A"),
        ("88.31", "A"),
        ("88.30", "B"),
        ("76.61", "B"),
        ("76.60", "C"),
        ("65.00", "C"),
        ("64.99", "D"),
        ("25.00", "D"),
    ],
)
def test_conversion_intervals_of_the_regulation(converted, grade):
    assert grade_of(Decimal(converted))[0] == grade


@pytest.mark.parametrize(
    ("population", "minimum"),
    [(0, 0), (4, 4), (10, 10), (11, 14), (100, 80), (101, 86), (1000, 278), (2940, 341),
     (10000, 370), (5_000_000, 384)],
)  # fmt: skip
def test_minimum_sample_from_the_krejcie_morgan_table(population, minimum):
    assert minimum_sample(population) == minimum


def test_too_few_answers_are_marked_not_representative():
    index = compute(dict.fromkeys(FIELDS, 30), 10, 100)
    assert index is not None and index.minimum == 80 and not index.sufficient
