"""The pages: plan versus execution and its spreadsheet, the forms' bad input, the import of
execution, the social fund's privacy, the material request's page, and query budgets."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook

from office.administration import services as budget
from office.administration.models import BudgetLine, Execution, MaterialRequest, Procurement, SocialFundApplication
from office.administration.services import materials, social
from office.kit.imports import ERROR, NEW
from office.models import AuditEntry, ImportBatch
from tests.administration.factories import budget_line, euro_rate, in_year
from tests.utils import assert_constant_queries, fetch, page_text

pytestmark = pytest.mark.django_db
BUDGET = reverse("administration:budget")


@pytest.fixture
def office(staff: Any, client_for: Any) -> Any:
    return client_for(staff)


def _nearly_used(staff: Any) -> BudgetLine:
    line = budget_line(name="Reprezentacja", planned=Decimal("1000"))
    budget.commit(actor=staff, budget_line=line, amount="950", date=in_year(line), source_label="Umowa")
    return line


def test_plan_versus_execution_marks_lines_in_words(staff: Any, office: Any) -> None:
    _nearly_used(staff)
    budget_line(name="Promocja miasta w mediach")
    with translation.override("en"):
        response = fetch(office, "get", BUDGET, HTTP_ACCEPT_LANGUAGE="en")
    text = page_text(response)
    assert response.status_code == 200 and "Reprezentacja" in text and "Promocja miasta w mediach" in text
    filtered = fetch(office, "get", BUDGET, {"nearly_used": "on", "year": timezone.localdate().year})
    assert "Reprezentacja" in page_text(filtered) and "Promocja miasta w mediach" not in page_text(filtered)


def test_the_budget_page_as_xlsx_has_numbers(staff: Any, office: Any) -> None:
    line = _nearly_used(staff)
    budget.record_execution(actor=staff, line=line, amount="100", booked_on=in_year(line))
    response = fetch(office, "get", BUDGET, {"export": "xlsx"})
    assert response.status_code == 200
    body = getattr(response, "content_bytes", None) or response.content
    sheet = load_workbook(io.BytesIO(body)).active
    rows = list(sheet.iter_rows(values_only=True))
    header, first = rows[0], rows[1]
    assert len(header) == 9 and first[2] == "Reprezentacja"
    assert Decimal(str(first[3])) == Decimal("1000") and Decimal(str(first[6])) == Decimal("50")
    assert Decimal(str(first[7])) == Decimal("95.0") and first[8]


def test_other_years_on_asking(staff: Any, office: Any) -> None:
    budget_line(year=2015, name="Stara linia")
    assert "Stara linia" not in page_text(fetch(office, "get", BUDGET))
    assert "Stara linia" in page_text(fetch(office, "get", BUDGET, {"year": ""}))


def test_budget_page_queries_do_not_grow_with_lines(staff: Any, office: Any) -> None:
    def make(count: int) -> None:
        start = BudgetLine.objects.count()
        for number in range(start, start + count):
            line = budget_line(name=f"Zadanie {number}", paragraph=f"{4000 + number}")
            budget.commit(actor=staff, budget_line=line, amount=10, date=in_year(line))
            budget.record_execution(actor=staff, line=line, amount=5, booked_on=in_year(line))

    assert_constant_queries(office, BUDGET, make)


def test_line_page_queries_do_not_grow(staff: Any, office: Any) -> None:
    line = budget_line()

    def make(count: int) -> None:
        for _ in range(count):
            budget.commit(actor=staff, budget_line=line, amount=10, date=in_year(line), source_label="Zlecenie")
            budget.record_execution(actor=staff, line=line, amount=5, booked_on=in_year(line))

    assert_constant_queries(office, reverse("administration:line_detail", args=[line.pk]), make)


@pytest.mark.parametrize(
    ("url_name", "make"),
    [
        ("administration:procurement_list", "procurement"),
        ("administration:material_list", "material"),
        ("administration:commitment_list", "commitment"),
    ],
)
def test_lists_queries_do_not_grow(staff: Any, office: Any, wok: Any, url_name: str, make: str) -> None:
    euro_rate()
    line = budget_line()

    def rows(count: int) -> None:
        for _ in range(count):
            if make == "procurement":
                Procurement.objects.create(
                    year=2026,
                    number=Procurement.objects.count() + 1,
                    subject="x",
                    supply_type="supplies",
                    estimated_value=1,
                    estimated_on=timezone.localdate(),
                    euro_rate=1,
                    value_eur=1,
                    line=line,
                )
            elif make == "material":
                materials.request_materials(
                    actor=staff,
                    request=MaterialRequest(
                        title="x", purpose="other", instructions="x", due_date=timezone.localdate()
                    ),
                    units=[wok],
                )
            else:
                budget.commit(
                    actor=staff, budget_line=line, amount=1, date=in_year(line), source_label="x", source_url="/"
                )

    assert_constant_queries(office, reverse(url_name), rows)


def test_procurement_over_the_threshold_keeps_what_was_typed(office: Any) -> None:
    euro_rate()
    data = {
        "subject": "Remont sali sesyjnej",
        "supply_type": "works",
        "estimated_value": "150 000,00",
        "estimated_on": timezone.localdate().isoformat(),
    }
    with translation.override("en"):
        response = fetch(office, "post", reverse("administration:procurement_create"), data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200 and not Procurement.objects.exists()
    text = page_text(response)
    assert "Remont sali sesyjnej" in text and "threshold" in text


def test_negative_amounts_are_refused_on_the_forms(staff: Any, office: Any) -> None:
    line = budget_line()
    url = reverse("administration:line_execution", args=[line.pk])
    response = fetch(office, "post", url, {"execution-amount": "-50", "execution-booked_on": in_year(line).isoformat()})
    assert response.status_code == 200 and not Execution.objects.exists()
    response = fetch(
        office, "post", url, {"execution-amount": "1 250,50", "execution-booked_on": in_year(line).isoformat()}
    )
    assert response.status_code == 302 and Execution.objects.get().amount == Decimal("1250.50")


def _upload(client: Any, text: str) -> ImportBatch:
    file = SimpleUploadedFile("wykonanie.csv", text.encode("utf-8-sig"), "text/csv")
    response = fetch(client, "post", reverse("administration:execution_import"), {"file": file})
    assert response.status_code == 302, page_text(response)[:2000]
    return ImportBatch.objects.latest("created_at")


def test_execution_import_preview_and_confirm(staff: Any, office: Any) -> None:
    line = budget_line()
    budget_line(name="Druga", division="921", chapter="92195")
    year = line.year
    batch = _upload(
        office,
        "Data;Dział;Rozdział;Paragraf;Kwota;Dokument\n"
        f"15.03.{year};750;75075;4300;1 200,50;WB/1\n"
        f"16.03.{year};750;75075;9999;100;WB/2\n"
        f"17.03.{year};750;75075;4300;-5;WB/3\n",
    )
    assert {row["line"]: row["status"] for row in batch.rows} == {2: NEW, 3: ERROR, 4: ERROR}
    errors = " ".join(str(error) for row in batch.rows for error in row["errors"])
    assert "9999" in errors
    assert not Execution.objects.exists()
    preview = fetch(office, "get", reverse("office:import_preview", args=[batch.pk]))
    assert preview.status_code == 200
    fetch(office, "post", reverse("office:import_confirm", args=[batch.pk]))
    saved = Execution.objects.get()
    assert saved.line == line and saved.amount == Decimal("1200.50") and saved.document == "WB/1"
    assert AuditEntry.objects.filter(object_id=str(saved.pk), action="create").exists()
    again = _upload(office, f"Data;Dział;Rozdział;Paragraf;Kwota;Dokument\n15.03.{year};750;75075;4300;1200,50;WB/1\n")
    assert [row["status"] for row in again.rows] == ["duplicate"]


# --- The social fund's privacy --------------------------------------------------------------------


@pytest.fixture
def application(staff: Any) -> SocialFundApplication:
    return social.save_application(
        actor=staff,
        application=SocialFundApplication(applicant="Jan Nowak", kind="hardship", received_on=timezone.localdate()),
    )


@pytest.mark.parametrize("role", ["administrator", "management", "office_staff", "secretariat", "auditor"])
def test_the_social_fund_is_not_there_for_anyone_else(
    persona: Any, client_for: Any, application: SocialFundApplication, role: str
) -> None:
    client = client_for(persona(role))
    for url in (
        reverse("administration:social_list"),
        reverse("administration:social_create"),
        reverse("administration:social_detail", args=[application.pk]),
        reverse("administration:social_edit", args=[application.pk]),
    ):
        assert fetch(client, "get", url).status_code == 404, url
    home = page_text(fetch(client, "get", "/"))
    assert "Jan Nowak" not in home


def test_the_person_in_charge_keeps_the_register(
    persona: Any, client_for: Any, application: SocialFundApplication
) -> None:
    person = persona("secretariat")
    person.user_permissions.add(Permission.objects.get(codename="handle_social_fund"))
    client = client_for(person)
    assert "Jan Nowak" in page_text(fetch(client, "get", reverse("administration:social_list")))
    response = fetch(
        client,
        "post",
        reverse("administration:social_edit", args=[application.pk]),
        {
            "applicant": "Jan Nowak",
            "kind": "hardship",
            "received_on": application.received_on.isoformat(),
            "status": "refused",
            "decided_on": timezone.localdate().isoformat(),
        },
    )
    assert response.status_code == 302
    assert AuditEntry.objects.filter(object_id=str(application.pk), action="update", actor=person).exists()
    fetch(client, "get", reverse("administration:social_detail", args=[application.pk]))
    from office.models import PersonalDataRead

    assert PersonalDataRead.objects.filter(user=person, object_id=application.pk).exists()


def test_material_request_page_gathers_the_units_replies(staff: Any, office: Any, wok: Any) -> None:
    request = materials.request_materials(
        actor=staff,
        request=MaterialRequest(
            title="Biuletyn", purpose="bulletin", instructions="Teksty", due_date=timezone.localdate()
        ),
        units=[wok],
    )
    part = materials.assignments_of(request).get()
    part.reply = "Wydział otworzył nowe biuro."
    part.save()
    text = page_text(fetch(office, "get", reverse("administration:material_detail", args=[request.pk])))
    assert "Wydział otworzył nowe biuro." in text and "WOK" in text


def test_the_caption_adds_the_lines_up(staff: Any, office: Any) -> None:
    _nearly_used(staff)
    budget_line(name="Promocja", planned=Decimal("500"))
    totals = BudgetLine.objects.with_figures().totals()
    assert totals == {
        "plan": Decimal("1500.00"),
        "committed": Decimal("950.00"),
        "executed": Decimal("0.00"),
        "remaining": Decimal("550.00"),
    }
    with translation.override("en"):
        text = page_text(fetch(office, "get", BUDGET, HTTP_ACCEPT_LANGUAGE="en"))
    assert "1500" in text.replace(" ", "").replace("\xa0", "") or "1,500" in text


def test_widgets_digest_and_search(staff: Any, persona: Any) -> None:
    from office.contributions import registry

    line = _nearly_used(staff)
    keys = ("budget_lines_nearly_used", "press_materials_due", "small_procurements", "social_fund")
    widgets = {o.key: o for o in registry.collect("widget", staff, only=keys)}
    assert not widgets["budget_lines_nearly_used"].failed
    assert [item.label for item in widgets["budget_lines_nearly_used"].data.items] == [
        f"{line.classification} {line.name}"
    ]
    assert widgets["budget_lines_nearly_used"].data.items[0].badge
    digest = {o.key: o for o in registry.collect("digest", staff, only=keys)}
    assert len(digest["budget_lines_nearly_used"].data.items) == 1 and not digest["press_materials_due"].failed
    found = {o.key: o for o in registry.collect("search", persona("management"), only=keys, query="Reprezentacja")}
    assert "social_fund" not in found and not found["small_procurements"].failed
    lines = {o.key: o for o in registry.collect("search", staff, only=("budget_lines",), query="Reprezentacja")}
    assert [hit.url for hit in lines["budget_lines"].data] == [reverse("administration:line_detail", args=[line.pk])]


def test_a_procurements_page_names_its_commitment(staff: Any, office: Any) -> None:
    from office.administration.services import spending

    euro_rate()
    line = budget_line()
    procurement = spending.save_procurement(
        actor=staff,
        procurement=Procurement(
            subject="Tonery",
            supply_type="supplies",
            estimated_value=Decimal("800"),
            estimated_on=in_year(line),
            line=line,
        ),
    )
    text = page_text(fetch(office, "get", reverse("administration:procurement_detail", args=[procurement.pk])))
    assert line.name in text and "800" in text
