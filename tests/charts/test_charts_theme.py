"""Themes from palette colours; charts never use pyplot."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from rehabjournal.charts import DARK, LIGHT, theme_from_palette


def test_theme_from_palette_picks_family_and_keeps_palette_colours():
    dark = theme_from_palette("#2b2b2b", "#eeeeee", "#202020")
    assert dark.dark and dark.morning == DARK.morning
    assert (dark.figure_bg, dark.fg, dark.axes_bg) == ("#2b2b2b", "#eeeeee", "#202020")
    light = theme_from_palette("#efefef", "#000000", "#ffffff")
    assert not light.dark and light.morning == LIGHT.morning
    assert light.grid not in ("#ffffff", "#000000")


def test_charts_package_is_light_and_never_pyplot():
    src = Path(__file__).resolve().parents[2] / "src"
    code = ("import sys, rehabjournal.charts; a = 'matplotlib' in sys.modules; "
            "import rehabjournal.charts.pain, rehabjournal.charts.load, "
            "rehabjournal.charts.lights, rehabjournal.charts.adherence; "
            "print(a, 'matplotlib.pyplot' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(src)})
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["False", "False"]
    for path in (src / "rehabjournal" / "charts").glob("*.py"):
        assert "matplotlib.pyplot" not in path.read_text(), path
        assert "import pyplot" not in path.read_text(), path
