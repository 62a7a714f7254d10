"""Fixtures for GUI tests: a main window over a fresh (or demo) journal."""

from __future__ import annotations

from datetime import date

import pytest

TODAY = date(2026, 3, 18)


@pytest.fixture
def open_window(qtbot, tmp_path):
    """Factory: open_window(profile=True, today=TODAY) -> (ctx, window)."""
    from rehabjournal.store.db import close_journal
    from rehabjournal.ui.app import application, open_session

    application()
    opened = []

    def factory(profile: bool = True, today: date = TODAY, data_dir=None):
        data = data_dir or tmp_path / "data"
        if profile:
            from rehabjournal.services import journal as js
            from rehabjournal.store.db import open_journal

            open_journal(data)
            if js.get_profile() is None:
                js.save_profile({"name": "Zoë Łukasiewicz", "condition": "patellofemoral_pain",
                                 "joint": "knee", "side": "left"})
                js.add_site("knee", "left", "around the kneecap", primary=True)
            close_journal()
        lock, ctx, window = open_session(data, today=today)
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()  # shortcuts (Ctrl+N ...) need an active window
        qtbot.waitUntil(window.isActiveWindow)
        opened.append((lock, window))
        # As run_gui does; tests start from a synced library, so wait for the worker.
        window.startup.start()
        qtbot.waitUntil(lambda: window.startup.finished, timeout=30000)
        return ctx, window

    yield factory
    for _lock, window in opened:
        window.startup.wait()
    close_journal()
    for lock, _window in opened:
        lock.unlock()


DISK_FULL = "database or disk is full"


def fail_writes(monkeypatch) -> None:
    """Fail every write statement at the database driver, under the real service code, as
    a full disk does (the error SQLite gives: ``DISK_FULL``)."""
    import sqlite3

    from rehabjournal.store import models as m

    database = m.database.obj
    real = database.execute_sql

    def execute_sql(sql, params=None, *args, **kwargs):
        if sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE", "REPLACE")):
            raise sqlite3.OperationalError(DISK_FULL)
        return real(sql, params, *args, **kwargs)

    monkeypatch.setattr(database, "execute_sql", execute_sql)


SMALL_SCREEN = (1024, 600)
"""The smallest screen the app is laid out for (issue 18: "fits the screen")."""


def settle(qtbot) -> None:
    """Let Qt lay out and show what was just added (a few event-loop turns)."""
    from PySide6.QtWidgets import QApplication

    for _ in range(3):
        QApplication.processEvents()
        qtbot.wait(20)
