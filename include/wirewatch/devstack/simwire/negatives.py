"""Hard negatives: articles that share words with the Kursk story but are about something else.

Each one is a trap for a topic matcher or a near-duplicate detector: the submarine, the 1943 tank
battle, North Korean missile launches, a person called Kursk, Russian troops in Kursk with no
North Korean involvement. All texts are written for this simulator.
"""

from __future__ import annotations

from wirewatch.devstack.simwire.model import FixedText

_H = 3600.0

_SUBMARINE_EN = (
    "Families of the 118 men who died aboard the Russian submarine Kursk gathered again this week at "
    "memorials in Murmansk and in the closed naval town of Vidyayevo, the boat's home port, to mark the "
    "anniversary of one of the worst peacetime disasters in naval history.",
    "The Kursk, an Oscar II-class cruise missile submarine and one of the most modern vessels of the "
    "Northern Fleet, sank in the Barents Sea on 12 August 2000 during a large naval exercise. Two "
    "explosions in the forward torpedo compartment, the first of them blamed on a leaking practice "
    "torpedo fuelled with high-test peroxide, sent her to the bottom at a depth of just over 100 metres.",
    "Most of the crew were killed instantly, but notes recovered later showed that a group of sailors "
    "survived for several hours in the stern compartments. Rescue attempts by Russian mini-submarines "
    "failed, and offers of help from Norway and Britain were accepted only after days of hesitation.",
    "When Norwegian divers finally opened the rear escape hatch, the compartment was flooded. The slow "
    "and secretive handling of the rescue became the first major test for Vladimir Putin, then only a few "
    "months into his presidency, who was widely criticised for staying on holiday as the drama unfolded.",
    "A Dutch salvage consortium raised most of the hull in October 2001 in a technically daring "
    "operation, allowing the remains of most of the crew to be recovered and buried.",
    '"Every August we come back to the water," said the widow of one of the officers, who laid carnations '
    'at the memorial stone. "The children were small then. Now they bring their own children."',
)

_BATTLE_DE = (
    "Im Juli 1943 trafen bei Kursk die Wehrmacht und die Rote Armee in einer der grössten Schlachten des "
    "Zweiten Weltkriegs aufeinander. Für viele Historiker markiert sie den Moment, in dem die deutsche "
    "Initiative an der Ostfront endgültig verloren ging.",
    "Mit dem «Unternehmen Zitadelle» wollte die deutsche Führung den weit nach Westen ragenden "
    "Frontbogen um Kursk von Norden und Süden her abschneiden. Der Angriff wurde jedoch mehrfach "
    "verschoben, um neue Panzer vom Typ Panther und Tiger an die Front zu bringen.",
    "Die sowjetische Seite nutzte die Zeit. Dank Aufklärung über die deutschen Pläne legte sie ein tief "
    "gestaffeltes Verteidigungssystem mit Minenfeldern, Panzergräben und Pakstellungen an, das sich über "
    "Dutzende Kilometer erstreckte.",
    "Als der Angriff am 5. Juli begann, kamen die deutschen Verbände nur langsam voran. Bei Prochorowka "
    "kam es am 12. Juli zu einem verlustreichen Gefecht grosser Panzerverbände, dessen Ausmass in der "
    "sowjetischen Geschichtsschreibung später überhöht wurde.",
    "Nach der alliierten Landung auf Sizilien brach Hitler die Operation ab. Die Rote Armee ging ihrerseits "
    "zu Gegenoffensiven über und eroberte im August Orel und Charkow zurück.",
    "Eine neue Ausstellung im Zürcher Museum für Zeitgeschichte zeigt bis Ende Jahr Fotografien, "
    "Feldpostbriefe und Karten aus jenem Sommer. Die Kuratorin will vor allem die Perspektive der "
    "Soldaten und der Zivilbevölkerung in den Dörfern rund um Kursk sichtbar machen.",
)

_BATTLE_EN = (
    "A new history of the Battle of Kursk, published this month, sets out to strip away some of the myths "
    "that have grown around the largest armoured clash of the Second World War.",
    "In July 1943 the German army launched Operation Citadel, an attempt to pinch off the huge bulge in "
    "the front line around the Russian city of Kursk. Soviet commanders, forewarned by intelligence, had "
    "turned the salient into a fortress of minefields, anti-tank ditches and gun lines, and the attack "
    "stalled within days.",
    "The author, a former curator at a military museum, is particularly sharp on the fighting at "
    "Prokhorovka on 12 July, long celebrated in Soviet accounts as a titanic tank duel. Drawing on German "
    "and Russian archives, she argues that German losses there were far smaller than once claimed, even "
    "if the battle still ended in strategic defeat for Berlin.",
    "What emerges most vividly are the ordinary troops on both sides: Soviet riflemen digging trenches "
    "through the black earth of the steppe, German tank crews writing home about heat, dust and "
    "exhaustion.",
    "By August the Red Army had retaken Orel and Kharkov, and the initiative in the east never returned to "
    'Germany. "Kursk did not win the war on its own," the book concludes, "but after that summer, there '
    'was no longer any doubt about who would."',
)

# cp1252 outlet: typographic apostrophes, oe ligature, en dash and ellipsis are deliberate.
_MISSILE_FR = (
    "La Corée du Nord a tiré mercredi matin un missile balistique en direction de la mer du Japon, a "
    "annoncé l’état-major interarmées sud-coréen, quelques jours après des manœuvres aériennes conjointes "
    "de Séoul et Washington que Pyongyang avait qualifiées de «provocation».",
    "L’engin, lancé depuis la région de Pyongyang, a parcouru environ 1000 kilomètres avant de s’abîmer "
    "en mer, hors de la zone économique exclusive du Japon, selon les garde-côtes japonais. Tokyo a "
    "protesté par la voie diplomatique.",
    "Les militaires sud-coréens ont indiqué analyser les données du vol avec leurs homologues américains "
    "et japonais. Ils n’excluent pas qu’il s’agisse d’un nouveau missile à combustible solide, plus rapide "
    "à mettre en œuvre et donc plus difficile à détecter.",
    "Pyongyang a multiplié les essais ces dernières années, malgré les résolutions du Conseil de sécurité "
    "de l’ONU qui lui interdisent tout programme balistique. Le régime affirme développer ses armes pour "
    "se défendre face à ce qu’il appelle les menaces des Etats-Unis et de leurs alliés…",
    "Selon des experts, un nouvel essai nucléaire – le septième – reste possible, le site de Punggye-ri "
    "ayant été remis en état.",
    "(AFP)",
)

_MISSILE_EN = (
    "SEOUL (AFP) - North Korea fired a ballistic missile into the Sea of Japan on Wednesday morning, "
    "South Korea's Joint Chiefs of Staff said, the latest in a string of launches that have raised "
    "tensions on the peninsula.",
    "The missile was launched from the Pyongyang area and flew around 1,000 kilometres before splashing "
    "down outside Japan's exclusive economic zone, according to the Japanese coast guard, which warned "
    "shipping to stay clear of any falling debris.",
    "South Korea's military said it had stepped up surveillance and was sharing information with the "
    "United States and Japan. Analysts said the flight profile pointed to a solid-fuel missile, which can "
    "be readied for launch faster than older liquid-fuelled designs.",
    "Pyongyang, which is barred from ballistic missile tests by UN Security Council resolutions, says "
    "its weapons programmes are a response to joint US-South Korean air drills it calls rehearsals for an "
    "invasion.",
    "Tokyo lodged a protest through diplomatic channels, and the Japanese prime minister's office said the "
    'launch was "a threat to the peace and safety of our country and the region".',
)

_PERSON_EN = (
    "When the cellist Marta Kursk walks on stage at the Harbour Hall on Saturday, it will be the first "
    "time she has played in her home town since she left for the Royal Academy of Music at seventeen.",
    "Kursk, now 34 and principal cello of a chamber orchestra in Bergen, will perform all six of Bach's "
    'suites for solo cello across two evenings, a programme she describes as "a long walk with an old '
    'friend who still surprises you".',
    "She grew up above her parents' bakery on Quay Street and took her first lessons from the late Eileen "
    'Trewin, who taught strings at the grammar school for almost forty years. "Mrs Trewin never let me '
    'get away with anything," Kursk said. "I hear her voice every time I rush a bar."',
    "The concerts are part of the Harbour Festival's autumn season. Organisers said the Saturday "
    "performance had sold out within a week, and a small number of tickets remain for Sunday afternoon.",
    "Kursk will also give a free masterclass for young players from local schools on Friday, and says she "
    "hopes to make the visit an annual one.",
)

_RUSSIAN_DE = (
    "Die russische Armee hat nach eigenen Angaben zwei weitere Dörfer in der Region Kursk von "
    "ukrainischen Truppen zurückerobert. Das Verteidigungsministerium in Moskau meldete am Sonntag die "
    "Einnahme der Ortschaften nahe der Kleinstadt Sudscha.",
    "Die ukrainischen Streitkräfte halten seit ihrem überraschenden Vorstoss über die Grenze im August "
    "einen Teil des russischen Gebiets. Russland hat seither Tausende Soldaten in die Region verlegt, um "
    "die Kontrolle zurückzugewinnen.",
    "Der ukrainische Generalstab bestätigte die Verluste nicht. Er sprach von heftigen Gefechten und "
    "erklärte, die eigenen Einheiten hätten mehrere russische Vorstösse abgewehrt. Unabhängig überprüfen "
    "liessen sich die Angaben beider Seiten nicht.",
    "Militärbeobachter gehen davon aus, dass Moskau den Druck in Kursk in den kommenden Wochen weiter "
    "erhöhen wird. Kiew setzt darauf, mit dem gehaltenen Gebiet bei künftigen Verhandlungen ein Faustpfand "
    "in der Hand zu haben.",
    "In den grenznahen Bezirken sind nach Angaben der Gebietsverwaltung weiterhin Zehntausende Menschen "
    "evakuiert. Viele Häuser seien beschädigt, die Strom- und Wasserversorgung vielerorts unterbrochen.",
)

_RUSSIAN_FR = (
    "L'armée russe a affirmé dimanche avoir repris aux forces ukrainiennes trois localités de la région "
    "de Koursk, où Kiev avait lancé en août une incursion surprise en territoire russe.",
    "Selon le ministère russe de la Défense, les unités engagées ont progressé au sud-ouest de la ville "
    "de Soudja, principal bourg encore contrôlé par les Ukrainiens. Moscou dit avoir infligé de lourdes "
    "pertes à l'adversaire.",
    "L'état-major ukrainien n'a pas confirmé ces revers. Il a fait état de combats intenses et assuré "
    "avoir repoussé plusieurs assauts russes au cours des dernières vingt-quatre heures. Les affirmations "
    "des deux camps ne pouvaient pas être vérifiées de source indépendante.",
    "Pour les analystes, la Russie cherche à chasser les troupes ukrainiennes de son sol avant l'hiver. "
    "Kiev espère au contraire conserver ce territoire comme monnaie d'échange dans d'éventuelles "
    "négociations.",
    "Des dizaines de milliers d'habitants des districts frontaliers restent déplacés, selon les autorités "
    "régionales russes.",
)

HARD_NEGATIVES: tuple[FixedText, ...] = (
    FixedText(
        "northern-ledger",
        "hard-negative",
        "neg-kursk-submarine",
        "world",
        "Kursk submarine disaster remembered: 'Every August we come back to the water'",
        "Ruth Charlton",
        _SUBMARINE_EN,
        None,
        7 * _H + 20 * 60,
        negative="kursk-submarine",
    ),
    FixedText(
        "zuercher-abendpost",
        "hard-negative",
        "neg-battle-1943-de",
        "culture",
        "Die Schlacht bei Kursk: Als sich im Sommer 1943 das Blatt wendete",
        "Lukas Näf",
        _BATTLE_DE,
        None,
        8 * _H + 10 * 60,
        negative="battle-1943",
    ),
    FixedText(
        "northern-ledger",
        "hard-negative",
        "neg-battle-1943-en",
        "culture",
        "Book review: a new history of Kursk 1943, the tank battle that turned the war",
        "Declan Hedley",
        _BATTLE_EN,
        None,
        2 * _H + 50 * 60,
        negative="battle-1943",
    ),
    FixedText(
        "quotidien-du-rhone",
        "hard-negative",
        "neg-missile-test-fr",
        "world",
        "Pyongyang tire un missile balistique en mer du Japon, Séoul dénonce une «provocation»",
        "AFP",
        _MISSILE_FR[:-1],
        _MISSILE_FR[-1],
        3 * _H + 5 * 60,
        agency="AFP",
        negative="missile-test",
    ),
    FixedText(
        "harbour-herald",
        "hard-negative",
        "neg-missile-test-en",
        "world",
        "North Korea fires ballistic missile into Sea of Japan, Seoul says",
        "AFP",
        _MISSILE_EN,
        "— AFP",
        2 * _H + 25 * 60,
        agency="AFP",
        negative="missile-test",
    ),
    FixedText(
        "harbour-herald",
        "hard-negative",
        "neg-person-kursk",
        "culture",
        "Cellist Marta Kursk brings Bach home to the Harbour Hall",
        "Eleanor Pascoe",
        _PERSON_EN,
        None,
        6 * _H + 45 * 60,
        negative="person-kursk",
    ),
    FixedText(
        "berner-tagesbote",
        "hard-negative",
        "neg-russian-troops-de",
        "world",
        "Russische Armee meldet Rückeroberung von zwei Dörfern im Gebiet Kursk",
        "SDA",
        _RUSSIAN_DE,
        "(sda/dpa)",
        2 * _H + 10 * 60,
        agency="ATS",
        negative="russian-troops-only",
    ),
    FixedText(
        "gazette-du-jura",
        "hard-negative",
        "neg-russian-troops-fr",
        "world",
        "Koursk: l'armée russe dit avoir repris trois localités aux forces ukrainiennes",
        "ATS",
        _RUSSIAN_FR,
        "(ats/afp)",
        1 * _H + 55 * 60,
        agency="ATS",
        negative="russian-troops-only",
    ),
)
