"""Turning a form's files into staged uploads, so that a form error never loses a file.

Used by every form that takes files: the report form (citizen and desk), the tracking page's
"add information" and reply, and the console's follow-up."""

from __future__ import annotations

from django.http import HttpRequest

from lapor.reports.attachments import (
    AttachmentError,
    StagingClient,
    StorageUnavailable,
    check_file,
    check_limits,
    check_staging_allowed,
    stage,
)
from lapor.reports.models import PendingUpload
from lapor.web.forms import unsign_pending


def staging_client(request: HttpRequest) -> StagingClient:
    """The client as the staging limit counts it: its address and its session (created here
    if the person has none yet, so a browser that keeps its cookie is counted on its own)."""
    session = request.session
    if not session.session_key:
        session.save()
    # Behind a reverse proxy, the proxy must set REMOTE_ADDR (see docs/operations.md).
    address = request.META.get("REMOTE_ADDR", "") or "unknown"
    return StagingClient.of(address, session.session_key or "")


def collect_uploads(request: HttpRequest) -> tuple[list[PendingUpload], list[str]]:
    """Files already staged by an earlier attempt (minus those the person removed) plus the
    files of this request that pass the checks; and one message per problem."""
    staged = unsign_pending(request.POST.get("pending", ""))
    removed = set(request.POST.getlist("remove_pending"))
    keep = [p for p in staged if str(p.pk) not in removed]
    errors: list[str] = []
    # A voice note recorded in the browser (or chosen) comes in its own field (lapor.voice).
    uploads = request.FILES.getlist("attachments") + request.FILES.getlist("voice_note")
    if uploads:
        client = staging_client(request)
        try:
            check_staging_allowed(
                client, files=len(uploads), size=sum(u.size or 0 for u in uploads)
            )
        except AttachmentError as exc:
            return keep, [exc.message]
        for upload in uploads:
            try:
                keep.append(stage(check_file(upload), client=client))
            except (AttachmentError, StorageUnavailable) as exc:
                errors.append(exc.message)
    try:
        check_limits(len(keep), sum(p.size for p in keep))
    except AttachmentError as exc:
        errors.append(exc.message)
    return keep, errors
