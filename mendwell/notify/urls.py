from __future__ import annotations

from django.urls import path

from mendwell.notify import views

app_name = "notify"

urlpatterns = [path("", views.notification_list, name="list")]
