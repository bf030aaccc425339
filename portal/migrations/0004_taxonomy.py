"""The shared taxonomy: sub-themes, WSIS action lines, stakeholder groups.

The ten sub-themes are the "themes for action" that stakeholders raised at the
first facilitation meeting (Geneva, 17 May 2006), described in the portal's own
words, in English and French.
"""

from django.db import migrations

THEMES = [
    (
        "jobs-innovation",
        "Jobs and innovation from e-business",
        "Emplois et innovation issus de l'e-business",
        "How the spread of e-business can create decent work rather than only "
        "replace it, and what role innovation plays: new firms, new services and "
        "new occupations that appear when businesses go online.",
        "Comment l'essor de l'e-business peut créer des emplois décents plutôt "
        "que seulement en remplacer, et quel rôle joue l'innovation : nouvelles "
        "entreprises, nouveaux services et nouveaux métiers qui naissent quand "
        "les entreprises passent au numérique.",
    ),
    (
        "smes-finance",
        "Small businesses and their finance",
        "Les PME et leur financement",
        "Small and medium-sized enterprises provide most jobs, so they are at the "
        "centre of the action line. This theme covers their use of ICTs and the "
        "banks and other lenders that finance them, who belong in the dialogue.",
        "Les petites et moyennes entreprises fournissent la plupart des emplois : "
        "elles sont au centre de la grande orientation. Ce thème couvre leur usage "
        "des TIC et les banques et autres prêteurs qui les financent, qui ont "
        "leur place dans le dialogue.",
    ),
    (
        "gender",
        "Women in the digital economy",
        "Les femmes dans l'économie numérique",
        "The gender divide in business and employment: the status of women at "
        "work, standards that protect them, women running small firms in rural "
        "areas, and how women can move up the value chain.",
        "La fracture entre femmes et hommes dans les affaires et l'emploi : la "
        "situation des femmes au travail, les normes qui les protègent, les "
        "femmes à la tête de petites entreprises en zone rurale, et leur "
        "progression dans la chaîne de valeur.",
    ),
    (
        "enabling-environment",
        "Enabling environment, skills and telework",
        "Environnement favorable, compétences et télétravail",
        "What lets the information economy grow: training, access to technology, "
        "the opportunities that e-commerce opens, and a basic legal framework "
        "for people who work at a distance.",
        "Ce qui permet à l'économie de l'information de se développer : la "
        "formation, l'accès aux technologies, les possibilités ouvertes par le "
        "commerce électronique et un cadre juridique de base pour le travail à "
        "distance.",
    ),
    (
        "indicators",
        "Indicators by sex and age",
        "Indicateurs par sexe et par âge",
        "Standard statistics on e-business and e-employment, broken down by sex "
        "and age group, so that progress and gaps can be measured and compared "
        "between countries and over time.",
        "Des statistiques normalisées sur l'e-business et l'e-emploi, ventilées "
        "par sexe et par groupe d'âge, pour mesurer les progrès et les écarts et "
        "les comparer entre pays et dans le temps.",
    ),
    (
        "local-trade",
        "Domestic trade and local supply chains",
        "Commerce intérieur et chaînes d'approvisionnement locales",
        "E-business is not only about exports: it also serves trade inside a "
        "country, local supply chains and clusters of firms that buy from and "
        "sell to each other.",
        "L'e-business ne concerne pas que l'exportation : il sert aussi le "
        "commerce à l'intérieur d'un pays, les chaînes d'approvisionnement "
        "locales et les grappes d'entreprises qui commercent entre elles.",
    ),
    (
        "unbanked-payments",
        "Payments for people without bank accounts",
        "Paiements pour les personnes sans compte bancaire",
        "E-commerce solutions for the many people who have no bank account: "
        "mobile money, agent networks and other ways to pay and be paid online.",
        "Des solutions de commerce électronique pour les nombreuses personnes "
        "qui n'ont pas de compte bancaire : argent mobile, réseaux d'agents et "
        "autres moyens de payer et d'être payé en ligne.",
    ),
    (
        "content-ip",
        "Digital content and intellectual property",
        "Contenus numériques et propriété intellectuelle",
        "The digital divide is also a divide in content. This theme covers how "
        "useful content reaches people who lack it, and the intellectual "
        "property rules that shape that transfer.",
        "La fracture numérique est aussi une fracture des contenus. Ce thème "
        "porte sur la manière dont des contenus utiles parviennent à ceux qui "
        "en manquent, et sur les règles de propriété intellectuelle qui "
        "encadrent ce transfert.",
    ),
    (
        "rural-poverty",
        "Rural areas and poverty reduction",
        "Zones rurales et réduction de la pauvreté",
        "Special efforts to close the digital divide in rural areas, and the use "
        "of ICTs to reduce poverty: market information for farmers, services for "
        "villages, income for rural households.",
        "Des efforts particuliers pour réduire la fracture numérique en zone "
        "rurale, et l'usage des TIC contre la pauvreté : informations de marché "
        "pour les agriculteurs, services pour les villages, revenus pour les "
        "ménages ruraux.",
    ),
    (
        "broadband",
        "Broadband access",
        "Accès au haut débit",
        "The role of broadband in e-business and e-employment, and the need to "
        "expand it so that firms and workers everywhere can take part in the "
        "information economy.",
        "Le rôle du haut débit dans l'e-business et l'e-emploi, et la nécessité "
        "de l'étendre pour que les entreprises et les travailleurs de partout "
        "puissent prendre part à l'économie de l'information.",
    ),
]

ACTION_LINES = [
    (
        "C1",
        "The role of public governance authorities and all stakeholders in the "
        "promotion of ICTs for development",
        "Rôle des autorités publiques et de toutes les parties prenantes dans la "
        "promotion des TIC pour le développement",
    ),
    (
        "C2",
        "Information and communication infrastructure",
        "Infrastructure de l'information et de la communication",
    ),
    ("C3", "Access to information and knowledge", "Accès à l'information et au savoir"),
    ("C4", "Capacity building", "Renforcement des capacités"),
    (
        "C5",
        "Building confidence and security in the use of ICTs",
        "Établir la confiance et la sécurité dans l'utilisation des TIC",
    ),
    ("C6", "Enabling environment", "Environnement propice"),
    (
        "C7",
        "ICT applications: benefits in all aspects of life",
        "Applications TIC : avantages dans tous les aspects de la vie",
    ),
    (
        "C8",
        "Cultural diversity and identity, linguistic diversity and local content",
        "Diversité et identité culturelles, diversité linguistique et contenus locaux",
    ),
    ("C9", "Media", "Médias"),
    (
        "C10",
        "Ethical dimensions of the Information Society",
        "Dimensions éthiques de la société de l'information",
    ),
    (
        "C11",
        "International and regional cooperation",
        "Coopération internationale et régionale",
    ),
]

STAKEHOLDER_GROUPS = [
    ("government", "Government", "Gouvernement"),
    ("private-sector", "Private sector", "Secteur privé"),
    ("civil-society", "Civil society", "Société civile"),
    ("academia", "Academia", "Milieux universitaires"),
    ("international-organisation", "International organisation", "Organisation internationale"),
]


def create_taxonomy(apps, schema_editor):
    Theme = apps.get_model("portal", "Theme")
    ActionLine = apps.get_model("portal", "ActionLine")
    StakeholderGroup = apps.get_model("portal", "StakeholderGroup")
    for position, (slug, name_en, name_fr, text_en, text_fr) in enumerate(THEMES):
        Theme.objects.update_or_create(
            slug=slug,
            defaults={
                "position": position,
                "name": name_en,
                "name_en": name_en,
                "name_fr": name_fr,
                "description": text_en,
                "description_en": text_en,
                "description_fr": text_fr,
            },
        )
    for position, (code, name_en, name_fr) in enumerate(ACTION_LINES):
        ActionLine.objects.update_or_create(
            code=code,
            defaults={
                "position": position,
                "name": name_en,
                "name_en": name_en,
                "name_fr": name_fr,
            },
        )
    for position, (slug, name_en, name_fr) in enumerate(STAKEHOLDER_GROUPS):
        StakeholderGroup.objects.update_or_create(
            slug=slug,
            defaults={
                "position": position,
                "name": name_en,
                "name_en": name_en,
                "name_fr": name_fr,
            },
        )


def delete_taxonomy(apps, schema_editor):
    apps.get_model("portal", "Theme").objects.filter(
        slug__in=[row[0] for row in THEMES]
    ).delete()
    apps.get_model("portal", "ActionLine").objects.filter(
        code__in=[row[0] for row in ACTION_LINES]
    ).delete()
    apps.get_model("portal", "StakeholderGroup").objects.filter(
        slug__in=[row[0] for row in STAKEHOLDER_GROUPS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("portal", "0003_roles")]

    operations = [migrations.RunPython(create_taxonomy, delete_taxonomy)]
