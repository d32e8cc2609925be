"""The console's pages of community nodes: agency and national admins register nodes and
their volunteer helpers, and read each node's statistics (never its reports' page: staff read
reports in the console under the ordinary rules)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from lapor.accounts.models import User
from lapor.agencies.capabilities import (
    ROLE_CAPABILITIES,
    Capability,
    holds,
    memberships,
    scope_agency_ids,
)
from lapor.agencies.models import Agency, Membership
from lapor.console.context import console_context, staff_user
from lapor.core.errors import DomainError
from lapor.nodes import access, actions, selectors
from lapor.nodes.forms import HelperAddForm, NodeRegisterForm
from lapor.nodes.models import NodeHelper


def _manager(request: HttpRequest) -> User:
    user = staff_user(request)
    if not holds(user, Capability.MANAGE_NODES):
        raise Http404
    return user


def _agency_choices(user: User) -> list[tuple[str, str]]:
    """Where the user may register a node: their own agencies; national admins also "none"."""
    choices: list[tuple[str, str]] = []
    seen: set[int] = set()
    national = False
    for m in memberships(user):
        if Capability.MANAGE_NODES not in ROLE_CAPABILITIES[m.role]:
            continue
        if m.role == Membership.Role.NATIONAL_ADMIN:
            national = True
            continue
        if m.agency_id not in seen:
            seen.add(m.agency_id)
            choices.append((str(m.agency_id), m.agency.name))
    if national:
        choices.insert(0, ("", _("National (no agency)")))
    return choices


@login_required
@require_http_methods(["GET", "POST"])
def node_list(request: HttpRequest) -> HttpResponse:
    user = _manager(request)
    choices = _agency_choices(user)
    form = NodeRegisterForm(request.POST or None, agencies=choices)
    if request.method == "POST" and form.is_valid():
        agency_id = form.cleaned_data["agency"]
        agency = Agency.objects.filter(pk=agency_id).first() if agency_id else None
        try:
            node = actions.node_register(
                name=form.cleaned_data["name"],
                kind=form.cleaned_data["kind"],
                region=agency.region if agency is not None else None,
                agency=agency,
                actor=user,
            )
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("%(name)s is registered.") % {"name": node.name})
            return redirect("nodes_console:node", node_id=node.pk)
    nodes = list(selectors.managed_nodes(scope_agency_ids(user, Capability.MANAGE_NODES)))
    context: dict[str, Any] = {
        **console_context(user),
        "console_page": "nodes",
        "nodes": nodes,
        "form": form,
        "stats": selectors.node_statistics(nodes),
    }
    return render(request, "nodes/console_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def node_detail(request: HttpRequest, node_id: int) -> HttpResponse:
    user = _manager(request)
    node = access.access_node_for_manager(user, node_id)
    form = HelperAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            helper = actions.node_helper_add(
                node=node, email=form.cleaned_data["email"], actor=user
            )
        except DomainError as exc:
            form.add_error("email", exc.message)
        else:
            messages.success(
                request, _("%(name)s is now a helper of this node.") % {"name": helper.user}
            )
            return redirect("nodes_console:node", node_id=node.pk)
    return render(
        request,
        "nodes/console_node.html",
        {
            **console_context(user),
            "console_page": "nodes",
            "node": node,
            "helpers": selectors.node_helpers(node),
            "form": form,
            "stats": selectors.node_statistics(node),
        },
    )


@login_required
@require_POST
def helper_remove(request: HttpRequest, node_id: int, pk: int) -> HttpResponse:
    user = _manager(request)
    node = access.access_node_for_manager(user, node_id)
    helper = NodeHelper.objects.filter(node=node, pk=pk, is_active=True).first()
    if helper is None:
        raise Http404
    actions.node_helper_remove(helper=helper, actor=user)
    messages.success(
        request, _("%(name)s is no longer a helper of this node.") % {"name": helper.user}
    )
    return redirect("nodes_console:node", node_id=node.pk)
