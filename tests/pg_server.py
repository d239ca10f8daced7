"""A throwaway PostgreSQL server for the tests: initdb'd into a temp dir, started, and removed afterwards.

Tests must run against a real server (the PostgreSQL backend's SQL translation, full-text search and
locking are what is under test), but CI machines and laptops have no database running. The Debian
packages ship the binaries without starting anything we could use, so the session fixture makes its own
cluster: trust authentication, TCP on 127.0.0.1 at a free port plus a unix socket inside the temp dir,
and durability switched off (a test cluster is deleted at the end anyway, and fsync per commit would
make every CREATE DATABASE cost a second).

PostgreSQL refuses to run as root, so as root the binaries run as the `postgres` user the Debian package
creates (or `nobody`), through `runuser`, on a temp dir chowned to that user.

Set MARSAD_TEST_PG_URL=postgresql://user@host:port/db to use an existing server instead: each test
then gets a fresh database created on it.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

SETTINGS = {
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "200",
    "shared_buffers": "64MB",
    "log_min_messages": "warning",
}


class PgUnavailable(RuntimeError):
    """No PostgreSQL binaries, or the server would not start; the message says what to install or check."""


def find_bindir() -> Path:
    """The newest installed PostgreSQL's bin dir (Debian layout), else wherever `initdb` is on PATH."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).resolve().parent
    raise PgUnavailable("PostgreSQL is not installed (no initdb in /usr/lib/postgresql/*/bin or on PATH); "
                        "install it with `apt-get install postgresql`")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _run_as() -> str | None:
    """The unprivileged account to run the server as when we are root (None: run as ourselves)."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            pwd.getpwnam(name)
            return name
    raise PgUnavailable("running as root and there is neither a `postgres` nor a `nobody` user to run PostgreSQL as")


@dataclass
class PgServer:
    """One running throwaway cluster; `url(db)` addresses a database on it, `create_db()` makes one."""

    host: str
    port: int
    user: str
    root: Path | None = None  # temp dir holding the cluster (None: an external server)
    bindir: Path | None = None
    run_as: str | None = None
    base_url: str | None = None  # an external server's URL (its credentials and options are kept)
    _dbs: list[str] = field(default_factory=list)

    @classmethod
    def start(cls) -> PgServer:
        """initdb a cluster in a fresh temp dir and start it; raises PgUnavailable with the log on failure."""
        bindir = find_bindir()
        run_as = _run_as()
        root = Path(tempfile.mkdtemp(prefix="marsad-pg-"))
        data, sock = root / "data", root / "sock"
        sock.mkdir()
        if run_as:
            pw = pwd.getpwnam(run_as)
            for p in (root, sock):
                os.chown(p, pw.pw_uid, pw.pw_gid)
        user = run_as or pwd.getpwuid(os.geteuid()).pw_name
        server = cls("127.0.0.1", 0, user, root, bindir, run_as)
        try:
            server._cmd("initdb", "-D", str(data), "-U", user, "--auth=trust", "--encoding=UTF8",
                        "--locale=C.UTF-8", "--no-sync")
            last = ""
            for _ in range(5):  # a free port can be taken between probing and binding it
                server.port = _free_port()
                opts = " ".join(f"-c {k}={v}" for k, v in SETTINGS.items())
                try:
                    server._cmd("pg_ctl", "-D", str(data), "-l", str(root / "server.log"), "-w", "-t", "60",
                                "-o", f"-p {server.port} -k {sock} -c listen_addresses=127.0.0.1 {opts}", "start")
                    break
                except PgUnavailable as exc:
                    last = str(exc)
            else:
                raise PgUnavailable(last)
        except BaseException:
            server.stop()
            raise
        return server

    @classmethod
    def external(cls, url: str) -> PgServer:
        """An existing server given as a URL (its credentials must allow CREATE DATABASE)."""
        from psycopg.conninfo import conninfo_to_dict

        d = conninfo_to_dict(url)
        return cls(str(d.get("host") or "127.0.0.1"), int(d.get("port") or 5432), str(d.get("user") or "postgres"),
                   base_url=url)

    def _cmd(self, tool: str, *args: str) -> None:
        assert self.bindir is not None
        cmd = [str(self.bindir / tool), *args]
        if self.run_as:
            cmd = ["runuser", "-u", self.run_as, "--", *cmd]
        p = subprocess.run(cmd, capture_output=True, text=True, cwd="/")
        if p.returncode != 0:
            log = ""
            if self.root and (self.root / "server.log").exists():
                log = (self.root / "server.log").read_text(errors="replace")[-2000:]
            raise PgUnavailable(f"{tool} failed ({p.returncode}): {p.stderr.strip()[-2000:]}\n{log}".strip())

    def url(self, db: str = "postgres") -> str:
        if self.base_url:
            return urlunsplit(urlsplit(self.base_url)._replace(path=f"/{db}"))
        return f"postgresql://{self.user}@{self.host}:{self.port}/{db}"

    def create_db(self, prefix: str = "t") -> str:
        """A new empty database; returns its URL."""
        import psycopg

        name = f"{prefix}_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.url(), autocommit=True) as c:
            try:
                # a linguistic default collation (unlike the cluster's C locale), as most real databases
                # have: a column that forgot COLLATE "C" then sorts differently and the tests notice
                c.execute(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'UTF8\''
                          " LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'")
            except psycopg.Error:  # PostgreSQL < 15, or built without ICU
                c.execute(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'UTF8\'')
        self._dbs.append(name)
        return self.url(name)

    def drop_db(self, url: str) -> None:
        """Drop a database made by `create_db`, disconnecting whoever is still on it."""
        import psycopg

        name = url.rsplit("/", 1)[-1]
        with psycopg.connect(self.url(), autocommit=True) as c:
            c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if name in self._dbs:
            self._dbs.remove(name)

    def stop(self) -> None:
        """Stop the server (immediate: nothing in it is worth a clean shutdown) and delete the cluster."""
        if self.root is None:
            for name in list(self._dbs):
                with contextlib.suppress(Exception):
                    self.drop_db(self.url(name))
            return
        data = self.root / "data"
        if (data / "postmaster.pid").exists():
            with contextlib.suppress(PgUnavailable):
                self._cmd("pg_ctl", "-D", str(data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)
        self.root = None

