"""Admin of the press office's dictionaries (changes are written to the audit trail)."""

from django.contrib import admin

from media_relations.models import DistributionList, Journalist, JournalistOutlet, Outlet
from office.admin import AuditedAdmin


class EmploymentInline(admin.TabularInline):
    model = JournalistOutlet
    extra = 0


@admin.register(Outlet)
class OutletAdmin(AuditedAdmin):
    list_display = ["name", "kind", "reach", "region", "is_active"]
    list_filter = ["kind", "reach", "is_active"]
    search_fields = ["name"]


@admin.register(Journalist)
class JournalistAdmin(AuditedAdmin):
    list_display = ["name", "email", "beat"]
    search_fields = ["name", "email"]
    inlines = [EmploymentInline]


@admin.register(DistributionList)
class DistributionListAdmin(AuditedAdmin):
    list_display = ["name", "description"]
    filter_horizontal = ["journalists"]
