from __future__ import annotations

from django.urls import path

from mendwell.progress import views

app_name = "progress"

urlpatterns = [
    path("", views.home, name="home"),
    path("baseline/", views.baseline, name="baseline"),
    path("baseline/skip/", views.baseline_skip, name="baseline_skip"),
    path("pulse/", views.pulse, name="pulse"),
    path("pulse/<uuid:pulse_id>/delete/", views.pulse_delete, name="pulse_delete"),
    path("sharing/", views.sharing, name="sharing"),
    path("partner/", views.partner, name="partner"),
    # Last: the fixed pages above keep their names (the registry refuses those ids).
    path("<slug:instrument_id>/", views.instrument, name="instrument"),
]
