"""Open311 GeoReport v2 at /open311/v2/: every resource ends in .xml or .json."""

from django.urls import URLPattern, URLResolver, re_path

from lapor.open311 import views

app_name = "open311"
F = r"\.(?P<fmt>[A-Za-z0-9]+)$"
urlpatterns: list[URLPattern | URLResolver] = [
    re_path(r"^discovery" + F, views.discovery, name="discovery"),
    re_path(r"^services" + F, views.service_list, name="services"),
    re_path(r"^services/(?P<code>[^/]+?)" + F, views.service_definition, name="service"),
    re_path(r"^requests" + F, views.requests, name="requests"),
    re_path(r"^requests/(?P<request_id>[^/]+?)" + F, views.request_detail, name="request"),
    re_path(r"^tokens/(?P<token>[^/]+?)" + F, views.token, name="token"),
    re_path(r"^servicerequestupdates" + F, views.request_updates, name="updates"),
    re_path(r"^(?P<rest>.*)$", views.not_found, name="not_found"),
]
