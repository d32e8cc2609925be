"""Serving a stored attachment, after the caller's access check."""

from __future__ import annotations

from django.http import FileResponse

from lapor.reports.models import Attachment


def attachment_response(attachment: Attachment, filename: str) -> FileResponse:
    """Photos, audio and video open in the browser; documents download. The type is the one we
    sniffed on upload, and ``nosniff`` stops the browser from guessing another."""
    inline = attachment.content_type.split("/")[0] in ("image", "audio", "video")
    response = FileResponse(
        attachment.file.open("rb"),
        content_type=attachment.content_type,
        as_attachment=not inline,
        filename=filename,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
