"""Press office cases that once failed: linking a publication, what office staff may see on the
directory's pages, the journalist chosen from their page, the publication picker."""

from __future__ import annotations

import pytest
from django.urls import reverse

from media_relations.models import Inquiry
from tests.media_relations.factories import (
    InquiryFactory,
    JournalistFactory,
    OutletFactory,
    PressOfficerFactory,
    PublicationFactory,
)
from tests.utils import client_for, page_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer():
    return PressOfficerFactory()


def test_an_inquiry_links_to_any_publication_of_its_outlet(officer):
    inquiry = InquiryFactory(actor=officer)
    outlet = inquiry.outlet or inquiry.journalist.employments.first().outlet
    publications = [PublicationFactory(outlet=outlet, title=f"Artykuł {n}") for n in range(60)]
    oldest = min(publications, key=lambda p: (p.published_on, p.pk))
    response = client_for(officer).post(
        reverse("media_relations:inquiry_link", args=[inquiry.pk]), {"link-publication": oldest.pk}
    )
    assert response.status_code == 302, page_text(response)
    inquiry.refresh_from_db()
    assert inquiry.publication_id == oldest.pk


def test_a_publication_of_another_outlet_is_refused(officer):
    inquiry = InquiryFactory(actor=officer)
    other = PublicationFactory(outlet=OutletFactory(name="Radio Inne"))
    response = client_for(officer).post(
        reverse("media_relations:inquiry_link", args=[inquiry.pk]), {"link-publication": other.pk}
    )
    assert response.status_code == 200
    assert Inquiry.objects.get(pk=inquiry.pk).publication_id is None


def test_the_publication_picker_searches_within_the_outlet(officer):
    ours, theirs = OutletFactory(name="Gazeta Nasza"), OutletFactory(name="Gazeta Obca")
    PublicationFactory(outlet=ours, title="Remont mostu opóźniony")
    PublicationFactory(outlet=theirs, title="Remont mostu w innym mieście")
    url = reverse("media_relations:publication_options")
    body = client_for(officer).get(url, {"outlet": ours.pk, "q": "most", "field": "publication"}).content.decode()
    assert "Remont mostu opóźniony" in body and "innym mieście" not in body
    assert client_for(officer).get(url, {"outlet": "²", "q": "most"}).status_code == 200


def test_office_staff_see_the_directory_but_not_the_press_records(persona, officer):
    inquiry = InquiryFactory(actor=officer, subject="Poufny temat redakcji")
    journalist = inquiry.journalist
    outlet = journalist.employments.first().outlet
    PublicationFactory(outlet=outlet, title="Tytuł publikacji monitoringu")
    staff = client_for(persona("office_staff"))
    journalist_page = page_text(staff.get(reverse("media_relations:journalist_detail", args=[journalist.pk])))
    outlet_page = page_text(staff.get(reverse("media_relations:outlet_detail", args=[outlet.pk])))
    for body in (journalist_page, outlet_page):
        assert journalist.name in body or outlet.name in body
        assert "Poufny temat redakcji" not in body and "Tytuł publikacji monitoringu" not in body
    press_page = page_text(client_for(officer).get(reverse("media_relations:journalist_detail", args=[journalist.pk])))
    assert "Poufny temat redakcji" in press_page


def test_register_inquiry_from_the_journalists_page_chooses_the_journalist(officer):
    journalist = JournalistFactory(name="Anna Śliwińska")
    response = client_for(officer).get(reverse("media_relations:inquiry_create"), {"journalist": journalist.pk})
    assert f'<option value="{journalist.pk}" selected>' in page_text(response)
    assert client_for(officer).get(reverse("media_relations:inquiry_create"), {"journalist": "²"}).status_code == 200
