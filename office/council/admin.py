from django.contrib import admin

from office.admin import AuditedAdmin
from office.council.models import (
    AgendaItem,
    Committee,
    CommitteeMeeting,
    Company,
    Councillor,
    District,
    DraftResolution,
    ExtraordinaryRequest,
    Interpellation,
    LayJudgeCandidate,
    LayJudgeElection,
    Milestone,
    NeighbourhoodCandidate,
    NeighbourhoodElection,
    Project,
    Resolution,
    Session,
    ShareholderMeeting,
    Study,
    Term,
)


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


@admin.register(Resolution)
class ResolutionAdmin(AuditedAdmin):
    list_display = ["number", "adopted_on", "unit", "due_on", "status", "tasks_mayor"]
    list_filter = ["status", "tasks_mayor", "unit"]
    search_fields = ["number", "title"]
    date_hierarchy = "adopted_on"


@admin.register(DraftResolution)
class DraftResolutionAdmin(AuditedAdmin):
    list_display = ["title", "unit", "session", "filed_on", "is_late"]
    list_filter = ["is_late", "unit"]
    search_fields = ["title"]


@admin.register(ExtraordinaryRequest)
class ExtraordinaryRequestAdmin(AuditedAdmin):
    list_display = ["subject", "status", "filed_on", "hold_by", "session"]
    list_filter = ["status"]
    search_fields = ["subject"]


@admin.register(Company)
class CompanyAdmin(AuditedAdmin):
    list_display = ["name", "legal_form", "city_share", "unit"]
    search_fields = ["name", "krs"]


@admin.register(ShareholderMeeting)
class ShareholderMeetingAdmin(AuditedAdmin):
    list_display = ["__str__", "kind", "instructed_on"]
    list_filter = ["company", "kind"]
    date_hierarchy = "starts_at"


class LayJudgeCandidateInline(admin.TabularInline):
    model = LayJudgeCandidate
    extra = 0
    fields = ["first_name", "last_name", "court", "nominated_by", "status"]


@admin.register(LayJudgeElection)
class LayJudgeElectionAdmin(AuditedAdmin):
    list_display = ["name", "year", "elected_on", "seats"]
    inlines = [LayJudgeCandidateInline]


@admin.register(District)
class DistrictAdmin(AuditedAdmin):
    list_display = ["name", "seats"]
    search_fields = ["name"]


class NeighbourhoodCandidateInline(admin.TabularInline):
    model = NeighbourhoodCandidate
    extra = 0


@admin.register(NeighbourhoodElection)
class NeighbourhoodElectionAdmin(AuditedAdmin):
    list_display = ["__str__", "held_on", "closed"]
    list_filter = ["district", "closed"]
    inlines = [NeighbourhoodCandidateInline]


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0


@admin.register(Project)
class ProjectAdmin(AuditedAdmin):
    list_display = ["title", "owner", "ends_on", "status", "progress"]
    list_filter = ["status", "owner"]
    search_fields = ["title"]
    inlines = [MilestoneInline]


@admin.register(Study)
class StudyAdmin(AuditedAdmin):
    list_display = ["title", "kind", "author", "ordered_on", "delivered_on"]
    list_filter = ["kind"]
    search_fields = ["title", "author"]
