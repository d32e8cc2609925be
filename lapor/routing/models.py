"""Routing models. The classifier's (TrainingLabel, ClassifierVersion) and, as requested in
``models_requested.txt``, the jurisdiction resolver's, auto-dispose's and merge's."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TrainingLabel(models.Model):
    """An admin's routing decision, kept as a label for the next training of the classifier:
    every head it informs learns from it (the category, the kind of unit and level of the
    agency chosen, the report kind)."""

    class Source(models.TextChoices):
        REROUTED = "rerouted", _("Re-routed")
        NOT_AUTHORITY = "not_authority", _("Not our authority (Bukan Wewenang)")
        CATEGORY_CHANGED = "category_changed", _("Category changed")
        DISPOSED = "disposed", _("Dispositioned")
        CONVERTED = "converted", _("Converted (complaint / information request)")

    report = models.ForeignKey(
        "reports.Report", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The text as the classifier saw it (the original report text), kept even if the report goes.
    text = models.TextField()
    category = models.ForeignKey(
        "agencies.Category", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    agency = models.ForeignKey(
        "agencies.Agency", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    level = models.CharField(max_length=24, blank=True)
    # complaint / aspiration / information_request as the admin left it; blank = not said.
    report_kind = models.CharField(max_length=24, blank=True)
    source = models.CharField(max_length=24, choices=Source.choices)
    # For a first disposition: where the agency's kind of unit stood in the model's suggestions
    # when the admin decided (1 = the first suggestion; null = not among the top 3) and which
    # model made them. The routing page's live accuracy is counted from these.
    suggested_rank = models.PositiveSmallIntegerField(null=True, blank=True)
    model_version = models.CharField(max_length=40, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.source}: {self.category_id}"


class ClassifierVersion(models.Model):
    """A trained model file in ``lapor/routing/models_store`` and its held-out metrics."""

    version = models.CharField(max_length=40, unique=True)
    path = models.CharField(max_length=300)
    metrics = models.JSONField(default=dict)
    n_seed = models.PositiveIntegerField(default=0)
    n_labels = models.PositiveIntegerField(default=0)
    is_active = models.BooleanField(default=False)
    # Kept aside: trained by the scheduled retrain but not better than the running model on
    # the most recent decisions it had not seen (``metrics["promotion"]`` says by how much).
    rejected = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    activated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_active"], condition=models.Q(is_active=True), name="one_active_model"
            )
        ]

    def __str__(self) -> str:
        return self.version


class RoutingRule(models.Model):
    """One row of the admin-editable jurisdiction table: category x asset owner -> unit."""

    class Level(models.TextChoices):
        NATIONAL = "national", _("National agency (or its vertical office)")
        PROVINCE = "province", _("Province unit")
        REGENCY = "regency", _("Regency/city unit")
        DISTRICT = "district", _("District (kecamatan) office")

    # Null = any category (a fallback rule). A rule on a top-level category also
    # applies to its sub-categories; the most specific category wins.
    category = models.ForeignKey(
        "agencies.Category", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # ... or: any category whose handling unit type is this one (e.g. every dinas-pupr topic).
    applies_to_unit_type = models.ForeignKey(
        "agencies.UnitType", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # Regional exception: only for reports in this province ("31" = DKI); blank = everywhere.
    province_code = models.CharField(max_length=2, blank=True)
    # Short slug of who owns the asset, e.g. "jalan-nasional", "sma-smk", "rsud-provinsi".
    asset_owner = models.SlugField(max_length=40, blank=True)
    # Comma-separated phrases that, found in the report text, select this rule.
    keywords = models.TextField(blank=True)
    # Used when no rule's keywords match the text.
    is_default = models.BooleanField(default=False)
    level = models.CharField(max_length=16, choices=Level.choices)
    unit_type = models.ForeignKey(
        "agencies.UnitType", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    agency = models.ForeignKey(
        "agencies.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    priority = models.IntegerField(default=100)  # lower first
    note = models.CharField(max_length=200, blank=True)  # Indonesian, shown in explanation
    note_en = models.CharField(max_length=200, blank=True)  # English
    is_active = models.BooleanField(default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["priority", "id"]
        indexes = [models.Index(fields=["category", "is_active"])]

    def __str__(self) -> str:
        return (
            f"{self.category_id}/{self.asset_owner or '*'} -> {self.unit_type_id or self.agency_id}"
        )


class AgencyRoutingSettings(models.Model):
    agency = models.OneToOneField(
        "agencies.Agency", on_delete=models.CASCADE, related_name="routing_settings"
    )
    # 0..1; None = auto-dispose off (the default).
    auto_dispose_threshold = models.FloatField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self) -> str:
        return f"{self.agency_id}: {self.auto_dispose_threshold}"


class ReportMerge(models.Model):
    """A duplicate merged into a main case; the main case and its merges form the cluster."""

    report = models.OneToOneField("reports.Report", on_delete=models.CASCADE, related_name="merge")
    main = models.ForeignKey(
        "reports.Report", on_delete=models.CASCADE, related_name="merged_reports"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)
    # Set when the main case's outcome was sent to this report's reporter (idempotence).
    outcome_notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["main"])]

    def __str__(self) -> str:
        return f"{self.report_id} -> {self.main_id}"
