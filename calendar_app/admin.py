from django.contrib import admin

from calendar_app.models import Calendar, Entry, EntryException
from office.admin import AuditedAdmin


@admin.register(Calendar)
class CalendarAdmin(AuditedAdmin):
    list_display = ["office_holder", "feed_token_created_at"]
    readonly_fields = ["feed_token"]


class ExceptionInline(admin.TabularInline):
    model = EntryException
    extra = 0


@admin.register(Entry)
class EntryAdmin(AuditedAdmin):
    list_display = ["title", "calendar", "start", "end", "kind", "status", "visibility"]
    list_filter = ["calendar", "kind", "status", "visibility"]
    search_fields = ["title", "place"]
    date_hierarchy = "start"
    list_select_related = ["calendar__office_holder"]
    filter_horizontal = ["staff", "contacts"]
    inlines = [ExceptionInline]
