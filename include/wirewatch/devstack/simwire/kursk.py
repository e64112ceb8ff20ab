"""The one agency story the pipeline must find and collapse: eight published versions of it.

All texts are written for this simulator. The French ATS item is the original; the other
versions are republications (light edits, new headlines), machine-like translations, or
the same facts as told by another agency.
"""

from __future__ import annotations

from wirewatch.devstack.simwire.model import FixedText

STORY = "dprk-kursk"
_H = 3600.0

# Latin-1 outlet: plain apostrophes, guillemets and accents only.
_ATS_FR = (
    "Washington a confirmé mardi que des militaires nord-coréens prennent désormais part aux combats "
    "aux côtés de l'armée russe dans la région de Koursk, dans l'ouest de la Russie. Les Etats-Unis "
    "donnent ainsi raison à Kiev, qui dénonçait depuis plusieurs semaines l'envoi de ces soldats.",
    "Une partie de cette région frontalière est tenue par les forces ukrainiennes, qui y ont lancé une "
    "offensive au mois d'août. C'est là qu'a été déployée la majorité des troupes envoyées par Pyongyang.",
    "«Plus de 10'000 soldats nord-coréens ont été envoyés en Russie, et la plupart d'entre eux se trouvent "
    "dans la région de Koursk, où ils ont commencé à participer à des opérations de combat avec les forces "
    "russes», a déclaré devant la presse Vedant Patel, porte-parole du Département d'Etat. Kiev avance pour "
    "sa part le chiffre de 11'000 hommes.",
    "Leur engagement inquiète profondément les soutiens occidentaux de l'Ukraine. A la fin du mois "
    "d'octobre déjà, le secrétaire américain à la Défense Lloyd Austin avait exhorté la Corée du Nord à "
    "retirer ses troupes de Russie. L'ambassadeur adjoint des Etats-Unis à l'ONU avait quant à lui prévenu "
    "que les soldats nord-coréens repartiraient «dans des housses mortuaires» s'ils entraient en Ukraine.",
    "Selon le porte-parole, Moscou a formé ces militaires à l'artillerie, au pilotage de drones et aux "
    "manoeuvres d'infanterie de base. Le succès de la Russie sur le champ de bataille dépendra toutefois de "
    "sa capacité à les intégrer dans son armée, ce qui soulève des difficultés d'interopérabilité, sans "
    "compter la barrière de la langue.",
    "Le Kremlin, lui, a jusqu'ici éludé toutes les questions sur la présence de soldats nord-coréens "
    "engagés à ses côtés.",
    "La Corée du Nord a par ailleurs ratifié lundi un traité de défense mutuelle avec la Russie, a indiqué "
    "l'agence officielle nord-coréenne KCNA. Le président russe Vladimir Poutine l'a lui aussi signé.",
    "L'accord avait été conclu en juin, lors d'une rare visite de Vladimir Poutine à Pyongyang. Il prévoit "
    "une assistance militaire immédiate au cas où l'un des deux pays serait attaqué.",
)

# The republication: a reworded lead, the Kremlin paragraph cut, Swiss number style dropped.
_GAZETTE_FR = (
    "Les Etats-Unis ont confirmé mardi que des soldats nord-coréens combattent désormais aux côtés de "
    "l'armée russe dans la région de Koursk. Kiev accusait depuis des semaines Pyongyang d'avoir envoyé "
    "ces troupes.",
    _ATS_FR[1],
    _ATS_FR[2].replace("10'000", "10 000").replace("11'000", "11 000"),
    _ATS_FR[3],
    _ATS_FR[4],
    _ATS_FR[6],
    _ATS_FR[7],
)

# Literal, machine-like German rendering of the ATS French (Swiss spelling: no sharp s).
_ATS_DE = (
    "Washington hat am Dienstag bestätigt, dass nordkoreanische Soldaten nun an der Seite der russischen "
    "Armee in der Region Kursk im Westen von Russland an den Kämpfen teilnehmen. Die Vereinigten Staaten "
    "geben damit Kiew recht, welches seit mehreren Wochen die Entsendung dieser Soldaten anprangerte.",
    "Ein Teil dieser Grenzregion wird von den ukrainischen Kräften gehalten, welche dort im Monat August "
    "eine Offensive lanciert haben. Dort wurde die Mehrheit der von Pjöngjang geschickten Truppen "
    "stationiert.",
    "«Mehr als 10'000 nordkoreanische Soldaten wurden nach Russland geschickt, und die meisten von ihnen "
    "befinden sich in der Region Kursk, wo sie begonnen haben, an Kampfoperationen mit den russischen "
    "Kräften teilzunehmen», hat vor der Presse Vedant Patel erklärt, Sprecher des Aussendepartements. Kiew "
    "nennt seinerseits die Zahl von 11'000 Mann.",
    "Ihr Einsatz beunruhigt die westlichen Unterstützer der Ukraine zutiefst. Ende Oktober bereits hatte "
    "der amerikanische Verteidigungsminister Lloyd Austin Nordkorea aufgefordert, seine Truppen aus Russland "
    "abzuziehen. Der stellvertretende Botschafter der Vereinigten Staaten bei der Uno hatte seinerseits "
    "gewarnt, dass die nordkoreanischen Soldaten «in Leichensäcken» zurückkehren würden, wenn sie in die "
    "Ukraine eindringen.",
    "Gemäss dem Sprecher hat Moskau diese Militärs an der Artillerie, im Steuern von Drohnen und in den "
    "grundlegenden Manövern der Infanterie ausgebildet. Der Erfolg von Russland auf dem Schlachtfeld wird "
    "jedoch von seiner Fähigkeit abhängen, sie in seine Armee zu integrieren, was Schwierigkeiten der "
    "Interoperabilität aufwirft, ohne die Sprachbarriere zu zählen.",
    "Der Kreml seinerseits ist bisher allen Fragen über die Präsenz von nordkoreanischen Soldaten an seiner "
    "Seite ausgewichen.",
    "Nordkorea hat ausserdem am Montag einen Vertrag über gegenseitige Verteidigung mit Russland "
    "ratifiziert, hat die offizielle nordkoreanische Agentur KCNA mitgeteilt. Der russische Präsident "
    "Wladimir Putin hat ihn ebenfalls unterzeichnet.",
    "Das Abkommen war im Juni geschlossen worden, während eines seltenen Besuchs von Wladimir Putin in "
    "Pjöngjang. Es sieht einen sofortigen militärischen Beistand vor für den Fall, dass eines der beiden "
    "Länder angegriffen würde.",
)

# Second German copy: other wording in places, one untranslated French fragment, one paragraph cut.
_ZUERCHER_DE = (
    "Die USA haben am Dienstag bestätigt, dass Truppen aus Nordkorea nun an der Seite der russischen Armee "
    "im Kursker Gebiet im Westen von Russland an den Kämpfen teilnehmen. Washington gibt damit Kiew recht, "
    "welches seit mehreren Wochen die Entsendung [les soldats nord-coréens] anprangerte.",
    "Ein Teil dieses Grenzgebiets wird von den ukrainischen Kräften gehalten, welche dort im August eine "
    "Offensive lanciert haben. Dort wurde die Mehrheit der von Pjöngjang geschickten Truppen stationiert.",
    _ATS_DE[2],
    _ATS_DE[3],
    _ATS_DE[4].replace("diese Militärs", "die Soldaten aus Nordkorea"),
    _ATS_DE[6],
    _ATS_DE[7],
)

_AFP_EN = (
    "WASHINGTON (AFP) - The United States on Tuesday confirmed that North Korean troops have gone into "
    "combat alongside Russian forces in Russia's Kursk region, backing up weeks of accusations from Kyiv.",
    "Ukrainian forces have held part of the border region since launching a cross-border offensive there "
    "in August, and it is there that most of the DPRK soldiers have been sent.",
    '"More than 10,000 North Korean soldiers were sent to Russia, and most of them have moved into the '
    'Kursk region, where they have begun engaging in combat operations with Russian forces," State '
    "Department spokesman Vedant Patel told reporters. Kyiv puts the figure at 11,000.",
    "The deployment has alarmed Ukraine's Western backers. At the end of October, US Defense Secretary "
    "Lloyd Austin called on Pyongyang to pull its troops out of Russia, while the deputy US ambassador to "
    'the United Nations warned that North Korean soldiers would return "in body bags" if they crossed '
    "into Ukraine.",
    "According to Patel, Moscow has trained the DPRK soldiers in artillery, drone operations and basic "
    "infantry tactics. But whether Russia gains anything on the battlefield will depend on how well it "
    "folds them into its own army, he said, pointing to problems of interoperability and the language "
    "barrier.",
    "The Kremlin has repeatedly sidestepped questions about the North Korean troops.",
    "North Korea on Monday ratified a mutual defence treaty with Russia, the official Korean Central News "
    "Agency (KCNA) reported. Russian President Vladimir Putin has also signed the pact.",
    "The agreement was sealed during Putin's rare visit to Pyongyang in June and commits each side to "
    "provide immediate military assistance if the other comes under attack.",
)

# dpa tells the same facts in its own German (German spelling, Latin-1 outlet: no curly quotes).
_DPA_DE = (
    "Washington (dpa) - Die US-Regierung hat erstmals offiziell bestätigt, dass nordkoreanische Soldaten "
    "gemeinsam mit russischen Einheiten im westrussischen Gebiet Kursk kämpfen. Damit stützt Washington "
    "entsprechende Vorwürfe der ukrainischen Führung.",
    "Ukrainische Truppen waren im August in die Grenzregion vorgestoßen und halten dort seither einen Teil "
    "des Gebiets. Die meisten der aus Nordkorea entsandten Soldaten seien dorthin verlegt worden, hieß es "
    "in Washington.",
    "Nach Angaben des Sprechers des US-Außenministeriums, Vedant Patel, hat Pjöngjang mehr als 10.000 "
    "Soldaten nach Russland geschickt. Die Mehrheit von ihnen sei in das Gebiet Kursk gebracht worden und "
    "habe dort begonnen, sich an Kampfhandlungen der russischen Streitkräfte zu beteiligen. Kiew spricht "
    "von 11.000 Mann.",
    "Die westlichen Verbündeten der Ukraine sind über die Entwicklung äußerst besorgt. "
    "US-Verteidigungsminister Lloyd Austin hatte Nordkorea bereits Ende Oktober aufgefordert, seine "
    "Soldaten aus Russland abzuziehen. Der stellvertretende UN-Botschafter der USA warnte, nordkoreanische "
    "Soldaten würden «in Leichensäcken» zurückkehren, sollten sie in die Ukraine einmarschieren.",
    "Moskau habe die Nordkoreaner an Artilleriewaffen, im Umgang mit Drohnen und in grundlegender "
    "Infanterietaktik geschult, sagte Patel. Ob Russland davon auf dem Schlachtfeld profitiere, hänge "
    "davon ab, wie gut die Eingliederung in die eigene Armee gelinge. Probleme bereiteten etwa das "
    "Zusammenspiel der Einheiten und die Sprachbarriere.",
    "Der Kreml wich Fragen zu den nordkoreanischen Soldaten bislang stets aus.",
    "Wie die staatliche nordkoreanische Nachrichtenagentur KCNA meldete, ratifizierte Nordkorea am Montag "
    "einen Vertrag über gegenseitigen militärischen Beistand mit Russland. Auch Kremlchef Wladimir Putin "
    "hat das Abkommen unterzeichnet.",
    "Der Vertrag war bei einem seltenen Besuch Putins in Pjöngjang im Juni geschlossen worden. Er sieht "
    "sofortige militärische Hilfe vor, falls eines der beiden Länder angegriffen wird.",
)

# A rougher machine translation of the ATS French, as the seed article was: word order and idioms
# carried over, one French fragment left untranslated, the lead and four paragraphs, /ATS kept.
_MT_DE = (
    "Washington hat bestätigt am Dienstag, dass Militärs nordkoreanische ab jetzt Teil nehmen an den "
    "Kämpfen an den Seiten der russischen Armee in der Region von Kursk, im Westen von Russland. Die "
    "Vereinigten Staaten geben so Grund an Kiew, welches denunzierte seit mehreren Wochen den Versand "
    "[de ces soldats].",
    "Ein Teil von dieser Grenzregion ist gehalten durch die ukrainischen Kräfte, die dort eine Offensive "
    "gestartet haben im Monat von August. Es ist dort, dass die Mehrheit der Truppen gesendet durch "
    "Pjöngjang eingesetzt worden ist.",
    "«Mehr als 10.000 Soldaten nordkoreanische sind gesendet worden nach Russland, und der grösste Teil von "
    "ihnen befinden sich in der Region von Kursk, wo sie begonnen haben, teilzunehmen an Operationen von "
    "Kampf mit den russischen Kräften», hat erklärt vor der Presse Vedant Patel, Wortführer des "
    "Departements von Staat. Kiew bringt vor seinerseits die Zahl von 11.000 Männern.",
    "Ihr Engagement beunruhigt tief die westlichen Stützen der Ukraine. Am Ende des Monats von Oktober schon "
    "hatte der amerikanische Sekretär zur Verteidigung Lloyd Austin die Korea des Nordens ermahnt, ihre "
    "Truppen aus Russland zurückzuziehen.",
    "Gemäss dem Wortführer hat Moskau diese Militärs geformt an der Artillerie, am Steuern von Drohnen und an "
    "den Manövern von Infanterie von Basis. Der Erfolg von Russland auf dem Feld von Schlacht wird abhängen "
    "jedoch von seiner Kapazität, sie zu integrieren in seine Armee.",
)

# An English translation of the ATS item by a Swiss outlet: human, retitled, its first four paragraphs.
_ATS_EN = (
    "Washington on Tuesday confirmed that North Korean soldiers are now taking part in the fighting "
    "alongside the Russian army in the Kursk region of western Russia, vindicating Kyiv, which had been "
    "denouncing their deployment for weeks.",
    "Part of the border region is held by Ukrainian forces, which launched an offensive there in August. "
    "Most of the troops sent by Pyongyang have been deployed there.",
    '"More than 10,000 North Korean soldiers have been sent to Russia, and most of them are in the Kursk '
    'region, where they have begun to take part in combat operations with Russian forces," State '
    "Department spokesman Vedant Patel told reporters. Kyiv puts the number at 11,000.",
    "Their involvement deeply worries Ukraine's Western supporters. At the end of October, US Defense "
    "Secretary Lloyd Austin urged North Korea to withdraw its troops from Russia, and the deputy US "
    'ambassador to the UN warned that North Korean soldiers would go home "in body bags" if they entered '
    "Ukraine.",
)

KURSK_COPIES: tuple[FixedText, ...] = (
    FixedText(
        "courrier-lemanique",
        "kursk-copy",
        STORY,
        "world",
        "Les Etats-Unis confirment que des soldats nord-coréens combattent à Koursk",
        "ATS",
        _ATS_FR,
        "(ats/afp)",
        6 * _H + 5 * 60,
        agency="ATS",
    ),
    FixedText(
        "rheinische-morgenzeitung",
        "kursk-copy",
        STORY,
        "world",
        "USA: Nordkoreanische Soldaten kämpfen an Russlands Seite im Gebiet Kursk",
        "dpa",
        _DPA_DE,
        "dpa",
        5 * _H + 30 * 60,
        agency="dpa",
    ),
    FixedText(
        "harbour-herald",
        "kursk-copy",
        STORY,
        "world",
        "US says North Korean troops now fighting alongside Russian forces in Kursk",
        "AFP",
        _AFP_EN,
        "— AFP",
        5 * _H + 10 * 60,
        agency="AFP",
    ),
    FixedText(
        "gazette-du-jura",
        "kursk-copy",
        STORY,
        "world",
        "Guerre en Ukraine: Washington confirme l'engagement de troupes nord-coréennes près de Koursk",
        "Rédaction / ATS",
        _GAZETTE_FR,
        "(ats)",
        4 * _H + 40 * 60,
        agency="ATS",
    ),
    FixedText(
        "berner-tagesbote",
        "kursk-copy",
        STORY,
        "world",
        "Washington bestätigt: Nordkoreanische Soldaten kämpfen in der Region Kursk",
        "SDA",
        _ATS_DE,
        "/ATS",
        4 * _H + 5 * 60,
        agency="ATS",
    ),
    FixedText(
        "zuercher-abendpost",
        "kursk-copy",
        STORY,
        "world",
        "Truppen aus Nordkorea stehen im Kursker Gebiet im Kampfeinsatz",
        "sda",
        _ZUERCHER_DE,
        "SDA-ATS",
        3 * _H + 35 * 60,
        agency="ATS",
    ),
    FixedText(
        "emmentaler-landbote",
        "kursk-copy",
        STORY,
        "world",
        "Nordkoreanische Militärs in den Kämpfen in Kursk: Washington bestätigt",
        "ATS",
        _MT_DE,
        "/ATS",
        3 * _H,
        agency="ATS",
    ),
    FixedText(
        "alpine-dispatch",
        "kursk-copy",
        STORY,
        "world",
        "US confirms North Korean soldiers are fighting in Russia's Kursk region",
        "Keystone-ATS",
        _ATS_EN,
        "Keystone-ATS",
        2 * _H + 50 * 60,
        agency="ATS",
    ),
)
