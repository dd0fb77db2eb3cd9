"""URLs of the calendar app, mounted at /calendar/ (CalendarAppConfig.url_prefix)."""

from django.urls import path

from calendar_app.views import calendars, entries, feeds, meetings, requests

app_name = "calendar_app"

urlpatterns = [
    path("", calendars.calendar_view, name="calendar"),
    # entries
    path("entries/new/", entries.entry_create, name="entry_create"),
    path("entries/<int:pk>/", entries.entry_detail, name="entry_detail"),
    path("entries/<int:pk>/edit/", entries.entry_edit, name="entry_edit"),
    path("entries/<int:pk>/ics/", entries.entry_ics, name="entry_ics"),
    *entries.ENTRY_ACTIONS.urls("entries/<int:pk>/"),
    # a calendar: subscription and the day's agenda
    path("<int:pk>/subscription/", feeds.feed_settings, name="feed_settings"),
    *feeds.CALENDAR_ACTIONS.urls("<int:pk>/"),
    path("feed/<str:token>.ics", feeds.feed, name="feed"),
    # meeting requests
    path("requests/", requests.request_list, name="request_list"),
    path("requests/new/", requests.request_create, name="request_create"),
    path("requests/statistics/", requests.request_statistics, name="request_statistics"),
    path("requests/<int:pk>/", requests.request_detail, name="request_detail"),
    *requests.REQUEST_ACTIONS.urls("requests/<int:pk>/"),
    # meetings: preparation, notes, decisions
    path("entries/<int:pk>/meeting/", meetings.meeting, name="meeting"),
    *meetings.MEETING_ACTIONS.urls("entries/<int:pk>/meeting/"),
    path("decisions/", meetings.decision_board, name="decision_board"),
]
