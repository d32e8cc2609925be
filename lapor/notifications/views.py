"""Staff pages: delivery status of notifications and each staff member's preferences.

Interface only: parse, call an action or a selector, render. Not logged in: the login page;
logged in but not staff, or a notification outside one's scope: 404.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from lapor.accounts.models import User
from lapor.agencies.capabilities import Capability, holds, is_staff_member
from lapor.core.errors import DomainError
from lapor.notifications import actions
from lapor.notifications.forms import PreferenceForm, StatusFilterForm
from lapor.notifications.models import Notification, StaffPreference
from lapor.notifications.selectors import access_notification, may_retry, visible_notifications
from lapor.reports.case_actions import Forbidden

PAGE_SIZE = 50

View = Callable[..., HttpResponse]


def staff_only(view: View) -> View:
    """Not logged in: the login page (as the console does). Logged in, not staff: 404."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        _staff_user(request)
        return view(request, *args, **kwargs)

    return wrapper


def _staff_user(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User) or not is_staff_member(user):
        raise Http404
    return user


@staff_only
@require_http_methods(["GET"])
def notification_list(request: HttpRequest) -> HttpResponse:
    form = StatusFilterForm(request.GET or None)
    rows = visible_notifications(request.user)
    if form.is_valid() and form.cleaned_data["status"]:
        rows = rows.filter(status=form.cleaned_data["status"])
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    # The button only for who may press it; the POST re-checks each row (``may_retry``).
    may_resend = holds(request.user, Capability.RESEND_NOTIFICATION)
    from lapor.notifications import leases

    # Whether anything is sending at all: the worker's heartbeat (also at /health/worker/).
    worker = leases.latest()
    worker_alive = worker is not None and worker.beat_at >= timezone.now() - leases.STALE
    return render(
        request,
        "notifications/list.html",
        {
            "form": form,
            "page": page,
            "may_resend": may_resend,
            "worker": worker,
            "worker_alive": worker_alive,
        },
    )


@staff_only
@require_http_methods(["GET"])
def notification_detail(request: HttpRequest, pk: int) -> HttpResponse:
    notification = access_notification(request.user, pk)
    provider_statuses: list[Any] = []
    if notification.channel == Notification.ChannelName.WHATSAPP:
        from lapor.whatsapp.models import MessageStatus

        # What WhatsApp reported for this row: sent, delivered to the phone, read, failed.
        provider_statuses = list(
            MessageStatus.objects.filter(notification=notification).order_by("occurred_at", "pk")
        )
    return render(
        request,
        "notifications/detail.html",
        {
            "n": notification,
            "provider_statuses": provider_statuses,
            "may_retry": may_retry(request.user, notification),
        },
    )


@staff_only
@require_POST
def notification_retry(request: HttpRequest, pk: int) -> HttpResponse:
    notification = access_notification(request.user, pk)
    try:
        actions.notification_retry(notification=notification, actor=_staff_user(request))
    except Forbidden:
        # A supervisor (read-only) or a case outside the RESEND scope: the scope's 404.
        raise Http404 from None
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The notification will be sent again in a moment."))
    return redirect("notifications:detail", pk=notification.pk)


@staff_only
@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest) -> HttpResponse:
    user = _staff_user(request)
    current = StaffPreference.objects.filter(user=user).first()
    initial = {
        "digest": current.digest if current else StaffPreference.Digest.DAILY,
        "immediate": current.immediate if current else False,
    }
    if request.method == "POST":
        form = PreferenceForm(request.POST)
        if form.is_valid():
            actions.staff_preference_set(
                user=user,
                digest=form.cleaned_data["digest"],
                immediate=form.cleaned_data["immediate"],
            )
            messages.success(request, _("Your notification preferences have been saved."))
            return redirect("notifications:preferences")
    else:
        form = PreferenceForm(initial=initial)
    return render(request, "notifications/preferences.html", {"form": form})
