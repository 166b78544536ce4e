from __future__ import annotations

from django.urls import path

from mendwell.journal import views

app_name = "journal"

urlpatterns = [
    path("", views.log_list, name="list"),
    path("new/", views.log_create, name="create"),
    path("<uuid:entry_id>/edit/", views.log_edit, name="edit"),
    path("<uuid:entry_id>/delete/", views.log_delete, name="delete"),
]
