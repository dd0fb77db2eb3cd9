from django.urls import path

from calendar_app.views import calendars as views
from calendar_app.views import meetings

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

urlpatterns += [
    path("requests/", meetings.request_list, name="request_list"),
    path("requests/new/", meetings.request_create, name="request_create"),
    path("requests/statistics/", meetings.request_statistics, name="request_statistics"),
    path("requests/<int:pk>/", meetings.request_detail, name="request_detail"),
    path("requests/<int:pk>/<str:action>/", meetings.request_action, name="request_action"),
    path("entries/<int:pk>/meeting/", meetings.meeting, name="meeting"),
    path("entries/<int:pk>/attach/", meetings.meeting_attach, name="meeting_attach"),
    path("decisions/", meetings.decision_board, name="decision_board"),
    path("<int:pk>/agenda.pdf", meetings.agenda_pdf, name="agenda_pdf"),
]
