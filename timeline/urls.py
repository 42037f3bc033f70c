from django.urls import path

from timeline import views

urlpatterns = [
    path("", views.home, name="home"),
    path("conflicts/<slug:slug>/", views.conflict_detail, name="conflict_detail"),
    path("events/<int:pk>/", views.event_detail, name="event_detail"),
]
