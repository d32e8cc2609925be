"""Open311 GeoReport v2 (interface only): parse the arguments, call a selector or
``report_submit``, render XML or JSON. See docs/api.md and /work/shared/reference/open311.md.

Conventions kept throughout: an empty argument is an absent one; ``jurisdiction_id`` is accepted
and ignored (one jurisdiction); every failure answers in the spec's error format with 400, 403
or 404.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import transaction
from django.db.models import Max, QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from lapor.agencies.models import Category
from lapor.core.bounds import sane_date
from lapor.core.errors import DomainError
from lapor.core.timezones import WIB
from lapor.open311 import render, selectors
from lapor.open311.mapping import OPEN311_STATUSES, statuses_for
from lapor.open311.models import ApiKey, Open311Submission, ServiceAttribute, hash_key
from lapor.regions.models import Region
from lapor.reports.actions import ReporterContact, report_submit
from lapor.reports.models import Channel, Kind, Privacy, Report

SPEC = "http://wiki.open311.org/GeoReport_v2"
MAX_RECORDS = 1000
MAX_WINDOW = dt.timedelta(days=90)
MAX_DESCRIPTION = 4000


class Problem(Exception):
    def __init__(self, status: int, description: str) -> None:
        super().__init__(description)
        self.status = status
        self.description = description


def _arg(data: Any, name: str) -> str:
    # "An empty parameter must be treated exactly like an absent one."
    return (data.get(name) or "").strip()


# The longest value each POST field may carry (the columns that keep them): longer is refused,
# never cut (a cut address or phone number is a wrong one).
FIELD_LIMITS = {
    "address_string": 255,
    "phone": 20,
    "email": 254,
    "media_url": 1000,
    "device_id": 120,
    "account_id": 120,
    "first_name": 150,
    "last_name": 150,
}
FULL_NAME_MAX = 150


def _check_lengths(post: Any) -> None:
    for name, limit in FIELD_LIMITS.items():
        if len(_arg(post, name)) > limit:
            raise Problem(
                400,
                _("%(name)s may be at most %(n)d characters.") % {"name": name, "n": limit},
            )
    full_name = " ".join(p for p in (_arg(post, "first_name"), _arg(post, "last_name")) if p)
    if len(full_name) > FULL_NAME_MAX:
        raise Problem(
            400,
            _("first_name and last_name together may be at most %(n)d characters.")
            % {"n": FULL_NAME_MAX},
        )


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _w3c(value: str, name: str) -> dt.datetime:
    # A "+07:00" offset typed into a query string unencoded arrives as " 07:00".
    value = re.sub(r" (\d\d:?\d\d)$", r"+\1", value)
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None or "T" not in value.upper() or not sane_date(moment):
        raise Problem(
            400,
            _(
                "%(name)s must be a W3C date and time with its time zone, "
                "e.g. 2026-01-05T10:00:00+07:00."
            )
            % {"name": name},
        )
    return moment


def _positive_int(value: str, name: str, default: int, maximum: int) -> int:
    if not value:
        return default
    try:
        number = int(value)
    except ValueError:
        number = 0
    if not 1 <= number <= maximum:
        raise Problem(
            400, _("%(name)s must be a number from 1 to %(max)d.") % {"name": name, "max": maximum}
        )
    return number


def api_language(request: HttpRequest) -> str:
    """Machine clients get English, the language of the Open311 spec, unless they ask for
    Indonesian with Accept-Language."""
    accept = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
    return "id" if accept.lower().startswith("id") else "en"


def _fmt_guard(view, methods: tuple[str, ...] = ("GET", "HEAD")):  # type: ignore[no-untyped-def]
    """Unknown formats, other methods and Problems become spec errors (XML by default)."""

    def wrapped(request: HttpRequest, *args: Any, fmt: str, **kwargs: Any) -> HttpResponse:
        with translation.override(api_language(request)):
            return _guarded(request, *args, fmt=fmt, **kwargs)

    def _guarded(request: HttpRequest, *args: Any, fmt: str, **kwargs: Any) -> HttpResponse:
        fmt = fmt.lower()
        if fmt not in render.FORMATS:
            return render.error(
                render.XML, 404, _("Unknown format “%(fmt)s”: use .xml or .json.") % {"fmt": fmt}
            )
        if request.method not in methods:
            return render.error(
                fmt, 400, _("Method %(m)s is not allowed here.") % {"m": request.method}
            )
        try:
            return view(request, *args, fmt=fmt, **kwargs)
        except Problem as p:
            return render.error(fmt, p.status, p.description)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def changeset() -> str:
    stamp = ServiceAttribute.objects.aggregate(m=Max("updated_at"))["m"]
    count = Category.objects.filter(is_active=True).count()
    base = timezone.localtime(stamp, WIB) if stamp else dt.datetime(2026, 1, 1, tzinfo=WIB)
    return f"{base.isoformat(timespec='seconds')}/{count}"


@_fmt_guard
def discovery(request: HttpRequest, fmt: str) -> HttpResponse:
    stamp = changeset()
    url = request.build_absolute_uri("/open311/v2/")
    data = {
        "changeset": stamp,
        "contact": _("National admin of LAPOR!: %(email)s")
        % {"email": settings.DEFAULT_FROM_EMAIL},
        "key_service": _(
            "API keys for POST are issued to partner applications by the national admin; "
            "write to %(email)s. See %(site)s/open311/v2/ and docs/api.md."
        )
        % {"email": settings.DEFAULT_FROM_EMAIL, "site": settings.SITE_URL},
        "endpoints": [
            {
                "specification": SPEC,
                "url": url,
                "changeset": stamp,
                "type": "test" if settings.DEBUG else "production",
                "formats": [render.CONTENT_TYPES[render.XML].split(";")[0], "application/json"],
            }
        ],
    }
    return render.respond(fmt, "discovery", data)


@_fmt_guard
def service_list(request: HttpRequest, fmt: str) -> HttpResponse:
    from lapor.ppid import open311 as ppid_open311

    # Information requests (lapor.ppid) are a service of their own, not a category.
    return render.respond(fmt, "services", [*selectors.services(), ppid_open311.service_record()])


@_fmt_guard
def service_definition(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    from lapor.ppid import open311 as ppid_open311

    if code == ppid_open311.SERVICE_CODE:
        return render.respond(fmt, "service_definition", ppid_open311.definition())
    category = selectors.service_category(code)
    if category is None:
        raise Problem(404, _("No service with the code “%(code)s”.") % {"code": code})
    attrs = [selectors.attribute_record(a) for a in selectors.attributes_of(category)]
    return render.respond(
        fmt, "service_definition", {"service_code": category.code, "attributes": attrs}
    )


def _requests(request: HttpRequest, fmt: str) -> HttpResponse:
    if request.method == "POST":
        return _post_request(request, fmt)
    return _get_requests(request, fmt)


requests = csrf_exempt(_fmt_guard(_requests, methods=("GET", "HEAD", "POST")))


def _page(query: Any) -> tuple[int, int]:
    page = _positive_int(_arg(query, "page"), "page", 1, 10**6)
    size = _positive_int(_arg(query, "page_size"), "page_size", MAX_RECORDS, MAX_RECORDS)
    return page, size


def _window(query: Any, field: str) -> dict[str, dt.datetime]:
    start_raw, end_raw = _arg(query, "start_date"), _arg(query, "end_date")
    start = _w3c(start_raw, "start_date") if start_raw else None
    end = _w3c(end_raw, "end_date") if end_raw else None
    if start is None and end is None:
        end = timezone.now()
    if start is None:
        assert end is not None
        start = end - MAX_WINDOW
    if end is None:
        end = start + MAX_WINDOW
    if end < start:
        raise Problem(400, _("end_date is before start_date."))
    if end - start > MAX_WINDOW:
        raise Problem(400, _("A date range may span at most 90 days."))
    return {f"{field}__gte": start, f"{field}__lte": end}


def _get_requests(request: HttpRequest, fmt: str) -> HttpResponse:
    query = request.GET
    page, size = _page(query)
    qs: QuerySet[Report] = selectors.public_requests()
    ids = _csv(_arg(query, "service_request_id"))
    if ids:
        # The spec: service_request_id overrides all other filters.
        qs = qs.filter(tracking_id__in=ids[:MAX_RECORDS])
    else:
        codes = _csv(_arg(query, "service_code"))
        if codes:
            qs = qs.filter(category__code__in=codes)
        statuses = _csv(_arg(query, "status").lower())
        if statuses:
            bad = [s for s in statuses if s not in OPEN311_STATUSES]
            if bad:
                raise Problem(400, _("status must be open, closed or both."))
            allowed: set[str] = set()
            for s in statuses:
                allowed |= statuses_for(s)
            qs = qs.filter(status__in=allowed)
        # The 90-day default window holds "unless paging is used" (conformance notes): a
        # client that pages without dates walks the whole history, 1000 at most per page.
        paging = bool(_arg(query, "page") or _arg(query, "page_size"))
        if not paging or _arg(query, "start_date") or _arg(query, "end_date"):
            qs = qs.filter(**_window(query, "created_at"))
    rows = qs[(page - 1) * size : page * size]
    return render.respond(fmt, "service_requests", [selectors.request_record(r) for r in rows])


@_fmt_guard
def request_detail(request: HttpRequest, request_id: str, fmt: str) -> HttpResponse:
    report = selectors.public_requests().filter(tracking_id=request_id).first()
    if report is None:
        raise Problem(404, _("No public service request “%(id)s”.") % {"id": request_id})
    # Still an array of one, as the spec wants.
    return render.respond(fmt, "service_requests", [selectors.request_record(report)])


@_fmt_guard
def token(request: HttpRequest, token: str, fmt: str) -> HttpResponse:
    # Our services are "realtime": POST returns the service_request_id at once and no token
    # is ever issued, so every token is unknown.
    raise Problem(
        404,
        _("Unknown token “%(token)s”: this server returns service_request_id directly.")
        % {"token": token},
    )


@_fmt_guard
def request_updates(request: HttpRequest, fmt: str) -> HttpResponse:
    """mySociety's ``servicerequestupdates``: the public timeline events of public reports."""
    page, size = _page(request.GET)
    qs = selectors.public_updates().filter(**_window(request.GET, "at"))
    rows = qs[(page - 1) * size : page * size]
    return render.respond(
        fmt, "service_request_updates", [selectors.update_record(e) for e in rows]
    )


def not_found(request: HttpRequest, rest: str = "") -> HttpResponse:
    with translation.override(api_language(request)):
        return render.error(render.XML, 404, _("No such Open311 resource."))


# --- POST Service Request ----------------------------------------------------------------------

_ATTR = re.compile(r"^attribute\[([^\]]+)\](\[\])?$")
_TRUE = {"1", "true", "yes", "ya", "on"}


def _attributes(post: Any) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for key in post:
        m = _ATTR.match(key)
        if m:
            values = [v.strip() for v in post.getlist(key) if v.strip()]
            if values:
                found.setdefault(m.group(1), []).extend(values)
    return found


def _check_key(post: Any) -> ApiKey:
    raw = _arg(post, "api_key")
    if not raw:
        raise Problem(403, _("api_key is required to submit a service request."))
    key = (
        ApiKey.objects.select_related("partner")
        .filter(key_hash=hash_key(raw), revoked_at__isnull=True, partner__is_active=True)
        .first()
    )
    if key is None:
        raise Problem(403, _("This api_key is not valid."))
    if not key.has_scope("open311"):
        raise Problem(403, _("This api_key does not have the open311 scope."))
    return key


def _answers(category: Category, given: dict[str, list[str]]) -> tuple[dict[str, Any], list[str]]:
    """Validated answers to the service's questions and their lines for the report body."""
    answers: dict[str, Any] = {}
    lines: list[str] = []
    for attr in selectors.attributes_of(category):
        if not attr.variable:
            continue
        values = given.get(attr.code, [])
        if not values:
            if attr.required:
                raise Problem(
                    400,
                    _("attribute[%(code)s] is required: %(question)s")
                    % {"code": attr.code, "question": attr.description},
                )
            continue
        D = ServiceAttribute.Datatype
        if attr.datatype != D.MULTIVALUELIST and len(values) > 1:
            raise Problem(400, _("attribute[%(code)s] takes one value.") % {"code": attr.code})
        if attr.datatype == D.NUMBER:
            try:
                Decimal(values[0])
            except InvalidOperation:
                raise Problem(
                    400, _("attribute[%(code)s] must be a number.") % {"code": attr.code}
                ) from None
        elif attr.datatype == D.DATETIME:
            _w3c(values[0], f"attribute[{attr.code}]")
        elif attr.is_list:
            keys = attr.value_keys()
            wrong = [v for v in values if v not in keys]
            if wrong:
                raise Problem(
                    400,
                    _("attribute[%(code)s] must be one of: %(keys)s.")
                    % {"code": attr.code, "keys": ", ".join(keys)},
                )
        names = {v["key"]: v["name"] for v in attr.values} if attr.is_list else {}
        answers[attr.code] = values if attr.datatype == D.MULTIVALUELIST else values[0]
        lines.append(f"{attr.description}: {', '.join(names.get(v, v) for v in values)}")
    return answers, lines


def _normalise_region_code(value: str) -> str:
    """Kemendagri codes, dotted ("34.04.07.2001") or not ("3404072001")."""
    value = value.strip()
    if re.fullmatch(r"\d+", value):
        parts = [value[:2], value[2:4], value[4:6], value[6:]]
        value = ".".join(p for p in parts if p)
    return value


def _region(post: Any, given: dict[str, list[str]]) -> Region:
    raw = (given.get("region_code") or [""])[0] or _arg(post, "address_id")
    if not raw:
        raise Problem(
            400,
            _(
                "Tell us the region: address_id or attribute[region_code] as a Kemendagri code "
                "(regency/city, district or village), e.g. 34.04.07.2001."
            ),
        )
    region = Region.objects.filter(code=_normalise_region_code(raw)).first()
    if region is None or region.level < Region.Level.REGENCY:
        raise Problem(
            400,
            _("Unknown region code “%(code)s”: give a regency/city, district or village code.")
            % {"code": raw},
        )
    return region


def _coordinates(post: Any) -> tuple[Decimal | None, Decimal | None]:
    lat_raw, long_raw = _arg(post, "lat"), _arg(post, "long")
    if not lat_raw and not long_raw:
        return None, None
    try:
        lat, lon = Decimal(lat_raw), Decimal(long_raw)
        ok = lat.is_finite() and lon.is_finite() and -90 <= lat <= 90 and -180 <= lon <= 180
    except InvalidOperation:
        ok = False
    if not ok:
        raise Problem(400, _("lat and long must both be WGS84 decimal degrees."))
    return lat.quantize(Decimal("0.000001")), lon.quantize(Decimal("0.000001"))


def _privacy(given: dict[str, list[str]]) -> str:
    asked = (given.get("privacy") or [""])[0].lower()
    if asked:
        if asked not in Privacy.values:
            raise Problem(400, _("attribute[privacy] must be public, anonymous or confidential."))
        return asked
    if (given.get("anonymous") or [""])[0].lower() in _TRUE:
        return Privacy.ANONYMOUS
    return Privacy.PUBLIC


def _post_request(request: HttpRequest, fmt: str) -> HttpResponse:
    post = request.POST
    key = _check_key(post)
    code = _arg(post, "service_code")
    if not code:
        raise Problem(400, _("service_code is required."))
    _check_lengths(post)
    from lapor.ppid import open311 as ppid_open311

    if code == ppid_open311.SERVICE_CODE:
        try:
            return ppid_open311.post(post, _attributes(post), key, fmt)
        except ppid_open311.Problem as problem:
            raise Problem(problem.status, problem.description) from None
    category = selectors.service_category(code)
    if category is None:
        raise Problem(404, _("No service with the code “%(code)s”.") % {"code": code})
    given = _attributes(post)
    lat, lon = _coordinates(post)
    address = _arg(post, "address_string")
    if lat is None and not address and not _arg(post, "address_id"):
        raise Problem(400, _("A location is required: lat and long, address_string or address_id."))
    region = _region(post, given)
    answers, lines = _answers(category, given)
    privacy = _privacy(given)
    description = (post.get("description") or "").strip()
    if len(description) > MAX_DESCRIPTION:
        raise Problem(400, _("description may be at most 4,000 characters."))
    email = _arg(post, "email")
    media_url = _arg(post, "media_url")
    try:
        if email:
            validate_email(email)
    except ValidationError:
        raise Problem(400, _("email is not a valid e-mail address.")) from None
    try:
        if media_url:
            URLValidator(schemes=["http", "https"])(media_url)
    except ValidationError:
        raise Problem(400, _("media_url must be an http(s) URL.")) from None

    first_line = description.splitlines()[0].strip() if description else ""
    title = f"{category.name}: {first_line}" if first_line else category.name
    body = description or category.name
    if lines:
        body += "\n\n" + "\n".join(lines)
    contact = ReporterContact(
        full_name=" ".join(p for p in (_arg(post, "first_name"), _arg(post, "last_name")) if p),
        email=email,
        phone=_arg(post, "phone"),
    )
    try:
        with transaction.atomic():
            done = report_submit(
                kind=Kind.COMPLAINT,
                title=title[:200],
                body=body,
                incident_date=timezone.localdate(timezone.now(), WIB),
                region=region,
                privacy=privacy,
                channel=Channel.API,
                contact=contact,
                address=address,
                latitude=lat,
                longitude=lon,
                category=category,
                # The clock, the outbox rows and webhooks: the worker's, after this answer.
                derive_later=True,
            )
            Open311Submission.objects.create(
                report=done.report,
                partner=key.partner,
                attributes=answers,
                media_url=media_url,
                device_id=_arg(post, "device_id"),
                account_id=_arg(post, "account_id"),
            )
            ApiKey.objects.filter(pk=key.pk).update(last_used_at=timezone.now())
    except DomainError as exc:
        raise Problem(400, exc.message) from None
    notice = _(
        "Received. Tracking ID %(id)s, PIN %(pin)s: give both to the reporter to follow the "
        "report at %(site)s. An admin verifies it within 3 working days; it is public from then on."
    ) % {"id": done.report.tracking_id, "pin": done.pin, "site": settings.SITE_URL}
    record: dict[str, Any] = {
        "service_request_id": done.report.tracking_id,
        "service_notice": notice,
    }
    account_id = _arg(post, "account_id")
    if account_id:
        record["account_id"] = account_id
    return render.respond(fmt, "service_requests", [record])
