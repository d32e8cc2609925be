"""Reads on reports, with their related rows loaded up front."""

from __future__ import annotations

from django.db.models import QuerySet

from lapor.accounts.models import User
from lapor.reports.models import Report


def reports_of_user(user: User) -> QuerySet[Report]:
    return (
        Report.objects.filter(reporter_user=user)
        .select_related("region", "category", "agency")
        .order_by("-created_at")
    )
