from django.urls import path

from timeline import views

urlpatterns = [
    path("", views.home, name="home"),
    path("conflicts/<slug:slug>/", views.conflict_detail, name="conflict_detail"),
    path("events/<int:pk>/", views.event_detail, name="event_detail"),
    path("compare/", views.compare, name="compare"),
    # Editorial
    path("review/", views.review, name="review"),
    path("review/bulk/", views.review_bulk, name="review_bulk"),
    path("events/merge/", views.event_merge, name="event_merge"),
    path("events/<int:pk>/edit/", views.event_edit, name="event_edit"),
    path("events/<int:pk>/row/", views.event_display, name="event_display"),
    path(
        "events/<int:pk>/confirm/",
        views.event_status,
        {"action": "confirm"},
        name="event_confirm",
    ),
    path("events/<int:pk>/reject/", views.event_status, {"action": "reject"}, name="event_reject"),
    path(
        "events/<int:pk>/restore/",
        views.event_status,
        {"action": "restore"},
        name="event_restore",
    ),
    path("events/<int:pk>/history/", views.event_history, name="event_history"),
    path("events/<int:pk>/revert/", views.event_revert, name="event_revert"),
    path("mentions/<int:pk>/split/", views.mention_split, name="mention_split"),
]
