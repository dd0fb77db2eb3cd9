from django.urls import path

from calendar_app.travel.views import rates, relations, settlements, trips

app_name = "travel"

urlpatterns = [
    path("", trips.trip_list, name="trip_list"),
    path("new/", trips.trip_create, name="trip_create"),
    path("<int:pk>/", trips.trip_detail, name="trip_detail"),
    path("<int:pk>/edit/", trips.trip_edit, name="trip_edit"),
    *trips.ACTIONS.urls("<int:pk>/"),
    path("travellers/<int:pk>/settle/", settlements.settlement_edit, name="settlement_edit"),
    path("settlements/<int:pk>/", settlements.settlement_detail, name="settlement_detail"),
    *settlements.ACTIONS.urls("settlements/<int:pk>/"),
    path("rates/", rates.rate_list, name="rate_list"),
    path("rates/domestic/new/", rates.domestic_rate_create, name="domestic_rate_create"),
    path("rates/foreign/new/", rates.foreign_rate_create, name="foreign_rate_create"),
    path("partners/", relations.partner_list, name="partner_list"),
    path("partners/new/", relations.partner_create, name="partner_create"),
    path("partners/<int:pk>/", relations.partner_detail, name="partner_detail"),
    path("partners/<int:pk>/edit/", relations.partner_edit, name="partner_edit"),
    *relations.PARTNER_ACTIONS.urls("partners/<int:pk>/"),
    path("delegations/", relations.delegation_list, name="delegation_list"),
    path("delegations/new/", relations.delegation_create, name="delegation_create"),
    path("delegations/<int:pk>/", relations.delegation_detail, name="delegation_detail"),
    path("delegations/<int:pk>/edit/", relations.delegation_edit, name="delegation_edit"),
    *relations.DELEGATION_ACTIONS.urls("delegations/<int:pk>/"),
]
