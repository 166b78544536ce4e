from __future__ import annotations

from django.urls import path

from mendwell.checkins import views

app_name = "checkins"

urlpatterns = [
    path("", views.today, name="today"),
    path("history/", views.history, name="history"),
    path("week/", views.week, name="week"),
    path("<uuid:checkin_id>/share/", views.share, name="share"),
    path("<uuid:checkin_id>/delete/", views.delete, name="delete"),
    path("week/<uuid:note_id>/delete/", views.week_note_delete, name="week_note_delete"),
]
