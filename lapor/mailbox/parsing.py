"""Reading an RFC 822 message with the standard library (``email``, ``policy=default``).

What comes out is plain data: the sender, the subject, the new text the person wrote (quoted
history and signatures cut off; HTML-only mail converted to text) and the attached files as
bytes. Nothing here touches the database.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from email import message_from_bytes
from email.headerregistry import Address
from email.message import EmailMessage, Message
from email.policy import default as default_policy
from email.utils import getaddresses, parsedate_to_datetime
from html.parser import HTMLParser


class MalformedMail(Exception):
    """The bytes are not a message we can answer (no usable sender)."""


@dataclass
class MailFile:
    name: str
    content: bytes


@dataclass
class ParsedMail:
    dedupe_key: str
    sender: str
    sender_name: str
    subject: str
    text: str  # what the person wrote, without quoted history and signature
    full_text: str  # the whole text part (a forwarded complaint lives in the "quote")
    files: list[MailFile] = field(default_factory=list)
    automatic: str = ""  # why we must not answer it ("" = a person wrote it)
    date: dt.date | None = None
    language: str = "id"


# --- HTML to text ---------------------------------------------------------------------------

_BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol"}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0  # inside <script>, <style>, <head> or a quoted <blockquote>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "head", "blockquote"):
            self.skip += 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "head", "blockquote"):
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.parts).splitlines()]
    return _squeeze(lines)


def _squeeze(lines: list[str]) -> str:
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


# --- quoted replies -------------------------------------------------------------------------

# Lines that start the quoted history in common clients (English and Indonesian).
_QUOTE_HEADERS = [
    re.compile(r"^\s*On\b.{0,200}\bwrote:\s*$", re.IGNORECASE),
    re.compile(r"^\s*Pada\b.{0,200}\bmenulis:\s*$", re.IGNORECASE),
    re.compile(
        r"^\s*-+\s*(Original Message|Pesan Asli|Forwarded message|Pesan terusan)\s*-+", re.I
    ),
    re.compile(r"^\s*_{10,}\s*$"),
    re.compile(r"^\s*(From|Dari)\s*:\s.*$", re.IGNORECASE),
]
# Our own footer, in both languages, so that a reply quoting it without ">" still ends there.
_OUR_FOOTER = re.compile(r"^\s*(You can reply to this e-mail|Anda dapat membalas e-mail ini)", re.I)


def strip_quoted(text: str) -> str:
    """The part of a reply the person wrote: up to the first quote header, without ``>`` lines
    and without the signature (after a line ``-- ``)."""
    kept: list[str] = []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for i, line in enumerate(lines):
        if line.rstrip() == "--" and line.startswith("--"):
            break
        if _OUR_FOOTER.match(line):
            break
        if any(p.match(line) for p in _QUOTE_HEADERS):
            # "On Mon, ... <x@y>" is often wrapped over two lines before "wrote:".
            break
        if (
            i + 1 < len(lines)
            and re.match(r"^\s*(On|Pada)\b", line, re.I)
            and re.search(r"(wrote|menulis):\s*$", lines[i + 1], re.I)
        ):
            break
        if line.lstrip().startswith(">"):
            continue
        kept.append(line.rstrip())
    return _squeeze(kept)


# --- automatic mail -------------------------------------------------------------------------

_DAEMONS = re.compile(
    r"^(mailer-daemon|postmaster|no-?reply|do-?not-?reply|bounces?)([+\-@]|$)", re.I
)


def automatic_reason(message: Message, envelope_sender: str | None) -> str:
    """Why ``message`` was sent by a machine (bounce, vacation reply, list), or "".

    Answering any of these could start a mail loop (RFC 3834), so we never do.
    """
    auto = str(message.get("Auto-Submitted", "") or "").strip().lower()
    if auto and auto != "no":
        return "auto-submitted"
    if str(message.get("Precedence", "") or "").strip().lower() in ("bulk", "junk", "list"):
        return "precedence"
    if message.get("X-Autoreply") or message.get("X-Autorespond"):
        return "autoreply-header"
    if message.get("List-Id") or message.get("List-Unsubscribe"):
        return "mailing-list"
    if message.get_content_type() == "multipart/report":
        return "delivery-report"
    if envelope_sender is not None and envelope_sender.strip("<>") == "":
        return "null-sender"
    sender = _first_address(message)
    if sender and _DAEMONS.match(sender):
        return "daemon"
    return ""


def _first_address(message: Message) -> str:
    try:
        pairs = getaddresses([str(message.get("From", "") or "")])
    except Exception:  # noqa: BLE001 — any failure here means "no usable address"
        return ""
    for _name, addr in pairs:
        if "@" in addr:
            return addr.strip()
    return ""


# Parts that are not what the person wants to show: signatures (S/MIME, PGP), public keys,
# contact cards, bounce reports. Dropped silently rather than refusing the whole mail.
NOT_CONTENT = frozenset(
    {
        "application/pkcs7-signature",
        "application/x-pkcs7-signature",
        "application/pgp-signature",
        "application/pgp-keys",
        "text/vcard",
        "text/x-vcard",
        "message/delivery-status",
        "message/rfc822",
    }
)

# --- the whole message ----------------------------------------------------------------------

_ADDRESS = re.compile(r"^[^@\s<>\"]+@[A-Za-z0-9.\-]+\.[A-Za-z0-9\-]+$")
# Subject prefixes added by clients when replying or forwarding.
_SUBJECT_PREFIX = re.compile(r"^\s*((re|fw|fwd|aw|bls|balas|tr)\s*(\[\d+\])?\s*:\s*)+", re.I)
_ID_WORDS = {
    "yang", "dan", "di", "tidak", "saya", "ini", "itu", "dengan", "untuk", "ke", "dari",
    "sudah", "belum", "ada", "jalan", "mohon", "kami", "karena", "pada", "sejak",
}  # fmt: skip
_EN_WORDS = {
    "the", "and", "is", "to", "of", "my", "not", "in", "with", "for", "has", "have", "been",
    "please", "this", "that", "there", "since", "we", "our",
}  # fmt: skip


def guess_language(text: str) -> str:
    """ "en" when the text reads as English, otherwise Indonesian (the default)."""
    words = re.findall(r"[a-z]+", text.lower())
    en = sum(w in _EN_WORDS for w in words)
    indo = sum(w in _ID_WORDS for w in words)
    return "en" if en > indo and en >= 2 else "id"


def clean_subject(subject: str) -> str:
    return " ".join(_SUBJECT_PREFIX.sub("", subject).split())


def _decoded(part: Message) -> str:
    try:
        content = part.get_content()  # type: ignore[attr-defined]
    except (LookupError, UnicodeError, AssertionError, KeyError):
        payload = part.get_payload(decode=True)
        content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
    # A NUL cannot be stored and means nothing in a text: dropped, the mail kept (a refused
    # or "try again" answer would only make the sender's server retry it).
    return content.replace("\x00", "") if isinstance(content, str) else ""


def parse(raw: bytes, envelope_sender: str | None = None) -> ParsedMail:
    """Read ``raw``; raise ``MalformedMail`` when it has no sender we could answer."""
    message = message_from_bytes(raw, policy=default_policy)
    message_id = str(message.get("Message-ID", "") or "").strip()
    if message_id and len(message_id) <= 240:
        dedupe_key = "mid:" + message_id.lower()
    else:
        dedupe_key = "sha:" + hashlib.sha256(raw).hexdigest()
    sender_name = ""
    sender = ""
    try:
        from_header = message.get("From")
        addresses = getattr(from_header, "addresses", ()) if from_header is not None else ()
        if addresses:
            first: Address = addresses[0]
            sender = (first.addr_spec or "").strip()
            sender_name = (first.display_name or "").strip()
    except Exception:  # noqa: BLE001 — a header the parser could not read is "no sender"
        sender = ""
    automatic = automatic_reason(message, envelope_sender)
    if not sender:
        sender = _first_address(message)
    if not sender or not _ADDRESS.match(sender) or len(sender) > 254:
        raise MalformedMail(dedupe_key)
    try:
        subject = str(message.get("Subject", "") or "").replace("\x00", "")
    except Exception:  # noqa: BLE001
        subject = ""
    date = None
    try:
        if message.get("Date"):
            date = parsedate_to_datetime(str(message["Date"])).date()
    except (TypeError, ValueError, IndexError):
        date = None

    plain: list[str] = []
    html: list[str] = []
    files: list[MailFile] = []
    for part in message.walk():
        if part.is_multipart():
            continue
        disposition = part.get_content_disposition()
        filename = part.get_filename()
        ctype = part.get_content_type()
        if disposition == "attachment" or filename or not ctype.startswith("text/"):
            if ctype in NOT_CONTENT:
                continue
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                files.append(MailFile(name=filename or "lampiran", content=payload))
            continue
        if ctype == "text/plain":
            plain.append(_decoded(part))
        elif ctype == "text/html":
            html.append(_decoded(part))
    text = "\n\n".join(plain) if plain else "\n\n".join(html_to_text(h) for h in html)
    full_text = _squeeze([line.rstrip() for line in text.replace("\r\n", "\n").split("\n")])
    text = strip_quoted(text)
    assert isinstance(message, EmailMessage)
    return ParsedMail(
        dedupe_key=dedupe_key,
        sender=sender,
        sender_name=sender_name.replace("\x00", "")[:150],
        subject=clean_subject(subject)[:300],
        text=text,
        full_text=full_text,
        files=files,
        automatic=automatic,
        date=date,
        language=guess_language(subject + "\n" + text),
    )
