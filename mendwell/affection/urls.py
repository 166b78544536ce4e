from __future__ import annotations

from django.urls import path

from mendwell.affection import views

app_name = "affection"

urlpatterns = [
    path("", views.home, name="home"),
    path("opt-in/", views.opt_in, name="opt_in"),
    path("opt-out/", views.opt_out, name="opt_out"),
    path("comfort/<uuid:profile_id>/", views.comfort, name="comfort"),
    path("challenge/start/", views.challenge_start, name="challenge_start"),
    path("challenge/<uuid:challenge_id>/pause/", views.challenge_pause, name="challenge_pause"),
    path("challenge/<uuid:challenge_id>/resume/", views.challenge_resume, name="challenge_resume"),
    path("challenge/<uuid:challenge_id>/end/", views.challenge_end, name="challenge_end"),
    path("challenge/<uuid:challenge_id>/answer/", views.challenge_answer, name="challenge_answer"),
    path("notes/new/", views.note_create, name="note_create"),
    path("notes/<uuid:note_id>/delete/", views.note_delete, name="note_delete"),
]
