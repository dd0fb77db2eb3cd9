from django.contrib import admin

from associations.participation.models import (
    Booking,
    CivicProject,
    Consultation,
    District,
    Edition,
    Grant,
    Programme,
    Project,
    Room,
    Submission,
)
from office.admin import AuditedAdmin


@admin.register(Programme)
class ProgrammeAdmin(AuditedAdmin):
    list_display = ["year", "title", "adopted_on", "adoption_due", "report_due", "report_submitted_on"]
    search_fields = ["title", "resolution"]


@admin.register(Grant)
class GrantAdmin(AuditedAdmin):
    list_display = ["task", "organisation", "amount", "awarded_on", "mode"]
    list_filter = ["mode", "programme"]
    search_fields = ["task", "organisation__name"]
    autocomplete_fields = ["organisation"]


@admin.register(Consultation)
class ConsultationAdmin(AuditedAdmin):
    list_display = ["title", "starts_on", "ends_on", "is_published"]
    search_fields = ["title", "subject"]
    date_hierarchy = "starts_on"


@admin.register(Submission)
class SubmissionAdmin(AuditedAdmin):
    list_display = ["__str__", "consultation", "received_at", "status", "channel"]
    list_filter = ["status", "channel"]
    search_fields = ["text", "organisation"]


class DistrictInline(admin.TabularInline):
    model = District
    extra = 0


@admin.register(Edition)
class EditionAdmin(AuditedAdmin):
    list_display = ["year", "name", "submissions_from", "voting_from", "voting_to", "results_published_at"]
    inlines = [DistrictInline]


@admin.register(Project)
class ProjectAdmin(AuditedAdmin):
    list_display = ["number", "title", "edition", "district", "status", "votes", "is_funded"]
    list_filter = ["edition", "status", "is_funded"]
    search_fields = ["title", "location"]


@admin.register(CivicProject)
class CivicProjectAdmin(AuditedAdmin):
    list_display = ["name", "kind", "status", "starts_on"]
    list_filter = ["kind", "status"]
    search_fields = ["name", "coordinator"]
    autocomplete_fields = ["partners"]


@admin.register(Room)
class RoomAdmin(AuditedAdmin):
    list_display = ["name", "capacity", "is_active"]


@admin.register(Booking)
class BookingAdmin(AuditedAdmin):
    list_display = ["room", "organisation", "purpose", "starts_at", "ends_at", "status"]
    list_filter = ["room", "status"]
    search_fields = ["purpose", "organisation__name"]
    autocomplete_fields = ["organisation"]
