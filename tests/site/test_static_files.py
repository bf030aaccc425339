"""Static files are served with hashed names, compressed, and cached for a year."""

from __future__ import annotations

from django.core.management import call_command
from django.test import Client
from django.test.utils import override_settings
from django.urls import reverse

PRODUCTION_STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}


def test_collected_static_files_are_hashed_compressed_and_cached_for_a_year(
    tmp_path, db
):
    with override_settings(
        STATIC_ROOT=tmp_path,
        STORAGES=PRODUCTION_STORAGES,
        WHITENOISE_USE_FINDERS=False,
        WHITENOISE_AUTOREFRESH=False,
    ):
        call_command("collectstatic", interactive=False, verbosity=0)
        # WhiteNoise reads the collected files when its middleware is built.
        client = Client()
        page = client.get(reverse("portal:home")).content.decode()
        stylesheet = page.split('rel="stylesheet" href="', 1)[1].split('"', 1)[0]

        response = client.get(stylesheet, HTTP_ACCEPT_ENCODING="br, gzip")

    assert stylesheet.startswith("/static/css/portal.") and stylesheet != (
        "/static/css/portal.css"
    )
    assert response.status_code == 200
    assert response["Content-Encoding"] == "br"
    assert "max-age=31536000" in response["Cache-Control"]
    assert "immutable" in response["Cache-Control"]
    assert (tmp_path / "css" / "portal.css.br").exists()
