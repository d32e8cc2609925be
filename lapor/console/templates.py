"""Response templates in the console: agency admins keep their agencies' own, national admins
curate the shared ones (lapor.reports.responses holds the rules)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from lapor.accounts.models import User
from lapor.agencies.capabilities import ROLE_CAPABILITIES, Capability, memberships
from lapor.agencies.models import Agency, Category
from lapor.agencies.selectors import category_choices, is_national_admin
from lapor.core.errors import DomainError
from lapor.reports import responses
from lapor.reports.models import ResponseTemplate

SHARED = "shared"


class TemplateForm(forms.Form):
    owner = forms.ChoiceField(label=gettext_lazy("Whose template"))
    situation = forms.ChoiceField(
        label=gettext_lazy("Situation"),
        choices=ResponseTemplate.Situation.choices,
        widget=forms.RadioSelect,
    )
    category = forms.ChoiceField(label=gettext_lazy("Category"), required=False)
    title = forms.CharField(label=gettext_lazy("Name of the template"), max_length=120)
    body = forms.CharField(
        label=gettext_lazy("Text"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
    )

    def __init__(self, *args: Any, user: User, language: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        owners: list[tuple[str, str]] = []
        if is_national_admin(user):
            owners.append((SHARED, str(_("Shared by the national admins (every agency)"))))
        for m in memberships(user):
            if Capability.VERIFY in ROLE_CAPABILITIES[m.role]:
                owners.append((str(m.agency_id), m.agency.name))
        self.fields["owner"].choices = list(dict.fromkeys(owners))  # type: ignore[attr-defined]
        self.fields["category"].choices = [  # type: ignore[attr-defined]
            ("", _("— any category —")),
            *category_choices(language),
        ]
        self.fields["body"].help_text = _(
            "Placeholders filled from the case: %(list)s. The officer edits the text before "
            "sending it."
        ) % {
            "list": ", ".join(
                f"{{{name}}} ({label})" for name, label in responses.PLACEHOLDERS.items()
            )
        }

    def owner_agency(self) -> Agency | None:
        value = self.cleaned_data["owner"]
        return None if value == SHARED else Agency.objects.get(pk=int(value))

    def chosen_category(self) -> Category | None:
        value = self.cleaned_data.get("category")
        return Category.objects.filter(pk=value).first() if value else None


def _user(request: HttpRequest) -> User:
    from lapor.console.context import staff_user as _staff_user

    user = _staff_user(request)
    if not responses.may_manage(user, None) and not any(
        Capability.VERIFY in ROLE_CAPABILITIES[m.role] for m in memberships(user)
    ):
        raise Http404
    return user


def _page(request: HttpRequest, user: User, form: TemplateForm, template: Any) -> HttpResponse:
    from lapor.console.context import console_context as _console_context

    return render(
        request,
        "console/templates.html",
        {
            **_console_context(user),
            "console_page": "templates",
            "form": form,
            "editing": template,
            "templates": responses.manageable(user).filter(is_active=True),
        },
    )


def _save(request: HttpRequest, user: User, form: TemplateForm, template: Any) -> HttpResponse:
    if form.is_valid():
        try:
            responses.template_save(
                actor=user,
                agency=form.owner_agency(),
                category=form.chosen_category(),
                situation=form.cleaned_data["situation"],
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                template=template,
            )
        except DomainError as exc:
            form.add_error("body" if exc.code == "placeholder" else None, exc.message)
        else:
            messages.success(request, _("The template is saved."))
            return redirect("console:templates")
    return _page(request, user, form, template)


@login_required
@require_http_methods(["GET", "POST"])
def template_list(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    language = (get_language() or "id")[:2]
    form = TemplateForm(request.POST or None, user=user, language=language)
    if request.method == "POST":
        return _save(request, user, form, None)
    return _page(request, user, form, None)


@login_required
@require_http_methods(["GET", "POST"])
def template_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    template = responses.manageable(user).filter(pk=pk, is_active=True).first()
    if template is None or not responses.may_manage(user, template.agency):
        raise Http404
    if request.method == "POST" and request.POST.get("retire"):
        responses.template_retire(actor=user, template=template)
        messages.success(request, _("The template is removed."))
        return redirect("console:templates")
    initial = {
        "owner": str(template.agency_id) if template.agency_id else SHARED,
        "situation": template.situation,
        "category": str(template.category_id or ""),
        "title": template.title,
        "body": template.body,
    }
    language = (get_language() or "id")[:2]
    form = TemplateForm(request.POST or None, user=user, language=language, initial=initial)
    if request.method == "POST":
        return _save(request, user, form, template)
    return _page(request, user, form, template)
