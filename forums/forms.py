from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from forums.models import BODY_MAX_LENGTH, TITLE_MAX_LENGTH

MARKDOWN_HELP = _(
    "Markdown works: **bold**, *italic*, [a link](https://example.org), and "
    "lists (lines starting with -)."
)


def body_field(label: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=BODY_MAX_LENGTH,
        help_text=MARKDOWN_HELP,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": _("Write something before you send it."),
            "max_length": _(
                "Keep it under %(limit_value)d characters; this has %(show_value)d."
            ),
        },
    )


class ThreadForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=TITLE_MAX_LENGTH,
        help_text=_("A question or a statement that says what the thread is about."),
        error_messages={
            "required": _("Give the thread a title."),
            "max_length": _(
                "Keep the title under %(limit_value)d characters; "
                "this one has %(show_value)d."
            ),
        },
    )
    body = body_field(_("First post"))


class ReplyForm(forms.Form):
    body = body_field(_("Your reply"))
