"""`manage.py import_indicators FILE [FILE ...]`: import ILOSTAT files."""

from __future__ import annotations

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from indicators.importers.ilostat import IndicatorFileError
from indicators.services import indicator_import


class Command(BaseCommand):
    help = (
        "Import ILOSTAT CSV files (label layout, code layout or SDMX-CSV), one "
        "indicator per file. Every row of every file is checked first; if any "
        "file is bad, nothing at all is imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path, metavar="FILE")

    def handle(self, *args, files: list[Path], **options):
        with transaction.atomic():
            for path in files:
                self._import(path)

    def _import(self, path: Path) -> None:
        started = time.perf_counter()
        try:
            with path.open("rb") as file:
                run = indicator_import(file=file, filename=path.name, imported_by=None)
        except OSError as error:
            raise CommandError(
                "%s: cannot be read (%s). Nothing was imported."
                % (path, error.strerror or error)
            ) from error
        except IndicatorFileError as error:
            raise CommandError(
                "%s: nothing was imported.\n%s" % (path, error.message)
            ) from error
        seconds = time.perf_counter() - started
        self.stdout.write(
            "%s: %s rows imported into %s in %.2f s (%s rows/s)."
            % (
                path.name,
                format(run.row_count, ","),
                run.indicator.code,
                seconds,
                format(round(run.row_count / seconds) if seconds else 0, ","),
            )
        )
