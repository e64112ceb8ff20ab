"""German filler templates: everyday local news. Written with sharp s; Swiss outlets replace it."""

FIRST_F = (
    "Sandra",
    "Claudia",
    "Nicole",
    "Franziska",
    "Katrin",
    "Simone",
    "Sabine",
    "Esther",
    "Anja",
    "Regula",
)
FIRST_M = ("Markus", "Stefan", "Reto", "Andreas", "Beat", "Michael", "Lukas", "Jürgen", "Tobias", "Urs")
LAST = (
    "Müller",
    "Schneider",
    "Baumgartner",
    "Huber",
    "Keller",
    "Fischer",
    "Brunner",
    "Schäfer",
    "Steiner",
    "Wüthrich",
    "Lehmann",
    "Hofmann",
    "Zimmermann",
    "Bösch",
    "Kühne",
    "Vogt",
)
COMPANIES = (
    "Hartmann Präzisionstechnik",
    "Rheintal Pumpen AG",
    "Lindner Verpackungen",
    "Alpmed Diagnostik",
    "Brückner Elektronik",
    "Seeland Holzbau",
    "Kofler Maschinenbau",
    "Weber & Söhne Lebensmittel",
)
PRODUCTS = (
    "Messgeräte für die Medizintechnik",
    "Industriepumpen",
    "nachhaltige Verpackungen",
    "Steuerungen für Aufzüge",
    "Fertighäuser aus Holz",
    "Getriebe für Windanlagen",
)
FESTIVALS = ("Sommerfestival am See", "Jazzfestival", "Open-Air-Kino", "Literaturfestival", "Stadtfest")
WORKS = (
    "Der zerbrochne Krug",
    "Biedermann und die Brandstifter",
    "Der Besuch der alten Dame",
    "Kabale und Liebe",
    "Die Physiker",
    "Minna von Barnhelm",
)
STREETS = ("Bahnhofstraße", "Seestraße", "Kirchweg", "Lindenstraße", "Schulstraße", "Industriestraße")
STOPS = ("Marktplatz", "Rathaus", "Spital", "Zentrum", "Schulhaus", "Friedhof", "Sportplatz", "Post")
VENUES = ("Stadion am Fluss", "Sportpark Süd", "Stadion Lindenhof", "Sportplatz Au")
WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
HOME = "FC {town}"
AWAY = "SC {town2}"
SCORE_SEP = ":"
CURRENCY = {"CHF": "Franken", "EUR": "Euro", "GBP": "Pfund"}
MILLIONS = "{x} Millionen {currency}"

STORIES = (
    {
        "category": "local",
        "headlines": (
            "{town}: Parlament genehmigt Budget mit Defizit von {money}",
            "Budget {year}: {town} rechnet mit roten Zahlen",
            "Steuerfuß in {town} bleibt – Voranschlag knapp angenommen",
        ),
        "leads": (
            "Das Stadtparlament von {town} hat am {weekday}abend das Budget für {year} mit {votes_yes} zu "
            "{votes_no} Stimmen gutgeheißen. Der Voranschlag rechnet mit einem Fehlbetrag von {money}.",
            "Nach einer langen Debatte steht das Budget von {town} für das kommende Jahr. Die Stadt erwartet "
            "ein Minus von {money}, der Steuerfuß bleibt unverändert.",
        ),
        "bodies": (
            "Finanzvorsteherin {person} sprach von einem «vertretbaren Ergebnis». Die Mehrausgaben seien vor "
            "allem auf steigende Kosten in der Bildung und bei der Pflege zurückzuführen.",
            "Die bürgerlichen Fraktionen hatten vergeblich Kürzungen von {pct} Prozent beim Personalaufwand "
            "verlangt. Die Linke scheiterte mit ihrem Antrag, mehr Geld für die Kinderbetreuung einzustellen.",
            "Der größte Einzelposten ist die Sanierung des Schulhauses an der {street}, für die {money_small} "
            "vorgesehen sind. Die Arbeiten sollen im Frühling beginnen.",
            "Eine Steuererhöhung sei derzeit kein Thema, sagte {person2}, Präsident der Finanzkommission. Man "
            "beobachte die Entwicklung der Einnahmen aber genau.",
            "Insgesamt sieht das Budget Ausgaben von {money_big} vor. Auch die Nachbargemeinde {town2} "
            "rechnet für das kommende Jahr mit einem Defizit.",
        ),
    },
    {
        "category": "local",
        "headlines": (
            "{town} plant neues Hallenbad für {money}",
            "Hallenbad-Projekt in {town} nimmt die nächste Hürde",
        ),
        "leads": (
            "Die Stadt {town} will ihr altes Hallenbad durch einen Neubau ersetzen. Der Gemeinderat hat am "
            "{weekday} ein Projekt mit Kosten von {money} vorgestellt.",
        ),
        "bodies": (
            "Das bestehende Bad stammt aus den Siebzigerjahren und entspricht nicht mehr den heutigen "
            "Anforderungen. Die Reparaturen der letzten Jahre kosteten bereits über {money_small}.",
            "Geplant sind ein 25-Meter-Becken mit {n} Bahnen, ein Lehrschwimmbecken und eine kleine "
            "Saunalandschaft. Die Schulen sollen das Bad tagsüber nutzen können.",
            "Gemeinderätin {person} zeigte sich zuversichtlich: «Das Bad ist ein Treffpunkt für alle "
            "Generationen. Darauf wollen wir nicht verzichten.»",
            "Kritik kommt vom Quartierverein, der mehr Verkehr an der {street} befürchtet. Die Stadt "
            "verspricht zusätzliche Veloabstellplätze und eine bessere Busanbindung.",
            "Die Bevölkerung soll im Sommer {year} über den Kredit entscheiden. Eröffnet werden könnte das "
            "neue Bad frühestens in drei Jahren.",
        ),
    },
    {
        "category": "weather",
        "headlines": (
            "Wetter: Erster Schnee bis auf {altitude} Meter erwartet",
            "Kaltfront bringt Schnee bis in mittlere Lagen",
        ),
        "leads": (
            "Die Meteorologen kündigen für die kommenden Tage einen deutlichen Temperatursturz an. Bereits in "
            "der Nacht auf {weekday2} kann Schnee bis auf {altitude} Meter über Meer fallen.",
        ),
        "bodies": (
            "Tagsüber erreichen die Temperaturen im Flachland noch {temp_hi} Grad, in den Nächten sinken sie "
            "gegen {temp_lo} Grad. Wer mit dem Auto unterwegs ist, muss mit glatten Straßen rechnen.",
            "«Wer in den nächsten Tagen in die Berge will, sollte die Entwicklung genau verfolgen», sagt "
            "Meteorologin {person}. In exponierten Lagen könne der Wind deutlich auffrischen.",
            "Ab {weekday} setzt sich wieder Hochdruck durch. Über den Niederungen hält sich dann aber zäher "
            "Nebel, der sich nur zögerlich auflöst.",
            "Der Winterdienst hat die Streufahrzeuge bereitgestellt. Auf den Passstraßen gilt ab sofort die "
            "Pflicht zur Winterausrüstung.",
        ),
    },
    {
        "category": "weather",
        "headlines": (
            "Starkregen in {town}: Keller überflutet, Straße gesperrt",
            "Unwetter über {town}: Feuerwehr im Dauereinsatz",
        ),
        "leads": (
            "Heftige Regenfälle haben am {weekday} in {town} und Umgebung für zahlreiche Feuerwehreinsätze "
            "gesorgt. Innerhalb von zwei Stunden fielen bis zu {rain} Liter Regen pro Quadratmeter.",
        ),
        "bodies": (
            "Die Feuerwehr rückte bis am Abend {count_small} Mal aus, vor allem wegen überfluteter Keller und "
            "umgestürzter Bäume. Verletzt wurde niemand.",
            "Die {street} musste für mehrere Stunden gesperrt werden, weil Schlamm und Geröll die Fahrbahn "
            "bedeckten.",
            "Die Landwirte in der Region begrüßen den Niederschlag grundsätzlich. Nach dem trockenen Sommer "
            "seien die Böden vielerorts noch immer zu trocken gewesen, heißt es beim Bauernverband.",
            "Für die kommenden Tage rechnet der Wetterdienst mit Böen von bis zu {wind} Kilometern pro Stunde. "
            "Er hat eine Warnung der Stufe {level} ausgegeben.",
        ),
    },
    {
        "category": "sport",
        "headlines": (
            "{home} gewinnt {score} gegen {away}",
            "{scorer} trifft spät – {home} schlägt {away} {score}",
            "Heimsieg vor {spectators} Fans: {home} bleibt oben dran",
        ),
        "leads": (
            "{home} hat am {weekday} vor {spectators} Zuschauerinnen und Zuschauern einen verdienten "
            "{score}-Sieg gegen {away} gefeiert. Matchwinner war {scorer}, der in der {minute_ord} Minute traf.",
            "Im {venue} dominierte {home} die Partie gegen {away} von Beginn weg und gewann am Ende "
            "verdient mit {score}.",
        ),
        "bodies": (
            "Die Gäste begannen mutig und hatten durch {player} die erste große Chance, doch der Schuss ging "
            "knapp am Pfosten vorbei.",
            "Nach der Pause erhöhte {home} das Tempo. Trainer {person2} lobte vor allem die Laufbereitschaft "
            "seiner Mannschaft: «Wir haben heute als Team funktioniert.»",
            "Mit dem Sieg rückt {home} in der Tabelle auf den {rank_ord} Platz vor. Der Rückstand auf die Spitze "
            "beträgt noch {n} Punkte.",
            "Bei {away} herrscht dagegen Ernüchterung. Es war die {n2_ord} Niederlage in Folge.",
            "Für einen Schreckmoment sorgte in der {minute2_ord} Minute ein Zusammenprall zweier Spieler. Beide "
            "konnten nach kurzer Behandlung weiterspielen.",
            "Das nächste Spiel bestreitet {home} am kommenden {weekday2} auswärts in {town2}.",
        ),
    },
    {
        "category": "sport",
        "headlines": (
            "Stadtlauf {town}: {count_big} Teilnehmende bei Kaiserwetter",
            "Streckenrekord beim Stadtlauf in {town}",
        ),
        "leads": (
            "Bei strahlendem Herbstwetter sind am {weekday} {count_big} Läuferinnen und Läufer durch die "
            "Altstadt von {town} gerannt. Bei den Frauen siegte {person}, bei den Männern {person2}.",
        ),
        "bodies": (
            "{person2} lief die zehn Kilometer in {run_minutes} Minuten und unterbot damit den Streckenrekord um "
            "wenige Sekunden.",
            "Entlang der Strecke sorgten Guggenmusiken und Trommelgruppen für Stimmung. Besonders dicht "
            "standen die Zuschauer an der {street}.",
            "Erstmals gab es eine eigene Kategorie für Schulklassen. {count} Kinder gingen an den Start.",
            "Das Organisationskomitee zog eine positive Bilanz. Die Sanität musste nur wenige Male "
            "eingreifen, meist wegen Kreislaufproblemen.",
        ),
    },
    {
        "category": "culture",
        "headlines": (
            "«{work}»: Gelungene Premiere im Stadttheater {town}",
            "Stadttheater {town} zeigt «{work}» in neuem Gewand",
        ),
        "leads": (
            "Mit langem Applaus hat das Publikum am {weekday}abend die Premiere von «{work}» im Stadttheater "
            "{town} gefeiert. Regie führte {person}, die damit ihr Debüt am Haus gibt.",
        ),
        "bodies": (
            "Die Inszenierung verlegt die Handlung in ein heutiges Großraumbüro. Das funktioniert erstaunlich "
            "gut, auch wenn der zweite Teil einige Längen hat.",
            "Besonders überzeugte {person2} in der Hauptrolle, mit feinem Humor und großer Präsenz.",
            "Das Bühnenbild aus beweglichen Glaswänden ist ein Blickfang und lässt immer neue Räume "
            "entstehen.",
            "Weitere Vorstellungen sind bis Ende {month} geplant. Für mehrere Abende gibt es nur noch "
            "Restkarten.",
        ),
    },
    {
        "category": "culture",
        "headlines": (
            "{festival} in {town} zieht {count_big} Besucher an",
            "Rekordjahr für das {festival} in {town}",
        ),
        "leads": (
            "Das {festival} in {town} hat in diesem Jahr {count_big} Besucherinnen und Besucher angelockt – "
            "so viele wie noch nie. Die Organisatoren ziehen eine positive Bilanz.",
        ),
        "bodies": (
            "Neben großen Namen setzten die Veranstalter bewusst auf junge Talente aus der Region. Mehrere "
            "Abende waren schon Wochen im Voraus ausverkauft.",
            "Festivalleiterin {person} freut sich besonders über das junge Publikum: «Wir haben viele "
            "Gesichter gesehen, die zum ersten Mal hier waren.»",
            "Für {year} ist eine Erweiterung des Programms geplant. Das Budget beläuft sich auf {money_small}.",
            "Einziger Wermutstropfen war das Wetter am zweiten Wochenende, als ein Gewitter einen Abend "
            "vorzeitig beendete.",
        ),
    },
    {
        "category": "economy",
        "headlines": (
            "{company} baut in {town} {jobs} neue Stellen auf",
            "{company} investiert {money} in den Standort {town}",
        ),
        "leads": (
            "{company} will den Standort {town} ausbauen und in den nächsten zwei Jahren {jobs} neue "
            "Arbeitsplätze schaffen. Insgesamt investiert das Unternehmen {money}.",
        ),
        "bodies": (
            "Geschäftsführerin {person} begründet den Entscheid mit der guten Auftragslage und der Nähe zu "
            "den Hochschulen der Region.",
            "Die Firma beschäftigt heute rund {count_big} Personen und ist auf {product} spezialisiert.",
            "Die Stadt begrüßt den Ausbau. Man habe dem Unternehmen bei der Suche nach Bauland geholfen, "
            "sagte Wirtschaftsförderer {person2}.",
            "Der Neubau an der {street} soll bis {year} bezugsbereit sein.",
        ),
    },
    {
        "category": "economy",
        "headlines": (
            "Detailhandel in {town}: Umsätze steigen um {pct} Prozent",
            "Kauflaune in {town} hält an",
        ),
        "leads": (
            "Die Geschäfte in der Innenstadt von {town} haben im vergangenen Quartal {pct} Prozent mehr "
            "umgesetzt als im Vorjahr. Das zeigt eine Umfrage des lokalen Gewerbeverbands.",
        ),
        "bodies": (
            "Vor allem Lebensmittel, Haushaltswaren und Sportartikel waren gefragt. Schwieriger bleibt die "
            "Lage für kleine Modegeschäfte.",
            "Der Verband rechnet damit, dass die Kauflust auch im Weihnachtsgeschäft anhält. Wichtig sei aber, "
            "dass die Innenstadt gut erreichbar bleibe.",
            "Ökonomin {person} mahnt zur Vorsicht: Ein Teil des Wachstums gehe auf höhere Preise zurück.",
            "In {town2} fiel das Plus mit {n} Prozent deutlich kleiner aus.",
        ),
    },
    {
        "category": "transport",
        "headlines": (
            "Bauarbeiten: Buslinie {line} in {town} fährt {weeks} Wochen Umleitung",
            "Umleitung für Linie {line}: Haltestelle {stop} wird nicht bedient",
        ),
        "leads": (
            "Wegen Belagsarbeiten an der {street} verkehrt die Buslinie {line} ab {weekday} während rund "
            "{weeks} Wochen auf einer Umleitungsroute. Die Haltestellen {stop} und {stop2} entfallen.",
        ),
        "bodies": (
            "Die Verkehrsbetriebe empfehlen, mehr Zeit einzuplanen. Ersatzhaltestellen sind signalisiert, die "
            "angepassten Fahrpläne sind online abrufbar.",
            "Während der Bauzeit ist die Straße nachts für den Durchgangsverkehr gesperrt. Die Anwohnenden "
            "wurden schriftlich informiert.",
            "Die Arbeiten kosten insgesamt {money_small}. Gleichzeitig werden Wasserleitungen erneuert.",
            "Projektleiterin {person} verspricht, die Lärmbelastung so gering wie möglich zu halten.",
        ),
    },
    {
        "category": "transport",
        "headlines": (
            "Neuer Fahrplan bringt {town} den Halbstundentakt nach {town2}",
            "Schneller nach {town2}: Fahrplanwechsel bringt Verbesserungen",
        ),
        "leads": (
            "Mit dem Fahrplanwechsel im Dezember erhält {town} eine direkte Verbindung nach {town2} im "
            "Halbstundentakt. Die Fahrzeit verkürzt sich um {n} Minuten.",
        ),
        "bodies": (
            "Pendlerinnen und Pendler reagieren erfreut. «Endlich muss ich nicht mehr umsteigen», sagt eine "
            "Frau am Bahnhof {town}.",
            "Verkehrsplanerin {person} erwartet, dass die Zahl der Fahrgäste auf der Strecke um {pct} Prozent "
            "steigt.",
            "Der Ausbau ist Teil eines größeren Programms, mit dem die Region bis {year} das Angebot im "
            "öffentlichen Verkehr verbessern will.",
            "Weniger Freude herrscht in den kleineren Ortschaften, wo einzelne Abendverbindungen gestrichen "
            "werden.",
        ),
    },
)
