"""The API object: authentication, limits, error shape, and every app's router."""

from __future__ import annotations

from ninja import NinjaAPI

from mendwell.api import errors
from mendwell.api.auth import partner_auth
from mendwell.api.routes import ROUTERS
from mendwell.api.schemas import JsonParser
from mendwell.api.throttles import api_throttles

api = NinjaAPI(
    title="Mendwell API",
    version="1",
    description=(
        "Everything a partner (and, under /counsellor/, a counsellor) can do in the web app. "
        "Authenticate with an app token (Authorization: Bearer mw_…), an allauth headless "
        "session token (X-Session-Token, from /_allauth/app/v1/auth/login), or the browser "
        "session with X-CSRFToken. Errors always read {detail, errors: [{field, message}]}."
    ),
    urls_namespace="api-v1",
    auth=partner_auth(),
    throttle=api_throttles(),
    parser=JsonParser(),
    docs_url="/docs",
    openapi_url="/openapi.json",
)
errors.install(api)

for prefix, router in ROUTERS:
    api.add_router(prefix, router)
