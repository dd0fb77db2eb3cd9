from django.contrib import admin

from office.admin import AuditedAdmin
from office.reporting.models import Report, Section


class SectionInline(admin.StackedInline):
    model = Section
    extra = 0
    fields = ["position", "title", "text", "points", "source", "unavailable"]
    readonly_fields = ["source", "unavailable"]


@admin.register(Report)
class ReportAdmin(AuditedAdmin):
    list_display = ["title", "start", "end", "status", "created_by", "updated_at"]
    list_filter = ["status"]
    search_fields = ["title"]
    date_hierarchy = "end"
    filter_horizontal = ["units"]
    readonly_fields = ["finalised_at", "finalised_by", "created_by", "archived_pdf"]
    inlines = [SectionInline]
