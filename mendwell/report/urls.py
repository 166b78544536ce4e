from __future__ import annotations

from django.urls import path

from mendwell.report import views

app_name = "report"

urlpatterns = [
    path("", views.report_home, name="home"),
    path("download/<str:token>/", views.report_download, name="download"),
]
