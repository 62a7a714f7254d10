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
