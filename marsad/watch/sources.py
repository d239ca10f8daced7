"""What `marsad watch` was asked to follow: command-line arguments expanded into sources.

A source is one of
* a feed URL (`http://` or `https://`): fetched with a conditional GET each round;
* a directory: every file under it (as `marsad ingest` walks it); a file is new when its path, size or
  modification time is one not seen before, so a changed file is read again;
* a file: a feed file is read item by item, any other file (text, HTML, JSON, JSONL, zip) as one item;
* a list file, named `@FILE` or ending in `.list`: every line is a source (blank lines and lines starting
  with `#` are skipped; relative paths are relative to the list file). List files are read again every
  round, so adding a line to one takes effect without a restart.

`.txt` files are articles, not lists (a plain-text article must never be mistaken for a list of paths),
which is why a list needs the `@` or the `.list` name.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

FEED_URL = "feed-url"
DIRECTORY = "directory"
FILE = "file"
MAX_LIST_DEPTH = 8  # a list may name other lists, but not itself in a loop


@dataclass(frozen=True, slots=True)
class Source:
    """One thing to watch. `name` identifies it in the store (`watch_sources.source`): the URL as given, or
    the absolute path, so a cron job started from another directory finds the same state."""

    kind: str
    name: str


@dataclass(frozen=True, slots=True)
class BadSource:
    """An argument or list line that names nothing watchable (a missing list file, an ftp:// URL)."""

    name: str
    message: str


def is_url(arg: str) -> bool:
    return arg.lower().startswith(("http://", "https://"))


def is_list(arg: str) -> bool:
    """Whether an argument names a list file (`@FILE` or `*.list`)."""
    return arg.startswith("@") or (arg.lower().endswith(".list") and not is_url(arg))


def expand(args: list[str]) -> list[Source | BadSource]:
    """Every source the arguments name, in order, each once; list files are read now (every round)."""
    out: list[Source | BadSource] = []
    seen: set[str] = set()
    for arg in args:
        for item in _expand_one(arg, base=None, depth=0):
            key = item.name
            if key not in seen:
                seen.add(key)
                out.append(item)
    return out


def _expand_one(arg: str, *, base: str | None, depth: int) -> list[Source | BadSource]:
    arg = arg.strip()
    if is_url(arg):
        return [Source(FEED_URL, arg)]
    if "://" in arg:
        return [BadSource(arg, "only http:// and https:// feed URLs can be watched")]
    if is_list(arg):
        path = _local(arg.removeprefix("@"), base)
        if depth >= MAX_LIST_DEPTH:
            return [BadSource(path, f"list files nested more than {MAX_LIST_DEPTH} deep (a list that names itself?)")]
        return _read_list(path, depth)
    path = _local(arg, base)
    if os.path.isdir(path):
        return [Source(DIRECTORY, path)]
    if os.path.exists(path):
        return [Source(FILE, path)]
    return [BadSource(path, "no such file or directory")]


def _local(path: str, base: str | None) -> str:
    path = os.path.expanduser(path)
    if base and not os.path.isabs(path):
        path = os.path.join(base, path)
    return os.path.abspath(path)


def _read_list(path: str, depth: int) -> list[Source | BadSource]:
    try:
        with open(path, encoding="utf-8-sig") as f:
            lines = f.read().splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        return [BadSource(path, f"cannot read the list file ({getattr(exc, 'strerror', None) or exc})")]
    out: list[Source | BadSource] = []
    base = os.path.dirname(path)
    for line in lines:
        line = line.strip()
        if line and not line.startswith("#"):
            out.extend(_expand_one(line, base=base, depth=depth + 1))
    return out
