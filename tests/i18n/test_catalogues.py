"""The translation catalogues: complete, up to date with the code, and safe to format.

``make translations`` (tools/translations.py) brings the sources up to date; these tests fail
when a UI string is untranslated in French or German (lrelease's "unfinished" count), when a
``.ts`` or ``.po`` is out of date with the code, when a compiled ``.qm``/``.mo`` is older than
its source, or when a translation would break at run time (a placeholder renamed, a
mnemonic or an HTML tag lost).
"""

from __future__ import annotations

import gettext
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import translations as T  # noqa: E402

LANGS = ("fr", "de")
PLACEHOLDER = re.compile(r"\{[a-zA-Z_][a-zA-Z0-9_]*(?:[!:][^{}]*)?\}|%n|%\d")
TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*")


def po_messages(lang: str, domain: str):
    catalog = T.read_catalog(T.po_path(lang, domain), lang)
    return [m for m in catalog if m.id]


def test_sources_up_to_date_and_finished():
    """The lupdate/extract run the developer should have made: nothing new, nothing empty."""
    assert T.problems() == []


@pytest.mark.parametrize("lang", LANGS)
def test_lrelease_reports_no_unfinished_ui_string(lang, tmp_path):
    out = subprocess.run([T.qt_tool("lrelease"), str(T.ts_path(lang)), "-qm",
                          str(tmp_path / "x.qm")], capture_output=True, text=True, check=True)
    counts = re.search(r"Generated (\d+) translation\(s\) \((\d+) finished and (\d+) "
                       r"unfinished\)", out.stdout)
    assert counts, out.stdout
    assert int(counts.group(1)) > 500  # the whole window, not a handful
    assert counts.group(3) == "0", out.stdout


def test_the_check_catches_an_unfinished_ui_string(tmp_path):
    ts = tmp_path / "x.ts"
    ts.write_text('<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" '
                  'language="fr"><context><name>TodayPage</name><message><source>Save'
                  '</source><translation type="unfinished"></translation></message>'
                  '<message><source>Done</source><translation>Fait</translation></message>'
                  '</context></TS>', encoding="utf-8")
    assert T.ts_messages(ts) == {("TodayPage", "Save"): ("", False),
                                 ("TodayPage", "Done"): ("Fait", True)}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("domain", ["messages", "library"])
def test_compiled_mo_holds_every_po_translation(lang, domain):
    with open(T.po_path(lang, domain).with_suffix(".mo"), "rb") as fh:
        compiled = gettext.GNUTranslations(fh)
    messages = po_messages(lang, domain)
    assert len(messages) > 100
    for m in messages:
        if isinstance(m.id, tuple):
            assert compiled.ngettext(m.id[0], m.id[1], 1) == m.string[0]
            continue
        got = compiled.pgettext(m.context, m.id) if m.context else compiled.gettext(m.id)
        assert got == m.string, f"{lang}/{domain}.mo is older than its .po: {m.id!r}"


@pytest.mark.parametrize("lang", LANGS)
def test_compiled_qm_is_fresh(lang, tmp_path):
    subprocess.run([T.qt_tool("lrelease"), "-removeidentical", str(T.ts_path(lang)), "-qm",
                    str(tmp_path / "x.qm")], capture_output=True, check=True)
    committed = T.OUT / f"rehabjournal_{lang}.qm"
    assert committed.read_bytes() == (tmp_path / "x.qm").read_bytes(), (
        f"{committed.name} is older than its .ts: run make translations")


def _pairs(lang: str):
    """(source, translation) of every message of every catalogue of ``lang``."""
    for domain in ("messages", "library"):
        for m in po_messages(lang, domain):
            if isinstance(m.id, tuple):
                for i, form in enumerate(m.string):
                    yield m.id[min(i, 1)], form, True
            else:
                yield m.id, m.string, False
    for (_ctx, source), (text, _done) in T.ts_messages(T.ts_path(lang)).items():
        forms = text.split("\n") if "%n" in source else [text]
        for form in forms:
            yield source, form, "%n" in source


@pytest.mark.parametrize("lang", LANGS)
def test_placeholders_survive_translation(lang):
    """A renamed {placeholder} would raise KeyError when the message is shown."""
    broken = []
    for source, text, plural in _pairs(lang):
        want, got = sorted(PLACEHOLDER.findall(source)), sorted(PLACEHOLDER.findall(text))
        if got != want and not (plural and set(got) <= set(want)):
            broken.append((source, text))
    assert broken == []


@pytest.mark.parametrize("lang", LANGS)
def test_mnemonics_and_markup_survive_translation(lang):
    lost = []
    for source, text, _plural in _pairs(lang):
        s_amp = source.replace("&&", "").count("&") - source.count("&nbsp;") - source.count(
            "&amp;") - source.count("&lt;") - source.count("&gt;")
        t_amp = text.replace("&&", "").count("&") - text.count("&nbsp;") - text.count(
            "&amp;") - text.count("&lt;") - text.count("&gt;")
        if (s_amp > 0) != (t_amp > 0):
            lost.append(("mnemonic", source, text))
        if sorted(TAG.findall(source)) != sorted(TAG.findall(text)):
            lost.append(("markup", source, text))
    assert lost == []


def test_no_literal_translation_hidden_in_an_fstring():
    """lupdate skips ``f"{self.tr('x')}"``: such a text would never reach a translator."""
    pattern = re.compile(r"\{(?:self\.)?tr\(\s*['\"]|\{(?:QCoreApplication\.)?translate\("
                         r"\s*['\"][^'\"]*['\"],\s*['\"]")
    hidden = []
    for path in sorted((ROOT / "src" / "rehabjournal").rglob("*.py")):
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if pattern.search(line):
                hidden.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert hidden == []


def test_no_english_month_or_day_names_from_strftime():
    """Dates in words come from QLocale (UI) or Babel (below it), never strftime."""
    pattern = re.compile(r"%[aAbB]")
    found = []
    for path in sorted((ROOT / "src" / "rehabjournal").rglob("*.py")):
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            if pattern.search(code) and ("strftime(" in code or re.search(r"\{[^}]*:[^}]*%", code)
                                         or "MADE" in code):
                found.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert found == []
