"""Forms for indicators: choosing a series, uploading a file. Input only."""

from __future__ import annotations

import unicodedata
from pathlib import PurePath

from django import forms
from django.conf import settings
from django.http import QueryDict
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from indicators.models import Area, Indicator
from indicators.selectors import SeriesChoice


def _printable(value: str) -> str:
    """The value without control and format characters (NUL, direction
    overrides), which no area or group contains and which an error message
    that repeats the value must not carry into the page."""
    return "".join(c for c in value if unicodedata.category(c) not in ("Cc", "Cf"))


def _query_values(data: QueryDict, fields: dict) -> QueryDict:
    """The query string, printable, with each field left out set to its
    default, so that the lists say which series the page is showing."""
    values = data.copy()
    for name in values:
        values.setlist(name, [_printable(value) for value in values.getlist(name)])
    for name, field in fields.items():
        if field.initial is not None and not values.get(name):
            values[name] = str(field.initial)
    return values


class SeriesForm(forms.Form):
    """Which area, and which item of each classification, a page shows.

    Read from the query string; a field left out takes its default, so a
    bare URL shows the totals of the country with the longest series.
    """

    area = forms.TypedChoiceField(
        label=_("Area"),
        coerce=int,
        error_messages={
            "invalid_choice": _(
                "There are no figures for that area in this indicator. Choose "
                "an area from the list."
            )
        },
    )
    age = forms.ChoiceField(label=_("Age group"), required=False)
    classif1 = forms.ChoiceField(required=False)
    classif2 = forms.ChoiceField(required=False)

    def __init__(
        self, data=None, *, indicator: Indicator, areas: list[Area], **kwargs
    ) -> None:
        super().__init__(data, **kwargs)
        self.indicator = indicator
        self.areas = {area.pk: area for area in areas}
        countries = [
            (area.pk, area.name) for area in areas if area.kind == Area.Kind.COUNTRY
        ]
        aggregates = [
            (area.pk, area.name) for area in areas if area.kind == Area.Kind.AGGREGATE
        ]
        if countries and aggregates:
            self.fields["area"].choices = [
                (_("Countries and territories"), countries),
                (_("Regions and groups"), aggregates),
            ]
        else:
            self.fields["area"].choices = countries or aggregates
        if areas:
            # Open on the country with the longest series for women and men: a
            # first look that shows a gap and a trend, not a single year.
            longest = max(
                areas,
                key=lambda area: (
                    area.kind == Area.Kind.COUNTRY,
                    getattr(area, "women_year_count", 0),
                    getattr(area, "year_count", 0),
                ),
            )
            self.fields["area"].initial = longest.pk

        # ILO's banding names (“Age (Youth, adults)”, or a code from the code
        # layout) are English only; the items say which banding it is.
        self._item_field("age", indicator.age_groups, "")
        self._item_field("classif1", indicator.classif1_items, indicator.classif1_name)
        self._item_field("classif2", indicator.classif2_items, indicator.classif2_name)

        if data is not None:
            self.data = _query_values(data, self.fields)

    def _item_field(self, name: str, items: list[str], label: str) -> None:
        if not items:
            del self.fields[name]
            return
        field = self.fields[name]
        field.choices = [(item, item) for item in items]
        field.initial = self._default(name)
        field.label = label or field.label
        field.error_messages["invalid_choice"] = _(
            "“%(value)s” is not one of this indicator's groups. Choose one from "
            "the list."
        )

    def _default(self, name: str) -> str:
        return {
            "age": self.indicator.default_age_group,
            "classif1": self.indicator.default_classif1,
            "classif2": self.indicator.default_classif2,
        }[name]

    def choice(self) -> SeriesChoice | None:
        """The chosen series: from the query string if valid, else the defaults."""
        if self.is_bound:
            if not self.is_valid():
                return None
            values = self.cleaned_data
        else:
            values = {name: field.initial for name, field in self.fields.items()}
        area = self.areas.get(values.get("area"))
        if area is None:
            return None
        return SeriesChoice(
            area=area,
            age_group=values.get("age") or self.indicator.default_age_group,
            classif1=values.get("classif1") or self.indicator.default_classif1,
            classif2=values.get("classif2") or self.indicator.default_classif2,
        )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("ILOSTAT file"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "A CSV file as downloaded from ILOSTAT (label or code layout, or "
            "SDMX-CSV), one indicator per file, named after the indicator's "
            "code, for example EMP_NIFL_SEX_RT_A.csv. At most %(limit)s."
        ) % {"limit": filesizeformat(settings.INDICATOR_UPLOAD_MAX_BYTES)}

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.INDICATOR_UPLOAD_MAX_BYTES
        if PurePath(upload.name).suffix.lower() != ".csv":
            raise forms.ValidationError(
                _("Choose a .csv file; “%(name)s” is not one."),
                code="not_csv",
                params={"name": upload.name},
            )
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is %(size)s; the largest accepted is %(limit)s."),
                code="too_large",
                params={
                    "size": filesizeformat(upload.size),
                    "limit": filesizeformat(limit),
                },
            )
        return upload
