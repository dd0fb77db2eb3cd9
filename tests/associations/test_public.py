"""The public register (BIP): the list with search and "as of", a record's page with its history,
the open data (CSV, XLSX, JSON, the schema), conditional GET (304), and no private data anywhere."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from associations.models import AssociationVersion
from associations.services import public, register
from tests.associations import factories
from tests.utils import client_for

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
PRIVATE_EMAIL = "prywatny.adres@example.org"
PRIVATE_PHONE = "600 700 800"
PRIVATE_STREET = "ul. Ukryta 99/1"


def days(count: int) -> dt.date:
    return TODAY + dt.timedelta(days=count)


@pytest.fixture
def officer(persona):
    return persona("ngo_officer")


@pytest.fixture
def register_with_history(officer):
    """Two entered associations (one with a change), one application waiting, one refused; every
    founder and address for letters holds private data."""
    first = factories.entered(officer, entered_on=days(-100))
    contact = first.contact
    contact.email, contact.phone, contact.street = PRIVATE_EMAIL, PRIVATE_PHONE, PRIVATE_STREET
    contact.save()
    current = first.current
    changed = AssociationVersion(**{name: getattr(current, name) for name in register.COLUMNS})
    changed.seat_address = "ul. Nowa 5, 00-001 Miasto Przykładowo"
    register.record_change(
        actor=officer,
        association=first,
        version=changed,
        changed_on=days(-30),
        reported_on=days(-28),
        valid_from=days(-27),
        description="Zmiana adresu siedziby.",
    )
    second = factories.entered(officer, name="Stowarzyszenie Rowerowe Miasto", entered_on=days(-10))
    waiting = factories.application(officer, name="Stowarzyszenie Oczekujące")
    refused = factories.application(officer, name="Stowarzyszenie Odrzucone")
    register.refuse(actor=officer, association=refused, reasons="Brak regulaminu.")
    return {"first": first, "second": second, "waiting": waiting, "refused": refused}


def _public_urls(first_number: int) -> list[str]:
    return [
        reverse("associations:public_list"),
        reverse("associations:public_list") + "?q=Parku",
        reverse("associations:public_list") + f"?as_of={days(-50).isoformat()}",
        reverse("associations:public_detail", args=[first_number]),
        reverse("associations:public_detail", args=[first_number]) + f"?as_of={days(-50).isoformat()}",
        reverse("associations:public_data"),
        reverse("associations:public_schema"),
        *(reverse("associations:public_download", args=[fmt]) for fmt in ("csv", "json", "xlsx")),
        reverse("associations:public_download", args=["csv"]) + f"?as_of={days(-50).isoformat()}",
    ]


def _text(response) -> str:
    if response["Content-Type"].startswith("application/vnd.openxmlformats"):
        sheet = load_workbook(io.BytesIO(response.content), read_only=True).active
        return "\n".join(" ".join(str(cell) for cell in row) for row in sheet.iter_rows(values_only=True))
    return response.content.decode("utf-8")


def test_no_private_data_in_any_public_page_or_download(register_with_history):
    client = client_for(None)
    secrets = [
        factories.PRIVATE_RESIDENCE,
        factories.PRIVATE_PESEL,
        PRIVATE_EMAIL,
        PRIVATE_PHONE,
        PRIVATE_STREET,
        "Założyciel",
        "Stowarzyszenie Oczekujące",
        "Stowarzyszenie Odrzucone",
        "Brak regulaminu",
    ]
    for url in _public_urls(register_with_history["first"].number):
        response = client.get(url)
        assert response.status_code == 200, url
        text = _text(response)
        for secret in secrets:
            assert secret not in text, f"{url} shows {secret!r}"


def test_the_list_searches_and_reads_the_register_as_of_a_day(register_with_history):
    client = client_for(None)
    today = client.get(reverse("associations:public_list")).content.decode()
    assert "ul. Nowa 5" in today and "Stowarzyszenie Rowerowe Miasto" in today
    before = client.get(reverse("associations:public_list") + f"?as_of={days(-50).isoformat()}").content.decode()
    assert "ul. Parkowa 4" in before and "ul. Nowa 5" not in before and "Rowerowe" not in before
    found = client.get(reverse("associations:public_list") + "?q=rowerowe").content.decode()
    assert "Rowerowe" in found and "Parku Zdrojowego" not in found
    by_number = client.get(reverse("associations:public_list") + "?q=2").content.decode()
    assert "Rowerowe" in by_number


def test_the_record_page_shows_its_history(register_with_history):
    number = register_with_history["first"].number
    page = client_for(None).get(reverse("associations:public_detail", args=[number])).content.decode()
    assert "History of changes" in page or "Historia zmian" in page
    assert days(-27).strftime("%d.%m.%Y") in page or days(-27).isoformat() in page or "ul. Nowa 5" in page


def test_an_unknown_or_unentered_number_is_404(register_with_history):
    client = client_for(None)
    assert client.get(reverse("associations:public_detail", args=[999])).status_code == 404


def test_the_downloads_follow_the_schema(register_with_history):
    client = client_for(None)
    schema = json.loads(client.get(reverse("associations:public_schema")).content)
    names = [field["name"] for field in schema["fields"]]
    assert schema["primaryKey"] == "numer" and names[0] == "numer"
    rows = list(
        csv.reader(io.StringIO(client.get(reverse("associations:public_download", args=["csv"])).content.decode()))
    )
    assert rows[0] == names and len(rows) == 3
    first = dict(zip(names, rows[1], strict=True))
    assert first["numer"] == "1" and first["adres_siedziby"].startswith("ul. Nowa 5")
    assert first["daty_zmian"] == days(-27).isoformat() and first["status_opp"] == "false"
    earlier = client.get(reverse("associations:public_download", args=["csv"]) + f"?as_of={days(-50).isoformat()}")
    before = list(csv.reader(io.StringIO(earlier.content.decode())))
    assert len(before) == 2 and dict(zip(names, before[1], strict=True))["daty_zmian"] == ""
    document = json.loads(client.get(reverse("associations:public_download", args=["json"])).content)
    assert document["stan_na"] == TODAY.isoformat() and set(document["dane"][0]) == set(names)
    response = client.get(reverse("associations:public_download", args=["xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content), read_only=True).active
    assert [cell.value for cell in next(sheet.iter_rows(max_row=1))] == names
    assert response["Access-Control-Allow-Origin"] == "*" and "max-age" in response["Cache-Control"]


@pytest.mark.parametrize("name", ["public_list", "public_data", "public_schema", "public_download"])
def test_conditional_get_answers_304_until_the_register_changes(register_with_history, officer, name):
    client = client_for(None)
    url = reverse(f"associations:{name}", args=["csv"] if name == "public_download" else [])
    first = client.get(url)
    assert first.status_code == 200 and first.has_header("ETag")
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    if first.has_header("Last-Modified"):
        assert client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    factories.entered(officer, name="Stowarzyszenie Najnowsze")
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_the_record_page_answers_304(register_with_history):
    client = client_for(None)
    url = reverse("associations:public_detail", args=[register_with_history["first"].number])
    first = client.get(url)
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_a_hostile_query_is_harmless(register_with_history):
    client = client_for(None)
    for query in ("?as_of=2026-13-45", "?as_of=99999-01-01", "?q=" + "%00" * 5, "?page=999999", "?as_of=0001-01-01"):
        assert client.get(reverse("associations:public_list") + query).status_code == 200, query
    assert client.get("/associations/public/register.pdf").status_code == 404


def test_public_versions_reads_only_published_columns():
    assert not {"changed_on", "reported_on", "description"} & set(public.PUBLIC_COLUMNS)
