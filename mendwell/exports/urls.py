from __future__ import annotations

from django.urls import path

from mendwell.exports import views

app_name = "exports"

urlpatterns = [
    path("", views.export_home, name="home"),
    path("status/", views.export_status, name="status"),
    path("link/", views.export_link, name="link"),
    path("download/<str:token>/", views.export_download, name="download"),
    path("import/", views.import_home, name="import"),
]
