from __future__ import annotations

from django.urls import path

from mendwell.jar import views

app_name = "jar"

urlpatterns = [
    path("", views.home, name="home"),
    path("draw/", views.draw, name="draw"),
    path("day/", views.day_set, name="day"),
    path("acts/<uuid:act_id>/delete/", views.act_delete, name="act_delete"),
    path("draws/<uuid:draw_id>/done/", views.draw_done, name="draw_done"),
    path("draws/<uuid:draw_id>/noticed/", views.draw_noticed, name="draw_noticed"),
]
