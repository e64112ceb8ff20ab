"""Development set for translation links and events: wire items, their translations, and traps.

Every text is written for this set (fictional events with real places and agencies), in the
format of benchmarks.dedup_eval --translations: JSON objects with id, lang, outlet, agency, time,
title, body (paragraphs separated by blank lines), story, event, translation_of (the source-
language original of the story, also for copies of a translation), cut (whole, lead, first3) and
case. Besides the originals and their human and machine-style translations (literal wording,
an untranslated fragment in brackets, the source's signature kept) there are cut translations,
same-language reruns, the same event written separately by another agency, the same topic on
another day, and unrelated articles sharing names and figures with a story of the same day.

    python -m benchmarks.translation_cases > dev.jsonl
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta


@dataclass
class Text:
    key: str
    lang: str
    outlet: str
    agency: str | None
    time: str  # UTC, "2025-03-04 07:10"
    title: str
    paragraphs: tuple[str, ...]
    story: str
    event: str
    case: str
    source: str | None = None  # key of the original this translates (or copies a translation of)
    cuts: dict[str, tuple[str, str, str, str]] = field(default_factory=dict)  # cut -> outlet, title, minutes


# --- A: the Grimsel landslide (ATS, French original), and its follow-up the next day

A_FR = Text(
    "A-fr",
    "fr",
    "Le Courrier lémanique",
    "ATS",
    "2025-03-04 07:10",
    "Un éboulement coupe la route du Grimsel, deux ouvriers disparus",
    (
        "Un important éboulement a coupé mardi matin la route du col du Grimsel près de Guttannen "
        "(BE). Deux ouvriers qui travaillaient sur un chantier de la route sont portés disparus, a "
        "indiqué la police cantonale bernoise.",
        "Selon les premières estimations, quelque 150'000 mètres cubes de roche se sont détachés vers "
        "5h40. Une quarantaine d'habitants du hameau de Boden ont été évacués par précaution.",
        "«Le versant reste instable et nous ne pouvons pas encore envoyer les équipes de secours sur le "
        "cône d'éboulement», a déclaré la géologue cantonale Nadia Perrenoud. Un hélicoptère de la Rega "
        "survole la zone avec une caméra thermique.",
        "Le président de la commune, Martin Imboden, a parlé d'un «choc pour toute la vallée». La route "
        "restera fermée au moins jusqu'à dimanche, ce qui prive l'Oberhasli de sa liaison avec le Valais.",
        "Le col avait déjà été fermé durant 12 jours en juin 2023 après une coulée de boue.",
        "ats/jb",
    ),
    "A",
    "A",
    "translation",
)
A_FR_RERUN = Text(
    "A-fr2",
    "fr",
    "La Gazette du Jura",
    None,
    "2025-03-04 08:05",
    "Grimsel: deux disparus après un éboulement",
    A_FR.paragraphs[:5],
    "A",
    "A",
    "translation",
)
A_DE = Text(
    "A-de",
    "de",
    "Berner Tagblatt",
    "ATS",
    "2025-03-04 07:55",
    "Felssturz verschüttet Grimselstrasse – zwei Bauarbeiter vermisst",
    (
        "Ein grosser Felssturz hat am Dienstagmorgen die Grimselpassstrasse bei Guttannen BE "
        "verschüttet. Zwei Arbeiter, die auf einer Baustelle an der Strasse beschäftigt waren, werden "
        "vermisst, wie die Berner Kantonspolizei mitteilte.",
        "Nach ersten Schätzungen lösten sich gegen 5.40 Uhr rund 150'000 Kubikmeter Fels. Etwa vierzig "
        "Bewohnerinnen und Bewohner des Weilers Boden wurden vorsorglich evakuiert.",
        "«Der Hang ist weiterhin instabil, wir können die Rettungsteams noch nicht auf den Schuttkegel "
        "schicken», sagte die Kantonsgeologin Nadia Perrenoud. Ein Helikopter der Rega überfliegt das "
        "Gebiet mit einer Wärmebildkamera.",
        "Gemeindepräsident Martin Imboden sprach von einem «Schock für das ganze Tal». Die Strasse "
        "bleibt mindestens bis Sonntag gesperrt; das Oberhasli ist damit vom Wallis abgeschnitten.",
        "Der Pass war bereits im Juni 2023 nach einem Murgang 12 Tage lang geschlossen.",
        "sda",
    ),
    "A",
    "A",
    "translation",
    source="A-fr",
    cuts={"lead": ("Thuner Anzeiger", "Zwei Vermisste nach Felssturz am Grimsel", "25")},
)
A_DE_MT = Text(
    "A-de-mt",
    "de",
    "Oberländer Bote",
    "ATS",
    "2025-03-04 08:30",
    "Ein wichtiger Felssturz schneidet die Strasse des Grimsel",
    (
        "Ein wichtiger Felssturz hat am Dienstag Morgen die Strasse des Passes des Grimsel in der Nähe "
        "von Guttannen (BE) geschnitten. Zwei Arbeiter, welche auf einer Baustelle der Strasse "
        "arbeiteten, sind als verschwunden gemeldet, hat die bernische Kantonspolizei angezeigt.",
        "Gemäss den ersten Schätzungen haben sich etwa 150'000 Kubikmeter von Felsen gegen 5h40 gelöst. "
        "Eine Vierzig [d'habitants du hameau] von Boden wurden aus Vorsicht evakuiert.",
        "«Der Abhang bleibt instabil und wir können noch nicht die Rettungsequipen auf den Kegel des "
        "Felssturzes senden», hat die kantonale Geologin Nadia Perrenoud erklärt. Ein Helikopter der "
        "Rega überfliegt die Zone mit einer Wärmekamera.",
        "Der Präsident der Gemeinde, Martin Imboden, hat von einem «Schock für das ganze Tal» "
        "gesprochen. Die Strasse wird geschlossen bleiben mindestens bis Sonntag, was das Oberhasli von "
        "seiner Verbindung mit dem Wallis beraubt.",
        "Der Pass war schon während 12 Tagen im Juni 2023 geschlossen worden nach einem Schlammstrom.",
        "ats/jb",
    ),
    "A",
    "A",
    "translation",
    source="A-fr",
)
A_EN = Text(
    "A-en",
    "en",
    "Swiss Monitor",
    "ATS",
    "2025-03-04 09:20",
    "Rockslide buries Grimsel Pass road, two workers missing",
    (
        "A major rockslide buried the Grimsel Pass road near Guttannen in canton Bern on Tuesday "
        "morning. Two workers who were on a roadworks site are missing, the Bern cantonal police said.",
        "Initial estimates put the volume at around 150,000 cubic metres of rock, which came down at "
        "about 5.40am. Some forty residents of the hamlet of Boden were evacuated as a precaution.",
        '"The slope is still unstable and we cannot send rescue teams onto the debris cone yet," said '
        "cantonal geologist Nadia Perrenoud. A Rega helicopter is flying over the area with a thermal "
        "camera.",
        'Municipal president Martin Imboden spoke of "a shock for the whole valley". The road will stay '
        "closed until at least Sunday, cutting the Oberhasli off from Valais.",
        "The pass was already closed for 12 days in June 2023 after a mudslide.",
        "Keystone-ATS",
    ),
    "A",
    "A",
    "translation",
    source="A-fr",
    cuts={"first3": ("Alpine Wire", "Grimsel rockslide: two missing", "40")},
)
A_OWN = Text(
    "A-own",
    "de",
    "Hasli Zeitung",
    None,
    "2025-03-04 10:45",
    "«Es donnerte wie ein Gewitter»: Guttannen nach dem Felssturz",
    (
        "Am Dienstag kurz vor sechs Uhr hörten die Leute im Weiler Boden ein Grollen. «Es donnerte wie "
        "ein Gewitter, dann war alles voller Staub», erzählt Landwirt Ueli Zybach, dessen Hof nur "
        "wenige hundert Meter vom Schuttkegel entfernt liegt.",
        "Der Felssturz am Grimsel hat die Passstrasse auf einer Länge von rund 300 Metern verschüttet. "
        "Von den beiden Strassenarbeitern, die dort eine Stützmauer sanierten, fehlt jede Spur.",
        "Im Gemeindehaus von Guttannen hat Gemeindepräsident Martin Imboden einen Krisenstab "
        "eingerichtet. Die evakuierten Familien sind bei Verwandten und in einem Hotel in Innertkirchen "
        "untergebracht.",
    ),
    "A-own",
    "A",
    "same-event",
)
A_NEXT = Text(
    "A2-fr",
    "fr",
    "Le Courrier lémanique",
    "ATS",
    "2025-03-05 11:30",
    "Grimsel: la route restera fermée trois semaines",
    (
        "La route du col du Grimsel restera fermée durant au moins trois semaines après l'éboulement de "
        "mardi près de Guttannen (BE), a annoncé mercredi l'Office des ponts et chaussées du canton de "
        "Berne.",
        "Les recherches pour retrouver les deux ouvriers disparus ont repris mercredi à l'aube avec des "
        "chiens et un drone. Le versant a encore bougé de 8 centimètres durant la nuit.",
        "Une déviation par le col du Susten sera ouverte dès jeudi pour les véhicules de moins de 3,5 "
        "tonnes.",
        "ats/mb",
    ),
    "A2",
    "A2",
    "followup",
)
A_NEXT_DE = Text(
    "A2-de",
    "de",
    "Berner Tagblatt",
    "ATS",
    "2025-03-05 12:15",
    "Grimselstrasse bleibt drei Wochen gesperrt",
    (
        "Die Grimselpassstrasse bleibt nach dem Felssturz vom Dienstag bei Guttannen BE mindestens drei "
        "Wochen gesperrt. Das teilte das bernische Tiefbauamt am Mittwoch mit.",
        "Die Suche nach den beiden vermissten Arbeitern wurde am Mittwoch im Morgengrauen mit Hunden und "
        "einer Drohne wieder aufgenommen. Der Hang bewegte sich in der Nacht um weitere 8 Zentimeter.",
        "Ab Donnerstag wird eine Umleitung über den Sustenpass für Fahrzeuge unter 3,5 Tonnen geöffnet.",
        "sda",
    ),
    "A2",
    "A2",
    "followup",
    source="A2-fr",
)

# --- B: an earthquake in eastern Turkey (AFP, French original); Reuters and dpa on the same quake

B_FR = Text(
    "B-fr",
    "fr",
    "Le Journal de Morges",
    "AFP",
    "2025-03-05 02:40",
    "Turquie: un séisme de magnitude 5,8 fait trois morts dans l'est du pays",
    (
        "MALATYA (Turquie), 5 mars 2025 (AFP) - Un séisme de magnitude 5,8 a frappé mercredi la province "
        "de Malatya, dans l'est de la Turquie, faisant au moins trois morts et 120 blessés, selon l'AFAD, "
        "l'agence turque de gestion des catastrophes.",
        "La secousse s'est produite à 04h12 heure locale à une profondeur de 9 kilomètres, près du district "
        "de Pütürge. Elle a été suivie de 14 répliques, dont la plus forte a atteint 4,1.",
        "«Nos équipes sont sur le terrain dans tous les villages touchés», a écrit sur X le ministre de "
        "l'Intérieur Ali Yerlikaya. Une vingtaine de bâtiments, déjà fragilisés par le séisme de février "
        "2023, se sont effondrés.",
        "Dans la ville de Malatya, des centaines d'habitants ont passé la nuit dehors, par une température "
        "proche de zéro degré. Le Croissant-Rouge a distribué 2000 tentes.",
        "bur-gkg/ob",
    ),
    "B",
    "B",
    "translation",
)
B_DE = Text(
    "B-de",
    "de",
    "Rheinische Morgenzeitung",
    "AFP",
    "2025-03-05 04:05",
    "Drei Tote bei Erdbeben der Stärke 5,8 in der Osttürkei",
    (
        "Malatya (AFP) - Bei einem Erdbeben der Stärke 5,8 in der osttürkischen Provinz Malatya sind am "
        "Mittwoch mindestens drei Menschen ums Leben gekommen. 120 weitere wurden nach Angaben der "
        "türkischen Katastrophenschutzbehörde AFAD verletzt.",
        "Das Beben ereignete sich um 04.12 Uhr Ortszeit in einer Tiefe von neun Kilometern nahe dem Bezirk "
        "Pütürge. Es folgten 14 Nachbeben, das stärkste erreichte eine Stärke von 4,1.",
        "«Unsere Teams sind in allen betroffenen Dörfern im Einsatz», schrieb Innenminister Ali Yerlikaya "
        "auf X. Rund 20 Gebäude, die bereits beim Beben vom Februar 2023 beschädigt worden waren, stürzten "
        "ein.",
        "In der Stadt Malatya verbrachten Hunderte Menschen die Nacht bei Temperaturen um den Gefrierpunkt "
        "im Freien. Der Rote Halbmond verteilte 2000 Zelte.",
    ),
    "B",
    "B",
    "translation",
    source="B-fr",
    cuts={"lead": ("Westfalen-Kurier", "Erdbeben in der Türkei: drei Tote", "50")},
)
B_DE_RERUN = Text(
    "B-de2",
    "de",
    "Saar-Echo",
    "AFP",
    "2025-03-05 05:30",
    "Türkei: Tote und Verletzte nach Erdbeben",
    B_DE.paragraphs,
    "B",
    "B",
    "translation",
    source="B-fr",
)
B_EN = Text(
    "B-en",
    "en",
    "Harbour Herald",
    "AFP",
    "2025-03-05 03:50",
    "Magnitude 5.8 quake kills three in eastern Turkey",
    (
        "A magnitude 5.8 earthquake struck Malatya province in eastern Turkey on Wednesday, killing at "
        "least three people and injuring 120, disaster management agency AFAD said.",
        "The quake hit at 4:12 am local time at a depth of nine kilometres near the Puturge district. It "
        "was followed by 14 aftershocks, the strongest of them measuring 4.1.",
        '"Our teams are on the ground in all the affected villages," Interior Minister Ali Yerlikaya wrote '
        "on X. Around 20 buildings that had already been weakened by the February 2023 earthquake "
        "collapsed.",
        "In the city of Malatya hundreds of residents spent the night outdoors in near-freezing "
        "temperatures. The Red Crescent handed out 2,000 tents.",
        "— AFP",
    ),
    "B",
    "B",
    "translation",
    source="B-fr",
)
B_REUTERS = Text(
    "B-reu",
    "en",
    "Northern Ledger",
    "Reuters",
    "2025-03-05 03:15",
    "Earthquake in Turkey's Malatya kills four, damages buildings",
    (
        "ANKARA, March 5 (Reuters) - An earthquake of magnitude 5.9 shook Turkey's eastern Malatya "
        "province early on Wednesday, killing four people, the health ministry said, as rescuers searched "
        "the rubble of collapsed buildings.",
        "The U.S. Geological Survey put the quake's depth at 10 km. Television footage showed residents "
        "gathered in the streets of Puturge wrapped in blankets.",
        "Malatya was among the provinces hit by the devastating twin earthquakes of February 2023, which "
        "killed more than 50,000 people in Turkey.",
    ),
    "B-reu",
    "B",
    "same-event",
)
B_DPA = Text(
    "B-dpa",
    "de",
    "Westfalen-Kurier",
    "dpa",
    "2025-03-05 05:10",
    "Erdbeben erschüttert Malatya – Tote und Verletzte",
    (
        "Istanbul (dpa) - Ein Erdbeben hat in der Nacht zum Mittwoch den Osten der Türkei erschüttert. In "
        "der Provinz Malatya kamen nach Behördenangaben mindestens drei Menschen ums Leben, mehr als 100 "
        "wurden verletzt.",
        "Die Erdbebenwarte Kandilli gab die Stärke mit 5,7 an. Viele Menschen flüchteten aus Angst vor "
        "Nachbeben auf die Strassen.",
        "Die Region war im Februar 2023 von zwei schweren Beben getroffen worden, bei denen allein in der "
        "Türkei mehr als 50.000 Menschen starben.",
    ),
    "B-dpa",
    "B",
    "same-event",
)
B_NEXT = Text(
    "B2-fr",
    "fr",
    "Le Journal de Morges",
    "AFP",
    "2025-03-06 09:00",
    "Séisme en Turquie: le bilan s'alourdit à sept morts",
    (
        "ANKARA, 6 mars 2025 (AFP) - Le bilan du séisme de magnitude 5,8 qui a frappé mercredi la province "
        "de Malatya s'est alourdi jeudi à sept morts, a annoncé l'AFAD.",
        "Les secouristes ont retiré quatre corps des décombres d'un immeuble de Pütürge pendant la nuit. "
        "Quelque 3500 personnes sont hébergées sous des tentes.",
        "bur-gkg/ob",
    ),
    "B2",
    "B2",
    "followup",
)

# --- C: an ECB decision (Reuters, English original), and the traps around it

C_EN = Text(
    "C-en",
    "en",
    "Northern Ledger",
    "Reuters",
    "2025-03-06 13:30",
    "ECB cuts rates to 2.50%, signals slower pace ahead",
    (
        "FRANKFURT, March 6 (Reuters) - The European Central Bank cut its deposit rate by 25 basis points "
        "to 2.50% on Thursday, its sixth reduction since June, and said its policy was becoming "
        "meaningfully less restrictive.",
        "ECB staff now expect inflation to average 2.3% this year and growth of only 0.9%, down from a "
        "December forecast of 1.1%, as trade tensions with the United States weigh on exports.",
        'President Christine Lagarde told a news conference that the bank would follow a "data-dependent '
        'approach" and did not pre-commit to any rate path. Two of the 26 Governing Council members '
        "abstained.",
        "Markets reduced bets on a further cut in April after the decision, and the euro rose 0.4% to "
        "$1.0825.",
    ),
    "C",
    "C",
    "cut",
)
C_DE = Text(
    "C-de",
    "de",
    "Finanz und Wirtschaft heute",
    "Reuters",
    "2025-03-06 14:20",
    "EZB senkt Zinsen auf 2,50 Prozent",
    (
        "Frankfurt (Reuters) - Die Europäische Zentralbank hat ihren Einlagensatz am Donnerstag um 25 "
        "Basispunkte auf 2,50 Prozent gesenkt. Es ist die sechste Senkung seit Juni; die Geldpolitik werde "
        "spürbar weniger restriktiv, erklärte die EZB.",
        "Die Volkswirte der Notenbank rechnen für dieses Jahr nun mit einer Inflation von 2,3 Prozent und "
        "einem Wachstum von nur 0,9 Prozent. Im Dezember waren sie noch von 1,1 Prozent ausgegangen; "
        "belastet werden die Exporte durch den Handelsstreit mit den USA.",
        "EZB-Präsidentin Christine Lagarde sagte vor der Presse, die Notenbank werde datenabhängig "
        "entscheiden und lege sich auf keinen Zinspfad fest. Zwei der 26 Mitglieder des EZB-Rats enthielten "
        "sich.",
        "An den Märkten sanken nach dem Entscheid die Erwartungen an eine weitere Senkung im April. Der Euro "
        "stieg um 0,4 Prozent auf 1,0825 Dollar.",
    ),
    "C",
    "C",
    "cut",
    source="C-en",
    cuts={"first3": ("Handelsblatt Rundschau", "EZB: Sechste Zinssenkung", "35")},
)
C_FR_MT = Text(
    "C-fr-mt",
    "fr",
    "Le Petit Financier",
    "Reuters",
    "2025-03-06 15:05",
    "La BCE coupe les taux à 2,50%, signale un rythme plus lent devant",
    (
        "FRANCFORT, 6 mars (Reuters) - La Banque centrale européenne a coupé son taux de dépôt de 25 points "
        "de base à 2,50% jeudi, sa sixième réduction depuis juin, et a dit que sa politique devenait "
        "significativement moins restrictive.",
        "Le personnel de la BCE attend maintenant que l'inflation fasse une moyenne de 2,3% cette année et "
        "une croissance de seulement 0,9%, en baisse d'une prévision de décembre de 1,1%, comme les tensions "
        "commerciales avec les Etats-Unis pèsent sur les exportations.",
        "La présidente Christine Lagarde a dit à une conférence de nouvelles que la banque suivrait une "
        "[data-dependent approach] et ne se pré-engageait à aucun chemin de taux. Deux des 26 membres du "
        "Conseil des gouverneurs se sont abstenus.",
        "Les marchés ont réduit les paris sur une coupe supplémentaire en avril après la décision, et l'euro "
        "a monté 0,4% à 1,0825 $.",
    ),
    "C",
    "C",
    "cut",
    source="C-en",
    cuts={"lead": ("Le Matin boursier", "BCE: taux à 2,50%", "20")},
)
C_UNRELATED = Text(
    "C-x",
    "de",
    "Rhein-Main-Post",
    "dpa",
    "2025-03-06 10:10",
    "Frankfurter Flughafen zählt 2,3 Millionen Passagiere im Februar",
    (
        "Frankfurt/Main (dpa) - Am Frankfurter Flughafen sind im Februar rund 2,3 Millionen Passagiere "
        "abgefertigt worden, 0,9 Prozent mehr als im Vorjahresmonat. Das teilte der Betreiber Fraport am "
        "Donnerstag mit.",
        "Das Frachtaufkommen sank dagegen um 2,5 Prozent. Fraport-Chef Stefan Schulte verwies auf die "
        "Handelsspannungen mit den USA, die seit Dezember auf dem Geschäft lasteten.",
        "Für das Gesamtjahr rechnet der Konzern mit bis zu 64 Millionen Fluggästen.",
    ),
    "C-x",
    "C-x",
    "distractor",
)
C_OTHER_DAY = Text(
    "C-y",
    "fr",
    "Le Petit Financier",
    "AFP",
    "2025-03-08 08:30",
    "Christine Lagarde met en garde contre une guerre commerciale",
    (
        "FRANCFORT, 8 mars 2025 (AFP) - La présidente de la BCE Christine Lagarde a mis en garde samedi "
        "contre les effets d'une guerre commerciale avec les Etats-Unis, deux jours après la baisse des taux "
        "à 2,50%.",
        "Des droits de douane de 25% sur les voitures européennes pourraient coûter 0,3 point de croissance "
        "à la zone euro, a-t-elle estimé dans un entretien.",
        "bur-jpl/ob",
    ),
    "C-y",
    "C-y",
    "followup",
)

# --- D: a tram collision in Zurich (SDA, German original), and a zoo item of the same day

D_DE = Text(
    "D-de",
    "de",
    "Zürcher Abendpost",
    "ATS",
    "2025-03-03 18:40",
    "Tramkollision am Bellevue: 14 Verletzte",
    (
        "Beim Zürcher Bellevue sind am Montagabend zwei Trams zusammengestossen. 14 Personen wurden "
        "verletzt, zwei davon schwer, wie die Stadtpolizei Zürich mitteilte.",
        "Der Unfall ereignete sich um 17.25 Uhr, als ein Tram der Linie 4 beim Abbiegen in die Seite eines "
        "Trams der Linie 11 prallte. Die Ursache ist noch unklar.",
        "«Die Fahrgäste wurden durch den Aufprall zu Boden geworfen», sagte VBZ-Sprecher Daniel Keller. Der "
        "Verkehr rund um das Bellevue war während rund drei Stunden unterbrochen.",
        "sda",
    ),
    "D",
    "D",
    "cut",
)
D_FR = Text(
    "D-fr",
    "fr",
    "Le Courrier lémanique",
    "ATS",
    "2025-03-03 19:30",
    "Collision de trams à Zurich: 14 blessés",
    (
        "Deux trams sont entrés en collision lundi soir près du Bellevue, à Zurich. Quatorze personnes ont "
        "été blessées, dont deux grièvement, a indiqué la police municipale zurichoise.",
        "L'accident s'est produit à 17h25, lorsqu'un tram de la ligne 4 a percuté le flanc d'un tram de la "
        "ligne 11 en tournant. La cause n'est pas encore connue.",
        "«Les passagers ont été projetés au sol par le choc», a déclaré Daniel Keller, porte-parole des VBZ. "
        "Le trafic autour du Bellevue a été interrompu durant environ trois heures.",
        "ats/pf",
    ),
    "D",
    "D",
    "cut",
    source="D-de",
)
D_EN_LEAD = Text(
    "D-en",
    "en",
    "Swiss Monitor",
    "ATS",
    "2025-03-03 20:15",
    "Fourteen hurt as trams collide in Zurich",
    (
        "Two trams collided near Zurich's Bellevue square on Monday evening, injuring 14 people, two of "
        "them seriously, Zurich city police said.",
    ),
    "D",
    "D",
    "cut",
    source="D-de",
)
D_ZOO = Text(
    "D-x",
    "fr",
    "La Gazette du Jura",
    "ATS",
    "2025-03-03 16:00",
    "Le zoo de Zurich accueille 14 manchots de Humboldt",
    (
        "Le zoo de Zurich a accueilli lundi 14 manchots de Humboldt venus d'un parc néerlandais. Ils "
        "rejoignent la colonie de la halle Masoala, a indiqué le zoo.",
        "Les oiseaux seront visibles par le public dès la fin du mois, après une quarantaine de deux "
        "semaines. Le directeur Severin Dressen parle d'une «étape importante» pour l'élevage de l'espèce.",
        "ats/pf",
    ),
    "D-x",
    "D-x",
    "distractor",
)

# --- E: a visit to Kharkiv after a drone attack (AP, English original), and the traps around it

E_EN = Text(
    "E-en",
    "en",
    "Harbour Herald",
    "AP",
    "2025-03-07 09:15",
    "Zelenskyy visits Kharkiv after overnight drone attack leaves 3,500 homes without power",
    (
        "KHARKIV, Ukraine (AP) - Ukrainian President Volodymyr Zelenskyy visited Kharkiv on Friday, hours "
        "after a Russian drone attack damaged an energy facility and left 3,500 homes without power.",
        "Six people were injured in the attack, including a 12-year-old girl, Mayor Ihor Terekhov said. "
        "Ukraine's air force said it had shot down 41 of the 58 drones launched overnight.",
        'Zelenskyy laid flowers at a memorial and met emergency workers. "Every air defense system we '
        'receive saves lives here," he said, renewing his call on Western allies for more Patriot batteries.',
        "Kharkiv, Ukraine's second-largest city, lies about 30 kilometers from the Russian border and is "
        "targeted almost daily.",
    ),
    "E",
    "E",
    "cut",
)
E_DE_MT = Text(
    "E-de-mt",
    "de",
    "Donau-Bote",
    "AP",
    "2025-03-07 10:30",
    "Selenskyj besucht Charkiw nach Drohnenangriff über Nacht lässt 3.500 Häuser ohne Strom",
    (
        "CHARKIW, Ukraine (AP) - Der ukrainische Präsident Wolodymyr Selenskyj besuchte Charkiw am Freitag, "
        "Stunden nachdem ein russischer Drohnenangriff eine Energieanlage beschädigte und 3.500 Häuser ohne "
        "Strom liess.",
        "Sechs Menschen wurden in dem Angriff verletzt, einschliesslich ein 12-jähriges Mädchen, sagte "
        "Bürgermeister Ihor Terechow. Die Luftwaffe der Ukraine sagte, sie habe 41 der 58 Drohnen "
        "abgeschossen, die über Nacht gestartet wurden.",
        "Selenskyj legte Blumen an einem Denkmal nieder und traf Notfallarbeiter. «Jedes "
        "Luftverteidigungssystem, das wir erhalten, rettet hier Leben», sagte er und erneuerte seinen Ruf an "
        "westliche Verbündete nach mehr [Patriot batteries].",
        "Charkiw, die zweitgrösste Stadt der Ukraine, liegt etwa 30 Kilometer von der russischen Grenze und "
        "wird fast täglich angezielt.",
    ),
    "E",
    "E",
    "cut",
    source="E-en",
    cuts={"first3": ("Allgäuer Abendblatt", "Selenskyj in Charkiw", "45")},
)
E_FR = Text(
    "E-fr",
    "fr",
    "Le Journal de Morges",
    "AP",
    "2025-03-07 11:00",
    "Zelensky à Kharkiv après une attaque de drones",
    (
        "KHARKIV (Ukraine) (AP) - Le président ukrainien Volodymyr Zelensky s'est rendu vendredi à Kharkiv, "
        "quelques heures après une attaque de drones russes qui a endommagé une installation énergétique et "
        "privé 3500 foyers d'électricité.",
        "Six personnes ont été blessées, dont une fillette de 12 ans, a précisé le maire Igor Terekhov. "
        "L'armée de l'air ukrainienne affirme avoir abattu 41 des 58 drones lancés dans la nuit.",
        "Volodymyr Zelensky a déposé des fleurs devant un mémorial et rencontré des secouristes. «Chaque "
        "système de défense aérienne que nous recevons sauve des vies ici», a-t-il dit, réclamant de nouveau "
        "des batteries Patriot aux alliés occidentaux.",
        "Kharkiv, deuxième ville du pays, se trouve à une trentaine de kilomètres de la frontière russe et "
        "est visée presque chaque jour.",
    ),
    "E",
    "E",
    "cut",
    source="E-en",
    cuts={"lead": ("Le Matin du Chablais", "Zelensky à Kharkiv", "30")},
)
E_AFP = Text(
    "E-afp",
    "fr",
    "Le Courrier lémanique",
    "AFP",
    "2025-03-07 10:05",
    "Volodymyr Zelensky en visite à Kharkiv, frappée par des drones",
    (
        "KHARKIV (Ukraine), 7 mars 2025 (AFP) - Le président ukrainien Volodymyr Zelensky s'est rendu "
        "vendredi à Kharkiv, où une attaque nocturne de drones a blessé six personnes et coupé le courant à "
        "des milliers d'habitants.",
        "«La Russie vise délibérément nos centrales», a dénoncé le chef de l'Etat devant des journalistes, "
        "aux côtés du gouverneur régional Oleg Synegoubov.",
        "Selon les autorités locales, l'attaque a visé un site énergétique dans le nord de la ville. Moscou "
        "n'a pas commenté.",
        "bur-pop/ob",
    ),
    "E-afp",
    "E",
    "same-event",
)
E_DPA_X = Text(
    "E-x",
    "de",
    "Rheinische Morgenzeitung",
    "dpa",
    "2025-03-07 16:40",
    "Selenskyj dankt Deutschland für 3500 Generatoren",
    (
        "Kiew (dpa) - Der ukrainische Präsident Wolodymyr Selenskyj hat sich bei Deutschland für die "
        "Lieferung von 3500 Generatoren bedankt. Sie sollen Krankenhäuser und Schulen im Winter mit Strom "
        "versorgen.",
        "Bei einem Treffen mit Entwicklungsministerin Svenja Schulze in Kiew sagte Selenskyj am Freitag, die "
        "Hilfe rette Leben. Deutschland stellt dafür 58 Millionen Euro bereit.",
        "Die Generatoren werden über Polen in die Ukraine gebracht.",
    ),
    "E-x",
    "E-x",
    "distractor",
)
E_NEXT = Text(
    "E2-en",
    "en",
    "Harbour Herald",
    "AP",
    "2025-03-09 07:50",
    "Power restored to most Kharkiv homes after drone strike",
    (
        "KHARKIV, Ukraine (AP) - Power has been restored to 3,000 of the 3,500 homes that lost electricity "
        "in Friday's Russian drone attack on Kharkiv, the regional energy company said Sunday.",
        "Repairs to the damaged substation will take at least two more weeks, Mayor Ihor Terekhov said.",
    ),
    "E2",
    "E2",
    "followup",
)

# --- F: two instances of one local template on the same day: separate events, not one
F_ONE = Text(
    "F-1",
    "de",
    "Aargauer Kurier",
    "ATS",
    "2025-03-04 15:10",
    "Einwohnerrat Aarau genehmigt Budget mit Defizit von 4,2 Millionen Franken",
    (
        "Der Einwohnerrat der Stadt Aarau hat am Dienstagabend das Budget für das kommende Jahr "
        "genehmigt. Es sieht bei einem Aufwand von 312 Millionen Franken ein Defizit von 4,2 Millionen "
        "Franken vor.",
        "Der Steuerfuss bleibt bei 97 Prozent. Die Fraktionen von SVP und FDP hatten vergeblich eine "
        "Senkung um zwei Prozentpunkte beantragt.",
        "Stadtpräsident Hanspeter Hilfiker sprach von einem «vertretbaren Budget in unsicheren Zeiten».",
        "sda",
    ),
    "F-1",
    "F-1",
    "distractor",
)
F_TWO = Text(
    "F-2",
    "de",
    "Oltner Tagblatt",
    "ATS",
    "2025-03-04 16:40",
    "Gemeindeparlament Olten genehmigt Budget mit Defizit von 2,8 Millionen Franken",
    (
        "Das Gemeindeparlament der Stadt Olten hat am Dienstagabend das Budget für das kommende Jahr "
        "genehmigt. Es sieht bei einem Aufwand von 248 Millionen Franken ein Defizit von 2,8 Millionen "
        "Franken vor.",
        "Der Steuerfuss bleibt bei 108 Prozent. Die Fraktionen von SVP und FDP hatten vergeblich eine "
        "Senkung um drei Prozentpunkte beantragt.",
        "Stadtpräsident Thomas Marbet sprach von einem «soliden Budget trotz höherer Sozialkosten».",
        "sda",
    ),
    "F-2",
    "F-2",
    "distractor",
)


def _kursk() -> list[Text]:
    """The simulated wire's Kursk texts: the French ATS item, two German copies of its translation,
    and the same news written by AFP (English) and dpa (German)."""
    from wirewatch.devstack.simwire import kursk

    return [
        Text("K-fr", "fr", "Le Courrier lémanique", "ATS", "2024-11-05 19:05",
             "Les Etats-Unis confirment que des soldats nord-coréens combattent à Koursk",
             (*kursk._ATS_FR, "(ats/afp)"), "K", "K", "translation"),
        Text("K-de", "de", "Berner Tagesbote", "ATS", "2024-11-05 20:40",
             "Washington bestätigt: Nordkoreanische Soldaten kämpfen in der Region Kursk",
             (*kursk._ATS_DE, "/ATS"), "K", "K", "translation", source="K-fr",
             cuts={"lead": ("Emmentaler Anzeiger", "Nordkoreaner kämpfen in Kursk", "30")}),
        Text("K-de2", "de", "Zürcher Abendpost", "ATS", "2024-11-05 21:10",
             "Truppen aus Nordkorea stehen im Kursker Gebiet im Kampfeinsatz",
             (*kursk._ZUERCHER_DE, "SDA-ATS"), "K", "K", "translation", source="K-fr"),
        Text("K-afp", "en", "Harbour Herald", "AFP", "2024-11-05 19:40",
             "US says North Korean troops now fighting alongside Russian forces in Kursk",
             (*kursk._AFP_EN, "— AFP"), "K-afp", "K", "same-event"),
        Text("K-dpa", "de", "Rheinische Morgenzeitung", "dpa", "2024-11-05 19:20",
             "USA: Nordkoreanische Soldaten kämpfen an Russlands Seite im Gebiet Kursk",
             (*kursk._DPA_DE, "dpa"), "K-dpa", "K", "same-event"),
    ]  # fmt: skip


TEXTS = (
    A_FR, A_FR_RERUN, A_DE, A_DE_MT, A_EN, A_OWN, A_NEXT, A_NEXT_DE,
    B_FR, B_DE, B_DE_RERUN, B_EN, B_REUTERS, B_DPA, B_NEXT,
    C_EN, C_DE, C_FR_MT, C_UNRELATED, C_OTHER_DAY,
    D_DE, D_FR, D_EN_LEAD, D_ZOO,
    E_EN, E_DE_MT, E_FR, E_AFP, E_DPA_X, E_NEXT,
    F_ONE, F_TWO,
)  # fmt: skip


def records() -> list[dict]:
    """The development set as dicts, ids d001... in time order."""
    texts = [*TEXTS, *_kursk()]
    rows = []
    for text in texts:
        start = datetime.fromisoformat(text.time).replace(tzinfo=UTC)
        rows.append((start, text, "whole", text.outlet, text.title, text.paragraphs))
        for cut, (outlet, title, minutes) in text.cuts.items():
            body = [p for p in text.paragraphs if len(p.split()) > 3]
            kept = tuple(body[:1] if cut == "lead" else body[:3])
            rows.append((start + timedelta(minutes=int(minutes)), text, cut, outlet, title, kept))
    rows.sort(key=lambda r: (r[0], r[1].key, r[2]))
    ids = {text.key: f"d{n:03d}" for n, (_, text, cut, *_rest) in enumerate(rows, 1) if cut == "whole"}
    out = []
    for n, (when, text, cut, outlet, title, paragraphs) in enumerate(rows, 1):
        source = text.source
        out.append(
            {
                "id": f"d{n:03d}",
                "lang": text.lang,
                "outlet": outlet,
                "agency": text.agency,
                "time": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "title": title,
                "body": "\n\n".join(paragraphs),
                "story": text.story,
                "event": text.event,
                "translation_of": ids[source] if source else None,
                "cut": cut,
                "case": text.case,
            }
        )
    return out


if __name__ == "__main__":
    for row in records():
        print(json.dumps(row, ensure_ascii=False))
