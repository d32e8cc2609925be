"""Response templates: the follow-up texts an agency writes once and fills per case.

An agency admin keeps the agency's own templates; national admins curate shared ones (no
agency). Each is for a situation (acknowledge, ask for details, work scheduled, resolved, not
our authority) and a category or any. The officer picks one on the case page: its placeholders
are filled from the case and the text lands in the follow-up form, where the officer edits it
before sending — a template is a start, not an answer (formulaic answers are flagged:
``lapor.reports.formulaic``).
"""

from __future__ import annotations

import string

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lapor.accounts.models import User
from lapor.agencies.capabilities import Capability, ancestor_ids, user_can
from lapor.agencies.models import Agency, Category
from lapor.core.errors import DomainError
from lapor.core.timezones import zone_for_region
from lapor.regions.selectors import place_label
from lapor.reports.models import Report, ResponseTemplate

# The placeholders, in Indonesian like the rest of the officers' words, and what fills them.
PLACEHOLDERS = {
    "nomor": gettext_lazy("the tracking number"),
    "judul": gettext_lazy("the published title"),
    "tanggal_laporan": gettext_lazy("the date the report was received"),
    "tempat": gettext_lazy("the place"),
    "kategori": gettext_lazy("the category"),
    "instansi": gettext_lazy("your agency's name"),
    "batas_waktu": gettext_lazy("the next deadline"),
}


class _Keep(dict):  # type: ignore[type-arg]
    """Unknown placeholders stay as typed, for the officer to see and fix."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(template: ResponseTemplate, report: Report, agency: Agency | None) -> str:
    values = _Keep(
        nomor=report.tracking_id,
        judul=report.title_published,
        tanggal_laporan=formats.date_format(timezone.localtime(report.created_at), "j F Y"),
        tempat=place_label(report.region_id),
        kategori=str(report.category.name if report.category else ""),
        instansi=agency.name if agency else "",
        batas_waktu=(
            formats.date_format(
                timezone.localtime(report.due_at, zone_for_region(report.regency_code)), "j F Y"
            )
            if report.due_at
            else ""
        ),
    )
    return string.Formatter().vformat(template.body, (), values)


def check_placeholders(body: str) -> None:
    """Refuse a template whose braces do not parse or name an unknown placeholder."""
    try:
        names = [field for _text, field, _spec, _conv in string.Formatter().parse(body) if field]
    except ValueError:
        raise DomainError(
            _("A brace is not closed. Placeholders look like {nomor}."), code="placeholder"
        ) from None
    unknown = sorted({n for n in names if n not in PLACEHOLDERS})
    if unknown:
        raise DomainError(
            _("Unknown placeholder: %(names)s. Use one of: %(known)s.")
            % {
                "names": ", ".join("{" + n + "}" for n in unknown),
                "known": ", ".join("{" + n + "}" for n in PLACEHOLDERS),
            },
            code="placeholder",
        )


def usable(report: Report, agency_ids: list[int]) -> QuerySet[ResponseTemplate]:
    """Templates an officer of ``agency_ids`` may use on ``report``: the agencies' own and their
    governments' (ancestors'), and the shared ones; for the report's category (or its parent)
    or any category."""
    owners: set[int] = set()
    for agency_id in agency_ids:
        owners.update(ancestor_ids(agency_id))
    categories: list[int | None] = [None]
    if report.category_id:
        categories = [report.category_id, report.category.parent_id] if report.category else []
    by_category = Q(category__isnull=True) | Q(category_id__in=[c for c in categories if c])
    return (
        ResponseTemplate.objects.filter(is_active=True)
        .filter(Q(agency__isnull=True) | Q(agency_id__in=owners))
        .filter(by_category)
        .select_related("agency", "category")
    )


def may_manage(user: User, agency: Agency | None) -> bool:
    """Agency admins manage their agencies' templates; national admins the shared ones too."""
    return user_can(user, Capability.VERIFY, agency) if agency else _national(user)


def _national(user: User) -> bool:
    from lapor.agencies.selectors import is_national_admin

    return is_national_admin(user)


def manageable(user: User) -> QuerySet[ResponseTemplate]:
    from lapor.agencies.capabilities import scope_agency_ids

    scope = scope_agency_ids(user, Capability.VERIFY)
    if scope is None:
        return ResponseTemplate.objects.select_related("agency", "category")
    return ResponseTemplate.objects.filter(agency_id__in=scope).select_related("agency", "category")


@transaction.atomic
def template_save(
    *,
    actor: User,
    agency: Agency | None,
    category: Category | None,
    situation: str,
    title: str,
    body: str,
    template: ResponseTemplate | None = None,
) -> ResponseTemplate:
    if not may_manage(actor, agency) or (
        template is not None and not may_manage(actor, template.agency)
    ):
        raise DomainError(_("You may not manage these templates."), code="forbidden")
    check_placeholders(body)
    template = template or ResponseTemplate()
    template.agency = agency
    template.category = category
    template.situation = ResponseTemplate.Situation(situation)
    template.title = title.strip()
    template.body = body.strip()
    template.updated_by = actor
    template.is_active = True
    template.save()
    return template


@transaction.atomic
def template_retire(*, actor: User, template: ResponseTemplate) -> None:
    if not may_manage(actor, template.agency):
        raise DomainError(_("You may not manage these templates."), code="forbidden")
    template.is_active = False
    template.updated_by = actor
    template.save(update_fields=["is_active", "updated_by", "updated_at"])
