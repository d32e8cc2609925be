from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

from lapor.core import health
from lapor.web import views as web_views

urlpatterns: list[URLPattern | URLResolver] = [
    path("i18n/", include("django.conf.urls.i18n")),
    # Machine interfaces: no language prefix.
    path("open311/v2/", include("lapor.open311.urls")),
    path("sms/", include("lapor.sms.urls")),
    path("whatsapp/", include("lapor.whatsapp.urls")),
    path("api/v1/", include("lapor.api.urls")),
    # The service worker must be served from the root to look after every page.
    path("sw.js", web_views.service_worker, name="service_worker"),
    path("favicon.ico", web_views.favicon),
    # Health (lapor.core.health, docs/operations.md): this process, and the workers. /sehat/ is
    # the same check under the name the load balancer asks for (deploy/haproxy).
    path("health/", health.web, name="status_web"),
    path("sehat/", health.web, name="health"),
    path("health/worker/", health.worker, name="status_worker"),
]
# Indonesian lives at the root, English under /en/: a language switch is a plain link, no JS.
urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("akun/", include("lapor.accounts.urls")),
    path("konsol/ppid/", include("lapor.ppid.console_urls")),
    path("konsol/", include("lapor.console.urls")),
    path("konsol/ekspor/", include("lapor.exports.urls")),
    path("konsol/notifikasi/", include("lapor.notifications.urls")),
    path("konsol/routing/", include("lapor.routing.urls")),
    path("konsol/mitra/", include("lapor.partners.urls")),
    path("konsol/simpul/", include("lapor.nodes.console_urls")),
    path("simpul/", include("lapor.nodes.urls")),
    path("suara/", include("lapor.voice.urls")),
    path("statistik/ppid/", include("lapor.ppid.report_urls")),
    path("statistik/", include("lapor.stats.urls")),
    path("laporan/", include("lapor.public.urls")),
    path("data/ppid/", include("lapor.ppid.opendata_urls")),
    path("", include("lapor.skm.urls")),
    path("data/", include("lapor.opendata.urls")),
    path("informasi/", include("lapor.ppid.urls")),
    path("", include("lapor.web.urls")),
    prefix_default_language=False,
)

# An outage (database or cache gone) answers 503 with Retry-After, anything else 500, each in
# the channel's own format (lapor.core.answers).
handler500 = "lapor.core.answers.server_error"
handler400 = "lapor.core.answers.bad_request"
