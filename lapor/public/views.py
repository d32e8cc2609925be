"""Public pages: the feed with search, a report's public page, support and follow.

Interface only: reads come from ``lapor.public.selectors`` (built on ``public_reports()``),
writes from ``lapor.public.actions``. Every page works without JavaScript.
"""

from __future__ import annotations

import uuid
from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lapor.core.errors import DomainError
from lapor.core.files import attachment_response
from lapor.public import actions, selectors
from lapor.public import map as public_map
from lapor.public.forms import FeedForm, FollowForm
from lapor.reports.location import public_address
from lapor.reports.scrub import scrub

VOTER_COOKIE = "lapor_voter"
VOTER_SALT = "lapor.public.voter"
VOTER_MAX_AGE = 365 * 24 * 60 * 60


def _client_ip(request: HttpRequest) -> str:
    # Behind a reverse proxy, the proxy must set REMOTE_ADDR (e.g. gunicorn's
    # --forwarded-allow-ips); a client-supplied X-Forwarded-For would let anyone pick an address.
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _browser_id(request: HttpRequest) -> str:
    value = request.get_signed_cookie(VOTER_COOKIE, default="", salt=VOTER_SALT)
    return value if value and len(value) == 32 else ""


def _voter(request: HttpRequest, browser_id: str) -> str:
    if request.user.is_authenticated:
        return f"user:{request.user.pk}"
    return f"browser:{browser_id}"


def _page_number(request: HttpRequest) -> int:
    try:
        return max(1, int(request.GET.get("halaman", "1")))
    except ValueError:
        return 1


@require_GET
def feed(request: HttpRequest) -> HttpResponse:
    language = get_language() or "id"
    form = FeedForm(request.GET or None, language)
    filters = form.filters(_page_number(request))
    page = selectors.feed_page(filters)
    params = {k: v for k, v in request.GET.items() if k != "halaman" and v}

    def page_url(n: int) -> str:
        return "?" + urlencode({**params, "halaman": n})

    return render(
        request,
        "public/feed.html",
        {
            "form": form,
            "page": page,
            "filters": filters,
            "searching": bool(filters.q),
            "filtered": bool(params),
            "keep": [(k, v) for k, v in params.items() if k != "q"],
            "previous_url": page_url(page.page - 1) if page.has_previous else "",
            "next_url": page_url(page.page + 1) if page.has_next else "",
        },
    )


MAP_FILTERS = frozenset(
    {"province", "regency", "district", "agency", "category", "kind", "status"}
    | {"date_from", "date_to"}
)


def _map_query(request: HttpRequest):  # type: ignore[no-untyped-def]
    language = get_language() or "id"
    data = {k: v for k, v in request.GET.items() if k in MAP_FILTERS and v}
    form = FeedForm(data or None, language)
    filters = form.filters(1)
    box = public_map.parse_box(request.GET.get("bbox", ""))
    limit = public_map.parse_limit(request.GET.get("limit", ""))
    return form, data, public_map.map_points(filters, box, limit)


@require_GET
def map_page(request: HttpRequest) -> HttpResponse:
    """The public map and, beside it, the list of the same reports: the list is the page (it
    works without JavaScript and with a screen reader); the map is drawn over it by
    static/js/public-map.js from the same selector's JSON."""
    form, data, result = _map_query(request)
    return render(
        request,
        "public/map.html",
        {
            "form": form,
            "result": result,
            "filtered": bool(data),
            "query": urlencode(data),
            "bbox": ",".join(str(v) for v in result.box.as_list()),
        },
    )


@require_GET
def map_points(request: HttpRequest) -> JsonResponse:
    """The map's points as JSON: ``bbox=west,south,east,north`` and ``limit`` (at most
    ``public_map.MAX_LIMIT``), plus the feed's filters."""
    _form, _data, result = _map_query(request)
    response = JsonResponse(
        {
            "bbox": result.box.as_list(),
            "limit": result.limit,
            "truncated": result.truncated,
            "points": [
                {
                    "id": p.tracking_id,
                    "lat": p.lat,
                    "lon": p.lon,
                    "coarse": p.coarse,
                    "title": p.title,
                    "place": p.place,
                    "status": p.status,
                    "status_code": p.status_code,
                    "url": reverse("public:report", kwargs={"tracking_id": p.tracking_id}),
                }
                for p in result.points
            ],
        }
    )
    response["Cache-Control"] = "public, max-age=60"
    return response


def _report_or_404(tracking_id: str):  # type: ignore[no-untyped-def]
    if not tracking_id.isdigit() or len(tracking_id) > 12:
        raise Http404
    report = selectors.public_report(tracking_id)
    if report is None:
        raise Http404
    return report


@require_GET
def report(request: HttpRequest, tracking_id: str) -> HttpResponse:
    """A report's public page: the scrubbed published text (never the original), the public
    timeline (agency names, never staff names), agency follow-ups and their images, running
    deadlines, support and follow. Reporter attachments are not shown (see
    ``selectors.public_images``)."""
    report = _report_or_404(tracking_id)
    browser_id = _browser_id(request)
    supported = (request.user.is_authenticated or bool(browser_id)) and actions.has_supported(
        report, _voter(request, browser_id)
    )
    return _render_report(request, report, supported=supported, follow_form=FollowForm())


def _render_report(request, report, *, supported, follow_form, status=200, notice=""):  # type: ignore[no-untyped-def]
    places = selectors.place_labels([report.village_code or report.district_code])
    return render(
        request,
        "public/report.html",
        {
            "report": report,
            "title": scrub(report.title_published),
            "body": scrub(report.body_published),
            "place": next(iter(places.values()), ""),
            # Masked; never an anonymous reporter's own words (lapor.reports.location).
            "address": public_address(report),
            "events": selectors.public_timeline(report),
            "clocks": selectors.running_clocks(report),
            "supports": selectors._supports(report),
            "supported": supported,
            "follow_form": follow_form,
            "done": request.GET.get("selesai", ""),
            "notice": notice,
        },
        status=status,
    )


@require_POST
def support(request: HttpRequest, tracking_id: str) -> HttpResponse:
    report = _report_or_404(tracking_id)
    browser_id = _browser_id(request) or uuid.uuid4().hex
    try:
        actions.support_add(
            report=report,
            voter=_voter(request, browser_id),
            client_ip=_client_ip(request),
            user=request.user if request.user.is_authenticated else None,
        )
    except DomainError as exc:
        return _render_report(
            request,
            report,
            supported=False,
            follow_form=FollowForm(),
            status=429,
            notice=exc.message,
        )
    url = reverse("public:report", kwargs={"tracking_id": report.tracking_id})
    response = redirect(f"{url}?selesai=dukung#dukung")
    response.set_signed_cookie(
        VOTER_COOKIE,
        browser_id,
        salt=VOTER_SALT,
        max_age=VOTER_MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )
    return response


@require_POST
def follow(request: HttpRequest, tracking_id: str) -> HttpResponse:
    report = _report_or_404(tracking_id)
    form = FollowForm(request.POST)
    if form.is_valid():
        user = request.user if request.user.is_authenticated else None
        try:
            follow = actions.follow_request(
                report=report,
                email=form.cleaned_data["email"],
                language=get_language() or "id",
                client_ip=_client_ip(request),
                user=user,
            )
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            done = "ikuti" if follow.confirmed_at and user else "konfirmasi"
            url = reverse("public:report", kwargs={"tracking_id": report.tracking_id})
            return redirect(f"{url}?selesai={done}#ikuti")
    return _render_report(request, report, supported=False, follow_form=form, status=400)


@require_http_methods(["GET", "POST"])
def follow_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button, POST confirms: mail scanners that open links must not subscribe
    anyone (the point of double opt-in is that a person confirms)."""
    if request.method == "POST":
        follow = actions.follow_confirm(token=token)
        if follow is None:
            raise Http404
        return render(request, "public/follow_done.html", {"confirmed": True})
    if not actions.Follow.objects.filter(token=token).exists():
        raise Http404
    return render(request, "public/follow_token.html", {"action": "confirm"})


@require_http_methods(["GET", "POST"])
def unfollow(request: HttpRequest, token: str) -> HttpResponse:
    if request.method == "POST":
        actions.follow_remove(token=token)
        return render(request, "public/follow_done.html", {"confirmed": False})
    if not actions.Follow.objects.filter(token=token).exists():
        return render(request, "public/follow_done.html", {"confirmed": False})
    return render(request, "public/follow_token.html", {"action": "unfollow"})


@require_GET
def image(request: HttpRequest, tracking_id: str, pk: int) -> HttpResponseBase:
    report = _report_or_404(tracking_id)
    attachment = selectors.public_images().filter(report=report, pk=pk).first()
    if attachment is None:
        raise Http404
    return attachment_response(attachment, f"{report.tracking_id}-{attachment.pk}")
