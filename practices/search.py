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


def practice_search_vector(language: str) -> SearchVector:
    """The weighted document of a practice: title, then summary, then the rest."""
    config = search_config(language)
    return (
        SearchVector("title", weight="A", config=config)
        + SearchVector("summary", weight="B", config=config)
        + SearchVector("description", "organisation", weight="C", config=config)
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
