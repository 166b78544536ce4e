from __future__ import annotations

from django.urls import path

from mendwell.nudges import views

app_name = "nudges"

urlpatterns = [
    path("", views.home, name="home"),
    path("hints/", views.hints, name="hints"),
    path("<uuid:nudge_id>/delete/", views.delete, name="delete"),
]
