"""What associations and civic participation declare to the office registry: the NGO officer's
role and permissions, the letter sources of the entry certificate and the refusal, the KRS
importer, record view checks, navigation, widgets, search, the digest and demo data."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import associations.deadlines  # noqa: F401  (declares the deadline rules)
from associations.models import (
    AssociationStatus,
    CourtOpinion,
    KrsOrganisation,
    Membership,
    OrdinaryAssociation,
    SupervisionCase,
)
from associations.services import krs as krs_services
from associations.services.register import CERTIFICATE_SOURCE, REFUSAL_SOURCE
from associations.views.krs import KRS_IMPORT
from office.contributions import (
    DigestSection,
    LetterSource,
    ListItem,
    Role,
    SearchHit,
    Widget,
    has_perm,
    list_widget,
    navigation,
    register,
    registry,
    search_hits,
)
from office.roles import STAFF_CORE

NGO_OFFICER = registry.add_role(
    Role(
        "ngo_officer",
        "Organizacje pozarządowe",
        gettext_lazy("NGO officer"),
        gettext_lazy("Keeps the registers of associations, supervision, cooperation and civic participation."),
        order=80,
    )
)
registry.grant(NGO_OFFICER.key, STAFF_CORE)

_MODELS = (
    "ordinaryassociation",
    "associationversion",
    "founder",
    "krsorganisation",
    "supervisioncase",
    "courtopinion",
    "foundationreport",
    "membership",
)
_VIEW = [f"associations.view_{model}" for model in _MODELS]
registry.grant(
    NGO_OFFICER.key,
    [f"associations.{action}_{model}" for model in _MODELS for action in ("view", "add", "change")]
    # the entry certificate and the refusal are letters of the outgoing register
    + ["correspondence.view_letter", "correspondence.add_letter"],
)
registry.grant("management", _VIEW)
registry.grant("auditor", _VIEW)
registry.grant("secretariat", _VIEW)

_REGISTER_FIELDS = {
    "nazwa": (gettext_lazy("the association's name"), "Stowarzyszenie Miłośników Parku Zdrojowego"),
    "numer_ewidencyjny": (gettext_lazy("the number in the register"), "17"),
    "data_wpisu": (gettext_lazy("date of the entry"), "3 grudnia 2026 r."),
    "data_wniosku": (gettext_lazy("date of the application"), "27 listopada 2026 r."),
    "siedziba": (gettext_lazy("the seat"), "ul. Parkowa 4, 00-001 Miasto Przykładowo"),
    "cele": (gettext_lazy("the goals"), "ochrona i popularyzacja zieleni miejskiej"),
    "teren_dzialania": (gettext_lazy("the territory of action"), "Miasto Przykładowo"),
    "reprezentacja": (gettext_lazy("the representative or the board"), "Anna Nowak – przedstawiciel"),
    "uzasadnienie": (gettext_lazy("the reasons of a refusal"), ""),
}
registry.add_letter_source(
    LetterSource(CERTIFICATE_SOURCE, gettext_lazy("an ordinary association (the entry certificate)"), _REGISTER_FIELDS)
)
registry.add_letter_source(
    LetterSource(REFUSAL_SOURCE, gettext_lazy("an ordinary association (the refusal of the entry)"), _REGISTER_FIELDS)
)
registry.add_importer(KRS_IMPORT)
# the founders' names, residences and PESEL numbers: every read of an application's page is logged
registry.add_personal_data(OrdinaryAssociation, detail="associations:association_detail")

for _model, _perm in (
    (OrdinaryAssociation, "ordinaryassociation"),
    (KrsOrganisation, "krsorganisation"),
    (SupervisionCase, "supervisioncase"),
    (CourtOpinion, "courtopinion"),
    (Membership, "membership"),
):
    registry.add_view_check(_model, lambda user, record, _perm=_perm: user.has_perm(f"associations.view_{_perm}"))

_VIEW_REGISTER = has_perm("associations.view_ordinaryassociation")
_CHANGE_REGISTER = has_perm("associations.change_ordinaryassociation")
_CHANGE_CASES = has_perm("associations.change_supervisioncase")

navigation(
    "associations",
    gettext_lazy("Associations"),
    "associations:association_list",
    order=60,
    visible=_VIEW_REGISTER,
    active_prefix="/associations/",
)


def _day(value: dt.date | None) -> str:
    return date_format(value, "SHORT_DATE_FORMAT") if value else ""


def _entry_item(association: OrdinaryAssociation) -> ListItem:
    return ListItem(
        label=f"{association.reference} {association.current.name if association.current else ''}".strip(),
        url=reverse("associations:association_detail", args=[association.pk]),
        meta=_("entry due %(day)s") % {"day": _day(association.entry_due_on)},
        badge=association.get_status_display(),
        is_warning=association.entry_overdue,
    )


def _entries_due() -> Any:
    limit = timezone.localdate() + dt.timedelta(days=7)
    return (
        OrdinaryAssociation.objects.filter(status=AssociationStatus.APPLIED, entry_due_on__lte=limit)
        .select_related("current")
        .order_by("entry_due_on", "id")
    )


def _case_item(case: SupervisionCase) -> ListItem:
    return ListItem(
        label=f"{case.organisation.name}: {case.subject}",
        url=reverse("associations:case_detail", args=[case.pk]),
        meta=_("due %(day)s") % {"day": _day(case.due_on)},
        badge=case.get_kind_display(),
        is_warning=case.overdue,
    )


@register("widget", "association_entries_due", order=60, visible=_CHANGE_REGISTER)
def association_entries_due(user: Any) -> Widget:
    return list_widget(
        _entries_due(),
        _entry_item,
        title=_("Associations to enter within 7 days"),
        more_url=reverse("associations:association_list") + "?entry_due=on",
        empty_text=_("No entry is due within 7 days."),
    )


@register("widget", "supervision_due", order=61, visible=_CHANGE_CASES)
def supervision_due(user: Any) -> Widget:
    return list_widget(
        krs_services.cases_due(),
        _case_item,
        title=_("Supervision deadlines"),
        more_url=reverse("associations:case_list") + "?open=on",
        empty_text=_("No supervision case is due within 7 days."),
    )


@register("digest", "associations_due", order=60, visible=_CHANGE_REGISTER)
def digest_due(user: Any) -> DigestSection:
    """Entries in the register and supervision cases due within a week (or overdue)."""
    items = [_entry_item(a) for a in _entries_due()[:30]]
    if user.has_perm("associations.view_supervisioncase"):
        items += [_case_item(c) for c in krs_services.cases_due()[:30]]
    return DigestSection(_("Associations: entries and supervision due"), items)


@register("search", "ordinary_associations", order=60, visible=_VIEW_REGISTER)
def search_associations(user: Any, *, query: str) -> list[SearchHit]:
    return search_hits(
        OrdinaryAssociation.objects.select_related("current").order_by("number", "id"),
        query,
        ("current__name", "current__seat_address"),
        title=_("Ordinary associations"),
        hit=lambda a: (str(a), reverse("associations:association_detail", args=[a.pk]), a.get_status_display()),
    )


@register("search", "krs_organisations", order=61, visible=has_perm("associations.view_krsorganisation"))
def search_organisations(user: Any, *, query: str) -> list[SearchHit]:
    return search_hits(
        KrsOrganisation.objects.order_by("name", "id"),
        query,
        ("name", "krs_number", "seat_address"),
        title=_("Organisations in KRS"),
        hit=lambda o: (str(o), reverse("associations:krs_detail", args=[o.pk]), o.get_legal_form_display()),
    )


@register("search", "memberships", order=62, visible=has_perm("associations.view_membership"))
def search_memberships(user: Any, *, query: str) -> list[SearchHit]:
    return search_hits(
        Membership.objects.order_by("organisation", "id"),
        query,
        ("organisation", "representatives", "resolution_number"),
        title=_("Memberships of the city"),
        hit=lambda m: (m.organisation, reverse("associations:membership_detail", args=[m.pk]), m.resolution_number),
    )


@register("record_links", "association_letters", order=60, visible=_VIEW_REGISTER)
def association_of_letter(user: Any, *, record: Any) -> list[ListItem]:
    """On the page of an entry certificate or a refusal letter: the association it was written for."""
    if record._meta.label_lower != "correspondence.letter":
        return []
    found = (
        OrdinaryAssociation.objects.filter(Q(certificate_id=record.pk) | Q(refusal_letter_id=record.pk))
        .select_related("current")
        .first()
    )
    if found is None:
        return []
    return [
        ListItem(
            label=str(found),
            url=reverse("associations:association_detail", args=[found.pk]),
            meta=_("ordinary association"),
        )
    ]


@register("demo", "associations", order=60)
def demo(admin: Any) -> None:
    from associations.demo import seed

    seed(admin)
