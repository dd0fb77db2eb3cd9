from django.urls import path

from office.administration.views import budget, materials, social, spending

app_name = "administration"

urlpatterns = [
    # budget lines: plan and execution
    path("", budget.budget_page, name="budget"),
    path("lines/new/", budget.line_create, name="line_create"),
    path("lines/<int:pk>/", budget.line_detail, name="line_detail"),
    path("lines/<int:pk>/edit/", budget.line_edit, name="line_edit"),
    *budget.LINE_ACTIONS.urls("lines/<int:pk>/"),
    path("commitments/", budget.commitment_list, name="commitment_list"),
    path("execution/", budget.execution_list, name="execution_list"),
    *budget.EXECUTION_IMPORT.urls("execution/import/"),
    # small procurements
    path("procurements/", spending.procurement_list, name="procurement_list"),
    path("procurements/summary/", spending.procurement_summary, name="procurement_summary"),
    path("procurements/new/", spending.procurement_create, name="procurement_create"),
    path("procurements/<int:pk>/", spending.procurement_detail, name="procurement_detail"),
    path("procurements/<int:pk>/edit/", spending.procurement_edit, name="procurement_edit"),
    *spending.PROCUREMENT_ACTIONS.urls("procurements/<int:pk>/"),
    # paid announcements, promotion
    path("announcements/", spending.announcement_list, name="announcement_list"),
    path("announcements/new/", spending.announcement_create, name="announcement_create"),
    path("announcements/<int:pk>/", spending.announcement_detail, name="announcement_detail"),
    path("announcements/<int:pk>/edit/", spending.announcement_edit, name="announcement_edit"),
    *spending.ANNOUNCEMENT_ACTIONS.urls("announcements/<int:pk>/"),
    path("promotion/", spending.promotion_list, name="promotion_list"),
    path("promotion/new/", spending.promotion_create, name="promotion_create"),
    path("promotion/<int:pk>/", spending.promotion_detail, name="promotion_detail"),
    path("promotion/<int:pk>/edit/", spending.promotion_edit, name="promotion_edit"),
    *spending.PROMOTION_ACTIONS.urls("promotion/<int:pk>/"),
    # press materials from units
    path("materials/", materials.material_list, name="material_list"),
    path("materials/new/", materials.material_create, name="material_create"),
    path("materials/<int:pk>/", materials.material_detail, name="material_detail"),
    path("materials/<int:pk>/edit/", materials.material_edit, name="material_edit"),
    *materials.MATERIAL_ACTIONS.urls("materials/<int:pk>/"),
    # the social fund: the person in charge alone
    path("social-fund/", social.social_list, name="social_list"),
    path("social-fund/new/", social.social_create, name="social_create"),
    path("social-fund/<int:pk>/", social.social_detail, name="social_detail"),
    path("social-fund/<int:pk>/edit/", social.social_edit, name="social_edit"),
    *social.SOCIAL_ACTIONS.urls("social-fund/<int:pk>/"),
]
