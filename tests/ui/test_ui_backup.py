"""File menu: Back Up Now, Restore from Backup, Export/Import Everything, FHIR export."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
from PySide6.QtGui import QAction

from rehabjournal.services import journal as js
from rehabjournal.store import backups
from rehabjournal.store import models as m
from rehabjournal.ui import backup as ui_backup

from .conftest import TODAY


@pytest.fixture
def told(monkeypatch):
    """Record the message boxes instead of showing them."""
    messages: list[tuple[str, str]] = []
    monkeypatch.setattr(ui_backup, "_tell",
                        lambda parent, title, text, warning=False: messages.append((title, text)))
    monkeypatch.setattr(ui_backup, "_confirm", lambda parent, title, text, yes: True)
    monkeypatch.setattr(ui_backup, "_show_box",
                        lambda box: messages.append((box.text(), box.informativeText())))
    return messages


def open_without_startup_backup(open_window):
    """Open the window, check the daily start-up copy was made, then clear it away."""
    ctx, window = open_window()
    (startup,) = backups.list_backups(ctx.data_dir)
    assert startup.reason == "daily"
    startup.path.unlink()
    return ctx, window


def test_startup_makes_at_most_one_daily_backup(open_window, tmp_path):
    from rehabjournal.store.db import close_journal

    ctx, window = open_window()
    assert [b.reason for b in backups.list_backups(ctx.data_dir)] == ["daily"]
    window.close()
    close_journal()
    window.lock.unlock()
    ctx, window = open_window(data_dir=ctx.data_dir)
    assert len(backups.list_backups(ctx.data_dir)) == 1, "not again on the same day"


def test_backup_table_model(open_window, qtmodeltester):
    ctx, window = open_without_startup_backup(open_window)
    for i in range(3):
        js.save_checkin(TODAY - timedelta(days=i), {"morning_pain": i})
        backups.make_backup(ctx.data_dir, "daily", now=datetime(2026, 3, 10 + i, 8, 0))
    model = ui_backup.BackupTableModel(backups.list_backups(ctx.data_dir))
    qtmodeltester.check(model)
    assert model.rowCount() == 3 and model.columnCount() == len(model.COLUMNS)
    assert model.headerData(2, ui_backup.Qt.Orientation.Horizontal) == "Check-ins"
    assert model.index(0, 0).data() == "Thu 12 Mar 2026 08:00:00"
    assert model.index(0, 1).data() == "daily"
    assert model.index(0, 2).data() == "3"
    assert model.index(2, 2).data() == "1"
    assert model.index(0, 0).data(model.PathRole).endswith("-daily.sqlite")
    model.set_backups([])
    qtmodeltester.check(model)


def test_back_up_now_from_the_menu(open_window, told):
    ctx, window = open_without_startup_backup(open_window)
    js.save_checkin(TODAY, {"morning_pain": 4})
    window.findChild(QAction, "action_backup_now").trigger()
    (info,) = backups.list_backups(ctx.data_dir)
    assert info.reason == "manual" and info.counts["check_in"] == 1
    assert str(info.path) in told[0][1]


def test_restore_through_the_dialog(open_window, qtbot, told):
    ctx, window = open_without_startup_backup(open_window)
    window.show()
    page = window.show_page("today")
    js.save_checkin(TODAY, {"morning_pain": 2})
    backups.make_backup(ctx.data_dir, "manual", now=datetime(2026, 3, 18, 7, 0))
    page.fields["morning_pain"].edit.setText("8")
    page.save_checkin_field("morning_pain", 8)
    assert ctx.undo_stack.count() == 1
    dialog = ui_backup.RestoreDialog(ctx, window)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1
    assert not dialog.restore_button.isEnabled()
    dialog.select_row(0)
    assert dialog.restore_button.isEnabled()
    with qtbot.waitSignal(ctx.journal_changed) as blocker:
        assert dialog.restore_selected()
    assert blocker.args == [None]
    assert ctx.undo_stack.count() == 0
    assert js.get_checkin(TODAY)["morning_pain"] == 2
    assert page.fields["morning_pain"].edit.text() == "2"  # the page shows the restored day
    reasons = sorted(i.reason for i in backups.list_backups(ctx.data_dir))
    assert reasons == ["manual", "pre-restore"]
    pre = next(i for i in backups.list_backups(ctx.data_dir) if i.reason == "pre-restore")
    assert str(pre.path) in told[-1][1]
    # the journal still takes new entries
    page.save_checkin_field("morning_pain", 5)
    assert js.get_checkin(TODAY)["morning_pain"] == 5


def test_restore_dialog_without_backups(open_window, qtbot):
    ctx, window = open_without_startup_backup(open_window)
    dialog = ui_backup.RestoreDialog(ctx, window)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 0
    assert not dialog.empty.isHidden()
    assert not dialog.restore_selected()


def test_full_export_then_import_into_a_new_journal(open_window, tmp_path, told):
    ctx, window = open_without_startup_backup(open_window)
    js.save_checkin(TODAY, {"morning_pain": 3, "notes": "Zoë"})
    out = tmp_path / "all.json"
    assert ui_backup.full_export(window, ctx, str(out))
    assert json.loads(out.read_text(encoding="utf-8"))["format"] == "rehabjournal-journal"
    # the same journal is not empty: refused, with the reason
    assert not ui_backup.full_import(window, ctx, str(out))
    assert "not imported" in told[-1][0] and "not empty" in told[-1][1]

    from rehabjournal.store.db import close_journal

    close_journal()
    window.lock.unlock()
    ctx2, window2 = open_window(profile=False, data_dir=tmp_path / "fresh")
    changed = []
    ctx2.journal_changed.connect(changed.append)
    assert ui_backup.full_import(window2, ctx2, str(out))
    assert changed == [None]
    assert js.get_checkin(TODAY)["notes"] == "Zoë"
    assert m.Profile.select().count() == 1


def test_fhir_export(open_window, tmp_path):
    ctx, window = open_without_startup_backup(open_window)
    js.save_checkin(TODAY, {"morning_pain": 3})
    out = tmp_path / "fhir.json"
    assert ui_backup.fhir_export(window, ctx, str(out), anonymise=True)
    bundle = json.loads(out.read_text(encoding="utf-8"))
    assert bundle["resourceType"] == "Bundle"
    assert bundle["entry"][0]["resource"]["name"] == [{"text": "Z. Ł."}]


# ---- what fails is told, and nothing changes -----------------------------------------------

def _full_disk(*_args, **_kwargs):
    raise OSError(28, "No space left on device")


def test_a_failed_backup_says_why_and_where(open_window, told, monkeypatch):
    ctx, window = open_without_startup_backup(open_window)
    monkeypatch.setattr(backups, "make_backup", _full_disk)
    assert ui_backup.backup_now(window, ctx) is None
    title, text = told[-1]
    assert title == "Backup failed"
    assert text.startswith("The journal could not be copied: ")
    assert "No space left on device" in text
    assert text.endswith(f"Check the free space in {ctx.data_dir}.")


def test_a_failed_restore_changes_nothing(open_window, qtbot, told, monkeypatch):
    ctx, window = open_without_startup_backup(open_window)
    js.save_checkin(TODAY, {"morning_pain": 2})
    backups.make_backup(ctx.data_dir, "manual", now=datetime(2026, 3, 18, 7, 0))
    js.save_checkin(TODAY, {"morning_pain": 6})

    def refused(data_dir, path):
        raise backups.RestoreError(f"Cannot restore {path.name}: it is from a newer version")

    monkeypatch.setattr(backups, "restore", refused)
    dialog = ui_backup.RestoreDialog(ctx, window)
    qtbot.addWidget(dialog)
    dialog.select_row(0)
    changed = []
    ctx.journal_changed.connect(changed.append)
    assert not dialog.restore_selected()
    assert changed == [] and dialog.restored is None
    title, text = told[-1]
    assert title == "Restore failed"
    assert text == ("Cannot restore journal-20260318-070000-manual.sqlite: it is from a newer "
                    "version. Your journal was left as it was.")
    assert js.get_checkin(TODAY)["morning_pain"] == 6


@pytest.mark.parametrize("export", ["full_export", "fhir_export"])
def test_an_export_that_cannot_be_written_says_so(open_window, tmp_path, told, export):
    ctx, window = open_without_startup_backup(open_window)
    out = tmp_path / "no-such-folder" / "x.json"
    kwargs = {"anonymise": False} if export == "fhir_export" else {}
    assert not getattr(ui_backup, export)(window, ctx, str(out), **kwargs)
    title, text = told[-1]
    assert title == "Export failed"
    assert text == f"Cannot write {out}: No such file or directory. Nothing was written."


def test_an_unreadable_full_import_says_so_and_changes_nothing(open_window, tmp_path, told):
    ctx, window = open_without_startup_backup(open_window)
    changed = []
    ctx.journal_changed.connect(changed.append)
    missing = tmp_path / "gone.json"
    assert not ui_backup.full_import(window, ctx, str(missing))
    assert told[-1] == ("Import failed",
                        f"Cannot read {missing}: No such file or directory.")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert not ui_backup.full_import(window, ctx, str(bad))
    assert told[-1][0] == f"{bad} was not imported; your journal is unchanged."
    assert "bad.json is not valid JSON (line 1, column 2" in told[-1][1]
    assert changed == []
