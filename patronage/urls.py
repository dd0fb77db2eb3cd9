from django.urls import path

from patronage.views import applications

app_name = "patronage"

urlpatterns = [
    path("", applications.application_list, name="application_list"),
    path("new/", applications.application_create, name="application_create"),
    path("<int:pk>/", applications.application_detail, name="application_detail"),
    path("<int:pk>/edit/", applications.application_edit, name="application_edit"),
    *applications.ACTIONS.urls("<int:pk>/"),
]
