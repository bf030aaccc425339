"""Discussion forums: one per sub-theme of the action line."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

TITLE_MAX_LENGTH = 200
BODY_MAX_LENGTH = 20_000
THREADS_PER_PAGE = 25
POSTS_PER_PAGE = 20


class Forum(models.Model):
    """The discussion space of one sub-theme.

    Its name and description are the theme's own, translated there; the
    counters are kept by the services so that lists never count rows.
    """

    theme = models.OneToOneField(
        "portal.Theme",
        verbose_name=_("theme"),
        on_delete=models.PROTECT,
        related_name="forum",
    )
    slug = models.SlugField(_("slug"), unique=True)
    thread_count = models.PositiveIntegerField(_("threads"), default=0)
    post_count = models.PositiveIntegerField(_("posts"), default=0)
    last_post_at = models.DateTimeField(_("last post"), null=True, blank=True)

    class Meta:
        verbose_name = _("forum")
        verbose_name_plural = _("forums")
        ordering = ["theme__position", "slug"]

    def __str__(self) -> str:
        return self.theme.name

    def get_absolute_url(self) -> str:
        return reverse("forums:forum", kwargs={"slug": self.slug})

    @property
    def name(self) -> str:
        return self.theme.name

    @property
    def description(self) -> str:
        return self.theme.description


class Thread(models.Model):
    """A conversation in a forum, opened by its first post."""

    forum = models.ForeignKey(
        Forum,
        verbose_name=_("forum"),
        on_delete=models.CASCADE,
        related_name="threads",
    )
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    slug = models.SlugField(_("slug"), max_length=80)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="forum_threads",
    )
    created_at = models.DateTimeField(_("created"))
    last_activity_at = models.DateTimeField(_("last activity"))
    post_count = models.PositiveIntegerField(_("posts"), default=0)
    last_poster = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last poster"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    is_locked = models.BooleanField(
        _("locked"),
        default=False,
        help_text=_("A locked thread can be read but takes no new replies."),
    )

    class Meta:
        verbose_name = _("thread")
        verbose_name_plural = _("threads")
        ordering = ["-last_activity_at", "-pk"]
        indexes = [
            models.Index(
                fields=["forum", "-last_activity_at"],
                name="forums_thread_forum_activity",
            ),
            models.Index(fields=["-last_activity_at"], name="forums_thread_activity"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("forums:thread", kwargs={"pk": self.pk, "slug": self.slug})

    @property
    def page_count(self) -> int:
        return max(1, -(-self.post_count // POSTS_PER_PAGE))


class Post(models.Model):
    """One message in a thread, written in Markdown and stored rendered."""

    thread = models.ForeignKey(
        Thread,
        verbose_name=_("thread"),
        on_delete=models.CASCADE,
        related_name="posts",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="forum_posts",
    )
    body = models.TextField(_("text"), max_length=BODY_MAX_LENGTH)
    body_html = models.TextField(_("text as HTML"), editable=False)
    position = models.PositiveIntegerField(
        _("position"), help_text=_("1 for the post that opened the thread.")
    )
    created_at = models.DateTimeField(_("created"))
    updated_at = models.DateTimeField(_("updated"))

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        ordering = ["thread_id", "position"]
        constraints = [
            # Also the index that pages through a thread.
            models.UniqueConstraint(
                fields=["thread", "position"], name="forums_post_unique_position"
            ),
            models.CheckConstraint(
                condition=models.Q(position__gte=1),
                name="forums_post_position_from_one",
            ),
        ]

    def __str__(self) -> str:
        return _("Post %(position)s in %(thread)s") % {
            "position": self.position,
            "thread": self.thread_id,
        }

    def get_absolute_url(self) -> str:
        url = self.thread.get_absolute_url()
        page = page_of_position(self.position)
        if page > 1:
            url += "?page=%d" % page
        return url + "#post-%d" % self.pk


def page_of_position(position: int) -> int:
    """The page of its thread on which the post at this position appears."""
    return (position - 1) // POSTS_PER_PAGE + 1
