"""Update and compile rehabjournal's translations (``make translations``).

Two catalogues families live in ``resources/translations/`` (docs/architecture.md,
"Translations"):

* Qt's, for the UI: ``rehabjournal_<lang>.ts`` made by ``pyside6-lupdate`` from the ``tr()``
  calls under ``src/rehabjournal/ui`` and compiled by ``pyside6-lrelease`` to ``.qm``;
* gettext's, for text made below the UI: ``messages.pot`` (from ``_()``, ``N_()``,
  ``ngettext()`` and ``pgettext()`` calls anywhere in ``src/rehabjournal``) and
  ``library.pot`` (the shipped exercises' and templates' texts), merged into
  ``<lang>/LC_MESSAGES/*.po`` and compiled to ``.mo`` with Babel.

Usage::

    python tools/translations.py            # update sources from the code, then compile
    python tools/translations.py --compile  # compile only (after translating)
    python tools/translations.py --check    # exit 1 when a source is out of date or unfinished
    python tools/translations.py --pseudo   # write a pseudo-locale (accented, ~40 % longer)
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "rehabjournal"
OUT = ROOT / "resources" / "translations"
LANGS = ("fr", "de")
KEYWORDS = {"_": None, "gettext": None, "N_": None, "ngettext": (1, 2),
            "pgettext": ((1, "c"), 2)}
PROJECT = "rehabjournal"


# -- Qt ---------------------------------------------------------------------------------------

def qt_tool(name: str) -> str:
    """The path of PySide6's ``lupdate`` / ``lrelease`` (shipped inside the wheel)."""
    import PySide6

    here = Path(PySide6.__file__).parent
    for candidate in (here / name, here / f"{name}.exe", here / "Qt" / "libexec" / name):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if found:
        return found
    raise SystemExit(f"{name} not found in PySide6 ({here}); install PySide6-Essentials")


def ui_sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (SRC / "ui").rglob("*.py"))


def ts_path(lang: str, folder: Path = OUT) -> Path:
    return folder / f"rehabjournal_{lang}.ts"


def update_ts(folder: Path = OUT) -> None:
    """lupdate the code's tr() strings into each language's .ts (kept translations stay)."""
    folder.mkdir(parents=True, exist_ok=True)
    for lang in LANGS:
        run([qt_tool("lupdate"), *ui_sources(), "-no-obsolete", "-locations", "none",
             "-source-language", "en", "-target-language", lang,
             "-ts", str(ts_path(lang, folder))])


def release_qm() -> None:
    for lang in LANGS:
        run([qt_tool("lrelease"), "-removeidentical", str(ts_path(lang)),
             "-qm", str(OUT / f"rehabjournal_{lang}.qm")])


def ts_messages(path: Path) -> dict[tuple[str, str], tuple[str, bool]]:
    """{(context, source): (translation, finished)} of a .ts file (numerus forms joined)."""
    out = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is None or tr.get("type") in ("vanished", "obsolete"):
                continue
            forms = [f.text or "" for f in tr.iter("numerusform")]
            text = "\n".join(forms) if forms else (tr.text or "")
            finished = tr.get("type") != "unfinished" and all(
                f.strip() for f in (forms or [text]))
            out[(name, msg.findtext("source") or "")] = (text, finished)
    return out


# -- gettext ----------------------------------------------------------------------------------

def extract_messages() -> Catalog:
    catalog = Catalog(project=PROJECT, charset="utf-8")
    for filename, lineno, message, comments, context in extract_from_dir(
            str(SRC), method_map=[("**.py", "python")], keywords=KEYWORDS,
            comment_tags=("Translators:",), strip_comment_tags=True):
        catalog.add(message, None, [(f"rehabjournal/{filename}", lineno)],
                    auto_comments=comments, context=context)
    return catalog


#: The texts of the shipped library a person reads (sources and keys stay as they are).
LIBRARY_FIELDS = ("name", "instructions", "tempo")
TEMPLATE_FIELDS = ("name", "description", "notes")
PHASE_FIELDS = ("name", "goal", "criteria")
PRESCRIPTION_FIELDS = ("notes", "effort_target", "tempo")


def library_texts() -> list[tuple[str, str]]:
    """(text, where) of every translatable text of library.json and templates.json."""
    texts: list[tuple[str, str]] = []
    lib = json.loads((ROOT / "resources" / "exercises" / "library.json").read_text("utf-8"))
    for ex in lib["exercises"]:
        where = f"exercises/library.json:{ex['slug']}"
        texts += [(ex[f], where) for f in LIBRARY_FIELDS if ex.get(f)]
        texts += [(c, where) for c in ex.get("cues", []) if c]
        texts += [(s, where) for s in ex.get("progression", {}).get("then", [])
                  if isinstance(s, str) and s and " " in s]
    for path in sorted((ROOT / "resources" / "instruments").glob("*.json")):
        inst = json.loads(path.read_text("utf-8"))
        # our own words about a questionnaire; its items and instructions stay as published
        texts += [(inst[f], f"instruments/{path.name}") for f in ("blurb", "licence")
                  if inst.get(f)]
    tpl = json.loads((ROOT / "resources" / "programmes" / "templates.json").read_text("utf-8"))
    for t in tpl["templates"]:
        where = f"programmes/templates.json:{t['key']}"
        texts += [(t[f], where) for f in TEMPLATE_FIELDS if t.get(f)]
        for ph in t.get("phases", []):
            texts += [(ph[f], where) for f in PHASE_FIELDS if ph.get(f)]
            for p in ph.get("prescriptions", []):
                texts += [(p[f], where) for f in PRESCRIPTION_FIELDS
                          if isinstance(p.get(f), str) and p.get(f)]
    return texts


def extract_library() -> Catalog:
    catalog = Catalog(project=PROJECT, charset="utf-8")
    for text, where in library_texts():
        catalog.add(text, None, [(where, 0)])
    return catalog


def pot_path(domain: str, folder: Path = OUT) -> Path:
    return folder / f"{domain}.pot"


def po_path(lang: str, domain: str, folder: Path = OUT) -> Path:
    return folder / lang / "LC_MESSAGES" / f"{domain}.po"


def write_catalog(catalog: Catalog, path: Path, **kw) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    buf = io.BytesIO()
    write_po(buf, catalog, width=100, omit_header=False, sort_output=True,
             no_location=True, **kw)
    data = b"\n".join(line for line in buf.getvalue().split(b"\n")
                      if not line.startswith((b'"POT-Creation-Date', b'"PO-Revision-Date')))
    path.write_bytes(data)


def read_catalog(path: Path, locale: str | None = None) -> Catalog:
    with open(path, "rb") as fh:
        return read_po(fh, locale=locale)


def _ids(catalog: Catalog) -> set:
    return {(m.context, m.id) for m in catalog if m.id}


def update_po(folder: Path = OUT) -> None:
    for domain, template in (("messages", extract_messages()), ("library", extract_library())):
        write_catalog(template, pot_path(domain, folder))
        for lang in LANGS:
            path = po_path(lang, domain, folder)
            if path.exists():
                catalog = read_catalog(path, lang)
                if _ids(catalog) == _ids(template):
                    continue  # nothing new: leave the file (a translator may be editing it)
            else:
                catalog = Catalog(locale=lang, project=PROJECT, charset="utf-8")
            catalog.update(template, no_fuzzy_matching=True)
            write_catalog(catalog, path, ignore_obsolete=True)


def compile_mo() -> None:
    for domain in ("messages", "library"):
        for lang in LANGS:
            catalog = read_catalog(po_path(lang, domain), lang)
            with open(po_path(lang, domain).with_suffix(".mo"), "wb") as fh:
                write_mo(fh, catalog, use_fuzzy=False)


# -- checks -----------------------------------------------------------------------------------

def problems() -> list[str]:
    """What is out of date or unfinished: an empty list when all is well."""
    found: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp)
        for lang in LANGS:  # the committed .ts, brought up to date in a copy
            if ts_path(lang).exists():
                shutil.copy(ts_path(lang), ts_path(lang, fresh))
        update_ts(fresh)
        for lang in LANGS:
            if not ts_path(lang).exists():
                found.append(f"{ts_path(lang).name} is missing: run make translations")
                continue
            now, fresh_msgs = ts_messages(ts_path(lang)), ts_messages(ts_path(lang, fresh))
            if set(now) != set(fresh_msgs):
                new = sorted(set(fresh_msgs) - set(now))[:5]
                gone = sorted(set(now) - set(fresh_msgs))[:5]
                found.append(f"{ts_path(lang).name} is out of date with the code "
                             f"(new: {new}, gone: {gone}): run make translations")
            unfinished = [k for k, (_text, done) in now.items() if not done]
            if unfinished:
                found.append(f"{ts_path(lang).name}: {len(unfinished)} unfinished, e.g. "
                             f"{unfinished[:5]}")
    for domain, template in (("messages", extract_messages()), ("library", extract_library())):
        ids = {(m.context, m.id if isinstance(m.id, str) else m.id[0])
               for m in template if m.id}
        for lang in LANGS:
            path = po_path(lang, domain)
            if not path.exists():
                found.append(f"{path.relative_to(ROOT)} is missing: run make translations")
                continue
            catalog = read_catalog(path, lang)
            have = {(m.context, m.id if isinstance(m.id, str) else m.id[0])
                    for m in catalog if m.id}
            if ids != have:
                found.append(f"{path.relative_to(ROOT)} is out of date with the code "
                             f"(new: {sorted(ids - have, key=str)[:5]}, gone: "
                             f"{sorted(have - ids, key=str)[:5]}): run make translations")
            empty = [m.id for m in catalog if m.id and (
                m.fuzzy or not (all(m.string) if isinstance(m.string, tuple | list)
                                else m.string))]
            if empty:
                found.append(f"{path.relative_to(ROOT)}: {len(empty)} untranslated, e.g. "
                             f"{empty[:5]}")
    return found


def run(cmd: list[str]) -> None:
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(f"{Path(cmd[0]).name} failed:\n{result.stdout}{result.stderr}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compile", action="store_true", help="compile only")
    parser.add_argument("--check", action="store_true",
                        help="report sources out of date with the code, or unfinished")
    args = parser.parse_args(argv)
    if args.check:
        found = problems()
        for line in found:
            print(line)
        return 1 if found else 0
    if not args.compile:
        update_ts()
        update_po()
    release_qm()
    compile_mo()
    return 0


if __name__ == "__main__":
    sys.exit(main())
