from __future__ import annotations

from django.urls import path

from mendwell.journal import views
from mendwell.journal.acknowledgements import views as ack

app_name = "journal"

urlpatterns = [
    path("", views.log_list, name="list"),
    path("new/", views.log_create, name="create"),
    path("<uuid:entry_id>/edit/", views.log_edit, name="edit"),
    path("<uuid:entry_id>/delete/", views.log_delete, name="delete"),
    path("acknowledgements/", ack.acknowledgement_list, name="ack_list"),
    path("acknowledgements/new/", ack.acknowledgement_create, name="ack_create"),
    path("acknowledgements/hints/", ack.acknowledgement_hints, name="ack_hints"),
    path("acknowledgements/<uuid:thread_id>/", ack.acknowledgement_detail, name="ack_detail"),
    path("acknowledgements/<uuid:thread_id>/edit/", ack.acknowledgement_edit, name="ack_edit"),
    path("acknowledgements/<uuid:thread_id>/send/", ack.acknowledgement_send, name="ack_send"),
    path(
        "acknowledgements/<uuid:thread_id>/respond/",
        ack.acknowledgement_respond,
        name="ack_respond",
    ),
    path(
        "acknowledgements/answers/<uuid:answer_id>/change/",
        ack.acknowledgement_answer_change,
        name="ack_answer_change",
    ),
    path(
        "acknowledgements/<uuid:thread_id>/delete/",
        ack.acknowledgement_delete,
        name="ack_delete",
    ),
]
