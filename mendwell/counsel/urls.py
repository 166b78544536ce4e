from __future__ import annotations

from django.urls import path

from mendwell.counsel import views

app_name = "counsel"

urlpatterns = [
    # The client's side.
    path("", views.home, name="home"),
    path("invite/", views.invite_create, name="invite_create"),
    path("invites/<uuid:invite_id>/revoke/", views.invite_revoke, name="invite_revoke"),
    path("mine/<uuid:link_id>/", views.link_detail, name="link"),
    path("mine/<uuid:link_id>/grant/", views.grant_create, name="grant_create"),
    path("grants/<uuid:grant_id>/revoke/", views.grant_revoke, name="grant_revoke"),
    path("links/<uuid:link_id>/end/", views.link_end, name="link_end"),
    # The single-use invitation link.
    path("join/<str:token>/", views.join, name="join"),
    # The counsellor's side.
    path("clients/", views.clients, name="clients"),
    path("clients/<uuid:link_id>/", views.client_detail, name="client"),
    path("clients/<uuid:link_id>/notes/", views.note_add, name="note_add"),
    path("items/<uuid:item_id>/", views.item_detail, name="item"),
]
