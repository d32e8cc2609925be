"""Charts as data: one ``Chart`` feeds the SVG, the data table and the CSV download alike,
so the three can never disagree. Horizontal bars with a text label and the value written at
the end of each bar: readable without colour, without JavaScript and by screen readers (the
SVG is one ``role="img"`` with a title and description; the table carries the detail)."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpResponse

from lapor.core.cells import csv_row

ROW_HEIGHT = 28
LABEL_WIDTH = 220
BAR_SPACE = 380
WIDTH = LABEL_WIDTH + BAR_SPACE + 80
MAX_LABEL = 30


@dataclass
class Row:
    label: str
    value: float
    display: str = ""
    href: str = ""
    extra: list[str] = field(default_factory=list)


@dataclass
class Chart:
    slug: str
    title: str
    description: str
    label_header: str
    value_header: str
    rows: list[Row]
    extra_headers: list[str] = field(default_factory=list)
    csv_url: str = ""

    @property
    def height(self) -> int:
        return max(1, len(self.rows)) * ROW_HEIGHT + 12

    @property
    def width(self) -> int:
        return WIDTH

    @property
    def bars(self) -> list[dict[str, Any]]:
        top = max((r.value for r in self.rows), default=0) or 1
        out = []
        for i, r in enumerate(self.rows):
            y = 6 + i * ROW_HEIGHT
            width = round(r.value / top * BAR_SPACE, 1)
            label = r.label if len(r.label) <= MAX_LABEL else r.label[: MAX_LABEL - 1] + "…"
            out.append(
                {
                    "y": y,
                    "text_y": y + 15,
                    "label": label,
                    "x": LABEL_WIDTH,
                    "width": width,
                    "value_x": LABEL_WIDTH + width + 6,
                    "display": r.display or str(r.value),
                }
            )
        return out

    @property
    def label_x(self) -> int:
        return LABEL_WIDTH - 8

    def csv_response(self) -> HttpResponse:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.csv"'
        writer = csv.writer(response)
        # Names come from the directory and categories (typed by admins): every cell goes
        # through the shared formula-injection defence (lapor.core.cells).
        writer.writerow(csv_row([self.label_header, self.value_header, *self.extra_headers]))
        for r in self.rows:
            writer.writerow(csv_row([r.label, r.display or r.value, *r.extra]))
        return response
