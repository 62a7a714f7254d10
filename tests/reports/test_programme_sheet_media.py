"""The programme sheet prints a picture or video as text only: no link a PDF reader could
follow, and a value ``domain.media`` refuses (stored by an older version) is not printed."""

from __future__ import annotations

import re
from datetime import date

import pypdf
import pytest

from rehabjournal.services import programme as ps
from rehabjournal.store import models as m
from rehabjournal.store.library import sync_shipped_exercises

MADE = date(2026, 3, 18)


@pytest.fixture
def lib(journal):
    sync_shipped_exercises()
    return journal


def _add(phase: int, slug: str, **values) -> int:
    ex = next(e["id"] for e in ps.list_exercises() if e["slug"] == slug)
    return ps.add_prescription(phase, {"exercise": ex, "sets": 3, "reps": 10,
                                       "days_per_week": 3, **values}).result


def test_media_is_text_only_and_a_refused_value_is_not_printed(lib, tmp_path):
    from rehabjournal.reports.programme_sheet import write_programme_sheet

    pid = ps.create_programme("Knee plan", date(2026, 3, 2), active=True).result
    phase = ps.add_phase(pid, {"name": "Build", "weeks": 2}).result
    _add(phase, "glute-bridge", media="https://example.org/bridge.mp4")
    _add(phase, "hsr-leg-press", media="C:\\Users\\me\\leg press.mp4")
    bad = _add(phase, "calf-stretch")
    # a value an older version stored (the services refuse it now)
    m.Prescription.update(media="\\\\server\\share\\run.bat").where(
        m.Prescription.id == bad).execute()
    out = tmp_path / "sheet.pdf"
    write_programme_sheet(out, pid, made=MADE)
    reader = pypdf.PdfReader(out)
    text = re.sub(r"\s+", " ", "\n".join(p.extract_text() for p in reader.pages))
    assert "https://example.org/bridge.mp4" in text
    assert "On this computer: C:\\Users\\me\\leg press.mp4" in text
    assert "run.bat" not in text and "server" not in text
    assert "Not printed: the app opens only https:// links" in text
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            assert "/URI" not in str(annot.get_object().get("/A", {})), annot.get_object()
