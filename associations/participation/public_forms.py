"""The forms residents fill in without logging in: a comment on a consultation, a citizen-budget
project with its list of support, and the online vote. Each has the honeypot (PublicForm)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from associations.participation import pesel as pesel_rules
from associations.participation.models import District, Edition, Project
from associations.participation.services import budget as budget_services
from office.kit.public import PublicForm

RODO = _("I have read the information on the processing of personal data.")


class PublicCommentForm(PublicForm):
    author_name = forms.CharField(label=_("Your name"), max_length=150)
    organisation = forms.CharField(
        label=_("Organisation (if you write on its behalf)"),
        max_length=255,
        required=False,
        help_text=_("Published with the comment; your name is not."),
    )
    email = forms.EmailField(label=_("E-mail (optional, not published)"), required=False)
    text = forms.CharField(label=_("Your comment"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6}))
    rodo = forms.BooleanField(label=RODO)


class PublicProjectForm(PublicForm):
    district = forms.ModelChoiceField(label=_("District"), queryset=District.objects.none())
    title = forms.CharField(label=_("Title of the project"), max_length=255)
    description = forms.CharField(
        label=_("Description: what, for whom, why"), max_length=10_000, widget=forms.Textarea(attrs={"rows": 6})
    )
    location = forms.CharField(label=_("Location (address or plot)"), max_length=255)
    cost = forms.DecimalField(label=_("Estimated cost (PLN)"), min_value=1, max_digits=12, decimal_places=2)
    author_name = forms.CharField(label=_("Your name"), max_length=150)
    author_email = forms.EmailField(label=_("Your e-mail (not published)"))
    author_phone = forms.CharField(label=_("Your phone (optional, not published)"), max_length=40, required=False)
    supporters = forms.CharField(
        label=_("List of support: names of the residents who support the project"),
        max_length=30_000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("One name a line. No PESEL numbers or addresses are needed."),
    )
    rodo = forms.BooleanField(label=RODO)

    def __init__(self, *args: Any, edition: Edition, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = edition.districts.order_by("order", "name")
        self.fields["supporters"].help_text = _(
            "One name a line, at least %(count)d. No PESEL numbers or addresses are needed."
        ) % {"count": edition.min_supporters}

    def clean_supporters(self) -> list[str]:
        return budget_services.parse_supporters(self.cleaned_data["supporters"])


class PublicVoteForm(PublicForm):
    pesel = forms.CharField(
        label=_("Your PESEL number"),
        max_length=11,
        min_length=11,
        help_text=_("Used only to make sure each resident votes once; it is not stored."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    projects = forms.ModelMultipleChoiceField(
        label=_("Projects"), queryset=Project.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    declaration = forms.BooleanField(label=_("I declare that I live in the city and vote once."))
    rodo = forms.BooleanField(label=RODO)

    def __init__(self, *args: Any, edition: Edition, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["projects"].queryset = budget_services.admitted(edition)
        self.fields["projects"].error_messages["required"] = _("Choose at least one project.")

    def clean_pesel(self) -> str:
        value = "".join(self.cleaned_data["pesel"].split())
        if not pesel_rules.is_valid(value):
            raise forms.ValidationError(_("This is not a valid PESEL number (check the digits)."))
        return value

    def groups(self) -> list[tuple[Any, list[tuple[Any, bool]]]]:
        """The admitted projects by district, each with whether it is ticked (for the page)."""
        ticked = {str(value) for value in (self.data.getlist(self.add_prefix("projects")) if self.is_bound else [])}
        groups: dict[int, tuple[Any, list[tuple[Any, bool]]]] = {}
        for project in self.fields["projects"].queryset:
            groups.setdefault(project.district_id, (project.district, []))[1].append(
                (project, str(project.pk) in ticked)
            )
        return list(groups.values())
