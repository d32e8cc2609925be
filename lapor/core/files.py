"""Serving a stored attachment, after the caller's access check."""

from __future__ import annotations

import logging

from django.http import FileResponse, Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.utils.translation import gettext as _

from lapor.reports.models import Attachment

log = logging.getLogger(__name__)

RETRY_AFTER = 60


def attachment_response(attachment: Attachment, filename: str) -> HttpResponseBase:
    """Photos, audio and video open in the browser; documents download. The type is the one we
    sniffed on upload, and ``nosniff`` stops the browser from guessing another.

    A storage that cannot be read (object store down, disk failing) answers 503 with
    Retry-After, a file that is gone 404: never a 500."""
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        log.error("attachment %s: stored file %s is missing", attachment.pk, attachment.file.name)
        raise Http404 from None
    except Exception as exc:  # noqa: BLE001 — each storage backend raises its own kinds
        log.warning("attachment %s: storage unavailable: %s", attachment.pk, exc)
        response = HttpResponse(
            _("This file cannot be read right now. Please try again in a few minutes."),
            status=503,
            content_type="text/plain; charset=utf-8",
        )
        response["Retry-After"] = str(RETRY_AFTER)
        response["Cache-Control"] = "no-store"
        return response
    inline = attachment.content_type.split("/")[0] in ("image", "audio", "video")
    served = FileResponse(
        handle,
        content_type=attachment.content_type,
        as_attachment=not inline,
        filename=filename,
    )
    served["X-Content-Type-Options"] = "nosniff"
    served["Cache-Control"] = "private, no-store"
    return served
