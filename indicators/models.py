"""Labour statistics by sex and age, per area and year, as the ILO publishes them."""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# Items offered first when a page has to pick one on its own.
PREFERRED_ITEMS = ("Total", "National", "15+")


def default_item(items: list[str]) -> str:
    """The item a page shows before anyone chooses: a total if there is one."""
    for preferred in PREFERRED_ITEMS:
        if preferred in items:
            return preferred
    return items[0] if items else ""


# ILOSTAT's units, as its English labels write them ("(thousands)").
UNIT_LABELS = {
    "thousands": _("thousands"),
    "%": "%",
}


class Indicator(models.Model):
    """One ILOSTAT indicator, such as the informal employment rate by sex.

    The summary fields (areas, years, items of each classification) are kept
    up to date by the import service, so that lists never count observations.
    """

    code = models.CharField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=300)
    unit = models.CharField(
        _("unit"),
        max_length=60,
        blank=True,
        help_text=_("For example %, thousands or a currency."),
    )
    publisher = models.CharField(_("publisher"), max_length=60, default="ILOSTAT")
    age_name = models.CharField(
        _("age classification"),
        max_length=200,
        blank=True,
        help_text=_("For example: Age (Youth, adults)."),
    )
    classif1_name = models.CharField(
        _("first classification"),
        max_length=200,
        blank=True,
        help_text=_("For example: Institutional sector."),
    )
    classif2_name = models.CharField(
        _("second classification"),
        max_length=200,
        blank=True,
        help_text=_("For example: Currency."),
    )
    age_groups = ArrayField(
        models.CharField(max_length=60), verbose_name=_("age groups"), default=list
    )
    classif1_items = ArrayField(
        models.CharField(max_length=200),
        verbose_name=_("items of the first classification"),
        default=list,
    )
    classif2_items = ArrayField(
        models.CharField(max_length=200),
        verbose_name=_("items of the second classification"),
        default=list,
    )
    observation_count = models.PositiveIntegerField(_("observations"), default=0)
    area_count = models.PositiveIntegerField(_("areas"), default=0)
    year_min = models.PositiveSmallIntegerField(_("first year"), null=True)
    year_max = models.PositiveSmallIntegerField(_("last year"), null=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["name", "code"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("indicators:detail", args=[self.code])

    @property
    def unit_label(self) -> str:
        """The unit in the reader's language, where ILOSTAT's word for it is
        one of those the interface translates; otherwise as the file has it."""
        return str(UNIT_LABELS.get(self.unit, self.unit))

    @property
    def default_age_group(self) -> str:
        return default_item(self.age_groups)

    @property
    def default_classif1(self) -> str:
        return default_item(self.classif1_items)

    @property
    def default_classif2(self) -> str:
        return default_item(self.classif2_items)


class Area(models.Model):
    """A country or territory, or an aggregate such as World, as ILOSTAT names it."""

    class Kind(models.TextChoices):
        COUNTRY = "country", _("Country or territory")
        AGGREGATE = "aggregate", _("Region or group")

    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(
        _("kind"), max_length=10, choices=Kind.choices, default=Kind.COUNTRY
    )
    iso3 = models.CharField(
        _("ISO 3166 alpha-3 code"),
        max_length=3,
        null=True,
        blank=True,
        help_text=_("ILO code for aggregates, for example X01 for World."),
    )

    class Meta:
        verbose_name = _("area")
        verbose_name_plural = _("areas")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["name"], name="indicators_area_name_unique"
            ),
            models.UniqueConstraint(
                fields=["iso3"], name="indicators_area_iso3_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Sex(models.TextChoices):
    TOTAL = "total", _("Total")
    FEMALE = "female", _("Women")
    MALE = "male", _("Men")
    OTHER = "other", _("Other")


# What makes one figure: the import service upserts on this same key.
OBSERVATION_KEY = [
    "indicator",
    "area",
    "year",
    "sex",
    "age_group",
    "classif1",
    "classif2",
    "source",
]


class Observation(models.Model):
    """One published figure: an indicator's value for an area, year, sex and group.

    The value is empty when the publisher withheld or lacks it; the row is kept
    for its status and notes.
    """

    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator"),
        on_delete=models.CASCADE,
        related_name="observations",
    )
    area = models.ForeignKey(
        Area, verbose_name=_("area"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    sex = models.CharField(_("sex"), max_length=6, choices=Sex.choices)
    age_group = models.CharField(_("age group"), max_length=60, blank=True)
    classif1 = models.CharField(_("first classification"), max_length=200, blank=True)
    classif2 = models.CharField(_("second classification"), max_length=200, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    value = models.DecimalField(
        _("value"), max_digits=20, decimal_places=6, null=True, blank=True
    )
    status = models.CharField(
        _("status"),
        max_length=60,
        blank=True,
        help_text=_("For example: Break in series, Unreliable."),
    )
    note_indicator = models.TextField(_("indicator notes"), blank=True)
    note_source = models.TextField(_("source notes"), blank=True)
    note_classif = models.TextField(_("classification notes"), blank=True)

    class Meta:
        verbose_name = _("observation")
        verbose_name_plural = _("observations")
        ordering = ["indicator", "area", "year", "sex"]
        constraints = [
            models.UniqueConstraint(
                fields=OBSERVATION_KEY,
                name="indicators_observation_unique_key",
            ),
        ]
        indexes = [
            # The detail page and the latest-values selector: one area's
            # series for one item of each classification, by year.
            models.Index(
                fields=[
                    "indicator",
                    "classif1",
                    "classif2",
                    "age_group",
                    "area",
                    "year",
                ],
                name="indicators_obs_series_idx",
            ),
        ]

    def __str__(self) -> str:
        return "%s %s %s %s" % (self.indicator_id, self.area_id, self.year, self.sex)


class ImportRun(models.Model):
    """One import of one file: who brought in what, and how many rows it held."""

    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator"),
        on_delete=models.CASCADE,
        related_name="import_runs",
    )
    file_name = models.CharField(_("file name"), max_length=255)
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    row_count = models.PositiveIntegerField(_("rows"))
    # Rows that added a figure, and rows that repeated another row of the
    # file (merged into it); the rest updated a figure already stored.
    new_count = models.PositiveIntegerField(_("new figures"), default=0)
    duplicate_count = models.PositiveIntegerField(_("repeated rows"), default=0)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("imported at"), auto_now_add=True)

    class Meta:
        verbose_name = _("import run")
        verbose_name_plural = _("import runs")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.file_name

    @property
    def updated_count(self) -> int:
        """Figures the import found already stored, and updated from the file."""
        return self.row_count - self.duplicate_count - self.new_count
