from typing import Any

from django.contrib import admin

from office.admin import AuditedAdmin
from office.administration.access import social_fund_visible
from office.administration.models import (
    Announcement,
    BudgetLine,
    Commitment,
    EuroRate,
    Execution,
    MaterialRequest,
    PlanChange,
    Procurement,
    Promotion,
    SocialFundApplication,
)


@admin.register(EuroRate)
class EuroRateAdmin(AuditedAdmin):
    """The dated setting of the regulation's PLN/EUR rate (the threshold of small procurements)."""

    list_display = ["valid_from", "rate", "basis"]


class PlanChangeInline(admin.TabularInline):
    model = PlanChange
    extra = 0
    fields = ["changed_on", "amount", "basis"]


@admin.register(BudgetLine)
class BudgetLineAdmin(AuditedAdmin):
    list_display = ["year", "division", "chapter", "paragraph", "name", "planned"]
    list_filter = ["year", "division"]
    search_fields = ["name", "chapter", "paragraph"]
    inlines = [PlanChangeInline]


@admin.register(Commitment)
class CommitmentAdmin(AuditedAdmin):
    list_display = ["committed_on", "line", "kind", "amount", "source_label", "cancelled_at"]
    list_filter = ["kind", "line__year"]
    search_fields = ["source_label", "description", "line__name"]
    raw_id_fields = ["line"]
    readonly_fields = ["source_type", "source_id"]


@admin.register(Execution)
class ExecutionAdmin(AuditedAdmin):
    list_display = ["booked_on", "line", "amount", "document"]
    list_filter = ["line__year"]
    search_fields = ["document", "description", "line__name"]
    raw_id_fields = ["line"]


@admin.register(Procurement)
class ProcurementAdmin(AuditedAdmin):
    list_display = ["__str__", "supply_type", "estimated_value", "value_eur", "contractor", "invoice"]
    list_filter = ["year", "supply_type"]
    search_fields = ["subject", "contractor", "invoice"]
    raw_id_fields = ["line"]


@admin.register(Announcement)
class AnnouncementAdmin(AuditedAdmin):
    list_display = ["title", "outlet", "published_from", "cost"]
    search_fields = ["title", "outlet"]
    raw_id_fields = ["line"]


@admin.register(Promotion)
class PromotionAdmin(AuditedAdmin):
    list_display = ["title", "kind", "starts_on", "cost", "decision"]
    list_filter = ["kind", "decision"]
    search_fields = ["title", "partner"]
    raw_id_fields = ["line"]


@admin.register(MaterialRequest)
class MaterialRequestAdmin(AuditedAdmin):
    list_display = ["title", "purpose", "due_date", "closed_at"]
    search_fields = ["title"]
    filter_horizontal = ["units"]


@admin.register(SocialFundApplication)
class SocialFundApplicationAdmin(AuditedAdmin):
    """Only the person in charge, as on the pages (a superuser's blanket rights do not open it)."""

    list_display = ["__str__", "applicant", "kind", "status", "granted"]
    list_filter = ["kind", "status", "year"]
    search_fields = ["applicant"]

    def has_module_permission(self, request: Any) -> bool:
        return social_fund_visible(request.user)

    def has_view_permission(self, request: Any, obj: Any = None) -> bool:
        return social_fund_visible(request.user)

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return social_fund_visible(request.user)

    def has_add_permission(self, request: Any) -> bool:
        return False  # numbered by the register's service: added on its pages

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return social_fund_visible(request.user)
