"""The real URLconf plus ``/_bench/ceiling/``: a view that returns a constant.

The view needs a signed-in person like every app page (it is not marked
``login_not_required``), so a request to it pays for the same middleware as the
Today page: the session read, the user, the session-lifetime and "last used"
checks, CSRF, CSP with its nonce, the person's time zone and language, and the
private-response headers. What is left in Today's time beyond this is the
page's own work: its queries, the plan and the template.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import path

from bench.kit import CEILING_BODY, CEILING_PATH
from config.urls import handler500  # noqa: F401  (Django reads it from the root URLconf)
from config.urls import urlpatterns as real_urlpatterns


def ceiling(request: HttpRequest) -> HttpResponse:
    return HttpResponse(CEILING_BODY, content_type="text/plain")


urlpatterns = [path(CEILING_PATH.strip("/") + "/", ceiling), *real_urlpatterns]
