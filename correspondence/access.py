"""Who sees and changes which letter.

- The register (``correspondence.view_letter``): secretariats, office staff, management and
  auditors read it; those with ``change_letter`` register and change letters.
- A unit's staff see the letters decreed to their unit (and only those), from their inbox.
- **The one confidentiality rule** (``visible_q``): a confidential letter is seen only by its
  principal, the principal's secretariat and the staff of the units it was decreed to — by no
  one else, whatever their permissions (an administrator included). Lists, search, widgets,
  the contact's history and the digest all filter with it; a confidential letter's ``str()``
  (the audit trail, assignments, messages) carries its sign, never its subject.
- Decree (``may_decree``): the principal, their secretariat, or whoever holds ``decree_letter``.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from correspondence.models import Decree, Letter
from office.access import require  # noqa: F401  (403 unless allowed; the app's views call access.require)
from office.models import OfficeHolder


def holders_served(user: Any) -> frozenset[int]:
    """Office holders whose letters ``user`` handles as the holder or their secretary (one query,
    remembered on the user for the request)."""
    cached = getattr(user, "_holders_served", None)
    if cached is not None:
        return cached
    if not user.is_authenticated:
        return frozenset()
    ids = frozenset(
        OfficeHolder.objects.filter(Q(user=user) | Q(memberships__user=user)).values_list("pk", flat=True).distinct()
    )
    user._holders_served = ids
    return ids


def _decreed_to_unit(user: Any) -> QuerySet:
    return Decree.objects.filter(unit_id=user.unit_id).values("letter_id")


def visible_q(user: Any) -> Q:
    """Letters ``user`` may see: the register (without others' confidential letters) for readers
    of the register, the letters decreed to their unit for everyone else."""
    if not user.is_authenticated:
        return Q(pk__in=[])
    served = sorted(holders_served(user))
    # the principal now, and every principal who passed the letter on with a decree
    own = Q(principal_id__in=served) | Q(pk__in=Decree.objects.filter(on_behalf_of_id__in=served).values("letter_id"))
    if user.unit_id:
        own |= Q(pk__in=_decreed_to_unit(user))
    if user.has_perm("correspondence.view_letter"):
        return Q(confidential=False) | own
    return own


def letters_visible_to(user: Any) -> QuerySet[Letter]:
    return Letter.objects.filter(visible_q(user))


def get_letter_for_user(user: Any, pk: Any) -> Letter:
    try:
        return letters_visible_to(user).select_related("unit", "jrwa_class", "principal", "contact").get(pk=pk)
    except (Letter.DoesNotExist, ValueError):
        raise Http404 from None


def may_view(user: Any, letter: Letter) -> bool:
    """The record check the core asks (attachments of a letter, links from assignments)."""
    return letters_visible_to(user).filter(pk=letter.pk).exists()


def can_register(user: Any) -> bool:
    return user.has_perm("correspondence.add_letter")


def may_change(user: Any, letter: Letter) -> bool:
    return user.has_perm("correspondence.change_letter")


def may_decree(user: Any, letter: Letter) -> bool:
    return letter.principal_id in holders_served(user) or user.has_perm("correspondence.decree_letter")


# --- Residents' matters ---------------------------------------------------------------------------


def matters_visible_to(user: Any) -> QuerySet:
    """Every matter for those who handle residents' matters; the matters forwarded to their unit
    for a unit's staff (they answer them from their inbox)."""
    from correspondence.models import ResidentMatter

    if not user.is_authenticated:
        return ResidentMatter.objects.none()
    if user.has_perm("correspondence.view_residentmatter"):
        return ResidentMatter.objects.all()
    if user.unit_id:
        return ResidentMatter.objects.filter(unit_id=user.unit_id)
    return ResidentMatter.objects.none()


def get_matter_for_user(user: Any, pk: Any) -> Any:
    from correspondence.models import ResidentMatter

    try:
        return matters_visible_to(user).select_related("principal", "unit", "letter", "assignment").get(pk=pk)
    except (ResidentMatter.DoesNotExist, ValueError):
        raise Http404 from None


def get_or_404(queryset: QuerySet, pk: Any) -> Any:
    try:
        return queryset.get(pk=pk)
    except (queryset.model.DoesNotExist, ValueError):
        raise Http404 from None
