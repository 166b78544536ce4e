from __future__ import annotations

from django.urls import path

from mendwell.loved import views

app_name = "loved"

urlpatterns = [
    path("", views.home, name="home"),
    path("about/", views.about, name="about"),
    path("ratings/", views.rate, name="rate"),
    path("ratings/history/", views.history, name="history"),
    path("ratings/share/", views.share_ratings, name="share_ratings"),
    path("list/new/", views.item_add, name="item_add"),
    path("list/share/", views.share_list, name="share_list"),
    path("list/<uuid:item_id>/edit/", views.item_edit, name="item_edit"),
    path("list/<uuid:item_id>/delete/", views.item_delete, name="item_delete"),
    path("list/<uuid:item_id>/move/", views.item_move, name="item_move"),
    path("partner/", views.partner, name="partner"),
    path("side-by-side/", views.side_by_side, name="side_by_side"),
]
