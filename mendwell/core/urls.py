from __future__ import annotations

from django.urls import path

from mendwell.core import views

urlpatterns = [
    path("steps/<int:number>/", views.step_detail, name="step_detail"),
    path("help-now/", views.help_now, name="help_now"),
    path("quick-exit/", views.quick_exit_info, name="quick_exit_info"),
    path("exit/", views.quick_exit, name="quick_exit"),
    path("privacy/", views.privacy, name="privacy"),
    path("healthz", views.healthz, name="healthz"),
]
