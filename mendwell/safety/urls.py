from __future__ import annotations

from django.urls import path

from mendwell.safety import views

app_name = "safety"

urlpatterns = [
    path("", views.safety_home, name="home"),
    path("check/", views.safety_check, name="check"),
    path("check/skip/", views.safety_check_skip, name="check_skip"),
    path("pause/", views.pause, name="pause"),
    path("resume/", views.resume, name="resume"),
    path("country/", views.set_country, name="set_country"),
    path("pathway/", views.pathway, name="pathway"),
    path("plan/", views.safety_plan, name="plan"),
    path("devices/", views.tech_safety, name="tech"),
    path("professional-help/", views.professional_help, name="professional_help"),
    path("signpost/", views.signpost, name="signpost"),
    path("resources/status/", views.resources_status, name="resources_status"),
]
