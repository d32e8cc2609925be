"""The receipt of a repeated submission: the same tracking number *and* PIN.

A submission that carries a key (the web form's hidden ``submission_key``, the API's
``Idempotency-Key``, a partner's request id) may arrive twice: a double click, a retry after
a lost answer. The second arrival files nothing and must answer what the first did, PIN
included, or the person who only saw the second answer can never follow their report. Only
the PIN's HMAC is stored with the report, so the PIN is kept here, in the cache, for
``REPLAY_SECONDS``, **sealed** under a key derived from the submission key (a 122-bit random
value only the submitter holds) and filed under a hash of another such key
(``lapor.reports.pin_vault``): neither the cache nor the database can read it without the
submitter's key.

Both functions are safe to call after the report is committed: a cache that is down costs the
replay (``recall`` answers None), never the request.
"""

from __future__ import annotations

import hashlib
import logging
import uuid

from lapor.reports import pin_vault

log = logging.getLogger(__name__)

REPLAY_SECONDS = 60 * 60


def _key(channel: str, submission_key: uuid.UUID, scope: str) -> str:
    # Per channel: a key derived from something not secret (an e-mail's Message-ID) must not
    # open another channel's replay (a web form posted with that key). Per scope: the web
    # binds a replay to the browser that rendered the form (its CSRF cookie), so a form's key
    # seen by someone else opens nothing.
    scoped = hashlib.sha256(scope.encode()).hexdigest()[:32] if scope else ""
    return f"receipt:pin:{channel}:{submission_key}:{scoped}"


def remember(
    channel: str, submission_key: uuid.UUID | None, pin: str, scope: str | None = ""
) -> None:
    """Keep ``pin`` for a repeat of this submission; ``scope=None`` keeps nothing."""
    if submission_key is None or scope is None:
        return
    try:
        pin_vault.keep_for_replay(
            scope=_key(channel, submission_key, scope), idempotency_key=str(submission_key), pin=pin
        )
    except Exception:  # noqa: BLE001 - the report is filed; only a later replay loses its PIN
        log.warning("could not keep the receipt PIN for a replay (cache unavailable)")


def recall(channel: str, submission_key: uuid.UUID | None, scope: str | None = "") -> str | None:
    if submission_key is None or scope is None:
        return None
    try:
        return pin_vault.replay(
            scope=_key(channel, submission_key, scope), idempotency_key=str(submission_key)
        )
    except Exception:  # noqa: BLE001
        log.warning("could not read the receipt PIN for a replay (cache unavailable)")
        return None
