"""Routes that must sit at the site root: a service worker controls only pages
under its own path, and the offline page goes with it."""

from __future__ import annotations

from django.urls import path

from mendwell.push import views

urlpatterns = [
    path("sw.js", views.service_worker, name="service_worker"),
    path("offline/", views.offline, name="offline"),
]
