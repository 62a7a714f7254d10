"""Team tool for issue 19: per-area translation work files, checked and merged.

Each area (a set of source files) keeps its French and German translations in
``tools/translation_work/<area>.json`` while its strings are being marked::

    {"messages": {"<msgid>": {"fr": "...", "de": "..."},
                  "<singular msgid>": {"plural": "<plural msgid>",
                                       "fr": ["<one>", "<many>"], "de": ["<one>", "<many>"]},
                  "<context>\\u0004<msgid>": {"fr": "...", "de": "..."}},
     "qt": {"<Qt context, e.g. the class name>": {"<source>": {"fr": "...", "de": "..."}}}}

(Qt plural "%n" sources take ["<one>", "<many>"] lists too.)

    python tools/translation_work.py check AREA   # what of AREA's files lacks a translation
    python tools/translation_work.py merge        # all work files -> the .po and .ts sources
    python tools/translation_work.py build        # extract + merge + compile, under a lock
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import translations as T  # noqa: E402

ROOT = T.ROOT
WORK = ROOT / "tools" / "translation_work"
S = "src/rehabjournal/"

AREAS: dict[str, list[str]] = {
    "domain": [S + "domain/*.py"],
    "services_a": [S + f"services/{n}.py" for n in (
        "programme", "settings", "summary", "progress", "questions", "pattern_text",
        "patterns", "outcomes", "exercise_logs", "report", "programme_sheet")],
    "services_b": [S + f"services/{n}.py" for n in (
        "journal", "demo", "backups", "session", "files", "transfer", "exports", "edit",
        "changes", "errors", "startup", "reminders", "autostart", "clock", "tempdirs",
        "__init__")] + [S + "errors.py", S + "cli.py", S + "commands.py", S + "paths.py",
                        S + "__main__.py"],
    "store": [S + "store/*.py"],
    "reports": [S + "reports/*.py", S + "charts/*.py"],
    "ui_pages": [S + "ui/pages/**/*.py"],
    "ui_rest": [S + "ui/*.py"],
}

PLACEHOLDER = re.compile(r"\{[a-zA-Z_][a-zA-Z0-9_]*(?:[!:][^{}]*)?\}|%n|%\d")


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def area_files(area: str) -> list[Path]:
    files: set[Path] = set()
    for pattern in AREAS[area]:
        files.update(ROOT.glob(pattern))
    return sorted(files)


def load(area: str) -> dict:
    path = WORK / f"{area}.json"
    if not path.exists():
        return {"messages": {}, "qt": {}}
    return json.loads(path.read_text("utf-8"))


def gettext_ids(files: list[Path]) -> dict[str, str | None]:
    """{key: plural or None} of the _()/N_()/ngettext()/pgettext() strings of ``files``."""
    from babel.messages.extract import extract

    out: dict[str, str | None] = {}
    for f in files:
        with open(f, "rb") as fh:
            for _lineno, message, _comments, context in extract(
                    "python", fh, keywords=T.KEYWORDS, comment_tags=()):
                if isinstance(message, tuple):
                    key, plural = message[0], message[1]
                else:
                    key, plural = message, None
                if context:
                    key = f"{context}\u0004{key}"
                out[key] = plural
    return out


def qt_ids(files: list[Path]) -> dict[tuple[str, str], bool]:
    """{(context, source): numerus} of the tr()/translate() strings of ``files``."""
    ui = [f for f in files if "/ui/" in str(f)]
    if not ui:
        return {}
    with tempfile.TemporaryDirectory() as tmp:
        ts = Path(tmp) / "x.ts"
        T.run([T.qt_tool("lupdate"), *map(str, ui), "-locations", "none", "-ts", str(ts)])
        out = {}
        for ctx in ET.parse(ts).getroot().iter("context"):
            for msg in ctx.iter("message"):
                out[(ctx.findtext("name") or "", msg.findtext("source") or "")] = (
                    msg.get("numerus") == "yes")
        return out


def _problems_of(source: str, entry: dict, plural: bool) -> list[str]:
    found = []
    for lang in ("fr", "de"):
        text = entry.get(lang)
        if plural:
            if not (isinstance(text, list) and len(text) == 2 and all(text)):
                found.append(f"{lang}: plural needs [one, many]")
                continue
            texts = text
        else:
            if not isinstance(text, str) or not text.strip():
                found.append(f"{lang}: missing")
                continue
            texts = [text]
        want = placeholders(source)
        for t in texts:
            if placeholders(t) != want and not (plural and set(placeholders(t)) <= set(want)):
                found.append(f"{lang}: placeholders {placeholders(t)} != {want}")
    return found


def check(area: str) -> int:
    files = area_files(area)
    work = load(area)
    bad = 0
    for f in files:
        text = f.read_text("utf-8")
        for m in re.finditer(r"\b(?:_|tr|ngettext|N_)\(\s*f[\"']", text):
            line = text.count("\n", 0, m.start()) + 1
            print(f"{f.relative_to(ROOT)}:{line}: an f-string inside a translation call "
                  "(use named {placeholders} and .format())")
            bad += 1
    for key, plural in gettext_ids(files).items():
        entry = work["messages"].get(key)
        if entry is None:
            print(f"messages: missing {key!r}")
            bad += 1
            continue
        for p in _problems_of(key.split("\u0004")[-1], entry, plural is not None):
            print(f"messages: {key!r}: {p}")
            bad += 1
    for (ctx, source), numerus in qt_ids(files).items():
        entry = work["qt"].get(ctx, {}).get(source)
        if entry is None:
            print(f"qt: missing [{ctx}] {source!r}")
            bad += 1
            continue
        for p in _problems_of(source, entry, numerus):
            print(f"qt: [{ctx}] {source!r}: {p}")
            bad += 1
    print(f"{area}: {bad} problem(s) in {len(files)} files")
    return 1 if bad else 0


def merge() -> int:
    """Fill the .po and .ts sources from every work file (after ``translations.py``)."""
    messages: dict[str, dict] = {}
    qt: dict[tuple[str, str], dict] = {}
    # the areas' files first, then the fixes and the lead's: a later entry overrides
    for path in sorted(WORK.glob("*.json"),
                       key=lambda p: (p.stem.startswith(("fix_", "lead")), p.stem)):
        data = json.loads(path.read_text("utf-8"))
        messages.update(data.get("messages", {}))
        for ctx, entries in data.get("qt", {}).items():
            for source, entry in entries.items():
                qt[(ctx, source)] = entry
    for lang in T.LANGS:
        path = T.po_path(lang, "messages")
        catalog = T.read_catalog(path, lang)
        for msg in catalog:
            if not msg.id:
                continue
            key = msg.id[0] if isinstance(msg.id, tuple) else msg.id
            if msg.context:
                key = f"{msg.context}\u0004{key}"
            entry = messages.get(key)
            if entry and entry.get(lang):
                text = entry[lang]
                if isinstance(msg.id, tuple):
                    forms = text if isinstance(text, list) else [text, text]
                    msg.string = tuple(forms[:catalog.num_plurals] + [forms[-1]] * max(
                        0, catalog.num_plurals - len(forms)))
                else:
                    msg.string = text if isinstance(text, str) else text[0]
                msg.flags.discard("fuzzy")
        T.write_catalog(catalog, path, ignore_obsolete=True)
        ts = T.ts_path(lang)
        tree = ET.parse(ts)
        for ctx in tree.getroot().iter("context"):
            name = ctx.findtext("name") or ""
            for msg in ctx.iter("message"):
                entry = qt.get((name, msg.findtext("source") or ""))
                tr = msg.find("translation")
                if not entry or not entry.get(lang) or tr is None:
                    continue
                text = entry[lang]
                for child in list(tr):
                    tr.remove(child)
                if msg.get("numerus") == "yes":
                    tr.text = None
                    for form in (text if isinstance(text, list) else [text, text]):
                        ET.SubElement(tr, "numerusform").text = form
                else:
                    tr.text = text if isinstance(text, str) else text[0]
                tr.attrib.pop("type", None)
        ET.indent(tree, space="    ")
        body = ET.tostring(tree.getroot(), encoding="unicode")
        ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                      encoding="utf-8")
    return 0


def build() -> int:
    """Extract, merge every work file, compile: under a lock, so helpers may run it at once.
    The .ts/.po/.qm/.mo it writes are committed by the lead only."""
    import fcntl

    WORK.mkdir(parents=True, exist_ok=True)
    with open(WORK / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        T.update_ts()
        T.update_po()
        merge()
        T.release_qm()
        T.compile_mo()
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 2 and sys.argv[1] == "build":
        sys.exit(build())
    if len(sys.argv) == 3 and sys.argv[1] == "check":
        sys.exit(check(sys.argv[2]))
    if len(sys.argv) == 2 and sys.argv[1] == "merge":
        sys.exit(merge())
    print(__doc__)
    sys.exit(2)
