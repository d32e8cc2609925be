"""Reading an SMS to 1708: a keyword, maybe a tracking number, and the rest.

Tolerant of what phones and people send: any case, extra spaces, "#" or "*" between the parts
("LAPOR#isi", "CEK#123456789", "BALAS 123456789#isi"), a "#" before the number.

    LAPOR [RAHASIA|ANONIM] <isi>    file a complaint (the place is read from the text)
    ASPIRASI [...] <isi>            file an aspiration
    PERMINTAAN [...] <isi>          file a request for public information
    CEK <nomor>                     status and deadline
    BALAS <nomor> <isi>             reply to the agency / add information
    TUTUP <nomor> <1-5> [komentar]  close with a rating
    SANGGAH <nomor> <alasan>        dispute a closure
    KEBERATAN <nomor> <alasan>      object to the answer to an information request
    SKM <nomor> <9 x 1-4> [komentar] answer the satisfaction survey after a closure
    INFO | BANTUAN                  help
    YA | BATAL                      confirm / cancel what the last answer asked
Anything else is free text (an answer to a question, or information for an open report).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

KEYWORDS = {
    "LAPOR": "report",
    "ADUAN": "report",
    "ASPIRASI": "report",
    "PERMINTAAN": "report",
    "PELANGGARAN": "report",
    "CEK": "check",
    "STATUS": "check",
    "BALAS": "reply",
    "TUTUP": "close",
    "SELESAI": "close",
    "SANGGAH": "dispute",
    "KEBERATAN": "object",
    "SKM": "survey",
    "SURVEI": "survey",
    "INFO": "help",
    "BANTUAN": "help",
    "HELP": "help",
    "YA": "yes",
    "BATAL": "cancel",
}
REPORT_KINDS = {
    "ASPIRASI": "aspiration",
    "PERMINTAAN": "information_request",
    # Wrongdoing by officials: confidential, to the internal auditor (lapor.reports.whistle).
    "PELANGGARAN": "whistleblowing",
}
PRIVACY_WORDS = {"RAHASIA": "confidential", "ANONIM": "anonymous"}
SEPARATORS = re.compile(r"[\s#*]+")
TRACKING = re.compile(r"^#?(\d{6,12})$")


@dataclass(frozen=True)
class Command:
    name: str  # report, check, reply, close, dispute, object, help, yes, cancel, text, empty
    tracking_id: str = ""
    rating: int | None = None
    privacy: str = ""
    kind: str = "complaint"
    rest: str = ""
    # The keyword needs a number and none (or no valid one) was given.
    missing: str = ""
    # SKM: the nine survey values, in the regulation's order.
    scores: tuple[int, ...] = ()


def _split(text: str) -> tuple[str, str]:
    parts = SEPARATORS.split(text.strip(), maxsplit=1)
    head = parts[0]
    tail = parts[1].strip() if len(parts) > 1 else ""
    return head, tail


def parse(text: str) -> Command:
    text = (text or "").replace("\x00", "").strip()
    if not text:
        return Command("empty")
    head, tail = _split(text)
    name = KEYWORDS.get(head.upper().rstrip(".:,"))
    if name is None:
        return Command("text", rest=text)
    if name in ("help", "yes", "cancel"):
        if tail and name != "help":
            # "Ya, jalan di depan rumah…" is a sentence, not a confirmation.
            return Command("text", rest=text)
        return Command(name)
    if name == "report":
        privacy = ""
        word, after = _split(tail)
        if word.upper() in PRIVACY_WORDS:
            privacy, tail = PRIVACY_WORDS[word.upper()], after
        kind = REPORT_KINDS.get(head.upper().rstrip(".:,"), "complaint")
        return Command("report", privacy=privacy, kind=kind, rest=tail)
    number, rest = _split(tail)
    match = TRACKING.match(number)
    if match is None:
        return Command(name, missing="tracking_id", rest=tail)
    tracking_id = match.group(1)
    if name == "close":
        word, comment = _split(rest)
        rating = int(word) if word.isdigit() else None
        if rating is None or not 1 <= rating <= 5:
            return Command(name, tracking_id=tracking_id, missing="rating", rest=rest)
        return Command(name, tracking_id=tracking_id, rating=rating, rest=comment)
    if name == "survey":
        return _survey(tracking_id, rest)
    return Command(name, tracking_id=tracking_id, rest=rest)


SURVEY_VALUES = 9


def _survey(tracking_id: str, rest: str) -> Command:
    """Nine values 1-4, as "4 4 3 4 4 3 4 4 3", "4,4,3,…" or "443443443"; then the comment."""
    tokens = re.split(r"[\s,;.#*/-]+", rest.strip()) if rest.strip() else []
    scores: list[int] = []
    used = 0
    for token in tokens:
        if len(scores) >= SURVEY_VALUES or not token.isdigit():
            break
        if not all(ch in "1234" for ch in token):
            break
        scores.extend(int(ch) for ch in token)
        used += 1
    if len(scores) != SURVEY_VALUES:
        return Command("survey", tracking_id=tracking_id, missing="scores", rest=rest)
    comment = re.split(r"[\s,;.#*/-]+", rest.strip(), maxsplit=used)
    return Command(
        "survey",
        tracking_id=tracking_id,
        scores=tuple(scores),
        rest=comment[used].strip() if len(comment) > used else "",
    )
