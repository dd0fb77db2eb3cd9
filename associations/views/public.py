"""The public register of ordinary associations (BIP, no login): the list with its search and
"as of" date, a record's page with its history of changes, and the open data — CSV, XLSX and
JSON with a JSON Table Schema. Every page and file answers conditional requests (ETag and
Last-Modified: 304 when nothing changed) and reads only what ``services.public`` publishes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.views.decorators.http import condition, require_GET

from associations.services import public
from office.kit import paginate

_MIME = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json; charset=utf-8",
}
#: Open data may be cached by anyone for this many seconds (then revalidated with the ETag).
MAX_AGE = 600


def _as_of(request: HttpRequest) -> dt.date | None:
    try:
        day = parse_date(request.GET.get("as_of", "")[:10])
    except ValueError:
        return None
    return day if day and dt.date(1800, 1, 1) <= day <= dt.date(2199, 12, 31) else None


def _change(request: HttpRequest) -> tuple[dt.datetime | None, str]:
    """The register's last change, read once a request (the ETag and Last-Modified both need it)."""
    if not hasattr(request, "_register_change"):
        request._register_change = public.last_change()
    return request._register_change


def _etag(request: HttpRequest, *args: Any, **kwargs: Any) -> str:
    """Changes with the register, the address asked (search, date, page, format) and the language."""
    return public.etag(
        request.get_full_path(), getattr(request, "LANGUAGE_CODE", ""), timezone.localdate(), change=_change(request)
    )


def _last_modified(request: HttpRequest, *args: Any, **kwargs: Any) -> dt.datetime | None:
    return _change(request)[0]


def _open(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = f"public, max-age={MAX_AGE}"
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
@condition(etag_func=_etag, last_modified_func=_last_modified)
def public_list(request: HttpRequest) -> HttpResponse:
    as_of = _as_of(request)
    query = request.GET.get("q", "")[:100]
    versions = public.public_versions(as_of=as_of, query=query)
    context = {"page_obj": paginate(request, versions), "as_of": as_of, "q": query, "today": timezone.localdate()}
    return render(request, "associations/public/list.html", context)


@require_GET
@condition(etag_func=_etag, last_modified_func=_last_modified)
def public_detail(request: HttpRequest, number: int) -> HttpResponse:
    association = public.public_association(number)
    if association is None:
        raise Http404
    history = public.public_history(association)
    as_of = _as_of(request)
    shown = [item["version"] for item in history if as_of is None or item["version"].valid_from <= as_of]
    context = {
        "association": association,
        "shown": shown[-1] if shown else None,
        "history": history,
        "as_of": as_of,
    }
    return render(request, "associations/public/detail.html", context)


@require_GET
@condition(etag_func=_etag, last_modified_func=_last_modified)
def public_data(request: HttpRequest) -> HttpResponse:
    """How to use the open data: the files, their stable addresses and the fields."""
    return render(request, "associations/public/data.html", {"fields": public.FIELDS})


@require_GET
@condition(etag_func=_etag, last_modified_func=_last_modified)
def public_download(request: HttpRequest, fmt: str) -> HttpResponse:
    if fmt not in _MIME:
        raise Http404
    as_of = _as_of(request) or timezone.localdate()
    versions = public.open_data_rows(as_of=as_of, query=request.GET.get("q", ""))
    if fmt == "csv":
        body = public.as_csv(versions)
    elif fmt == "xlsx":
        body = public.as_xlsx(versions)
    else:
        schema_url = request.build_absolute_uri(reverse("associations:public_schema"))
        body = public.as_json(versions, as_of=as_of, schema_url=schema_url)
    response = HttpResponse(body, content_type=_MIME[fmt])
    response["Content-Disposition"] = (
        f'attachment; filename="ewidencja-stowarzyszen-zwyklych-{as_of.isoformat()}.{fmt}"'
    )
    return _open(response)


@require_GET
@condition(etag_func=lambda request: public.etag("schema"))
def public_schema(request: HttpRequest) -> HttpResponse:
    response = JsonResponse(public.schema(), json_dumps_params={"ensure_ascii": False, "indent": 1})
    return _open(response)
