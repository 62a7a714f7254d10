"""Importing a programme file in the app: every problem shown with its JSON path, unknown
keys listed as warnings (never silently dropped), nothing written for a refused file."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QFileDialog

from rehabjournal.services import programme as ps
from rehabjournal.store import models as m


def _file(tmp_path, name: str, doc: dict):
    path = tmp_path / name
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def _doc(**prescription) -> dict:
    return {"format": "rehabjournal-programme", "version": 2, "programme": {
        "name": "From my physio", "start_date": "2026-03-02", "phases": [
            {"name": "Build", "weeks": 2, "prescriptions": [
                {"exercise": "glute-bridge", "sets": 3, "reps": 12,
                 "weekdays": ["Mon", "Wed", "Fri"], **prescription}]}]}}


def _import(page, monkeypatch, path) -> str:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    page.programmes.import_button.click()
    return page.programmes.file_message.text()


def test_three_errors_are_all_shown_with_their_paths(open_window, qtbot, tmp_path,
                                                     monkeypatch):
    ctx, window = open_window()
    page = window.show_page("programme")
    doc = _doc(sets=0, side="sideways")
    doc["programme"]["phases"][0]["weeks"] = 0
    text = _import(page, monkeypatch, _file(tmp_path, "three.json", doc))
    assert text.startswith("Nothing was imported: three.json has 3 problems:")
    assert "programme.phases[0].weeks" in text
    assert "programme.phases[0].prescriptions[0].sets" in text
    assert "programme.phases[0].prescriptions[0].side" in text
    assert m.Programme.select().count() == 0


def test_unknown_keys_are_listed_and_the_rest_imported(open_window, qtbot, tmp_path,
                                                       monkeypatch):
    ctx, window = open_window()
    page = window.show_page("programme")
    doc = _doc(video="https://example.org/bridge.mp4", rpe=6)
    text = _import(page, monkeypatch, _file(tmp_path, "extra.json", doc))
    assert text.startswith("Imported extra.json as a new programme (not active yet).")
    assert "2 keys the app does not know were ignored:" in text
    assert "programme.phases[0].prescriptions[0].video" in text
    assert "programme.phases[0].prescriptions[0].rpe" in text
    (prog,) = ps.list_programmes()
    assert prog["name"] == "From my physio" and not prog["active"]
    ctx.undo_stack.undo()
    assert ps.list_programmes() == []
