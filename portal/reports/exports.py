"""File formats for exported reports: CSV that spreadsheets cannot hijack, and
PDF rendered by WeasyPrint without reaching outside the portal."""

from __future__ import annotations

import csv
import io
import mimetypes
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from django.contrib.staticfiles import finders
from django.utils.encoding import force_str

# A spreadsheet treats a cell that starts with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\0")


def csv_cell(value: object) -> object:
    """Numbers stay numbers; text that a spreadsheet would run is quoted."""
    if value is None:
        return ""
    if isinstance(value, int | float) or hasattr(value, "as_tuple"):
        return value
    text = force_str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def csv_bytes(rows: Iterable[Sequence[object]]) -> bytes:
    """Rows as CSV, UTF-8 with a BOM so that spreadsheet programs read accents."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow([csv_cell(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


# Relative URLs in a document resolve against this made-up origin, so that the
# fetcher sees every reference as a full URL and can judge it.
PDF_BASE_URL = "https://portal.invalid/"


def pdf_bytes(html: str) -> bytes:
    """Render an HTML document to PDF, fetching only the portal's static files."""
    return pdf_layout(html).write_pdf()


def pdf_layout(html: str):
    """The document laid out in pages, as WeasyPrint will print it."""
    from weasyprint import HTML  # heavy: imported only when a PDF is asked for

    return HTML(
        string=html, base_url=PDF_BASE_URL, url_fetcher=_static_only_fetcher()()
    ).render()


@lru_cache(maxsize=1)
def _static_only_fetcher():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnlyFetcher(URLFetcher):
        """Serve WeasyPrint the portal's own static files and nothing else.

        A document can name URLs (a stylesheet, an image in user content);
        fetching them from the server would let any author make it call out,
        so every URL that is not one of the portal's static files is refused.
        """

        def fetch(self, url, headers=None):
            from django.conf import settings

            path = url.removeprefix(PDF_BASE_URL.rstrip("/"))
            found = None
            if path.startswith(settings.STATIC_URL):
                name = path.removeprefix(settings.STATIC_URL).split("?")[0]
                found = finders.find(name)
            if not found:
                # WeasyPrint logs this and leaves the resource out.
                raise ValueError(f"Refused to fetch {url}")
            file_path = Path(found)
            mime_type = mimetypes.guess_type(file_path.name)[0] or "text/plain"
            return URLFetcherResponse(
                url, file_path.read_bytes(), headers={"Content-Type": mime_type}
            )

    return StaticOnlyFetcher
