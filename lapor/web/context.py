from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.template.defaultfilters import filesizeformat
from django.urls import translate_url

from lapor.agencies.capabilities import is_staff_member


def site(request: HttpRequest) -> dict[str, Any]:
    return {
        "SITE_NAME": settings.SITE_NAME,
        # The easy-read version (lapor.web.views.easy_read), remembered in a cookie.
        "EASY_READ": request.COOKIES.get("lapor_mudah") == "1",
        "IS_STAFF_MEMBER": is_staff_member(request.user) if hasattr(request, "user") else False,
        # A plain link per language (no JS, no form): the same page in the other language.
        "LANGUAGE_LINKS": [
            (code, label, translate_url(request.get_full_path(), code))
            for code, label in (("id", "Bahasa Indonesia"), ("en", "English"))
        ],
        # Maps are progressive enhancement: off (empty URL) means no map markup at all.
        "MAP": {
            "tile_url": settings.MAP_TILE_URL,
            "attribution": settings.MAP_TILE_ATTRIBUTION,
            "max_zoom": settings.MAP_TILE_MAX_ZOOM,
        },
        "ATTACH": {
            "max_files": settings.ATTACHMENT_MAX_FILES,
            "max_file": filesizeformat(settings.ATTACHMENT_MAX_FILE_BYTES),
            "max_total": filesizeformat(settings.ATTACHMENT_MAX_TOTAL_BYTES),
        },
    }
