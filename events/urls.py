from django.urls import path

from events.views import events, gifts

app_name = "events"

urlpatterns = [
    path("", events.event_list, name="event_list"),
    path("new/", events.event_create, name="event_create"),
    path("plan/", events.plan, name="plan"),
    path("<int:pk>/", events.event_detail, name="event_detail"),
    path("<int:pk>/edit/", events.event_edit, name="event_edit"),
    *events.ACTIONS.urls("<int:pk>/"),
    path("gifts/", gifts.gift_list, name="gift_list"),
    path("gifts/print/", gifts.gift_print, name="gift_print"),
    path("gifts/new/", gifts.gift_create, name="gift_create"),
    path("gifts/<int:pk>/", gifts.gift_detail, name="gift_detail"),
    path("gifts/<int:pk>/edit/", gifts.gift_edit, name="gift_edit"),
    *gifts.ACTIONS.urls("gifts/<int:pk>/"),
]
