from django.contrib import admin

from events.models import ChecklistItem, Event, Gift, Observance
from office.admin import AuditedAdmin


@admin.register(Observance)
class ObservanceAdmin(AuditedAdmin):
    list_display = ["__str__", "kind", "since_year", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "ceremony"]


@admin.register(ChecklistItem)
class ChecklistItemAdmin(AuditedAdmin):
    list_display = ["label", "kind", "unit", "days_before", "order"]
    list_filter = ["kind", "unit"]
    search_fields = ["label"]


@admin.register(Event)
class EventAdmin(AuditedAdmin):
    list_display = ["name", "kind", "starts_at", "holder", "status"]
    list_filter = ["kind", "status"]
    search_fields = ["name", "place"]
    autocomplete_fields = ["organiser", "co_organisers"]
    date_hierarchy = "starts_at"


@admin.register(Gift)
class GiftAdmin(AuditedAdmin):
    list_display = ["__str__", "holder", "value_band", "kept_at"]
    list_filter = ["direction", "value_band", "holder"]
    search_fields = ["description", "occasion", "counterpart_name"]
    autocomplete_fields = ["counterpart", "event"]
