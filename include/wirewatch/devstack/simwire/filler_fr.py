"""French filler templates: everyday regional news (straight apostrophes; the cp1252 outlet curls them)."""

FIRST_F = ("Nathalie", "Sophie", "Valérie", "Isabelle", "Mélanie", "Anne-Laure", "Joëlle", "Chloé", "Léa")
FIRST_M = ("Pierre-Alain", "Olivier", "Cédric", "Yves", "Frédéric", "Thierry", "Raphaël", "Sébastien", "Loïc")
LAST = (
    "Favre",
    "Rochat",
    "Perrin",
    "Bonvin",
    "Pittet",
    "Gillioz",
    "Morand",
    "Crettenand",
    "Bréchet",
    "Monnier",
    "Jaquier",
    "Thévoz",
    "Fellay",
    "Chappuis",
    "Gaillard",
    "Dupraz",
)
COMPANIES = (
    "Précitec SA",
    "Valtronic Industries",
    "Lémanpack",
    "Biomédica Romandie",
    "Horlogerie Vuilleumier",
    "Fromagerie du Vallon",
    "Mécanique Favre & Fils",
    "Écobois Construction",
)
PRODUCTS = (
    "des composants horlogers",
    "des emballages recyclables",
    "des appareils de diagnostic",
    "des machines de précision",
    "des charpentes en bois",
    "des fromages d'alpage",
)
FESTIVALS = (
    "Festival de jazz",
    "Festival du film en plein air",
    "Festival des musiques du monde",
    "Salon du livre",
    "Festival de théâtre de rue",
)
WORKS = (
    "Le Misanthrope",
    "La Cerisaie",
    "Les Fourberies de Scapin",
    "Le Jeu de l'amour et du hasard",
    "Cyrano de Bergerac",
    "La Cantatrice chauve",
)
STREETS = (
    "rue de la Gare",
    "avenue de la Poste",
    "chemin des Vignes",
    "rue du Marché",
    "route cantonale",
    "place du Collège",
)
STOPS = ("Hôtel de Ville", "Gare", "Hôpital", "Collège", "Place du Marché", "Piscine", "Cimetière", "Poste")
VENUES = ("stade de la Maladière", "stade des Peupliers", "stade communal", "parc des Sports")
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
HOME = "FC {town}"
AWAY = "US {town2}"
SCORE_SEP = "-"
CURRENCY = {"CHF": "de francs", "EUR": "d'euros", "GBP": "de livres"}
MILLIONS = "{x} millions {currency}"

STORIES = (
    {
        "category": "local",
        "headlines": (
            "{town}: le Conseil communal adopte un budget déficitaire de {money}",
            "Budget {year}: {town} s'attend à des chiffres rouges",
            "Le taux d'impôt ne bouge pas à {town}, le budget passe de justesse",
        ),
        "leads": (
            "Le Conseil communal de {town} a adopté {weekday} soir le budget {year} par {votes_yes} voix contre "
            "{votes_no}. Il prévoit un déficit de {money}.",
            "Au terme d'un long débat, {town} a son budget pour l'an prochain. La commune s'attend à un "
            "excédent de charges de {money}, sans toucher au taux d'impôt.",
        ),
        "bodies": (
            "La municipale des finances {person} a parlé d'un résultat «supportable». La hausse des charges "
            "s'explique surtout par la formation et les soins à domicile.",
            "La droite a demandé en vain une baisse de {pct}% des charges de personnel. La gauche n'a pas "
            "obtenu davantage de moyens pour l'accueil de jour des enfants.",
            "Le plus gros poste est la rénovation du collège de la {street}, pour laquelle {money_small} sont "
            "prévus. Les travaux doivent débuter au printemps.",
            "Une hausse d'impôt n'est pas à l'ordre du jour, a assuré {person2}, président de la commission "
            "des finances. Il faudra toutefois suivre de près l'évolution des recettes.",
            "Au total, le budget prévoit {money_big} de charges. La commune voisine de {town2} s'attend elle "
            "aussi à un exercice déficitaire.",
        ),
    },
    {
        "category": "local",
        "headlines": (
            "{town} veut une nouvelle piscine couverte pour {money}",
            "Piscine couverte de {town}: le projet franchit une étape",
        ),
        "leads": (
            "La commune de {town} entend remplacer sa vieille piscine couverte par un nouveau bâtiment. La "
            "Municipalité a présenté {weekday} un projet devisé à {money}.",
        ),
        "bodies": (
            "L'actuel bassin date des années septante et ne répond plus aux normes. Les réparations de ces "
            "dernières années ont déjà coûté plus de {money_small}.",
            "Le projet comprend un bassin de 25 mètres à {n} couloirs, un bassin d'apprentissage et un petit "
            "espace bien-être. Les écoles pourront l'utiliser en journée.",
            "La municipale {person} se dit confiante: «La piscine est un lieu de rencontre pour toutes les "
            "générations. Nous ne voulons pas y renoncer.»",
            "L'association de quartier craint davantage de trafic sur la {street}. La commune promet des "
            "places pour les vélos et une meilleure desserte en bus.",
            "La population devrait se prononcer sur le crédit en {year}. La nouvelle piscine ouvrirait au plus "
            "tôt dans trois ans.",
        ),
    },
    {
        "category": "weather",
        "headlines": (
            "Météo: premiers flocons attendus jusqu'à {altitude} mètres",
            "Coup de froid: la neige s'invite en moyenne altitude",
        ),
        "leads": (
            "Les météorologues annoncent une nette baisse des températures ces prochains jours. Dès la nuit de "
            "{weekday2}, la neige pourrait tomber jusqu'à {altitude} mètres d'altitude.",
        ),
        "bodies": (
            "En plaine, le thermomètre atteindra encore {temp_hi} degrés l'après-midi, mais descendra vers "
            "{temp_lo} degrés la nuit. Les automobilistes doivent s'attendre à des routes glissantes.",
            "«Ceux qui prévoient une sortie en montagne doivent suivre l'évolution de près», conseille la "
            "météorologue {person}. Le vent pourrait forcer sur les crêtes.",
            "Dès {weekday}, l'anticyclone reprendra le dessus. Le brouillard risque toutefois de persister sur "
            "le Plateau et en plaine.",
            "Les services de déneigement sont prêts. Sur les routes de col, les pneus d'hiver sont désormais "
            "indispensables.",
        ),
    },
    {
        "category": "weather",
        "headlines": (
            "Pluies diluviennes à {town}: caves inondées et route fermée",
            "Orage sur {town}: les pompiers sur le pont toute la soirée",
        ),
        "leads": (
            "De fortes pluies ont provoqué de nombreuses interventions des pompiers {weekday} à {town} et "
            "dans les environs. Il est tombé jusqu'à {rain} litres d'eau par mètre carré en deux heures.",
        ),
        "bodies": (
            "Les pompiers sont intervenus à {count_small} reprises jusqu'en soirée, surtout pour des caves "
            "inondées et des arbres couchés. Personne n'a été blessé.",
            "La {street} a dû être fermée durant plusieurs heures, la chaussée étant recouverte de boue.",
            "Les agriculteurs de la région accueillent plutôt bien ces précipitations. Après un été sec, les "
            "sols manquaient encore d'eau, selon la Chambre d'agriculture.",
            "Des rafales jusqu'à {wind} km/h sont encore attendues ces prochains jours. Un avis de danger de "
            "degré {level} a été émis.",
        ),
    },
    {
        "category": "sport",
        "headlines": (
            "Le {home} s'impose {score} face à l'{away}",
            "{scorer} décisif: le {home} bat l'{away} {score}",
            "Victoire à domicile devant {spectators} spectateurs pour le {home}",
        ),
        "leads": (
            "Le {home} a signé {weekday} une victoire méritée {score} contre l'{away}, devant {spectators} "
            "spectateurs. {scorer} a inscrit le but décisif à la {minute_ord} minute.",
            "Au {venue}, le {home} a dominé l'{away} d'un bout à l'autre et s'est imposé {score}.",
        ),
        "bodies": (
            "Les visiteurs ont bien entamé la rencontre et ont eu la première grosse occasion par {player}, "
            "mais son tir a frôlé le poteau.",
            "Après la pause, le {home} a accéléré le rythme. L'entraîneur {person2} a salué l'engagement de "
            "son équipe: «Nous avons joué en équipe du début à la fin.»",
            "Grâce à ce succès, le {home} remonte au {rank_ord} rang du classement, à {n} points du leader.",
            "Du côté de l'{away}, c'est la déception. Il s'agit de la {n2_ord} défaite d'affilée.",
            "À la {minute2_ord} minute, un choc entre deux joueurs a fait craindre le pire. Les deux ont pu "
            "reprendre après quelques soins.",
            "Le {home} se déplacera {weekday2} prochain à {town2}.",
        ),
    },
    {
        "category": "sport",
        "headlines": (
            "Course de {town}: {count_big} coureurs sous un grand soleil",
            "Record du parcours battu à la course de {town}",
        ),
        "leads": (
            "Sous un soleil radieux, {count_big} coureuses et coureurs ont sillonné {weekday} la vieille ville "
            "de {town}. {person} s'est imposée chez les femmes, {person2} chez les hommes.",
        ),
        "bodies": (
            "{person2} a bouclé les dix kilomètres en {run_minutes} minutes, améliorant le record du parcours de "
            "quelques secondes.",
            "Fanfares et groupes de percussions ont animé le parcours. Le public était particulièrement "
            "nombreux le long de la {street}.",
            "Pour la première fois, une catégorie était réservée aux classes d'école. {count} enfants ont pris "
            "le départ.",
            "Le comité d'organisation tire un bilan positif. Les samaritains ne sont intervenus qu'à quelques "
            "reprises, surtout pour des malaises.",
        ),
    },
    {
        "category": "culture",
        "headlines": (
            "«{work}»: une première réussie au théâtre de {town}",
            "Le théâtre de {town} revisite «{work}»",
        ),
        "leads": (
            "Le public a longuement applaudi {weekday} soir la première de «{work}» au théâtre de {town}. La "
            "mise en scène est signée {person}, qui fait ses débuts dans la maison.",
        ),
        "bodies": (
            "La pièce est transposée dans un open space d'aujourd'hui. Le pari fonctionne étonnamment bien, "
            "même si la seconde partie traîne un peu en longueur.",
            "{person2} convainc dans le rôle principal, avec beaucoup d'humour et une belle présence.",
            "Le décor, fait de parois de verre mobiles, crée sans cesse de nouveaux espaces.",
            "D'autres représentations sont prévues jusqu'à fin {month}. Il ne reste que quelques places pour "
            "plusieurs soirées.",
        ),
    },
    {
        "category": "culture",
        "headlines": (
            "Le {festival} de {town} attire {count_big} visiteurs",
            "Année record pour le {festival} de {town}",
        ),
        "leads": (
            "Le {festival} de {town} a attiré cette année {count_big} visiteuses et visiteurs, un record. Les "
            "organisateurs tirent un bilan réjouissant.",
        ),
        "bodies": (
            "À côté des têtes d'affiche, la programmation a fait la part belle aux jeunes talents de la "
            "région. Plusieurs soirées affichaient complet des semaines à l'avance.",
            "La directrice {person} se réjouit surtout du jeune public: «Nous avons vu beaucoup de visages "
            "qui venaient pour la première fois.»",
            "Pour {year}, le festival prévoit d'étoffer son programme. Son budget s'élève à {money_small}.",
            "Seule ombre au tableau: un orage a mis fin prématurément à une soirée du second week-end.",
        ),
    },
    {
        "category": "economy",
        "headlines": (
            "{company} va créer {jobs} emplois à {town}",
            "{company} investit {money} sur son site de {town}",
        ),
        "leads": (
            "{company} veut agrandir son site de {town} et créer {jobs} emplois au cours des deux prochaines "
            "années. L'entreprise investit au total {money}.",
        ),
        "bodies": (
            "La directrice {person} justifie cette décision par un carnet de commandes bien rempli et la "
            "proximité des hautes écoles de la région.",
            "L'entreprise emploie aujourd'hui environ {count_big} personnes et s'est spécialisée dans "
            "{product}.",
            "La commune salue cet agrandissement. Elle a aidé l'entreprise à trouver un terrain, a indiqué "
            "le délégué à la promotion économique {person2}.",
            "Le nouveau bâtiment de la {street} devrait être prêt en {year}.",
        ),
    },
    {
        "category": "economy",
        "headlines": (
            "Commerce de détail à {town}: le chiffre d'affaires progresse de {pct}%",
            "Les consommateurs de {town} gardent le moral",
        ),
        "leads": (
            "Les commerces du centre-ville de {town} ont réalisé au dernier trimestre un chiffre d'affaires "
            "supérieur de {pct}% à celui de l'an dernier, selon une enquête de la société des commerçants.",
        ),
        "bodies": (
            "L'alimentation, les articles ménagers et le sport ont particulièrement bien marché. La situation "
            "reste plus difficile pour les petites boutiques de mode.",
            "Les commerçants espèrent que l'élan se poursuivra pendant les fêtes de fin d'année. Encore faut-il "
            "que le centre-ville reste facilement accessible.",
            "L'économiste {person} appelle à la prudence: une partie de la hausse s'explique par les prix.",
            "À {town2}, la progression est nettement plus modeste, avec {n}%.",
        ),
    },
    {
        "category": "transport",
        "headlines": (
            "Travaux: la ligne de bus {line} déviée pendant {weeks} semaines à {town}",
            "Ligne {line}: l'arrêt {stop} ne sera plus desservi durant les travaux",
        ),
        "leads": (
            "En raison de travaux de revêtement sur la {street}, la ligne de bus {line} sera déviée dès "
            "{weekday} pour environ {weeks} semaines. Les arrêts {stop} et {stop2} ne seront pas desservis.",
        ),
        "bodies": (
            "Les transports publics recommandent de prévoir plus de temps. Des arrêts provisoires sont "
            "signalés et les horaires adaptés sont disponibles en ligne.",
            "Pendant le chantier, la route sera fermée la nuit au trafic de transit. Les riverains ont été "
            "informés par courrier.",
            "Les travaux coûtent au total {money_small}. Les conduites d'eau seront renouvelées en même temps.",
            "La cheffe de projet {person} promet de limiter au maximum les nuisances sonores.",
        ),
    },
    {
        "category": "transport",
        "headlines": (
            "Nouvel horaire: {town} reliée à {town2} toutes les demi-heures",
            "Plus vite vers {town2}: l'horaire de décembre apporte des améliorations",
        ),
        "leads": (
            "Avec le changement d'horaire de décembre, {town} disposera d'une liaison directe vers {town2} "
            "toutes les demi-heures. Le temps de trajet sera réduit de {n} minutes.",
        ),
        "bodies": (
            "Les pendulaires se réjouissent. «Je n'aurai enfin plus besoin de changer de train», confie une "
            "voyageuse en gare de {town}.",
            "La planificatrice {person} s'attend à une hausse de {pct}% du nombre de voyageurs sur la ligne.",
            "Cette amélioration s'inscrit dans un programme plus large visant à étoffer l'offre de transports "
            "publics de la région d'ici {year}.",
            "Les petites localités sont moins enthousiastes: certaines liaisons du soir seront supprimées.",
        ),
    },
)
