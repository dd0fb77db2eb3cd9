"""Demo correspondence: a year of the mayor's office register (invented, but realistic) — letters
in every state with their decrees, replies and deliveries, residents' matters, visitors, paper
documents, translations, the letter templates and a batch of congratulation letters.

Idempotent (nothing is added when letters exist) and fast: letters are numbered and written in
bulk, as a year of registrations would have left them.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from typing import Any

from django.conf import settings
from django.db.models import Max
from django.utils import timezone

from correspondence.deadlines import RULES_BY_KIND
from correspondence.demo_data import (
    FIRST,
    INCOMING,
    INSTITUTIONS,
    JUBILEE_TAG,
    LAST,
    LETTERS_PER_WORKING_DAY,
    REPLY_BODY,
    STREETS,
    TEMPLATES,
)
from correspondence.models import (
    Channel,
    Decree,
    Direction,
    JrwaClass,
    Letter,
    LetterBatch,
    LetterKind,
    LetterStatus,
    LetterTemplate,
    SignCounter,
    TranslationOrder,
)
from correspondence.services import archive, batches, matters, visitors
from office.deadlines import apply_rule, is_working_day
from office.models import (
    Assignment,
    AssignmentEvent,
    AssignmentStatus,
    Contact,
    DeadlineRule,
    OfficeHolder,
    OrgUnit,
    Tag,
    User,
)
from office.services import audit


def _days(count: int) -> int:
    """``count`` scaled by ``settings.DEMO_SCALE`` (the tests' demo office covers a few weeks)."""
    return max(1, round(count * settings.DEMO_SCALE))


def _moment(day: dt.date, rng: random.Random) -> dt.datetime:
    return dt.datetime.combine(
        day, dt.time(8 + rng.randrange(8), rng.randrange(60)), tzinfo=timezone.get_current_timezone()
    )


def seed(admin: Any) -> None:
    if LetterTemplate.objects.filter(name=TEMPLATES[0][0]).exists():  # the demo's own: made already
        return
    archive.ensure_shipped_classes()
    rng = random.Random(20261129)  # noqa: S311  (repeatable demo data, not security)
    office = _office_unit()
    classes = {c.symbol: c for c in JrwaClass.objects.all()}
    holders = list(OfficeHolder.objects.filter(is_active=True).order_by("order"))
    users = {
        u.username: u for u in User.objects.filter(username__in=["kancelaria", "sekretariat", "lacznik", "prezydent"])
    }
    clerk = users.get("kancelaria", admin)
    contacts = _contacts(rng)
    templates = _templates(admin, classes, holders[0])
    letters = _letters(rng, office, classes, holders, contacts, clerk)
    _decrees_and_replies(rng, letters, office, classes, holders, clerk, templates)
    _matters(rng, holders, clerk, users)
    _visits_and_documents(rng, holders, clerk, users)
    _translations(rng, contacts, letters, clerk)
    _batch(admin, templates["Gratulacje jubileuszowe"], holders[0], office)
    _transfer(admin, office)


def _office_unit() -> OrgUnit:
    from django.conf import settings

    unit, _created = OrgUnit.objects.get_or_create(
        symbol=settings.OFFICE_UNIT_SYMBOL,
        defaults={
            "name": "Kancelaria Prezydenta Miasta",
            "kind": OrgUnit.Kind.OFFICE,
            "parent": OrgUnit.objects.filter(symbol="BP").first(),
        },
    )
    return unit


def _contacts(rng: random.Random) -> list[Contact]:
    people = [
        Contact(
            kind=Contact.Kind.PERSON,
            name=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            street=f"{rng.choice(STREETS)} {rng.randrange(1, 90)}",
            postal_code=f"00-9{rng.randrange(10, 99)}",
            city="Miasto Przykładowo",
            email=f"mieszkaniec{n}@example.pl" if n % 3 else "",
        )
        for n in range(220)
    ]
    institutions = [
        Contact(kind=Contact.Kind.INSTITUTION, name=name, street=street, postal_code=code, city=city)
        for name, street, code, city in INSTITUTIONS
    ]
    made = Contact.objects.bulk_create(people + institutions)
    jubilee, _created = Tag.objects.get_or_create(name=JUBILEE_TAG)
    jubilee.contacts.add(*made[:24])
    translator = Contact.objects.create(
        kind=Contact.Kind.PERSON,
        name="Biuro Tłumaczeń „Lingua” – Ewa Lis, tłumacz przysięgły",
        city="Miasto Przykładowo",
        email="biuro@lingua.example.pl",
    )
    return [*made, translator]


def _templates(admin: Any, classes: dict[str, JrwaClass], mayor: OfficeHolder) -> dict[str, LetterTemplate]:
    made = {}
    for name, kind, layout, subject, salutation, body, closing, symbol, source in TEMPLATES:
        template = LetterTemplate(
            name=name,
            kind=kind,
            layout=layout,
            subject=subject,
            salutation=salutation,
            body=body,
            closing=closing,
            jrwa_class=classes[symbol],
            source_kind=source,
            signatory=mayor,
            updated_by=admin,
        )
        made[name] = audit.save_record(actor=admin, record=template)
    return made


def _working_days(first: dt.date, last: dt.date) -> list[dt.date]:
    days, day = [], first
    while day <= last:
        if is_working_day(day):
            days.append(day)
        day += dt.timedelta(days=1)
    return days


class _Numbers:
    """The next sign of each (class, year) file of the office's register, as registration gives it."""

    def __init__(self, unit: OrgUnit) -> None:
        self.unit = unit
        self.last: dict[tuple[int, int], int] = defaultdict(int)
        # the register may hold letters already (the bench's, an office's own): number after them
        for class_id, year, number in SignCounter.objects.filter(unit=unit).values_list(
            "jrwa_class_id", "year", "last_number"
        ):
            self.last[(class_id, year)] = number
        for class_id, year, number in (
            Letter.objects.filter(unit=unit)
            .values("jrwa_class_id", "year")
            .annotate(top=Max("sequence"))
            .values_list("jrwa_class_id", "year", "top")
        ):
            self.last[(class_id, year)] = max(self.last[(class_id, year)], number or 0)

    def take(self, letter: Letter, jrwa_class: JrwaClass, year: int) -> None:
        self.last[(jrwa_class.pk, year)] += 1
        letter.jrwa_class, letter.year, letter.sequence = jrwa_class, year, self.last[(jrwa_class.pk, year)]
        letter.file_mark = f"{self.unit.symbol}.{jrwa_class.symbol}"
        letter.sign = f"{letter.file_mark}.{letter.sequence}.{year}"

    def save(self) -> None:
        for (class_id, year), number in self.last.items():
            SignCounter.objects.update_or_create(
                unit=self.unit, jrwa_class_id=class_id, year=year, defaults={"last_number": number}
            )


def _letters(
    rng: random.Random,
    office: OrgUnit,
    classes: dict[str, JrwaClass],
    holders: list[OfficeHolder],
    contacts: list[Contact],
    clerk: Any,
) -> list[tuple[Letter, str]]:
    """A year of incoming letters (with the unit that handles each), numbered day by day."""
    today = timezone.localdate()
    numbers = _Numbers(office)
    installed = {rule.code: rule for rule in DeadlineRule.objects.all()}
    rows: list[tuple[Letter, str, dt.datetime]] = []
    for day in _working_days(today - dt.timedelta(days=_days(365)), today):
        for _n in range(rng.randrange(LETTERS_PER_WORKING_DAY - 2, LETTERS_PER_WORKING_DAY + 3)):
            subject, kind, symbol, unit = rng.choice(INCOMING)
            contact = rng.choice(contacts[:-1])
            letter = Letter(
                direction=Direction.INCOMING,
                unit=office,
                kind=kind,
                status=LetterStatus.REGISTERED,
                channel=rng.choice([Channel.POST, Channel.POST, Channel.EMAIL, Channel.EPUAP, Channel.IN_PERSON]),
                received_on=day,
                dated_on=day - dt.timedelta(days=rng.randrange(1, 6)),
                contact=contact,
                correspondent=contact.name,
                subject=subject.format(street=rng.choice(STREETS)),
                principal=holders[0] if rng.random() < 0.7 else rng.choice(holders[1:3]),
                confidential=rng.random() < 0.02,
                created_by=clerk,
            )
            rules = RULES_BY_KIND.get(kind)
            if rules is not None:
                deadline = apply_rule(installed[rules[0].code], day)
                letter.due_on, letter.deadline_rule, letter.deadline_basis = (
                    deadline.due,
                    deadline.rule_code,
                    deadline.label,
                )
            numbers.take(letter, classes[symbol], day.year)
            rows.append((letter, unit, _moment(day, rng)))
    Letter.objects.bulk_create([letter for letter, _unit, _at in rows], batch_size=500)
    for letter, _unit, at in rows:
        letter.created_at = at
    Letter.objects.bulk_update([letter for letter, _unit, _at in rows], ["created_at"], batch_size=500)
    numbers.save()
    audit.record_created_rows(actor=clerk, instances=[letter for letter, _unit, _at in rows])
    return [(letter, unit) for letter, unit, _at in rows]


def _decrees_and_replies(
    rng: random.Random,
    letters: list[tuple[Letter, str]],
    office: OrgUnit,
    classes: dict[str, JrwaClass],
    holders: list[OfficeHolder],
    clerk: Any,
    templates: dict[str, LetterTemplate],
) -> None:
    """Older letters were decreed, answered (a reply sent, its delivery confirmed) or filed; the last
    weeks' are still with the units or wait for the decree."""
    today = timezone.localdate()
    units = {u.symbol: u for u in OrgUnit.objects.all()}
    numbers = _Numbers(office)
    numbers.last.update({(c.jrwa_class_id, c.year): c.last_number for c in SignCounter.objects.filter(unit=office)})
    reply_template = templates["Odpowiedź na pismo"]
    assignments, decrees, replies, changed = [], [], [], []
    for letter, symbol in letters:
        age = (today - letter.received_on).days
        if age < 6 and rng.random() < 0.7:
            continue  # waits for the principal's decree
        if letter.kind == LetterKind.OTHER:
            letter.status, letter.closed_on, letter.closing_note = (
                LetterStatus.CLOSED,
                letter.received_on,
                "Do wiadomości.",
            )
            changed.append(letter)
            continue
        due = letter.due_on or letter.received_on + dt.timedelta(days=14)
        answered = age > 35 or (age > 10 and rng.random() < 0.5)
        status = (
            AssignmentStatus.CLOSED
            if answered
            else rng.choice([AssignmentStatus.NEW, AssignmentStatus.IN_PROGRESS, AssignmentStatus.ANSWERED])
        )
        assignment = Assignment(
            title=(f"Pismo poufne {letter.sign}" if letter.confidential else f"Pismo {letter.sign}: {letter.subject}")[
                :255
            ],
            description="jednostka wiodąca: proszę o przygotowanie odpowiedzi",
            unit=units[symbol],
            created_by=clerk,
            due_date=due,
            deadline_rule=letter.deadline_rule,
            deadline_basis=letter.deadline_basis,
            status=status,
            reply="Sprawa została rozpatrzona; szczegóły w projekcie odpowiedzi."
            if status in (AssignmentStatus.ANSWERED, AssignmentStatus.CLOSED)
            else "",
            source_label=str(letter),
            source_url=f"/correspondence/{letter.pk}/",
        )
        assignments.append(assignment)
        decrees.append(
            Decree(
                letter=letter,
                unit=units[symbol],
                is_lead=True,
                instruction="Proszę o przygotowanie odpowiedzi.",
                decreed_by=clerk,
                on_behalf_of=letter.principal,
                decreed_at=_moment(letter.received_on + dt.timedelta(days=1), rng),
            )
        )
        if not answered:
            letter.status = LetterStatus.DECREED
            changed.append(letter)
            continue
        sent = (
            min(due - dt.timedelta(days=rng.randrange(0, 10)), today)
            if rng.random() < 0.9
            else due + dt.timedelta(days=rng.randrange(1, 6))
        )
        sent = max(sent, letter.received_on + dt.timedelta(days=2))
        reply = Letter(
            direction=Direction.OUTGOING,
            unit=office,
            kind=letter.kind,
            status=LetterStatus.SENT,
            channel=letter.channel if letter.channel != Channel.IN_PERSON else Channel.POST,
            sent_on=sent,
            dated_on=sent,
            contact=letter.contact,
            correspondent=letter.correspondent,
            subject=f"Odpowiedź: {letter.subject}"[:500],
            salutation="Szanowni Państwo,",
            body=REPLY_BODY,
            closing="Z poważaniem",
            principal=letter.principal,
            in_reply_to=letter,
            template=reply_template,
            confidential=letter.confidential,
            delivery_confirmed_on=sent + dt.timedelta(days=rng.randrange(2, 9)) if rng.random() < 0.7 else None,
            created_by=clerk,
        )
        if reply.delivery_confirmed_on and reply.delivery_confirmed_on > today:
            reply.delivery_confirmed_on = None
        numbers.take(reply, classes["0520"], sent.year)
        replies.append((reply, _moment(sent, rng)))
        letter.status, letter.closed_on = LetterStatus.ANSWERED, sent
        changed.append(letter)
    Assignment.objects.bulk_create(assignments, batch_size=500)
    for decree, assignment in zip(decrees, assignments, strict=True):
        decree.assignment = assignment
    Decree.objects.bulk_create(decrees, batch_size=500)
    from django.contrib.contenttypes.models import ContentType

    letter_type = ContentType.objects.get_for_model(Letter)
    for decree, assignment in zip(decrees, assignments, strict=True):
        assignment.source_type, assignment.source_id = letter_type, decree.letter_id
    Assignment.objects.bulk_update(assignments, ["source_type", "source_id"], batch_size=500)
    AssignmentEvent.objects.bulk_create(
        [
            AssignmentEvent(assignment=a, kind=AssignmentEvent.Kind.CREATED, actor=clerk, text=a.description)
            for a in assignments
        ],
        batch_size=500,
    )
    Letter.objects.bulk_update(changed, ["status", "closed_on", "closing_note"], batch_size=500)
    Letter.objects.bulk_create([reply for reply, _at in replies], batch_size=500)
    for reply, at in replies:
        reply.created_at = at
    Letter.objects.bulk_update([reply for reply, _at in replies], ["created_at"], batch_size=500)
    SignCounter.objects.filter(unit=office).delete()
    numbers.save()
    audit.record_created_rows(actor=clerk, instances=[reply for reply, _at in replies])


def _matters(rng: random.Random, holders: list[OfficeHolder], clerk: Any, users: dict[str, Any]) -> None:
    today = timezone.localdate()
    topics = [
        ("Zepsuta latarnia przy ul. {street}", "WGK"),
        ("Dziura w jezdni na skrzyżowaniu z {street}", "ZDM"),
        ("Brak miejsca w żłobku miejskim", "WE"),
        ("Nieodebrane odpady wielkogabarytowe", "WGK"),
        ("Pomoc w uzyskaniu lokalu socjalnego", "MOPS"),
        ("Zarośnięty plac zabaw przy {street}", "WGK"),
    ]
    units = {u.symbol: u for u in OrgUnit.objects.all()}
    for index in range(max(12, _days(24))):
        subject, symbol = rng.choice(topics)
        received = today - dt.timedelta(days=index * 7 + rng.randrange(0, 5))
        matter = matters.register_matter(
            actor=clerk,
            resident_name=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            email=f"mieszkanka{index}@example.pl" if index % 2 else "",
            phone=f"+48 600 200 {index:03d}",
            address=f"{rng.choice(STREETS)} {rng.randrange(1, 90)}",
            kind=rng.choice(["intervention", "request", "complaint", "question"]),
            channel=rng.choice(["in_person", "phone", "email", "letter", "duty_hour"]),
            received_on=received,
            subject=subject.format(street=rng.choice(STREETS)),
            description="Mieszkaniec zgłasza problem i prosi o interwencję Prezydenta.",
            location=rng.choice(STREETS),
            principal=holders[0],
            rodo_clause_shown=True,
        )
        if index < 3:
            continue
        matters.forward(actor=clerk, matter=matter, unit=units[symbol], instruction="Proszę o wyjaśnienie i odpowiedź.")
        if index < 8:
            continue
        replied = min(received + dt.timedelta(days=rng.randrange(5, 40)), today)
        matters.reply(
            actor=clerk,
            matter=matter,
            text="Sprawa została załatwiona przez właściwy wydział.",
            channel="letter",
            replied_on=replied,
        )
        if index > 14:
            matters.close(actor=clerk, matter=matter)


def _visits_and_documents(rng: random.Random, holders: list[OfficeHolder], clerk: Any, users: dict[str, Any]) -> None:
    from correspondence.models import PaperDocument, Visit

    today = timezone.localdate()
    purposes = ["Spotkanie w sprawie inwestycji", "Podpisanie porozumienia", "Wizyta kurtuazyjna", "Rozmowa o budżecie"]
    for days_ago in range(max(5, _days(20)), -1, -1):
        day = today - dt.timedelta(days=days_ago)
        if not is_working_day(day):
            continue
        for hour in (9, 11, 13) if days_ago else (9, 11, 13, 15):
            visit = visitors.save_visit(
                actor=clerk,
                visit=Visit(
                    visitor_name=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                    organisation=rng.choice(INSTITUTIONS)[0],
                    host=rng.choice(holders[:3]),
                    expected_at=dt.datetime.combine(day, dt.time(hour), tzinfo=timezone.get_current_timezone()),
                    purpose=rng.choice(purposes),
                ),
            )
            if days_ago or hour < 11:
                visitors.arrive(
                    actor=clerk, visit=visit, badge_number=f"G-{rng.randrange(1, 40)}", at=visit.expected_at
                )
                if days_ago:
                    visitors.leave(
                        actor=clerk, visit=visit, badge_returned=True, at=visit.expected_at + dt.timedelta(hours=1)
                    )
    recipients = [u for u in (users.get("sekretariat"), users.get("prezydent"), users.get("lacznik")) if u]
    for index, title in enumerate(
        [
            "Umowa na termomodernizację szkół – oryginał",
            "Pismo do podpisu Prezydenta",
            "Akt notarialny – darowizna gruntu",
        ]
    ):
        document = visitors.register_document(actor=clerk, document=PaperDocument(title=title))
        for to_user in recipients[: index + 1]:
            visitors.hand_document(
                actor=clerk,
                document=document,
                to_user=to_user,
                note="do podpisu" if to_user.username == "prezydent" else "",
            )


def _translations(rng: random.Random, contacts: list[Contact], letters: list[tuple[Letter, str]], clerk: Any) -> None:
    from correspondence.services import translations

    today = timezone.localdate()
    translator = contacts[-1]
    for index, (document, source, target) in enumerate(
        [
            ("List gratulacyjny do burmistrza miasta partnerskiego", "polski", "niemiecki"),
            ("Porozumienie o współpracy miast partnerskich", "polski", "angielski"),
            ("Zaproszenie od delegacji z Ukrainy", "ukraiński", "polski"),
            ("Program wizyty delegacji z Francji", "polski", "francuski"),
        ]
    ):
        order = translations.save_order(
            actor=clerk,
            order=TranslationOrder(
                document=document,
                source_language=source,
                target_language=target,
                translator=translator,
                ordered_on=today - dt.timedelta(days=20 - index * 5),
                due_on=today + dt.timedelta(days=index * 4 - 3),
                sworn=index == 1,
            ),
        )
        if index == 0:
            translations.deliver(actor=clerk, order=order, delivered_on=today - dt.timedelta(days=2))
        elif index == 1:
            translations.start(actor=clerk, order=order)


def _batch(admin: Any, template: LetterTemplate, mayor: OfficeHolder, office: OrgUnit) -> None:
    """A batch of congratulation letters for the jubilarians, made as the worker would."""
    recipients = list(Contact.objects.filter(tags__name=JUBILEE_TAG).order_by("pk")[: max(3, _days(12))])
    batch = LetterBatch.objects.create(
        template=template,
        title="Gratulacje dla jubilatów 2026",
        signatory=mayor,
        unit=office,
        dated_on=timezone.localdate(),
        contact_ids=[contact.pk for contact in recipients],
        created_by=admin,
    )
    combined, zipped = batches.build(batch, lambda percent, message: None)
    batches.finish(batch, combined, zipped)


def _transfer(admin: Any, office: OrgUnit) -> None:
    last_year = timezone.localdate().year - 1
    if Letter.objects.filter(unit=office, year=last_year).exists():
        archive.prepare_transfer(
            actor=admin,
            unit=office,
            year=last_year,
            handed_on=timezone.localdate(),
            notes="Spis przygotowany na zakończenie roku.",
        )
