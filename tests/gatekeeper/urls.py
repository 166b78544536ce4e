from __future__ import annotations

from django.urls import path

from tests.gatekeeper import views

app_name = "gatekeeper"

urlpatterns = [
    path("notes/<uuid:note_id>/", views.note_detail, name="note_detail"),
    path("notes/<uuid:note_id>/delete/", views.note_delete, name="note_delete"),
]
