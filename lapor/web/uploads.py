"""Turning a form's files into staged uploads, so that a form error never loses a file."""

from __future__ import annotations

from django.http import HttpRequest

from lapor.reports.attachments import AttachmentError, check_file, check_limits, stage
from lapor.reports.models import PendingUpload
from lapor.web.forms import unsign_pending


def collect_uploads(request: HttpRequest) -> tuple[list[PendingUpload], list[str]]:
    """Files already staged by an earlier attempt (minus those the person removed) plus the
    files of this request that pass the checks; and one message per problem."""
    staged = unsign_pending(request.POST.get("pending", ""))
    removed = set(request.POST.getlist("remove_pending"))
    keep = [p for p in staged if str(p.pk) not in removed]
    errors: list[str] = []
    for upload in request.FILES.getlist("attachments"):
        try:
            keep.append(stage(check_file(upload)))
        except AttachmentError as exc:
            errors.append(exc.message)
    try:
        check_limits(len(keep), sum(p.size for p in keep))
    except AttachmentError as exc:
        errors.append(exc.message)
    return keep, errors
