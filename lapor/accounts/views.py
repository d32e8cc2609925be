from __future__ import annotations

from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods, require_POST

from lapor.accounts.actions import account_register
from lapor.accounts.forms import LoginForm, RegisterForm
from lapor.accounts.models import User
from lapor.agencies.capabilities import is_staff_member
from lapor.reports.selectors import reports_of_user


@require_http_methods(["GET", "POST"])
def register(request: HttpRequest) -> HttpResponse:
    form = RegisterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = account_register(
            full_name=form.cleaned_data["full_name"],
            password=form.cleaned_data["password1"],
            language=get_language() or "id",
            **form.cleaned_data["login"],
        )
        login(request, user, backend="lapor.accounts.backends.EmailOrPhoneBackend")
        return redirect("accounts:my_reports")
    return render(request, "accounts/register.html", {"form": form})


@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    form = LoginForm(request, request.POST or None)
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if request.method == "POST" and form.is_valid() and form.user is not None:
        login(request, form.user, backend="lapor.accounts.backends.EmailOrPhoneBackend")
        if next_url and url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
            return redirect(next_url)
        # Staff go to their work queues; reporters to their reports.
        if is_staff_member(form.user):
            return redirect("console:dashboard")
        return redirect("accounts:my_reports")
    return render(request, "accounts/login.html", {"form": form, "next": next_url})


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect("web:home")


@login_required
def my_reports(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)  # login_required
    return render(request, "accounts/my_reports.html", {"reports": reports_of_user(user)})
