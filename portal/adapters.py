"""How allauth creates accounts and writes its e-mails here."""

from __future__ import annotations

from types import SimpleNamespace

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.auth.models import Group
from django.contrib.sites.shortcuts import get_current_site
from django.utils.translation import gettext

from portal.roles import Role


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        """Every new account is a member."""
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            group, _created = Group.objects.get_or_create(name=Role.MEMBER)
            user.groups.add(group)
        return user

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Sign the e-mails with the portal's name rather than its host name.

        Without django.contrib.sites allauth names the site after the request's
        host, so people got "Hello from 127.0.0.1:8000!".
        """
        site = get_current_site(allauth_context.request)
        portal = SimpleNamespace(
            name=gettext("WSIS action line portal"), domain=site.domain
        )
        super().send_mail(template_prefix, email, {"current_site": portal, **context})

    def format_email_subject(self, subject: str) -> str:
        return f"[{gettext('WSIS action line portal')}] {subject}"
