"""Information requests (UU 14/2008 on public information disclosure, Perki 1/2021).

An information request is a ``Report`` of kind ``information_request``: it has the same
tracking ID, PIN, events (timeline and audit), clocks, attachments and channels as a
complaint, and moves through its own statuses (``lifecycle.INFO_TRANSITIONS``). What only
requests have lives here:

- ``RequesterIdentity``: the identity the law requires (NIK or an entity's registration,
  name, address, occupation, contact). Kept apart like a reporter's identity, with no reverse
  accessor and no admin page; read only through ``lapor.ppid.access.requester_identity``,
  which logs every call. Never published, never exported.
- ``InformationRequest``: what is asked, why, and how the requester wants to receive it, with
  its registration number.
- ``Notice``: the PPID's written notice (*pemberitahuan tertulis*).
- ``Objection``: an objection (*keberatan*) and the Atasan PPID's written decision.
- ``Dispute``: the record of a dispute at the Information Commission (which is outside the
  system).
- ``InformationEntry``: the agency's list of public information (*Daftar Informasi Publik*)
  and of exempted information, including information released in answer to a request.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class RequesterKind(models.TextChoices):
    PERSON = "person", _("A person")
    LEGAL_ENTITY = "legal_entity", _("A legal entity (organisation, company, foundation)")


class Obtain(models.TextChoices):
    """How the requester wants to obtain the information (Perki 1/2021 form)."""

    SEE = "see", _("See, read, listen to or take notes")
    SOFTCOPY = "softcopy", _("A copy in electronic form (softcopy)")
    HARDCOPY = "hardcopy", _("A printed copy (hardcopy)")


class Delivery(models.TextChoices):
    """How the requester receives the copy."""

    COLLECT = "collect", _("Collect it in person")
    POST = "post", _("By post or courier")
    EMAIL = "email", _("By e-mail")
    SMS_LINK = "sms_link", _("A download link by SMS")


# UU 14/2008 Pasal 17: the grounds on which information may be exempted.
class ExemptionGround(models.TextChoices):
    LAW_ENFORCEMENT = "a", _("(a) would obstruct law enforcement")
    INTELLECTUAL_PROPERTY = (
        "b",
        _("(b) would harm intellectual property or fair business competition"),
    )
    DEFENCE = "c", _("(c) would endanger national defence and security")
    NATURAL_RESOURCES = "d", _("(d) would reveal Indonesia's natural wealth")
    ECONOMY = "e", _("(e) would harm national economic resilience")
    FOREIGN_RELATIONS = "f", _("(f) would harm foreign relations")
    PRIVATE_DEEDS = "g", _("(g) would reveal private authentic deeds or a last will")
    PRIVACY = "h", _("(h) would reveal personal secrets")
    INTERNAL_MEMO = "i", _("(i) internal memoranda or letters that are confidential by nature")
    OTHER_LAW = "j", _("(j) may not be disclosed under another law")


class Sequence(models.Model):
    """Yearly counters of registration and letter numbers (one row per name and year)."""

    name = models.CharField(max_length=24)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["name", "year"], name="ppid_sequence_unique")
        ]

    def __str__(self) -> str:
        return f"{self.name} {self.year}: {self.last}"


class RequesterIdentity(models.Model):
    """Who asks. Read only via ``lapor.ppid.access.requester_identity`` (each read is logged)."""

    report = models.OneToOneField("reports.Report", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=16, choices=RequesterKind.choices)
    # NIK (16 digits) of a person, or the registration of a legal entity (deed or decree).
    id_number = models.CharField(max_length=64)
    # The person's name, or the entity's name.
    full_name = models.CharField(max_length=150)
    # For a legal entity: the person acting for it.
    representative = models.CharField(max_length=150, blank=True)
    address = models.CharField(max_length=255)
    occupation = models.CharField(max_length=120)
    phone = models.CharField(max_length=20, blank=True)
    email = models.EmailField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("requester identity")
        verbose_name_plural = _("requester identities")

    def __str__(self) -> str:
        return f"requester of report {self.report_id}"

    @property
    def complete(self) -> bool:
        return bool(
            self.id_number
            and self.full_name
            and self.address
            and self.occupation
            and (self.phone or self.email)
        )


class InformationRequest(models.Model):
    """What is asked: the report's title and text say what information; this says why and how."""

    report = models.OneToOneField(
        "reports.Report", on_delete=models.CASCADE, related_name="information_request"
    )
    # Given when the request is complete (identity included): e.g. "000123/PPID/2026".
    registration_number = models.CharField(max_length=32, unique=True, null=True, blank=True)
    purpose = models.TextField()
    obtain = models.CharField(max_length=16, choices=Obtain.choices, default=Obtain.SOFTCOPY)
    delivery = models.CharField(max_length=16, choices=Delivery.choices, default=Delivery.EMAIL)
    registered_at = models.DateTimeField(null=True, blank=True)
    first_notice_at = models.DateTimeField(null=True, blank=True)
    # Working days from registration to the first notice (pauses for clarification excluded).
    answer_working_days = models.PositiveSmallIntegerField(null=True, blank=True)
    # Set by the sweep when the answer clock ran out before a notice: the "late" ground of
    # objection opened by itself.
    late_opened_at = models.DateTimeField(null=True, blank=True)
    extended = models.BooleanField(default=False)
    forwarded = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("information request")
        verbose_name_plural = _("information requests")

    def __str__(self) -> str:
        return self.registration_number or f"request {self.report_id}"


class Decision(models.TextChoices):
    """The PPID's written notice (Pasal 22(7) UU 14/2008; Perki 1/2021)."""

    GRANTED = "granted", _("Granted in full")
    PARTIAL = "partial", _("Granted in part")
    REFUSED = "refused", _("Refused: exempted information")
    NOT_HELD = "not_held", _("Not held by this agency")
    NOT_DOCUMENTED = "not_documented", _("Not yet documented")


GRANTING = frozenset({Decision.GRANTED, Decision.PARTIAL})
NEEDS_EXEMPTION = frozenset({Decision.PARTIAL, Decision.REFUSED})


class Notice(models.Model):
    report = models.ForeignKey(
        "reports.Report", on_delete=models.CASCADE, related_name="ppid_notices"
    )
    event = models.OneToOneField(
        "reports.ReportEvent", on_delete=models.PROTECT, related_name="ppid_notice"
    )
    number = models.CharField(max_length=32, unique=True)
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="+")
    decision = models.CharField(max_length=16, choices=Decision.choices)
    # What is given, or why not, in the PPID's words (the body of the letter).
    explanation = models.TextField()
    form = models.CharField(max_length=16, choices=Obtain.choices, blank=True)
    delivery = models.CharField(max_length=16, choices=Delivery.choices, blank=True)
    collect_place = models.CharField(max_length=255, blank=True)
    collect_time = models.CharField(max_length=255, blank=True)
    # Copying and postage cost in rupiah (0: free) and how it was reckoned.
    cost = models.PositiveIntegerField(default=0)
    cost_detail = models.CharField(max_length=255, blank=True)
    # Refusal (in full or in part): the Pasal 17 ground, the other law for (j), and the
    # consequence test (uji konsekuensi, Pasal 19) that justifies it; what was withheld.
    exemption_ground = models.CharField(max_length=1, choices=ExemptionGround.choices, blank=True)
    exemption_law = models.CharField(max_length=255, blank=True)
    consequence_test = models.TextField(blank=True)
    withheld = models.TextField(blank=True)
    # Not held: the agency that holds it (forwarded there) or its name when not in the
    # directory.
    holder_agency = models.ForeignKey(
        "agencies.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    holder_name = models.CharField(max_length=255, blank=True)
    # Not yet documented: when it will be.
    documented_by = models.DateField(null=True, blank=True)
    late = models.BooleanField(default=False)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    issued_at = models.DateTimeField()

    class Meta:
        ordering = ["issued_at", "id"]

    def __str__(self) -> str:
        return self.number


class ObjectionGround(models.TextChoices):
    """UU 14/2008 Pasal 35(1)."""

    REFUSED = "a", _("The request was refused on an exemption ground (Article 17)")
    PERIODIC_NOT_PROVIDED = "b", _("Periodic information was not provided (Article 9)")
    NOT_ANSWERED = "c", _("The request was not answered")
    NOT_AS_ASKED = "d", _("The request was answered not as asked")
    NOT_FULFILLED = "e", _("The request was not fulfilled")
    UNREASONABLE_FEE = "f", _("An unreasonable fee was charged")
    LATE = "g", _("The information was provided later than the law allows")


class Outcome(models.TextChoices):
    """The Atasan PPID's decision on an objection."""

    ACCEPTED = "accepted", _("Objection accepted: the PPID must provide the information")
    PARTLY_ACCEPTED = "partly_accepted", _("Objection accepted in part")
    REJECTED = "rejected", _("Objection rejected: the PPID's answer stands")


class Objection(models.Model):
    report = models.ForeignKey(
        "reports.Report", on_delete=models.CASCADE, related_name="ppid_objections"
    )
    number = models.CharField(max_length=32, unique=True)
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="+")
    grounds = models.JSONField(default=list)
    reason = models.TextField()
    filed_at = models.DateTimeField()
    channel = models.CharField(max_length=16, blank=True)
    outcome = models.CharField(max_length=16, choices=Outcome.choices, blank=True)
    decision_number = models.CharField(max_length=32, unique=True, null=True, blank=True)
    # The written decision: considerations, and what the PPID must do (and by when).
    considerations = models.TextField(blank=True)
    order = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    late = models.BooleanField(default=False)

    class Meta:
        ordering = ["filed_at", "id"]

    def __str__(self) -> str:
        return self.number

    @property
    def decided(self) -> bool:
        return bool(self.outcome)


class DisputeOutcome(models.TextChoices):
    MEDIATED = "mediated", _("Settled by mediation")
    GRANTED = "granted", _("Commission decided for the requester")
    PARTLY_GRANTED = "partly_granted", _("Commission decided partly for the requester")
    REJECTED = "rejected", _("Commission decided for the agency")
    WITHDRAWN = "withdrawn", _("Withdrawn by the requester")
    INADMISSIBLE = "inadmissible", _("Not admissible")


class Dispute(models.Model):
    """A dispute at the Information Commission, as recorded here (the Commission itself is
    outside the system): when it was filed, with which Commission, its register number, and
    its outcome."""

    report = models.ForeignKey(
        "reports.Report", on_delete=models.CASCADE, related_name="ppid_disputes"
    )
    objection = models.ForeignKey(
        Objection, null=True, blank=True, on_delete=models.SET_NULL, related_name="disputes"
    )
    filed_on = models.DateField()
    commission = models.CharField(max_length=200)
    register_number = models.CharField(max_length=100, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField()
    outcome = models.CharField(max_length=16, choices=DisputeOutcome.choices, blank=True)
    outcome_on = models.DateField(null=True, blank=True)
    outcome_note = models.TextField(blank=True)

    class Meta:
        ordering = ["recorded_at", "id"]

    def __str__(self) -> str:
        return f"dispute {self.pk} on {self.report_id}"


class EntryCategory(models.TextChoices):
    """Daftar Informasi Publik (UU 14/2008 Pasal 9–11) and the exempted list (Pasal 17)."""

    PERIODIC = "periodic", _("Published periodically")
    IMMEDIATE = "immediate", _("Published immediately")
    ANY_TIME = "any_time", _("Available at any time")
    EXEMPTED = "exempted", _("Exempted information")


class InformationEntry(models.Model):
    """One line of an agency's list of public information, or of its exempted information.

    Released information (``source_request``) is published from a granted notice so the next
    person finds it before asking; it carries the released files, never the requester.
    """

    agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.PROTECT, related_name="information_entries"
    )
    category = models.CharField(max_length=16, choices=EntryCategory.choices)
    title = models.CharField(max_length=255)
    summary = models.TextField()
    # The official or unit that holds the information, and who answers for it.
    holder = models.CharField(max_length=255, blank=True)
    responsible = models.CharField(max_length=255, blank=True)
    # When (or how often) it is made, its form and how long it is kept.
    period = models.CharField(max_length=120, blank=True)
    form = models.CharField(max_length=120, blank=True)
    retention = models.CharField(max_length=120, blank=True)
    link = models.URLField(blank=True)
    # Exempted information: the ground, the law, the consequence test summary, until when.
    exemption_ground = models.CharField(max_length=1, choices=ExemptionGround.choices, blank=True)
    exemption_law = models.CharField(max_length=255, blank=True)
    consequence_test = models.TextField(blank=True)
    exempt_until = models.CharField(max_length=120, blank=True)
    source_request = models.ForeignKey(
        "reports.Report",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    files = models.ManyToManyField("reports.Attachment", blank=True, related_name="+")
    is_published = models.BooleanField(default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["category", "title", "id"]
        indexes = [models.Index(fields=["agency", "category"])]
        verbose_name = _("public information entry")
        verbose_name_plural = _("public information entries")

    def __str__(self) -> str:
        return self.title
