from django.urls import path, re_path

from associations.views import krs, memberships, public, register

app_name = "associations"

urlpatterns = [
    # the register of ordinary associations
    path("", register.association_list, name="association_list"),
    path("new/", register.association_create, name="association_create"),
    path("<int:pk>/", register.association_detail, name="association_detail"),
    path("<int:pk>/edit/", register.association_edit, name="association_edit"),
    path("<int:pk>/change/", register.association_change, name="association_change"),
    *register.ACTIONS.urls("<int:pk>/"),
    # associations and foundations of the court register, supervision, opinions, reports
    path("krs/", krs.krs_list, name="krs_list"),
    path("krs/new/", krs.krs_create, name="krs_create"),
    *krs.KRS_IMPORT.urls("krs/import/"),
    path("krs/<int:pk>/", krs.krs_detail, name="krs_detail"),
    path("krs/<int:pk>/edit/", krs.krs_edit, name="krs_edit"),
    *krs.KRS_ACTIONS.urls("krs/<int:pk>/"),
    path("supervision/", krs.case_list, name="case_list"),
    path("supervision/<int:pk>/", krs.case_detail, name="case_detail"),
    *krs.CASE_ACTIONS.urls("supervision/<int:pk>/"),
    path("opinions/", krs.opinion_list, name="opinion_list"),
    path("opinions/new/", krs.opinion_create, name="opinion_create"),
    path("opinions/<int:pk>/edit/", krs.opinion_edit, name="opinion_edit"),
    path("annual-reports/", krs.foundation_reports, name="foundation_reports"),
    # the city's memberships
    path("memberships/", memberships.membership_list, name="membership_list"),
    path("memberships/new/", memberships.membership_create, name="membership_create"),
    path("memberships/<int:pk>/", memberships.membership_detail, name="membership_detail"),
    path("memberships/<int:pk>/edit/", memberships.membership_edit, name="membership_edit"),
    *memberships.ACTIONS.urls("memberships/<int:pk>/"),
    # the public register (BIP), without login
    path("public/", public.public_list, name="public_list"),
    path("public/<int:number>/", public.public_detail, name="public_detail"),
    path("public/open-data/", public.public_data, name="public_data"),
    path("public/schema.json", public.public_schema, name="public_schema"),
    re_path(r"^public/register\.(?P<fmt>csv|xlsx|json)$", public.public_download, name="public_download"),
]
