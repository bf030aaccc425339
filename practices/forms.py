"""Forms for submitting and reviewing practices: input only, no rules."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from practices.models import FIRST_YEAR, Practice, ReviewDecision


class PracticeForm(forms.ModelForm):
    countries = forms.MultipleChoiceField(
        label=_("Countries"),
        # A callable, so that the names follow the reader's language.
        choices=lambda: countries,
        help_text=_(
            "The countries where the initiative works. Hold Ctrl (or Cmd) to "
            "choose more than one."
        ),
        error_messages={"required": _("Choose at least one country.")},
    )

    # Addresses typed without a scheme are taken as https.
    website = Practice._meta.get_field("website").formfield(assume_scheme="https")

    class Meta:
        model = Practice
        fields = [
            "title",
            "summary",
            "description",
            "themes",
            "countries",
            "organisation",
            "stakeholder_group",
            "year_started",
            "website",
            "language",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "themes": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "themes": _("Choose every theme of the action line it serves."),
        }
        error_messages = {
            "themes": {"required": _("Choose at least one theme.")},
            "stakeholder_group": {"required": _("Choose a stakeholder group.")},
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        year = self.fields["year_started"].widget.attrs
        year.update({"min": FIRST_YEAR, "max": timezone.now().year})


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (ReviewDecision.APPROVED, _("Approve and publish")),
            (ReviewDecision.REJECTED, _("Do not accept")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether to publish it.")},
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Needed when you do not accept it: the submitter will read it."),
    )

    def clean(self):
        cleaned = super().clean()
        # Publishing sends no reason: a text typed for it would be lost unseen.
        if (
            cleaned.get("decision") == ReviewDecision.APPROVED
            and (cleaned.get("reason") or "").strip()
        ):
            self.add_error(
                "reason",
                _(
                    "A reason is sent only when you do not accept a practice. "
                    "Clear it to publish, or choose “Do not accept”."
                ),
            )
        return cleaned
