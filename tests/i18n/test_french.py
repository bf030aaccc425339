"""The French interface: a complete catalogue, and pages that read in French."""

from __future__ import annotations

import gettext
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from forums.models import Forum
from tests.forums.factories import thread_make
from tests.indicators.helpers import csv_bytes, import_bytes, rate_rows
from tests.practices.factories import make_practice, make_published

LOCALE = Path(settings.BASE_DIR) / "locale"
FRENCH_PO = LOCALE / "fr" / "LC_MESSAGES" / "django.po"
FRENCH_MO = LOCALE / "fr" / "LC_MESSAGES" / "django.mo"
OTHER_LANGUAGES = ("ar", "es", "ru", "zh_Hans")
NBSP = "\N{NO-BREAK SPACE}"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


@dataclass
class Entry:
    """One message of a .po file: its flags (fuzzy, python-format) and fields."""

    flags: list[str] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)

    @property
    def msgid(self) -> str:
        return self.fields.get("msgid", "")

    @property
    def translations(self) -> list[str]:
        return [text for key, text in self.fields.items() if key.startswith("msgstr")]


def read_po(path: Path) -> list[Entry]:
    """The messages of a .po file, the header left out."""
    entries: list[Entry] = []
    entry, key = Entry(), ""
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if entry.fields:
                entries.append(entry)
            entry = Entry()
        elif line.startswith("#,"):
            entry.flags += [flag.strip() for flag in line[2:].split(",")]
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            entry.fields[key] += _unquote(line)
        else:
            key, _space, quoted = line.partition(" ")
            entry.fields[key] = _unquote(quoted)
    return [entry for entry in entries if entry.msgid]


def _unquote(quoted: str) -> str:
    text = quoted.strip()[1:-1]
    return re.sub(
        r"\\(.)", lambda match: {"n": "\n", "t": "\t"}.get(match[1], match[1]), text
    )


def french_page(client, url: str, **params) -> str:
    """A page as a French reader sees it, entities decoded."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    response = client.get(url, params)
    assert response.status_code == 200, (url, response.status_code)
    page = html.unescape(response.content.decode())
    assert '<html lang="fr" dir="ltr">' in page
    return page


def french_post(client, url: str, data: dict) -> str:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    return html.unescape(client.post(url, data).content.decode())


def assert_french_frame(page: str, *, signed_in: bool) -> None:
    """The header, navigation and footer of every page."""
    for text in (
        "Aller au contenu principal",
        "Commerce électronique et cyberemploi",
        ">Pratiques</a>",
        ">Forums</a>",
        ">Indicateurs</a>",
        "Facilitation assurée par la CNUCED, l'OIT et l'ITC",
        ">Changer</button>",
    ):
        assert text in page, text
    if signed_in:
        assert "Se déconnecter" in page
    else:
        assert ">Se connecter</a>" in page
        assert ">S'inscrire</a>" in page


def heading(page: str) -> str:
    match = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.DOTALL)
    assert match, "no <h1>"
    return re.sub(r"<[^>]+>", "", match[1]).strip()


# The catalogue.


def test_every_french_message_is_translated():
    untranslated = [
        entry.msgid
        for entry in read_po(FRENCH_PO)
        if not all(text.strip() for text in entry.translations)
    ]

    assert untranslated == []


def test_no_french_translation_is_marked_fuzzy():
    fuzzy = [entry.msgid for entry in read_po(FRENCH_PO) if "fuzzy" in entry.flags]

    assert fuzzy == []


def test_french_translations_keep_every_placeholder():
    broken = []
    for entry in read_po(FRENCH_PO):
        expected = sorted(PLACEHOLDER.findall(entry.msgid))
        plural = sorted(PLACEHOLDER.findall(entry.fields.get("msgid_plural", "")))
        for key, text in entry.fields.items():
            if key.startswith("msgstr"):
                wanted = plural if key == "msgstr[1]" else expected
                if sorted(PLACEHOLDER.findall(text)) != wanted:
                    broken.append((entry.msgid, key))

    assert broken == []


def test_the_compiled_french_catalogue_matches_the_po_file():
    with FRENCH_MO.open("rb") as file:
        compiled = gettext.GNUTranslations(file)._catalog  # type: ignore[attr-defined]
    stale = []
    for entry in read_po(FRENCH_PO):
        if "msgid_plural" in entry.fields:
            pairs = [
                ((entry.msgid, 0), entry.fields["msgstr[0]"]),
                ((entry.msgid, 1), entry.fields["msgstr[1]"]),
            ]
        else:
            pairs = [(entry.msgid, entry.fields["msgstr"])]
        stale += [key for key, text in pairs if compiled.get(key) != text]

    assert stale == []


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_the_other_catalogues_offer_translators_every_french_message(language):
    path = LOCALE / language / "LC_MESSAGES" / "django.po"

    messages = {entry.msgid for entry in read_po(path)}

    assert messages == {entry.msgid for entry in read_po(FRENCH_PO)}


# The pages.


@pytest.mark.django_db
def test_choosing_french_in_the_footer_keeps_the_page_and_translates_it(client):
    response = client.post(
        reverse("set_language"), {"language": "fr", "next": reverse("forums:index")}
    )

    page = html.unescape(client.get(response["Location"]).content.decode())

    assert response["Location"] == reverse("forums:index")
    assert '<html lang="fr" dir="ltr">' in page
    assert heading(page) == "Forums"


@pytest.mark.django_db
def test_the_home_page_reads_in_french(client):
    page = french_page(client, reverse("portal:home"))

    assert_french_frame(page, signed_in=False)
    assert heading(page) == "Commerce électronique et cyberemploi"
    assert "Thèmes d'action" in page
    assert "Accès au haut débit" in page


@pytest.mark.django_db
def test_the_practices_list_and_its_filters_read_in_french(client, member, moderator):
    make_published(submitted_by=member, moderator=moderator, countries=["DE"])

    page = french_page(client, reverse("practices:list"))

    assert_french_frame(page, signed_in=False)
    assert heading(page) == "Pratiques"
    assert "Rechercher des pratiques" in page
    assert "Tous les thèmes" in page
    assert ">Allemagne</option>" in page
    assert "1 pratique<" in page
    assert "depuis 2015" in page


@pytest.mark.django_db
def test_a_search_without_results_says_so_in_french(client):
    page = french_page(client, reverse("practices:list"), q="zzzyyyxxx")

    assert "0 pratique<" in page
    assert "Aucune pratique ne correspond à ces filtres." in page
    assert "Effacer les filtres" in page


@pytest.mark.django_db
def test_a_practice_page_reads_in_french(client, member, moderator):
    practice = make_published(
        submitted_by=member, moderator=moderator, countries=["DE", "XW"]
    )

    page = french_page(client, practice.get_absolute_url())

    assert_french_frame(page, signed_in=False)
    assert "À propos de l'initiative" in page
    assert "Groupe de parties prenantes" in page
    assert "Allemagne" in page
    assert "Monde entier" in page


@pytest.mark.django_db
def test_the_submission_form_and_its_errors_read_in_french(member_client):
    url = reverse("practices:create")

    form = french_page(member_client, url)
    errors = french_post(member_client, url, {"year_started": "3000"})

    assert_french_frame(form, signed_in=True)
    assert heading(form) == "Proposer une initiative"
    assert ">Allemagne</option>" in form
    assert "Envoyer pour examen" in form
    assert "Il y a un problème" in errors
    assert f"Titre{NBSP}: Ce champ est obligatoire." in errors
    assert "L'année ne peut pas être postérieure à" in errors


@pytest.mark.django_db
def test_your_submissions_read_in_french(member_client, member):
    make_practice(submitted_by=member)

    page = french_page(member_client, reverse("practices:mine"))

    assert heading(page) == "Vos propositions"
    assert "1 initiative que vous avez soumise" in page
    assert "En attente de modération" in page


@pytest.mark.django_db
def test_the_moderation_queue_and_review_read_in_french(
    moderator_client, member, moderator
):
    practice = make_practice(submitted_by=member)
    review_url = reverse("practices:review", args=[practice.slug])

    queue = french_page(moderator_client, reverse("practices:queue"))
    review = french_page(moderator_client, review_url)
    refused = french_post(moderator_client, review_url, {"decision": "rejected"})

    assert_french_frame(queue, signed_in=True)
    assert heading(queue) == "File d'attente de modération"
    assert "Modération</a>" in queue
    assert "Votre décision" in review
    assert "Approuver et publier" in review
    assert f"Indiquez un motif{NBSP}: la personne" in refused


@pytest.mark.django_db
def test_the_forums_read_in_french(client, member):
    forum = Forum.objects.get(slug="gender")
    thread = thread_make(forum=forum, author=member, posts=3)

    index = french_page(client, reverse("forums:index"))
    listing = french_page(client, forum.get_absolute_url())
    posts = french_page(client, thread.get_absolute_url())

    assert_french_frame(index, signed_in=False)
    assert heading(index) == "Forums"
    assert "Dernière activité" in index
    assert "Connectez-vous pour lancer une discussion" in listing
    assert "Lancée par Mariam Member" in listing
    assert "3 messages" in posts
    assert "Connectez-vous pour répondre" in posts


@pytest.mark.django_db
def test_the_new_thread_form_reads_in_french(member_client):
    forum = Forum.objects.get(slug="gender")
    url = reverse("forums:thread_create", args=[forum.slug])

    form = french_page(member_client, url)
    errors = french_post(member_client, url, {"title": "", "body": ""})

    assert heading(form).startswith("Lancer une discussion dans le forum")
    assert "Vous pouvez utiliser Markdown" in form
    assert "Donnez un titre à la discussion." in errors


@pytest.mark.django_db
def test_the_indicator_pages_read_in_french(client):
    import_bytes(csv_bytes(rate_rows()))

    listing = french_page(client, reverse("indicators:list"))
    detail = french_page(
        client, reverse("indicators:detail", args=["EMP_NIFL_SEX_RT_A"])
    )

    assert_french_frame(listing, signed_in=False)
    assert heading(listing) == "Statistiques du travail par sexe"
    assert "ILOSTAT, OIT" in listing
    assert "Femmes" in detail
    assert "Hommes" in detail
    assert '<th scope="col" class="num">Écart</th>' in detail
    assert f"Source{NBSP}: ILOSTAT, Organisation internationale du Travail" in detail


@pytest.mark.django_db
def test_the_import_page_reads_in_french(facilitator_client):
    page = french_page(facilitator_client, reverse("indicators:import"))

    assert_french_frame(page, signed_in=True)
    assert heading(page) == "Importer un fichier ILOSTAT"
    assert "Chaque ligne est vérifiée avant tout enregistrement." in page


@pytest.mark.django_db
def test_the_report_form_reads_in_french(facilitator_client):
    page = french_page(facilitator_client, reverse("reports:create"))

    assert_french_frame(page, signed_in=True)
    assert ">Rapports</a>" in page
    assert heading(page) == "Rapport de préparation de réunion"
    assert "Télécharger le rapport" in page


@pytest.mark.django_db
def test_the_account_pages_read_in_french(client, member):
    login = french_page(client, reverse("account_login"))
    signup = french_page(client, reverse("account_signup"))
    client.force_login(member)
    profile = french_page(client, reverse("portal:profile"))

    assert_french_frame(login, signed_in=False)
    assert "Mot de passe oublié" in login
    assert "Nom affiché" in signup
    assert ">Allemagne</option>" in signup
    assert heading(profile) == "Votre profil"
    assert "Enregistrer le profil" in profile
