from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from portal.models import User
from portal.roles import Role
from portal.services import role_revoke


class Command(BaseCommand):
    help = "Take a role away from the user with an e-mail."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("role", choices=Role.values)

    def handle(self, *args, email, role, **options):
        try:
            user = User.objects.get(email__iexact=email)
        except User.DoesNotExist:
            raise CommandError(f"No user has the e-mail address {email}.") from None
        role_revoke(user=user, role=Role(role))
        self.stdout.write(f"{email} is no longer a {role}.")
