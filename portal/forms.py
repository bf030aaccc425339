from __future__ import annotations

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from portal.models import StakeholderGroup, User

PROFILE_FIELDS = ("display_name", "organisation", "stakeholder_group", "country")


class ProfileFieldsMixin(forms.Form):
    display_name = forms.CharField(
        label=_("Display name"),
        max_length=100,
        help_text=_("Shown beside what you write. Your e-mail is never shown."),
    )
    organisation = forms.CharField(label=_("Organisation"), max_length=200)
    stakeholder_group = forms.ModelChoiceField(
        label=_("Stakeholder group"), queryset=StakeholderGroup.objects.all()
    )
    country = LazyTypedChoiceField(
        label=_("Country"),
        # A callable, so that the names follow the reader's language.
        choices=lambda: [("", "---------"), *countries],
        required=False,
    )


class SignupForm(ProfileFieldsMixin, AllauthSignupForm):
    """Sign-up asks for the profile at once, so every member has one."""

    def save(self, request):
        user = super().save(request)
        for name in PROFILE_FIELDS:
            setattr(user, name, self.cleaned_data[name])
        user.save(update_fields=list(PROFILE_FIELDS))
        return user


class ProfileForm(forms.ModelForm):
    """The same profile that sign-up asks for, and as complete."""

    class Meta:
        model = User
        fields = PROFILE_FIELDS
        labels = {
            "display_name": _("Display name"),
            "organisation": _("Organisation"),
            "stakeholder_group": _("Stakeholder group"),
            "country": _("Country"),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name in ("display_name", "organisation", "stakeholder_group"):
            self.fields[name].required = True
