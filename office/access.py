"""Who may see and change what. Views load objects through these helpers.

A record outside the user's scope is 404 (its existence is not revealed); a record the
user may see but not change is 403.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.urls import Resolver404, resolve

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


def record_of(content_type_id: int | None, object_id: Any) -> models.Model | None:
    """The record a stored (type, id) pair names, or None when it is gone or names nothing."""
    if not content_type_id or object_id is None:
        return None
    try:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        return model._default_manager.get(pk=object_id) if model is not None else None
    except (ObjectDoesNotExist, ValueError, TypeError):
        return None


def may_open(user: Any, record: models.Model | None, url: str) -> bool:
    """Whether a link to ``record`` at ``url`` leads ``user`` to it (a link the user may not
    follow is not shown): the record's own check when its app declared one
    (``registry.add_view_check``) and the permission of the view at ``url``."""
    if not url:
        return False
    if record is not None and registry.view_check(type(record)) is not None and not can_view_record(user, record):
        return False
    return may_follow(user, url)


# --- Links -----------------------------------------------------------------------------------


@lru_cache(maxsize=1024)
def _user_tests(view: Callable[..., Any]) -> tuple[Callable[[Any], Any], ...]:
    """The user tests a view is wrapped in (``login_required``, ``permission_required``,
    ``user_passes_test``): each wrapper keeps its ``test_func`` and the view it wraps."""
    tests: list[Callable[[Any], Any]] = []
    seen: set[int] = set()
    current: Any = view
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        code = getattr(current, "__code__", None)
        closure = getattr(current, "__closure__", None)
        if code is not None and closure and "test_func" in code.co_freevars:
            tests.append(closure[code.co_freevars.index("test_func")].cell_contents)
        current = getattr(current, "__wrapped__", None)
    return tuple(tests)


def may_follow(user: Any, url: str) -> bool:
    """Whether ``user`` passes the permission of the view at ``url`` (a path of this site; an
    address of another site is not ours to judge). The view's own object rules are not asked:
    links to records go through ``may_open``."""
    parts = urlsplit(str(url))
    if parts.scheme or parts.netloc:
        return True
    try:
        match = resolve(parts.path or "/")
    except Resolver404:
        return False
    for test in _user_tests(match.func):
        try:
            if not test(user):
                return False
        except PermissionDenied:
            return False
    return True


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
