"""Find a PostgreSQL server, make sure the portal's database exists, print its URL.

The order: DATABASE_URL if set; the local server on 127.0.0.1:5432; its Unix
socket; and last, a private cluster under var/ started with initdb and pg_ctl
from the installed PostgreSQL binaries. Progress goes to stderr, the URL alone
to stdout, so that a shell can capture it.
"""

from __future__ import annotations

import getpass
import glob
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

import psycopg2
from psycopg2 import sql

ROOT = Path(__file__).resolve().parent.parent
PRIVATE_DIR = ROOT / "var" / "postgres"
PRIVATE_PORT = 5433
DB_NAME = os.environ.get("PORTAL_DB_NAME", "portal")


def say(message: str) -> None:
    print(message, file=sys.stderr)


def can_connect(url: str) -> bool:
    try:
        psycopg2.connect(url, connect_timeout=3).close()
    except psycopg2.OperationalError:
        return False
    return True


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + quote(name)))


def ensure_database(url: str) -> None:
    name = urlsplit(url).path.lstrip("/") or DB_NAME
    conn = psycopg2.connect(with_database(url, "postgres"), connect_timeout=5)
    conn.autocommit = True
    with conn.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            say(f"Creating database {name}.")
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    conn.close()


def postgres_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def as_postgres(command: list[str]) -> list[str]:
    """initdb and the server refuse to run as root: drop to the postgres user."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


def start_private_cluster() -> str | None:
    initdb, pg_ctl = postgres_bin("initdb"), postgres_bin("pg_ctl")
    if not (initdb and pg_ctl):
        return None
    data = PRIVATE_DIR / "data"
    socket_dir = PRIVATE_DIR / "socket"
    socket_dir.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        subprocess.run(["chown", "-R", "postgres", str(PRIVATE_DIR)], check=True)
    user = "postgres" if os.geteuid() == 0 else getpass.getuser()
    if not (data / "PG_VERSION").exists():
        say(f"Creating a private PostgreSQL cluster in {data}.")
        subprocess.run(
            as_postgres(
                [initdb, "-D", str(data), "-U", user, "--auth=trust", "-E", "UTF8"]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )
    url = f"postgres://{user}@127.0.0.1:{PRIVATE_PORT}/{DB_NAME}"
    if not can_connect(with_database(url, "postgres")):
        say(f"Starting the private cluster on port {PRIVATE_PORT}.")
        options = f"-p {PRIVATE_PORT} -k {socket_dir} -c listen_addresses=127.0.0.1"
        subprocess.run(
            as_postgres(
                [
                    pg_ctl,
                    "-D",
                    str(data),
                    "-l",
                    str(PRIVATE_DIR / "server.log"),
                    "-o",
                    options,
                    "start",
                ]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        for _attempt in range(30):
            if can_connect(with_database(url, "postgres")):
                break
            time.sleep(0.5)
    return url


def find_server() -> str:
    if os.environ.get("DATABASE_URL"):
        return os.environ["DATABASE_URL"]
    for candidate in (
        f"postgres://postgres@127.0.0.1:5432/{DB_NAME}",
        f"postgres://{quote(getpass.getuser())}@127.0.0.1:5432/{DB_NAME}",
        f"postgres://postgres@%2Fvar%2Frun%2Fpostgresql/{DB_NAME}",
    ):
        if can_connect(with_database(candidate, "postgres")):
            return candidate
    url = start_private_cluster()
    if url:
        return url
    say(
        "No PostgreSQL server answered and no PostgreSQL binaries were found.\n"
        "Install PostgreSQL (apt-get install postgresql) or set DATABASE_URL."
    )
    sys.exit(1)


def main() -> None:
    url = find_server()
    ensure_database(url)
    print(url)


if __name__ == "__main__":
    main()
