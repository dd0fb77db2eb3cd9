from django.contrib import admin

from office.admin import AuditedAdmin
from office.council.models import AgendaItem, Committee, CommitteeMeeting, Councillor, Interpellation, Session, Term


@admin.register(Term)
class TermAdmin(AuditedAdmin):
    list_display = ["name", "starts_on", "ends_on"]
    search_fields = ["name"]


@admin.register(Councillor)
class CouncillorAdmin(AuditedAdmin):
    list_display = ["__str__", "term", "club", "mandate_from", "mandate_to", "is_chair"]
    list_filter = ["term", "club", "is_chair"]
    search_fields = ["last_name", "first_name", "club"]


@admin.register(Committee)
class CommitteeAdmin(AuditedAdmin):
    list_display = ["name", "term", "chair"]
    list_filter = ["term"]
    search_fields = ["name"]
    autocomplete_fields = ["chair", "members"]


class AgendaInline(admin.TabularInline):
    model = AgendaItem
    extra = 0


@admin.register(Session)
class SessionAdmin(AuditedAdmin):
    list_display = ["__str__", "kind", "status", "broadcast", "place"]
    list_filter = ["term", "kind", "status", "broadcast"]
    date_hierarchy = "starts_at"
    inlines = [AgendaInline]


@admin.register(CommitteeMeeting)
class CommitteeMeetingAdmin(AuditedAdmin):
    list_display = ["__str__", "place"]
    list_filter = ["committee"]
    date_hierarchy = "starts_at"


@admin.register(Interpellation)
class InterpellationAdmin(AuditedAdmin):
    list_display = ["__str__", "councillor", "received_on", "due_on", "status", "answered_on"]
    list_filter = ["status", "kind", "year"]
    search_fields = ["subject", "text", "councillor__last_name"]
    autocomplete_fields = ["councillor"]
    date_hierarchy = "received_on"
