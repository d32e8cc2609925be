"""Partner applications, their API keys and the services' extra questions in the Django admin.

A key is issued by adding an "API key" row: the raw key is shown once, in the success message,
and only its hash is kept.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lapor.open311.models import (
    DEFAULT_RATE_LIMIT,
    ApiKey,
    PartnerApp,
    Scope,
    ServiceAttribute,
    default_scopes,
)


class ApiKeyForm(forms.ModelForm):
    scopes = forms.MultipleChoiceField(
        label=_("scopes"),
        choices=Scope.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = ApiKey
        fields = ["partner", "label", "scopes", "rate_limit_per_minute", "user", "revoked_at"]

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["rate_limit_per_minute"].required = False

    def clean_scopes(self) -> list[str]:
        scopes = list(self.cleaned_data.get("scopes") or [])
        # A new key issued without choosing is an Open311 key, as every key was before scopes.
        return scopes or (default_scopes() if self.instance.pk is None else [])

    def clean_rate_limit_per_minute(self) -> int:
        return self.cleaned_data.get("rate_limit_per_minute") or DEFAULT_RATE_LIMIT


class ApiKeyInline(admin.TabularInline):
    model = ApiKey
    extra = 0
    can_delete = False
    fields = ["prefix", "label", "scopes", "created_at", "last_used_at", "revoked_at"]
    readonly_fields = ["prefix", "label", "scopes", "created_at", "last_used_at", "revoked_at"]

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        # Keys are issued from the API key page, which shows the new key once.
        return False


@admin.register(PartnerApp)
class PartnerAppAdmin(admin.ModelAdmin):
    list_display = ["name", "contact_email", "is_active", "created_at"]
    list_filter = ["is_active"]
    search_fields = ["name", "contact_email"]
    inlines = [ApiKeyInline]


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin):
    form = ApiKeyForm
    list_display = [
        "prefix",
        "partner",
        "label",
        "scopes",
        "user",
        "created_at",
        "last_used_at",
        "revoked_at",
    ]
    list_filter = ["partner"]
    fields = [
        "partner",
        "label",
        "scopes",
        "rate_limit_per_minute",
        "user",
        "prefix",
        "created_at",
        "last_used_at",
        "revoked_at",
    ]
    readonly_fields = ["prefix", "created_at", "last_used_at"]
    raw_id_fields = ["user"]
    actions = ["revoke"]

    def save_model(self, request, obj, form, change):  # type: ignore[no-untyped-def]
        if not change:
            raw = obj.set_new_key()
            super().save_model(request, obj, form, change)
            messages.warning(
                request,
                _(
                    "The new API key is %(key)s — copy it now: it is not stored and will not be "
                    "shown again."
                )
                % {"key": raw},
            )
            return
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Revoke the selected keys"))
    def revoke(self, request, queryset):  # type: ignore[no-untyped-def]
        n = queryset.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
        messages.success(request, _("%(n)d key(s) revoked.") % {"n": n})


@admin.register(ServiceAttribute)
class ServiceAttributeAdmin(admin.ModelAdmin):
    list_display = ["category", "code", "datatype", "required", "order", "variable"]
    list_filter = ["datatype", "required"]
    search_fields = ["code", "description", "category__name", "category__code"]
    raw_id_fields = ["category"]
