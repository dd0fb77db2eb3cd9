"""The contact directory: list and search, create, change, merge duplicates."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from office import access
from office.contributions import registry
from office.db import polish
from office.filters import ContactFilter
from office.forms import ContactForm, ContactImportForm, MergeContactsForm
from office.kit import Editor, PageLink, apply_errors, list_page, render_page
from office.kit.imports import Importer, Match, find_by, fold
from office.kit.widgets import options_view
from office.models import Contact, Tag
from office.services import audit
from office.services import contacts as service


def _get_contact(pk: int) -> Contact:
    try:
        return Contact.objects.select_related("organisation", "merged_into").get(pk=pk)
    except Contact.DoesNotExist:
        raise Http404 from None


@require_GET
@login_required
@permission_required("office.view_contact", raise_exception=True)
def contact_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=Contact.objects.active()
        .select_related("organisation")
        .prefetch_related(Prefetch("tags", queryset=Tag.objects.order_by("name")))
        .order_by(polish("name"), "id"),
        filterset_class=ContactFilter,
        fragment="office/contacts/_table.html",
        title=_("Contacts"),
        filter_label=_("Filter contacts"),
        links=[
            PageLink(_("New contact"), reverse("office:contact_create"), "office.add_contact"),
            PageLink(_("Import"), reverse("office:contact_import"), "office.add_contact"),
        ],
        context={"live": "id_q"},
    )


@require_GET
@login_required
@permission_required("office.view_contact", raise_exception=True)
def contact_detail(request: HttpRequest, pk: int) -> HttpResponse:
    contact = _get_contact(pk)
    if contact.merged_into_id:
        messages.info(request, _("This contact was merged; you see the contact it was merged into."))
        return redirect("office:contact_detail", contact.merged_into_id)
    return render_page(
        request,
        "office/contacts/detail.html",
        {
            "contact": contact,
            "people": contact.people.active().order_by(polish("name"))[:50],
            "tags": contact.tags.order_by("name"),
            "duplicates": service.find_possible_duplicates(contact),
            "trail": audit.trail_for(contact),
            "history": registry.collect("contact_history", request.user, contact=contact),
            "can_change": request.user.has_perm("office.change_contact"),
            "can_merge": request.user.has_perm("office.merge_contact"),
        },
    )


def _editable_contact(request: HttpRequest, pk: Any) -> Contact:
    access.require(request.user.has_perm("office.change_contact"))
    contact = _get_contact(pk)
    if contact.merged_into_id:
        raise Http404
    return contact


#: the options of every contact picker (``office.kit.widgets.SearchSelect``)
contact_options = options_view(
    permission="office.view_contact",
    queryset=lambda user, params: (
        Contact.objects.active().select_related("organisation").order_by(polish("name"), "pk")
    ),
    fields=("name", "email", "city"),
    label=lambda contact: contact.choice_label,
)


CONTACT_EDITOR = Editor(
    form=ContactForm,
    save=lambda request, form: service.save_contact(
        actor=request.user, contact=form.save(commit=False), tags=form.cleaned_data["tags"]
    ),
    success=gettext_lazy("The contact was saved."),
    detail="office:contact_detail",
    listing=("office:contact_list", gettext_lazy("Contacts")),
    titles=(gettext_lazy("New contact"), gettext_lazy("Change contact")),
)
contact_create = CONTACT_EDITOR.create_view(permission="office.add_contact", new=lambda request: Contact())
contact_edit = CONTACT_EDITOR.edit_view(load=_editable_contact)


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("office.merge_contact", raise_exception=True)
def contact_merge(request: HttpRequest, pk: int) -> HttpResponse:
    """Merge the contact with the duplicates chosen on its page (``ids``)."""
    contact = _get_contact(pk)
    if contact.merged_into_id:
        raise Http404
    ids = [
        int(i)
        for i in request.POST.getlist("ids") + request.GET.getlist("ids")
        if str(i).isdecimal() and len(str(i)) < 19
    ]
    candidates = Contact.objects.active().filter(pk__in=[contact.pk, *ids]).order_by("pk")
    form = MergeContactsForm(request.POST or None, candidates=candidates, initial={"keep": contact})
    if len(candidates) < 2:
        messages.error(request, _("Choose at least one duplicate to merge."))
        return redirect("office:contact_detail", contact.pk)
    if request.method == "POST" and "keep" in request.POST and form.is_valid():
        keep = form.cleaned_data["keep"]
        try:
            service.merge_contacts(actor=request.user, keep=keep, duplicates=[c for c in candidates if c.pk != keep.pk])
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The contacts were merged."))
            return redirect("office:contact_detail", keep.pk)
    return render_page(
        request, "office/contacts/merge.html", {"contact": contact, "candidates": candidates, "form": form, "ids": ids}
    )


# --- Import from a spreadsheet (office.kit.imports) --------------------------------------------


def _contact_keys(data: dict[str, Any]) -> list[str]:
    """A row repeats a contact with the same e-mail, or the same name in the same organisation."""
    organisation = data.get("organisation")
    keys = [f"name:{fold(data['name'])}|{fold(organisation.name) if organisation else ''}"]
    return [f"email:{fold(data['email'])}", *keys] if data.get("email") else keys


def _existing_contacts(rows: list[dict[str, Any]]) -> dict[str, Match]:
    found = find_by(
        Contact.objects.active().select_related("organisation"),
        {"email": [row["email"] for row in rows], "name": [row["name"] for row in rows]},
    )
    return {
        key: Match(contact.choice_label, reverse("office:contact_detail", args=[contact.pk]))
        for contact in found
        for key in _contact_keys({"name": contact.name, "email": contact.email, "organisation": contact.organisation})
    }


def _organisations(rows: list[dict[str, str]]) -> dict[str, Any]:
    """The organisations the file names, found at once: {folded name: [contacts]}."""
    named: dict[str, list[Contact]] = {}
    organisations = Contact.objects.active().exclude(kind=Contact.Kind.PERSON)
    for contact in find_by(organisations, {"name": [row.get("organisation", "") for row in rows]}):
        named.setdefault(fold(contact.name), []).append(contact)
    return {"organisations": named}


CONTACT_IMPORT = Importer(
    key="office.contacts",
    url_name="office:contact",
    label=gettext_lazy("Contacts"),
    permission="office.add_contact",
    form=ContactImportForm,
    columns=("name", "kind", "organisation", "position", "email", "phone", "street", "postal_code", "city", "notes"),
    keys=_contact_keys,
    existing=_existing_contacts,
    save=service.import_contacts,
    listing="office:contact_list",
    prepare=_organisations,
    aliases={
        "name": ("imię i nazwisko", "nazwisko", "full name"),
        "organisation": ("instytucja", "firma", "organization"),
        "position": ("funkcja", "job title"),
        "email": ("adres e-mail", "mail"),
        "phone": ("tel", "nr telefonu", "phone number"),
        "street": ("ulica", "adres", "address", "street"),
        "postal_code": ("kod", "postcode", "zip code"),
        "city": ("miasto", "town"),
        "notes": ("notatki", "notatka", "comments"),
    },
)
