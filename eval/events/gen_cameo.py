"""Regenerate `marsad/events/cameo.py` from CAMEO2PLOVER-2021.txt (run once when the table changes).

    .venv/bin/python eval/events/gen_cameo.py > /tmp/cameo_table.txt

Prints the `CAMEO_TO_PLOVER` dict body; paste it into `marsad/events/cameo.py`. Kept as a script, not a
run-time loader, so the coder never depends on a file outside the package.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

SRC = Path("/work/shared/data/eventcoding/CAMEO2PLOVER-2021.txt")
ROW = re.compile(r"^(\d{3,4}):\s*([A-Z]+)\s*,\s*([^,#]*?)\s*,\s*([^#]*?)\s*#\s*(.*)$")


def main() -> None:
    seen: dict[str, tuple[str, str, str]] = {}
    for line in SRC.read_text(encoding="utf-8").splitlines():
        m = ROW.match(line.rstrip())
        if m:
            code, typ, mode, _ctx, desc = m.groups()
            seen.setdefault(code, (typ, mode.strip(), desc.strip()))  # first row wins (175 is listed twice)
    for code, (typ, mode, desc) in sorted(seen.items()):
        sys.stdout.write(f"    {code!r}: ({typ!r}, {mode!r}, {desc!r}),\n")


if __name__ == "__main__":
    main()
