from __future__ import annotations

from django.urls import path

from mendwell.erasure import views

app_name = "erasure"

urlpatterns = [
    path("account/", views.account_delete, name="account"),
    path("account/done/", views.account_deleted, name="account_deleted"),
]
