from __future__ import annotations

from django.conf import settings
from django.urls import include, path
from django.views.generic import RedirectView

from config.api import api
from mendwell.core.views import not_found
from mendwell.safety.views import help_now
from mendwell.staff.admin import operator_site
from mendwell.today.views import home, mark

urlpatterns = [
    path("", home, name="today"),
    path("today/mark/", mark, name="today_mark"),
    # allauth's own session list would sign devices out without re-authentication:
    # its address leads to our devices page instead (first match wins).
    path(
        "accounts/sessions/",
        RedirectView.as_view(pattern_name="security:devices"),
        name="usersessions_list",
    ),
    path("accounts/", include("allauth.urls")),
    path("profile/", include("mendwell.accounts.urls")),
    path("couple/", include("mendwell.couples.urls")),
    path("safety/", include("mendwell.safety.urls")),
    path("log/", include("mendwell.journal.urls")),
    path("questions/", include("mendwell.conversations.urls")),
    path("talk/", include("mendwell.conversations.talk_urls")),
    path("loved/", include("mendwell.loved.urls")),
    path("promises/", include("mendwell.promises.urls")),
    path("affection/", include("mendwell.affection.urls")),
    path("check-in/", include("mendwell.checkins.urls")),
    path("thinking-of-you/", include("mendwell.nudges.urls")),
    path("jar/", include("mendwell.jar.urls")),
    path("dates/", include("mendwell.dates.urls")),
    path("notifications/", include("mendwell.notify.urls")),
    path("reminders/", include("mendwell.reminders.urls")),
    path("progress/", include("mendwell.progress.urls")),
    path("story/", include("mendwell.story.urls")),
    path("counsellor/", include("mendwell.counsel.urls")),
    path("report/", include("mendwell.report.urls")),
    path("security/", include("mendwell.security.urls")),
    path("export/", include("mendwell.exports.urls")),
    path("delete/", include("mendwell.erasure.urls")),
    path("push/", include("mendwell.push.urls")),
    path("help-now/", help_now, name="help_now"),
    # The operator's admin: account metadata only, every action audited (staff/admin.py).
    path("operator/", operator_site.urls),
    path("api/v1/", api.urls),
    # allauth headless, app client only: login, two-step, signup, reauthentication.
    # Its session list would sign devices out without re-authentication: the API's
    # /security/ routes do that with sudo instead (first match wins).
    path("_allauth/app/v1/auth/sessions", not_found, name="headless_sessions_closed"),
    path("_allauth/", include("allauth.headless.urls")),
    # The service worker and the offline page must be at the root to control every page.
    path("", include("mendwell.push.root_urls")),
    path("", include("mendwell.core.urls")),
]

if settings.IS_TEST:
    urlpatterns.append(path("gatekeeper/", include("tests.gatekeeper.urls")))
handler500 = "mendwell.core.views.server_error"
