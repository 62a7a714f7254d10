"""Review of issue 16 (storage safety), what the person sees: a journal refused at start
offers a restore; a refused journal gets no ``journal.lock`` beside it; the busy banner's
advice; the restore list (counts in view, seconds, the kept damaged journal); one-sentence
messages that fit the app."""

from __future__ import annotations

import os
import sqlite3
from argparse import Namespace
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from rehabjournal import errors
from rehabjournal.services import backups as sb
from rehabjournal.services import journal as js
from rehabjournal.services import session
from rehabjournal.store import backups, db
from rehabjournal.store import models as m
from rehabjournal.ui import app as app_mod
from rehabjournal.ui import backup as ui_backup
from rehabjournal.ui import edit_path
from rehabjournal.ui import startup as ui_startup
from rehabjournal.ui.context import AppContext

from ..store.test_inspect_refusals import _journal_bytes, _listing, _make

DAY = date(2026, 3, 18)


def _journal_with_backup(data: Path) -> Path:
    """A journal of 3 check-ins whose "manual" backup holds the first 2; returns the copy."""
    db.open_journal(data)
    js.save_checkin(date(2026, 3, 1), {"morning_pain": 3, "notes": "kept in the backup"})
    js.save_checkin(date(2026, 3, 2), {"morning_pain": 4})
    copy = backups.make_backup(data, "manual", now=datetime(2026, 3, 2, 20, 0, 5))
    js.save_checkin(date(2026, 3, 3), {"morning_pain": 5})
    db.close_journal()
    return copy


def _truncate(path: Path) -> bytes:
    raw = path.read_bytes()
    path.write_bytes(raw[: len(raw) // 2])
    return raw[: len(raw) // 2]


class Robot:
    """Answers the app's modal boxes and dialogs while ``run_gui`` runs, from a timer."""

    def __init__(self, app, *, restore: bool = True):
        self.app, self.restore, self.seen = app, restore, []
        self.window = None
        QTimer.singleShot(200, self.step)

    def step(self) -> None:
        QTimer.singleShot(50, self.step)  # first: a click below may run a nested loop
        w = QApplication.activeModalWidget()
        if isinstance(w, ui_backup.RestoreDialog):
            self.seen.append(("dialog", [w.model.index(r, 1).data()
                                         for r in range(w.model.rowCount())]))
            row = next(r for r in range(w.model.rowCount()) if w.model.info(r).usable)
            w.select_row(row)
            w.restore_button.click()
        elif isinstance(w, QMessageBox):
            self.seen.append((w.objectName(), w.windowTitle(), w.text(),
                              [b.text() for b in w.buttons()]))
            if w.objectName() == "cannotOpen":
                wanted = "restoreRefused" if self.restore else None
                button = next(b for b in w.buttons() if (b.objectName() == wanted) or (
                    wanted is None and b.text() == "Quit"))
                button.click()
            elif w.windowTitle() == "Restore this backup?":
                next(b for b in w.buttons() if b.text() == "Restore").click()
            else:
                w.buttons()[0].click()
        else:
            from rehabjournal.ui.main_window import MainWindow

            for top in QApplication.topLevelWidgets():
                if isinstance(top, MainWindow) and top.opening is None \
                        and top.startup.finished:
                    self.window = top
                    self.seen.append(("opened", m.CheckIn.select().count()))
                    self.app.exit(0)


# ---- 1. a journal refused at start offers a restore ------------------------------------

@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_a_truncated_journal_at_start_can_be_restored_from_a_backup(qtbot, tmp_path):
    data = tmp_path / "data"
    copy = _journal_with_backup(data)
    damaged = _truncate(db.journal_path(data))
    app = app_mod.application()
    robot = Robot(app)
    code = app_mod.run_gui(Namespace(data_dir=str(data), demo=False))
    assert code == 0
    box = next(s for s in robot.seen if s[0] == "cannotOpen")
    assert box[2].startswith(f"The journal {db.journal_path(data)} is damaged: it is truncated")
    assert box[3] == ["Restore a backup...", "Quit"]
    assert ("dialog", ["made by you"]) in robot.seen
    assert robot.seen[-1] == ("opened", 2)  # the backup's rows, in the window
    kept = [p for p in (data / "backups").iterdir() if "pre-restore-damaged" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes() == damaged  # the refused file, as it was
    assert kept[0].stat().st_mode & 0o777 == 0o600
    assert copy.exists()
    told = next(s for s in robot.seen if s[1] == "Backup restored")
    assert told[2] == ("The journal is back as it was on Monday 02 March 2026, 20:00:05.\n\n"
                       "The journal that could not be opened is kept, as it was, in\n"
                       f"{kept[0]}")
    # the kept file is listed, and cannot be restored
    infos = {i.path: i for i in sb.list_backups(data)}
    assert infos[kept[0]].error == backups.KEPT_DAMAGED


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_quit_leaves_the_refused_journal_and_nothing_beside_it(qtbot, tmp_path, capsys):
    data = tmp_path / "data"
    _journal_with_backup(data)
    _truncate(db.journal_path(data))
    before, before_backups = _listing(data), _listing(data / "backups")
    robot = Robot(app_mod.application(), restore=False)
    assert app_mod.run_gui(Namespace(data_dir=str(data), demo=False)) == 1
    assert [s[0] for s in robot.seen] == ["cannotOpen"]
    assert _listing(data) == before and _listing(data / "backups") == before_backups
    assert "rehabjournal: error: The journal" in capsys.readouterr().err


def test_no_restore_is_offered_without_a_usable_copy(qtbot, tmp_path):
    data = tmp_path / "data"
    copy = _journal_with_backup(data)
    _truncate(db.journal_path(data))
    refusal = pytest.raises(errors.StorageError, session.check_existing, data).value
    assert sb.offers_restore(data, refusal)
    copy.write_bytes(b"")
    assert not sb.offers_restore(data, refusal)


def test_no_restore_is_offered_for_a_newer_journal(qtbot, tmp_path):
    data = tmp_path / "data"
    _journal_with_backup(data)
    conn = sqlite3.connect(db.journal_path(data))
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    refusal = pytest.raises(errors.StorageError, session.check_existing, data).value
    assert not sb.offers_restore(data, refusal)


# ---- 2. a refused journal gets nothing beside it ---------------------------------------

REFUSED = ["zero-length", "empty-sqlite", "dangling-link", "truncated", "text", "newer",
           "negative-version", "other-program", "folder"]


@pytest.mark.qt_log_ignore("propagateSizeHints")
@pytest.mark.parametrize("kind", REFUSED)
def test_the_app_leaves_nothing_beside_a_refused_journal(qtbot, tmp_path, monkeypatch, kind):
    raw = _journal_bytes(tmp_path)
    data = tmp_path / "data"
    data.mkdir()
    message = _make(kind, data / "journal.sqlite", raw)
    before = _listing(data)
    shown = []
    monkeypatch.setattr(QMessageBox, "critical",
                        lambda parent, title, text: shown.append(text))
    assert app_mod.run_gui(Namespace(data_dir=str(data), demo=False)) == 1
    assert shown == [message]
    assert _listing(data) == before  # no journal.lock, no -wal/-shm
    # and the commands' way in, open_session, the same
    with pytest.raises(errors.StorageError):
        app_mod.open_session(data)
    assert _listing(data) == before


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_a_cancelled_passphrase_leaves_no_lock_file(qtbot, tmp_path, monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    (data / "journal.sqlite").write_bytes(os.urandom(8192))  # looks encrypted
    before = _listing(data)
    asked, shown = [], []
    monkeypatch.setattr(app_mod, "ask_passphrase", lambda: asked.append(1))
    monkeypatch.setattr(QMessageBox, "critical",
                        lambda parent, title, text: shown.append(text))
    assert app_mod.run_gui(Namespace(data_dir=str(data), demo=False)) == 1
    assert asked == [1]
    assert shown == ["The journal is encrypted and no passphrase was given."]
    assert _listing(data) == before
    # a lock file that was there before stays
    (data / "journal.lock").write_bytes(b"")
    with pytest.raises(errors.StorageError):
        app_mod.open_session(data, passphrase=lambda: None)
    assert (data / "journal.lock").exists()


# ---- 4. the banner's advice fits the cause ---------------------------------------------

def test_the_save_banner_gives_advice_that_fits_the_cause(qtbot, tmp_path):
    ctx = AppContext(tmp_path)
    banners = []
    ctx.write_failed.connect(banners.append)
    busy = errors.busy_error("/d/journal.sqlite")
    full = errors.storage_error(sqlite3.OperationalError("database or disk is full"))
    edit_path.write_failed(ctx, busy)
    edit_path.write_failed(ctx, full)
    assert str(busy).startswith("The journal is busy: ")
    assert banners == [
        f"{busy} What you typed is still in the form; save again in a moment.",
        f"{full} What you typed is still in the form; free some disk space or check the "
        "data folder, then try again.",
    ]
    assert "disk" not in banners[0]


# ---- 5. the restore list ---------------------------------------------------------------

def _list_dialog(qtbot, tmp_path):
    data = tmp_path / "data"
    db.open_journal(data)
    js.save_checkin(date(2026, 3, 1), {"morning_pain": 3})
    first = backups.make_backup(data, "manual", now=datetime(2026, 3, 2, 20, 0, 5))
    second = backups.make_backup(data, "manual", now=datetime(2026, 3, 2, 20, 0, 41))
    partial = data / "backups" / "journal-20260301-090000-pre-import.sqlite"
    partial.write_bytes(first.read_bytes()[:5000])
    kept = data / "backups" / "journal-20260228-090000-pre-restore-damaged.sqlite"
    kept.write_bytes(b"garbage" * 100)
    dialog = ui_backup.RestoreDialog(AppContext(data))
    qtbot.addWidget(dialog)
    return data, dialog, (first, second, partial, kept)


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_the_restore_list_keeps_the_counts_in_view_and_shows_seconds(qtbot, tmp_path):
    data, dialog, (first, second, partial, kept) = _list_dialog(qtbot, tmp_path)
    dialog.resize(900, 420)
    dialog.show()
    qtbot.waitExposed(dialog)
    model, view = dialog.model, dialog.view
    rows = {model.info(r).path: r for r in range(model.rowCount())}
    assert model.index(rows[first], 0).data() == "Mon 02 Mar 2026 20:00:05"
    assert model.index(rows[second], 0).data() == "Mon 02 Mar 2026 20:00:41"
    header = view.horizontalHeader()
    last = model.columnCount() - 1
    assert header.sectionViewportPosition(last) + header.sectionSize(last) \
        <= view.viewport().width()  # "Events" fully in view despite a long Why
    for col in range(2, model.columnCount()):  # each count column wide enough for its title
        assert header.sectionSize(col) >= header.fontMetrics().horizontalAdvance(
            model.column_title(col))
    why = model.index(rows[partial], 1)
    assert why.data().startswith("before an import - Unusable: partial: it is cut short (")
    assert why.data(Qt.ItemDataRole.ToolTipRole) == f"{why.data()}\n{partial}"
    dialog.grab().save(str(tmp_path / "restore-list.png"))


def test_the_kept_damaged_journal_is_listed_as_not_restorable(qtbot, tmp_path):
    data, dialog, (_first, _second, _partial, kept) = _list_dialog(qtbot, tmp_path)
    row = next(r for r in range(dialog.model.rowCount()) if dialog.model.info(r).path == kept)
    assert dialog.model.index(row, 1).data() == (
        "Unusable: the damaged journal as it was before a restore; kept for your physio or a "
        "repair, not restorable")
    assert not dialog.model.flags(dialog.model.index(row, 0)) & Qt.ItemFlag.ItemIsSelectable
    dialog.select_row(row)
    assert dialog.selected() is None and not dialog.restore_button.isEnabled()


# ---- 6. messages -----------------------------------------------------------------------

def test_a_refused_restore_is_one_sentence(qtbot, tmp_path, monkeypatch):
    data, dialog, (first, _second, _partial, _kept) = _list_dialog(qtbot, tmp_path)
    told = []
    monkeypatch.setattr(ui_backup, "_tell", lambda p, title, text, warning=False:
                        told.append((title, text)))
    monkeypatch.setattr(ui_backup, "_confirm", lambda *a: True)
    row = next(r for r in range(dialog.model.rowCount()) if dialog.model.info(r).path == first)
    dialog.select_row(row)
    whole = first.stat().st_size
    first.write_bytes(first.read_bytes()[:5000])  # cut short after it was listed
    assert not dialog.restore_selected()
    assert told == [("Restore failed",
                     f"{first.name} was not restored and your journal was left as it was: "
                     "the copy is partial; it is cut short "
                     f"(5 KB of {round(whole / 1000)} KB), the copy was interrupted.")]
    assert m.CheckIn.select().count() == 1


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_the_damage_box_speaks_the_apps_language(qtbot, tmp_path):
    ctx = AppContext(tmp_path / "data")
    work = ui_startup.StartupWork(ctx)
    detail = backups.damaged_message(db.journal_path(ctx.data_dir),
                                     "row 1 missing from index test_notes")
    box = work.show_damage(detail)
    qtbot.addWidget(box)
    assert box.text() == ui_startup.DAMAGED_TEXT
    assert box.informativeText() == (
        "SQLite's check found: row 1 missing from index test_notes.\n\n"
        f"The journal: {db.journal_path(ctx.data_dir)}\n"
        f"The backups: {ctx.data_dir / 'backups'}")
    whole = box.text() + box.informativeText()
    assert whole.count("Restore a backup made before the damage") == 1
    assert "not copied" not in whole and "in the app" not in whole


def test_back_up_now_on_a_damaged_journal_speaks_the_apps_language(qtbot, tmp_path,
                                                                   monkeypatch):
    told = []
    monkeypatch.setattr(ui_backup, "_tell", lambda p, title, text, warning=False:
                        told.append((title, text)))

    def damaged(data_dir):
        raise backups.JournalDamagedError(backups.damaged_message(
            db.journal_path(data_dir), "row 1 missing from index test_notes"))

    monkeypatch.setattr(sb, "backup_now", damaged)
    assert ui_backup.backup_now(None, AppContext(tmp_path)) is None
    assert told == [("Backup failed",
                     "Your journal failed its integrity check (row 1 missing from index "
                     "test_notes), so no copy of it was made: a copy of a damaged journal "
                     "would not help. Restore a backup made before the damage with File > "
                     "Restore from Backup...")]


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_a_data_folder_that_is_a_file_is_named_as_such(qtbot, tmp_path, monkeypatch):
    notadir = tmp_path / "notadir"
    notadir.write_text("x", encoding="utf-8")
    shown = []
    monkeypatch.setattr(QMessageBox, "critical",
                        lambda parent, title, text: shown.append(text))
    assert app_mod.run_gui(Namespace(data_dir=str(notadir), demo=False)) == 1
    assert shown == [f"Cannot use the data folder {notadir}: {notadir} is a file, not a "
                     "folder; give a folder with --data-dir."]
    with pytest.raises(errors.StorageError) as refused:
        session.lock_journal(notadir / "sub", "rehabjournal import")
    assert str(refused.value) == (f"Cannot use the data folder {notadir / 'sub'}: {notadir} "
                                  "is a file, not a folder; give a folder with --data-dir.")
    assert notadir.read_text(encoding="utf-8") == "x"
