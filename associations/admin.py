from django.contrib import admin

from associations.models import (
    AssociationVersion,
    CourtOpinion,
    FoundationReport,
    Founder,
    KrsOrganisation,
    Membership,
    OrdinaryAssociation,
    SupervisionCase,
)
from office.admin import AuditedAdmin


class VersionInline(admin.StackedInline):
    model = AssociationVersion
    extra = 0
    fields = ["kind", "valid_from", "name", "seat_address", "representatives", "changed_on", "reported_on"]
    readonly_fields = ["kind", "valid_from", "changed_on", "reported_on"]


class FounderInline(admin.TabularInline):
    model = Founder
    extra = 0


@admin.register(OrdinaryAssociation)
class OrdinaryAssociationAdmin(AuditedAdmin):
    list_display = ["__str__", "status", "received_on", "entry_due_on", "entered_on"]
    list_filter = ["status"]
    search_fields = ["current__name", "current__seat_address"]
    autocomplete_fields = ["contact"]
    list_select_related = ["current"]
    inlines = [VersionInline, FounderInline]


@admin.register(KrsOrganisation)
class KrsOrganisationAdmin(AuditedAdmin):
    list_display = ["name", "krs_number", "legal_form", "public_benefit", "supervised"]
    list_filter = ["legal_form", "public_benefit", "supervised"]
    search_fields = ["name", "krs_number", "seat_address"]


@admin.register(SupervisionCase)
class SupervisionCaseAdmin(AuditedAdmin):
    list_display = ["subject", "organisation", "kind", "opened_on", "due_on", "closed_on"]
    list_filter = ["kind"]
    search_fields = ["subject", "organisation__name"]
    autocomplete_fields = ["organisation"]


@admin.register(CourtOpinion)
class CourtOpinionAdmin(AuditedAdmin):
    list_display = ["court_case", "organisation", "requested_on", "due_on", "given_on"]
    search_fields = ["court_case", "subject", "organisation__name"]
    autocomplete_fields = ["organisation"]


@admin.register(FoundationReport)
class FoundationReportAdmin(AuditedAdmin):
    list_display = ["organisation", "year", "received_on"]
    list_filter = ["year"]
    search_fields = ["organisation__name"]
    autocomplete_fields = ["organisation"]


@admin.register(Membership)
class MembershipAdmin(AuditedAdmin):
    list_display = ["organisation", "kind", "member_since", "yearly_fee", "ended_on"]
    list_filter = ["kind"]
    search_fields = ["organisation", "representatives", "resolution_number"]
