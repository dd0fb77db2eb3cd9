"""The registers of associations in a real browser: every page passes axe (WCAG 2.1 AA), the Nu
HTML checker and the 640 px check — the public register too — and an application goes from
typing in through the founders, the check of the conditions and the entry to the certificate, the
public page and the open data (ETag, 304)."""

from __future__ import annotations

import pytest

from office.demo import DEMO_PASSWORD

pytestmark = [pytest.mark.browser]


def _officer():
    from django.contrib.auth.models import Group

    from office.contributions import registry
    from office.models import User

    user = User.objects.create_user("pozarzadowa", password=DEMO_PASSWORD, first_name="Nina", last_name="Pozarządowa")
    user.groups.add(Group.objects.get(name=registry.role("ngo_officer").group))
    return user


def _submit(page, action: str) -> None:
    page.locator(f"form[action$='/{action}/'] [type=submit]").first.click()
    page.wait_for_load_state()


def test_association_pages_and_an_application_to_its_certificate(visitor, demo):
    """One seeding of the demo office for both: every page, then the journey."""
    _every_page(visitor)
    _an_application_to_the_certificate_and_the_open_data(visitor)


def _every_page(visitor):
    from associations.models import KrsOrganisation, Membership, OrdinaryAssociation, SupervisionCase

    entered = OrdinaryAssociation.objects.filter(status="entered").order_by("number").first()
    changed = OrdinaryAssociation.objects.filter(versions__kind="change").order_by("number").first()
    waiting = OrdinaryAssociation.objects.filter(status="applied").order_by("pk").first()
    foundation = KrsOrganisation.objects.filter(legal_form="foundation", supervision_cases__isnull=False).first()
    case = SupervisionCase.objects.order_by("pk").first()
    membership = Membership.objects.order_by("pk").first()
    for path in (
        "/associations/public/",
        f"/associations/public/?q=Parku&as_of={changed.entered_on.isoformat()}",
        f"/associations/public/{changed.number}/",
        "/associations/public/open-data/",
    ):
        visitor.visit(path)  # public pages, before signing in
    _officer()
    visitor.login("pozarzadowa", DEMO_PASSWORD)
    for path in (
        "/associations/",
        f"/associations/?as_of={changed.entered_on.isoformat()}&q=Stowarzyszenie",
        f"/associations/{waiting.pk}/",
        f"/associations/{waiting.pk}/edit/",
        f"/associations/{changed.pk}/?as_of={changed.entered_on.isoformat()}",
        f"/associations/{entered.pk}/change/",
        "/associations/krs/",
        "/associations/krs/new/",
        "/associations/krs/import/",
        f"/associations/krs/{foundation.pk}/",
        f"/associations/krs/{foundation.pk}/edit/",
        "/associations/supervision/?open=on",
        f"/associations/supervision/{case.pk}/",
        "/associations/opinions/",
        "/associations/opinions/new/",
        "/associations/annual-reports/",
        "/associations/memberships/",
        "/associations/memberships/new/",
        f"/associations/memberships/{membership.pk}/",
    ):
        visitor.visit(path)


def _an_application_to_the_certificate_and_the_open_data(visitor):
    from associations.models import OrdinaryAssociation
    from office.models import Contact

    page = visitor.page
    contact = Contact.objects.create(kind="ngo", name="Klub Planszówkowy „Pionek”", street="ul. Gier 1", city="Miasto")

    # the application typed in from the paper form
    visitor.visit("/associations/new/")
    page.locator("#id_contact-q").fill("Pionek")
    page.locator(f"#id_contact option[value='{contact.pk}']").wait_for(state="attached")
    page.locator("#id_contact").select_option(str(contact.pk))
    page.locator("#id_name").fill("Stowarzyszenie Klub Planszówkowy „Pionek”")
    page.locator("#id_goals").fill("Popularyzacja gier planszowych.")
    page.locator("#id_territory").fill("Miasto Przykładowo")
    page.locator("#id_means_of_action").fill("Spotkania, turnieje, warsztaty.")
    page.locator("#id_seat_address").fill("ul. Gier 1, 00-001 Miasto Przykładowo")
    page.locator("#id_representatives").fill("Marta Kostka – przedstawiciel")
    page.locator("form [type=submit]").last.click()
    page.wait_for_load_state()
    visitor.check()
    association = OrdinaryAssociation.objects.get(current__name__contains="Pionek")

    # three founders, the conditions checked, the entry
    for name in ("Marta Kostka", "Jan Pionek", "Ola Warcaba"):
        page.locator("#id_founder-name").fill(name)
        page.locator("#id_founder-residence").fill("ul. Prywatna 5/2, Miasto")
        _submit(page, "founder")
    visitor.check()
    for box in page.locator("form[action$='/check/'] input[type=checkbox]").all():
        box.check()
    _submit(page, "check")
    visitor.check()
    _submit(page, "enter")
    visitor.check()
    association.refresh_from_db()
    assert association.is_entered and association.number

    # the certificate: a letter of the outgoing register
    page.locator("#id_letter-template").select_option(index=1)
    _submit(page, "letter")
    visitor.check()
    association.refresh_from_db()
    assert association.certificate_id and page.url.endswith(f"/correspondence/{association.certificate_id}/")

    # the public register and its open data, without signing in
    page.context.clear_cookies()
    visitor.visit(f"/associations/public/{association.number}/")
    assert "Pionek" in page.content() and "ul. Prywatna" not in page.content()
    visitor.visit("/associations/public/open-data/")
    for fmt in ("csv", "json", "xlsx"):
        response = page.request.get(visitor.base_url + f"/associations/public/register.{fmt}")
        assert response.ok and response.headers["etag"]
        again = page.request.get(
            visitor.base_url + f"/associations/public/register.{fmt}",
            headers={"If-None-Match": response.headers["etag"]},
        )
        assert again.status == 304
    csv_text = page.request.get(visitor.base_url + "/associations/public/register.csv").text()
    assert "Pionek" in csv_text and "ul. Prywatna" not in csv_text
