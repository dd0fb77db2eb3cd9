from django.urls import path

from events.views import events

app_name = "events"

urlpatterns = [
    path("", events.event_list, name="event_list"),
    path("new/", events.event_create, name="event_create"),
    path("plan/", events.plan, name="plan"),
    path("<int:pk>/", events.event_detail, name="event_detail"),
    path("<int:pk>/edit/", events.event_edit, name="event_edit"),
    *events.ACTIONS.urls("<int:pk>/"),
]
