"""Forms of the office core. Views pass cleaned data to services; services validate again."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, UsernameField
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from office.deadlines import apply_rule
from office.kit.imports import LabelChoiceField, fold
from office.kit.widgets import DateInput, SearchSelect, SearchSelectMultiple
from office.models import Assignment, AssignmentStatus, Contact, DeadlineRule, OrgUnit
from office.services.attachments import validate_upload


def _active_units() -> Any:
    return OrgUnit.objects.filter(is_active=True).order_by("symbol")


def _staff() -> Any:
    return get_user_model().objects.filter(is_active=True).select_related("unit").order_by("last_name", "first_name")


def _contacts() -> Any:
    from office.db import polish

    return Contact.objects.active().select_related("organisation").order_by(polish("name"), "pk")


class ContactChoiceField(forms.ModelChoiceField):
    """One contact out of the whole directory, picked by searching (``SearchSelect``)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.pop("queryset", None)  # as a model form's field class: the directory, always
        kwargs.setdefault("widget", SearchSelect(lambda: reverse("office:contact_options")))
        super().__init__(queryset=_contacts(), **kwargs)

    def label_from_instance(self, obj: Contact) -> str:
        return obj.choice_label


class ContactsChoiceField(forms.ModelMultipleChoiceField):
    """Several contacts out of the whole directory, picked by searching."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.pop("queryset", None)
        kwargs.setdefault("widget", SearchSelectMultiple(lambda: reverse("office:contact_options")))
        super().__init__(queryset=_contacts(), **kwargs)

    def label_from_instance(self, obj: Contact) -> str:
        return obj.choice_label


class _AssignmentFields(forms.ModelForm):
    """What an assignment's forms share: its fields, active units and staff with a unit."""

    class Meta:
        model = Assignment
        fields = ["title", "description", "unit", "assignee", "due_date"]
        widgets = {"due_date": DateInput(), "description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = _active_units()
        self.fields["assignee"].queryset = _staff().filter(unit__isnull=False)


class AssignmentForm(_AssignmentFields):
    """Hand a matter to a unit: either a due date, or a deadline rule applied to a start date."""

    deadline_rule = forms.ModelChoiceField(
        queryset=DeadlineRule.objects.all(),
        required=False,
        label=_("or compute from a rule"),
        help_text=_("The due date is computed from the rule and the start date, and keeps the rule's name."),
    )
    deadline_start = forms.DateField(label=_("counted from"), required=False, widget=DateInput())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["due_date"].required = False
        self.deadline = None

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        rule = data.get("deadline_rule")
        if rule is not None:
            self.deadline = apply_rule(rule, data.get("deadline_start") or timezone.localdate())
            data["due_date"] = self.deadline.due
        elif not data.get("due_date"):
            self.add_error("due_date", _("Give a due date or choose a deadline rule."))
        elif data["due_date"] < timezone.localdate():
            self.add_error("due_date", _("The due date cannot be in the past."))
        unit, assignee = data.get("unit"), data.get("assignee")
        if unit and assignee and assignee.unit_id != unit.pk:
            self.add_error("assignee", _("The responsible person must belong to the responsible unit."))
        return data


class AssignmentEditForm(_AssignmentFields):
    reason = forms.CharField(
        label=_("reason for the change of due date"),
        required=False,
        max_length=500,
        help_text=_("Required when the due date changes; it goes into the history."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if (
            self.instance.pk
            and data.get("due_date")
            and data["due_date"] != self.initial.get("due_date")
            and not (data.get("reason") or "").strip()
        ):
            self.add_error("reason", _("Say why the due date changes."))
        unit, assignee = data.get("unit"), data.get("assignee")
        if unit and assignee and assignee.unit_id != unit.pk:
            self.add_error("assignee", _("The responsible person must belong to the responsible unit."))
        return data


class ReplyForm(forms.Form):
    reply = forms.CharField(label=_("reply"), widget=forms.Textarea(attrs={"rows": 6}), max_length=20000)


class NoteForm(forms.Form):
    text = forms.CharField(label=_("note"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)


class ReturnForm(forms.Form):
    text = forms.CharField(
        label=_("why the matter is returned"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )


class DecisionForm(forms.Form):
    """The issuer's decision; only the moves the workflow allows from the current status are offered."""

    target = forms.ChoiceField(
        label=_("decision"),
        choices=[
            (AssignmentStatus.CLOSED, _("Accept and close")),
            (AssignmentStatus.IN_PROGRESS, _("Send back for more work / reopen")),
            (AssignmentStatus.NEW, _("Hand over again")),
        ],
    )
    text = forms.CharField(
        label=_("comment"), required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )

    def __init__(self, *args: Any, allowed: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if allowed is not None:
            self.fields["target"].choices = [c for c in self.fields["target"].choices if c[0] in allowed]


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("file"))
    description = forms.CharField(label=_("description"), required=False, max_length=255)

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        validate_upload(upload)
        return upload


class ContactForm(forms.ModelForm):
    class Meta:
        model = Contact
        fields = [
            "kind",
            "name",
            "organisation",
            "position",
            "email",
            "phone",
            "street",
            "postal_code",
            "city",
            "tags",
            "notes",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3}), "tags": forms.CheckboxSelectMultiple}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organisations = Contact.objects.active().exclude(kind=Contact.Kind.PERSON).order_by("name")
        if self.instance.pk:
            organisations = organisations.exclude(pk=self.instance.pk)
        self.fields["organisation"].queryset = organisations

    def clean_postal_code(self) -> str:
        code = self.cleaned_data["postal_code"].strip()
        if code and not (
            len(code) == 6 and code[2] == "-" and (code[:2] + code[3:]).isascii() and (code[:2] + code[3:]).isdecimal()
        ):
            raise forms.ValidationError(_("Write the postal code as 00-000."))
        return code


class ContactImportForm(forms.ModelForm):
    """One row of a spreadsheet of contacts (``office.kit.imports``): the kind by its name in
    either language, the organisation by the name of a contact in the directory."""

    kind = LabelChoiceField(label=_("kind"), choices=Contact.Kind.choices, required=False)
    organisation = forms.CharField(
        label=_("organisation"),
        max_length=255,
        required=False,
        help_text=_("The name of an organisation already in the contacts."),
    )

    class Meta:
        model = Contact
        # the organisation is looked up by name for the whole file at once, not checked row by row
        fields = ["name", "kind", "position", "email", "phone", "street", "postal_code", "city", "notes"]

    def __init__(self, *args: Any, organisations: dict[str, list[Contact]] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organisations = organisations or {}

    def clean_kind(self) -> str:
        return self.cleaned_data["kind"] or Contact.Kind.PERSON

    def clean_organisation(self) -> Contact | None:
        name = self.cleaned_data["organisation"]
        if not name:
            return None
        found = self.organisations.get(fold(name), [])
        if len(found) != 1:
            raise forms.ValidationError(
                _("There is no organisation “%(name)s” in the contacts; add it first or leave the column empty.")
                if not found
                else _("Several contacts are named “%(name)s”; choose the organisation on the contact's page later."),
                params={"name": name},
            )
        return found[0]

    clean_postal_code = ContactForm.clean_postal_code


class MergeContactsForm(forms.Form):
    keep = forms.ModelChoiceField(
        queryset=Contact.objects.none(), label=_("keep this contact"), widget=forms.RadioSelect
    )

    def __init__(self, *args: Any, candidates: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["keep"].queryset = candidates


class UnitReportForm(forms.Form):
    unit = forms.ModelChoiceField(queryset=OrgUnit.objects.none(), label=_("unit"))

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class OfficeAuthenticationForm(AuthenticationForm):
    """The login form; says when the directory could not be asked, or gave the account no role.

    The user name is checked for its length before anything authenticates: a longer one is a
    form error, never a value the lock-out's table (255 characters) cannot store."""

    username = UsernameField(max_length=150, widget=forms.TextInput(attrs={"autofocus": True}))

    def get_invalid_login_error(self) -> forms.ValidationError:
        from office.directory.backend import NO_ROLE_FLAG, UNREACHABLE_FLAG

        if getattr(self.request, UNREACHABLE_FLAG, False):
            return forms.ValidationError(
                _(
                    "The directory server cannot be reached, so directory accounts cannot log in now. "
                    "Try again in a few minutes or call the IT department. Local accounts still work."
                ),
                code="directory_unreachable",
            )
        if getattr(self.request, NO_ROLE_FLAG, False):
            return forms.ValidationError(
                _("Your directory account has no role in this system. Ask the IT department to add it to a group."),
                code="directory_no_role",
            )
        return super().get_invalid_login_error()


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=64,
        help_text=_("The six digits your authenticator app shows, or one of your recovery codes."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}),
    )
