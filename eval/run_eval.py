"""`make eval`: every extractor's evaluation on data held out from its development, in one run.

Each step is a separate script (so it can be run alone) and its output is printed as is. Steps whose
data or component is missing are reported as skipped, never silently passed.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def steps(shared: str) -> list[tuple[str, list[str]]]:
    py = sys.executable
    marsad = str(Path(py).with_name("marsad"))
    return [
        ("gold seeds: entities, links, quotes, events, dates, boilerplate (shared scorer)",
         [py, os.path.join(shared, "tools", "score_annotations.py"), "--cmd", marsad, "--verbose"]),
        ("NER: ANERcorp held-out dev split", [py, str(ROOT / "eval/ner/eval_ner.py"), "--shared", shared]),
        ("quotes: gold seeds + own SaudiNewsNet set", [py, str(ROOT / "eval/quotes/eval_quotes.py"), "--speed"]),
        ("dates: gold seeds + own SaudiNewsNet set", [py, str(ROOT / "eval/dates/eval_dates.py")]),
        ("events: own SaudiNewsNet sentence set + gold seeds", [py, str(ROOT / "eval/events/eval_events.py")]),
        ("stance: ANS dev split", [py, str(ROOT / "eval/stance/eval_stance.py"), "--shared", shared]),
    ]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    a = ap.parse_args()
    failed = 0
    for title, cmd in steps(a.shared):
        print(f"\n=== {title}", flush=True)
        script = next((c for c in cmd[1:] if c.endswith(".py")), None)
        if script and not os.path.exists(script):
            print(f"skipped: {script} not present")
            continue
        env = {**os.environ, "MARSAD_SHARED": os.path.abspath(a.shared)}
        rc = subprocess.run(cmd, cwd=ROOT, env=env).returncode
        if rc != 0:
            failed += 1
            print(f"!!! step failed with exit status {rc}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
