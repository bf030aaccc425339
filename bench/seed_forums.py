"""Fill the bench database with forums the size the peers were measured on.

    .venv/bin/python bench/seed_forums.py                  # 100,000 posts
    .venv/bin/python bench/seed_forums.py --posts 1000000  # the big run

The shape of /work/shared/PEERS.md: the 10 forums the migrations create (the
script migrates first), 2,000 threads, posts of 60-200 words of Markdown, a
few threads of 2,000+ posts (scaled up with --posts), a few hundred members.
Everything already in the forums is deleted first, so it can be run again.

Rows go in with COPY, in the order they would have been written (post ids
follow time, so a thread's posts lie scattered through the table as in real
use). The counters are set exactly as forums.services would leave them:
forum thread_count, post_count, last_post_at; thread post_count,
last_activity_at, last_poster; post positions 1..n in time order. Bodies come
from a pool of Markdown texts rendered once each with the portal's own
renderer; consecutive posts never share a body, so a page compresses like
real prose rather than like repeats.
"""

from __future__ import annotations

import argparse
import io
import random
import re
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import configure, database_name  # noqa: E402

BATCH_ROWS = 10_000
BENCH_EMAIL = "bench-{:04d}@example.org"
FIRST_NAMES = (
    "Amina Bruno Chen Dalia Emeka Fatima Gustavo Hana Ibrahim Jia Kofi Lucia "
    "Mariam Nikhil Olga Pedro Qiu Rania Sipho Tatiana Umar Valeria Wanjiru "
    "Xavier Yasmin Zainab"
).split()
LAST_NAMES = (
    "Abebe Banda Costa Diallo Eze Fernandes Gupta Haddad Ivanova Jensen Kamau "
    "Li Mensah Nguyen Okafor Perez Qureshi Rahman Silva Tanaka Usman Vargas "
    "Wang Yilmaz Zhou"
).split()
ORGANISATIONS = [
    "Ministry of Trade and Industry",
    "Chamber of Commerce",
    "Women Entrepreneurs Network",
    "National Statistics Office",
    "Rural Traders Cooperative",
    "University Research Centre",
    "Mobile Money Association",
    "",
    "",
    "",
]


@dataclass
class ThreadPlan:
    number: int  # 0-based, in order of creation
    forum_id: int
    title: str
    slug: str
    size: int
    post_times: list[float]
    post_authors: list[int]
    first_body: int


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--threads", type=int, default=2_000)
    parser.add_argument("--users", type=int, default=300)
    parser.add_argument("--bodies", type=int, default=200, help="Markdown pool size")
    parser.add_argument(
        "--big-threads",
        default="",
        help="sizes of the few long threads, comma-separated; default "
        "2000,3000,4000,5000 scaled by posts/100000 when there are more posts",
    )
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()

    url = configure()
    started = time.monotonic()
    big = big_thread_sizes(args.big_threads, args.posts)
    if args.posts < sum(big) + args.threads - len(big):
        sys.exit("Too few posts for that many threads and the long ones.")
    rng = random.Random(args.seed)

    from django.core.management import call_command
    from django.db import connection, transaction

    from forums.models import Forum

    # The schema and the 10 forums (one per theme) come from the migrations.
    call_command("migrate", interactive=False, verbosity=0)
    call_command("createcachetable", verbosity=0)

    forum_ids = list(Forum.objects.order_by("pk").values_list("pk", flat=True))
    if not forum_ids:
        sys.exit("No forums: run `manage.py migrate` on the bench database first.")

    bodies = body_pool(args.bodies, rng)
    say(started, f"rendered {len(bodies)} Markdown bodies")

    with transaction.atomic():
        empty_forums()
        user_ids = users_create(args.users, rng)
        say(started, f"{len(user_ids)} members")
        plans = threads_plan(
            rng,
            threads=args.threads,
            posts=args.posts,
            big=big,
            forum_ids=forum_ids,
            user_ids=user_ids,
            bodies=len(bodies),
        )
        say(started, f"planned {len(plans)} threads")
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
            dropped = constraints_drop(cursor, ["forums_post", "forums_thread"])
            threads_copy(cursor, plans)
            say(started, "threads copied")
            posts_copy(cursor, plans, bodies, started)
            constraints_restore(cursor, dropped)
            say(started, "indexes and constraints rebuilt")
            counters_set(cursor)
            sequences_reset(cursor)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE forums_post")
        cursor.execute("VACUUM ANALYZE forums_thread")
        cursor.execute("VACUUM ANALYZE forums_forum")
        cursor.execute("VACUUM ANALYZE portal_user")
    say(started, "vacuumed and analysed")
    problems = counters_check()
    if problems:
        sys.exit("Counters disagree with the rows:\n" + "\n".join(problems))
    largest = max(plans, key=lambda plan: plan.size)
    print(
        f"Seeded {database_name(url)}: {len(forum_ids)} forums, {len(plans)} "
        f"threads, {args.posts} posts, {len(user_ids)} members; the largest "
        f"thread has {largest.size} posts. Counters check out. "
        f"Elapsed {time.monotonic() - started:.1f} s."
    )


def say(started: float, message: str) -> None:
    print(f"[{time.monotonic() - started:6.1f} s] {message}", flush=True)


def big_thread_sizes(option: str, posts: int) -> list[int]:
    if option:
        return [int(size) for size in option.split(",") if size.strip()]
    scale = max(1.0, posts / 100_000)
    return [int(size * scale) for size in (2_000, 3_000, 4_000, 5_000)]


# Text ------------------------------------------------------------------------


def vocabulary() -> list[str]:
    """Every word of the demo threads, as often as it occurs there.

    Random draws from it compress with gzip about as well as English prose.
    """
    from forums.demo import THREADS

    texts = []
    for _forum, title, _author, body, replies in THREADS:
        texts.extend([title, body])
        texts.extend(reply for _author, reply in replies)
    return re.findall(r"[A-Za-z']+", " ".join(texts))


def sentences(rng: random.Random, words: list[str], count: int) -> list[str]:
    out = []
    remaining = count
    while remaining > 0:
        length = min(remaining, rng.randint(8, 18))
        sentence = " ".join(rng.choice(words) for _ in range(length))
        out.append(sentence[0].upper() + sentence[1:] + ".")
        remaining -= length
    return out


def markdown_body(rng: random.Random, words: list[str], number: int) -> str:
    """60-200 words of Markdown: paragraphs, now and then a list, a quote,
    emphasis or a link, as forum posts have."""
    total = rng.randint(60, 200)
    listed = rng.randint(15, 30) if number % 4 == 1 else 0
    quoted = rng.randint(10, 20) if number % 6 == 2 else 0
    prose = sentences(rng, words, total - listed - quoted)
    if number % 3 == 0:
        at = rng.randrange(len(prose))
        head, _, tail = prose[at].partition(" ")
        prose[at] = f"**{head}** {tail}" if tail else f"**{head}**"
    if number % 5 == 3:
        prose.append(
            f"See [the {rng.choice(words)} note](https://example.org/notes/{number})."
        )
    paragraphs = []
    while prose:
        take = rng.randint(2, 4)
        paragraphs.append(" ".join(prose[:take]))
        prose = prose[take:]
    if quoted:
        paragraphs.insert(0, "> " + " ".join(sentences(rng, words, quoted)))
    if listed:
        items = sentences(rng, words, listed)
        bullets = "\n".join(f"- {item[:-1].lower()};" for item in items)
        paragraphs.insert(min(1, len(paragraphs)), bullets)
    return "\n\n".join(paragraphs)


def copy_escape(value: str) -> str:
    """A value in PostgreSQL's COPY text format."""
    return (
        value.replace("\\", "\\\\")
        .replace("\t", "\\t")
        .replace("\n", "\\n")
        .replace("\r", "\\r")
    )


def body_pool(size: int, rng: random.Random) -> list[tuple[str, str]]:
    """(body, body_html) pairs, each escaped for COPY."""
    from portal.markdown import render_markdown

    words = vocabulary()
    pool = []
    counts = []
    for number in range(size):
        body = markdown_body(rng, words, number)
        counts.append(len(re.findall(r"\w+", body)))
        pool.append((copy_escape(body), copy_escape(render_markdown(body))))
    average = sum(counts) / size
    print(f"Bodies: {min(counts)}-{max(counts)} words, {average:.0f} on average.")
    return pool


def title_make(rng: random.Random, words: list[str]) -> str:
    length = rng.randint(5, 12)
    title = " ".join(rng.choice(words) for _ in range(length))
    return title[0].upper() + title[1:] + rng.choice(["?", "?", "", ": ideas?"])


# People ----------------------------------------------------------------------


def users_create(count: int, rng: random.Random) -> list[int]:
    """Members with a verified address and the member role, in bulk."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group

    from portal.models import User
    from portal.roles import Role

    # One hash for all: hashing is slow by design and nobody signs in here.
    password = make_password("bench-password-not-secret")  # noqa: S106
    users = [
        User(
            email=BENCH_EMAIL.format(number),
            password=password,
            display_name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
            organisation=rng.choice(ORGANISATIONS),
            is_active=True,
        )
        for number in range(count)
    ]
    users = User.objects.bulk_create(users, batch_size=1_000)
    EmailAddress.objects.bulk_create(
        [
            EmailAddress(user=user, email=user.email, verified=True, primary=True)
            for user in users
        ],
        batch_size=1_000,
    )
    group, _created = Group.objects.get_or_create(name=Role.MEMBER)
    membership = User.groups.through
    membership.objects.bulk_create(
        [membership(user_id=user.pk, group_id=group.pk) for user in users],
        batch_size=1_000,
    )
    return [user.pk for user in users]


def empty_forums() -> None:
    from django.db import connection

    from forums.models import Forum
    from portal.models import User

    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE forums_post, forums_thread RESTART IDENTITY")
    Forum.objects.update(thread_count=0, post_count=0, last_post_at=None)
    User.objects.filter(email__startswith="bench-").delete()


# The plan --------------------------------------------------------------------


def thread_sizes(
    rng: random.Random, *, threads: int, posts: int, big: list[int]
) -> list[int]:
    """Posts per thread: the long ones, then a skewed spread summing exactly."""
    ordinary = threads - len(big)
    remaining = posts - sum(big)
    cap = max(1, min(big) // 2) if big else remaining
    weights = [rng.lognormvariate(0, 1.0) for _ in range(ordinary)]
    spare = remaining - ordinary
    scale = spare / sum(weights)
    sizes = [min(cap, 1 + int(weight * scale)) for weight in weights]
    short = remaining - sum(sizes)
    order = list(range(ordinary))
    while short > 0:
        rng.shuffle(order)
        for index in order:
            if short == 0:
                break
            if sizes[index] < cap:
                sizes[index] += 1
                short -= 1
    sizes.extend(big)
    rng.shuffle(sizes)
    return sizes


def threads_plan(
    rng: random.Random,
    *,
    threads: int,
    posts: int,
    big: list[int],
    forum_ids: list[int],
    user_ids: list[int],
    bodies: int,
) -> list[ThreadPlan]:
    """Every thread with its posts' times and authors, oldest thread first."""
    from forums.services import thread_slug

    words = vocabulary()
    now = datetime.now(UTC).timestamp() - 3600
    span = 3 * 365 * 86400
    # Some forums and some people are much busier than others.
    forum_weights = [1 / (rank + 1) ** 0.7 for rank in range(len(forum_ids))]
    user_weights = [1 / (rank + 1) ** 0.8 for rank in range(len(user_ids))]
    plans = []
    sizes = thread_sizes(rng, threads=threads, posts=posts, big=big)
    starts = sorted(now - span + rng.random() * span * 0.95 for _ in sizes)
    for number, (size, start) in enumerate(zip(sizes, starts, strict=True)):
        # Long threads run for a long time; short ones die down in days.
        duration = min(now - start, 86400 * (2 + size * rng.uniform(0.3, 3)))
        times = [start] + sorted(
            start + 1 + rng.random() * duration for _ in range(size - 1)
        )
        authors = rng.choices(user_ids, weights=user_weights, k=size)
        title = title_make(rng, words)
        plans.append(
            ThreadPlan(
                number=number,
                forum_id=rng.choices(forum_ids, weights=forum_weights)[0],
                title=title,
                slug=thread_slug(title),
                size=size,
                post_times=times,
                post_authors=authors,
                first_body=rng.randrange(bodies),
            )
        )
    return plans


def stamp(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%d %H:%M:%S.%f+00")


# Loading ---------------------------------------------------------------------


def constraints_drop(cursor, tables: list[str]) -> list[str]:
    """Drop the foreign keys, unique constraints and plain indexes of the
    tables; return the statements that put them back.

    Loading first and indexing after is several times faster, and deferred
    foreign-key checks would otherwise queue one trigger event per row.
    """
    restore_indexes, restore_constraints, drops = [], [], []
    for table in tables:
        cursor.execute(
            "SELECT conname, pg_get_constraintdef(oid), contype FROM pg_constraint "
            "WHERE conrelid = %s::regclass AND contype IN ('f', 'u') "
            "ORDER BY contype DESC",
            [table],
        )
        for name, definition, _kind in cursor.fetchall():
            drops.append(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
            restore_constraints.append(
                f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}'
            )
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s "
            "AND indexname NOT IN (SELECT conname FROM pg_constraint "
            "WHERE conrelid = %s::regclass)",
            [table, table],
        )
        for name, definition in cursor.fetchall():
            drops.append(f'DROP INDEX "{name}"')
            restore_indexes.append(definition)
    # Checks still pending from the members just inserted would block the
    # ALTER TABLE on their table.
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    for statement in drops:
        cursor.execute(statement)
    # Indexes, then unique constraints, then the foreign keys that check
    # against them (ORDER BY contype DESC puts "u" before "f").
    return restore_indexes + restore_constraints


def constraints_restore(cursor, statements: list[str]) -> None:
    for statement in statements:
        cursor.execute(statement)


def copy_rows(cursor, table: str, columns: str, rows) -> None:
    buffer: list[str] = []
    for row in rows:
        buffer.append(row)
        if len(buffer) >= BATCH_ROWS:
            cursor.copy_expert(
                f"COPY {table} ({columns}) FROM STDIN", io.StringIO("".join(buffer))
            )
            buffer.clear()
    if buffer:
        cursor.copy_expert(
            f"COPY {table} ({columns}) FROM STDIN", io.StringIO("".join(buffer))
        )


def threads_copy(cursor, plans: list[ThreadPlan]) -> None:
    def rows():
        for plan in plans:
            title = copy_escape(plan.title)
            yield (
                f"{plan.number + 1}\t{plan.forum_id}\t{title}\t{plan.slug}\t"
                f"{plan.post_authors[0]}\t{stamp(plan.post_times[0])}\t"
                f"{stamp(plan.post_times[-1])}\t{plan.size}\t"
                f"{plan.post_authors[-1]}\tf\n"
            )

    copy_rows(
        cursor,
        "forums_thread",
        "id, forum_id, title, slug, author_id, created_at, last_activity_at, "
        "post_count, last_poster_id, is_locked",
        rows(),
    )


def posts_copy(cursor, plans: list[ThreadPlan], bodies, started: float) -> None:
    """All posts in time order, so that post ids follow time."""
    order = sorted(
        (moment, plan.number, position)
        for plan in plans
        for position, moment in enumerate(plan.post_times)
    )
    say(started, f"ordered {len(order)} posts by time")
    pool = len(bodies)

    def rows():
        for post_id, (moment, number, position) in enumerate(order, start=1):
            plan = plans[number]
            # Consecutive positions take consecutive bodies: never a repeat
            # within a page.
            body, html = bodies[(plan.first_body + position) % pool]
            created = stamp(moment)
            yield (
                f"{post_id}\t{number + 1}\t{plan.post_authors[position]}\t"
                f"{body}\t{html}\t{position + 1}\t{created}\t{created}\n"
            )

    copy_rows(
        cursor,
        "forums_post",
        "id, thread_id, author_id, body, body_html, position, created_at, updated_at",
        rows(),
    )
    say(started, f"{len(order)} posts copied")


def counters_set(cursor) -> None:
    """The forum counters, from the threads, as the services keep them."""
    cursor.execute(
        "UPDATE forums_forum AS f SET thread_count = t.threads, "
        "post_count = t.posts, last_post_at = t.last "
        "FROM (SELECT forum_id, count(*) AS threads, sum(post_count) AS posts, "
        "max(last_activity_at) AS last FROM forums_thread GROUP BY forum_id) AS t "
        "WHERE t.forum_id = f.id"
    )


def sequences_reset(cursor) -> None:
    for table in ("forums_thread", "forums_post"):
        cursor.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "  # noqa: S608
            f"(SELECT max(id) FROM {table}))"
        )


def counters_check() -> list[str]:
    """Every kept counter against a count of the rows it stands for."""
    from django.db import connection

    checks = {
        "thread post_count, last_activity_at or last_poster": """
            SELECT count(*) FROM forums_thread t JOIN (
                SELECT DISTINCT ON (thread_id) thread_id, position, created_at,
                       author_id, count(*) OVER (PARTITION BY thread_id) AS n
                FROM forums_post ORDER BY thread_id, position DESC
            ) last ON last.thread_id = t.id
            WHERE t.post_count <> last.n OR t.post_count <> last.position
               OR t.last_activity_at <> last.created_at
               OR t.last_poster_id <> last.author_id""",
        "thread author or created_at (post 1)": """
            SELECT count(*) FROM forums_thread t
            JOIN forums_post p ON p.thread_id = t.id AND p.position = 1
            WHERE t.author_id <> p.author_id OR t.created_at <> p.created_at""",
        "forum thread_count, post_count or last_post_at": """
            SELECT count(*) FROM forums_forum f LEFT JOIN (
                SELECT forum_id, count(*) AS threads, sum(post_count) AS posts,
                       max(last_activity_at) AS last
                FROM forums_thread GROUP BY forum_id
            ) t ON t.forum_id = f.id
            WHERE f.thread_count <> coalesce(t.threads, 0)
               OR f.post_count <> coalesce(t.posts, 0)
               OR f.last_post_at IS DISTINCT FROM t.last""",
        "post positions in time order": """
            SELECT count(*) FROM (
                SELECT created_at < lag(created_at) OVER w AS back
                FROM forums_post WINDOW w AS (PARTITION BY thread_id ORDER BY position)
            ) x WHERE back""",
    }
    problems = []
    with connection.cursor() as cursor:
        for what, query in checks.items():
            cursor.execute(query)
            wrong = cursor.fetchone()[0]
            if wrong:
                problems.append(f"{wrong} rows with a wrong {what}")
    return problems


if __name__ == "__main__":
    main()
