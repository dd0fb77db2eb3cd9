from django.urls import path

from calendar_app import views

app_name = "calendar_app"

urlpatterns = [
    path("", views.calendar_view, name="calendar"),
    path("entries/new/", views.entry_create, name="entry_create"),
    path("entries/<int:pk>/", views.entry_detail, name="entry_detail"),
    path("entries/<int:pk>/edit/", views.entry_edit, name="entry_edit"),
    path("entries/<int:pk>/move/", views.entry_move, name="entry_move"),
    path("entries/<int:pk>/cancel/", views.entry_cancel, name="entry_cancel"),
    path("entries/<int:pk>/occurrence/", views.entry_occurrence, name="entry_occurrence"),
    path("entries/<int:pk>/ics/", views.entry_ics, name="entry_ics"),
    path("<int:pk>/subscription/", views.feed_settings, name="feed_settings"),
    path("feed/<str:token>.ics", views.feed, name="feed"),
]
