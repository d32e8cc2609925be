"""A voice note may stand in for the written text of a report (for people who cannot type)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.validators import MinLengthValidator
from django.utils.translation import gettext_lazy as _

from lapor.reports.models import AttachmentKind

# What the report says when the person spoke it instead of writing.
VOICE_BODY = _("The report is in the attached voice note.")


class VoiceReportMixin(forms.Form):
    """For forms with a ``body`` field and the attachments' ``voice_note`` field: when a voice
    note comes with the form (or was staged by an earlier attempt), the text is optional."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "body" in self.fields and self.has_voice_note():
            body = self.fields["body"]
            body.required = False
            # A short summary beside the recording is enough.
            body.validators = [v for v in body.validators if not isinstance(v, MinLengthValidator)]
            body.widget.attrs.pop("minlength", None)
            body.help_text = _(
                "A voice note is attached: the text may stay empty, or summarise it."
            )

    def has_voice_note(self) -> bool:
        if not self.is_bound:
            return False
        if self.files and self.files.getlist("voice_note"):
            return True
        from lapor.web.forms import unsign_pending

        staged = unsign_pending(str(self.data.get("pending", "") or ""))
        getlist = getattr(self.data, "getlist", None)
        removed = set(getlist("remove_pending")) if getlist is not None else set()
        return any(p.kind == AttachmentKind.AUDIO and str(p.pk) not in removed for p in staged)

    def clean_body(self) -> str:
        body: str = self.cleaned_data.get("body", "") or ""
        if not body.strip() and self.has_voice_note():
            return str(VOICE_BODY)
        return body


# What a reply says when the person spoke it instead of writing.
VOICE_REPLY = _("The reply is in the attached voice note.")


class VoiceReplyMixin(VoiceReportMixin):
    """The same for a reply's ``message``: a voice note may be the whole reply."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "message" in self.fields and self.has_voice_note():
            self.fields["message"].required = False

    def clean_message(self) -> str:
        message: str = self.cleaned_data.get("message", "") or ""
        if not message.strip() and self.has_voice_note():
            return str(VOICE_REPLY)
        return message


def voice_reply_text(message: str, uploads: list[Any] | tuple[Any, ...]) -> str:
    """A reply with no words but a voice note says so in words (the timeline, SMS, e-mail)."""
    if message.strip() or not any(p.kind == AttachmentKind.AUDIO for p in uploads):
        return message
    return str(VOICE_REPLY)
