"""The practices database: initiatives on e-business and e-employment."""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, URLValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from portal.models import Agency

FIRST_YEAR = 1970


def language_choices() -> list[tuple[str, str]]:
    """The portal's languages, read when asked so settings are not read at import."""
    return list(settings.LANGUAGES)


def validate_country_code(value: str) -> None:
    if value not in countries:
        raise ValidationError(
            _("%(code)s is not a country code."), params={"code": value}
        )


def validate_year_not_in_future(value: int) -> None:
    this_year = timezone.now().year
    if value > this_year:
        raise ValidationError(
            _("The year cannot be later than %(year)s."), params={"year": this_year}
        )


class PracticeStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for a moderator")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Not accepted")


class PracticeQuerySet(models.QuerySet["Practice"]):
    def published(self) -> PracticeQuerySet:
        return self.filter(status=PracticeStatus.PUBLISHED)

    def pending(self) -> PracticeQuerySet:
        return self.filter(status=PracticeStatus.PENDING)


class Practice(models.Model):
    """An initiative that others can learn from, submitted by a member.

    It becomes public once a moderator of one of the facilitating agencies
    approves it.
    """

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True, editable=False)
    summary = models.CharField(
        _("summary"),
        max_length=300,
        help_text=_("One or two plain sentences, shown in lists (300 characters)."),
    )
    description = models.TextField(
        _("description"),
        help_text=_(
            "What the initiative does, for whom, and what others can learn from "
            "it. You can use Markdown."
        ),
    )
    description_html = models.TextField(
        _("description as HTML"), blank=True, editable=False
    )
    themes = models.ManyToManyField(
        "portal.Theme", verbose_name=_("themes"), related_name="practices"
    )
    countries = ArrayField(
        models.CharField(max_length=2, validators=[validate_country_code]),
        verbose_name=_("countries"),
        help_text=_("The countries where the initiative works."),
    )
    organisation = models.CharField(
        _("organisation"),
        max_length=200,
        help_text=_("The organisation that runs the initiative."),
    )
    stakeholder_group = models.ForeignKey(
        "portal.StakeholderGroup",
        verbose_name=_("stakeholder group"),
        on_delete=models.PROTECT,
        related_name="practices",
        help_text=_("The kind of organisation that runs the initiative."),
    )
    year_started = models.PositiveSmallIntegerField(
        _("year started"),
        validators=[
            MinValueValidator(
                FIRST_YEAR, _("The year cannot be earlier than %(limit_value)s.")
            ),
            validate_year_not_in_future,
        ],
    )
    website = models.URLField(
        _("website"),
        max_length=500,
        blank=True,
        # A link readers can open in a browser: no ftp:, no file:.
        validators=[URLValidator(schemes=["http", "https"])],
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=language_choices,
        default="en",
        help_text=_("The language this description is written in."),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=PracticeStatus.choices,
        default=PracticeStatus.PENDING,
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.PROTECT,
        related_name="practices",
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    search_vector = SearchVectorField(_("search vector"), null=True, editable=False)

    objects = PracticeQuerySet.as_manager()

    class Meta:
        verbose_name = _("practice")
        verbose_name_plural = _("practices")
        ordering = ["-published_at", "-created_at"]
        indexes = [
            GinIndex(fields=["search_vector"], name="practice_search_gin"),
            GinIndex(fields=["countries"], name="practice_countries_gin"),
            models.Index(
                fields=["status", "-published_at"], name="practice_status_published"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(year_started__gte=FIRST_YEAR),
                name="practice_year_started_from_1970",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=PracticeStatus.values),
                name="practice_status_known",
            ),
            models.CheckConstraint(
                condition=~models.Q(status=PracticeStatus.PUBLISHED)
                | models.Q(published_at__isnull=False),
                name="practice_published_has_date",
            ),
            models.CheckConstraint(
                condition=~models.Q(countries=[]),
                name="practice_has_a_country",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("practices:detail", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        return self.status == PracticeStatus.PUBLISHED

    @property
    def is_pending(self) -> bool:
        return self.status == PracticeStatus.PENDING

    @property
    def country_pairs(self) -> list[tuple[str, str]]:
        """Codes and names in the reader's language, in the order given."""
        return [(code, str(countries.name(code))) for code in self.countries]

    @property
    def country_names(self) -> list[str]:
        return [name for _code, name in self.country_pairs]


class ReviewDecision(models.TextChoices):
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class PracticeReview(models.Model):
    """A moderator's decision on a submitted practice, kept as a record.

    The agency is copied from the moderator at the time, so the record stays
    true if the moderator later moves or loses the role.
    """

    practice = models.ForeignKey(
        Practice,
        verbose_name=_("practice"),
        on_delete=models.CASCADE,
        related_name="reviews",
    )
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderator"),
        on_delete=models.PROTECT,
        related_name="practice_reviews",
    )
    decision = models.CharField(
        _("decision"), max_length=10, choices=ReviewDecision.choices
    )
    reason = models.TextField(_("reason"), blank=True)
    agency = models.CharField(
        _("agency"), max_length=10, choices=Agency.choices, blank=True
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("practice review")
        verbose_name_plural = _("practice reviews")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(decision__in=ReviewDecision.values),
                name="practice_review_decision_known",
            ),
            models.CheckConstraint(
                condition=~models.Q(decision=ReviewDecision.REJECTED)
                | ~models.Q(reason=""),
                name="practice_review_rejection_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return "%s: %s" % (self.practice, self.get_decision_display())
