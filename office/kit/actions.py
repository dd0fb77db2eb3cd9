"""Actions on a record: one URL, one permission and one small view per action.

An app describes the actions on one kind of record as an ``ActionSet``:

    INQUIRY_ACTIONS = ActionSet(
        "inquiry",
        load=lambda request, pk: access.get_inquiry(request.user, pk),   # 404 outside the scope
        done_url=lambda inquiry: reverse("media_relations:inquiry_detail", args=[inquiry.pk]),
        redisplay=lambda request, inquiry, forms: render(..., detail_context(request, inquiry, forms)),
        actions=[
            Action("approve", services.approve_answer, ApproveForm, permission="media_relations.approve_answer",
                   success=_("The answer was approved.")),
            ...
        ],
    )
    urlpatterns += INQUIRY_ACTIONS.urls("inquiries/<int:pk>/")   # inquiry_approve, ...

Each action's view: POST only, login required; loads the record (404 outside the user's
scope), checks the action's permission and object rule (403), validates its form, calls
``run(request, record, cleaned_data)`` in one transaction. A ValidationError from the service goes back onto the
form, and the record page is shown again with it (``redisplay``), keeping what was typed; a
form-less action shows the error as a message. Success: the action's message and a redirect
to ``done_url(record)`` — unless ``run`` returned a response of its own (a job page).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import KW_ONLY, dataclass, field, replace
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import URLPattern, path
from django.views.decorators.http import require_POST

from office.kit.pages import apply_errors

#: An Action's permission when it takes the ActionSet's.
INHERIT = "<the action set's permission>"


@dataclass(frozen=True)
class Action:
    """One thing a user can do to a record.

    ``name``: the URL segment and the URL name's suffix; ``service`` or ``run`` does the work
    (see below); ``form``: the form validating the POST (None: no input); ``permission``: a
    Django permission the user must hold; ``allowed(user, record)``: who may act on this record
    (both give 403 when they fail); ``when(record)``: whether the action makes sense in the
    record's state — it only decides whether the page offers it (the service refuses a move the
    workflow forbids with a message, which a stale page may still send); ``success``: the message
    after it worked; ``form_key``: the name under which the record page expects this form
    (default ``<name>_form``).
    """

    name: str
    #: ``service(actor=..., <record_arg>=record, **cleaned_data)``: the usual case, a service
    #: taking the form's fields as keyword arguments
    service: Callable[..., Any] | None = None
    form: type[Form] | None = None
    _: KW_ONLY
    #: ``run(request, record, cleaned_data)``: anything else (a response of its own, extra steps)
    run: Callable[[HttpRequest, Any, dict[str, Any]], Any] | None = None
    #: the ActionSet's permission unless given (None: no permission beyond seeing the record)
    permission: str | None = INHERIT
    allowed: Callable[[Any, Any], bool] | None = None
    when: Callable[[Any], bool] | None = None
    success: Any = ""
    form_key: str = ""
    #: extra keyword arguments of the form (e.g. choices that depend on the record)
    form_kwargs: Callable[[HttpRequest, Any], dict[str, Any]] | None = None
    #: initial values of the unbound form on the record page
    initial: Callable[[HttpRequest, Any], dict[str, Any]] | None = None
    #: the form's prefix carries the record's id too, for pages that list several records with
    #: the same action (the responses of one publication): ``sent-12-sent_on``
    prefix_by_record: bool = False
    #: share another action's form (one form with two submit buttons: "save" and "save and send")
    form_prefix: str = ""

    @property
    def key(self) -> str:
        return self.form_key or f"{self.name}_form"

    def prefix(self, record: Any) -> str:
        """Every action's form has its own prefix, so the fields of several forms on one page
        never share a name or an id (``id_input-due_date``, ``id_extend-new_due``)."""
        name = (self.form_prefix or self.name).replace("_", "-")
        return f"{name}-{record.pk}" if self.prefix_by_record else name

    def make_form(self, request: HttpRequest, record: Any, data: Any = None, files: Any = None) -> Form:
        assert self.form is not None
        extra = self.form_kwargs(request, record) if self.form_kwargs else {}
        if data is None:
            initial = self.initial(request, record) if self.initial else None
            return self.form(prefix=self.prefix(record), initial=initial, **extra)
        return self.form(data, files, prefix=self.prefix(record), **extra)

    def perform(self, request: HttpRequest, record: Any, data: dict[str, Any], record_arg: str) -> Any:
        if self.run is not None:
            return self.run(request, record, data)
        assert self.service is not None, f"action {self.name!r} has neither a service nor run"
        return self.service(actor=request.user, **{record_arg: record}, **data)

    def may(self, user: Any, record: Any) -> bool:
        """Whether ``user`` may take this action on ``record`` at all (else 403)."""
        if self.permission and not user.has_perm(self.permission):
            return False
        return self.allowed is None or bool(self.allowed(user, record))

    def offered(self, user: Any, record: Any) -> bool:
        """Whether the record page offers the action to ``user`` now."""
        return self.may(user, record) and (self.when is None or bool(self.when(record)))


@dataclass
class ActionSet:
    """The actions on one kind of record (see the module's docstring)."""

    name: str
    load: Callable[[HttpRequest, Any], Any]
    done_url: Callable[[Any], str]
    redisplay: Callable[[HttpRequest, Any, dict[str, Form]], HttpResponse]
    actions: list[Action] = field(default_factory=list)
    #: the keyword under which services receive the record (default: the set's name)
    record_arg: str = ""
    #: the permission of every action that does not name its own
    permission: str | None = None

    def __post_init__(self) -> None:
        names = [action.name for action in self.actions]
        if len(names) != len(set(names)):
            raise ValueError(f"ActionSet {self.name!r} names an action twice: {names}")
        self.record_arg = self.record_arg or self.name
        self.actions = [
            replace(action, permission=self.permission) if action.permission == INHERIT else action
            for action in self.actions
        ]

    def __getitem__(self, name: str) -> Action:
        for action in self.actions:
            if action.name == name:
                return action
        raise KeyError(name)

    def url_name(self, action: Action) -> str:
        return f"{self.name}_{action.name}"

    def urls(self, route: str) -> list[URLPattern]:
        """One ``path`` per action below ``route`` (which ends with a slash and captures ``pk``)."""
        return [
            path(f"{route}{action.name.replace('_', '-')}/", self.view(action), name=self.url_name(action))
            for action in self.actions
        ]

    def allowed_for(self, user: Any, record: Any, bound: dict[str, Form] | None = None) -> dict[str, bool]:
        """``{action name: is it offered to the user now}`` for a record page's buttons. An
        action whose form just failed stays on the page even when the record's state no longer
        offers it (a stale page): the user sees why and keeps what they typed."""
        bound = bound or {}
        return {action.name: action.key in bound or action.offered(user, record) for action in self.actions}

    def forms(self, request: HttpRequest, record: Any, bound: dict[str, Form] | None = None) -> dict[str, Form]:
        """The forms of the actions the user may take, by ``form_key``, for the record page;
        a form that failed (``bound``) is given back as it is, with its errors and input."""
        bound = bound or {}
        offered = self.allowed_for(request.user, record, bound)
        return {
            action.key: bound.get(action.key) or action.make_form(request, record)
            for action in self.actions
            if action.form is not None and offered[action.name]
        }

    def context(self, request: HttpRequest, record: Any, bound: dict[str, Form] | None = None) -> dict[str, Any]:
        """For the record page: every action form (``forms``), ``may`` (which actions the user
        may take, for the buttons) and ``failed_form`` (the form that came back with errors, for
        the error summary)."""
        bound = bound or {}
        return {
            **self.forms(request, record, bound),
            "may": self.allowed_for(request.user, record, bound),
            "failed_form": next((form for form in bound.values() if form is not None), None),
        }

    def view(self, action: Action) -> Callable[..., HttpResponse]:
        actions = self

        def view(request: HttpRequest, pk: Any) -> HttpResponse:
            record = actions.load(request, pk)
            if not action.may(request.user, record):
                raise PermissionDenied
            form = None
            if action.form is not None:
                form = action.make_form(request, record, request.POST, request.FILES)
            if form is None or form.is_valid():
                try:
                    data = form.cleaned_data if form is not None else {}
                    # all or nothing: a step that refuses undoes the steps before it
                    with transaction.atomic():
                        outcome = action.perform(request, record, data, actions.record_arg)
                except ValidationError as error:
                    if form is None:
                        messages.error(request, " ".join(error.messages))
                        return redirect(actions.done_url(record))
                    apply_errors(form, error)
                else:
                    if isinstance(outcome, HttpResponse):
                        return outcome
                    if action.success:
                        messages.success(request, str(action.success))
                    return redirect(actions.done_url(record))
            return actions.redisplay(request, actions.load(request, pk), {action.key: form})

        view.__name__ = view.__qualname__ = self.url_name(action)
        view.__doc__ = f"POST: the action “{action.name}” on a {self.name}."
        return require_POST(login_required(view))
