from __future__ import annotations

from django.urls import path

from mendwell.core import views

urlpatterns = [
    path("steps/<int:number>/", views.step_detail, name="step_detail"),
    path("quick-exit/", views.quick_exit_info, name="quick_exit_info"),
    path("exit/", views.quick_exit, name="quick_exit"),
    path("privacy/", views.privacy, name="privacy"),
    path("healthz", views.healthz, name="healthz"),
    path("manifest.webmanifest", views.manifest, name="manifest"),
]
