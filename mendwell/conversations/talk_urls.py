"""Guided conversations (step 2), mounted at /talk/."""

from __future__ import annotations

from django.urls import path

from mendwell.conversations.guided import views

app_name = "talk"

urlpatterns = [
    path("", views.conversation_list, name="list"),
    path("new/", views.conversation_new, name="new"),
    path("<uuid:conversation_id>/", views.conversation_detail, name="detail"),
    path("<uuid:conversation_id>/live/", views.conversation_live, name="live"),
    path("<uuid:conversation_id>/hints/", views.turn_hints, name="hints"),
    path("<uuid:conversation_id>/rules/", views.rules_agree, name="rules"),
    path("<uuid:conversation_id>/topic/", views.topic_set, name="topic"),
    path("<uuid:conversation_id>/turn/", views.turn_add, name="turn"),
    path("<uuid:conversation_id>/confirm/", views.reflection_confirm, name="confirm"),
    path("<uuid:conversation_id>/pause/", views.pause_call, name="pause"),
    path("<uuid:conversation_id>/handoff/", views.handoff, name="handoff"),
    path("<uuid:conversation_id>/end/", views.conversation_end, name="end"),
    path("turns/<uuid:turn_id>/delete/", views.turn_delete, name="turn_delete"),
]
