"""The council's pages: an interpellation registered, forwarded, drafted, approved by the mayor and
answered through the forms as a browser sends them; bad input shown again with what was typed;
the edit page closed once answered; the BIP pages without login, with conditional requests."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from office.council.models import Interpellation, InterpellationStatus
from tests.council import factories
from tests.utils import client_for, page_text

pytestmark = pytest.mark.django_db
S = InterpellationStatus


def _post(client: Any, name: str, item: Interpellation, data: dict[str, Any]) -> Any:
    return client.post(reverse(f"council:interpellation_{name}", args=[item.pk]), data)


def test_an_interpellation_walked_through_the_pages(persona: Any) -> None:
    officer, mayor_user = client_for(persona("council_officer")), client_for(persona("management"))
    councillor = factories.councillor()
    response = officer.post(
        reverse("council:interpellation_create"),
        {
            "kind": "interpellation",
            "councillor": councillor.pk,
            "received_on": (timezone.localdate() - dt.timedelta(days=3)).isoformat(),
            "subject": "Oświetlenie przejścia",
            "text": "Proszę o doświetlenie przejścia.",
        },
    )
    item = Interpellation.objects.get(subject="Oświetlenie przejścia")
    assert response.status_code == 302 and response["Location"] == reverse(
        "council:interpellation_detail", args=[item.pk]
    )
    assert _post(officer, "forward", item, {"forward-units": [factories.unit().pk]}).status_code == 302
    assert _post(officer, "draft", item, {"draft-text": "Przejście zostanie doświetlone."}).status_code == 302
    assert _post(officer, "approve", item, {"approve-approved_by": factories.mayor().pk}).status_code == 403
    assert _post(mayor_user, "approve", item, {"approve-approved_by": factories.mayor().pk}).status_code == 302
    with override("en"):
        early = _post(
            officer, "answer", item, {"answer-answered_on": (item.received_on - dt.timedelta(days=1)).isoformat()}
        )
    # the refusal is shown on the field, naming the day of receipt
    assert early.status_code == 200 and 'id="id_answer-answered_on_error"' in early.content.decode()
    assert item.received_on.strftime("%d.%m.%Y") in page_text(early)
    assert _post(officer, "answer", item, {"answer-answered_on": timezone.localdate().isoformat()}).status_code == 302
    item.refresh_from_db()
    assert item.status == S.ANSWERED and item.on_time
    assert officer.get(reverse("council:interpellation_edit", args=[item.pk])).status_code == 403
    public = client_for(None).get(reverse("council:public_interpellation", args=[item.pk]))
    assert "Przejście zostanie doświetlone." in page_text(public) and councillor.last_name in page_text(public)


def test_a_bad_form_keeps_what_was_typed(persona: Any) -> None:
    officer = client_for(persona("council_officer"))
    with override("en"):
        response = officer.post(
            reverse("council:interpellation_create"),
            {
                "kind": "question",
                "councillor": factories.councillor().pk,
                "received_on": "2999-01-01",
                "subject": "Zostaje",
                "text": "Tekst",
            },
        )
    assert response.status_code == 200 and "Zostaje" in response.content.decode()
    assert not Interpellation.objects.filter(subject="Zostaje").exists()


def test_the_public_pages_without_login_and_conditional(persona: Any) -> None:
    answered = factories.answered(subject="Widoczna w BIP")
    withdrawn = factories.interpellation(subject="Wycofana")
    from office.council.services import interpellations as services

    services.withdraw(actor=None, interpellation=withdrawn)
    anonymous = client_for(None)
    listing = anonymous.get(reverse("council:public_interpellations"))
    assert listing.status_code == 200 and listing["ETag"] and listing["Last-Modified"]
    assert "Widoczna w BIP" in page_text(listing) and "Wycofana" not in page_text(listing)
    again = anonymous.get(reverse("council:public_interpellations"), HTTP_IF_NONE_MATCH=listing["ETag"])
    assert again.status_code == 304
    searched = anonymous.get(reverse("council:public_interpellations") + "?q=zzz-nic")
    assert "Widoczna w BIP" not in page_text(searched) and searched["ETag"] != listing["ETag"]
    record = anonymous.get(reverse("council:public_interpellation", args=[answered.pk]))
    assert record.status_code == 200 and record["ETag"]
    assert anonymous.get(reverse("council:public_interpellation", args=[withdrawn.pk])).status_code == 404
    assert anonymous.get(reverse("council:public_sessions")).status_code == 200


def test_the_session_page_offers_the_steps_to_the_officer_only(persona: Any) -> None:
    session = factories.session()
    url = reverse("council:session_detail", args=[session.pk])
    officer_page = client_for(persona("council_officer")).get(url).content.decode()
    auditor_page = client_for(persona("auditor")).get(url).content.decode()
    assert reverse("council:session_attend", args=[session.pk]) in officer_page
    assert reverse("council:session_attend", args=[session.pk]) not in auditor_page
    assert "Otwarcie" in auditor_page
