"""The app opens no network connection: a whole session with the socket layer booby-trapped."""

from __future__ import annotations

import importlib.util
import socket
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from rehabjournal.services import journal as js


def _ui_fixtures():
    """The GUI tests' ``open_window`` fixture (tests/ui/conftest.py), shared here."""
    path = Path(__file__).resolve().parent / "ui" / "conftest.py"
    spec = importlib.util.spec_from_file_location("_rehabjournal_ui_fixtures", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


open_window = _ui_fixtures().open_window


@pytest.fixture
def trapped(monkeypatch):
    """Make every way to reach the network fail loudly, and record any attempt."""
    attempts: list[tuple[str, tuple]] = []

    def trap(name):
        def refuse(*args, **kwargs):
            attempts.append((name, args[1:] if name.startswith("socket.") else args))
            raise OSError(f"rehabjournal test: network use is not allowed ({name})")

        return refuse

    monkeypatch.setattr(socket.socket, "connect", trap("socket.connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", trap("socket.connect_ex"))
    monkeypatch.setattr(socket, "create_connection", trap("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", trap("getaddrinfo"))
    return attempts


def _type(qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_a_full_session_makes_no_connection(trapped, open_window, qtbot, tmp_path):
    ctx, window = open_window()
    window.show()
    today = ctx.today()

    # a check-in and a session through the Today page's widgets
    page = window.show_page("today")
    _type(qtbot, page.fields["morning_pain"].edit, "3")
    assert js.get_checkin(today)["morning_pain"] == 3
    editor = page.add_session()
    editor.kind.setCurrentText("run")
    _type(qtbot, editor.pains["pain_during"].edit, "4")
    _type(qtbot, editor.minutes.edit, "30")
    qtbot.waitUntil(lambda: len(js.list_sessions(today)) == 1, timeout=2000)

    # every page, through the navigation
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        qtbot.wait(10)
    for key in ("today", "journal", "programme", "progress", "reports"):
        assert window.show_page(key) is not None
        qtbot.wait(10)

    # the clinician outputs
    from rehabjournal.store import fhir, full_export

    full_export.export_all(tmp_path / "all.json")
    fhir.export_bundle(tmp_path / "fhir.json")
    if importlib.util.find_spec("rehabjournal.reports.builder") and importlib.util.find_spec(
        "rehabjournal.services.report"
    ):
        from rehabjournal.reports.builder import build_pdf
        from rehabjournal.services.report import build_report_data

        pages = build_pdf(build_report_data(), tmp_path / "report.pdf")
        assert pages >= 1
    window.close()

    assert trapped == [], f"network use attempted: {trapped}"


def test_the_trap_works(trapped):
    """The patched functions do catch an attempt (so the test above proves something)."""
    with pytest.raises(OSError):
        socket.create_connection(("localhost", 9))
    with pytest.raises(OSError):
        socket.getaddrinfo("localhost", 80)
    s = socket.socket()
    try:
        with pytest.raises(OSError):
            s.connect(("127.0.0.1", 9))
    finally:
        s.close()
    assert [name for name, _ in trapped] == ["create_connection", "getaddrinfo",
                                             "socket.connect"]
    trapped.clear()
