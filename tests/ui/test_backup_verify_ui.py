"""The restore dialog greys unusable copies with the reason; the start-up work reports a
damaged journal with a "Restore a backup..." button and swept leftovers (issue 16)."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from rehabjournal.services import journal as js
from rehabjournal.store import backups, db
from rehabjournal.store import models as m
from rehabjournal.ui import backup as ui_backup
from rehabjournal.ui import startup as ui_startup

from ..services.test_integrity_weekly import break_an_index
from .conftest import TODAY


@pytest.fixture
def told(monkeypatch):
    messages: list[tuple[str, str]] = []
    monkeypatch.setattr(ui_backup, "_tell",
                        lambda parent, title, text, warning=False: messages.append((title, text)))
    monkeypatch.setattr(ui_backup, "_confirm", lambda parent, title, text, yes: True)
    return messages


def test_unusable_copies_are_greyed_with_the_reason_and_cannot_be_chosen(open_window, qtbot,
                                                                         told):
    ctx, window = open_window()
    for p in (ctx.data_dir / "backups").iterdir():
        p.unlink()
    js.save_checkin(TODAY, {"morning_pain": 2})
    good = backups.make_backup(ctx.data_dir, "manual", now=datetime(2026, 3, 10, 9, 0))
    empty = ctx.data_dir / "backups" / "journal-20260311-090000-daily.sqlite"
    empty.write_bytes(b"")
    partial = ctx.data_dir / "backups" / "journal-20260312-090000-daily.sqlite"
    partial.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    dialog = ui_backup.RestoreDialog(ctx, window)
    qtbot.addWidget(dialog)
    model = dialog.model
    rows = {model.info(r).path: r for r in range(model.rowCount())}
    why = {path: model.index(row, 1).data() for path, row in rows.items()}
    assert why[good] == "made by you"
    assert why[empty] == "daily - Unusable: empty (0 bytes): nothing was saved in it"
    assert why[partial].startswith("daily - Unusable: partial: it is cut short (")
    for bad in (empty, partial):
        index = model.index(rows[bad], 0)
        assert not model.flags(index) & Qt.ItemFlag.ItemIsEnabled
        assert not model.flags(index) & Qt.ItemFlag.ItemIsSelectable
        assert model.index(rows[bad], 2).data() == ""  # no counts shown
        assert model.index(rows[bad], 0).data(Qt.ItemDataRole.ToolTipRole).startswith(
            "Unusable: ")
        dialog.select_row(rows[bad])
        assert dialog.selected() is None and not dialog.restore_button.isEnabled()
    assert model.flags(model.index(rows[good], 0)) & Qt.ItemFlag.ItemIsEnabled
    assert not dialog.unusable.isHidden()
    assert dialog.unusable.text() == \
        "2 copies cannot be restored (greyed); the Why column says why."


def test_a_copy_spoiled_after_listing_is_refused_with_the_reason(open_window, qtbot, told):
    ctx, window = open_window()
    for p in (ctx.data_dir / "backups").iterdir():
        p.unlink()
    js.save_checkin(TODAY, {"morning_pain": 2})
    good = backups.make_backup(ctx.data_dir, "manual")
    js.save_checkin(TODAY.replace(day=1), {"morning_pain": 4})
    dialog = ui_backup.RestoreDialog(ctx, window)
    qtbot.addWidget(dialog)
    dialog.select_row(0)
    assert dialog.restore_button.isEnabled()
    good.write_bytes(b"")  # e.g. a sync tool emptied it meanwhile
    assert not dialog.restore_selected()
    title, text = told[-1]
    assert title == "Restore failed"
    assert text == (f"{good.name} was not restored and your journal was left as it was: the "
                    "copy is empty (0 bytes); nothing was saved in it.")
    assert m.CheckIn.select().count() == 2
    assert [p.name for p in (ctx.data_dir / "backups").iterdir()] == [good.name]


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform showing a box
def test_a_damaged_journal_at_start_offers_a_restore(open_window, qtbot, monkeypatch):
    ctx, window = open_window()
    data = ctx.data_dir
    for p in (data / "backups").iterdir():
        p.unlink()
    js.save_checkin(TODAY, {"morning_pain": 2, "notes": "before"})
    window.close()
    db.close_journal()
    window.lock.unlock()
    break_an_index(data)
    opened = []
    monkeypatch.setattr(ui_backup, "restore_backup",
                        lambda parent, c: opened.append((parent, c)) or False)
    statuses = []
    ctx2, window2 = None, None

    def watch(c):
        c.status.connect(statuses.append)

    from rehabjournal.ui import context as context_mod

    real_init = context_mod.AppContext.__init__

    def init(self, *a, **k):
        real_init(self, *a, **k)
        watch(self)

    monkeypatch.setattr(context_mod.AppContext, "__init__", init)
    ctx2, window2 = open_window(profile=False, data_dir=data)
    result = window2.startup.result
    assert result.integrity_problem.startswith(f"The journal {db.journal_path(data)}")
    assert statuses[-1] == ui_startup.DAMAGED_STATUS
    box = window2.startup.damage_box
    assert box is not None and box.isVisible()
    assert box.windowTitle() == "Your journal failed its check"
    assert box.text() == ui_startup.DAMAGED_TEXT
    assert box.informativeText().startswith("SQLite's check found: ")
    assert [p for p in (data / "backups").iterdir()] == []  # the damage was not copied
    restore = next(b for b in box.buttons() if b.text() == "Restore a backup...")
    restore.click()
    assert opened and opened[0][1] is ctx2
    assert box.buttonRole(restore) == QMessageBox.ButtonRole.AcceptRole


def test_the_status_bar_says_how_many_leftovers_were_removed(open_window, qtbot, monkeypatch):
    from rehabjournal.services.startup import StartupResult

    ctx, window = open_window()
    statuses = []
    ctx.status.connect(statuses.append)
    work = ui_startup.StartupWork(ctx, window)
    work._finished(StartupResult(backup=ctx.data_dir / "x.sqlite", leftovers_removed=3))
    assert statuses[-1] == "Backed up. Removed 3 leftover files of an interrupted operation"
    work._finished(StartupResult(leftovers_removed=1))
    assert statuses[-1] == "Removed 1 leftover file of an interrupted operation"
    work._finished(StartupResult())
    assert statuses[-1] == ""
    # and for real: a dead process's partial backup is gone after a start
    window.close()
    db.close_journal()
    window.lock.unlock()
    dead = ctx.data_dir / "backups" / ".journal-x.sqlite.99999999-0badf00d.rjpart"
    dead.write_bytes(b"partial health data")
    ctx2, window2 = open_window(profile=False, data_dir=ctx.data_dir)
    assert window2.startup.result.leftovers_removed == 1 and not dead.exists()
