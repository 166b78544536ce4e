from __future__ import annotations

from django.urls import path

from mendwell.story import views

app_name = "story"

urlpatterns = [
    path("", views.story_home, name="home"),
    path("<uuid:victory_id>/edit/", views.victory_edit, name="edit"),
    path("<uuid:victory_id>/delete/", views.victory_delete, name="delete"),
    path("hints/", views.victory_hints, name="hints"),
    path("timeline/", views.story_timeline, name="timeline"),
    path("export.md", views.export_markdown, name="export_md"),
    path("export.pdf", views.export_pdf, name="export_pdf"),
]
