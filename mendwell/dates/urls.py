from __future__ import annotations

from django.urls import path

from mendwell.dates import views

app_name = "dates"

urlpatterns = [
    path("", views.date_list, name="list"),
    path("ideas/", views.idea_list, name="ideas"),
    path("new/", views.date_new, name="new"),
    path("calendar/", views.feed_manage, name="feed_manage"),
    path("feed/<str:token>.ics", views.feed, name="feed"),
    path("<uuid:plan_id>/edit/", views.date_edit, name="edit"),
    path("<uuid:plan_id>/cancel/", views.date_cancel, name="cancel"),
    path("<uuid:plan_id>/delete/", views.date_delete, name="delete"),
    path(
        "reflections/<uuid:reflection_id>/delete/",
        views.reflection_delete,
        name="reflection_delete",
    ),
    path("<uuid:plan_id>/ics/", views.date_ics, name="ics"),
    path("<uuid:plan_id>/together/", views.together, name="together"),
]
