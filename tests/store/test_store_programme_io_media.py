"""Programme file import: a picture or video that a click could turn into a program, a
network path or a script refuses the whole file, each problem with its JSON path
(the rule is ``domain.media``)."""

from __future__ import annotations

import json

import pytest

from rehabjournal.store import library
from rehabjournal.store import models as m
from rehabjournal.store import programme_io as io
from rehabjournal.store.db import close_journal, open_journal


@pytest.fixture
def lib(tmp_path):
    open_journal(tmp_path / "a")
    library.sync_shipped_exercises()
    yield tmp_path
    close_journal()


def _doc(prescription_media: str = "", exercise_media: str = "") -> dict:
    return {"format": "rehabjournal-programme", "version": 2,
            "exercises": [{"based_on": "isometric-wall-sit", "slug": "my-wall-sit",
                           "media": exercise_media}],
            "programme": {"name": "P", "phases": [
                {"name": "One", "weeks": 2, "prescriptions": [
                    {"exercise": "my-wall-sit", "sets": 5, "hold_s": 45,
                     "weekdays": ["Mon", "Wed", "Fri"], "media": prescription_media}]}]}}


def _write(folder, doc) -> str:
    path = folder / "programme.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def _counts() -> dict[str, int]:
    return {model.__name__: model.select().count() for model in m.ALL_MODELS}


@pytest.mark.parametrize(("media", "words"), [
    ("C:\\tools\\x.bat", "only pictures, videos and PDF files are opened"),
    ("\\\\server\\share\\x", "pictures and videos on another computer"),
    ("//server/share/bridge.mp4", "pictures and videos on another computer"),
    ("/etc/passwd", "passwd is not one"),
    ("C:\\Users\\me\\setup.exe", "setup.exe is not one"),
    ("/home/me/.local/share/applications/x.desktop", "x.desktop is not one"),
    ("http://example.org/bridge.mp4", "use the https:// address"),
    ("file:///C:/tools/x.bat", "file: links are not opened"),
])
def test_a_dangerous_media_value_refuses_the_file_with_its_path(lib, media, words):
    before = _counts()
    with pytest.raises(io.ProgrammeFileError) as err:
        io.import_programme_file(_write(lib, _doc(prescription_media=media)))
    assert len(err.value.problems) == 1
    problem = err.value.problems[0]
    assert problem.startswith("programme.phases[0].prescriptions[0].media: "), problem
    assert words in problem and problem.endswith(f"(got {media!r})"), problem
    assert _counts() == before


def test_exercise_and_prescription_media_are_both_checked(lib):
    doc = _doc(prescription_media="javascript:alert(1)", exercise_media="C:\\tools\\x.bat")
    with pytest.raises(io.ProgrammeFileError) as err:
        io.import_programme_file(_write(lib, doc))
    assert [p.split(": ")[0] for p in err.value.problems] == [
        "exercises[0].media", "programme.phases[0].prescriptions[0].media"]


def test_pictures_videos_and_https_links_import(lib):
    doc = _doc(prescription_media="https://example.org/wall-sit.mp4",
               exercise_media="C:\\Users\\me\\wall sit.JPG")
    pid = io.import_programme_file(_write(lib, doc))
    assert m.Exercise.get(m.Exercise.slug == "my-wall-sit").media == "C:\\Users\\me\\wall sit.JPG"
    (row,) = m.Prescription.select().join(m.Phase).where(m.Phase.programme == pid)
    assert row.media == "https://example.org/wall-sit.mp4"
