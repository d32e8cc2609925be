"""The case: a report, its events (timeline + audit), its attachments and the reporter's identity.

The reporter's identity lives in its own table (``ReporterIdentity``) and is read only through
``lapor.reports.access.reporter_identity`` which logs every read; nothing else joins it.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lapor.reports.scrub import scrub


class Kind(models.TextChoices):
    COMPLAINT = "complaint", _("Complaint")
    ASPIRATION = "aspiration", _("Aspiration")
    INFORMATION_REQUEST = "information_request", _("Information request")
    # Reports of wrongdoing by officials (corruption, extortion, abuse of authority, conflicts
    # of interest): confidential, handled by the internal auditor, never by the accused unit
    # (lapor.reports.whistle).
    WHISTLEBLOWING = "whistleblowing", _("Whistleblowing (wrongdoing by officials)")


class Privacy(models.TextChoices):
    PUBLIC = "public", _("Public")
    ANONYMOUS = "anonymous", _("Anonymous")
    CONFIDENTIAL = "confidential", _("Confidential")


# Privacy may be raised by an admin, never lowered: this is the order.
PRIVACY_RANK = {Privacy.PUBLIC: 0, Privacy.ANONYMOUS: 1, Privacy.CONFIDENTIAL: 2}


class Channel(models.TextChoices):
    WEB = "web", _("Website")
    MOBILE = "mobile", _("Mobile app")
    SMS = "sms", _("SMS 1708")
    CHAT = "chat", _("WhatsApp/chat")
    EMAIL = "email", _("E-mail")
    API = "api", _("Integrated app (API)")
    # Staff file on behalf of a person (lapor.console.desk): at a counter, or on the phone.
    DESK = "desk", _("Walk-in desk")
    PHONE = "phone", _("Telephone desk")
    SOCIAL = "social", _("Social media")
    # Our own WhatsApp number (lapor.whatsapp); CHAT is for reports imported from elsewhere.
    WHATSAPP = "whatsapp", _("WhatsApp")


# The channels where an officer files on behalf of a person (with their recorded consent).
DESK_CHANNELS = frozenset({Channel.DESK, Channel.PHONE})


class Consent(models.TextChoices):
    """How a person filed for by a desk officer agreed to it (and to the privacy choice)."""

    SPOKEN_PHONE = "spoken_phone", _("Given aloud on the telephone")
    SPOKEN_IN_PERSON = "spoken_in_person", _("Given aloud at the desk")
    SIGNED_FORM = "signed_form", _("Signed consent form")


# Which ways of consenting fit which desk: nobody signs a form over the phone.
CONSENT_BY_CHANNEL = {
    Channel.DESK: frozenset({Consent.SPOKEN_IN_PERSON, Consent.SIGNED_FORM}),
    Channel.PHONE: frozenset({Consent.SPOKEN_PHONE}),
}


class Status(models.TextChoices):
    AWAITING_VERIFICATION = "awaiting_verification", _("Awaiting verification")
    POSTPONED = "postponed", _("Postponed: waiting for the reporter")
    DISPOSED = "disposed", _("Dispositioned to an agency")
    FOLLOWED_UP = "followed_up", _("Followed up by the agency")
    REPORTER_REPLIED = "reporter_replied", _("Replied to by the reporter")
    CLOSED_BY_REPORTER = "closed_by_reporter", _("Closed by the reporter")
    CLOSED_BY_ADMIN = "closed_by_admin", _("Closed by an admin")
    CLOSED_BY_SYSTEM = "closed_by_system", _("Closed by the system")
    ARCHIVED_BY_ADMIN = "archived_by_admin", _("Archived by an admin")
    ARCHIVED_BY_SYSTEM = "archived_by_system", _("Archived by the system")
    # Handed on to a body outside the system (KPK, Ombudsman, police, prosecutors, BPK), with
    # the referral recorded and the reporter told (lapor.reports.whistle.report_refer).
    REFERRED = "referred", _("Referred to another institution")
    # Information requests (UU 14/2008): their own statuses, moved by ``lapor.ppid.actions``
    # through the second table of ``lifecycle.TRANSITIONS_BY_KIND``.
    INFO_IDENTITY_NEEDED = "info_identity_needed", _("Waiting for the requester's identity")
    INFO_REGISTERED = "info_registered", _("Registered with the information officer (PPID)")
    INFO_CLARIFICATION = "info_clarification", _("Waiting for the requester's clarification")
    INFO_ANSWERED = "info_answered", _("Answered with a written notice")
    INFO_OBJECTED = "info_objected", _("Objection with the PPID's superior")
    INFO_OBJECTION_DECIDED = "info_objection_decided", _("Objection decided")
    INFO_COMMISSION = "info_commission", _("Dispute at the Information Commission")
    INFO_SETTLED = "info_settled", _("Dispute settled by the Information Commission")


class Report(models.Model):
    tracking_id = models.CharField(max_length=12, unique=True, editable=False)
    # HMAC of the PIN keyed with SECRET_KEY (see lapor.reports.tracking); the PIN itself is
    # shown once, on the receipt, and never stored.
    pin_hash = models.CharField(max_length=128, editable=False)
    kind = models.CharField(max_length=24, choices=Kind.choices, default=Kind.COMPLAINT)
    privacy = models.CharField(max_length=16, choices=Privacy.choices, default=Privacy.PUBLIC)
    channel = models.CharField(max_length=16, choices=Channel.choices, default=Channel.WEB)
    status = models.CharField(
        max_length=32, choices=Status.choices, default=Status.AWAITING_VERIFICATION
    )

    # The original text (isi laporan awal) is kept forever; admins edit the published copy.
    title_original = models.CharField(max_length=200)
    body_original = models.TextField()
    title_published = models.CharField(max_length=200)
    body_published = models.TextField()
    # The published text with personal data masked (``scrub``): what the public reads, and
    # the only text the public search, its vocabulary and the similar-reports lookup index, so
    # a search can never find a report by a number the page does not show. Kept by ``save()``
    # (see there); ``manage.py remask_reports`` recomputes it when the masking rules change.
    title_masked = models.TextField(default="", editable=False)
    body_masked = models.TextField(default="", editable=False)

    incident_date = models.DateField()
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    # Denormalised region codes: filters and statistics by any level without joins.
    province_code = models.CharField(max_length=2, db_index=True)
    regency_code = models.CharField(max_length=5, db_index=True)
    district_code = models.CharField(max_length=8, blank=True, db_index=True)
    village_code = models.CharField(max_length=13, blank=True)
    # As the reporter described it: published (masked) only for public reports. An anonymous
    # report's address may say where the reporter lives; the verifier may set ``address_public``
    # instead (lapor.reports.location).
    address = models.CharField(max_length=255, blank=True)
    address_public = models.CharField(max_length=255, blank=True)
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)

    category = models.ForeignKey(
        "agencies.Category", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # What the reporter asked for (Instansi Tujuan); the disposition decides the handler.
    requested_agency = models.ForeignKey(
        "agencies.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The agency currently responsible (set by disposition in the case-handling issue).
    agency = models.ForeignKey(
        "agencies.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="reports"
    )
    # Whistleblowing: the unit the report accuses. Its staff (and those of the units under it)
    # never see the case, at any stage (lapor.reports.whistle).
    accused_agency = models.ForeignKey(
        "agencies.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reporter_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reports",
    )

    emergency_suspected = models.BooleanField(default=False)
    # The reporter asked to hide their identity (anonim). Kept apart from ``privacy`` because
    # raising an anonymous report to confidential must not reveal the reporter to the agency:
    # once set, it is never cleared.
    identity_hidden = models.BooleanField(default=False)
    # Set when an agency admin says "not our authority" at verification: the national admins
    # route it instead.
    needs_national_routing = models.BooleanField(default=False)
    rating = models.PositiveSmallIntegerField(null=True, blank=True)
    rating_comment = models.TextField(blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    language = models.CharField(max_length=8, default="id")
    # One form render = one key: a double submit finds the report it already created.
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    due_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["status", "created_at"]),
            models.Index(
                fields=["due_at"],
                name="report_open_due_idx",
                condition=models.Q(due_at__isnull=False),
            ),
            # The console queues' order (oldest deadline first, none last) has its index too,
            # ``report_queue_order_idx`` (due_at NULLS LAST, created_at, id): created by
            # migration 0015 with SQL, on PostgreSQL only — SQLite cannot index NULLS LAST, and
            # an index in the model's state would break SQLite's table rebuilds.
        ]
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self) -> str:
        return f"#{self.tracking_id}"

    def save(self, *args: object, **kwargs: object) -> None:
        """Every save keeps the masked copy of the published text in step with it, whatever
        action wrote the text; a partial save that names a published field saves its masked
        copy too. (Raw SQL and ``QuerySet.update`` bypass this: ``remask_reports`` repairs.)"""
        self.title_masked = scrub(self.title_published)
        self.body_masked = scrub(self.body_published)
        fields = kwargs.get("update_fields")
        if fields is not None:
            names = set(fields)  # type: ignore[call-overload]
            if names & {"title_published", "body_published"}:
                kwargs["update_fields"] = names | {"title_masked", "body_masked"}
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class ReporterIdentity(models.Model):
    """Who filed the report. Read only via ``access.reporter_identity`` (each read is logged)."""

    report = models.OneToOneField(Report, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    full_name = models.CharField(max_length=150, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=20, blank=True)
    # Optional, private; used only for prioritisation and disaggregated statistics.
    disability = models.CharField(max_length=120, blank=True)
    # Filed by a desk officer on the person's behalf: how the person consented (empty when
    # they filed themselves), a reference such as the form's number, and when it was recorded.
    # The officer is the ``submitted`` event's actor.
    consent = models.CharField(max_length=24, choices=Consent.choices, blank=True)
    consent_note = models.CharField(max_length=255, blank=True)
    consent_recorded_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("reporter identity")
        verbose_name_plural = _("reporter identities")

    def __str__(self) -> str:
        return f"identity of report {self.report_id}"


class IdentityAccessLog(models.Model):
    """Every attempt to read a reporter's identity, granted or not."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="+")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    purpose = models.CharField(max_length=120)
    granted = models.BooleanField()
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"identity of {self.report_id} read by {self.actor_id}: {self.granted}"


class ReportEvent(models.Model):
    """One row per thing that happened: the public timeline and the audit log at once."""

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("Report submitted")
        STATUS_CHANGED = "status_changed", _("Status changed")
        REPORTER_INFO = "reporter_info", _("Reporter added information")
        DISPOSED = "disposed", _("Verified and dispositioned")
        POSTPONED = "postponed", _("Postponed: clarification asked from the reporter")
        RESUMED = "resumed", _("Reporter clarified; back to verification")
        NOT_AUTHORITY = "not_authority", _("Not our authority")
        ARCHIVED = "archived", _("Archived")
        FOLLOW_UP = "follow_up", _("Follow-up by the agency")
        QUESTION = "question", _("The agency asks for more information")
        TRANSFERRED = "transferred", _("Transferred to another agency")
        AGENCY_INVOLVED = "agency_involved", _("Another agency involved")
        REPORTER_REPLY = "reporter_reply", _("Reply from the reporter")
        CLOSED = "closed", _("Closed")
        DISPUTED = "disputed", _("Closure disputed; reopened")
        ESCALATED = "escalated", _("Deadline missed; escalated")
        EXTENDED = "extended", _("Deadline extended")
        COMPLEXITY_SET = "complexity_set", _("Resolution time set")
        DEADLINE_MOVED = "deadline_moved", _("Deadline recomputed after a calendar change")
        PRIVACY_RAISED = "privacy_raised", _("Privacy raised")
        TEXT_EDITED = "text_edited", _("Published text edited")
        PUBLIC_ADDRESS_SET = "public_address_set", _("Public address set")
        CATEGORY_SET = "category_set", _("Category set")
        NOTE = "note", _("Internal note")
        # Information requests (lapor.ppid).
        INFO_REGISTERED = "info_registered", _("Information request registered")
        INFO_IDENTITY = "info_identity", _("Requester's identity completed")
        INFO_CLARIFY = "info_clarify", _("The PPID asks the requester to clarify")
        INFO_CLARIFIED = "info_clarified", _("Requester clarified; the clock runs again")
        INFO_EXTENDED = "info_extended", _("Answer time extended by 7 working days")
        INFO_FORWARDED = "info_forwarded", _("Forwarded to the PPID that holds the information")
        INFO_NOTICE = "info_notice", _("Written notice from the PPID")
        INFO_OBJECTION_OPENED = "info_objection_opened", _("The answer is late: objection open")
        INFO_OBJECTED = "info_objected", _("Objection filed")
        INFO_DECIDED = "info_decided", _("Objection decided by the PPID's superior")
        INFO_DECISION_LATE = "info_decision_late", _("The superior did not decide in time")
        INFO_COMMISSION = "info_commission", _("Dispute filed with the Information Commission")
        INFO_SETTLED = "info_settled", _("Information Commission outcome recorded")
        INFO_PUBLISHED = "info_published", _("Released information published")
        CONVERTED = "converted", _("Converted between complaint and information request")
        # Whistleblowing (lapor.reports.whistle).
        WHISTLE_OPENED = "whistle_opened", _("Treated as a report of wrongdoing by officials")
        ACCUSED_SET = "accused_set", _("Accused unit recorded")
        REFERRED = "referred", _("Referred to another institution")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=24, choices=Kind.choices)
    old_status = models.CharField(max_length=32, blank=True)
    new_status = models.CharField(max_length=32, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    agency = models.ForeignKey(
        "agencies.Agency", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    message = models.TextField(blank=True)
    # The other agency of a disposition, transfer or suggestion.
    target_agency = models.ForeignKey(
        "agencies.Agency", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Structured details: reason codes, ratings, day counts, old/new deadlines.
    data = models.JSONField(default=dict, blank=True)
    # Internal notes and audit-only rows stay off the public and reporter timelines.
    is_public = models.BooleanField(default=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    # A filing's ``submitted`` event whose consequences (the verification clock, the outbox
    # rows, routing) the worker has not yet written: the intake answers before them
    # (lapor.reports.derive). Cleared in the transaction that writes them.
    derive_pending = models.BooleanField(default=False)

    class Meta:
        ordering = ["at", "id"]
        indexes = [
            # The sweep of events not yet derived reads only these few rows.
            models.Index(
                fields=["id"],
                condition=models.Q(derive_pending=True),
                name="reports_event_derive_pending",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} on {self.report_id} at {self.at:%Y-%m-%d %H:%M}"

    @property
    def new_status_label(self) -> str:
        return str(Status(self.new_status).label) if self.new_status else ""


def attachment_path(instance: models.Model, filename: str) -> str:
    # Random names: the original file name may itself identify the reporter.
    return f"attachments/{uuid.uuid4().hex[:2]}/{uuid.uuid4().hex}{_ext(filename)}"


def _ext(filename: str) -> str:
    return "." + filename.rsplit(".", 1)[-1].lower() if "." in filename else ""


class AttachmentKind(models.TextChoices):
    IMAGE = "image", _("Photo")
    DOCUMENT = "document", _("Document")
    AUDIO = "audio", _("Voice note")
    VIDEO = "video", _("Video")


class Attachment(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="attachments")
    event = models.ForeignKey(
        ReportEvent, null=True, blank=True, on_delete=models.SET_NULL, related_name="attachments"
    )
    # Indexed: the storage sweep and the mail intake ask "does a row own this file?".
    file = models.FileField(upload_to=attachment_path, db_index=True)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    kind = models.CharField(max_length=16, choices=AttachmentKind.choices)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64, db_index=True)
    # Photos only, never published (lapor.reports.evidence): the perceptual hash and the
    # camera's capture time, read before cleaning stripped the tags.
    phash = models.CharField(max_length=16, blank=True, default="")
    captured_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.original_name


class PendingUpload(models.Model):
    """A checked file waiting for its form to be completed, so a validation error loses nothing.

    Referenced from the re-rendered form by a signed id; swept after a day.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    file = models.FileField(upload_to=attachment_path)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    kind = models.CharField(max_length=16, choices=AttachmentKind.choices)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    phash = models.CharField(max_length=16, blank=True, default="")
    captured_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    # Keyed hashes of who staged it (client address, session), to limit how much a client
    # can keep staged by forms it never completes (lapor.reports.attachments).
    address_hash = models.CharField(max_length=64, blank=True, default="")
    session_hash = models.CharField(max_length=64, blank=True, default="")

    class Meta:
        indexes = [
            models.Index(fields=["address_hash", "created_at"], name="pending_address_idx"),
            models.Index(fields=["session_hash", "created_at"], name="pending_session_idx"),
        ]

    def __str__(self) -> str:
        return self.original_name


class EvidenceFlag(models.Model):
    """A follow-up that is not the proof it claims to be: a photo used before or taken before
    the report (lapor.reports.evidence), or a formulaic answer (lapor.reports.formulaic). Seen
    by the verifier, the agency admin and the supervisor on the case page, counted on the
    scorecard; the reporter who disputes is told of a recycled photo, without where."""

    class Reason(models.TextChoices):
        SAME_CASE = "same_case", _("Same picture as an earlier photo of this case")
        OTHER_CASE = "other_case", _("Same picture as a photo used on another case")
        BEFORE_REPORT = "before_report", _("Taken before the report was filed")
        FORMULAIC = "formulaic", _("Nearly the same answer as many given to other reports")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="evidence_flags")
    event = models.ForeignKey(ReportEvent, on_delete=models.CASCADE, related_name="+")
    # The photo (photo reasons); none for a formulaic answer.
    attachment = models.ForeignKey(
        Attachment, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    reason = models.CharField(max_length=16, choices=Reason.choices)
    # The earlier photo it matches (same_case / other_case) and how close (bits of 64).
    matched = models.ForeignKey(
        Attachment, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    distance = models.PositiveSmallIntegerField(null=True, blank=True)
    # Formulaic: how many earlier answers to other reports say nearly the same.
    similar = models.PositiveSmallIntegerField(null=True, blank=True)
    # An agency admin looked at it (a formulaic answer holds the automatic closure till then).
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.report_id}: {self.reason}"


class ResponseTemplate(models.Model):
    """A reusable follow-up text (lapor.reports.responses): an agency's own, or shared by the
    national admins (``agency`` empty), for a category or any, and a situation. Placeholders in
    braces are filled from the case; the officer edits the result before sending."""

    class Situation(models.TextChoices):
        ACKNOWLEDGE = "acknowledge", _("Acknowledge receipt")
        ASK_DETAILS = "ask_details", _("Ask for details")
        SCHEDULED = "scheduled", _("Work scheduled")
        RESOLVED = "resolved", _("Resolved")
        NOT_AUTHORITY = "not_authority", _("Not our authority")

    agency = models.ForeignKey(
        "agencies.Agency", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    category = models.ForeignKey(
        "agencies.Category", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    situation = models.CharField(max_length=16, choices=Situation.choices)
    title = models.CharField(max_length=120)
    body = models.TextField(max_length=5000)
    is_active = models.BooleanField(default=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["situation", "title", "id"]
        indexes = [models.Index(fields=["agency", "is_active"], name="response_agency_idx")]

    def __str__(self) -> str:
        return self.title


class Complexity(models.TextChoices):
    """Resolution time by the kind of case (Perpres 76/2013; ceiling 60 days)."""

    SIMPLE = "simple", _("Simple complaint or information (5 working days)")
    NO_FIELD_CHECK = "no_field_check", _("Dispute without field check (14 working days)")
    FIELD_INSPECTION = "field_inspection", _("Needs field inspection (60 working days)")


COMPLEXITY_DAYS = {
    Complexity.SIMPLE: 5,
    Complexity.NO_FIELD_CHECK: 14,
    Complexity.FIELD_INSPECTION: 60,
}
RESOLUTION_CEILING_DAYS = 60


class Assignment(models.Model):
    """An agency responsible for (part of) a case. A case may concern several at once."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="assignments")
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="+")
    is_primary = models.BooleanField(default=True)
    active = models.BooleanField(default=True)
    complexity = models.CharField(
        max_length=24, choices=Complexity.choices, default=Complexity.SIMPLE
    )
    # When the file became complete (disposition): the 60-day ceiling counts from here.
    file_complete_at = models.DateTimeField()
    first_followed_up_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["report", "agency"],
                condition=models.Q(active=True),
                name="uniq_active_assignment",
            )
        ]
        indexes = [
            models.Index(fields=["agency", "active"]),
            # A scope's active cases as report ids from the index alone (console queues).
            models.Index(
                fields=["agency", "report"],
                name="assignment_active_report_idx",
                condition=models.Q(active=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.report_id} → {self.agency_id}"


class CaseKey(models.Model):
    """The scope index of the console queues (issue 12): one row per (scope key, report).

    ``key`` is ``a<agency id>`` for the agency of every active assignment and each of its
    ancestors (``capabilities.TREE_DEPTH`` levels up), and ``r<region code>`` for the
    regency and province of a case awaiting verification there — so a staff member's scope
    (``lapor.reports.scope.case_keys``: one ``a`` key per membership agency, one ``r`` key per
    verified region) is a handful of keys, and a queue page is a range of the index
    ``(key, due_sort, created_at, report)`` read in order with a LIMIT: the same cost at
    100,000 and at 10,000,000 reports. Whistleblowing cases past verification carry only the
    handling agency's own key (no ancestors), and ``accused_agency_id`` hides them from the
    accused side (``lapor.reports.whistle``).

    Written only by PostgreSQL triggers on reports, assignments and the agency tree
    (migration ``0016_case_keys``), from ONE SQL view, ``reports_casekey_source``; nothing in
    Python writes it. On SQLite (the embedded demo) the table stays empty and the queues use
    ``scope.case_scope_q`` directly. ``tests/console/test_it_indexes_case_scopes.py`` checks
    that both give the same cases as ``scope.may_access_case``.
    """

    pk = models.CompositePrimaryKey("key", "report")
    key = models.CharField(max_length=24)
    report = models.ForeignKey(
        Report, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    status = models.CharField(max_length=32)
    # due_at, or 9999-12-31 without a running deadline (it sorts last, as in the queues).
    due_sort = models.DateTimeField()
    created_at = models.DateTimeField()
    # A whistleblowing case's accused unit (NULL for every other case).
    accused_agency_id = models.BigIntegerField(null=True)

    class Meta:
        indexes = [
            models.Index(
                # status and accused_agency_id last: the queue filters read from the index.
                fields=["key", "due_sort", "created_at", "report", "status", "accused_agency_id"],
                name="casekey_queue_order_idx",
            ),
            # The exports: a scope's cases received in a date range (scope.IndexedCases).
            models.Index(
                fields=["key", "created_at", "report"],
                include=["status", "accused_agency_id"],
                name="casekey_created_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.key}: {self.report_id}"


class Clock(models.Model):
    """One legal deadline of a case, kept as a stored ``due_at`` (ARCHITECTURE.md §6)."""

    class Kind(models.TextChoices):
        VERIFY = "verify", _("Verification and routing")
        FIRST_FOLLOW_UP = "first_follow_up", _("First follow-up by the agency")
        RESOLUTION = "resolution", _("Resolution")
        REPORTER_REPLY = "reporter_reply", _("Reporter's answer to the follow-up")
        CLARIFICATION = "clarification", _("Reporter's clarification")
        # Information requests (lapor.ppid.clocks, UU 14/2008).
        INFO_ANSWER = "info_answer", _("Written notice by the PPID")
        INFO_IDENTITY = "info_identity", _("Requester's identity")
        INFO_CLARIFICATION = "info_clarification", _("Requester's clarification")
        INFO_OBJECTION_WINDOW = "info_objection_window", _("Time to object")
        INFO_OBJECTION_DECISION = "info_objection_decision", _("Decision on the objection")
        INFO_DISPUTE_WINDOW = "info_dispute_window", _("Time to go to the Information Commission")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="clocks")
    agency = models.ForeignKey(
        "agencies.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(max_length=24, choices=Kind.choices)
    started_at = models.DateTimeField()
    working_days = models.PositiveSmallIntegerField()
    extension_days = models.PositiveSmallIntegerField(default=0)
    # [[pause_start_date, resume_date_or_null], ...] as ISO dates.
    pauses = models.JSONField(default=list, blank=True)
    # Local holidays of the case's place count; "" means national days only.
    region_code = models.CharField(max_length=5, blank=True)
    due_at = models.DateTimeField(null=True, blank=True)
    stopped_at = models.DateTimeField(null=True, blank=True)
    stop_reason = models.CharField(max_length=40, blank=True)
    escalation_level = models.PositiveSmallIntegerField(default=0)

    class Meta:
        indexes = [
            models.Index(
                fields=["due_at"],
                name="clock_running_due_idx",
                condition=models.Q(stopped_at__isnull=True, due_at__isnull=False),
            ),
            models.Index(fields=["report", "kind"]),
        ]

    def __str__(self) -> str:
        return f"{self.kind} of {self.report_id} due {self.due_at}"

    @property
    def running(self) -> bool:
        return self.stopped_at is None
