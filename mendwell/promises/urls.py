from __future__ import annotations

from django.urls import path

from mendwell.promises import views

app_name = "promises"

urlpatterns = [
    path("", views.promise_list, name="list"),
    path("new/", views.promise_create, name="create"),
    path("hints/", views.promise_hints, name="hints"),
    path("<uuid:promise_id>/", views.promise_detail, name="detail"),
    path("<uuid:promise_id>/mark/", views.occurrence_mark, name="mark"),
    path("<uuid:promise_id>/renegotiate/", views.promise_renegotiate, name="renegotiate"),
    path("<uuid:promise_id>/withdraw/", views.promise_withdraw, name="withdraw"),
    path("<uuid:promise_id>/delete/", views.promise_delete, name="delete"),
]
