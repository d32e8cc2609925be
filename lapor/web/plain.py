"""Plain words for citizens (issue 15.3): what each status and each step of the timeline
means, without the administration's terms ("Terdisposisi", "didisposisikan") unexplained.

The official labels stay (staff, exports and the LAPOR! mapping use them); citizen pages show
this explanation beside them, and the easy-read version shows it instead of them.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from lapor.agencies.names import category_name  # noqa: F401  (re-exported for templates)
from lapor.reports.models import Clock, ReportEvent, Status

STATUS: dict[str, Promise] = {
    Status.AWAITING_VERIFICATION: _("Received. An administrator checks it and sends it on."),
    Status.POSTPONED: _("Waiting for you: we asked you a question. Answer it on this page."),
    Status.DISPOSED: _("Sent to the agency responsible. The agency is working on it."),
    Status.FOLLOWED_UP: _("The agency has answered. Tell us if the problem is solved."),
    Status.REPORTER_REPLIED: _("You answered the agency. The agency looks at it again."),
    Status.CLOSED_BY_REPORTER: _("Finished. You closed it."),
    Status.CLOSED_BY_ADMIN: _("Finished. An administrator closed it."),
    Status.CLOSED_BY_SYSTEM: _("Finished. It closed by itself after 10 working days."),
    Status.ARCHIVED_BY_ADMIN: _("Stopped. An administrator could not handle it here."),
    Status.ARCHIVED_BY_SYSTEM: _("Stopped. We waited for your answer too long."),
}

EVENT: dict[str, Promise] = {
    ReportEvent.Kind.DISPOSED: _("Checked and sent to the agency responsible."),
    ReportEvent.Kind.TRANSFERRED: _("Sent on to another agency, which is responsible."),
    ReportEvent.Kind.AGENCY_INVOLVED: _("Another agency helps with it."),
    ReportEvent.Kind.ESCALATED: _("The agency was late; its superiors were told."),
    ReportEvent.Kind.NOT_AUTHORITY: _("This agency says it is not responsible for this."),
    ReportEvent.Kind.POSTPONED: _("We asked you a question."),
    ReportEvent.Kind.DISPUTED: _("You said it is not solved. It is open again."),
}


CLOCK: dict[str, Promise] = {
    Clock.Kind.VERIFY: _("Checking your report and sending it to the agency responsible"),
    Clock.Kind.FIRST_FOLLOW_UP: _("The agency's first answer"),
    Clock.Kind.RESOLUTION: _("Solving the problem"),
    Clock.Kind.REPORTER_REPLY: _("Your answer to the agency"),
    Clock.Kind.CLARIFICATION: _("Your answer to our question"),
}


def clock_text(kind: str) -> str:
    text = CLOCK.get(kind)
    return str(text) if text is not None else ""


def status_text(status: str) -> str:
    text = STATUS.get(status)
    return str(text) if text is not None else ""


def event_text(kind: str) -> str:
    text = EVENT.get(kind)
    return str(text) if text is not None else ""


# The easy-read form's choices: a pictogram (static/img) and one or two short sentences.
EASY_KIND: dict[str, tuple[str, Promise]] = {
    "complaint": ("img/pict-complaint.svg", _("Something is wrong. It must be fixed.")),
    "aspiration": ("img/pict-aspiration.svg", _("You have an idea to make a service better.")),
    "information_request": (
        "img/pict-information.svg",
        _("You want to get information or a document from an office."),
    ),
}
EASY_PRIVACY: dict[str, tuple[str, Promise]] = {
    "public": (
        "img/pict-public.svg",
        _("Everyone can read your report. Your name is not shown. The office sees your name."),
    ),
    "anonymous": (
        "img/pict-anonymous.svg",
        _("Everyone can read your report. Nobody sees your name. The office does not either."),
    ),
    "confidential": (
        "img/pict-confidential.svg",
        _("Only you and the office can read your report."),
    ),
}
