from __future__ import annotations

from django.urls import path

from mendwell.accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.profile, name="profile"),
    path("wording-hints/", views.coach_toggle, name="coach_toggle"),
]
