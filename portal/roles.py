"""The portal's roles: Django groups, created by a migration."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    MEMBER = "member", _("Member")
    MODERATOR = "moderator", _("Moderator")
    FACILITATOR = "facilitator", _("Facilitator")
