"""Who may see and change what. Views load objects through these helpers.

A record outside the user's scope is 404 (its existence is not revealed); a record the
user may see but not change is 403.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q
from django.http import Http404

from office.contributions import registry
from office.models import Assignment, Attachment, Job

# --- Assignments -------------------------------------------------------------------------


def assignments_visible_to(user: Any) -> models.QuerySet[Assignment]:
    """The assignments ``user`` may see: all with view_all_assignments, else their own scope."""
    qs = Assignment.objects.all()
    if not user.is_authenticated or not user.has_perm("office.view_assignment"):
        return qs.none()
    if user.has_perm("office.view_all_assignments"):
        return qs
    scope = Q(assignee=user) | Q(created_by=user)
    if user.unit_id:
        scope |= Q(unit_id=user.unit_id)
    return qs.filter(scope)


def get_assignment_for_user(user: Any, pk: int) -> Assignment:
    try:
        return assignments_visible_to(user).with_related().get(pk=pk)
    except Assignment.DoesNotExist:
        raise Http404 from None


def can_answer(user: Any, assignment: Assignment) -> bool:
    """The responsible unit's liaison, or the responsible person, works on the assignment."""
    if not user.has_perm("office.answer_assignment") and assignment.assignee_id != user.pk:
        return False
    return assignment.assignee_id == user.pk or (user.unit_id is not None and user.unit_id == assignment.unit_id)


def can_manage(user: Any, assignment: Assignment) -> bool:
    """The issuer side: accept, send back, close, change the due date."""
    if not user.has_perm("office.manage_assignment"):
        return False
    return user.has_perm("office.view_all_assignments") or assignment.created_by_id == user.pk


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


# --- Records of other apps (attachments, audit) ---------------------------------------------


def can_view_record(user: Any, instance: models.Model) -> bool:
    """Whether ``user`` may see ``instance`` of any app: its app declared the rule in the
    registry (``registry.add_view_check``); a record of a model without one is seen by nobody."""
    check = registry.view_check(type(instance))
    if check is None:
        return False
    return check(user, instance)


def get_attachment_for_user(user: Any, pk: int) -> Attachment:
    try:
        attachment = Attachment.objects.select_related("content_type").get(pk=pk)
    except Attachment.DoesNotExist:
        raise Http404 from None
    record = attachment.record
    if record is None or not can_view_record(user, record):
        raise Http404
    return attachment


def get_job_for_user(user: Any, pk: Any) -> Job:
    try:
        return Job.objects.get(pk=pk, owner=user)
    except (Job.DoesNotExist, ValueError):
        raise Http404 from None
