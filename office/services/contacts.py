"""The contact directory: create, change, merge duplicates."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from office.models import Contact
from office.services import audit


@transaction.atomic
def save_contact(*, actor: Any, contact: Contact, tags: Any = None) -> Contact:
    """Create or change a contact (a form's unsaved instance) and record it in the trail."""
    if contact.merged_into_id:
        raise ValidationError(_("This contact was merged into another one and cannot be changed."))
    return audit.save_record(actor=actor, record=contact, related={"tags": tags})


@transaction.atomic
def import_contacts(*, actor: Any, rows: list[dict[str, Any]], message: Any = "") -> int:
    """Create a contact of each row (a spreadsheet row's cleaned data, ``office.kit.imports``), with
    a trail entry each saying where it came from (``message``); a few queries for any number."""
    contacts = [Contact(**row) for row in rows]
    for contact in contacts:
        contact.full_clean(exclude=["organisation"])  # the importer found the organisation by its name
    Contact.objects.bulk_create(contacts, batch_size=500)
    models.prefetch_related_objects(contacts, "tags")
    audit.record_created_rows(actor=actor, instances=contacts, message=message)
    return len(contacts)


FILLABLE = ["email", "phone", "street", "postal_code", "city", "position", "organisation_id"]


@transaction.atomic
def merge_contacts(*, actor: Any, keep: Contact, duplicates: list[Contact]) -> Contact:
    """Merge ``duplicates`` into ``keep``.

    Every reference to a duplicate, in any app, is moved to ``keep`` (found through the
    model's reverse relations, so the core needs to know no feature app); empty fields of
    ``keep`` are filled from the duplicates, tags and notes are joined; the duplicates stay
    as records pointing at ``keep`` (merged_into), so old links still resolve. A row that
    would repeat one ``keep`` already has where its model allows only one (a guest of the same
    event) stays with its duplicate.
    """
    duplicates = [d for d in duplicates if d.pk != keep.pk]
    if not duplicates:
        raise ValidationError(_("Choose at least one other contact to merge."))
    if keep.merged_into_id or any(d.merged_into_id for d in duplicates):
        raise ValidationError(_("A contact that was already merged cannot be merged again."))
    before = audit.snapshot(keep)
    dup_ids = [d.pk for d in duplicates]
    for relation in Contact._meta.related_objects:
        if relation.related_model is Contact and relation.field.name == "merged_into":
            continue
        if relation.many_to_many:
            through = relation.through
            source = relation.field.m2m_reverse_field_name()
            target = relation.field.m2m_field_name()
            existing = set(through.objects.filter(**{source: keep.pk}).values_list(f"{target}_id", flat=True))
            for row in through.objects.filter(**{f"{source}__in": dup_ids}):
                other = getattr(row, f"{target}_id")
                if other in existing:
                    row.delete()  # keep is already linked (or another duplicate's row was just moved)
                else:
                    setattr(row, f"{source}_id", keep.pk)
                    row.save()
                    existing.add(other)
        elif relation.one_to_many or relation.one_to_one:
            moved = relation.related_model._base_manager.filter(**{f"{relation.field.name}__in": dup_ids})
            staying = _clashing_rows(relation.field, keep, moved)
            audit.update_rows(
                actor=actor,
                queryset=moved.exclude(pk__in=staying) if staying else moved,
                values={relation.field.name: keep},
                message=audit.note(gettext_noop("Contact merged into %(name)s (#%(pk)s)"), name=keep.name, pk=keep.pk),
            )
    for duplicate in duplicates:
        for name in FILLABLE:
            if not getattr(keep, name) and getattr(duplicate, name):
                setattr(keep, name, getattr(duplicate, name))
        if duplicate.notes and duplicate.notes not in keep.notes:
            keep.notes = "\n".join(part for part in (keep.notes, duplicate.notes) if part)
        keep.tags.add(*duplicate.tags.all())
    if keep.organisation_id in dup_ids or keep.organisation_id == keep.pk:
        keep.organisation = None  # never its own organisation, nor a merged duplicate
    keep.save()
    audit.record_update(
        actor=actor,
        instance=keep,
        before=before,
        message=audit.note(
            gettext_noop("Merged: %(names)s"), names=", ".join(f"{d.name} (#{d.pk})" for d in duplicates)
        ),
    )
    audit.update_rows(
        actor=actor,
        queryset=Contact.objects.filter(pk__in=dup_ids),
        values={"merged_into": keep},
        message=audit.note(gettext_noop("Merged into %(name)s (#%(pk)s)"), name=keep.name, pk=keep.pk),
    )
    return keep


def _clashing_rows(field: Any, keep: Contact, moved: models.QuerySet[Any]) -> list[Any]:
    """The ids of the rows of ``moved`` that, pointed at ``keep``, would break a unique constraint
    of their model that includes ``field`` (with ``keep``'s own rows or with one moved before)."""
    meta = field.model._meta
    sets = [tuple(names) for names in meta.unique_together]
    sets += [tuple(c.fields) for c in meta.constraints if isinstance(c, models.UniqueConstraint) and c.fields]
    if field.unique:
        sets.append((field.name,))
    sets = [
        tuple(meta.get_field(name).attname for name in names if name != field.name)
        for names in sets
        if field.name in names
    ]
    if not sets:
        return []
    columns = sorted({name for names in sets for name in names})
    taken: set[tuple[Any, ...]] = set()
    for row in field.model._base_manager.filter(**{field.name: keep}).values(*columns):
        taken.update((index, *(row[name] for name in names)) for index, names in enumerate(sets))
    staying = []
    for row in moved.order_by("pk").values("pk", *columns):
        keys = [(index, *(row[name] for name in names)) for index, names in enumerate(sets)]
        # NULLs never clash in a unique constraint
        keys = [key for key in keys if None not in key]
        if any(key in taken for key in keys):
            staying.append(row["pk"])
        else:
            taken.update(keys)
    return staying


def find_possible_duplicates(contact: Contact, limit: int = 10) -> models.QuerySet[Contact]:
    """Active contacts with the same e-mail, phone, or name."""
    match = models.Q(name__iexact=contact.name)
    if contact.email:
        match |= models.Q(email__iexact=contact.email)
    if contact.phone:
        match |= models.Q(phone=contact.phone)
    return Contact.objects.active().filter(match).exclude(pk=contact.pk)[:limit]
