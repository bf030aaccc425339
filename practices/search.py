"""Full-text search over practices, one PostgreSQL configuration per language.

Each practice is indexed with the configuration of the language it is written
in, so that its words are stemmed the right way. A query does not know which
language it will meet, so it is parsed once per configuration and the parts
are joined with OR: a French query then finds French practices through the
French stemmer and English ones through the English stemmer.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db.models import TextField, Value
from django.utils import translation
from django_countries import countries

# PostgreSQL has no stemmer for Chinese; "simple" lower-cases and splits.
SEARCH_CONFIGS = {
    "en": "english",
    "fr": "french",
    "es": "spanish",
    "ar": "arabic",
    "ru": "russian",
    "zh-hans": "simple",
}
FALLBACK_CONFIG = "simple"


def search_config(language: str) -> str:
    """The text-search configuration for content written in a language."""
    return SEARCH_CONFIGS.get(language, FALLBACK_CONFIG)


def country_words(codes: list[str]) -> str:
    """The names of the countries in every language of the portal.

    A reader searches "Senegal", "Sénégal" or "السنغال" for the same place;
    the names go in unstemmed, with the "simple" configuration.
    """
    names = set()
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            names.update(str(countries.name(code)) for code in codes)
    return " ".join(sorted(name for name in names if name))


def practice_search_vector(language: str, country_codes: list[str]) -> SearchVector:
    """The weighted document of a practice: title, then summary, then the rest."""
    config = search_config(language)
    places = Value(country_words(country_codes), output_field=TextField())
    return (
        SearchVector("title", weight="A", config=config)
        + SearchVector("summary", weight="B", config=config)
        + SearchVector("description", "organisation", weight="C", config=config)
        + SearchVector(places, weight="C", config=FALLBACK_CONFIG)
    )


def practice_search_query(text: str) -> SearchQuery:
    """A web-style query (quotes, OR, -word) in every language of the portal."""
    configs = sorted(
        {search_config(code) for code, _name in settings.LANGUAGES} | {FALLBACK_CONFIG}
    )
    query = SearchQuery(text, config=configs[0], search_type="websearch")
    for config in configs[1:]:
        query |= SearchQuery(text, config=config, search_type="websearch")
    return query
