from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from portal.models import Agency, User
from portal.roles import Role
from portal.services import RoleError, role_grant


class Command(BaseCommand):
    help = "Give a role (member, moderator, facilitator) to the user with an e-mail."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("role", choices=Role.values)
        parser.add_argument(
            "--agency",
            choices=Agency.values,
            default="",
            help="The agency a moderator or facilitator works for.",
        )

    def handle(self, *args, email, role, agency, **options):
        try:
            user = User.objects.get(email__iexact=email)
        except User.DoesNotExist:
            raise CommandError(f"No user has the e-mail address {email}.") from None
        try:
            role_grant(user=user, role=Role(role), agency=agency)
        except RoleError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"{email} is now a {role}.")
