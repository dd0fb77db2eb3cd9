"""The invented data of the correspondence demo: names, streets, institutions, the kinds of
letters the office receives and the letter templates it uses."""

from correspondence.models import LetterKind
from correspondence.services.letters import REPLY_SOURCE

LETTERS_PER_WORKING_DAY = 4
REPLY_BODY = (
    "w odpowiedzi na Państwa pismo uprzejmie informuję, że sprawa została rozpatrzona.\n\n"
    "Szczegóły przekazał właściwy wydział."
)
JUBILEE_TAG = "Jubilaci 2026"

FIRST = ["Anna", "Jan", "Maria", "Piotr", "Katarzyna", "Tomasz", "Zofia", "Andrzej", "Ewa", "Krzysztof", "Agnieszka"]
LAST = ["Nowak", "Kowalska", "Wiśniewski", "Wójcik", "Kamińska", "Lewandowski", "Zielińska", "Szymański", "Dąbrowska"]
STREETS = ["ul. Lipowa", "ul. Kościuszki", "ul. Słoneczna", "al. Wolności", "ul. Szkolna", "ul. Ogrodowa", "ul. Polna"]
INSTITUTIONS = [
    ("Urząd Wojewódzki", "ul. Jagiellońska 25", "40-032", "Katowice"),
    ("Urząd Marszałkowski Województwa", "ul. Ligonia 46", "40-037", "Katowice"),
    ("Regionalna Izba Obrachunkowa", "ul. Graniczna 29", "40-017", "Katowice"),
    ("Najwyższa Izba Kontroli, Delegatura", "ul. Kordeckiego 18", "40-036", "Katowice"),
    ("Związek Miast Polskich", "ul. Robocza 42", "61-517", "Poznań"),
    ("Stowarzyszenie Przyjaciół Parku Miejskiego", "ul. Parkowa 1", "00-950", "Miasto Przykładowo"),
    ("Rada Osiedla Zachód", "ul. Zachodnia 12", "00-951", "Miasto Przykładowo"),
    ("Parafia św. Jana", "pl. Kościelny 2", "00-952", "Miasto Przykładowo"),
    ("Polski Związek Emerytów i Rencistów, koło nr 3", "ul. Długa 8", "00-953", "Miasto Przykładowo"),
    ("Miejski Klub Sportowy „Sokół”", "ul. Sportowa 12", "00-954", "Miasto Przykładowo"),
]
INCOMING = [
    # subject, kind, JRWA class, unit handling it
    ("Prośba o naprawę chodnika przy ul. {street}", LetterKind.INTERVENTION, "0512", "ZDM"),
    ("Skarga na działanie Zarządu Dróg Miejskich", LetterKind.COMPLAINT, "0511", "ZDM"),
    ("Wniosek o ustawienie ławek na skwerze przy {street}", LetterKind.MOTION, "0511", "WGK"),
    ("Petycja w sprawie ograniczenia ruchu ciężarówek", LetterKind.PETITION, "0511", "WIN"),
    (
        "Wniosek o udostępnienie informacji publicznej: umowy na odśnieżanie",
        LetterKind.PUBLIC_INFORMATION,
        "0140",
        "WGK",
    ),
    ("Zaproszenie na jubileusz 100-lecia szkoły", LetterKind.OTHER, "0522", "WE"),
    ("Prośba o spotkanie w sprawie budowy boiska", LetterKind.ORDINARY, "0520", "WKS"),
    ("Informacja o kontroli planowanej w I kwartale", LetterKind.ORDINARY, "0081", "WO"),
    ("Wniosek o dofinansowanie festynu osiedlowego", LetterKind.MOTION, "0082", "WKS"),
    ("Interwencja w sprawie hałasu z lokalu przy {street}", LetterKind.INTERVENTION, "0512", "WGK"),
    ("Prośba o objęcie patronatem honorowym turnieju szachowego", LetterKind.ORDINARY, "0160", "WKS"),
    ("Skarga na opieszałość w wydawaniu decyzji", LetterKind.COMPLAINT, "0511", "WAB"),
]
TEMPLATES = [
    # name, kind, layout, subject, salutation, body, closing, class, source
    (
        "Gratulacje jubileuszowe",
        "congratulations",
        "letter",
        "Gratulacje z okazji jubileuszu",
        "Szanowni Państwo,",
        "w imieniu mieszkańców {{ pismo.miejscowosc }} i własnym składam serdeczne gratulacje z okazji jubileuszu. "
        "Praca na rzecz wspólnoty lokalnej zasługuje na najwyższe uznanie.\n\n"
        "Życzę dalszych sukcesów, wytrwałości i wielu powodów do radości w kolejnych latach.",
        "Z wyrazami szacunku",
        "0521",
        "",
    ),
    (
        "Podziękowanie za współpracę",
        "thanks",
        "letter",
        "Podziękowanie",
        "Szanowni Państwo,",
        "serdecznie dziękuję za zaangażowanie i współpracę przy organizacji wydarzeń miejskich w mijającym roku.",
        "Z wyrazami szacunku",
        "0521",
        "",
    ),
    (
        "Kondolencje",
        "condolences",
        "letter",
        "Wyrazy współczucia",
        "Szanowni Państwo,",
        "z głębokim żalem przyjąłem wiadomość o śmierci. W imieniu mieszkańców miasta i własnym "
        "składam wyrazy współczucia.",
        "",
        "0521",
        "",
    ),
    (
        "Zaproszenie na uroczystość",
        "invitation",
        "letter",
        "Zaproszenie",
        "{% if adresat.stanowisko %}Szanowny Panie {{ adresat.stanowisko }},{% else %}Szanowni Państwo,{% endif %}",
        "mam zaszczyt zaprosić na uroczystą sesję Rady Miasta z okazji Święta Miasta.\n\n"
        "Uroczystość odbędzie się w sali sesyjnej ratusza.",
        "Z wyrazami szacunku",
        "0170",
        "",
    ),
    (
        "Dyplom uznania",
        "diploma",
        "diploma",
        "DYPLOM UZNANIA",
        "",
        "dla {{ adresat.nazwa }}\n\nw uznaniu zasług dla społeczności lokalnej {{ pismo.miejscowosc }}",
        "",
        "0521",
        "",
    ),
    (
        "Odpowiedź na pismo",
        "reply",
        "letter",
        "Odpowiedź na pismo z dnia {{ pismo_przychodzace.data_pisma|default:pismo_przychodzace.data_wplywu }}",
        "Szanowni Państwo,",
        "w odpowiedzi na pismo z dnia {{ pismo_przychodzace.data_pisma|default:pismo_przychodzace.data_wplywu }} "
        'w sprawie "{{ pismo_przychodzace.temat }}" uprzejmie informuję:\n\n{{ pismo_przychodzace.odpowiedz }}',
        "Z poważaniem",
        "0520",
        REPLY_SOURCE,
    ),
]
