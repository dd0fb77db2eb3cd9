"""Correspondence's section of the mayor's reports (``report_section``): the letters of note sent
in the period — occasional letters (greetings, thanks, invitations) and letters signed by the
Mayor to institutions, companies, NGOs and the media — with the numbers of letters received and
sent.

Confidential letters and letters to private persons are counted, never listed. ``units`` narrows
everything to the letters registered by those units. Two queries whatever the years of data.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Q
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from correspondence.models import Direction, Letter, LetterKind, LetterStatus
from office.contributions import REPORT_ITEMS, Figure, ReportSection, register
from office.models import Contact, OfficeHolder


@register("report_section", "correspondence", order=60, label=gettext_lazy("Letters of note"))
def correspondence_section(user: Any, *, start: dt.date, end: dt.date, units: list[int] | None = None) -> ReportSection:
    letters = Letter.objects.all()
    if units:
        letters = letters.filter(unit_id__in=units)
    sent = Q(direction=Direction.OUTGOING, status=LetterStatus.SENT, sent_on__gte=start, sent_on__lte=end)
    counts = letters.aggregate(
        received=Count("pk", filter=Q(direction=Direction.INCOMING, received_on__gte=start, received_on__lte=end)),
        sent=Count("pk", filter=sent),
        occasional=Count("pk", filter=sent & Q(kind=LetterKind.OCCASIONAL)),
    )
    of_note = list(
        letters.filter(sent, confidential=False, contact__isnull=False)
        .exclude(contact__kind=Contact.Kind.PERSON)
        .filter(Q(kind=LetterKind.OCCASIONAL) | Q(principal__role=OfficeHolder.Role.MAYOR))
        .only("sign", "sent_on", "correspondent", "subject")
        .order_by("sent_on", "id")[:REPORT_ITEMS]
    )
    text = (
        _(
            "%(sent)d letters were sent in the period, %(occasional)d of them occasional letters (greetings, thanks, "
            "invitations); %(received)d letters were received."
        )
        % counts
    )
    items = [
        f"{date_format(letter.sent_on, 'SHORT_DATE_FORMAT')} – {letter.sign} – {letter.correspondent}: {letter.subject}"
        for letter in of_note
    ]
    figures = [
        Figure(_("Letters received"), counts["received"]),
        Figure(_("Letters sent"), counts["sent"]),
        Figure(_("of which occasional letters"), counts["occasional"]),
    ]
    return ReportSection(_("Letters of note"), [text], items, figures)
