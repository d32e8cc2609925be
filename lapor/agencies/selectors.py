"""Reads about staff and their agencies."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser

from lapor.accounts.models import User
from lapor.agencies.models import Membership


def is_national_admin(user: User | AnonymousUser | None) -> bool:
    if user is None or not user.is_authenticated:
        return False
    return Membership.objects.filter(
        user=user, role=Membership.Role.NATIONAL_ADMIN, is_active=True
    ).exists()


def staff_agency_ids(user: User | AnonymousUser | None) -> set[int]:
    """The agencies a staff member belongs to (any role)."""
    if user is None or not user.is_authenticated:
        return set()
    return set(
        Membership.objects.filter(user=user, is_active=True).values_list("agency_id", flat=True)
    )


NATIONAL_KINDS = (
    "ministry",
    "non_ministerial",
    "state_institution",
    "state_enterprise",
)


def agency_choices(
    province_code: str = "", regency_code: str = "", district_code: str = ""
) -> list[tuple[str, list[tuple[str, str]]]]:
    """Agencies a reporter may address, grouped: national, then those of the picked region.

    The full directory has thousands of units; offering only the ones that can be competent
    for the picked place keeps the page small and the choice meaningful.
    """
    from django.utils.translation import gettext as _

    from lapor.agencies.models import Agency

    base = Agency.objects.filter(is_active=True, accepts_reports=True).order_by("name")
    groups: list[tuple[str, list[tuple[str, str]]]] = []
    local_codes = [c for c in (province_code, regency_code, district_code) if c]
    if local_codes:
        local = list(base.filter(region_id__in=local_codes).values_list("pk", "name"))
        if local:
            groups.append((_("Agencies in the chosen area"), [(str(p), n) for p, n in local]))
    national = base.filter(kind__in=NATIONAL_KINDS).values_list("pk", "name")
    groups.append((_("National agencies"), [(str(p), n) for p, n in national]))
    return groups


def category_choices(language: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """Categories grouped by top-level topic, in the viewer's language."""
    from lapor.agencies.models import Category

    rows = list(
        Category.objects.filter(is_active=True).values_list(
            "pk", "parent_id", "name", "name_en", "sort_order"
        )
    )

    from lapor.agencies.names import category_name

    def label(name: str, name_en: str) -> str:
        return category_name(name_en if language == "en" and name_en else name)

    tops = sorted((r for r in rows if r[1] is None), key=lambda r: (r[4], r[2]))
    subs: dict[int, list[tuple[str, str]]] = {}
    for pk, parent, name, name_en, _order in sorted(rows, key=lambda r: (r[4], r[2])):
        if parent is not None:
            subs.setdefault(parent, []).append((str(pk), label(name, name_en)))
    groups = []
    for pk, _parent, name, name_en, _order in tops:
        top_label = label(name, name_en)
        options = [(str(pk), top_label)] + [(v, f"{top_label} › {s}") for v, s in subs.get(pk, [])]
        groups.append((top_label, options))
    return groups
