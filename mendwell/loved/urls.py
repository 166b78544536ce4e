from __future__ import annotations

from django.urls import path  # noqa: F401  (routes are added as the step's tools land)

app_name = "loved"

urlpatterns: list = []
