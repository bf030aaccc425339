from __future__ import annotations

import hashlib
import logging

from csp.constants import UNSAFE_INLINE
from csp.decorators import csp_update
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from indicators import selectors, services
from indicators.charts import gap_chart_svg
from indicators.forms import ImportForm, SeriesForm
from indicators.importers.ilostat import IndicatorFileError
from indicators.models import ImportRun, Indicator, Sex
from indicators.selectors import SeriesChoice

logger = logging.getLogger(__name__)

CHART_CACHE_SECONDS = 7 * 24 * 60 * 60
# Raised whenever the drawing changes, so cached charts are drawn anew.
CHART_VERSION = 6


def _import_summary(run: ImportRun) -> str:
    """What an import did, in words: a file imported again adds nothing new."""
    values = {
        "count": intcomma(run.row_count),
        "new": intcomma(run.new_count),
        "file": run.file_name,
    }
    if not run.updated_count:
        return (
            ngettext(
                "Imported %(count)s row from %(file)s into:",
                "Imported %(count)s rows from %(file)s into:",
                run.row_count,
            )
            % values
        )
    return (
        ngettext(
            "Read %(count)s row from %(file)s: %(new)s new figures; the others "
            "were already stored and were updated from the file. Indicator:",
            "Read %(count)s rows from %(file)s: %(new)s new figures; the others "
            "were already stored and were updated from the file. Indicator:",
            run.row_count,
        )
        % values
    )


def _indicator_or_404(code: str) -> Indicator:
    try:
        return selectors.indicator_get(code=code)
    except Indicator.DoesNotExist:
        raise Http404(_("There is no indicator with that code.")) from None


def _query(indicator: Indicator, choice: SeriesChoice) -> dict[str, str]:
    query = {"area": str(choice.area.pk)}
    for name, value, items in (
        ("age", choice.age_group, indicator.age_groups),
        ("classif1", choice.classif1, indicator.classif1_items),
        ("classif2", choice.classif2, indicator.classif2_items),
    ):
        if items:
            query[name] = value
    return query


@require_safe
def indicator_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "indicators/indicator_list.html",
        {"indicators": selectors.indicator_list()},
    )


def _chosen_series(
    request: HttpRequest, code: str
) -> tuple[Indicator, SeriesForm, SeriesChoice | None]:
    """The indicator, the chooser form read from the query string, and the
    series it names (None when the query string names none)."""
    indicator = _indicator_or_404(code)
    areas = selectors.indicator_areas(indicator=indicator)
    form = SeriesForm(request.GET or None, indicator=indicator, areas=areas)
    return indicator, form, form.choice()


@require_safe
def indicator_detail(request: HttpRequest, code: str) -> HttpResponse:
    indicator, form, choice = _chosen_series(request, code)
    series = chart_url = None
    if choice is not None:
        series = selectors.indicator_series(indicator=indicator, choice=choice)
        if series.chart_points:
            query = _query(indicator, choice)
            query["v"] = str(indicator.latest_run_id or 0)
            chart_url = "%s?%s" % (
                reverse("indicators:chart", args=[indicator.code]),
                urlencode(query),
            )
    return render(
        request,
        "indicators/indicator_detail.html",
        {
            "indicator": indicator,
            "form": form,
            "series": series,
            "chart_url": chart_url,
        },
        status=400 if form.errors else 200,
    )


@csp_update({"style-src": [UNSAFE_INLINE]})
@require_safe
def indicator_chart(request: HttpRequest, code: str) -> HttpResponse:
    """The detail page's chart as SVG; its inline styles need their own CSP."""
    indicator, _form, choice = _chosen_series(request, code)
    if choice is None:
        return HttpResponse(
            _("Choose an area and groups from the indicator's page."),
            status=400,
            content_type="text/plain; charset=utf-8",
        )

    narrow = request.GET.get("size") == "narrow"
    params = "|".join(
        [
            get_language() or "",
            "narrow" if narrow else "",
            *_query(indicator, choice).values(),
        ]
    ).encode()
    key = "indicators:chart:v%s:%s:%s:%s" % (
        CHART_VERSION,
        indicator.pk,
        indicator.latest_run_id or 0,
        hashlib.sha256(params).hexdigest()[:32],
    )
    svg = cache.get(key)
    if svg is None:
        series = selectors.indicator_series(indicator=indicator, choice=choice)
        if not series.chart_points:
            raise Http404(_("There are no figures for women and men to draw."))
        svg = gap_chart_svg(
            points=series.chart_points,
            unit=indicator.unit_label,
            women_label=str(Sex.FEMALE.label),
            men_label=str(Sex.MALE.label),
            gap_label=_("Gap (men − women)"),
            narrow=narrow,
        )
        cache.set(key, svg, CHART_CACHE_SECONDS)
    response = HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
    response["Cache-Control"] = "public, max-age=3600"
    return response


@login_required
@permission_required("indicators.import_indicator", raise_exception=True)
@require_http_methods(["GET", "POST"])
def indicator_import(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            run = services.indicator_import(
                file=upload, filename=upload.name, imported_by=request.user
            )
        except IndicatorFileError as error:
            form.add_error(
                "file",
                _("Nothing was imported. Correct the file and upload it again."),
            )
            for problem in error.problems:
                form.add_error("file", str(problem))
            if error.total > len(error.problems):
                form.add_error(
                    "file",
                    _("… and %(count)s more problems.")
                    % {"count": error.total - len(error.problems)},
                )
        else:
            indicator = run.indicator
            messages.success(
                request,
                format_html(
                    '{} <a href="{}">{}</a>',
                    _import_summary(run),
                    indicator.get_absolute_url(),
                    indicator.name,
                ),
            )
            return redirect("indicators:import")
    return render(
        request,
        "indicators/indicator_import.html",
        {"form": form, "runs": selectors.import_runs_recent()},
        status=400 if form.errors else 200,
    )
