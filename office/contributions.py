"""The registry: everything a feature app declares to the office core, in one place.

Each app declares what it brings in its own ``contributions.py`` (discovered at start-up by
``OfficeConfig.ready``); the core's own declarations are in ``office/core_contributions.py``.
The core never imports a feature app: it only reads this registry.

Two families of declarations:

**Contributions** to pages the core owns, called per user (``register(kind, key)``). A
contribution has a key, an order, a visibility check for the user, and a provider that returns
plain data (the dataclasses below), never model instances. A failing provider is logged and
shown as "unavailable": it never breaks the page. The kinds are listed in ``KINDS``.

**Definitions** the core installs or looks up: roles and the permissions granted to them,
periodic tasks of the one beat schedule, deadline rules, job kinds (background work started
from the UI), record view checks (who may see a record of an app, used by attachment
downloads and links from the core), letter sources (the merge fields a kind of record
offers letter templates), and importers (spreadsheets read into a register, ``office.kit.imports``).

Keys are checked: an unknown kind, a second declaration under the same key, a grant to a
role nobody declared — each stops the start with ``ImproperlyConfigured`` naming it.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

logger = logging.getLogger(__name__)

#: The kinds of per-user contributions, and what a provider returns for each.
KINDS: dict[str, str] = {
    "navigation": "a NavLink in the main navigation",
    "widget": "a Widget on the dashboard",
    "search": "a list of SearchHit for query=...",
    "digest": "a DigestSection of the daily e-mail digest (or None)",
    "workspace": "a Widget of an office holder's workspace (called with holder=the OfficeHolder)",
    "contact_history": "a Widget of what links to a contact, on its page (called with contact=the Contact)",
    "record_links": "a list of ListItem on any record's page (called with record=the record; [] when none)",
    "approval": "an Approvals: what waits for the user's own decision (called with limit=: 0 counts only, None all)",
    "report_section": (
        "a ReportSection of the mayor's reports for a period (called with start=, end= dates and units= "
        "a list of OrgUnit ids or None; None when the app has nothing to say)"
    ),
    "demo": "nothing: creates the app's demo rows (called with the administrator)",
}


# --- Plain data returned by contributions -------------------------------------------------------


@dataclass(frozen=True)
class NavLink:
    label: str
    url: str
    section: str = ""
    active_prefix: str = ""
    #: a number shown beside the label (0: none), read out as ``count_label``
    count: int = 0
    count_label: str = ""


@dataclass(frozen=True)
class ListItem:
    label: str
    url: str = ""
    meta: str = ""
    badge: str = ""
    is_warning: bool = False


@dataclass(frozen=True)
class Widget:
    title: str
    items: list[ListItem] = field(default_factory=list)
    total: int = 0
    more_url: str = ""
    empty_text: str = ""


@dataclass(frozen=True)
class SearchHit:
    category: str
    title: str
    url: str
    snippet: str = ""


@dataclass(frozen=True)
class DigestSection:
    title: str
    items: list[ListItem]


@dataclass(frozen=True)
class Approval:
    """One record waiting for the user's decision (an answer to approve, an application to decide)."""

    title: str
    url: str
    #: where it comes from ("Press office"), and what is to be decided ("answer to a press inquiry")
    app: str
    what: str = ""
    #: waiting since (the day it was submitted or received), and the day it should be decided by
    since: dt.date | None = None
    due: dt.date | None = None

    @property
    def sort_key(self) -> tuple[Any, ...]:
        """The most pressing first: by the due day, or the day it waits since when it has none."""
        when = self.due or self.since
        return (when is None, when or dt.date.min, self.title)


@dataclass(frozen=True)
class Approvals:
    """What one approval provider gives: the number of records waiting and the first of them."""

    total: int
    items: list[Approval] = field(default_factory=list)


@dataclass(frozen=True)
class Figure:
    """One line of a report section's table of figures: a label and a number (or a short text)."""

    label: str
    value: int | str


@dataclass(frozen=True)
class ReportSection:
    """What an app reports of a period in the mayor's reports (the inter-session report to the
    council, ad-hoc activity reports): kind ``report_section``.

    A provider ``provide(user, *, start, end, units=None)`` gets the period (``start`` and ``end``
    dates, both included) and optionally the ids of the office's units to report on (a section
    whose records have no unit ignores them); it returns this, or None when the app has nothing to
    report. It reads in a few queries whose number does not grow with the rows (aggregates, one
    list of the period's rows), and never reads rows outside the period. It declares itself in
    ``<app>/report_sections.py``, imported by the app's ``contributions.py``:

        @register("report_section", "patronage", order=40, label=gettext_lazy("Honorary patronage"))
        def patronage_section(user, *, start, end, units=None) -> ReportSection:
            return ReportSection(_("Honorary patronage"), paragraphs=[...], items=[...],
                                 figures=[Figure(_("Patronages granted"), 12)])

    ``title``: the section's heading; ``paragraphs``: its text; ``items``: a list of what
    happened (one line each: the day, what, where); ``figures``: a small table of numbers.
    ``label`` names the section where the user chooses the sections of a report (and where a
    failing one is shown as unavailable). Every text is plain (no markup) and in the language
    active when called; the report keeps a copy the staff may reword. The order (``order=``) is
    the order in the report; a failing provider is shown as unavailable and breaks nothing; an
    app without a section is simply not in the report. Private calendar entries never appear in a section.
    """

    title: str
    paragraphs: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)


@dataclass(frozen=True)
class Contribution:
    kind: str
    key: str
    order: int
    is_visible: Callable[[Any], bool]
    provide: Callable[..., Any]
    #: what the contribution is, for a page that lets the user choose among them (the sections
    #: of an activity report) or names one that failed; "" when the kind needs none
    label: Any = ""


@dataclass(frozen=True)
class Outcome:
    """What one contribution gave for one user: its data, or ``failed`` when it raised."""

    key: str
    data: Any = None
    failed: bool = False


# --- Definitions ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Role:
    """A role is a Django group; ``group`` is its name as administrators see it."""

    key: str
    group: str
    label: Any
    description: Any
    order: int = 100
    #: the administrator's role gets every permission there is
    all_permissions: bool = False


@dataclass(frozen=True)
class Schedule:
    """A periodic task of the one beat schedule (crontab fields, Europe/Warsaw)."""

    name: str
    task: str
    minute: str
    hour: str
    day_of_week: str = "*"


@dataclass(frozen=True)
class RuleSpec:
    """A deadline rule as an app declares it; installed into ``office.DeadlineRule`` by code.

    Services refer to rules by these constants (``compute_deadline(PRESS_INFO_ANSWER, ...)``),
    never by repeating the code as a string. Administrators may edit the installed row.
    """

    code: str
    name: str
    basis: str
    amount: int
    unit: str  # one of office.DeadlineRule.Unit
    moves_to_working_day: bool = False
    to_verify: bool = False
    annual_month: int | None = None
    annual_day: int | None = None
    #: the name and legal basis in English (pages show them in the reader's language)
    name_en: str = ""
    basis_en: str = ""

    def __str__(self) -> str:
        return self.code


@dataclass(frozen=True)
class JobKind:
    """A kind of background job started from the UI: ``handler(job, progress) -> JobResult``."""

    key: str
    handler: Callable[..., Any]


@dataclass(frozen=True)
class LetterSource:
    """A kind of record letters are written from (a patronage decision, an event's invitation, a
    reply to a letter): the merge fields it offers a letter template, ``{name: (label, example)}``.
    The app writing the letter passes the values (strings) under the same names."""

    key: str
    label: Any
    fields: dict[str, tuple[Any, str]]


def period_bounds(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """A report's period (``start`` to ``end``, both days included) as aware datetimes in the
    office's time zone: from midnight of ``start`` to midnight after ``end``."""
    from django.utils import timezone

    zone = timezone.get_current_timezone()
    return (
        dt.datetime.combine(start, dt.time.min, tzinfo=zone),
        dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=zone),
    )


#: How many lines a report section lists at most (its figures count them all).
REPORT_ITEMS = 400


#: How many hits a search provider returns.
SEARCH_ROWS = 8


def search_hits(
    queryset: Any, query: str, fields: tuple[str, ...], *, title: str, hit: Callable[[Any], tuple[str, str, str]]
) -> list[SearchHit]:
    """The usual search provider: the first rows of ``queryset`` (scoped, ordered and joined by
    the caller) with ``query`` in any of ``fields``, each shown as ``hit(row)``: (label, url, snippet)."""
    from django.db.models import Q

    match = Q()
    for name in fields:
        match |= Q(**{f"{name}__icontains": query})
    return [SearchHit(title, *hit(row)) for row in queryset.filter(match)[:SEARCH_ROWS]]


#: How many rows a dashboard widget lists (the total says how many there are).
WIDGET_ROWS = 6


def list_widget(
    queryset: Any, to_item: Callable[[Any], ListItem], *, title: Any, more_url: str = "", empty_text: Any = ""
) -> Widget:
    """A widget listing the first rows of ``queryset`` (ordered and joined by the caller) as
    ``to_item(row)``, with the number of all rows."""
    items = [to_item(row) for row in queryset[:WIDGET_ROWS]]
    return Widget(title, items, total=queryset.count(), more_url=more_url, empty_text=empty_text)


def approvals(queryset: Any, to_item: Callable[[Any], Approval], *, limit: int | None) -> Approvals:
    """The usual approval provider over ``queryset`` (scoped to what the user may decide, ordered
    and joined by the caller): ``limit=0`` only counts (one query); ``None`` gives every row (one
    query); otherwise the first ``limit`` rows and the number of all (two queries)."""
    if limit == 0:
        return Approvals(queryset.count())
    if limit is None:
        rows = list(queryset)
        return Approvals(len(rows), [to_item(row) for row in rows])
    return Approvals(queryset.count(), [to_item(row) for row in queryset[:limit]])


def always(user: Any) -> bool:
    return True


def has_perm(*perms: str) -> Callable[[Any], bool]:
    """A visibility check: the user holds any of the permissions."""

    def check(user: Any) -> bool:
        return user.is_authenticated and any(user.has_perm(perm) for perm in perms)

    return check


class Registry:
    def __init__(self) -> None:
        self._items: dict[str, dict[str, Contribution]] = defaultdict(dict)
        self._roles: dict[str, Role] = {}
        self._grants: dict[str, set[str]] = defaultdict(set)
        self._schedules: dict[str, Schedule] = {}
        self._rules: dict[str, RuleSpec] = {}
        self._job_kinds: dict[str, JobKind] = {}
        self._personal_data: dict[type, str] = {}
        self._view_checks: dict[type, Callable[[Any, Any], bool]] = {}
        self._letter_sources: dict[str, LetterSource] = {}
        self._importers: dict[str, Any] = {}
        self._stuck_work: dict[str, Callable[[], int]] = {}

    # --- per-user contributions -----------------------------------------------------------------

    def register(
        self, kind: str, key: str, *, order: int = 100, visible: Callable[[Any], bool] = always, label: Any = ""
    ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """Decorator: register ``provide`` as contribution ``key`` of ``kind`` (``label``: its
        name, lazy, for pages that list the contributions of a kind — report sections)."""
        if kind not in KINDS:
            raise ImproperlyConfigured(f"Unknown contribution kind {kind!r}; the kinds are {sorted(KINDS)}")

        def decorator(provide: Callable[..., Any]) -> Callable[..., Any]:
            _add_once(
                self._items[kind], key, Contribution(kind, key, order, visible, provide, label), f"{kind} contribution"
            )
            return provide

        return decorator

    def unregister(self, kind: str, key: str) -> None:
        """Remove a contribution (tests that plant one take it away again)."""
        self._items[kind].pop(key, None)

    def contributions(self, kind: str) -> list[Contribution]:
        return sorted(self._items[kind].values(), key=lambda c: (c.order, c.key))

    def collect(self, kind: str, user: Any, *, only: Any = None, **kwargs: Any) -> list[Outcome]:
        """Call every visible contribution of ``kind`` (or those whose key is in ``only``);
        failures become ``Outcome(failed=True)``."""
        outcomes = []
        for contribution in self.contributions(kind):
            if only is not None and contribution.key not in only:
                continue
            try:
                if not contribution.is_visible(user):
                    continue
                data = contribution.provide(user, **kwargs)
            except Exception:
                logger.exception("Contribution %s/%s failed", kind, contribution.key)
                outcomes.append(Outcome(contribution.key, failed=True))
                continue
            if data is not None:
                outcomes.append(Outcome(contribution.key, data))
        return outcomes

    # --- roles and permissions ------------------------------------------------------------------

    def add_role(self, role: Role) -> Role:
        _add_once(self._roles, role.key, role, "role")
        return role

    def roles(self) -> list[Role]:
        return sorted(self._roles.values(), key=lambda r: (r.order, r.key))

    def role(self, key: str) -> Role:
        try:
            return self._roles[key]
        except KeyError:
            raise ImproperlyConfigured(f"No role {key!r} is declared") from None

    def grant(self, role: str, permissions: list[str]) -> None:
        """Grant ``permissions`` ("app_label.codename") to the role with key ``role``."""
        self._grants[role].update(permissions)

    def role_permissions(self, role: str) -> set[str]:
        return set(self._grants[role])

    # --- the beat schedule ----------------------------------------------------------------------

    def add_schedule(self, schedule: Schedule) -> None:
        _add_once(self._schedules, schedule.name, schedule, "beat schedule")

    def schedules(self) -> list[Schedule]:
        return list(self._schedules.values())

    # --- deadline rules -------------------------------------------------------------------------

    def add_deadline_rule(self, rule: RuleSpec) -> RuleSpec:
        _add_once(self._rules, rule.code, rule, "deadline rule")
        return rule

    def deadline_rules(self) -> list[RuleSpec]:
        return sorted(self._rules.values(), key=lambda r: r.code)

    # --- job kinds ------------------------------------------------------------------------------

    def job_kind(self, key: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """Decorator: ``handler(job, progress) -> JobResult`` runs jobs of kind ``key``."""

        def decorator(handler: Callable[..., Any]) -> Callable[..., Any]:
            _add_once(self._job_kinds, key, JobKind(key, handler), "job kind")
            return handler

        return decorator

    def job_handler(self, key: str) -> Callable[..., Any]:
        try:
            return self._job_kinds[key].handler
        except KeyError:
            raise LookupError(f"Unknown job kind {key!r}") from None

    def has_job_kind(self, key: str) -> bool:
        return key in self._job_kinds

    # --- background work stuck past its lease (reported by /health/) ---------------------------

    def add_stuck_work(self, name: str, count: Callable[[], int]) -> None:
        """``count()``: how many items of ``name`` a dead worker left behind, not yet recovered."""
        _add_once(self._stuck_work, name, count, "stuck work")

    def stuck_work(self) -> dict[str, Callable[[], int]]:
        return dict(self._stuck_work)

    # --- record view checks ---------------------------------------------------------------------

    def add_view_check(self, model: type, check: Callable[[Any, Any], bool]) -> None:
        """``check(user, record) -> bool``: may the user see this record of ``model``?"""
        _add_once(self._view_checks, model, check, "view check")

    def view_check(self, model: type) -> Callable[[Any, Any], bool] | None:
        return self._view_checks.get(model)

    # --- records holding personal data ------------------------------------------------------------

    def add_personal_data(self, model: type, *, detail: str) -> None:
        """Records of ``model`` hold residents' or journalists' personal data: every read is logged
        (``office.services.reads``); ``detail`` is the URL name of a record's page."""
        _add_once(self._personal_data, model, detail, "personal data model")

    def holds_personal_data(self, model: type) -> bool:
        return model in self._personal_data

    def personal_data(self) -> dict[type, str]:
        return dict(self._personal_data)

    # --- letter sources -------------------------------------------------------------------------

    def add_letter_source(self, source: LetterSource) -> LetterSource:
        _add_once(self._letter_sources, source.key, source, "letter source")
        return source

    def letter_sources(self) -> list[LetterSource]:
        return sorted(self._letter_sources.values(), key=lambda source: source.key)

    def letter_source(self, key: str) -> LetterSource:
        try:
            return self._letter_sources[key]
        except KeyError:
            raise LookupError(f"Unknown letter source {key!r}") from None

    # --- spreadsheet importers ------------------------------------------------------------------

    def add_importer(self, importer: Any) -> Any:
        """An ``office.kit.imports.Importer``: the pages of an uploaded file (kept as an
        ``ImportBatch`` under the importer's key) find it here, so the core names no app."""
        _add_once(self._importers, importer.key, importer, "importer")
        return importer

    def importer(self, key: str) -> Any:
        try:
            return self._importers[key]
        except KeyError:
            raise LookupError(f"Unknown importer {key!r}") from None

    def importers(self) -> list[Any]:
        return sorted(self._importers.values(), key=lambda importer: importer.key)

    # --- start-up check -------------------------------------------------------------------------

    def check(self) -> None:
        """Run once every app declared its part: grants name declared roles."""
        unknown = sorted(set(self._grants) - set(self._roles))
        if unknown:
            raise ImproperlyConfigured(f"Permissions granted to undeclared roles: {unknown}")


def _add_once(table: dict[Any, Any], key: Any, value: Any, what: str) -> None:
    if key in table:
        raise ImproperlyConfigured(f"The {what} {key!r} is declared twice")
    table[key] = value


registry = Registry()
register = registry.register


def navigation(
    key: str, label: Any, url_name: str, *, order: int, visible: Callable[[Any], bool] = always, active_prefix: str = ""
) -> None:
    """A link of the main navigation, declared in one call (``label`` lazy: shown in the reader's language)."""
    registry.register("navigation", key, order=order, visible=visible)(
        lambda user: NavLink(str(label), reverse(url_name), active_prefix=active_prefix)
    )
