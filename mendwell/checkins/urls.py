from __future__ import annotations

from django.urls import path

from mendwell.checkins import views

app_name = "checkins"

urlpatterns = [
    path("", views.today, name="today"),
    path("history/", views.history, name="history"),
    path("week/", views.week, name="week"),
    path("<uuid:checkin_id>/share/", views.share, name="share"),
]
