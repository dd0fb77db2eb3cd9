"""Admin of the correspondence app (changes are written to the audit trail).

Letters keep their numbering read-only (a sign is given once) and a confidential letter is
listed only for those its page is open to: the one confidentiality rule holds in the admin too.
"""

from typing import Any

from django.contrib import admin

from correspondence import access
from correspondence.models import (
    ArchiveTransfer,
    JrwaClass,
    Letter,
    LetterBatch,
    LetterTemplate,
    PaperDocument,
    ResidentMatter,
    TranslationOrder,
    Visit,
)
from office.admin import AuditedAdmin


@admin.register(JrwaClass)
class JrwaClassAdmin(AuditedAdmin):
    list_display = ["symbol", "title", "category", "is_active"]
    list_filter = ["category", "is_active"]
    search_fields = ["symbol", "title"]


@admin.register(LetterTemplate)
class LetterTemplateAdmin(AuditedAdmin):
    list_display = ["name", "kind", "layout", "language", "is_active"]
    list_filter = ["kind", "layout", "language", "is_active"]
    search_fields = ["name", "subject"]
    autocomplete_fields = ["jrwa_class"]


@admin.register(Letter)
class LetterAdmin(AuditedAdmin):
    list_display = ["sign", "direction", "status", "principal", "due_on"]
    list_filter = ["direction", "status", "kind", "channel", "year"]
    search_fields = ["sign", "subject", "correspondent"]
    readonly_fields = ["sign", "unit", "jrwa_class", "year", "sequence", "direction", "created_by", "created_at"]
    raw_id_fields = ["contact", "in_reply_to", "template", "batch"]
    date_hierarchy = "created_at"

    def get_queryset(self, request: Any) -> Any:
        return super().get_queryset(request).filter(access.visible_q(request.user))

    def has_add_permission(self, request: Any) -> bool:
        return False  # a letter is registered through the register (it takes the next sign)


@admin.register(ResidentMatter)
class ResidentMatterAdmin(AuditedAdmin):
    list_display = ["subject", "received_on", "status", "unit", "due_on"]
    list_filter = ["status", "kind", "channel"]
    search_fields = ["subject", "resident_name"]
    raw_id_fields = ["contact", "letter", "assignment"]


@admin.register(Visit)
class VisitAdmin(AuditedAdmin):
    list_display = ["visitor_name", "host", "expected_at", "arrived_at", "left_at", "badge_returned"]
    list_filter = ["host", "badge_returned"]
    search_fields = ["visitor_name", "organisation"]


@admin.register(PaperDocument)
class PaperDocumentAdmin(AuditedAdmin):
    list_display = ["title", "holder", "holder_unit", "held_since", "is_archived"]
    search_fields = ["title"]
    raw_id_fields = ["letter"]


@admin.register(TranslationOrder)
class TranslationOrderAdmin(AuditedAdmin):
    list_display = ["document", "source_language", "target_language", "translator", "due_on", "status"]
    list_filter = ["status", "sworn"]
    search_fields = ["document"]
    raw_id_fields = ["letter", "translator"]


@admin.register(ArchiveTransfer)
class ArchiveTransferAdmin(AuditedAdmin):
    list_display = ["unit", "year", "number", "handed_on"]
    list_filter = ["year"]


@admin.register(LetterBatch)
class LetterBatchAdmin(AuditedAdmin):
    list_display = ["title", "template", "status", "done_count", "created_at"]
    readonly_fields = ["contact_ids", "job", "status", "done_count", "pdf", "archive"]
