"""Admin of the announcements (changes are written to the audit trail)."""

from django.contrib import admin

from office.admin import AuditedAdmin
from office.announcements.models import Announcement


@admin.register(Announcement)
class AnnouncementAdmin(AuditedAdmin):
    list_display = ["title", "author", "published_at", "visible_until", "to_all", "is_important"]
    list_filter = ["to_all", "is_important"]
    search_fields = ["title", "body"]
    filter_horizontal = ["units"]
