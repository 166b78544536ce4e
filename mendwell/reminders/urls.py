from __future__ import annotations

from django.urls import path

from mendwell.reminders import views

app_name = "reminders"

urlpatterns = [
    path("", views.reminder_settings, name="settings"),
    path("channels/", views.channel_settings, name="channels"),
]
