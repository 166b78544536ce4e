from __future__ import annotations

from django.urls import path

from mendwell.couples import views

app_name = "couples"

urlpatterns = [
    path("", views.couple_home, name="home"),
    path("invite/", views.invite_create, name="invite_create"),
    path("invites/<uuid:invite_id>/revoke/", views.invite_revoke, name="invite_revoke"),
    path("join/", views.join, name="join"),
    path("leave/", views.leave, name="leave"),
    path("leave/shared-download/", views.shared_download, name="shared_download"),
]
