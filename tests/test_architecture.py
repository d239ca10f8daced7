"""The layout's rules, checked on the source: data flows one way and every room stays small.

A domain package (text, ner, kb, dates, quotes, events, ingest) holds the logic of one job and must be
usable without the pipeline, the store or a front-end; the store must not depend on how documents are
annotated; and no module may import, even lazily inside a function, a module that imports it back. These
rules are what keep the CLI, the API and the pipeline from growing their own copies of one another.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent / "marsad"

DOMAIN = {"text", "ner", "kb", "dates", "quotes", "events", "ingest"}
FRONT = {"annotate", "cli", "api", "store", "corpus", "scale", "export", "loading", "web", "watch", "alerts"}
FORBIDDEN: dict[str, set[str]] = {d: FRONT for d in DOMAIN}
FORBIDDEN["store"] = {"annotate", "cli", "api", "scale", "loading", "alerts"}
FORBIDDEN["annotate"] = {"cli", "api", "store", "corpus", "scale", "loading"}
FORBIDDEN["corpus"] = {"annotate", "cli", "api", "scale", "loading"}
FORBIDDEN["export"] = {"cli", "api", "annotate", "scale", "loading"}

MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 80
REASON = "Kept whole:"  # a docstring that says why a long module or function stays one piece


def _modules() -> dict[str, Path]:
    mods: dict[str, Path] = {}
    for p in ROOT.rglob("*.py"):
        parts = list(p.relative_to(ROOT.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        mods[".".join(parts)] = p
    return mods


MODULES = _modules()


def _target(name: str) -> str | None:
    """The known module an import names: the longest dotted prefix that is a module of the package."""
    while name:
        if name in MODULES:
            return name
        name = name.rpartition(".")[0]
    return None


def _imports(mod: str, path: Path) -> set[str]:
    is_pkg = path.name == "__init__.py"
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = mod.split(".") if is_pkg else mod.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                stem = ".".join(base + ([node.module] if node.module else []))
            else:
                stem = node.module or ""
            names = [f"{stem}.{a.name}" for a in node.names] or [stem]
        for n in names:
            if n.startswith("marsad"):
                t = _target(n)
                if t and t != mod:
                    out.add(t)
    return out


GRAPH = {m: _imports(m, p) for m, p in MODULES.items()}


def _package(mod: str) -> str:
    parts = mod.split(".")
    return parts[1] if len(parts) > 1 else ""


def _cycles() -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in GRAPH:
        if root in index:
            continue
        work = [(root, iter(sorted(GRAPH[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on.add(root)
        while work:
            v, it = work[-1]
            for w in it:
                if w not in index:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on.add(w)
                    work.append((w, iter(sorted(GRAPH.get(w, ())))))
                    break
                if w in on:
                    low[v] = min(low[v], index[w])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[v])
                if low[v] == index[v]:
                    comp = []
                    while True:
                        w = stack.pop()
                        on.discard(w)
                        comp.append(w)
                        if w == v:
                            break
                    if len(comp) > 1:
                        found.append(sorted(comp))
    return found


def test_no_import_cycles() -> None:
    assert _cycles() == []


def test_imports_follow_the_data_flow() -> None:
    bad = sorted(
        f"{a} -> {b}"
        for a, targets in GRAPH.items()
        for b in targets
        if _package(b) in FORBIDDEN.get(_package(a), set()) and _package(a) != _package(b)
    )
    assert bad == []


def test_the_checker_sees_a_cycle() -> None:
    """The walk itself is tested: a graph with a known cycle must be reported."""
    saved = dict(GRAPH)
    try:
        GRAPH["marsad.x_a"] = {"marsad.x_b"}
        GRAPH["marsad.x_b"] = {"marsad.x_a"}
        assert ["marsad.x_a", "marsad.x_b"] in _cycles()
    finally:
        GRAPH.clear()
        GRAPH.update(saved)


def _long_functions(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            n = (node.end_lineno or node.lineno) - node.lineno + 1
            if n > MAX_FUNCTION_LINES and REASON not in (ast.get_docstring(node) or ""):
                out.append(f"{path.relative_to(ROOT.parent)}:{node.lineno} {node.name} ({n} lines)")
    return out


@pytest.mark.parametrize("mod", sorted(MODULES))
def test_rooms_stay_small(mod: str) -> None:
    path = MODULES[mod]
    text = path.read_text(encoding="utf-8")
    lines = text.count("\n") + 1
    problems = _long_functions(path)
    if lines > MAX_MODULE_LINES and REASON not in (ast.get_docstring(ast.parse(text)) or ""):
        problems.append(f"{mod}: {lines} lines")
    if problems:
        pytest.fail("; ".join(problems), pytrace=False)
