from django.urls import path

from patronage.views import applications, public

app_name = "patronage"

urlpatterns = [
    path("", applications.application_list, name="application_list"),
    path("new/", applications.application_create, name="application_create"),
    path("statistics/", applications.statistics, name="statistics"),
    path("<int:pk>/", applications.application_detail, name="application_detail"),
    path("<int:pk>/edit/", applications.application_edit, name="application_edit"),
    *applications.ACTIONS.urls("<int:pk>/"),
    # public pages, without login
    path("apply/", public.apply, name="public_apply"),
    path("apply/thanks/", public.thanks, name="public_thanks"),
    path("status/<str:token>/", public.status, name="public_status"),
    path("granted/", public.granted, name="public_granted"),
]
