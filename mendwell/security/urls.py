from __future__ import annotations

from django.urls import URLPattern, path

from mendwell.security import views

app_name = "security"

urlpatterns: list[URLPattern] = [
    path("", views.devices, name="devices"),
    # Which session is in the form body, never the URL; only the person's own are found.
    path("sign-out/", views.sign_out, name="sign_out"),
    path("sign-out-others/", views.sign_out_others, name="sign_out_others"),
    # App tokens: which one is in the form body too.
    path("tokens/", views.token_create, name="token_create"),
    path("tokens/revoke/", views.token_revoke, name="token_revoke"),
]
