"""The council's public pages in the BIP (no login): interpellations and questions with their
answers (u.s.g. art. 24 ust. 7), and the sessions with their recordings and minutes. Only what the
law publishes: the councillor's name and club, the dates, the question and the answer. Both pages
answer conditional requests (``ETag`` and ``Last-Modified``)."""

from __future__ import annotations

import hashlib
from typing import Any

from django.db.models import Count, Max, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import condition, require_GET

from office.council.models import Interpellation, Session, SessionStatus
from office.council.services import interpellations as services
from office.kit import paginate


def _filtered(request: HttpRequest) -> tuple[QuerySet, str, str]:
    qs = services.published()
    query = request.GET.get("q", "").strip()[:100]
    year = request.GET.get("year", "")
    if query:
        qs = qs.filter(
            Q(subject__icontains=query)
            | Q(text__icontains=query)
            | Q(answer__icontains=query)
            | Q(councillor__last_name__icontains=query)
        )
    if year.isdigit() and len(year) == 4:
        qs = qs.filter(year=int(year))
    else:
        year = ""
    return qs, query, year


def _state(qs: QuerySet) -> dict[str, Any]:
    return qs.order_by().aggregate(last=Max("updated_at"), count=Count("id"))


def _etag(request: HttpRequest, state: dict[str, Any]) -> str:
    key = f"{request.get_full_path()}|{state['last']}|{state['count']}|{request.LANGUAGE_CODE}"
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def _list_etag(request: HttpRequest) -> str:
    return _etag(request, _state(_filtered(request)[0]))


def _list_modified(request: HttpRequest) -> Any:
    return _state(_filtered(request)[0])["last"]


@require_GET
@condition(etag_func=_list_etag, last_modified_func=_list_modified)
def interpellations(request: HttpRequest) -> HttpResponse:
    qs, query, year = _filtered(request)
    years = services.published().order_by().values_list("year", flat=True).distinct()
    context = {
        "page_obj": paginate(request, qs),
        "query": query,
        "year": year,
        "years": sorted(set(years), reverse=True),
    }
    return render(request, "council/public/interpellations.html", context)


def _published(pk: Any) -> Any:
    try:
        return services.published().get(pk=pk)
    except (ValueError, TypeError, Interpellation.DoesNotExist):
        raise Http404 from None


def _record_etag(request: HttpRequest, pk: Any) -> str:
    record = _published(pk)
    return _etag(request, {"last": record.updated_at, "count": record.pk})


@require_GET
@condition(etag_func=_record_etag, last_modified_func=lambda request, pk: _published(pk).updated_at)
def interpellation(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "council/public/interpellation.html", {"record": _published(pk)})


def _sessions() -> QuerySet:
    return Session.objects.exclude(status=SessionStatus.CANCELLED).select_related("term").order_by("-starts_at", "-id")


def _sessions_etag(request: HttpRequest) -> str:
    return _etag(request, _state(_sessions()))


@require_GET
@condition(etag_func=_sessions_etag, last_modified_func=lambda request: _state(_sessions())["last"])
def sessions(request: HttpRequest) -> HttpResponse:
    return render(request, "council/public/sessions.html", {"page_obj": paginate(request, _sessions())})
