"""Spreadsheet cells that stay text: the one defence against formula injection (CSV/formula
injection, OWASP) for every CSV and XLSX file the system writes — the staff export
(lapor.exports), the open-data dump (lapor.opendata) and the statistics downloads
(lapor.stats).

Citizens' words (titles, texts, addresses) and names typed by admins end up in these files,
and a spreadsheet program treats a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and, in
some programs, a tab or a carriage return before one) as a formula: ``=HYPERLINK("http://…")``
in a report title would put a working link, or worse, on an officer's screen.

- **CSV** has no types: such a text cell gets a leading apostrophe (``csv_cell``), which
  spreadsheet programs read as "this is text" (OWASP's recommendation).
- **XLSX** cells are always written typed as strings, never as formulas, and a formula-like
  string is also marked "quote prefix" (by lapor.exports.xlsx, with ``formula_like``), so the
  cell stays text even when someone edits it in Excel later; the text itself is not changed.

Only text is escaped. A number given as a number (a count, a coordinate) is not text and
cannot be a formula; so is a text that is plainly a number (``-7.79``, ``+5``): a spreadsheet
reads it as that number, not as a formula, and escaping it would turn numbers into text.
"""

from __future__ import annotations

import re
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
APOSTROPHE = "'"
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")


def formula_like(value: str) -> bool:
    """True when a spreadsheet program could read ``value`` as a formula."""
    return value.startswith(FORMULA_START) and not _PLAIN_NUMBER.fullmatch(value)


def csv_cell(value: Any) -> Any:
    """``value`` ready for a CSV cell: formula-like text behind an apostrophe; ``None`` as an
    empty cell; numbers and other values unchanged."""
    if value is None:
        return ""
    if isinstance(value, str) and formula_like(value):
        return APOSTROPHE + value
    return value


def csv_row(values: Any) -> list[Any]:
    return [csv_cell(v) for v in values]
