"""Forum content for tests, written through the services so counters hold."""

from __future__ import annotations

import random
import re

from forums import services
from forums.demo import THREADS
from forums.models import Forum, Thread
from portal.models import User


def _words() -> list[str]:
    # Every word of the demo threads, as often as it occurs there: random
    # draws from it compress with gzip about as well as real English prose.
    texts = []
    for _forum, _title, _author, body, replies in THREADS:
        texts.append(body)
        texts.extend(reply for _author, reply in replies)
    return re.findall(r"[A-Za-z']+", " ".join(texts))


WORDS = _words()


def forum_get(slug: str = "gender") -> Forum:
    return Forum.objects.select_related("theme").get(slug=slug)


def text(words: int, *, seed: int) -> str:
    """Filler as varied as prose, different for every seed."""
    rng = random.Random(seed)
    sentences = []
    remaining = words
    while remaining > 0:
        length = min(remaining, rng.randint(8, 18))
        sentence = " ".join(rng.choice(WORDS) for _ in range(length))
        sentences.append(sentence.capitalize() + ".")
        remaining -= length
    return " ".join(sentences)


def thread_make(
    *,
    forum: Forum,
    author: User,
    posts: int = 1,
    title: str = "How do rural agents keep enough cash?",
    words: int = 30,
    repliers: list[User] | None = None,
) -> Thread:
    """A thread of `posts` posts, the replies by `repliers` in turn."""
    thread = services.thread_create(
        forum=forum, author=author, title=title, body=text(words, seed=0)
    )
    repliers = repliers or [author]
    for number in range(1, posts):
        services.post_create(
            thread=thread,
            author=repliers[number % len(repliers)],
            body=text(words, seed=number),
        )
    return thread
