"""URLs of the project: the core under the "office" namespace; feature apps add theirs."""

from django.apps import apps
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.utils.module_loading import module_has_submodule

from office.views import account, approvals, assignments, contacts, dashboard, imports, reads, system, units, workspace

office_patterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("search/", dashboard.search, name="search"),
    path("awaiting-decision/", approvals.awaiting_decision, name="awaiting_decision"),
    path("assignments/", assignments.assignment_list, name="assignment_list"),
    path("assignments/new/", assignments.assignment_create, name="assignment_create"),
    path("assignments/<int:pk>/", assignments.assignment_detail, name="assignment_detail"),
    path("assignments/<int:pk>/edit/", assignments.assignment_edit, name="assignment_edit"),
    *assignments.ASSIGNMENT_ACTIONS.urls("assignments/<int:pk>/"),
    path("inbox/", assignments.unit_inbox, name="unit_inbox"),
    path("overdue/", assignments.overdue_board, name="overdue_board"),
    path("reports/unit-assignments/", assignments.unit_report, name="unit_report"),
    path("workspace/", workspace.workspace, name="workspace"),
    path("workspace/<int:holder_id>/", workspace.workspace, name="workspace_of"),
    path("contacts/", contacts.contact_list, name="contact_list"),
    path("contacts/new/", contacts.contact_create, name="contact_create"),
    path("contacts/options/", contacts.contact_options, name="contact_options"),
    *contacts.CONTACT_IMPORT.urls("contacts/import/"),
    path("contacts/<int:pk>/", contacts.contact_detail, name="contact_detail"),
    path("contacts/<int:pk>/edit/", contacts.contact_edit, name="contact_edit"),
    path("contacts/<int:pk>/merge/", contacts.contact_merge, name="contact_merge"),
    path("imports/<uuid:pk>/", imports.import_preview, name="import_preview"),
    path("imports/<uuid:pk>/confirm/", imports.import_confirm, name="import_confirm"),
    path("units/", units.unit_list, name="unit_list"),
    path("units/<int:pk>/", units.unit_detail, name="unit_detail"),
    path("jobs/<uuid:pk>/", system.job_detail, name="job_detail"),
    path("jobs/<uuid:pk>/status/", system.job_status, name="job_status"),
    path("jobs/<uuid:pk>/download/", system.job_download, name="job_download"),
    path("attachments/<int:pk>/", system.attachment_download, name="attachment_download"),
    path("display/", system.display_preferences, name="display_preferences"),
    path("audit/reads/", reads.read_log, name="read_log"),
    path("accessibility/", system.accessibility_statement, name="accessibility_statement"),
]

urlpatterns = [
    path("", include((office_patterns, "office"))),
    path("health/", system.health, name="health"),
    path("health/live/", system.liveness, name="health_live"),
    path("accounts/login/", account.OfficeLoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("accounts/password/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("accounts/security/", account.security, name="account_security"),
    path("accounts/two-factor/", account.two_factor_setup, name="two_factor_setup"),
    path("accounts/two-factor/verify/", account.two_factor_verify, name="two_factor_verify"),
    path("accounts/two-factor/recovery-codes/", account.recovery_codes, name="two_factor_recovery_codes"),
    path("accounts/two-factor/off/", account.two_factor_off, name="two_factor_off"),
    path("accounts/sessions/<int:pk>/end/", account.session_end, name="session_end"),
    path("accounts/sessions/end-all/", account.sessions_end_all, name="sessions_end_all"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

# Feature apps are mounted where their AppConfig says (``url_prefix``), found at start-up:
# the core names no feature app.
for app_config in apps.get_app_configs():
    prefix = getattr(app_config, "url_prefix", None)
    if prefix and module_has_submodule(app_config.module, "urls"):
        urlpatterns.append(path(f"{prefix}/", include(f"{app_config.name}.urls")))

handler403 = "office.views.system.permission_denied"
handler404 = "office.views.system.page_not_found"
handler500 = "office.views.system.server_error"
