"""Console pages of the partner integration: the webhook delivery log, for the partner's admins
(agency admins of the partner's agency or above, national admins). Interface only.

Not logged in: the login page. Logged in but not an admin of the partner's agency: 404.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from lapor.core.errors import DomainError
from lapor.partners import actions, selectors
from lapor.partners.models import WebhookDelivery

PAGE_SIZE = 50

View = Callable[..., HttpResponse]


def partner_admins_only(view: View) -> View:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not selectors.is_partner_admin(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


@partner_admins_only
@require_GET
def integration_list(request: HttpRequest) -> HttpResponse:
    integrations = selectors.integrations_for(request.user)
    return render(request, "partners/list.html", {"integrations": integrations})


@partner_admins_only
@require_GET
def delivery_log(request: HttpRequest, pk: int) -> HttpResponse:
    integration = selectors.access_integration(request.user, pk)
    rows = selectors.deliveries_of(integration.partner_id)
    status = request.GET.get("status") or ""
    if status in WebhookDelivery.Status.values:
        rows = rows.filter(status=status)
    else:
        status = ""
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "partners/log.html",
        {
            "integration": integration,
            "page": page,
            "status": status,
            "statuses": WebhookDelivery.Status.choices,
        },
    )


@partner_admins_only
@require_GET
def delivery_detail(request: HttpRequest, pk: int, delivery_pk: int) -> HttpResponse:
    integration = selectors.access_integration(request.user, pk)
    row = selectors.access_delivery(request.user, integration, delivery_pk)
    return render(
        request,
        "partners/detail.html",
        {
            "integration": integration,
            "d": row,
            "attempts": row.log.all(),
            "payload": json.dumps(row.payload, indent=2, ensure_ascii=False, sort_keys=True),
        },
    )


@partner_admins_only
@require_POST
def delivery_resend(request: HttpRequest, pk: int, delivery_pk: int) -> HttpResponse:
    integration = selectors.access_integration(request.user, pk)
    row = selectors.access_delivery(request.user, integration, delivery_pk)
    try:
        actions.delivery_resend(delivery=row)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The event will be sent again in a moment."))
    return redirect("partners:detail", pk=integration.pk, delivery_pk=row.pk)
