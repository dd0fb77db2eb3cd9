from django.urls import path

from office.reporting.views import activity, reports, sections

app_name = "reporting"

urlpatterns = [
    path("", reports.report_list, name="report_list"),
    path("new/", reports.report_create, name="report_create"),
    path("<int:pk>/", reports.report_detail, name="report_detail"),
    path("<int:pk>/docx/", reports.report_docx, name="report_docx"),
    path("<int:pk>/archived.pdf", reports.report_archived, name="report_archived"),
    *reports.ACTIONS.urls("<int:pk>/"),
    path("sections/<int:pk>/", sections.section_detail, name="section_detail"),
    *sections.ACTIONS.urls("sections/<int:pk>/"),
    path("activity/", activity.activity, name="activity"),
    path("activity/pdf/", activity.activity_pdf, name="activity_pdf"),
    path("activity/xlsx/", activity.activity_xlsx, name="activity_xlsx"),
]
