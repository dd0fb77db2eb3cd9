from django.contrib import admin

from office.admin import AuditedAdmin
from patronage.models import Application


@admin.register(Application)
class ApplicationAdmin(AuditedAdmin):
    list_display = ["__str__", "organiser", "starts_on", "status", "is_late"]
    list_filter = ["status", "reach", "year", "is_late"]
    search_fields = ["event_name", "place", "organiser__name"]
    autocomplete_fields = ["organiser"]
    date_hierarchy = "starts_on"
