"""Admin of the registers (changes are written to the audit trail)."""

from django.contrib import admin

from office.admin import AuditedAdmin
from office.registers.models import Agreement, CulturalInstitution


@admin.register(Agreement)
class AgreementAdmin(AuditedAdmin):
    list_display = ["number", "subject", "unit", "starts_on", "ends_on", "status"]
    list_filter = ["status", "kind", "unit"]
    search_fields = ["number", "subject"]
    raw_id_fields = ["parties"]


@admin.register(CulturalInstitution)
class CulturalInstitutionAdmin(AuditedAdmin):
    list_display = ["register_number", "name", "kind", "director", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "register_number"]
