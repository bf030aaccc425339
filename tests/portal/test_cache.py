"""The shared cache that allauth's rate limits and the forums' need."""

from __future__ import annotations

import socket

import pytest
from django.core.cache.backends.redis import RedisCache


def redis_answers() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


@pytest.mark.skipif(not redis_answers(), reason="no Redis server on 127.0.0.1:6379")
def test_the_redis_cache_that_make_run_chooses_works_with_the_pinned_client():
    cache = RedisCache("redis://127.0.0.1:6379/15", {"KEY_PREFIX": "portal-test"})

    cache.set("greeting", {"fr": "bonjour"}, timeout=5)

    assert cache.get("greeting") == {"fr": "bonjour"}
    cache.delete("greeting")
