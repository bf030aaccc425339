"""Measure the forum pages as an anonymous reader, against the peers' figures.

    .venv/bin/python bench/run.py [--workers 5] [--duration 20] [--requests 300]

Runs on the database bench/seed_forums.py filled (DATABASE_URL, portal_bench
by default) with the real settings, DEBUG off. Steps, each bounded:

1. SQL queries per page, counted in this process with the test client and
   CaptureQueriesContext (not over HTTP).
2. gunicorn (portal.wsgi, --workers, sync workers as the peers ran) on a free
   loopback port, static files from WhiteNoise after collectstatic.
3. First-visit weight of each forum page type over HTTP: the HTML, then every
   stylesheet, script, icon and image it links and every url() in those
   stylesheets, each asked for with Accept-Encoding: br, gzip as a browser
   does. HTML is also reported gzipped (level 6) and Brotli-compressed, since
   the app itself sends it uncompressed and a front server would compress it.
4. Latency, sequential and warm: median and p95 of the thread page.
5. Throughput with 16 connections for a bounded time, the thread page and
   /healthz (a trivial Django view: one SELECT 1 and a small JSON answer)
   in alternating rounds of the same run, and their ratio.
6. Database writes per anonymous page view: pg_stat_user_tables tuple
   counters before and after a batch of page views, on a fresh gunicorn
   whose exit flushes every backend's statistics.

Loopback only; every loop stops after a fixed count or time. Results go to
bench/results/<date>T<HHMM>_<posts>posts.json; a table against PEERS.md is printed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import brotli

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import RESULTS_DIR, ROOT, configure, database_name  # noqa: E402

HOST = "127.0.0.1"
# What PEERS.md asks of this forum.
TARGETS = {
    "first_load_kb": 50,
    "js_kb": 15,
    "thread_html_kb": 8,
    "queries": {"index": 4, "forum": 5, "thread": 6},
    "p95_ms": 30,
    "throughput_rps": 45 * 1.5,
    "ratio": 0.3,
    "writes_per_view": 0,
}
ASSET = re.compile(
    r"<(?:link[^>]+rel=\"(?:stylesheet|icon|preload|modulepreload)\"[^>]*href"
    r"|script[^>]+src|img[^>]+src)=\"([^\"]+)\""
)
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
POST_ARTICLE = re.compile(rb'<article class="post')


# A small HTTP/1.1 client --------------------------------------------------------


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes
    seconds: float


class Connection:
    """One loopback HTTP/1.1 connection, reused while the server keeps it.

    Written on sockets rather than http.client to keep the client's own CPU
    small: on two cores it competes with the server it measures.
    """

    def __init__(self, port: int) -> None:
        self.port = port
        self.sock: socket.socket | None = None
        self.buffer = b""

    def close(self) -> None:
        if self.sock is not None:
            self.sock.close()
            self.sock = None
        self.buffer = b""

    def get(self, path: str, headers: dict[str, str] | None = None) -> Response:
        lines = [f"GET {path} HTTP/1.1", f"Host: {HOST}:{self.port}"]
        lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
        request = ("\r\n".join(lines) + "\r\n\r\n").encode()
        started = time.perf_counter()
        for attempt in range(2):
            fresh = self.sock is None
            if fresh:
                self.sock = socket.create_connection((HOST, self.port), timeout=30)
                self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            try:
                self.sock.sendall(request)
                status, head, body, close = self._read()
                break
            except (TimeoutError, ConnectionError, ValueError):
                self.close()
                # A kept connection may have been closed by the server in
                # between; a fresh one failing is a real failure.
                if fresh or attempt:
                    raise
        if close:
            self.close()
        return Response(status, head, body, time.perf_counter() - started)

    def _fill(self) -> None:
        chunk = self.sock.recv(65536)
        if not chunk:
            raise ConnectionError("closed by the server")
        self.buffer += chunk

    def _read(self) -> tuple[int, dict[str, str], bytes, bool]:
        while b"\r\n\r\n" not in self.buffer:
            self._fill()
        head, _, self.buffer = self.buffer.partition(b"\r\n\r\n")
        status_line, *header_lines = head.decode("latin-1").split("\r\n")
        status = int(status_line.split()[1])
        headers: dict[str, str] = {}
        for line in header_lines:
            name, _, value = line.partition(":")
            name = name.strip().lower()
            value = value.strip()
            # Cookies stay one to a line: their dates contain commas.
            joint = "\n" if name == "set-cookie" else ", "
            headers[name] = headers[name] + joint + value if name in headers else value
        close = headers.get("connection", "").lower() == "close"
        if "content-length" in headers:
            length = int(headers["content-length"])
            while len(self.buffer) < length:
                self._fill()
            body, self.buffer = self.buffer[:length], self.buffer[length:]
        elif headers.get("transfer-encoding", "").lower() == "chunked":
            body = self._read_chunked()
        else:
            try:
                while True:
                    self._fill()
            except ConnectionError:
                pass
            body, self.buffer, close = self.buffer, b"", True
        return status, headers, body, close

    def _read_chunked(self) -> bytes:
        body = b""
        while True:
            while b"\r\n" not in self.buffer:
                self._fill()
            size_line, _, self.buffer = self.buffer.partition(b"\r\n")
            size = int(size_line.split(b";")[0], 16)
            while len(self.buffer) < size + 2:
                self._fill()
            body += self.buffer[:size]
            self.buffer = self.buffer[size + 2 :]
            if size == 0:
                return body


# The server -----------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def process_cpu(pid: int) -> float:
    """Seconds of CPU (user + system) a process has used, from /proc."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            fields = handle.read().rpartition(")")[2].split()
    except OSError:
        return 0.0
    # utime and stime: fields 14 and 15 of stat, 12 and 13 after the name.
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                parent = int(handle.read().rpartition(")")[2].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        if parent == pid:
            found.append(int(entry))
    return found


def backend_pids(database_url: str) -> list[int]:
    """The PostgreSQL backends connected to the bench database, but this one."""
    import psycopg2

    conn = psycopg2.connect(database_url)
    with conn.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
            "AND backend_type = 'client backend' AND pid <> pg_backend_pid()"
        )
        pids = [row[0] for row in cursor.fetchall()]
    conn.close()
    return pids


class CpuMeter:
    """CPU used by gunicorn's workers and their database backends.

    Less blurred by other work on the machine than wall-clock time: it counts
    what serving the requests cost, not how long they waited for a core.
    """

    def __init__(self, server: Server, database_url: str) -> None:
        self.server = server
        self.database_url = database_url

    def read(self) -> dict[str, dict[int, float]]:
        workers = children(self.server.process.pid)
        return {
            "app": {pid: process_cpu(pid) for pid in workers},
            "db": {pid: process_cpu(pid) for pid in backend_pids(self.database_url)},
        }

    @staticmethod
    def spent(before: dict, after: dict) -> dict[str, float]:
        return {
            side: sum(
                used - before[side].get(pid, 0.0) for pid, used in after[side].items()
            )
            for side in after
        }


class Server:
    """gunicorn serving portal.wsgi on a loopback port, stopped by its pid."""

    def __init__(self, workers: int, log_dir: Path) -> None:
        self.workers = workers
        self.port = free_port()
        self.log = log_dir / f"gunicorn-{self.port}.log"
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> Server:
        command = [
            str(Path(sys.executable).parent / "gunicorn"),
            "portal.wsgi",
            "--bind",
            f"{HOST}:{self.port}",
            "--workers",
            str(self.workers),
            "--error-logfile",
            str(self.log),
            "--log-level",
            "warning",
        ]
        # Database connections are kept for the whole run rather than renewed
        # each minute, so that the CPU of their backends can be counted; a
        # reconnection a minute costs nothing measurable.
        environment = {**os.environ, "DATABASE_CONN_MAX_AGE": "600"}
        self.process = subprocess.Popen(  # noqa: S603
            command, cwd=ROOT, env=environment
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn stopped; see {self.log}")
            try:
                if Connection(self.port).get("/healthz").status == 200:
                    return self
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("gunicorn did not answer within 60 s")

    def __exit__(self, *exc) -> None:
        self.stop()

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


# Measures -----------------------------------------------------------------------


@dataclass
class Targets:
    index: str
    forum: str
    forum_last: str
    thread_first: str
    thread_middle: str
    thread_last: str
    largest_posts: int
    typical: list[str] = field(default_factory=list)

    def pages(self) -> dict[str, str]:
        return {
            "index": self.index,
            "forum": self.forum,
            "forum (last page)": self.forum_last,
            "thread (first page of largest)": self.thread_first,
            "thread (middle page of largest)": self.thread_middle,
            "thread (last page of largest)": self.thread_last,
            "thread (first page, typical)": self.typical[0],
        }


def targets_find(sample: int) -> Targets:
    """The pages to measure: the largest thread's first, middle and last page,
    the busiest forum, and a fixed sample of ordinary threads' first pages."""
    import random

    from forums.models import Forum, Thread

    forum = Forum.objects.order_by("-thread_count").first()
    largest = Thread.objects.order_by("-post_count", "pk").first()
    if forum is None or largest is None:
        sys.exit("No forum content: run bench/seed_forums.py first.")
    pages = largest.page_count
    forum_pages = max(1, -(-forum.thread_count // 25))
    url = largest.get_absolute_url()
    # Threads that fill their first page, so each request shows 20 posts.
    ordinary = list(
        Thread.objects.filter(post_count__gte=20, post_count__lt=largest.post_count)
        .order_by("pk")
        .values_list("pk", "slug")
    )
    chosen = random.Random(7).sample(ordinary, min(sample, len(ordinary)))
    return Targets(
        index="/forums/",
        forum=forum.get_absolute_url(),
        forum_last=f"{forum.get_absolute_url()}?page={forum_pages}",
        thread_first=url,
        thread_middle=f"{url}?page={pages // 2}",
        thread_last=f"{url}?page={pages}",
        largest_posts=largest.post_count,
        typical=[f"/forums/threads/{pk}/{slug}/" for pk, slug in chosen],
    )


def queries_count(targets: Targets) -> dict[str, dict]:
    """SQL statements per page for an anonymous reader, in this process."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(SERVER_NAME="localhost")
    counted = {}
    for name, url in targets.pages().items():
        client.get(url)  # warm: first-use caches would count otherwise
        runs = []
        # Three times: the count must not vary, and the least SQL time of the
        # three is the one least blurred by other work on the machine.
        for _run in range(3):
            with CaptureQueriesContext(connection) as captured:
                response = client.get(url)
            if response.status_code != 200:
                raise RuntimeError(f"{url} answered {response.status_code}")
            runs.append(list(captured))
        if len({len(run) for run in runs}) != 1:
            raise RuntimeError(f"{url}: query count varies: {[len(r) for r in runs]}")
        fastest = min(runs, key=lambda run: sum(float(q["time"]) for q in run))
        counted[name] = {
            "url": url,
            "queries": len(fastest),
            "sql_ms": round(sum(float(q["time"]) for q in fastest) * 1000, 2),
            "posts_shown": len(POST_ARTICLE.findall(response.content)),
            "statements": [
                {"ms": round(float(q["time"]) * 1000, 2), "sql": q["sql"][:400]}
                for q in fastest
            ],
        }
    connection.close()
    return counted


def render_times(targets: Targets, repeat: int) -> dict[str, dict]:
    """Milliseconds per page through the whole Django stack, in this process:
    no HTTP, no gunicorn, one request at a time."""
    from django.db import connection
    from django.test import Client

    client = Client(SERVER_NAME="localhost")
    pages = {**targets.pages(), "healthz": "/healthz"}
    times = {}
    for name, url in pages.items():
        client.get(url)
        spent = []
        for _number in range(repeat):
            started = time.perf_counter()
            client.get(url)
            spent.append(time.perf_counter() - started)
        times[name] = {
            "median": round(statistics.median(spent) * 1000, 2),
            "min": round(min(spent) * 1000, 2),
        }
    connection.close()
    return times


def thread_content() -> dict:
    """The first page of the largest thread without the page around it: how
    much of its compressed weight is the 20 posts' own text."""
    from forums.models import Post, Thread

    thread = Thread.objects.order_by("-post_count", "pk").first()
    rows = list(
        Post.objects.filter(thread=thread, position__lte=20)
        .order_by("position")
        .values_list("body", "body_html")
    )
    html = "\n".join(body_html for _body, body_html in rows).encode()
    return {
        "posts": len(rows),
        "words": sum(len(re.findall(r"\w+", body)) for body, _html in rows),
        "bodies_html_raw": len(html),
        "bodies_html_gzip6": len(gzip.compress(html, compresslevel=6)),
    }


def compressed(content: bytes) -> dict[str, int]:
    return {
        "raw": len(content),
        "gzip6": len(gzip.compress(content, compresslevel=6)),
        "brotli": len(brotli.compress(content)),
    }


BROWSER = {"Accept-Encoding": "br, gzip", "Accept": "text/html,*/*"}


def first_load(port: int, url: str) -> dict:
    """What a first visit to a page costs on the wire, asset by asset."""
    connection = Connection(port)
    page = connection.get(url, BROWSER)
    if page.status != 200:
        raise RuntimeError(f"{url} answered {page.status}")
    html = page.body
    sizes = compressed(html)
    html_sent_encoded = page.headers.get("content-encoding", "")
    # What reaches the reader: as sent if the app compressed it, otherwise
    # gzip level 6 as a front server would apply.
    html_wire = len(html) if html_sent_encoded else sizes["gzip6"]
    assets, seen = [], set()
    queue = [urljoin(url, src) for src in ASSET.findall(html.decode())]
    while queue:
        asset_url = queue.pop(0)
        path = urlsplit(asset_url).path
        if path in seen or urlsplit(asset_url).netloc:
            continue
        seen.add(path)
        answer = connection.get(path, BROWSER)
        if answer.status != 200:
            raise RuntimeError(f"{url} links {path}, which answered {answer.status}")
        encoding = answer.headers.get("content-encoding", "")
        if path.endswith(".css"):
            text = answer.body
            if encoding == "br":
                text = brotli.decompress(text)
            elif encoding == "gzip":
                text = gzip.decompress(text)
            queue += [
                urljoin(path, ref)
                for ref in CSS_URL.findall(text.decode())
                if not ref.startswith("data:")
            ]
        kind = (
            "css"
            if path.endswith(".css")
            else "js"
            if path.endswith((".js", ".mjs"))
            else "font"
            if path.endswith((".woff", ".woff2", ".ttf", ".otf", ".eot"))
            else "image"
        )
        assets.append(
            {
                "path": path,
                "kind": kind,
                "bytes": len(answer.body),
                "encoding": encoding,
                "cache_control": answer.headers.get("cache-control", ""),
            }
        )
    connection.close()
    by_kind = {
        kind: sum(a["bytes"] for a in assets if a["kind"] == kind)
        for kind in ("css", "js", "font", "image")
    }
    return {
        "url": url,
        "html": sizes,
        "html_sent_encoding": html_sent_encoded or "none",
        "html_wire": html_wire,
        "posts_shown": len(POST_ARTICLE.findall(html)),
        "assets": assets,
        "by_kind": by_kind,
        "requests": 1 + len(assets),
        "total": html_wire + sum(by_kind.values()),
        "cookies_set": [
            cookie.split("=")[0]
            for cookie in page.headers.get("set-cookie", "").splitlines()
        ],
        "vary": page.headers.get("vary", ""),
        "cache_control": page.headers.get("cache-control", ""),
    }


def html_sizes(port: int, urls: list[str]) -> dict:
    """Compressed HTML of many pages of the same kind: one page's words can
    run long or short, the median over many cannot."""
    connection = Connection(port)
    gzipped, brotlied, posts = [], [], []
    for url in urls:
        page = connection.get(url, BROWSER)
        if page.status != 200:
            raise RuntimeError(f"{url} answered {page.status}")
        sizes = compressed(page.body)
        gzipped.append(sizes["gzip6"])
        brotlied.append(sizes["brotli"])
        posts.append(len(POST_ARTICLE.findall(page.body)))
    connection.close()
    return {
        "pages": len(urls),
        "posts_per_page": sorted(set(posts)),
        "gzip6": {
            "median": statistics.median(gzipped),
            "min": min(gzipped),
            "max": max(gzipped),
        },
        "brotli": {"median": statistics.median(brotlied)},
    }


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def summary_ms(seconds: list[float]) -> dict[str, float]:
    ms = [s * 1000 for s in seconds]
    return {
        "count": len(ms),
        "median": round(statistics.median(ms), 2),
        "p95": round(percentile(ms, 0.95), 2),
        "p99": round(percentile(ms, 0.99), 2),
        "max": round(max(ms), 2),
    }


def sequential(port: int, urls: list[str], count: int) -> dict:
    """`count` requests one after another, cycling through the URLs."""
    connection = Connection(port)
    times = []
    for number in range(count):
        response = connection.get(urls[number % len(urls)])
        if response.status != 200:
            raise RuntimeError(f"{urls[number % len(urls)]}: {response.status}")
        times.append(response.seconds)
    connection.close()
    return summary_ms(times)


def load(
    port: int,
    urls: list[str],
    *,
    connections: int,
    seconds: float,
    meter: CpuMeter | None = None,
) -> dict:
    """As many requests as `connections` clients get through in `seconds`."""
    barrier = threading.Barrier(connections + 1)
    results: list[list[float]] = [[] for _ in range(connections)]
    errors: list[str] = []
    stop_at = [0.0]

    def client(slot: int) -> None:
        connection = Connection(port)
        times = results[slot]
        number = slot
        barrier.wait()
        while time.perf_counter() < stop_at[0]:
            url = urls[number % len(urls)]
            number += connections
            try:
                response = connection.get(url)
            except OSError as error:
                errors.append(f"{url}: {error}")
                continue
            if response.status != 200:
                errors.append(f"{url}: {response.status}")
            elif time.perf_counter() <= stop_at[0]:
                times.append(response.seconds)
        connection.close()

    workers = [
        threading.Thread(target=client, args=(slot,), daemon=True)
        for slot in range(connections)
    ]
    for worker in workers:
        worker.start()
    server_before = meter.read() if meter else None
    cpu_before = time.process_time()
    started = time.perf_counter()
    stop_at[0] = started + seconds
    barrier.wait()
    for worker in workers:
        worker.join(timeout=seconds + 60)
    elapsed = time.perf_counter() - started
    client_cpu = time.process_time() - cpu_before
    times = [t for slot in results for t in slot]
    if errors:
        raise RuntimeError(f"{len(errors)} failed requests, e.g. {errors[:3]}")
    out = {
        "requests": len(times),
        "seconds": round(elapsed, 2),
        "rps": len(times) / seconds,
        "latency_ms": summary_ms(times) if times else {},
        "client_cpu_share": round(client_cpu / elapsed, 3),
    }
    if meter and times:
        spent = CpuMeter.spent(server_before, meter.read())
        # Requests finished after the deadline also used CPU; count them too.
        served = len(times) + connections
        out["server_cpu_ms_per_request"] = {
            side: round(used * 1000 / served, 3) for side, used in spent.items()
        }
    return out


def throughput(
    port: int,
    targets: Targets,
    *,
    connections: int,
    duration: float,
    rounds: int,
    meter: CpuMeter,
) -> dict:
    """The thread page and /healthz in alternating rounds, then the ratio."""
    slices = {"thread": [], "healthz": []}
    urls = {"thread": targets.typical, "healthz": ["/healthz"]}
    for _round in range(rounds):
        for name in ("thread", "healthz"):
            slices[name].append(
                load(
                    port,
                    urls[name],
                    connections=connections,
                    seconds=duration / rounds,
                    meter=meter,
                )
            )
    out = {}
    for name, parts in slices.items():
        requests = sum(part["requests"] for part in parts)
        cpu = {
            side: round(
                sum(
                    part["server_cpu_ms_per_request"][side] * part["requests"]
                    for part in parts
                )
                / requests,
                3,
            )
            for side in ("app", "db")
        }
        out[name] = {
            "rps": round(requests / duration, 1),
            "requests": requests,
            "server_cpu_ms_per_request": cpu,
            "rounds": parts,
        }
    out["ratio"] = round(out["thread"]["rps"] / out["healthz"]["rps"], 3)

    def total(name: str) -> float:
        return sum(out[name]["server_cpu_ms_per_request"].values())

    # What the ratio would be if serving were all that used the cores.
    out["cpu_ratio"] = round(total("healthz") / total("thread"), 3)
    out["cpu_bound_rps_on_cpus"] = round(
        (os.cpu_count() or 1) * 1000 / total("thread"), 1
    )
    return out


def table_writes(database_url: str) -> dict[str, int]:
    import psycopg2

    conn = psycopg2.connect(database_url)
    conn.autocommit = True
    with conn.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute(
            "SELECT relname, n_tup_ins + n_tup_upd + n_tup_del FROM pg_stat_user_tables"
        )
        counts = dict(cursor.fetchall())
        cursor.execute("SELECT count(*) FROM django_session")
        counts["(rows in django_session)"] = cursor.fetchone()[0]
    conn.close()
    return counts


def writes_per_view(
    database_url: str, workers: int, log_dir: Path, urls: list[str], views: int
) -> dict:
    """Tuples written while anonymous readers look at pages.

    Each backend flushes its statistics when it exits, so the counters are
    read with no server running, before and after a server that served the
    batch.
    """
    time.sleep(1)
    before = table_writes(database_url)
    cookies = set()
    with Server(workers, log_dir) as server:
        connection = Connection(server.port)
        for number in range(views):
            response = connection.get(urls[number % len(urls)], BROWSER)
            if response.status != 200:
                raise RuntimeError(f"{urls[number % len(urls)]}: {response.status}")
            for cookie in response.headers.get("set-cookie", "").splitlines():
                cookies.add(cookie.split("=")[0])
        connection.close()
    time.sleep(1)
    after = table_writes(database_url)
    changed = {
        name: after[name] - before.get(name, 0)
        for name in after
        if after[name] != before.get(name, 0)
    }
    written = sum(v for k, v in changed.items() if not k.startswith("("))
    return {
        "views": views,
        "tuples_written": written,
        "per_view": round(written / views, 3),
        "by_table": changed,
        "cookies_set": sorted(cookies),
    }


# Report ---------------------------------------------------------------------------


def verdict(ok: bool) -> str:
    return "yes" if ok else "NO"


def report(results: dict) -> str:
    q = results["queries"]
    loads = results["first_load"]
    lat = results["latency"]["thread (typical, first page)"]
    thr = results["throughput"]
    writes = results["writes"]
    thread_html = loads["thread (first page of largest)"]
    many = results["thread_html"]
    biggest = max(loads.values(), key=lambda page: page["total"])
    js = max(page["by_kind"]["js"] for page in loads.values())
    counts = "{} / {} / {}".format(
        q["index"]["queries"],
        q["forum"]["queries"],
        max(q[name]["queries"] for name in q if name.startswith("thread")),
    )
    flat = len({q[name]["queries"] for name in q if name.startswith("thread")}) == 1
    rows = [
        (
            "first load, compressed (largest page type)",
            f"{biggest['total'] / 1024:.1f} KB in {biggest['requests']} requests",
            "~218 KB / 9",
            "~179 KB / 5",
            "<= 50 KB",
            verdict(biggest["total"] <= TARGETS["first_load_kb"] * 1024),
        ),
        (
            "JavaScript, compressed",
            f"{js / 1024:.1f} KB",
            "53.8 KB",
            "41.9 KB",
            "<= 15 KB",
            verdict(js <= TARGETS["js_kb"] * 1024),
        ),
        (
            "thread page HTML, gzip -6, median of "
            f"{many['pages']} pages of {'/'.join(map(str, many['posts_per_page']))}",
            f"{many['gzip6']['median'] / 1024:.1f} KB "
            f"(sent {thread_html['html_sent_encoding']})",
            "7.1 KB/15",
            "8.7 KB/20",
            "<= 8 KB/20",
            verdict(many["gzip6"]["median"] <= TARGETS["thread_html_kb"] * 1024),
        ),
        (
            "SQL queries: index / forum / thread",
            counts + (" (flat)" if flat else " (NOT flat)"),
            "20 / 15 / 16",
            "4 / 5 / 7",
            "<= 4 / 5 / 6",
            verdict(
                flat
                and q["index"]["queries"] <= 4
                and q["forum"]["queries"] <= 5
                and all(
                    q[name]["queries"] <= 6 for name in q if name.startswith("thread")
                )
            ),
        ),
        (
            "thread page, median / p95",
            f"{lat['median']:.1f} / {lat['p95']:.1f} ms",
            "62.5 / 80.8",
            "36.2 / 42.7",
            "p95 <= 30 ms",
            verdict(lat["p95"] <= TARGETS["p95_ms"]),
        ),
        (
            f"thread page throughput, {results['settings']['connections']} conns",
            f"{thr['thread']['rps']:.0f} req/s",
            "~32",
            "~45",
            ">= 67.5",
            verdict(thr["thread"]["rps"] >= TARGETS["throughput_rps"]),
        ),
        (
            "thread page / trivial view (/healthz)",
            f"{thr['ratio']:.2f}",
            "0.14-0.18",
            "0.19-0.21",
            ">= 0.3",
            verdict(thr["ratio"] >= TARGETS["ratio"]),
        ),
        (
            "DB writes per anonymous page view",
            f"{writes['per_view']:g}",
            "session + count",
            "a count",
            "none",
            verdict(writes["tuples_written"] == 0),
        ),
    ]
    header = ("measure", "ours", "machina", "Spirit", "target", "met")
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(6)]
    lines = [" | ".join(str(c).ljust(w) for c, w in zip(header, widths, strict=True))]
    lines.append("-+-".join("-" * w for w in widths))
    lines += [
        " | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True))
        for row in rows
    ]
    content = results["thread_content"]
    cpu = thr["thread"]["server_cpu_ms_per_request"]
    healthz_cpu = thr["healthz"]["server_cpu_ms_per_request"]
    last = results["latency"]["thread (last page of largest)"]
    renders = results["in_process_ms"]
    machine = results["machine"]
    lines += [
        "",
        "Details less blurred by other work on the machine:",
        "- thread page, in process (Django alone, no HTTP): "
        f"{renders['thread (first page, typical)']['median']:.1f} ms median; "
        f"/healthz {renders['healthz']['median']:.1f} ms",
        f"- server CPU per request (gunicorn worker + PostgreSQL backend): "
        f"thread {cpu['app']:.1f} + {cpu['db']:.1f} ms, /healthz "
        f"{healthz_cpu['app']:.1f} + {healthz_cpu['db']:.1f} ms; CPU ratio "
        f"{thr['cpu_ratio']:.2f}, so at most "
        f"{thr['cpu_bound_rps_on_cpus']:.0f} thread pages/s on "
        f"{machine['cpus']} idle cores",
        f"- thread page HTML: gzip -6 {many['gzip6']['min'] / 1024:.1f}-"
        f"{many['gzip6']['max'] / 1024:.1f} KB over {many['pages']} pages, "
        f"Brotli median {many['brotli']['median'] / 1024:.1f} KB; on page 1 of "
        f"the largest thread the {content['posts']} posts' own text "
        f"({content['words']} words) gzips to "
        f"{content['bodies_html_gzip6'] / 1024:.1f} KB of the page's "
        f"{thread_html['html']['gzip6'] / 1024:.1f} KB",
        "- cookies set for an anonymous reader: "
        + (", ".join(writes["cookies_set"]) or "none")
        + "; HTML Vary: "
        + (thread_html["vary"] or "none"),
        f"- last page of the largest thread ({results['data']['largest']} posts): "
        f"{last['median']:.1f} / {last['p95']:.1f} ms median / p95, its post "
        f"query {q['thread (last page of largest)']['sql_ms']:.1f} ms vs "
        f"{q['thread (first page of largest)']['sql_ms']:.1f} ms on page 1",
        f"- load average {machine['load_average_at_start'][0]:.1f} at start, "
        f"{machine['load_average_at_end'][0]:.1f} at end, on "
        f"{machine['cpus']} cores",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workers", type=int, default=5)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument(
        "--duration", type=float, default=20, help="seconds of load per page kind"
    )
    parser.add_argument("--rounds", type=int, default=2, help="alternations")
    parser.add_argument("--requests", type=int, default=300, help="sequential")
    parser.add_argument("--views", type=int, default=200, help="for the writes")
    parser.add_argument("--sample", type=int, default=50, help="typical threads")
    parser.add_argument("--skip-collectstatic", action="store_true")
    parser.add_argument(
        "--quiet-wait",
        type=float,
        default=0,
        help="wait up to this many seconds for the one-minute load average to "
        "fall below 1 before measuring (other work on 2 cores blurs timings)",
    )
    args = parser.parse_args()
    if not (0 < args.duration <= 120 and 0 < args.requests <= 5000):
        sys.exit("--duration is at most 120 s and --requests at most 5000.")

    database_url = configure()
    quiet_until = time.monotonic() + min(args.quiet_wait, 1800)
    while os.getloadavg()[0] >= 1 and time.monotonic() < quiet_until:
        time.sleep(5)
    started = time.monotonic()
    from django.core.management import call_command
    from django.db import connection

    from forums.models import Post, Thread

    def say(message: str) -> None:
        print(f"[{time.monotonic() - started:6.1f} s] {message}", flush=True)

    if not args.skip_collectstatic:
        call_command("collectstatic", interactive=False, verbosity=0)
        say("collected static files")
    call_command("createcachetable", verbosity=0)

    targets = targets_find(args.sample)
    posts = Post.objects.count()
    threads = Thread.objects.count()
    say(f"{threads} threads, {posts} posts; largest thread {targets.largest_posts}")
    queries = queries_count(targets)
    say("queries: " + ", ".join(f"{k} {v['queries']}" for k, v in queries.items()))
    rendering = render_times(targets, repeat=20)
    say(
        "in-process: "
        + ", ".join(f"{k} {v['median']} ms" for k, v in rendering.items())
    )
    content = thread_content()
    connection.close()

    results: dict = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "load_average_at_start": os.getloadavg(),
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "data": {"threads": threads, "posts": posts, "largest": targets.largest_posts},
        "settings": {
            "workers": args.workers,
            "worker_class": "sync",
            "connections": args.connections,
            "duration_s": args.duration,
            "rounds": args.rounds,
            "sequential_requests": args.requests,
            "database": database_name(database_url),
            "debug": False,
            "trivial_view": "/healthz (one SELECT 1, JSON answer)",
        },
        "queries": queries,
        "in_process_ms": rendering,
        "thread_content": content,
    }
    with tempfile.TemporaryDirectory(prefix="bench-") as log_dir:
        logs = Path(log_dir)
        with Server(args.workers, logs) as server:
            say(f"gunicorn on port {server.port} with {args.workers} workers")
            load(server.port, targets.typical + ["/healthz"], connections=8, seconds=3)
            say("warmed up")
            results["first_load"] = {
                name: first_load(server.port, url)
                for name, url in {
                    "index": targets.index,
                    "forum": targets.forum,
                    "thread (first page of largest)": targets.thread_first,
                    "thread (typical, first page)": targets.typical[0],
                }.items()
            }
            results["thread_html"] = html_sizes(server.port, targets.typical)
            say("first-load weights measured")
            results["latency"] = {
                "thread (typical, first page)": sequential(
                    server.port, targets.typical, args.requests
                ),
                "thread (last page of largest)": sequential(
                    server.port, [targets.thread_last], args.requests
                ),
                "forum (first page)": sequential(
                    server.port, [targets.forum], args.requests // 3
                ),
                "index": sequential(server.port, [targets.index], args.requests // 3),
                "healthz": sequential(server.port, ["/healthz"], args.requests),
            }
            say("sequential latency measured")
            meter = CpuMeter(server, database_url)
            results["throughput"] = throughput(
                server.port,
                targets,
                connections=args.connections,
                duration=args.duration,
                rounds=args.rounds,
                meter=meter,
            )
            results["throughput"]["thread (last page of largest)"] = load(
                server.port,
                [targets.thread_last],
                connections=args.connections,
                seconds=args.duration / 2,
                meter=meter,
            )
            say(
                "throughput: thread {} req/s, healthz {} req/s".format(
                    results["throughput"]["thread"]["rps"],
                    results["throughput"]["healthz"]["rps"],
                )
            )
        mixed = [
            targets.index,
            targets.forum,
            targets.forum_last,
            targets.thread_first,
            targets.thread_middle,
            targets.thread_last,
            *targets.typical[:14],
        ]
        results["writes"] = writes_per_view(
            database_url, args.workers, logs, mixed, args.views
        )
        say(f"writes: {results['writes']['tuples_written']} tuples")
        errors = [
            line
            for log in logs.glob("*.log")
            for line in log.read_text().splitlines()
            if "ERROR" in line or "Traceback" in line
        ]
        results["server_errors"] = errors[:20]

    results["machine"]["load_average_at_end"] = os.getloadavg()
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H%M")
    out = RESULTS_DIR / f"{stamp}_{posts}posts.json"
    out.write_text(json.dumps(results, indent=2) + "\n")
    print()
    print(report(results))
    print()
    ratio_note = results["throughput"]["healthz"]["rps"]
    print(
        f"Trivial view: /healthz ({ratio_note} req/s in the same run). "
        f"Results: {out.relative_to(ROOT)}. Elapsed "
        f"{time.monotonic() - started:.0f} s."
    )
    if errors:
        print(f"gunicorn logged {len(errors)} error lines; see the results file.")


if __name__ == "__main__":
    main()
