"""Forms of the announcements."""

from __future__ import annotations

from typing import Any

from django import forms

from office.announcements.models import Announcement
from office.kit.widgets import DateTimeInput
from office.models import OrgUnit


class AnnouncementForm(forms.ModelForm):
    class Meta:
        model = Announcement
        fields = ["title", "body", "to_all", "units", "is_important", "published_at", "visible_until"]
        widgets = {
            "body": forms.Textarea(attrs={"rows": 6}),
            "units": forms.SelectMultiple(attrs={"size": 6}),
            "published_at": DateTimeInput(),
            "visible_until": DateTimeInput(),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["units"].queryset = OrgUnit.objects.filter(is_active=True).order_by("symbol")
