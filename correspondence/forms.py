"""Forms of the correspondence app. Forms check what one form can; services check the rest."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from correspondence.models import (
    Channel,
    JrwaClass,
    Letter,
    LetterKind,
    LetterTemplate,
    MatterChannel,
    MatterKind,
    PaperDocument,
    ReplyChannel,
    ResidentMatter,
    TranslationOrder,
    Visit,
)
from correspondence.services import letters as letter_services
from office.contributions import registry
from office.forms import ContactChoiceField, ContactsChoiceField
from office.kit.widgets import DateInput, DateTimeInput, SearchSelect
from office.models import Contact, OfficeHolder, OrgUnit, Tag
from office.services.attachments import validate_upload


def _units() -> Any:
    return OrgUnit.objects.filter(is_active=True).order_by("symbol")


def _holders() -> Any:
    return OfficeHolder.objects.filter(is_active=True).order_by("order", "last_name")


default_unit = letter_services.register_unit


class JrwaChoiceField(forms.ModelChoiceField):
    """A JRWA class by its symbol; an unknown symbol is named in the message."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.pop("queryset", None)  # as a model form's field class: the classes in use, always
        kwargs.setdefault("label", _("JRWA class"))
        super().__init__(
            queryset=JrwaClass.objects.filter(is_active=True).order_by("symbol"),
            error_messages={"invalid_choice": _("Unknown JRWA class “%(value)s”: choose a class from the list.")},
            **kwargs,
        )

    def label_from_instance(self, obj: JrwaClass) -> str:
        return f"{obj.symbol} – {obj.title} ({obj.category})"


class ScanField(forms.FileField):
    """A scan or file of the letter, checked by its content (type and size)."""

    def clean(self, data: Any, initial: Any = None) -> Any:
        upload = super().clean(data, initial)
        if upload:
            validate_upload(upload)
        return upload


class LetterForm(forms.Form):
    """Registering a letter: the sender or recipient from the directory or typed in (and added)."""

    unit = forms.ModelChoiceField(label=_("register of"), queryset=OrgUnit.objects.none(), empty_label=None)
    jrwa_class = JrwaChoiceField()
    principal = forms.ModelChoiceField(label=_("addressed to"), queryset=OfficeHolder.objects.none())
    kind = forms.ChoiceField(label=_("kind"), choices=LetterKind.choices, initial=LetterKind.ORDINARY)
    channel = forms.ChoiceField(label=_("channel"), choices=Channel.choices, initial=Channel.POST)
    contact = ContactChoiceField(label=_("sender from the contacts"), required=False)
    new_name = forms.CharField(label=_("or a new sender: name"), max_length=255, required=False)
    new_kind = forms.ChoiceField(label=_("kind of the new sender"), choices=Contact.Kind.choices, required=False)
    new_street = forms.CharField(label=_("street and number"), max_length=200, required=False)
    new_postal_code = forms.CharField(label=_("postal code"), max_length=10, required=False)
    new_city = forms.CharField(label=_("city"), max_length=100, required=False)
    new_email = forms.EmailField(label=_("e-mail"), required=False)
    subject = forms.CharField(label=_("subject"), max_length=500)
    summary = forms.CharField(label=_("summary"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    received_on = forms.DateField(label=_("received on"), widget=DateInput(), initial=timezone.localdate)
    dated_on = forms.DateField(label=_("dated"), widget=DateInput(), required=False)
    their_reference = forms.CharField(label=_("sender's reference"), max_length=100, required=False)
    ezd_reference = forms.CharField(label=_("EZD case reference"), max_length=60, required=False)
    is_complex = forms.BooleanField(label=_("complex matter (two months)"), required=False)
    confidential = forms.BooleanField(
        label=_("confidential"),
        required=False,
        help_text=_("Seen only by the principal, their secretariat and the units the letter is handed to."),
    )
    scan = ScanField(label=_("scan or file of the letter"), required=False)
    allow_duplicate = forms.BooleanField(label=_("register anyway (it is another letter)"), required=False)

    #: the fields of an outgoing letter (the rest are an incoming letter's)
    OUTGOING_ONLY = ("sent_on",)

    def __init__(self, *args: Any, outgoing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.outgoing = outgoing
        self.fields["unit"].queryset = _units()
        self.fields["principal"].queryset = _holders()
        if outgoing:
            self.fields["principal"].label = _("signed by")
            self.fields["contact"].label = _("recipient from the contacts")
            self.fields["new_name"].label = _("or a new recipient: name")
            self.fields["new_kind"].label = _("kind of the new recipient")
            self.fields["kind"].initial = LetterKind.OCCASIONAL
            for name in ("received_on", "their_reference", "is_complex", "allow_duplicate"):
                del self.fields[name]
            self.fields["sent_on"] = forms.DateField(
                label=_("sent on"),
                widget=DateInput(),
                required=False,
                help_text=_("Leave empty for a letter still being prepared."),
            )
            self.fields["body"] = forms.CharField(
                label=_("text of the letter"), required=False, widget=forms.Textarea(attrs={"rows": 8})
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        name = (data.get("new_name") or "").strip()
        if not data.get("contact") and not name:
            self.add_error("contact", _("Choose the correspondent from the contacts, or type a new one's name."))
        elif data.get("contact") and name:
            self.add_error("new_name", _("Either choose a contact or type a new one, not both."))
        return data

    def service_kwargs(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        new_contact = {
            "name": data.pop("new_name", ""),
            "kind": data.pop("new_kind", ""),
            "street": data.pop("new_street", ""),
            "postal_code": data.pop("new_postal_code", ""),
            "city": data.pop("new_city", ""),
            "email": data.pop("new_email", ""),
        }
        data.pop("scan", None)
        return {**data, "new_contact": new_contact if not data.get("contact") else None}


class LetterEditForm(forms.ModelForm):
    class Meta:
        model = Letter
        fields = [
            "subject",
            "summary",
            "kind",
            "is_complex",
            "channel",
            "received_on",
            "dated_on",
            "their_reference",
            "ezd_reference",
            "principal",
            "confidential",
        ]
        widgets = {
            "received_on": DateInput(),
            "dated_on": DateInput(),
            "summary": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["principal"].queryset = _holders()
        if self.instance.is_outgoing:
            for name in ("received_on", "their_reference", "is_complex"):
                del self.fields[name]


class DecreeForm(forms.Form):
    lead_unit = forms.ModelChoiceField(label=_("lead unit"), queryset=OrgUnit.objects.none())
    units = forms.ModelMultipleChoiceField(
        label=_("co-operating units"),
        queryset=OrgUnit.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 5}),
    )
    instruction = forms.CharField(
        label=_("instruction"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["lead_unit"].queryset = _units()
        self.fields["units"].queryset = _units()


class PassOnForm(forms.Form):
    holder = forms.ModelChoiceField(label=_("pass to"), queryset=OfficeHolder.objects.none())
    instruction = forms.CharField(
        label=_("instruction"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["holder"].queryset = _holders()


def reply_templates() -> Any:
    return LetterTemplate.objects.filter(is_active=True, source_kind__in=["", "pismo_przychodzace"]).order_by("name")


class ReplyForm(forms.Form):
    """The reply to an incoming letter, written from a template (the unit's answer may be merged in)."""

    template = forms.ModelChoiceField(label=_("template"), queryset=LetterTemplate.objects.none())
    signatory = forms.ModelChoiceField(label=_("signed by"), queryset=OfficeHolder.objects.none())
    dated_on = forms.DateField(label=_("date of the letter"), widget=DateInput(), initial=timezone.localdate)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = reply_templates()
        self.fields["signatory"].queryset = _holders()


class LetterTextForm(forms.Form):
    """The texts of a prepared letter, finished by hand before it is sent."""

    subject = forms.CharField(label=_("subject"), max_length=500)
    salutation = forms.CharField(label=_("salutation"), max_length=200, required=False)
    body = forms.CharField(label=_("text of the letter"), widget=forms.Textarea(attrs={"rows": 12}))
    closing = forms.CharField(label=_("closing"), max_length=200, required=False)


class SendForm(forms.Form):
    sent_on = forms.DateField(label=_("sent on"), widget=DateInput(), initial=timezone.localdate)
    channel = forms.ChoiceField(label=_("sent by"), choices=Channel.choices, initial=Channel.POST)


class DeliveryForm(forms.Form):
    delivered_on = forms.DateField(label=_("delivered on (return receipt)"), widget=DateInput())


class CloseLetterForm(forms.Form):
    note = forms.CharField(label=_("why no reply is needed"), max_length=500)


class ExtendForm(forms.Form):
    reason = forms.CharField(
        label=_("reason (the sender is told)"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


def _scope_letters(form: forms.BaseForm, user: Any) -> None:
    """The letter picker offers (and accepts) only the letters ``user`` may see."""
    if user is not None:
        from correspondence.access import letters_visible_to

        form.fields["letter"].queryset = letters_visible_to(user).order_by("-created_at", "-id")


class LetterChoiceField(forms.ModelChoiceField):
    """A letter of the register, picked by searching its sign or subject."""

    def __init__(self, queryset: Any = None, **kwargs: Any) -> None:
        kwargs.pop("queryset", None)
        kwargs.setdefault("widget", SearchSelect(lambda: reverse("correspondence:letter_options")))
        super().__init__(queryset=Letter.objects.order_by("-created_at", "-id"), **kwargs)

    def label_from_instance(self, obj: Letter) -> str:
        return str(obj)


# --- Residents' matters ----------------------------------------------------------------------------


class MatterForm(forms.ModelForm):
    class Meta:
        model = ResidentMatter
        fields = [
            "resident_name",
            "email",
            "phone",
            "address",
            "contact",
            "kind",
            "channel",
            "received_on",
            "principal",
            "subject",
            "description",
            "location",
            "letter",
            "rodo_clause_shown",
        ]
        widgets = {"received_on": DateInput(), "description": forms.Textarea(attrs={"rows": 4})}
        field_classes = {"contact": ContactChoiceField, "letter": LetterChoiceField}

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _scope_letters(self, user)
        self.fields["principal"].queryset = _holders()
        self.fields["kind"].choices = MatterKind.choices
        self.fields["channel"].choices = MatterChannel.choices
        self.fields["contact"].required = False
        self.fields["letter"].required = False
        self.fields["rodo_clause_shown"].required = True


class ForwardForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("competent unit"), queryset=OrgUnit.objects.none())
    instruction = forms.CharField(
        label=_("what the unit should do"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = _units()


class MatterReplyForm(forms.Form):
    text = forms.CharField(label=_("reply to the resident"), widget=forms.Textarea(attrs={"rows": 5}))
    channel = forms.ChoiceField(label=_("reply sent by"), choices=ReplyChannel.choices, initial=ReplyChannel.LETTER)
    replied_on = forms.DateField(label=_("replied on"), widget=DateInput(), initial=timezone.localdate)


class NoteForm(forms.Form):
    note = forms.CharField(label=_("note"), required=False, max_length=500)


# --- Visitors and paper documents ---------------------------------------------------------------------


class VisitForm(forms.ModelForm):
    class Meta:
        model = Visit
        fields = ["visitor_name", "organisation", "host", "expected_at", "purpose", "notes"]
        widgets = {"expected_at": DateTimeInput()}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["host"].queryset = _holders()


class ArriveForm(forms.Form):
    badge_number = forms.CharField(label=_("badge number"), max_length=20, required=False)


class LeaveForm(forms.Form):
    badge_returned = forms.BooleanField(label=_("badge returned"), required=False)


def _staff() -> Any:
    return get_user_model().objects.filter(is_active=True).order_by("last_name", "first_name")


class PaperDocumentForm(forms.ModelForm):
    class Meta:
        model = PaperDocument
        fields = ["title", "letter"]
        field_classes = {"letter": LetterChoiceField}

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _scope_letters(self, user)
        self.fields["letter"].required = False


class HandDocumentForm(forms.Form):
    to_user = forms.ModelChoiceField(label=_("to"), queryset=get_user_model().objects.none(), required=False)
    to_unit = forms.ModelChoiceField(label=_("or to a unit"), queryset=OrgUnit.objects.none(), required=False)
    note = forms.CharField(label=_("note"), max_length=255, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to_user"].queryset = _staff()
        self.fields["to_unit"].queryset = _units()


# --- Templates and batches ----------------------------------------------------------------------------


class LetterTemplateForm(forms.ModelForm):
    source_kind = forms.ChoiceField(label=_("written from"), required=False)

    class Meta:
        model = LetterTemplate
        fields = [
            "name",
            "kind",
            "layout",
            "language",
            "source_kind",
            "jrwa_class",
            "signatory",
            "subject",
            "salutation",
            "body",
            "closing",
            "is_active",
        ]
        widgets = {"body": forms.Textarea(attrs={"rows": 12})}
        field_classes = {"jrwa_class": JrwaChoiceField}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["source_kind"].choices = [("", _("— only the recipient —"))] + [
            (source.key, source.label) for source in registry.letter_sources()
        ]
        self.fields["signatory"].queryset = _holders()
        from correspondence import merge

        # the fields listed beside the form: every letter's, and each kind of record's
        self.merge_groups = merge.groups_for("") + [
            merge.FieldGroup(source.key, source.label, dict(source.fields)) for source in registry.letter_sources()
        ]


class BatchForm(forms.Form):
    template = forms.ModelChoiceField(label=_("template"), queryset=LetterTemplate.objects.none())
    contacts = ContactsChoiceField(label=_("recipients"), required=False)
    tag = forms.ModelChoiceField(
        label=_("or every contact with the tag"), queryset=Tag.objects.order_by("name"), required=False
    )
    signatory = forms.ModelChoiceField(label=_("signed by"), queryset=OfficeHolder.objects.none())
    unit = forms.ModelChoiceField(label=_("register of"), queryset=OrgUnit.objects.none(), empty_label=None)
    dated_on = forms.DateField(label=_("date of the letters"), widget=DateInput(), initial=timezone.localdate)
    title = forms.CharField(label=_("name of the batch"), max_length=255, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = LetterTemplate.objects.filter(is_active=True, source_kind="").order_by(
            "name"
        )
        self.fields["signatory"].queryset = _holders()
        self.fields["unit"].queryset = _units()

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        chosen = list(data.get("contacts") or [])
        if data.get("tag"):
            chosen += list(Contact.objects.active().filter(tags=data["tag"]).order_by("name"))
        unique = list({contact.pk: contact for contact in chosen}.values())
        if not unique and not self.errors:
            self.add_error("contacts", _("Choose the recipients, or a tag whose contacts get the letter."))
        data["recipients"] = unique
        return data


# --- Translations and the archive -------------------------------------------------------------------


class TranslationOrderForm(forms.ModelForm):
    class Meta:
        model = TranslationOrder
        fields = [
            "document",
            "letter",
            "source_language",
            "target_language",
            "translator",
            "ordered_on",
            "due_on",
            "pages",
            "sworn",
            "notes",
        ]
        widgets = {"ordered_on": DateInput(), "due_on": DateInput(), "notes": forms.Textarea(attrs={"rows": 3})}
        field_classes = {"translator": ContactChoiceField, "letter": LetterChoiceField}

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _scope_letters(self, user)
        self.fields["letter"].required = False


class DeliverTranslationForm(forms.Form):
    delivered_on = forms.DateField(label=_("delivered on"), widget=DateInput(), initial=timezone.localdate)
    file = ScanField(label=_("the translation"), required=False)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("reason"), max_length=500)


class JrwaClassForm(forms.ModelForm):
    class Meta:
        model = JrwaClass
        fields = ["symbol", "title", "category", "is_active"]


class JrwaImportForm(forms.Form):
    file = forms.FileField(label=_("CSV file (symbol; title; category)"))

    def clean_file(self) -> str:
        upload = self.cleaned_data["file"]
        if upload.size > 1_000_000:
            raise forms.ValidationError(_("The file is too large for a class list."))
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise forms.ValidationError(_("Save the file as CSV in UTF-8.")) from None


class TransferForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("unit"), queryset=OrgUnit.objects.none())
    year = forms.IntegerField(label=_("year of the files"), min_value=1990, max_value=2199)
    handed_on = forms.DateField(label=_("handed over on"), widget=DateInput(), initial=timezone.localdate)
    notes = forms.CharField(label=_("notes"), required=False, max_length=1000)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = _units()
        self.fields["year"].initial = timezone.localdate().year - 1
