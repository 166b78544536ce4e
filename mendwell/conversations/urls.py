from __future__ import annotations

from django.urls import path

from mendwell.conversations import views

app_name = "conversations"

urlpatterns = [
    path("", views.question_of_the_day, name="today"),
    path("deck/", views.deck, name="deck"),
    path("mark/", views.question_mark, name="mark"),
    path("answers/<uuid:answer_id>/delete/", views.answer_delete, name="answer_delete"),
]
