"""Where the journal lives: --data-dir over $REHABJOURNAL_DATA_DIR over the platform folder."""

from __future__ import annotations

from rehabjournal import paths


def test_platform_folder_is_one_rehabjournal_level_under_the_data_location(monkeypatch,
                                                                          tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    assert paths.resolve_data_dir(None) == tmp_path / "share" / "rehabjournal"


def test_environment_overrides_the_platform_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("REHABJOURNAL_DATA_DIR", str(tmp_path / "env"))
    assert paths.resolve_data_dir(None) == tmp_path / "env"


def test_command_line_overrides_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("REHABJOURNAL_DATA_DIR", str(tmp_path / "env"))
    assert paths.resolve_data_dir(str(tmp_path / "cli")) == tmp_path / "cli"


def test_resources_are_found():
    assert paths.resource("icons", "rehabjournal.svg").is_file()


def test_a_relative_data_folder_becomes_absolute(monkeypatch, tmp_path):
    """`--data-dir reljournal` (or the variable) names the folder under the current one."""
    monkeypatch.chdir(tmp_path)
    assert paths.resolve_data_dir("reljournal") == tmp_path / "reljournal"
    monkeypatch.setenv(paths.ENV_DATA_DIR, "fromenv")
    assert paths.resolve_data_dir() == tmp_path / "fromenv"


def test_the_store_opens_and_reopens_a_journal_by_a_relative_path(monkeypatch, tmp_path):
    """The store itself takes relative paths too (read-only checks use a file URI)."""
    from pathlib import Path

    from rehabjournal.store import backups, db

    monkeypatch.chdir(tmp_path)
    db.open_journal(Path("rel"))
    db.close_journal()
    db.open_journal(Path("rel"))  # an existing journal: inspected read-only by URI
    try:
        copy = backups.make_backup(Path("rel"), "manual")
        assert backups.count_rows(copy) is not None
        assert db.inspect(Path("rel") / "journal.sqlite") > 0
    finally:
        db.close_journal()
