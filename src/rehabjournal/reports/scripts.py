"""Any script in the PDF: a font for every character, right-to-left order, and shaping.

User text (notes, names, questions) is cut into runs, one per font, and handed to reportlab
as paragraph markup (``styles.user_text``):

* **Coverage** comes from each font's cmap (fontTools, which matplotlib already needs). The
  shipped fonts are tried first: DejaVu Sans (Latin, Greek, Cyrillic, many symbols), then
  Noto Sans Arabic / Hebrew / Devanagari for their own scripts, WenQuanYi Micro Hei (Chinese,
  Japanese kana, Korean Hangul), Noto Emoji (monochrome emoji up to Unicode 15, shaped:
  a ZWJ sequence, a skin tone or a flag is one sign) and a Symbola subset (symbols). A
  character none of them has is looked up among the system's fonts with fontconfig
  (``fc-list :charset=...``; TrueType outlines only: reportlab cannot embed CFF fonts). A
  character no font has, or one that no font can have (unassigned, private use, a lone
  surrogate), is printed as ``PLACEHOLDER`` ("□") and counted (``PlaceholderTally``).
* **Right-to-left** order comes from python-bidi (the Unicode Bidirectional Algorithm, UAX #9;
  its pure-Python ``bidi.algorithm``, which mirrors brackets, rule L4, where its Rust
  ``get_display`` does not; it predates the bracket-pair rule N0, so a bracket pair around
  text of the other direction may face the wrong way). reportlab's own RTL support needs its
  ``rlbidi`` package, which is not on PyPI. A right-to-left paragraph (a note, or each line
  of a note typed on several lines, whose first strong letter is right to left) goes to
  reportlab in logical order, enclosed in ``RTL_LINES`` ... ``RTL_END``; reportlab breaks
  it into lines, and the ``Paragraph.breakLines`` of ``install_reportlab_fixes`` puts each
  printed line in display order with the levels UAX #9 gives that line (rules W1-I2, L1,
  L2, L4: section 3.4 of the standard reorders after line breaking), right-aligned. So a
  wrapped note reads top down, and an English phrase or a number in it stays whole on its
  line. Other text with right-to-left letters (a left-to-right note with a Hebrew word, our
  words around a name) is put in display order per line before reportlab breaks it; every
  run of right-to-left letters is then turned back to logical order so that HarfBuzz
  shapes it as one right-to-left word (HarfBuzz lays an RTL run out right to left itself).
* **Shaping** (Arabic joining, Devanagari conjuncts and vowel signs, Hebrew points) is
  reportlab's own: reportlab >= 4.1 shapes TrueType text with HarfBuzz when ``uharfbuzz`` is
  installed and a paragraph style has ``shaping=1``. We chose it over python-bidi +
  arabic-reshaper (Arabic only, through presentation-form code points; nothing for
  Devanagari or any other Indic script) and over calling uharfbuzz ourselves (we would have
  to lay out glyphs outside reportlab's paragraphs). Two small corrections are installed by
  ``install_reportlab_fixes``: reportlab shapes a whole word with the font of its first
  piece, so "ok" + Arabic in one word, or Chinese + emoji, came out as wrong glyphs; here
  each piece is shaped with its own font, and only pieces in fonts that need shaping (the
  script fonts and system fonts; never DejaVu, so Latin ligatures never change the text
  layer). And reportlab writes the text layer (ToUnicode) of characters beyond U+FFFF as
  5 hex digits instead of UTF-16, so emoji did not extract; here they are UTF-16.

The text layer: each shaped glyph's ToUnicode entry is the text it stands for (HarfBuzz's
cluster: a contextual Arabic form reads as its letter, lam-alef as two letters, a Devanagari
conjunct as its consonants and virama; ``_text_layer``), where reportlab wrote a
presentation form or a private-use character. Latin, Greek, Cyrillic, CJK, emoji and
Devanagari extract as written (pypdf; pdftotext and PDFium may add or drop a space between
words, from their own layout guesses). Right-to-left glyphs are drawn in
display order, as in every PDF without tagged structure: pdftotext (poppler) and PDFium
read a right-to-left line back in logical order; pypdf gives each word's letters in order
but the words of a right-to-left line in display order (its reordering stops at each font
change). A ligature of two right-to-left letters (lam-alef "لا") is written, as the PDF
standard has it, as its letters in logical order: pypdf reads them so, pdftotext reverses
them with the line ("ال"). /ActualText spans were tried and dropped: poppler and PDFium
reverse their text again.

Limits: a left-to-right paragraph with right-to-left phrases keeps them in the order of the
whole line, so such a phrase cut by a line break reads its parts from the bottom up. Bold
text in a fallback font prints in its regular weight. Emoji are monochrome (Noto Emoji).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import threading
import unicodedata
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from ..i18n import FORMAT_LOCALES, current, ngettext
from ..paths import resource

PLACEHOLDER = "\u25a1"
"""Printed for a character that no font has ("□", from DejaVu Sans)."""

BASE_FONT = "DejaVuSans"
"""The report's own font: runs in it get no ``<font>`` tag, so the style's bold stays."""


@dataclass(frozen=True, slots=True)
class FallbackFont:
    """A font tried for characters the base font lacks.

    Attributes:
        name: the name registered with reportlab (and used in ``<font name=...>``).
        file: the TrueType file.
        shaped: whether its runs are shaped with HarfBuzz (scripts that need it).
        subfont: the face index in a .ttc collection.
    """

    name: str
    file: Path
    shaped: bool = False
    subfont: int = 0


def _shipped(name: str, file: str, shaped: bool = False) -> FallbackFont:
    return FallbackFont(name, resource("fonts", file), shaped)


@cache
def shipped_fonts() -> tuple[FallbackFont, ...]:
    """The fallback fonts shipped in resources/fonts, in the order they are tried."""
    return (
        _shipped("NotoSansArabic", "NotoSansArabic-Regular.ttf", shaped=True),
        _shipped("NotoSansHebrew", "NotoSansHebrew-Regular.ttf", shaped=True),
        _shipped("NotoSansDevanagari", "NotoSansDevanagari-Regular.ttf", shaped=True),
        _shipped("WenQuanYiMicroHei", "WenQuanYiMicroHei.ttf"),
        _shipped("NotoEmoji", "NotoEmoji-Regular.ttf", shaped=True),
        _shipped("SymbolaSymbols", "Symbola-Symbols.ttf"),
    )


EMOJI_FONT = "NotoEmoji"
"""The shipped font for emoji, and for a symbol followed by U+FE0F (emoji presentation)."""


def _emoji_font() -> FallbackFont:
    return next(f for f in shipped_fonts() if f.name == EMOJI_FONT)


_SCRIPT_FONTS = (
    # (first, last code point, the shipped font tried before DejaVu Sans)
    (0x0590, 0x05FF, "NotoSansHebrew"),
    (0xFB1D, 0xFB4F, "NotoSansHebrew"),
    (0x0600, 0x06FF, "NotoSansArabic"),
    (0x0750, 0x077F, "NotoSansArabic"),
    (0x0870, 0x08FF, "NotoSansArabic"),
    (0xFB50, 0xFDFF, "NotoSansArabic"),
    (0xFE70, 0xFEFF, "NotoSansArabic"),
    (0x0900, 0x097F, "NotoSansDevanagari"),
    (0xA8E0, 0xA8FF, "NotoSansDevanagari"),
    (0x1F000, 0x1FAFF, EMOJI_FONT),
)
"""Scripts whose own Noto font is preferred to DejaVu Sans (which has rough Arabic and
Hebrew and no shaping rules for them that match Noto's look)."""

_DROPPED = frozenset(
    [0x200E, 0x200F, 0x061C, 0xFEFF, *range(0x202A, 0x202F), *range(0x2066, 0x206A),
     *range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0)]
)
"""Bidi controls (applied by python-bidi before), the BOM and variation selectors: nothing
to print. A variation selector after an emoji stays in the emoji's run when its font (Noto
Emoji) has it: HarfBuzz shapes it to no width, and the text layer keeps it ("❤️")."""

_JOINERS = frozenset([0x200C, 0x200D])
"""Zero-width (non-)joiners: kept inside a run whose font has them (shaping uses them),
dropped otherwise (they print nothing)."""

_MAX_SYSTEM_QUERIES = 64
"""fontconfig look-ups per process at most, so that a note of a million unusual characters
cannot start a million processes."""


@cache
def coverage(file: Path, subfont: int = 0) -> frozenset[int]:
    """The code points a font file maps to glyphs (its best Unicode cmap).

    Raises:
        OSError: the file cannot be read. fontTools.ttLib.TTLibError: not a font.
    """
    from fontTools.ttLib import TTFont

    with TTFont(str(file), fontNumber=subfont, lazy=True) as font:
        return frozenset(font.getBestCmap() or ())


@cache
def _base_coverage() -> frozenset[int]:
    return coverage(resource("fonts", "DejaVuSans.ttf"))


# --- fonts registered with reportlab, when first used ---------------------------------

_lock = threading.RLock()
_registered: set[str] = set()
_system: dict[int, FallbackFont | None] = {}
_system_fonts: dict[tuple[str, int], FallbackFont | None] = {}
_queries = 0


def register(font: FallbackFont) -> bool:
    """Register ``font`` with reportlab (once); False when reportlab cannot use it."""
    with _lock:
        if font.name in _registered:
            return True
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFError, TTFont

        try:
            pdfmetrics.registerFont(TTFont(font.name, str(font.file),
                                           subfontIndex=font.subfont))
        except (TTFError, OSError, ValueError, KeyError, IndexError):
            return False
        # so that <b> around a fallback run finds a "bold" face (the same one)
        pdfmetrics.registerFontFamily(font.name, normal=font.name, bold=font.name,
                                      italic=font.name, boldItalic=font.name)
        _registered.add(font.name)
        return True


def _usable_system_font(path: str, index: int) -> FallbackFont | None:
    key = (path, index)
    if key not in _system_fonts:
        stem = re.sub(r"[^A-Za-z0-9]+", "", Path(path).stem)[:40] or "font"
        font = FallbackFont(f"System-{stem}-{index}", Path(path), shaped=True, subfont=index)
        ok = Path(path).suffix.lower() in (".ttf", ".ttc") and register(font)
        _system_fonts[key] = font if ok else None
    return _system_fonts[key]


def system_font(cp: int) -> FallbackFont | None:
    """A system font (TrueType outlines) that has code point ``cp``, found with fontconfig.

    None when fontconfig is missing, finds none, or ``_MAX_SYSTEM_QUERIES`` is used up.
    """
    global _queries
    with _lock:
        if cp in _system:
            return _system[cp]
        for font in _system_fonts.values():  # a system font already in use
            if font is not None and cp in coverage(font.file, font.subfont):
                _system[cp] = font
                return font
        fc_list = shutil.which("fc-list")
        if fc_list is None or _queries >= _MAX_SYSTEM_QUERIES:
            return None
        _queries += 1
        try:
            out = subprocess.run(
                [fc_list, f":charset={cp:x}", "--format=%{file}|%{index}\n"],
                capture_output=True, text=True, timeout=10, check=False).stdout
        except (OSError, subprocess.SubprocessError):
            out = ""
        found = None
        for line in sorted(out.splitlines()):
            path, _, index = line.rpartition("|")
            if path and index.isdigit():
                found = _usable_system_font(path, int(index))
                if found is not None:
                    break
        _system[cp] = found
        return found


# --- which font prints a character -----------------------------------------------------

def _script_font(cp: int) -> str | None:
    for first, last, name in _SCRIPT_FONTS:
        if first <= cp <= last:
            return name
    return None


def _printable_anywhere(ch: str) -> bool:
    """False for characters no font can have: unassigned, private use, surrogates."""
    return unicodedata.category(ch) not in ("Cn", "Co", "Cs")


@cache
def font_for(ch: str) -> str | None:
    """The font name for ``ch``: ``BASE_FONT``, a fallback font's name, or None (no font).

    Shipped fonts first (a script's own Noto font before DejaVu Sans for Arabic, Hebrew and
    Devanagari), then the system's fonts (fontconfig).
    """
    cp = ord(ch)
    fonts = shipped_fonts()
    preferred = _script_font(cp)
    if preferred:
        font = next(f for f in fonts if f.name == preferred)
        if cp in coverage(font.file) and register(font):
            return font.name
    if cp in _base_coverage():
        return BASE_FONT
    for font in fonts:
        if cp in coverage(font.file) and register(font):
            return font.name
    if not _printable_anywhere(ch):
        return None
    found = system_font(cp)
    return found.name if found else None


def shaped_font_names() -> frozenset[str]:
    """Names of the registered fonts whose runs HarfBuzz shapes."""
    with _lock:
        names = {f.name for f in shipped_fonts() if f.shaped}
        names |= {f.name for f in _system_fonts.values() if f is not None}
    return frozenset(names)


# --- the tally of placeholders ---------------------------------------------------------

class PlaceholderTally:
    """Counts the characters printed as ``PLACEHOLDER`` while it is active.

    Usage::

        with PlaceholderTally() as tally:
            story = build_story(...)
        if tally.count:
            story.append(Paragraph(placeholder_notice(tally.count), ...))

    Tallies are per context (thread or task), so two reports built at once do not mix.
    """

    _current: ContextVar[PlaceholderTally | None] = ContextVar("placeholder_tally",
                                                                default=None)

    def __init__(self) -> None:
        self.count = 0
        self._token = None

    def __enter__(self) -> PlaceholderTally:
        self._token = self._current.set(self)
        return self

    def __exit__(self, *exc) -> None:
        self._current.reset(self._token)

    @classmethod
    def add(cls, n: int) -> None:
        tally = cls._current.get()
        if tally is not None and n:
            tally.count += n


def placeholder_notice(count: int) -> str:
    """The sentence a report prints when ``count`` characters became placeholders."""
    from babel.numbers import format_decimal

    return ngettext("{count} character could not be printed: no font on this computer has "
                    "them; each is shown as {box}.", "{count} characters could not be "
                    "printed: no font on this computer has them; each is shown as {box}.",
                    count).format(count=format_decimal(count, locale=FORMAT_LOCALES[current()]),
                                  box=PLACEHOLDER)


# --- right-to-left order ---------------------------------------------------------------

_RTL_CLASSES = frozenset(("R", "AL"))
_RUN_CLASSES = frozenset(("R", "AL", "NSM", "BN"))


def _has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(c) in _RTL_CLASSES for c in text)


_ISOLATES = {"\u2066": "L", "\u2067": "R", "\u2068": None}
"""Isolate initiators (LRI, RLI, FSI) and the base direction of what they enclose."""
_PDI = "\u2069"


def _isolated(line: str) -> list[tuple[str, bool, str | None]] | None:
    """``line`` cut at its outermost isolates: (text, isolated, its direction) pieces; None
    when it has no isolate. An isolate left open ends with the line (UAX #9, BD9)."""
    if not any(c in _ISOLATES for c in line):
        return None
    out: list[tuple[str, bool, str | None]] = []
    depth, start, kind = 0, 0, None
    for i, c in enumerate(line):
        if c in _ISOLATES:
            if depth == 0:
                out.append((line[start:i], False, None))
                start, kind = i + 1, _ISOLATES[c]
            depth += 1
        elif c == _PDI and depth:
            depth -= 1
            if depth == 0:
                out.append((line[start:i], True, kind))
                start = i + 1
    out.append((line[start:], depth > 0, kind if depth else None))
    return [p for p in out if p[0]]


def _first_strong(text: str) -> str | None:
    for c in text:
        cls = unicodedata.bidirectional(c)
        if cls == "L":
            return "L"
        if cls in _RTL_CLASSES:
            return "R"
    return None


def display_order(line: str, base: str | None = None) -> list[tuple[str, bool]]:
    """One line of text in display order, as (text, is_rtl_run) pieces.

    Right-to-left letter runs (with their marks) are returned in logical order (HarfBuzz
    lays them out right to left); everything else is in display (left-to-right) order. The
    paragraph direction is ``base`` ("L" or "R"), or else that of the line's first strong
    character outside isolates (UAX #9, P2-P3).

    Text between an isolate initiator (FSI U+2068, LRI U+2066, RLI U+2067) and its PDI
    (U+2069) is ordered on its own, with its own direction, and stays in its place: our
    words around a user's name ("\u2068ריצה\u2069 30 min") keep their order. (Outermost
    isolates only are ordered apart; a right-to-left letter next to an isolate is ordered
    without it.)
    """
    if not _has_rtl(line):
        return [(line, False)]
    parts = _isolated(line)
    if parts is not None:
        if base is None:
            base = _first_strong("".join(t for t, iso, _ in parts if not iso)) or "L"
        pieces_of = [display_order(t, kind if iso else base) for t, iso, kind in parts]
        if base == "R":
            pieces_of.reverse()
        return [p for pieces in pieces_of for p in pieces]
    # python-bidi's pure-Python algorithm mirrors brackets in right-to-left text (rule L4);
    # its Rust get_display does not, but is about 10 times faster: used when nothing mirrors
    if any(unicodedata.mirrored(c) for c in set(line)):
        from bidi.algorithm import get_display
    else:
        from bidi import get_display

    visual = get_display(line, base_dir=base) if base else get_display(line)
    classes = [unicodedata.bidirectional(c) for c in visual]
    pieces: list[tuple[str, bool]] = []
    for i, j, inside in _letter_runs(classes):
        run = visual[i:j]
        rtl_at = [k for k in range(i, j) if classes[k] in _RTL_CLASSES]
        if inside and rtl_at:
            # marks come before their letter in display order; marks after the last
            # right-to-left letter belong to what is on their left
            last = rtl_at[-1] + 1 - i
            pieces.append((run[:last][::-1], True))
            if last < len(run):
                pieces.append((run[last:], False))
        else:
            pieces.append((run, False))
    return pieces


def _letter_runs(classes: list[str]) -> list[tuple[int, int, bool]]:
    """(start, end, inside) of the runs of ``classes`` (bidi classes, one a character)
    that are right-to-left letters with their marks (inside) or anything else."""
    out = []
    i, n = 0, len(classes)
    while i < n:
        inside = classes[i] in _RUN_CLASSES
        j = i
        while j < n and (classes[j] in _RUN_CLASSES) == inside:
            j += 1
        out.append((i, j, inside))
        i = j
    return out


# --- runs and markup -------------------------------------------------------------------

def logical_pieces(line: str) -> list[tuple[str, bool]]:
    """One line of text in logical order, as (text, is_rtl_run) pieces: the right-to-left
    letter runs (with their marks) apart, for HarfBuzz to shape each as one run."""
    classes = [unicodedata.bidirectional(c) for c in line]
    return [(line[i:j], inside and any(c in _RTL_CLASSES for c in classes[i:j]))
            for i, j, inside in _letter_runs(classes)]


def runs(text: str, base: str | None = None, logical: bool = False,
         ) -> tuple[list[tuple[str | None, str]], int]:
    """``text`` as (font name, text) runs in display order, and the placeholder count.

    ``base``: the direction of every line ("L", "R"), or None for each line's own
    (``display_order``). ``logical``: the runs in logical order instead (reordered per
    printed line later, ``_display_words``).

    The font name is None for the base font (``BASE_FONT``). Characters no font has become
    ``PLACEHOLDER`` in the base font.
    """
    out: list[tuple[str | None, str]] = []
    missing = 0
    current: str | None = None
    buf: list[str] = []

    def push(font: str | None, s: str) -> None:
        nonlocal current
        if buf and font != current:
            out.append((current, "".join(buf)))
            buf.clear()
        current = font
        buf.append(s)

    def flush() -> None:
        if buf:
            out.append((current, "".join(buf)))
            buf.clear()

    for n, line in enumerate(text.split("\n")):
        if n:
            push(None, "\n")
        for piece, rtl in (logical_pieces(line) if logical else display_order(line, base)):
            if rtl:
                flush()  # a right-to-left run is always a run of its own (shaped alone)
                outer, out = out, []
            for i, ch in enumerate(piece):
                cp = ord(ch)
                if cp in _DROPPED:
                    if (0xFE00 <= cp <= 0xFE0F and buf and current in shaped_font_names()
                            and cp in _font_coverage(current)):
                        buf.append(ch)  # ❤ + U+FE0F: shaped to nothing, kept in the text
                    continue
                if cp in _JOINERS or (buf and unicodedata.category(ch).startswith("M")):
                    if buf and cp in _font_coverage(current):
                        buf.append(ch)  # a mark or joiner stays with its letter's font
                        continue
                    if cp in _JOINERS:
                        continue
                if buf and buf[-1] == "\u200d" and cp in _font_coverage(current):
                    buf.append(ch)  # what a joiner joins stays in its font: 🏃‍♀ is one sign
                    continue
                font = font_for(ch)
                if piece[i + 1:i + 2] == "\ufe0f" and font != EMOJI_FONT \
                        and cp in _font_coverage(EMOJI_FONT) and register(_emoji_font()):
                    font = EMOJI_FONT  # emoji presentation asked for: ❤️ in the emoji font
                if font is None:
                    missing += 1
                    push(None, PLACEHOLDER)
                else:
                    push(None if font == BASE_FONT else font, ch)
            if rtl:
                flush()
                # HarfBuzz lays each shaped piece out right to left; the pieces themselves
                # (a letter only another font has splits the run) go right to left too
                shaped = shaped_font_names()
                outer.extend(out if logical else
                             [(font, s if font in shaped else s[::-1])
                              for font, s in reversed(out)])
                out = outer
    flush()
    return out, missing


def _font_coverage(name: str | None) -> frozenset[int]:
    if name is None:
        return _base_coverage()
    for font in shipped_fonts():
        if font.name == name:
            return coverage(font.file)
    with _lock:
        for font in _system_fonts.values():
            if font is not None and font.name == name:
                return coverage(font.file, font.subfont)
    return frozenset()


def _plain(text: str) -> bool:
    """Whether the base font has every character and nothing is right-to-left."""
    base = _base_coverage()
    return all(ord(c) in base and ord(c) not in _DROPPED
               and unicodedata.bidirectional(c) not in _RTL_CLASSES for c in set(text))


RTL_LINES = "\u200f"
RTL_END = "\u200e"
"""Enclose the markup of a right-to-left text of one line (RLM, LRM: dropped from user
text); taken out by the ``breakLines`` of ``install_reportlab_fixes``."""

_TOKENS = re.compile(r"\s+|\S+")


def _right_to_left(text: str, base: str | None) -> bool:
    """Whether every line of ``text`` with a strong letter reads right to left."""
    if base is not None:
        return base == "R"
    seen = False
    for line in text.split("\n"):
        parts = _isolated(line)
        outside = line if parts is None else "".join(t for t, iso, _ in parts if not iso)
        first = _first_strong(outside)
        if first == "L":
            return False
        seen = seen or first == "R"
    return seen


def markup(text: str, base: str | None = None) -> str:
    """Escaped reportlab paragraph markup for ``text``, with ``<font>`` fallback runs.

    ``base``: "L" for a text of ours that holds user text (its user pieces best enclosed
    in FSI U+2068 ... PDI U+2069), "R", or None for user text (each line takes the
    direction of its first strong letter). See ``display_order``.

    Characters no font has are printed as ``PLACEHOLDER`` and added to the active
    ``PlaceholderTally``.
    """
    if not text:
        return ""
    if "\n" in text:
        return "<br/>".join(markup(line, base) for line in text.split("\n"))
    if text.isascii() or _plain(text):
        return escape(text)
    paragraph = _right_to_left(text, base) and any(c.isspace() for c in text)
    pieces, missing = runs(text, base, logical=paragraph)
    PlaceholderTally.add(missing)
    parts = []
    for font, s in pieces:
        parts.append(escape(s) if font is None else f'<font name="{font}">{escape(s)}</font>')
    if paragraph:
        return RTL_LINES + "".join(parts) + RTL_END
    return "".join(parts)


# --- corrections to reportlab ----------------------------------------------------------

_fixes_installed = False

SHAPING_FEATURES = {"kern": True, "liga": True}
"""The OpenType features HarfBuzz applies besides those a script always needs (Arabic
joining, ``rlig``, ``ccmp``, Indic conjuncts). reportlab also turns on ``dlig``
(discretionary ligatures), which a font applies only on request: with it Noto Sans Hebrew
printed yod + vav as the Yiddish ligature "ױ" (U+05F1; "היום" read "הוים"), and Noto Sans
Arabic printed "محمد" as the single sign "ﷴ" and "الله" as "ﷲ"."""


def install_reportlab_fixes() -> None:
    """Shape each piece of a word with its own font, write UTF-16 text for emoji, and break
    right-to-left paragraphs in reading order (``_line_reversing``).

    Idempotent. See the module docstring for what reportlab does without them.
    """
    global _fixes_installed
    with _lock:
        if _fixes_installed:
            return
        from reportlab.pdfbase import ttfonts
        from reportlab.platypus import paragraph

        ttfonts.makeToUnicodeCMap = _to_unicode_cmap
        paragraph.Paragraph.breakLines = _line_reversing(paragraph.Paragraph.breakLines)
        paragraph.Paragraph.split = _rtl_split(paragraph.Paragraph.split)
        original = getattr(paragraph, "shapeFragWord", None)
        if original is not None and hasattr(ttfonts, "ShapedFragWord"):
            paragraph.shapeFragWord = _per_font_shaper(original)
        _fixes_installed = True


def _to_unicode_cmap(fontname: str, subset) -> str:
    """reportlab's ToUnicode CMap, with UTF-16BE (surrogate pairs) for code points > U+FFFF."""
    meanings = _meanings.get(fontname.partition("+")[2], {})

    def utf16(v: int) -> str:
        text = meanings.get(v, chr(v))
        return text.encode("utf-16-be", "surrogatepass").hex().upper()

    return "\n".join([
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{utf16(v)}>" for i, v in enumerate(subset)),
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ])


def _per_font_shaper(original):
    """A ``shapeFragWord`` that shapes only pieces in shaped fonts, each with its own font."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfbase.ttfonts import ShapedFragWord, makeShapedFragWord

    def shape(word, *args, **kwargs):
        if isinstance(word, ShapedFragWord) or len(word) < 2:
            return word
        shaped_names = shaped_font_names()
        items = word[1:]
        if not any(not hasattr(f, "cbDefn") and f.fontName in shaped_names
                   for f, _ in items):
            return word
        width = word[0]
        out = []
        changed = False
        for item in items:
            f, s = item[0], item[1]
            if hasattr(f, "cbDefn") or f.fontName not in shaped_names or not s:
                out.append(item)
                continue
            old = stringWidth(s, f.fontName, f.fontSize)
            kwargs.setdefault("features", SHAPING_FEATURES)
            # force: reportlab compares glyphs with the text position by position and so
            # missed a ligature whose glyph is its first character's (🏃 + ZWJ + ♀ is the
            # runner's glyph): the word kept its three characters and printed them apart
            kwargs["force"] = True
            new = original([old, item], *args, **kwargs)
            if new is None or len(new) < 2 or (len(new) == 2 and new[1] is item):
                out.append(item)
                continue
            changed = True
            width += new[0] - old
            out.extend(_text_layer(new[1:], s, f.fontName, f.fontSize,
                                   kwargs["features"]))
        if not changed:
            return word
        return makeShapedFragWord(word)([width, *out])

    return shape


_meanings: dict[str, dict[int, str]] = {}
"""Per font face (the subset font's name after "+"): private code -> the text its glyph
stands for, written into the ToUnicode CMap by ``_to_unicode_cmap``."""
_meaning_codes: dict[tuple[str, int, str, float | None], int] = {}


def _face_key(face) -> str:
    return (face.name + face.subfontNameX).decode("latin-1")


def _text_layer(items: list, text: str, font_name: str, size: float, features) -> list:
    """The shaped ``items`` (one font's (frag, glyph string) pairs for ``text``) with each
    glyph's code changed to one whose ToUnicode entry is the text the glyph stands for.

    reportlab writes a shaped glyph as the character its font maps to that glyph (for an
    Arabic contextual form a presentation form, U+FE91 for beh) or, when the font maps none
    to it (a Devanagari conjunct), a private-use character: the text layer held those.
    HarfBuzz's clusters say which characters each glyph came from; the first glyph of a
    cluster (in drawing order) stands for the cluster's characters, the others for nothing.
    A glyph used with several meanings gets one private code per meaning, all drawing it.
    """
    import uharfbuzz
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import ShapedStr

    if len(items) != 1 or not text:
        return items
    frag, glyphs = items[0]
    ttf = pdfmetrics.getFont(font_name)
    face = ttf.face
    buf = uharfbuzz.Buffer()
    buf.cluster_level = uharfbuzz.BufferClusterLevel.MONOTONE_CHARACTERS
    buf.add_str(text)
    buf.guess_segment_properties()
    uharfbuzz.shape(ttf.hbFont(size), buf, features)
    infos = buf.glyph_infos
    if len(infos) != len(glyphs):
        return items
    starts = sorted({info.cluster for info in infos})
    ends = dict(zip(starts, starts[1:] + [len(text)], strict=True))
    key = _face_key(face)
    meanings = _meanings.setdefault(key, {})
    shape_data = getattr(glyphs, "__shapeData__", None)
    positions = buf.glyph_positions
    # (reportlab's char, glyph id, the text it stands for, its shape data)
    kept: list[list] = []
    seen: set[int] = set()
    for n, (ch, info) in enumerate(zip(glyphs, infos, strict=True)):
        cluster = info.cluster
        meaning = "" if cluster in seen else text[cluster:ends[cluster]]
        seen.add(cluster)
        data = shape_data[n] if shape_data is not None else None
        if (kept and meaning and all(0xFE00 <= ord(c) <= 0xFE0F for c in meaning)
                and not positions[n].x_advance and not positions[n].x_offset
                and not positions[n].y_offset):
            # a variation selector (❤ + U+FE0F) shaped to an empty glyph: it goes into the
            # text of the glyph before it, and the empty glyph is not drawn (a glyph of no
            # width made pdftotext start a new line there)
            kept[-1][2] += meaning
            continue
        # a mark HarfBuzz places with no advance and a move to the left (a vowel sign, a
        # point) gets a code whose width is that move: reportlab moved back before it and
        # forward after it in the TJ array, and pypdf read the move forward as a space
        # ("के  बाद"); with the width the pen comes back by itself
        width = None
        if data is not None and not positions[n].x_advance and data.x_offset < 0:
            width = -data.x_offset
            data = data._replace(width=width)
        kept.append([ch, info.codepoint, meaning, data, width])
    chars = []
    with _lock:
        for ch, gid, meaning, _data, width in kept:
            code = ord(ch)
            if meaning != ch or width is not None:
                code = _meaning_codes.get((key, gid, meaning, width), 0)
                if not code:
                    code = _free_private(face)
                    if code is None:  # the private area is full: keep reportlab's
                        chars.append(ch)
                        continue
                    face.charToGlyph[code] = gid
                    face.glyphToChar.setdefault(gid, []).append(code)
                    face.charWidths[code] = width if width is not None else \
                        face.charWidths.get(ord(ch), face.defaultWidth)
                    _meaning_codes[(key, gid, meaning, width)] = code
                    meanings[code] = meaning
            chars.append(chr(code))
    new = "".join(chars)
    if shape_data is not None:
        return [(frag, ShapedStr(new, shapeData=[k[3] for k in kept]))]
    return [(frag, new)]


def _free_private(face) -> int | None:
    """A private-use code (U+F000..U+F8FF) the font does not map yet, or None."""
    code = getattr(face, "_rj_private", 0xF000)
    while code in face.charToGlyph:
        code += 1
    if code > 0xF8FF:
        return None
    face._rj_private = code + 1
    return code


def _is_break(frag) -> bool:
    return getattr(frag, "lineBreak", False)


def _reading_order(frags: list) -> list[bool]:
    """Find the parts of paragraph ``frags`` that start with an ``RTL_LINES`` ...
    ``RTL_END`` text (a right-to-left text in logical order, ``markup``) and take the marks
    out of the frags. A part is what lies between line breaks (``<br/>``), so each line of
    a note of several lines is a paragraph of its own. Returns, per part, whether it is a
    right-to-left paragraph (a part that does not start with the mark, has the marks more
    than once, or has an image, is printed left to right, its marks dropped)."""
    if not any(RTL_LINES in getattr(f, "text", "") or RTL_END in getattr(f, "text", "")
               for f in frags):
        return []
    flags = [True]
    part: list = []
    out: list = []
    for f in [*frags, None]:
        if f is not None and not _is_break(f):
            part.append(f)
            continue
        marked = [g for g in part if RTL_LINES in getattr(g, "text", "")
                  or RTL_END in getattr(g, "text", "")]
        once = bool(marked) and sum(g.text.count(RTL_LINES) for g in marked) == 1 \
            and sum(g.text.count(RTL_END) for g in marked) == 1
        flags[-1] = once and getattr(part[0], "text", "").startswith(RTL_LINES) \
            and not any(hasattr(g, "cbDefn") for g in part)
        if once and not flags[-1]:
            _in_display_order(part)  # after words of ours: "Full name: <name>"
        for g in marked:
            g.text = g.text.replace(RTL_LINES, "").replace(RTL_END, "")
        out.extend(part)
        if f is not None:
            out.append(f)
        part = []
        flags.append(True)
    frags[:] = out
    return flags[:-1]


def _in_display_order(part: list) -> None:
    """Put the marked right-to-left text (logical order) of a paragraph part that does not
    start with it in display order, in place: the part is printed left to right, and the
    text, kept on one line as far as it fits, reads right to left within it."""
    first = next(i for i, g in enumerate(part) if RTL_LINES in getattr(g, "text", ""))
    last = next(i for i, g in enumerate(part) if RTL_END in getattr(g, "text", ""))
    if last < first:
        return
    before, after = part[:first], part[last + 1:]
    head, _, start = part[first].text.partition(RTL_LINES)
    if head:
        g = part[first].clone()
        g.text = head
        before.append(g)
    inside = [part[first].clone()] + part[first + 1:last + 1] if first < last else \
        [part[first].clone()]
    inside[0].text = start
    if first < last:
        inside[-1] = part[last].clone()
    text, _, tail = inside[-1].text.partition(RTL_END)
    inside[-1].text = text
    if tail:
        g = part[last].clone()
        g.text = tail
        after.insert(0, g)
    part[:] = before + _display_words([g for g in inside if g.text], laid_out=False) + after


def _levels(text: str, base_level: int) -> list[int] | None:
    """The embedding level of each character of ``text`` (UAX #9 rules X1-I2, python-bidi's
    pure-Python algorithm), or None when it does not give one per character."""
    from bidi import algorithm

    storage = algorithm.get_empty_storage()
    storage["base_level"] = base_level
    storage["base_dir"] = "LR"[base_level]
    algorithm.get_embedding_levels(text, storage)
    algorithm.explicit_embed_and_overrides(storage)
    algorithm.resolve_weak_types(storage, False)
    algorithm.resolve_neutral_types(storage, False)
    algorithm.resolve_implicit_levels(storage, False)
    levels = [c["level"] for c in storage["chars"]]
    return levels if len(levels) == len(text) else None


def _shaped_text(frag, laid_out: bool = True) -> str | None:
    """What a frag of glyphs shaped by HarfBuzz stands for, in logical order; None for a
    frag of plain text. (A right-to-left word's glyphs are laid out right to left;
    ``laid_out`` False: a frag in a shaped font before shaping, its text logical.)"""
    from reportlab.pdfbase import pdfmetrics

    text = getattr(frag, "text", None)
    if not isinstance(text, str) or not text:
        return None
    try:
        font = pdfmetrics.getFont(frag.fontName)
    except (AttributeError, KeyError):
        return None
    if getattr(font, "fontName", None) not in shaped_font_names():
        return None
    if not laid_out:
        return text
    meanings = _meanings.get(_face_key(font.face), {})
    pieces = [meanings.get(ord(c), c) for c in text]
    if any(unicodedata.bidirectional(p[0]) in _RTL_CLASSES for p in pieces if p):
        pieces.reverse()
    return "".join(pieces)


def _display_words(words: list, laid_out: bool = True) -> list:
    """One printed line of a right-to-left paragraph, its frags in logical order, put in
    display order: the levels of UAX #9 for the line's text (rules W1-I2 on the line, L1
    for its trailing spaces), then rule L2 (reverse each run at or above each odd level,
    from the highest down), with rule L4's mirrored brackets in right-to-left pieces. A
    frag of plain text is cut where its level changes; a shaped word keeps its glyphs
    (HarfBuzz laid them out). This is the UAX #9 order per line, after line breaking,
    as the standard asks (section 3.4)."""
    from bidi.mirror import MIRRORED

    spans = []  # (frag, shaped?, logical text)
    for frag in words:
        shaped = _shaped_text(frag, laid_out)
        text = shaped if shaped is not None else getattr(frag, "text", None)
        if not isinstance(text, str):
            spans.append((frag, True, ""))
            continue
        spans.append((frag, shaped is not None, text))
    line = "".join(t for _, _, t in spans)
    levels = _levels(line, 1)
    if levels is None:
        return list(reversed(words))
    end = len(line.rstrip())
    levels[end:] = [1] * (len(line) - end)  # L1: trailing whitespace at the paragraph level
    pieces = []  # [frag, level]
    at = 0
    for frag, shaped, text in spans:
        if shaped or not text:
            pieces.append([frag, levels[at] if text else 1])
        else:
            i = 0
            while i < len(text):
                j = i + 1
                while j < len(text) and levels[at + j] == levels[at + i]:
                    j += 1
                piece = frag if (i, j) == (0, len(text)) else frag.clone()
                piece.text = text[i:j]
                if levels[at + i] % 2:
                    piece.text = "".join(MIRRORED.get(c, c) for c in reversed(piece.text))
                pieces.append([piece, levels[at + i]])
                i = j
        at += len(text)
    top = max(level for _, level in pieces)
    for level in range(top, 0, -1):
        i = 0
        while i < len(pieces):
            if pieces[i][1] < level:
                i += 1
                continue
            j = i
            while j < len(pieces) and pieces[j][1] >= level:
                j += 1
            pieces[i:j] = pieces[i:j][::-1]
            i = j
    return [frag for frag, _ in pieces]


def _line_reversing(original):
    """A ``Paragraph.breakLines`` for right-to-left paragraphs (``_reading_order``):
    reportlab breaks the frags in logical order, then each line is put in display order
    (``_display_words``), so that the first line holds the start of the text. Such a
    paragraph in a left-aligned style is right-aligned."""
    import copy

    from reportlab.lib.enums import TA_LEFT, TA_RIGHT

    def breakLines(self, width):
        frags = getattr(self, "frags", None) or []
        if (getattr(self, "_rtl_parts", None) is None and frags
                and not any(isinstance(f, list) for f in frags)):
            flags = _reading_order(frags)
            if any(flags):
                self._rtl_parts = flags
                if self.style.alignment == TA_LEFT:
                    self.style = copy.copy(self.style)
                    self.style.alignment = TA_RIGHT
        bl = original(self, width)
        flags = getattr(self, "_rtl_parts", None)
        if flags and bl.kind == 1:
            part = 0
            for line in bl.lines:
                brk = [w for w in line.words if _is_break(w)]
                if part < len(flags) and flags[part]:
                    words = [w for w in line.words if not _is_break(w)]
                    line._logical_words = words
                    line.words = _display_words(words) + brk
                if brk:
                    part += 1
        return bl

    return breakLines


def _rtl_split(original):
    """``Paragraph.split`` for right-to-left paragraphs: both parts break their lines again
    (reportlab wraps each part anew), the second from the part of the text (between line
    breaks) where the first ends. reportlab builds the parts from the paragraph's frags
    once they are processed into words, else from the words of its lines, which then go
    back to logical order first."""
    from reportlab.platypus import paragraph

    def split(self, *args, **kwargs):
        flags = getattr(self, "_rtl_parts", None)
        if not flags:
            return original(self, *args, **kwargs)
        shown = []
        if not paragraph._processed_frags(self.frags):
            bl = getattr(self, "blPara", None)
            shown = [(line, line.words) for line in getattr(bl, "lines", None) or []
                     if hasattr(line, "_logical_words")]
        for line, _ in shown:
            line.words = line._logical_words + [w for w in line.words if _is_break(w)]
        try:
            parts = original(self, *args, **kwargs)
        finally:
            for line, display in shown:
                line.words = display
        for part in parts:
            part._rtl_parts = flags
        if len(parts) == 2 and hasattr(parts[0], "blPara"):
            done = sum(1 for line in parts[0].blPara.lines
                       if any(_is_break(w) for w in getattr(line, "words", ())))
            parts[1]._rtl_parts = flags[done:]
        return parts

    return split
