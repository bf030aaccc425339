"""Markdown written by users, rendered once when saved and sanitised.

The parser escapes raw HTML (the js-default preset) and nh3 then keeps only an
allow-list of tags and attributes: the parser's escaping is a convenience, the
sanitiser is the boundary. Store the result and show it without re-rendering.
"""

from __future__ import annotations

from functools import lru_cache

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "a",
    "abbr",
    "blockquote",
    "br",
    "code",
    "em",
    "h2",
    "h3",
    "h4",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "strong",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "td": {"align"},
    "th": {"align"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # Typographer stays off: some inputs make it quadratic.
    return MarkdownIt("js-default", {"linkify": True, "typographer": False}).enable(
        ["linkify", "table", "strikethrough"]
    )


def render_markdown(text: str) -> str:
    """Turn a user's Markdown into HTML that is safe to show as it is."""
    html = _parser().render(text)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="nofollow ugc noopener",
    )
