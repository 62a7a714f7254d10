"""Progress page timings on a 10-year generated journal.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_progress.py

``run()`` returns (name, seconds, "s", budget note) rows, the shape ``benchmarks/run.py``
prints:
    * first show of the Progress page, matplotlib import included, in a fresh process
      (budget 1 s);
    * a redraw after changing the period, and after changing the pain site (150 ms each);
    * for information: the whole 10-year journal as the period.
Each redraw is timed from the user's change until every visible chart has drawn.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

END = date(2026, 3, 17)

_CHILD = r"""
import json, sys, time
from datetime import date
from PySide6.QtWidgets import QApplication
from rehabjournal.ui.app import application, open_session

app = application()
lock, ctx, window = open_session(__import__("pathlib").Path(sys.argv[1]),
                                 today=date.fromisoformat(sys.argv[2]))
window.resize(1200, 850)
window.show()
for _ in range(5):
    app.processEvents()
assert "matplotlib" not in sys.modules


def settle(page, limit=5.0):
    t_end = time.perf_counter() + limit
    while time.perf_counter() < t_end:
        app.processEvents()
        canvases = [page.strip] + [c for c in page.canvases.values() if c.isVisible()]
        if (not page._refresh_timer.isActive()
                and all(not c._timer.isActive() and not c.figure.stale for c in canvases)):
            return
    raise RuntimeError("charts did not settle")


t0 = time.perf_counter()
page = window.show_page("progress")
settle(page)
first = time.perf_counter() - t0
out = {"first_show": first}


def timed(change, n=5):
    times = []
    for k in range(n):
        change(k)
        t = time.perf_counter()
        # the change itself happened in change(); the refresh and draws run in settle()
        settle(page)
        times.append(time.perf_counter() - t + change.cost)
    return times


def period_change(k):
    t = time.perf_counter()
    page.period.setCurrentIndex(page.period.findData("4w" if k % 2 == 0 else "12w"))
    period_change.cost = time.perf_counter() - t


def site_change(k):
    t = time.perf_counter()
    page.site.setCurrentIndex((k % 2) + 1 if page.site.count() > 2 else k % 2)
    site_change.cost = time.perf_counter() - t


def whole(k):
    t = time.perf_counter()
    page.period.setCurrentIndex(page.period.findData("all" if k % 2 == 0 else "12w"))
    whole.cost = time.perf_counter() - t


period_change.cost = site_change.cost = whole.cost = 0.0
out["period"] = timed(period_change)
out["site"] = timed(site_change)
out["whole"] = timed(whole, 2)[0::2]
print("RESULT " + json.dumps(out))
lock.unlock()
"""


def make_journal(folder: Path) -> None:
    from rehabjournal.services import demo
    from rehabjournal.services import journal as js
    from rehabjournal.services.session import close_journal, open_journal

    open_journal(folder)
    demo.generate_history(10, END)
    js.add_site("knee", "right", "inner knee")
    close_journal()


def run() -> list[tuple[str, float, str, str]]:
    with tempfile.TemporaryDirectory(prefix="rj-bench-") as tmp:
        folder = Path(tmp) / "data"
        make_journal(folder)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
               "XDG_CONFIG_HOME": str(Path(tmp) / "config")}
        proc = subprocess.run([sys.executable, "-c", _CHILD, str(folder), (END.isoformat())],
                              capture_output=True, text=True, env=env, check=True)
    line = next(x for x in proc.stdout.splitlines() if x.startswith("RESULT "))
    r = json.loads(line[7:])
    return [
        ("progress: first show (10-year journal, matplotlib import included)",
         r["first_show"], "s", "budget 1 s"),
        ("progress: redraw after a period change (median of 5)",
         statistics.median(r["period"]), "s", "budget 150 ms"),
        ("progress: redraw after a pain-site change (median of 5)",
         statistics.median(r["site"]), "s", "budget 150 ms"),
        ("progress: show the whole 10-year journal (information)",
         statistics.median(r["whole"]), "s", "no budget"),
    ]


if __name__ == "__main__":
    for name, seconds, _unit, note in run():
        print(f"{name:70s} {seconds * 1000:8.1f} ms   ({note})")
