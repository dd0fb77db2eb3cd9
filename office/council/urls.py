from django.urls import path

from office.council.views import council, interpellations, public

app_name = "council"

urlpatterns = [
    path("interpellations/", interpellations.interpellation_list, name="interpellation_list"),
    path("interpellations/new/", interpellations.interpellation_create, name="interpellation_create"),
    path("interpellations/statistics/", interpellations.statistics, name="interpellation_statistics"),
    path("interpellations/<int:pk>/", interpellations.interpellation_detail, name="interpellation_detail"),
    path("interpellations/<int:pk>/edit/", interpellations.interpellation_edit, name="interpellation_edit"),
    *interpellations.ACTIONS.urls("interpellations/<int:pk>/"),
    path("", council.session_list, name="session_list"),
    path("sessions/new/", council.session_create, name="session_create"),
    path("sessions/<int:pk>/", council.session_detail, name="session_detail"),
    path("sessions/<int:pk>/edit/", council.session_edit, name="session_edit"),
    *council.SESSION_ACTIONS.urls("sessions/<int:pk>/"),
    path("councillors/", council.councillor_list, name="councillor_list"),
    path("councillors/new/", council.councillor_create, name="councillor_create"),
    path("councillors/<int:pk>/", council.councillor_detail, name="councillor_detail"),
    path("councillors/<int:pk>/edit/", council.councillor_edit, name="councillor_edit"),
    path("committees/", council.committee_list, name="committee_list"),
    path("committees/new/", council.committee_create, name="committee_create"),
    path("committees/<int:pk>/", council.committee_detail, name="committee_detail"),
    path("committees/<int:pk>/edit/", council.committee_edit, name="committee_edit"),
    path("meetings/", council.meeting_list, name="meeting_list"),
    path("meetings/new/", council.meeting_create, name="meeting_create"),
    path("meetings/<int:pk>/", council.meeting_detail, name="meeting_detail"),
    path("meetings/<int:pk>/edit/", council.meeting_edit, name="meeting_edit"),
    *council.MEETING_ACTIONS.urls("meetings/<int:pk>/"),
    # public pages in the BIP, without login
    path("bip/interpellations/", public.interpellations, name="public_interpellations"),
    path("bip/interpellations/<int:pk>/", public.interpellation, name="public_interpellation"),
    path("bip/sessions/", public.sessions, name="public_sessions"),
]
