"""One forum for each sub-theme of the action line, sharing the theme's slug."""

from django.db import migrations


def create_forums(apps, schema_editor):
    Theme = apps.get_model("portal", "Theme")
    Forum = apps.get_model("forums", "Forum")
    for theme in Theme.objects.all():
        Forum.objects.get_or_create(theme=theme, defaults={"slug": theme.slug})


def delete_forums(apps, schema_editor):
    # Threads and posts go with their forums: the schema is being rolled back.
    apps.get_model("forums", "Forum").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("forums", "0001_forums_threads_posts"),
        ("portal", "0004_taxonomy"),
    ]

    operations = [migrations.RunPython(create_forums, delete_forums)]
