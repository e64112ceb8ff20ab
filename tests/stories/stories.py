"""Wire stories written for these tests (fictional places, people and figures)."""

from benchmarks.dedup_cases import Original

FERRY_DE = Original(
    "ferry-de",
    "de",
    "Neue Fähre für den Untersee: Kanton bewilligt 14 Millionen",
    (
        "Der Kantonsrat hat am Dienstag einen Kredit von 14,2 Millionen Franken für eine neue Fähre auf dem "
        "Untersee bewilligt. Das Schiff soll ab dem Sommer 2027 zwischen Seedorf und Haldenwil verkehren und "
        "die über fünfzig Jahre alte «Möwe» ersetzen.",
        "Die neue Fähre bietet Platz für 24 Autos und 180 Passagiere, fast doppelt so viele wie heute. Sie "
        "wird elektrisch angetrieben und an beiden Anlegestellen während der Wartezeit geladen.",
        "Baudirektorin Regula Amstutz sprach im Rat von einer Investition für mehrere Generationen. Die "
        "Verbindung sei für das Gewerbe am Südufer unverzichtbar, täglich nutzten sie rund 2300 Menschen.",
        "Kritik kam von der Finanzkommission, die die Kosten für zu hoch hält. Ein Antrag, den Kredit auf "
        "11 Millionen zu kürzen, scheiterte mit 71 zu 38 Stimmen.",
        "Die Werft am Bodensee, die den Zuschlag erhalten hat, beginnt im Herbst mit dem Bau. Während der "
        "Umstellung verkehrt die alte Fähre weiter, ein Unterbruch ist nicht geplant.",
        "Für die Anlegestellen sind zusätzlich 3,1 Millionen Franken vorgesehen. Darüber entscheiden die "
        "beiden Gemeinden im kommenden Frühling an ihren Versammlungen.",
    ),
)

BEETLE_DE = Original(
    "beetle-de",
    "de",
    "Forschende entdecken unbekannte Käferart im Jura",
    (
        "In einem abgelegenen Buchenwald im Jura haben Forschende der Universität Lenzburg eine bisher "
        "unbekannte Käferart entdeckt. Das nur vier Millimeter grosse Tier lebt in morschem Totholz.",
        "Die Art trägt den Namen Dorcatoma juranensis und ist eng mit einer Gruppe von Pilzkäfern verwandt, "
        "die bisher nur aus den Pyrenäen bekannt war. Entdeckt wurde sie bereits im Sommer 2023.",
        "«Wir haben zuerst an eine Verwechslung geglaubt», sagt die Biologin Anja Rüegsegger, die das "
        "Projekt leitet. Erst genetische Untersuchungen hätten gezeigt, dass es sich um eine eigene Art handle.",
        "Insgesamt fand das Team an 17 Standorten Spuren des Käfers, alle in Wäldern, die seit Jahrzehnten "
        "nicht mehr bewirtschaftet werden. Die Forschenden sehen darin einen Hinweis auf den Wert alter Wälder.",
        "Der Fund wurde in einer Fachzeitschrift für Insektenkunde veröffentlicht. Die Universität will die "
        "Untersuchungen in den nächsten drei Jahren auf weitere Waldgebiete ausdehnen.",
    ),
)

DAM_FR = Original(
    "dam-fr",
    "fr",
    "Le barrage de la Vallée verte sera rénové pour 86 millions",
    (
        "Le barrage de la Vallée verte, mis en service en 1958, va subir une rénovation complète. Le "
        "Conseil d'Etat a approuvé mercredi un crédit de 86 millions de francs, a-t-il annoncé dans un communiqué.",
        "Les travaux débuteront au printemps prochain et dureront quatre ans. Le lac de retenue sera "
        "partiellement vidé pendant deux hivers afin de permettre l'inspection du mur, haut de 112 mètres.",
        "Selon l'ingénieur cantonal Pierre Mottier, l'ouvrage ne présente aucun danger. «Il s'agit d'un "
        "entretien préventif, comme le prévoit la loi pour les grands barrages», a-t-il précisé.",
        "La centrale hydroélectrique voisine produira moins d'électricité durant le chantier. La société "
        "exploitante estime la perte à environ 40 gigawattheures par an, soit la consommation de 9000 ménages.",
        "Les pêcheurs de la région s'inquiètent pour les truites du lac. Le canton promet un plan de "
        "sauvetage des poissons avant chaque vidange, élaboré avec les associations locales.",
    ),
)

BAKERY_FR = Original(
    "bakery-fr",
    "fr",
    "Une boulangerie de Sainte-Croix-du-Lac fête ses 150 ans",
    (
        "La boulangerie Favrod, à Sainte-Croix-du-Lac, célèbre ce week-end ses 150 ans d'existence. Fondée "
        "en 1875 par Jules Favrod, elle est toujours tenue par la même famille, aujourd'hui la cinquième génération.",
        "Pour l'occasion, la maison ouvrira son fournil au public samedi et dimanche. Les visiteurs pourront "
        "assister à la cuisson du pain au feu de bois dans le four d'origine, restauré en 1998.",
        "«Nous faisons encore le pain paysan selon la recette de mon arrière-arrière-grand-père», raconte "
        "Mathilde Favrod, qui a repris l'entreprise il y a six ans avec son frère Olivier.",
        "La boulangerie emploie aujourd'hui 14 personnes et fournit aussi les deux écoles du village. La "
        "commune offrira une plaque commémorative lors d'une cérémonie prévue dimanche à 11 heures.",
        "Les bénéfices de la vente de gâteaux du week-end iront à la société de jeunesse, qui prépare la "
        "fête de la vendange de l'automne prochain.",
    ),
)

FERRY_EN = Original(
    "ferry-en",
    "en",
    "Harbour board approves new ferry terminal for Port Alder",
    (
        "The Port Alder harbour board on Thursday approved plans for a new ferry terminal, ending a dispute "
        "that had delayed the project for more than three years. Construction is due to start in March.",
        "The terminal will cost an estimated 38 million pounds and handle up to 1.2 million passengers a "
        "year, twice the capacity of the current building, which dates from 1962.",
        "Board chair Helen Pryce said the decision would secure the island route for decades. Local "
        "businesses had warned that the old terminal could no longer cope with summer traffic.",
        "Residents of the nearby Quay Street had objected to the height of the new building. The approved "
        "design is one storey lower than the original plan and adds a public walkway along the water.",
        "Ferries will keep running from the old terminal until the new one opens, expected in late 2027.",
    ),
)

ORIGINALS = [FERRY_DE, DAM_FR, FERRY_EN, BAKERY_FR]
MATERIALS = [BEETLE_DE]
