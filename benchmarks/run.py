"""make bench: reproducible performance figures, printed as a table.

Each benchmark module in this folder named ``bench_*.py`` exposes ``run()`` returning rows
``(name, value, unit, budget_or_note)``. Timings are medians of several runs on this machine;
compare them as ratios (start-up) or against the stated budget, never across machines.
"""

from __future__ import annotations

import importlib.util
import os
import platform
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # common.py; rehabjournal itself is the installed package
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    rows = []
    for path in sorted(HERE.glob("bench_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        print(f"running {path.stem} ...", file=sys.stderr, flush=True)
        rows.extend(module.run())
    print(f"\nrehabjournal benchmarks on {platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, {platform.system()}\n")
    width = max(len(r[0]) for r in rows)
    print(f"{'benchmark':<{width}}  {'value':>10}  {'unit':<6}  budget / note")
    print("-" * (width + 50))
    for name, value, unit, note in rows:
        print(f"{name:<{width}}  {value:>10.3f}  {unit:<6}  {note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
