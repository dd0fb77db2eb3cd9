"""The admin of business travel: the rate tables are edited here (date-versioned rows), and who
approves whose trips; trips, settlements and delegations are listed for the record."""

from django.contrib import admin

from calendar_app.travel.models import (
    Agreement,
    ApproverRule,
    Country,
    Delegation,
    DomesticRate,
    ForeignRate,
    Gift,
    KmRate,
    Leg,
    PartnerCity,
    ProgrammeItem,
    Settlement,
    Traveller,
    Trip,
)
from office.admin import AuditedAdmin


@admin.register(Country)
class CountryAdmin(AuditedAdmin):
    list_display = ["name", "code"]
    search_fields = ["name", "code"]


@admin.register(DomesticRate)
class DomesticRateAdmin(AuditedAdmin):
    list_display = ["per_diem", "valid_from", "valid_to", "basis"]


@admin.register(ForeignRate)
class ForeignRateAdmin(AuditedAdmin):
    list_display = ["country", "currency", "per_diem", "hotel_limit", "valid_from", "valid_to"]
    list_filter = ["currency"]
    search_fields = ["country__name"]
    autocomplete_fields = ["country"]


@admin.register(KmRate)
class KmRateAdmin(AuditedAdmin):
    list_display = ["vehicle", "rate", "valid_from", "valid_to"]
    list_filter = ["vehicle"]


@admin.register(ApproverRule)
class ApproverRuleAdmin(AuditedAdmin):
    list_display = ["traveller_kind", "approver"]


class TravellerInline(admin.TabularInline):
    model = Traveller
    extra = 0
    fields = ["holder", "user", "order_letter"]
    raw_id_fields = ["user", "order_letter"]


class LegInline(admin.TabularInline):
    model = Leg
    extra = 0


@admin.register(Trip)
class TripAdmin(AuditedAdmin):
    list_display = ["__str__", "destination", "country", "departs_at", "returns_at", "status"]
    list_filter = ["status", "year", "country"]
    search_fields = ["purpose", "destination"]
    date_hierarchy = "departs_at"
    inlines = [TravellerInline, LegInline]


@admin.register(Settlement)
class SettlementAdmin(AuditedAdmin):
    list_display = ["__str__", "total_pln", "to_pay", "settled_at"]
    raw_id_fields = ["traveller"]


class AgreementInline(admin.TabularInline):
    model = Agreement
    extra = 0


@admin.register(PartnerCity)
class PartnerCityAdmin(AuditedAdmin):
    list_display = ["name", "country", "kind", "partner_since", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name"]
    inlines = [AgreementInline]


class ProgrammeInline(admin.TabularInline):
    model = ProgrammeItem
    extra = 0


class GiftInline(admin.TabularInline):
    model = Gift
    extra = 0


@admin.register(Delegation)
class DelegationAdmin(AuditedAdmin):
    list_display = ["name", "country", "arrives_at", "departs_at", "host", "status"]
    list_filter = ["status", "country"]
    search_fields = ["name", "guests"]
    inlines = [ProgrammeInline, GiftInline]
