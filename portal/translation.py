"""Curated vocabularies translated per language (django-modeltranslation)."""

from __future__ import annotations

from modeltranslation.translator import TranslationOptions, register

from portal.models import ActionLine, StakeholderGroup, Theme


@register(Theme)
class ThemeTranslationOptions(TranslationOptions):
    fields = ("name", "description")


@register(ActionLine)
class ActionLineTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(StakeholderGroup)
class StakeholderGroupTranslationOptions(TranslationOptions):
    fields = ("name",)
