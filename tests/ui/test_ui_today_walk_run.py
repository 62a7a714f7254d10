"""A walk-run on Today: its dose names the run part, and its fields say "Run part" and
"Minutes" (not "Hold done" and "Load done")."""

from __future__ import annotations

from datetime import timedelta

from rehabjournal.services import programme as ps
from rehabjournal.store import models as m
from rehabjournal.store.library import sync_shipped_exercises

from .conftest import TODAY


def test_walk_run_fields_and_dose_on_today(open_window, qtbot):
    ctx, window = open_window()
    sync_shipped_exercises()
    walk_run = m.Exercise.get(m.Exercise.slug == "walk-run-intervals").id
    pid = ps.create_programme("Back to running", TODAY - timedelta(days=2), active=True).result
    phase = ps.add_phase(pid, {"name": "Walk-run", "weeks": 4}).result
    pres = ps.add_prescription(phase, {"exercise": walk_run, "sets": 1, "hold_s": 150,
                                       "load": 20.0, "load_unit": "minutes",
                                       "weekdays": "Mon,Tue,Wed,Thu,Fri,Sat,Sun"}).result
    assert ps.get_prescription(pres)["dose"] == "20 minutes (run 2 min 30 s / walk 1 min)"
    page = window.show_page("today")
    page.load()
    row = page.exercises_due.rows[pres]
    assert row.fields["hold_s_done"].label == "Run part"
    assert row.fields["load_done"].label == "Minutes"


def test_walk_run_in_the_editor_and_on_the_sheet(open_window, qtbot):
    from rehabjournal.services.programme_sheet import dose_words
    from rehabjournal.ui.pages.programme.forms import PrescriptionForm

    ctx, window = open_window()
    sync_shipped_exercises()
    walk_run = m.Exercise.get(m.Exercise.slug == "walk-run-intervals").id
    pid = ps.create_programme("Back to running", TODAY, active=True).result
    phase = ps.add_phase(pid, {"name": "Walk-run", "weeks": 4}).result
    pres = ps.add_prescription(phase, {"exercise": walk_run, "sets": 1, "hold_s": 150,
                                       "load": 20.0, "load_unit": "minutes",
                                       "weekdays": "Tue,Thu,Sat"}).result
    form = PrescriptionForm(ctx)
    qtbot.addWidget(form)
    form.fill_exercises()
    form.load(ps.get_prescription(pres))
    assert (form.hold_label.text(), form.load_label.text()) == ("Run part (s)", "Minutes")
    form.unit.setCurrentIndex(form.unit.findData("kg"))
    assert (form.hold_label.text(), form.load_label.text()) == ("Hold (s)", "Load")
    assert dose_words(1, None, 150, 20.0, "minutes") == (
        "20 minutes: run 2 min 30 s, walk 1 min, and again")


def test_an_active_programme_without_a_start_date_says_so_on_today(open_window, qtbot):
    ctx, window = open_window()
    sync_shipped_exercises()
    ps.create_programme("Not started", None, active=True)
    page = window.show_page("today")
    page.load()
    due = page.exercises_due
    assert not due.isHidden()
    assert "has no start date yet" in due.phase_label.text()
