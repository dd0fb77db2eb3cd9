"""The media directory: outlets, journalists with their employment history, distribution lists."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from media_relations.models import DistributionList, Journalist, JournalistOutlet, Outlet
from office.kit.spreadsheets import fold
from office.services import audit


@transaction.atomic
def save_outlet(*, actor: Any, outlet: Outlet, tags: Any = None) -> Outlet:
    """Create or update an outlet (``outlet`` unsaved or changed in memory by a form)."""
    outlet.name = outlet.name.strip()
    return audit.save_record(actor=actor, record=outlet, related={"tags": tags})


@transaction.atomic
def save_journalist(
    *,
    actor: Any,
    journalist: Journalist,
    outlet: Outlet | None = None,
    position: str = "",
    since: dt.date | None = None,
    tags: Any = None,
) -> Journalist:
    """Create or update a journalist; a different ``outlet`` closes the current employment and opens one."""
    journalist.name = journalist.name.strip()
    if not journalist.name:
        raise ValidationError({"name": _("Give the journalist's name.")})
    audit.save_record(actor=actor, record=journalist, related={"tags": tags})
    if outlet is not None:
        change_outlet(actor=actor, journalist=journalist, outlet=outlet, position=position, since=since)
    return journalist


def current_employment(journalist: Journalist) -> JournalistOutlet | None:
    return journalist.employments.filter(ended_on__isnull=True).select_related("outlet").first()


@transaction.atomic
def change_outlet(
    *, actor: Any, journalist: Journalist, outlet: Outlet, position: str = "", since: dt.date | None = None
) -> JournalistOutlet:
    """The journalist works for ``outlet`` from ``since`` (today): the open row is closed the day before."""
    since = since or timezone.localdate()
    current = journalist.employments.select_for_update(of=("self",)).filter(ended_on__isnull=True).first()
    if current is not None:
        if current.outlet_id == outlet.pk:
            if position and position != current.position:
                current.position = position
                current.save(update_fields=["position"])
            return current
        if since <= current.started_on:
            raise ValidationError(
                {
                    "since": _("The new employment must start after the current one (%(day)s).")
                    % {"day": current.started_on.strftime("%d.%m.%Y")}
                }
            )
        current.ended_on = since - dt.timedelta(days=1)
        current.save(update_fields=["ended_on"])
    employment = JournalistOutlet.objects.create(
        journalist=journalist, outlet=outlet, position=position.strip(), started_on=since
    )
    audit.record(
        actor=actor,
        instance=journalist,
        action="update",
        changes={"outlet": [str(current.outlet) if current else None, str(outlet)]},
    )
    return employment


@transaction.atomic
def import_journalists(*, actor: Any, rows: list[dict[str, Any]], message: Any = "") -> int:
    """Add a journalist of each row (a spreadsheet row's cleaned data, ``office.kit.imports``) with
    their outlet from ``since`` (today); an outlet the rows name that is not in the directory (an
    unsaved ``Outlet``) is added once. Every record gets its trail entry saying where it came
    from (``message``); a few queries for any number of rows."""
    added: dict[str, Outlet] = {}
    for row in rows:
        outlet = row.get("outlet")
        if outlet is not None and outlet.pk is None:
            added.setdefault(fold(outlet.name), Outlet(name=outlet.name.strip(), kind=outlet.kind))
    for outlet in added.values():
        outlet.full_clean(validate_unique=False)  # the names are checked at once below
    taken = list(
        Outlet.objects.filter(name__in=[outlet.name for outlet in added.values()]).values_list("name", flat=True)
    )
    if taken:
        raise ValidationError(
            _("The outlet “%(name)s” was added meanwhile; check the file again.") % {"name": taken[0]}
        )
    Outlet.objects.bulk_create(added.values())
    models.prefetch_related_objects(list(added.values()), "tags")
    audit.record_created_rows(actor=actor, instances=added.values(), message=message)
    fields = ("name", "email", "phone", "beat", "preferred_channel", "notes")
    journalists = [Journalist(**{name: row[name] for name in fields}) for row in rows]
    for journalist in journalists:
        journalist.full_clean()
    Journalist.objects.bulk_create(journalists, batch_size=500)
    today = timezone.localdate()
    employments = []
    for journalist, row in zip(journalists, rows, strict=True):
        outlet = row.get("outlet")
        if outlet is not None:
            outlet = outlet if outlet.pk else added[fold(outlet.name)]
            employments.append(
                JournalistOutlet(
                    journalist=journalist, outlet=outlet, position=row["position"], started_on=row["since"] or today
                )
            )
    JournalistOutlet.objects.bulk_create(employments, batch_size=500)
    models.prefetch_related_objects(journalists, "tags", "outlets")
    audit.record_created_rows(actor=actor, instances=journalists, message=message)
    return len(journalists)


@transaction.atomic
def save_distribution_list(*, actor: Any, distribution_list: DistributionList, journalists: Any) -> DistributionList:
    return audit.save_record(actor=actor, record=distribution_list, related={"journalists": journalists})
