from django.urls import path

from patronage.views import applications, public, registers

app_name = "patronage"

urlpatterns = [
    path("", applications.application_list, name="application_list"),
    path("new/", applications.application_create, name="application_create"),
    path("statistics/", applications.statistics, name="statistics"),
    path("<int:pk>/", applications.application_detail, name="application_detail"),
    path("<int:pk>/edit/", applications.application_edit, name="application_edit"),
    *applications.ACTIONS.urls("<int:pk>/"),
    # honorary titles; co-organised events and competitions
    path("titles/", registers.title_list, name="title_list"),
    path("titles/new/", registers.title_create, name="title_create"),
    path("titles/<int:pk>/", registers.title_detail, name="title_detail"),
    path("titles/<int:pk>/edit/", registers.title_edit, name="title_edit"),
    *registers.TITLE_ACTIONS.urls("titles/<int:pk>/"),
    path("cooperations/", registers.cooperation_list, name="cooperation_list"),
    path("cooperations/new/", registers.cooperation_create, name="cooperation_create"),
    path("cooperations/<int:pk>/", registers.cooperation_detail, name="cooperation_detail"),
    path("cooperations/<int:pk>/edit/", registers.cooperation_edit, name="cooperation_edit"),
    *registers.COOPERATION_ACTIONS.urls("cooperations/<int:pk>/"),
    # public pages, without login
    path("apply/", public.apply, name="public_apply"),
    path("apply/thanks/", public.thanks, name="public_thanks"),
    path("status/<str:token>/", public.status, name="public_status"),
    path("granted/", public.granted, name="public_granted"),
]
