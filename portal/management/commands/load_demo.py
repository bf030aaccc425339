from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from forums import demo as forums_demo
from indicators import demo as indicators_demo
from portal import demo as portal_demo
from practices import demo as practices_demo


class Command(BaseCommand):
    help = (
        "Load the demo content: accounts for each role, real initiatives, forum "
        "threads and ILOSTAT indicator files. Safe to run again."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "The demo content has known passwords: it loads only with DEBUG on."
            )
        users = portal_demo.load_accounts()
        practices_demo.load(stdout=self.stdout)
        forums_demo.load(stdout=self.stdout)
        indicators_demo.load(stdout=self.stdout)

        self.stdout.write("")
        self.stdout.write("Demo accounts (password: %s):" % portal_demo.DEMO_PASSWORD)
        for user in users:
            roles = ", ".join(sorted(user.groups.values_list("name", flat=True)))
            agency = f" ({user.get_agency_display()})" if user.agency else ""
            self.stdout.write(f"  {user.email:32} {roles}{agency}")
