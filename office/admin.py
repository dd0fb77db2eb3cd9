"""The Django admin: everything manageable, every change written to the audit trail."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from office.models import (
    Assignment,
    AssignmentEvent,
    Attachment,
    AuditEntry,
    Contact,
    DeadlineRule,
    DigestDelivery,
    Job,
    OfficeHolder,
    OrgUnit,
    OutgoingMail,
    PersonalDataRead,
    SecretariatMembership,
    Tag,
    TaskOutbox,
    User,
    UserSession,
)
from office.services import accounts, audit, two_factor

admin.site.site_header = _("Kancelaria – administration")
admin.site.site_title = _("Kancelaria")
admin.site.index_title = _("Administration")


IN_ADMIN = audit.note(gettext_noop("in the admin panel"))


class AuditedAdmin(admin.ModelAdmin):
    """Records every add, change and delete made in the admin in the audit trail, with the
    many-to-many fields and the rows of inlines (written on the parent record)."""

    def save_model(self, request: Any, obj: Any, form: Any, change: bool) -> None:
        # taken before saving; written in save_related, once the many-to-many fields are saved too
        request._audit_before = audit.snapshot(type(obj).objects.get(pk=obj.pk)) if change and obj.pk else None
        super().save_model(request, obj, form, change)

    def save_related(self, request: Any, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        before = getattr(request, "_audit_before", None)
        if before is None:
            audit.record_create(actor=request.user, instance=form.instance, message=IN_ADMIN)
        else:
            audit.record_update(actor=request.user, instance=form.instance, before=before, message=IN_ADMIN)

    def save_formset(self, request: Any, form: Any, formset: Any, change: bool) -> None:
        """Rows of an inline added, changed or deleted: one entry on the parent record each."""
        befores = {
            inline.instance.pk: audit.snapshot(type(inline.instance).objects.get(pk=inline.instance.pk))
            for inline in formset.initial_forms
            if inline.instance.pk and inline.has_changed()
        }
        super().save_formset(request, form, formset, change)
        label = str(formset.model._meta.verbose_name)
        for row in formset.new_objects:
            changes = {f"{label}: {name}": [None, value] for name, value in audit.snapshot(row).items() if value}
            audit.record(actor=request.user, instance=form.instance, action="update", changes=changes, message=IN_ADMIN)
        for row, _fields in formset.changed_objects:
            changes = {
                f"{label}: {name}": values
                for name, values in audit.diff(befores.get(row.pk, {}), audit.snapshot(row)).items()
            }
            audit.record(actor=request.user, instance=form.instance, action="update", changes=changes, message=IN_ADMIN)
        for row in formset.deleted_objects:
            changes = {f"{label}: {name}": [value, None] for name, value in audit.snapshot(row).items() if value}
            audit.record(actor=request.user, instance=form.instance, action="update", changes=changes, message=IN_ADMIN)

    def _record_deletion(self, request: Any, obj: Any) -> None:
        audit.record(
            actor=request.user,
            instance=obj,
            action=AuditEntry.Action.DELETE,
            changes=audit.snapshot(obj),
            message=IN_ADMIN,
        )

    def delete_model(self, request: Any, obj: Any) -> None:
        self._record_deletion(request, obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request: Any, queryset: Any) -> None:
        for obj in queryset:
            self._record_deletion(request, obj)
        super().delete_queryset(request, queryset)


@admin.register(User)
class UserAdmin(AuditedAdmin, BaseUserAdmin):
    list_display = ["username", "first_name", "last_name", "email", "unit", "is_active", "is_staff"]
    list_filter = ["is_active", "is_staff", "groups", "unit"]
    list_select_related = ["unit"]
    fieldsets = (
        *BaseUserAdmin.fieldsets,
        (_("Office"), {"fields": ("unit", "position", "phone", "language")}),
    )
    actions = ["deactivate", "reset_two_factor"]

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        """Accounts are deactivated, never deleted: their history (the audit trail, the records
        they made) keeps naming them."""
        return False

    def save_model(self, request: Any, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if change and not obj.is_active:
            accounts.end_all_sessions(obj)

    @admin.action(description=_("Deactivate the selected accounts (their history stays)"))
    def deactivate(self, request: Any, queryset: Any) -> None:
        done = sum(accounts.deactivate(user, actor=request.user) for user in queryset)
        self.message_user(request, _("Accounts deactivated: %(count)s.") % {"count": done})

    @admin.action(description=_("Turn off two-factor sign-in (a lost phone)"))
    def reset_two_factor(self, request: Any, queryset: Any) -> None:
        for user in queryset:
            two_factor.turn_off(user, actor=request.user)
            accounts.end_all_sessions(user)
        self.message_user(request, _("Two-factor sign-in turned off: %(count)s.") % {"count": len(queryset)})


@admin.register(UserSession)
class UserSessionAdmin(admin.ModelAdmin):
    """Who is signed in where; ending a session here signs that browser out."""

    list_display = ["user", "address", "created_at", "last_seen", "user_agent"]
    list_select_related = ["user"]
    search_fields = ["user__username", "user__last_name", "address"]
    readonly_fields = ["user", "address", "user_agent", "created_at", "last_seen"]
    exclude = ["session_key"]

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def delete_model(self, request: Any, obj: Any) -> None:
        accounts.end_session(obj.user, obj.pk)

    def delete_queryset(self, request: Any, queryset: Any) -> None:
        for row in queryset.select_related("user"):
            accounts.end_session(row.user, row.pk)


class MembershipInline(admin.TabularInline):
    model = SecretariatMembership
    extra = 1
    autocomplete_fields = ["user"]


@admin.register(OfficeHolder)
class OfficeHolderAdmin(AuditedAdmin):
    list_display = ["full_name", "title", "role", "user", "order", "is_active"]
    list_filter = ["role", "is_active"]
    filter_horizontal = ["supervised_units"]
    inlines = [MembershipInline]
    autocomplete_fields = ["user"]


@admin.register(OrgUnit)
class OrgUnitAdmin(AuditedAdmin):
    list_display = ["symbol", "name", "kind", "parent", "head", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["symbol", "name"]
    list_select_related = ["parent", "head"]
    autocomplete_fields = ["parent", "head"]


@admin.register(Tag)
class TagAdmin(AuditedAdmin):
    search_fields = ["name"]


@admin.register(Contact)
class ContactAdmin(AuditedAdmin):
    list_display = ["name", "kind", "organisation", "email", "phone", "city", "merged_into"]
    list_filter = ["kind", "tags"]
    search_fields = ["name", "email", "phone", "city"]
    list_select_related = ["organisation", "merged_into"]
    autocomplete_fields = ["organisation"]
    filter_horizontal = ["tags"]


class EventInline(admin.TabularInline):
    model = AssignmentEvent
    extra = 0
    fields = ["at", "kind", "actor", "from_status", "to_status", "text"]
    readonly_fields = fields
    can_delete = False


@admin.register(Assignment)
class AssignmentAdmin(AuditedAdmin):
    list_display = ["title", "unit", "assignee", "due_date", "status", "deadline_rule", "created_by"]
    list_filter = ["status", "unit"]
    search_fields = ["title", "description", "source_label"]
    date_hierarchy = "due_date"
    list_select_related = ["unit", "assignee", "created_by"]
    autocomplete_fields = ["unit", "assignee", "created_by"]
    readonly_fields = ["source_type", "source_id", "answered_at", "closed_at", "created_at", "updated_at"]
    inlines = [EventInline]


@admin.register(DeadlineRule)
class DeadlineRuleAdmin(AuditedAdmin):
    list_display = ["code", "name", "basis", "amount", "unit", "moves_to_working_day", "to_verify"]
    list_filter = ["unit", "moves_to_working_day", "to_verify"]
    search_fields = ["code", "name", "basis"]


@admin.register(Attachment)
class AttachmentAdmin(AuditedAdmin):
    list_display = ["original_name", "content_type", "object_id", "size", "uploaded_by", "uploaded_at"]
    list_select_related = ["content_type", "uploaded_by"]


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["at", "actor", "action", "content_type", "object_repr", "message"]
    list_filter = ["action", "content_type"]
    search_fields = ["object_repr", "message", "actor__username"]
    list_select_related = ["actor", "content_type"]
    date_hierarchy = "at"

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False


@admin.register(PersonalDataRead)
class PersonalDataReadAdmin(AuditEntryAdmin):
    list_display = ["at", "user", "kind", "content_type", "label", "address"]
    list_filter = ["kind", "content_type"]
    search_fields = ["label", "user__username", "path"]
    list_select_related = ["user", "content_type"]


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "owner", "status", "progress", "created_at", "finished_at"]
    list_filter = ["status", "kind"]
    list_select_related = ["owner"]
    readonly_fields = [f.name for f in Job._meta.fields]


@admin.register(DigestDelivery)
class DigestDeliveryAdmin(admin.ModelAdmin):
    list_display = ["day", "kind", "user", "sent_at"]
    list_filter = ["kind", "day"]
    list_select_related = ["user"]


@admin.register(OutgoingMail)
class OutgoingMailAdmin(admin.ModelAdmin):
    """Every e-mail the office sent or tried to send, read-only: failures first to look for."""

    list_display = ["created_at", "status", "recipients", "subject", "record_type", "record_id", "attempts", "sent_at"]
    list_filter = ["status", "record_type"]
    search_fields = ["recipients", "subject", "error"]
    list_select_related = ["record_type"]
    date_hierarchy = "created_at"
    readonly_fields = [f.name for f in OutgoingMail._meta.fields]

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False


@admin.register(TaskOutbox)
class TaskOutboxAdmin(admin.ModelAdmin):
    """Tasks the queue could not take while Redis was down, waiting to be sent (read-only; they go
    by themselves every minute once the queue answers, or with ``manage.py flush_task_outbox``)."""

    list_display = ["created_at", "task", "attempts", "last_error"]
    search_fields = ["task", "last_error"]
    readonly_fields = [f.name for f in TaskOutbox._meta.fields]

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False
