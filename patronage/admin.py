from django.contrib import admin

from office.admin import AuditedAdmin
from patronage.models import Application, Cooperation, HonoraryTitle


@admin.register(Application)
class ApplicationAdmin(AuditedAdmin):
    list_display = ["__str__", "organiser", "starts_on", "status", "is_late"]
    list_filter = ["status", "reach", "year", "is_late"]
    search_fields = ["event_name", "place", "organiser__name"]
    autocomplete_fields = ["organiser"]
    date_hierarchy = "starts_on"


@admin.register(HonoraryTitle)
class HonoraryTitleAdmin(AuditedAdmin):
    list_display = ["__str__", "proposed_on", "status", "awarded_on"]
    list_filter = ["kind", "status"]
    search_fields = ["nominee__name", "proposed_by", "resolution"]
    autocomplete_fields = ["nominee"]


@admin.register(Cooperation)
class CooperationAdmin(AuditedAdmin):
    list_display = ["name", "kind", "partner", "starts_on", "mayor_takes_part"]
    list_filter = ["kind", "mayor_takes_part"]
    search_fields = ["name", "partner__name"]
    autocomplete_fields = ["partner", "application", "jury"]
