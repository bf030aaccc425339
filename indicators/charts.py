"""Server-rendered charts: small SVG files drawn with matplotlib.

matplotlib is imported only when a chart is drawn, so that pages and commands
that draw none do not pay for loading it.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from decimal import Decimal

WOMEN_COLOUR = "#a4442a"
MEN_COLOUR = "#0b4f7c"
GAP_COLOUR = "#d3d9df"
INK = "#1b1f24"
# Inches at matplotlib's 72 points to the inch: 720 by 350 CSS pixels wide,
# and a phone's 320-345 by about 310: a 360-pixel screen shows it almost
# unshrunk, so the 9-point labels stay 11-12 pixels high.
WIDE_SIZE = (6.4, 3.0)
NARROW_SIZE = (3.3, 2.9)

METADATA = re.compile(r"<metadata>.*?</metadata>\s*", re.DOTALL)
DOCTYPE = re.compile(r"<!DOCTYPE[^>]*>\s*", re.DOTALL)
PRECISION = re.compile(r"(\d\.\d)\d+")
INDENT = re.compile(r"\s*\n\s*")
NO_ROTATION = re.compile(r' transform="rotate\(-?0 [^"]*\)"')


def _text(label: str) -> str:
    """A label that matplotlib prints as written, never as mathematics."""
    return label.replace("$", r"\$")


def gap_chart_svg(
    *,
    points: Sequence[tuple[int, Decimal, Decimal]],
    unit: str,
    women_label: str,
    men_label: str,
    gap_label: str,
    narrow: bool = False,
) -> str:
    """Women and men by year as two lines, the gap between them shaded; for a
    single year, two markers joined by the gap. `narrow` draws it for a phone:
    the same text on a smaller canvas, so it is not shrunk to a few pixels.

    Text stays text (no embedded glyphs), there is no timestamp, and ids are
    stable, so the same data always gives the same few kilobytes.
    """
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    years = [year for year, _women, _men in points]
    # Markers on every point of a long series would double the file size.
    marker_size = 3.5 if len(points) <= 8 else 0
    women = [float(value) for _year, value, _men in points]
    men = [float(value) for _year, _women, value in points]

    settings = {
        "svg.fonttype": "none",
        "svg.hashsalt": "indicators",
        "font.family": "sans-serif",
        # The first font is measured for the layout; the browser draws the
        # text with its own sans-serif.
        "font.sans-serif": ["DejaVu Sans"],
        "font.size": 9,
        "axes.edgecolor": INK,
        "axes.labelcolor": INK,
        "xtick.color": INK,
        "ytick.color": INK,
        "path.simplify": True,
    }
    with matplotlib.rc_context(settings):
        figure = Figure(figsize=NARROW_SIZE if narrow else WIDE_SIZE)
        axes = figure.add_subplot()
        if len(years) == 1:
            _draw_one_year(
                axes,
                year=years[0],
                women=women[0],
                men=men[0],
                women_label=women_label,
                men_label=men_label,
                gap_label=gap_label,
            )
        else:
            _draw_years(
                axes,
                years=years,
                women=women,
                men=men,
                marker_size=marker_size,
                year_ticks=4 if narrow else 8,
                women_label=women_label,
                men_label=men_label,
                gap_label=gap_label,
            )
        axes.set_ylabel(_text(unit))
        axes.yaxis.set_major_locator(MaxNLocator(nbins=5))
        axes.spines[["top", "right"]].set_visible(False)
        # On a phone the keys go one under another: side by side they are
        # wider than the plot, and the tight bounding box would then widen
        # the drawing and the screen would shrink its text.
        axes.legend(
            frameon=False,
            loc="lower left",
            bbox_to_anchor=(0, 1),
            ncols=1 if narrow else 3,
        )

        output = io.StringIO()
        figure.savefig(
            output,
            format="svg",
            bbox_inches="tight",
            metadata={"Date": None, "Creator": None},
        )
    return _compact(output.getvalue())


def _draw_years(
    axes,
    *,
    years,
    women,
    men,
    marker_size,
    year_ticks,
    women_label,
    men_label,
    gap_label,
) -> None:
    """Two lines over the years, the band between them the gap."""
    from matplotlib.ticker import MaxNLocator

    axes.fill_between(
        years, women, men, color=GAP_COLOUR, linewidth=0, label=_text(gap_label)
    )
    for values, style in _styles(
        men=men, women=women, men_label=men_label, women_label=women_label
    ):
        axes.plot(years, values, markersize=marker_size, linewidth=1.5, **style)
    axes.xaxis.set_major_locator(MaxNLocator(nbins=year_ticks, integer=True))


def _draw_one_year(
    axes, *, year, women, men, women_label, men_label, gap_label
) -> None:
    """One year: two large markers joined by the gap, on an axis from zero.

    Lines and a band would promise a trend that one year cannot show, and an
    axis cut close to the two points would make any gap look wide.
    """
    axes.plot(
        [year, year],
        [women, men],
        color=GAP_COLOUR,
        linewidth=6,
        solid_capstyle="butt",
        label=_text(gap_label),
    )
    for value, style in _styles(
        men=men, women=women, men_label=men_label, women_label=women_label
    ):
        style["linestyle"] = "none"
        axes.plot([year], [value], markersize=9, **style)
    axes.set_xticks([year])
    axes.set_xlim(year - 1, year + 1)
    if min(women, men) >= 0:
        axes.set_ylim(bottom=0, top=max(women, men) * 1.1 or 1)


def _styles(*, men, women, men_label, women_label) -> list[tuple[object, dict]]:
    """Men dashed with squares, women solid with circles: told apart without
    colour. Women last, so their line is drawn on top."""
    return [
        (
            men,
            {
                "color": MEN_COLOUR,
                "linestyle": "--",
                "marker": "s",
                "label": _text(men_label),
            },
        ),
        (
            women,
            {
                "color": WOMEN_COLOUR,
                "linestyle": "-",
                "marker": "o",
                "label": _text(women_label),
            },
        ),
    ]


def _compact(svg: str) -> str:
    """Drop what a browser does not need: metadata, indentation, precision.

    A tenth of a point is far below a pixel at any size the page shows.
    """
    svg = METADATA.sub("", svg)
    svg = DOCTYPE.sub("", svg)
    svg = NO_ROTATION.sub("", svg)
    svg = PRECISION.sub(r"\1", svg)
    return INDENT.sub("\n", svg)
