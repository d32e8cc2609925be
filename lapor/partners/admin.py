"""Admin of partner integrations: set one up for a partner app (the signing secret is shown
once, in the message bar), change its agency or webhook URL, rotate the secret."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lapor.partners import actions
from lapor.partners.models import Integration


class IntegrationForm(forms.ModelForm):
    webhook_url = forms.URLField(
        label=gettext_lazy("webhook URL"), max_length=500, required=False, assume_scheme="https"
    )

    class Meta:
        model = Integration
        fields = ["partner", "agency", "webhook_url"]


@admin.register(Integration)
class IntegrationAdmin(admin.ModelAdmin):
    form = IntegrationForm
    list_display = ["partner", "agency", "webhook_url", "secret_rotated_at", "created_at"]
    search_fields = ["partner__name", "agency__name"]
    raw_id_fields = ["agency"]
    actions = ["rotate_secret"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return ["partner"] if obj is not None else []

    def save_model(self, request: HttpRequest, obj: Integration, form: Any, change: bool) -> None:
        if change:
            actions.integration_update(
                integration=obj, agency=obj.agency, webhook_url=obj.webhook_url
            )
            return
        integration, secret = actions.integration_create(
            partner=obj.partner, agency=obj.agency, webhook_url=obj.webhook_url
        )
        obj.pk = integration.pk
        messages.warning(
            request,
            _("Signing secret (shown only now; give it to the partner): %(secret)s")
            % {"secret": secret},
        )

    @admin.action(description=gettext_lazy("Rotate the signing secret"))
    def rotate_secret(self, request: HttpRequest, queryset: QuerySet[Integration]) -> None:
        for integration in queryset:
            secret = actions.integration_rotate_secret(integration=integration)
            messages.warning(
                request,
                _(
                    "New signing secret of %(partner)s (shown only now; the old one keeps "
                    "signing for 24 hours): %(secret)s"
                )
                % {"partner": integration.partner, "secret": secret},
            )
