"""Accounts and the taxonomy that every part of the portal shares."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField


class Agency(models.TextChoices):
    """The three organisations that facilitate the action line."""

    UNCTAD = "unctad", "UNCTAD"
    ILO = "ilo", "ILO"
    ITC = "itc", "ITC"


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **fields) -> User:
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **fields) -> User:
        fields.setdefault("is_staff", False)
        fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **fields)

    def create_superuser(self, email: str, password: str | None = None, **fields):
        fields.setdefault("is_staff", True)
        fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **fields)


class User(AbstractUser):
    """A person with an account: signs in with an e-mail address.

    The profile lives on the user row itself, so that showing an author's name
    and organisation never costs a join.
    """

    username = None  # type: ignore[assignment]
    email = models.EmailField(_("e-mail address"), unique=True)
    display_name = models.CharField(_("display name"), max_length=100, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    stakeholder_group = models.ForeignKey(
        "portal.StakeholderGroup",
        verbose_name=_("stakeholder group"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    country = CountryField(_("country"), blank=True)
    agency = models.CharField(
        _("agency"),
        max_length=10,
        choices=Agency.choices,
        blank=True,
        help_text=_("For moderators and facilitators: the agency they work for."),
    )

    objects = UserManager()  # type: ignore[misc]

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self) -> str:
        return self.public_name

    @property
    def public_name(self) -> str:
        """The name shown beside what the user writes; never the e-mail."""
        if self.display_name:
            return self.display_name
        full = self.get_full_name()
        return full or _("Member %(id)s") % {"id": self.pk}


class Theme(models.Model):
    """A sub-theme of the action line: a theme for action of the 2006 meeting."""

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["position", "slug"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("practices:list") + f"?theme={self.slug}"


class ActionLine(models.Model):
    """One of the eleven WSIS action lines, C1 to C11."""

    code = models.CharField(_("code"), max_length=4, unique=True)
    name = models.CharField(_("name"), max_length=200)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("WSIS action line")
        verbose_name_plural = _("WSIS action lines")
        ordering = ["position"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class StakeholderGroup(models.Model):
    """A WSIS stakeholder group: government, private sector, and so on."""

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=100)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("stakeholder group")
        verbose_name_plural = _("stakeholder groups")
        ordering = ["position"]

    def __str__(self) -> str:
        return self.name
