"""Windows in French or German for the tests of this folder, and the Alt-letter helpers."""

from __future__ import annotations

import importlib.util
import sys
import types
from datetime import date, timedelta
from pathlib import Path

import pytest

TODAY = date(2026, 3, 18)  # a Wednesday, as tests/ui/conftest.py's


@pytest.fixture
def window_in(qtbot, tmp_path):
    """Factory: window_in("fr", profile=True, sessions=False) -> (ctx, window): the UI in that
    language at 1366x768 over a journal with a profile and a knee (a new journal, which
    shows the Welcome form, when ``profile`` is False; a run yesterday and today and a
    flare today when ``sessions``); the start-up work done, as run_gui does it. English
    again afterwards."""
    from rehabjournal.store.db import close_journal
    from rehabjournal.ui.app import application, open_session
    from rehabjournal.ui.i18n import install

    app = application()
    opened = []

    def factory(lang: str, profile: bool = True, sessions: bool = False):
        from rehabjournal.services import journal as js
        from rehabjournal.store.db import open_journal

        install(app, lang)
        data = tmp_path / f"data-{lang}-{len(opened)}"
        if profile:
            open_journal(data)
            js.save_profile({"name": "Zoë Łukasiewicz", "condition": "patellofemoral_pain",
                             "joint": "knee", "side": "left"})
            js.add_site("knee", "left", "around the kneecap", primary=True)
            if sessions:
                js.add_session(TODAY - timedelta(days=1), {"kind": "run", "minutes": 40})
                js.add_session(TODAY, {"kind": "run", "minutes": 30})
                js.add_event(TODAY, "flare")
            close_journal()
        lock, ctx, window = open_session(data, today=TODAY)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        window.activateWindow()  # shortcuts need an active window
        qtbot.waitUntil(window.isActiveWindow)
        opened.append((lock, window))
        window.startup.start()
        qtbot.waitUntil(lambda: window.startup.finished, timeout=30000)
        return ctx, window

    yield factory
    for _lock, window in opened:
        window.startup.wait()
    close_journal()
    for lock, _window in opened:
        lock.unlock()
    install(app, "en")


@pytest.fixture(scope="session")
def demo_journal_at(tmp_path_factory):
    """Factory: demo_journal_at(end) -> a new folder holding the demo journal ending on
    ``end`` (check-ins, sessions, a programme, red flags), closed again."""

    def make(end: date):
        from rehabjournal.services.demo import generate_demo
        from rehabjournal.store.db import close_journal, open_journal
        from rehabjournal.store.library import sync_shipped_exercises

        folder = tmp_path_factory.mktemp(f"demo-{end.isoformat()}")
        open_journal(folder)
        sync_shipped_exercises()
        generate_demo(end=end)
        close_journal()
        return folder

    return make


@pytest.fixture
def keyboard_helpers():
    """``(mnemonics, _clashes)`` of tests/ui/test_ui_keyboard.py (the per-page Alt-letter
    test). The test folders are no packages (pytest's importlib mode): the module pytest
    imported is used, else it is loaded as ``tests.ui.test_ui_keyboard`` (its ``from
    .conftest import TODAY`` needs that parent)."""
    tests = Path(__file__).resolve().parents[1]
    path = tests / "ui" / "test_ui_keyboard.py"
    module = next((m for m in list(sys.modules.values())
                   if getattr(m, "__file__", None) and Path(m.__file__) == path), None)
    if module is None:
        for name, folder in (("tests", tests), ("tests.ui", tests / "ui")):
            if name not in sys.modules:
                package = types.ModuleType(name)
                package.__path__ = [str(folder)]
                sys.modules[name] = package
        spec = importlib.util.spec_from_file_location("tests.ui.test_ui_keyboard", path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
    return module.mnemonics, module._clashes
