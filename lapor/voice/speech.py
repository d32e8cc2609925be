"""Every written answer can be listened to: text-to-speech made on our side, cached.

``espeak-ng`` (Debian package ``espeak-ng``) speaks Indonesian and English with no network
and no model to download; ``ffmpeg`` (already needed to clean recordings) turns its WAV into
a small MP3 (mono, 32 kbit/s: about 4 KB per second of speech, fine on a phone). The MP3 is
stored once under ``speech/`` in the default storage, named by a hash of the voice and the
text, so a second listen — by the reporter, the node or anyone with access — costs nothing,
and an edited text gets a new recording.

Nothing here checks access: callers (``lapor.voice.views``, ``lapor.nodes.views``) reach the
event through an access function first.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import FileResponse, HttpResponse
from django.http.response import HttpResponseBase
from django.utils import translation
from django.utils.translation import gettext as _

from lapor.reports.models import Report, ReportEvent, Status

# Bump when the voice, speed or encoding change: old recordings are then made again.
ENGINE = "espeak-ng/1/s150/mp3-32k"
VOICES = {"id": "id", "en": "en"}
MAX_CHARS = 6000
TIMEOUT = 60

Kind = ReportEvent.Kind
# What the agency (or the admins, or the system) wrote to the reporter.
LISTENABLE = frozenset(
    {
        Kind.DISPOSED,
        Kind.POSTPONED,
        Kind.ARCHIVED,
        Kind.FOLLOW_UP,
        Kind.QUESTION,
        Kind.TRANSFERRED,
        Kind.AGENCY_INVOLVED,
        Kind.CLOSED,
        Kind.NOT_AUTHORITY,
        Kind.INFO_NOTICE,
        Kind.INFO_CLARIFY,
        Kind.INFO_DECIDED,
    }
)


class SpeechUnavailable(Exception):
    pass


def available() -> bool:
    return bool(shutil.which("espeak-ng") and shutil.which("ffmpeg"))


def listenable(event: ReportEvent) -> bool:
    """A public answer with words in it (the reporter's own words are not read back)."""
    if not event.is_public or not (event.message or "").strip():
        return False
    if event.kind not in LISTENABLE:
        return False
    return not (event.kind == Kind.CLOSED and event.new_status == Status.CLOSED_BY_REPORTER)


def event_text(event: ReportEvent, language: str) -> str:
    """What is read out: what happened, by whom, and the message."""
    with translation.override(language):
        parts = [str(Kind(event.kind).label)]
        if event.agency is not None:
            parts.append(event.agency.name)
        parts.append(event.message.strip())
    return ". ".join(p.rstrip(".") for p in parts if p)[:MAX_CHARS]


def voice_for(report: Report) -> str:
    return VOICES.get((report.language or "id")[:2], "id")


def storage_name(text: str, voice: str) -> str:
    digest = hashlib.sha256(f"{ENGINE}\x1f{voice}\x1f{text}".encode()).hexdigest()
    return f"speech/{digest[:2]}/{digest}.mp3"


def synthesize(text: str, voice: str) -> bytes:
    """MP3 bytes of ``text`` read in ``voice``; ``SpeechUnavailable`` if it cannot be made."""
    if not available():
        raise SpeechUnavailable("espeak-ng or ffmpeg is missing")
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8"}
    with tempfile.TemporaryDirectory(prefix="lapor-speech-") as work:
        wav = os.path.join(work, "speech.wav")
        mp3 = os.path.join(work, "speech.mp3")
        try:
            speak = ["espeak-ng", "-v", voice, "-s", "150", "-b", "1", "--stdin", "-w", wav]
            subprocess.run(  # noqa: S603 — fixed argument list, text on stdin, no shell
                speak,
                input=text.encode(),
                capture_output=True,
                timeout=TIMEOUT,
                check=True,
                env=env,
            )
            encode = [
                "ffmpeg",
                "-nostdin",
                "-hide_banner",
                "-loglevel",
                "error",
                "-protocol_whitelist",
                "file",
                "-i",
                wav,
                "-ac",
                "1",
                "-c:a",
                "libmp3lame",
                "-b:a",
                "32k",
                "-map_metadata",
                "-1",
                "-fflags",
                "+bitexact",
                "-f",
                "mp3",
                mp3,
            ]
            subprocess.run(  # noqa: S603 — fixed argument list, no shell
                encode,
                capture_output=True,
                timeout=TIMEOUT,
                check=True,
                env=env,
            )
        except (OSError, subprocess.SubprocessError) as exc:
            raise SpeechUnavailable(str(exc)) from exc
        with open(mp3, "rb") as fh:
            return fh.read()


def speech_file(text: str, voice: str) -> str:
    """The stored MP3 of ``text`` (made now if it is not cached yet)."""
    name = storage_name(text, voice)
    if default_storage.exists(name):
        return name
    content = synthesize(text, voice)
    # Two listeners at once make the same bytes; whichever name the storage keeps is fine.
    saved = default_storage.save(name, ContentFile(content))
    return saved


def event_speech_response(event: ReportEvent, report: Report) -> HttpResponseBase:
    """The recording of ``event`` read aloud (the caller checked access to ``report``)."""
    voice = voice_for(report)
    text = event_text(event, "en" if voice == "en" else "id")
    try:
        name = speech_file(text, voice)
        handle = default_storage.open(name, "rb")
    except (SpeechUnavailable, OSError):
        response = HttpResponse(
            _("The spoken version cannot be made right now. Please try again later."),
            status=503,
            content_type="text/plain; charset=utf-8",
        )
        response["Retry-After"] = "60"
        return response
    served = FileResponse(handle, content_type="audio/mpeg")
    served["X-Content-Type-Options"] = "nosniff"
    # Private: the answer is the reporter's; the same URL always gives the same sound.
    served["Cache-Control"] = "private, max-age=86400"
    return served
