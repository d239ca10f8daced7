"""The container recipe (Dockerfile, compose.yaml, .dockerignore), checked without Docker or the network.

Nothing is built here: the machines that run the tests have no Docker, and a build needs PyPI. What can
go wrong in a recipe nobody ran is checked instead: an instruction Docker does not know, a COPY of a path
that is not in the build context, a command that is not a real `marsad` command, ports and healthchecks
that point at different places, services that depend on or mount things that do not exist, a database
URL that names another user, host or database than the PostgreSQL service creates.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml  # PyYAML, installed with dask (a dependency of marsad)

from marsad.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]
INSTRUCTIONS = {"FROM", "RUN", "CMD", "LABEL", "MAINTAINER", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT",
                "VOLUME", "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL"}
MARSAD_SERVICES = ("init", "serve", "watch")


def _instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) of the Dockerfile, continuation lines joined, comments dropped."""
    out: list[tuple[str, str]] = []
    pending = ""
    for raw in (ROOT / "Dockerfile").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        pending += line[:-1] + " " if line.endswith("\\") else line
        if line.endswith("\\"):
            continue
        keyword, _, args = pending.partition(" ")
        out.append((keyword, args.strip()))
        pending = ""
    assert not pending, "the Dockerfile ends inside a continued line"
    return out


def _one(instructions: list[tuple[str, str]], keyword: str) -> str:
    found = [args for k, args in instructions if k == keyword]
    assert len(found) == 1, f"expected one {keyword}, found {len(found)}"
    return found[0]


def _parse(argv: list[str]) -> argparse.Namespace:
    """`marsad ARGV` as the command line would read it; a usage error fails the test, not the session."""
    assert argv[0] == "marsad", argv
    try:
        return build_parser().parse_args(argv[1:])
    except SystemExit as exc:
        raise AssertionError(f"not a valid marsad command line: {argv}") from exc


def _compose() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))


def _ignored(path: str) -> bool:
    patterns = [p.strip() for p in (ROOT / ".dockerignore").read_text().splitlines()
                if p.strip() and not p.startswith("#")]
    return any(fnmatch.fnmatch(path, p) or fnmatch.fnmatch(path, p.removeprefix("**/")) for p in patterns)


def test_dockerfile_instructions_are_known_and_ordered() -> None:
    ins = _instructions()
    assert all(k in INSTRUCTIONS for k, _ in ins), [k for k, _ in ins if k not in INSTRUCTIONS]
    assert ins[0] == ("FROM", "python:3.11-slim")
    users = [args for k, args in ins if k == "USER"]
    assert users and users[-1] not in {"root", "0"}, "the server must not run as root"
    keys = [k for k, _ in ins]
    assert keys.index("USER") < keys.index("CMD") and keys.index("RUN") < keys.index("USER")


def test_dockerfile_copies_what_exists_and_is_in_the_context() -> None:
    copies = [args for k, args in _instructions() if k in {"COPY", "ADD"}]
    assert copies
    for args in copies:
        *sources, _dest = [a for a in args.split() if not a.startswith("--")]
        for src in sources:
            assert (ROOT / src).exists(), f"COPY {src}: no such path in the repository"
            assert not _ignored(src), f"COPY {src}: excluded by .dockerignore"
    # the package needs its data files (models, knowledge base, web assets) in the context too
    for data in ("marsad/kb/data/kb.sqlite", "marsad/ner/model", "marsad/web/templates/base.html"):
        assert (ROOT / data).exists() and not _ignored(data)
    for local in (".venv", ".git", "marsad.db", "tests"):
        assert _ignored(local), f"{local} should stay out of the build context"


def test_dockerfile_serves_on_the_exposed_port_and_checks_a_real_endpoint() -> None:
    from marsad.api.routes import router

    ins = _instructions()
    cmd = json.loads(_one(ins, "CMD"))  # exec form: signals reach the server, no shell in between
    args = _parse(cmd)
    assert args.command == "serve" and args.host == "0.0.0.0"
    assert _one(ins, "EXPOSE") == str(args.port)
    check = _one(ins, "HEALTHCHECK")
    url = re.search(r"https?://[^'\"\s]+", check)
    assert url, check
    parts = urlsplit(url.group())
    assert parts.port == args.port and parts.hostname == "127.0.0.1"  # an IP passes serve's Host check
    assert parts.path in {route.path for route in router.routes}, parts.path
    # the default SQLite store lives on the declared volume
    env = " ".join(args for k, args in ins if k == "ENV")
    db = re.search(r"MARSAD_DB=(\S+)", env)
    assert db and any(db.group(1).startswith(v.rstrip("/") + "/") for v in json.loads(_one(ins, "VOLUME")))


def test_compose_services_are_wired_consistently() -> None:
    c = _compose()
    services, volumes = c["services"], c.get("volumes") or {}
    assert {"db", *MARSAD_SERVICES} <= set(services)
    for name, svc in services.items():
        for dep, how in (svc.get("depends_on") or {}).items():
            assert dep in services and how["condition"] in {"service_healthy", "service_completed_successfully"}
            if how["condition"] == "service_healthy":
                assert "test" in services[dep]["healthcheck"], f"{name} waits on {dep}, which has no healthcheck"
        for mount in svc.get("volumes") or []:
            source = mount.split(":")[0]
            if source.startswith((".", "/")):
                assert (ROOT / source).exists(), f"{name} mounts {source}, which is not in the repository"
            else:
                assert source in volumes, f"{name} uses volume {source}, which is not declared"
    for name in MARSAD_SERVICES:
        svc = services[name]
        assert svc["build"] == "." and (ROOT / "Dockerfile").exists()
        assert svc["depends_on"]["db"]["condition"] == "service_healthy"
    assert services["serve"]["depends_on"]["init"]["condition"] == "service_completed_successfully"
    assert services["watch"]["healthcheck"] == {"disable": True}  # the image's check probes the web server


def test_compose_postgres_and_the_store_url_agree() -> None:
    services = _compose()["services"]
    db = services["db"]
    assert db["image"].startswith("postgres:16")
    assert "pg_isready" in db["healthcheck"]["test"]
    assert any(m.endswith(":/var/lib/postgresql/data") for m in db["volumes"])
    env = db["environment"]
    for name in MARSAD_SERVICES:
        menv = services[name]["environment"]
        url = urlsplit(menv["MARSAD_DB"])
        assert url.scheme == "postgresql" and url.hostname == "db" and (url.port or 5432) == 5432
        assert url.username == env["POSTGRES_USER"] and url.path == "/" + env["POSTGRES_DB"]
        assert url.password is None and menv["PGPASSWORD"] == env["POSTGRES_PASSWORD"]  # not in the URL


def test_compose_commands_are_real_marsad_commands() -> None:
    services = _compose()["services"]
    exposed = _one(_instructions(), "EXPOSE")
    serve = _parse(services["serve"]["command"])
    assert serve.command == "serve" and serve.host == "0.0.0.0" and str(serve.port) == exposed
    assert any(p.split(":")[-1] == str(serve.port) for p in services["serve"]["ports"])
    watch = _parse(services["watch"]["command"])
    assert watch.command == "watch" and watch.every == "15m" and not watch.once
    mounted = {m.split(":")[1] for m in services["watch"]["volumes"]}
    for source in watch.sources:
        assert source.removeprefix("@") in mounted, f"watch follows {source}, which is not mounted"
    assert _parse(services["init"]["command"]).command == "analyse"  # creates/migrates the schema


def test_readme_documents_the_recipe() -> None:
    heading = "### Running it as a service (Docker)"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert heading in readme and readme.index(heading) < readme.index("## Pipeline and layout")
    section = readme[readme.index(heading):readme.index("## Pipeline and layout")]
    assert "docker compose" in section and "marsad watch" in section and "MARSAD_PG_PASSWORD" in section
