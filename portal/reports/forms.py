from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from indicators.models import Area, Indicator
from portal.models import Theme

MAX_DAYS = 366 * 5


class ReportForm(forms.Form):
    """What a facilitator chooses before a meeting: a period, themes, figures."""

    FORMAT_CHOICES = [("pdf", _("PDF document")), ("csv", _("CSV spreadsheet"))]

    start = forms.DateField(
        label=_("From"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("The first day of the period."),
    )
    end = forms.DateField(
        label=_("To"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("The last day of the period, included."),
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave all unticked to cover every theme."),
    )
    indicators = forms.ModelMultipleChoiceField(
        label=_("Indicators"),
        queryset=Indicator.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The latest figures of these indicators close the report."),
    )
    areas = forms.ModelMultipleChoiceField(
        label=_("Countries and areas for the figures"),
        queryset=Area.objects.all(),
        required=False,
        help_text=_("Leave empty for every country with data."),
    )
    format = forms.ChoiceField(
        label=_("Format"),
        choices=FORMAT_CHOICES,
        initial="pdf",
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.fields["start"].initial = today - datetime.timedelta(days=365)
        self.fields["end"].initial = today

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end:
            if end < start:
                self.add_error("end", _("The end date comes before the start date."))
            elif (end - start).days > MAX_DAYS:
                self.add_error("end", _("A report covers at most five years."))
        return cleaned
