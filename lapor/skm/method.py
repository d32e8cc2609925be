"""The community satisfaction index (*Indeks Kepuasan Masyarakat*, IKM) as PermenPANRB 14/2017
(*Pedoman Penyusunan Survei Kepuasan Masyarakat Unit Penyelenggara Pelayanan Publik*)
prescribes. Pure functions: no database.

1. Nine elements (*unsur*), each answered on the 1–4 perception scale (1 not good … 4 very
   good).
2. Per element, the average perception value: NRR = sum of the answers / number of answers.
3. The weighted average with equal weights, 1/9 each (the regulation: weight = number of
   weights / number of elements = 1/9; its worked example rounds this to 0,11 — here the
   exact 1/9 is used, so an index of all fours is exactly 100):
   IKM = Σ NRR × 1/9.
4. Converted to the 25–100 scale: IKM × 25.
5. The quality grade (*mutu pelayanan*) from the conversion intervals of the regulation:

   | perception | interval IKM    | converted       | grade | performance    |
   |------------|-----------------|-----------------|-------|----------------|
   | 1          | 1,00 – 2,5996   | 25,00 – 64,99   | D     | Tidak baik     |
   | 2          | 2,60 – 3,064    | 65,00 – 76,60   | C     | Kurang baik    |
   | 3          | 3,0644 – 3,532  | 76,61 – 88,30   | B     | Baik           |
   | 4          | 3,5324 – 4,00   | 88,31 – 100,00  | A     | Sangat baik    |

   The converted value is rounded to two decimals (as the table is written) before it is
   placed in an interval.
6. The sample: the regulation recommends the Krejcie–Morgan table (95% confidence, 5% margin)
   for the minimum number of respondents given the population (here: the agency's cases closed
   in the period, each a service user who may answer once).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from django.utils.translation import gettext_lazy as _

# (field, short label, question) in the regulation's order (U1–U9).
ELEMENTS: tuple[tuple[str, object, object], ...] = (
    (
        "requirements",
        _("Requirements"),
        _("Were the requirements for handling your report suitable for what you reported?"),
    ),
    (
        "procedure",
        _("Procedure"),
        _("Was the procedure for handling your report easy to follow?"),
    ),
    ("time", _("Time"), _("Was your report handled quickly?")),
    ("cost", _("Cost"), _("Was the handling free of charge or the cost reasonable?")),
    (
        "product",
        _("Product"),
        _("Did the result match what the agency said it would do?"),
    ),
    (
        "competence",
        _("Competence"),
        _("Were the officers competent in handling your report?"),
    ),
    ("behaviour", _("Behaviour"), _("Were the officers courteous and helpful?")),
    (
        "complaint_handling",
        _("Complaint handling"),
        _("How well were your complaints, suggestions and feedback dealt with?"),
    ),
    (
        "facilities",
        _("Facilities"),
        _("Were the facilities (this website, SMS, WhatsApp, the office) good enough?"),
    ),
)
FIELDS = tuple(name for name, _label, _question in ELEMENTS)
SCALE = (
    (1, _("Not good")),
    (2, _("Not quite good")),
    (3, _("Good")),
    (4, _("Very good")),
)
WEIGHT = Fraction(1, len(ELEMENTS))
CONVERSION = 25

# (lowest converted value, grade, performance) from the regulation's table.
GRADES = (
    (Decimal("88.31"), "A", _("Very good")),
    (Decimal("76.61"), "B", _("Good")),
    (Decimal("65.00"), "C", _("Not quite good")),
    (Decimal("25.00"), "D", _("Not good")),
)

# Krejcie & Morgan (1970), the table PermenPANRB 14/2017 gives: population N → sample S.
KREJCIE_MORGAN = (
    (10, 10), (15, 14), (20, 19), (25, 24), (30, 28), (35, 32), (40, 36), (45, 40), (50, 44),
    (55, 48), (60, 52), (65, 56), (70, 59), (75, 63), (80, 66), (85, 70), (90, 73), (95, 76),
    (100, 80), (110, 86), (120, 92), (130, 97), (140, 103), (150, 108), (160, 113), (170, 118),
    (180, 123), (190, 127), (200, 132), (210, 136), (220, 140), (230, 144), (240, 148),
    (250, 152), (260, 155), (270, 159), (280, 162), (290, 165), (300, 169), (320, 175),
    (340, 181), (360, 186), (380, 191), (400, 196), (420, 201), (440, 205), (460, 210),
    (480, 214), (500, 217), (550, 226), (600, 234), (650, 242), (700, 248), (750, 254),
    (800, 260), (850, 265), (900, 269), (950, 274), (1000, 278), (1100, 285), (1200, 291),
    (1300, 297), (1400, 302), (1500, 306), (1600, 310), (1700, 313), (1800, 317), (1900, 320),
    (2000, 322), (2200, 327), (2400, 331), (2600, 335), (2800, 338), (3000, 341), (3500, 346),
    (4000, 351), (4500, 354), (5000, 357), (6000, 361), (7000, 364), (8000, 367), (9000, 368),
    (10000, 370), (15000, 375), (20000, 377), (30000, 379), (40000, 380), (50000, 381),
    (75000, 382), (1000000, 384),
)  # fmt: skip
_POPULATIONS = [n for n, _s in KREJCIE_MORGAN]


def minimum_sample(population: int) -> int:
    """The recommended number of respondents for ``population`` service users: the table's
    row for the smallest population at least as large (every user when fewer than 10)."""
    if population <= 0:
        return 0
    if population < KREJCIE_MORGAN[0][0]:
        return population
    index = bisect.bisect_left(_POPULATIONS, population)
    if index >= len(KREJCIE_MORGAN):
        return KREJCIE_MORGAN[-1][1]
    return KREJCIE_MORGAN[index][1]


def two_decimals(value: Fraction | Decimal) -> Decimal:
    """Rounded half up to two decimals, as the regulation's tables are written."""
    if isinstance(value, Fraction):
        value = Decimal(value.numerator) / Decimal(value.denominator)
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def grade_of(converted: Decimal) -> tuple[str, object]:
    for lowest, grade, label in GRADES:
        if converted >= lowest:
            return grade, label
    return "D", GRADES[-1][2]


@dataclass(frozen=True)
class ElementScore:
    field: str
    label: object
    average: Decimal  # NRR, 1–4, two decimals
    converted: Decimal  # NRR × 25
    grade: str


@dataclass(frozen=True)
class Index:
    responses: int
    population: int
    minimum: int
    elements: tuple[ElementScore, ...]
    value: Decimal  # IKM on the 1–4 scale (Σ NRR × 1/9), four decimals
    converted: Decimal  # × 25, two decimals
    grade: str
    performance: object

    @property
    def sufficient(self) -> bool:
        return self.responses >= self.minimum


def compute(sums: dict[str, int], responses: int, population: int) -> Index | None:
    """The index from the per-element sums of ``responses`` complete answers (None if none).
    Exact arithmetic (fractions) until the published roundings."""
    if responses <= 0:
        return None
    averages = {name: Fraction(sums[name], responses) for name in FIELDS}
    ikm = converted_total(sums) / CONVERSION / responses
    converted = two_decimals(ikm * CONVERSION)
    grade, performance = grade_of(converted)
    elements = []
    for name, label, _question in ELEMENTS:
        element_converted = two_decimals(averages[name] * CONVERSION)
        elements.append(
            ElementScore(
                field=name,
                label=label,
                average=two_decimals(averages[name]),
                converted=element_converted,
                grade=grade_of(element_converted)[0],
            )
        )
    value = (Decimal(ikm.numerator) / Decimal(ikm.denominator)).quantize(
        Decimal("0.0001"), rounding=ROUND_HALF_UP
    )
    return Index(
        responses=responses,
        population=max(population, responses),
        minimum=minimum_sample(max(population, responses)),
        elements=tuple(elements),
        value=value,
        converted=converted,
        grade=grade,
        performance=performance,
    )


# An answer this poor (its own index in grade D) offers the reporter to reopen the case.
POOR_BELOW = Decimal("65.00")


def converted_total(sums: dict[str, int]) -> Fraction:
    """Σ over the answers of each answer's converted value (its nine values × 1/9 × 25), from
    the per-element sums. Divided by the number of answers it is the converted index, exactly
    (IKM × 25 = Σ NRR × 1/9 × 25 = Σ sums × 1/9 × 25 / n): so totals of several agencies or
    years add up, and their mean is the index of all their answers together."""
    return sum((Fraction(sums[n]) * WEIGHT for n in FIELDS), Fraction(0)) * CONVERSION


def answer_converted(values: dict[str, int]) -> Decimal:
    return two_decimals(converted_total(values))
