"""The fictional outlets: who they are, what they publish in, and which loopback address each one owns."""

from __future__ import annotations

from dataclasses import dataclass

FORMAT_EXT = {"rss": "rss", "atom": "atom", "rdf": "rdf"}
# python codec -> the label sent in Content-Type, the XML declaration and <meta charset>
CHARSET_LABEL = {"utf-8": "utf-8", "iso-8859-1": "ISO-8859-1", "cp1252": "windows-1252"}

# category -> (path segment, label) per language; the fixed texts and filler use the category keys
SECTIONS: dict[str, dict[str, tuple[str, str]]] = {
    "fr": {
        "world": ("monde", "Monde"),
        "local": ("region", "Région"),
        "weather": ("meteo", "Météo"),
        "sport": ("sports", "Sports"),
        "culture": ("culture", "Culture"),
        "economy": ("economie", "Économie"),
        "transport": ("mobilite", "Mobilité"),
    },
    "de": {
        "world": ("international", "International"),
        "local": ("region", "Region"),
        "weather": ("wetter", "Wetter"),
        "sport": ("sport", "Sport"),
        "culture": ("kultur", "Kultur"),
        "economy": ("wirtschaft", "Wirtschaft"),
        "transport": ("verkehr", "Verkehr"),
    },
    "en": {
        "world": ("world", "World"),
        "local": ("local", "Local"),
        "weather": ("weather", "Weather"),
        "sport": ("sport", "Sport"),
        "culture": ("culture", "Culture"),
        "economy": ("business", "Business"),
        "transport": ("transport", "Transport"),
    },
}


@dataclass(frozen=True)
class Outlet:
    index: int
    slug: str
    name: str
    language: str  # de | fr | en
    format: str  # rss | atom | rdf
    encoding: str  # python codec name, see CHARSET_LABEL
    locale: str  # html lang / feed language, e.g. fr-CH
    tagline: str
    towns: tuple[str, ...]
    currency: str  # CHF | EUR | GBP
    staff: tuple[str, ...]
    swiss: bool = False  # Swiss German has no sharp s
    curly: bool = False  # typographic apostrophes (the cp1252 outlet)

    @property
    def host(self) -> str:
        return address(self.index)

    @property
    def charset(self) -> str:
        return CHARSET_LABEL[self.encoding]

    @property
    def feed_path(self) -> str:
        return f"/feeds/{self.slug}.{FORMAT_EXT[self.format]}"

    def section(self, category: str) -> tuple[str, str]:
        return SECTIONS[self.language][category]


def address(index: int) -> str:
    """Outlet i gets 127.0.1.(i+1) for i < 250, then 127.0.2.x and so on."""
    block, offset = divmod(index, 250)
    if block + 1 > 254:
        raise ValueError(f"no loopback address for outlet {index}")
    return f"127.0.{block + 1}.{offset + 1}"


NAMED: tuple[Outlet, ...] = (
    Outlet(
        0,
        "courrier-lemanique",
        "Le Courrier lémanique",
        "fr",
        "rss",
        "iso-8859-1",
        "fr-CH",
        "L'actualité de l'Arc lémanique, de Genève à Montreux, depuis 1898.",
        ("Lausanne", "Morges", "Nyon", "Vevey", "Montreux", "Renens", "Pully"),
        "CHF",
        ("Séverine Jaccard", "François Mottier", "Noémie Péclard", "Jérôme Borcard"),
    ),
    Outlet(
        1,
        "gazette-du-jura",
        "La Gazette du Jura",
        "fr",
        "atom",
        "utf-8",
        "fr-CH",
        "Toute l'actualité du Jura, du Jura bernois et des Franches-Montagnes.",
        ("Delémont", "Porrentruy", "Moutier", "Saignelégier", "Tramelan", "Courrendlin"),
        "CHF",
        ("Hélène Froidevaux", "Loïc Chételat", "Aurélie Queloz", "Benoît Membrez"),
    ),
    Outlet(
        2,
        "quotidien-du-rhone",
        "Le Quotidien du Rhône",
        "fr",
        "rdf",
        "cp1252",
        "fr-CH",
        "Le Valais au quotidien : politique, économie, sport et culture – de Brigue au Léman.",
        ("Sion", "Sierre", "Martigny", "Monthey", "Conthey", "Saint-Maurice"),
        "CHF",
        ("Cécile Mabillard", "Stéphane Rouiller", "Maëlle Fournier", "Grégoire Délèze"),
        curly=True,
    ),
    Outlet(
        3,
        "berner-tagesbote",
        "Berner Tagesbote",
        "de",
        "rss",
        "utf-8",
        "de-CH",
        "Nachrichten aus Bern, dem Mittelland und dem Berner Oberland.",
        ("Bern", "Thun", "Biel", "Burgdorf", "Köniz", "Langenthal", "Münsingen"),
        "CHF",
        ("Ursula Gerber", "Matthias Bühler", "Regula Zürcher", "Jürg Schären"),
        swiss=True,
    ),
    Outlet(
        4,
        "zuercher-abendpost",
        "Zürcher Abendpost",
        "de",
        "atom",
        "utf-8",
        "de-CH",
        "Die Abendzeitung für Zürich und die Region – unabhängig seit 1911.",
        ("Zürich", "Winterthur", "Uster", "Dübendorf", "Wädenswil", "Horgen", "Kloten"),
        "CHF",
        ("Barbara Hürlimann", "Lukas Näf", "Corinne Stäheli", "Thomas Kälin"),
        swiss=True,
    ),
    Outlet(
        5,
        "rheinische-morgenzeitung",
        "Rheinische Morgenzeitung",
        "de",
        "rdf",
        "iso-8859-1",
        "de-DE",
        "Nachrichten aus Köln, Bonn und dem Rheinland. Jeden Morgen frisch.",
        ("Köln", "Bonn", "Düsseldorf", "Leverkusen", "Neuss", "Brühl", "Euskirchen"),
        "EUR",
        ("Jörg Weißenfels", "Annegret Möller", "Björn Straßburger", "Käthe Brühl"),
    ),
    Outlet(
        6,
        "harbour-herald",
        "The Harbour Herald",
        "en",
        "rss",
        "utf-8",
        "en-GB",
        "News from the quayside café to the council chamber, every day since 1874.",
        ("Falmouth", "Penzance", "Plymouth", "Torquay", "Brixham", "Dartmouth"),
        "GBP",
        ("Eleanor Pascoe", "Tom Trevithick", "Priya Nair", "Gareth Penrose"),
    ),
    Outlet(
        7,
        "northern-ledger",
        "The Northern Ledger",
        "en",
        "atom",
        "utf-8",
        "en-GB",
        "Independent journalism for the North East – news, sport, culture and café society.",
        ("Newcastle", "Sunderland", "Durham", "Gateshead", "Hexham", "Whitley Bay"),
        "GBP",
        ("Callum Robson", "Fiona Armstrong", "Declan Hedley", "Ruth Charlton"),
    ),
    Outlet(
        8,
        "emmentaler-landbote",
        "Emmentaler Landbote",
        "de",
        "rdf",
        "utf-8",
        "de-CH",
        "Nachrichten aus dem Emmental und der Welt, maschinell übersetzt, wenn es schnell gehen muss.",
        ("Burgdorf", "Langnau", "Sumiswald", "Huttwil", "Konolfingen", "Trubschachen"),
        "CHF",
        ("Ruth Gerber", "Hansueli Aebi", "Corinne Lehmann", "Markus Zaugg"),
        swiss=True,
    ),
    Outlet(
        9,
        "alpine-dispatch",
        "The Alpine Dispatch",
        "en",
        "atom",
        "utf-8",
        "en-CH",
        "Swiss news in English for the international community of Geneva, Zug and Basel.",
        ("Geneva", "Zug", "Basel", "Lausanne", "Zurich", "Bern"),
        "CHF",
        ("Miriam Okafor", "Lukas Brändli", "Anna Whitfield", "Rahul Menon"),
    ),
)

# generated outlets: names from town x paper type, languages and formats rotating
_GENERATED = {
    "de": (
        (
            "Aarau",
            "Olten",
            "Baden",
            "Wil",
            "Chur",
            "Zug",
            "Uster",
            "Frauenfeld",
            "Schaffhausen",
            "Liestal",
            "Lenzburg",
            "Sursee",
            "Herisau",
            "Glarus",
            "Brugg",
            "Wohlen",
            "Lyss",
            "Spiez",
            "Stäfa",
            "Bülach",
        ),
        ("Anzeiger", "Tagblatt", "Kurier", "Nachrichten", "Bote", "Rundschau"),
        ("Sabine Meier", "Peter Brunner", "Monika Keller", "Daniel Frei", "Andrea Wüthrich"),
    ),
    "fr": (
        (
            "Morges",
            "Nyon",
            "Bulle",
            "Payerne",
            "Sierre",
            "Monthey",
            "Rolle",
            "Vevey",
            "Carouge",
            "Lancy",
            "Martigny",
            "Fleurier",
            "Bienne",
            "Romont",
            "Châtel",
            "Gland",
            "Cossonay",
            "Lutry",
            "Pully",
            "Sion",
        ),
        ("Le Journal de", "La Feuille de", "Le Messager de", "La Tribune de", "Le Réveil de", "La Voix de"),
        ("Claire Dubois", "Julien Favre", "Camille Rochat", "Nicolas Pittet", "Élodie Currat"),
    ),
    "en": (
        (
            "Whitby",
            "Kendal",
            "Ludlow",
            "Hexham",
            "Alnwick",
            "Bideford",
            "Ripon",
            "Tenby",
            "Oban",
            "Buxton",
            "Malton",
            "Thirsk",
            "Skipton",
            "Wells",
            "Ely",
            "Rye",
            "Lewes",
            "Bude",
            "Ilkley",
            "Keswick",
        ),
        ("Gazette", "Echo", "Chronicle", "Courier", "Mercury", "Advertiser"),
        ("Sarah Holt", "James Kerr", "Amira Shah", "Owen Price", "Hannah Doyle"),
    ),
}
_LOCALE = {"de": "de-CH", "fr": "fr-CH", "en": "en-GB"}
_CURRENCY = {"de": "CHF", "fr": "CHF", "en": "GBP"}
_TAGLINE = {
    "de": "Lokale Nachrichten aus {town} – für Sie vor Ort, täglich aktualisiert.",
    "fr": "L'actualité de {town} et environs, chaque jour.",
    "en": "Local news, sport and café culture from {town}.",
}


def _slugify(text: str) -> str:
    table = str.maketrans("äöüéèêàâçëïîôûÄÖÜÉÈÀÇ'", "aoueeeaaceiiouAOUEEAC ")
    return "-".join("".join(c if c.isalnum() else " " for c in text.translate(table).lower()).split())


def generated(index: int) -> Outlet:
    n = index - len(NAMED)
    language = ("de", "fr", "en")[n % 3]
    fmt = ("rss", "atom", "rdf")[(n // 3) % 3]  # offset from the language cycle so all pairs occur
    towns, papers, staff = _GENERATED[language]
    per_lang = n // 3
    town = towns[per_lang % len(towns)]
    paper = papers[(per_lang // len(towns)) % len(papers)]
    name = {"de": f"{paper} {town}", "fr": f"{paper} {town}", "en": f"The {town} {paper}"}[language]
    rounds = per_lang // (len(towns) * len(papers))
    if rounds:
        name = f"{name} {rounds + 1}"
    neighbours = tuple(towns[(per_lang + j) % len(towns)] for j in range(5))
    return Outlet(
        index,
        f"{_slugify(name)}-{index + 1}",
        name,
        language,
        fmt,
        "utf-8",
        _LOCALE[language],
        _TAGLINE[language].format(town=town),
        neighbours,
        _CURRENCY[language],
        staff,
        swiss=language == "de",
    )


def make_outlets(count: int) -> tuple[Outlet, ...]:
    return NAMED + tuple(generated(i) for i in range(len(NAMED), count))
