"""What a first visit to a page costs on the wire, measured as a browser sees it.

The HTML comes through the test client; the stylesheets, scripts and images it
links are read from the static files and compressed the way WhiteNoise serves
them (Brotli where the browser accepts it, as every current browser does).
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass, field

import brotli
from django.conf import settings
from django.contrib.staticfiles import finders

ASSET_PATTERN = re.compile(
    r'<(?:link[^>]+rel="(?:stylesheet|icon)"[^>]*href'
    r"|script[^>]+src"
    r'|img[^>]+src)="([^"]+)"'
)


@dataclass
class Weight:
    html: int = 0
    css: int = 0
    js: int = 0
    images: int = 0
    requests: int = 0
    assets: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.html + self.css + self.js + self.images


def compressed(content: bytes) -> int:
    return min(len(brotli.compress(content)), len(gzip.compress(content)))


def page_weight(client, url: str) -> Weight:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    html = response.content
    weight = Weight(html=compressed(html), requests=1)
    for src in ASSET_PATTERN.findall(html.decode()):
        path = src.split("?")[0]
        weight.requests += 1
        weight.assets.append(path)
        if path.startswith(settings.STATIC_URL):
            found = finders.find(path.removeprefix(settings.STATIC_URL))
            assert found, f"{url} links a missing static file {path}"
            with open(found, "rb") as handle:
                size = compressed(handle.read())
        else:
            asset = client.get(path)
            assert asset.status_code == 200, (url, path, asset.status_code)
            size = compressed(asset.content)
        if path.endswith(".css"):
            weight.css += size
        elif path.endswith(".js"):
            weight.js += size
        else:
            weight.images += size
    return weight
