"""The report's one stylesheet: fonts, colours, paragraph and table styles, page sizes.

Fonts are registered the first time ``stylesheet()`` is called, not at import. DejaVu Sans
is embedded (subset) so that names like "Zoë Łukasiewicz" and notes in Greek or Cyrillic
print as written; user text in other scripts (Chinese, Japanese, Korean, Arabic, Hebrew,
Devanagari, emoji) gets fallback-font runs from ``user_text`` (``reports.scripts``), and
every paragraph style shapes (HarfBuzz, through reportlab) the runs in fonts that need it.
"""

from __future__ import annotations

import threading
from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import TableStyle

from ..paths import resource
from . import scripts

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"

PAGE_SIZES = {"A4": A4, "Letter": LETTER}
MARGIN = 15 * mm
FOOTER_HEIGHT = 10 * mm

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#616e7c")
RULE = colors.HexColor("#cbd2d9")
HEADER_BG = colors.HexColor("#e4e7eb")
ZEBRA = colors.HexColor("#f5f7fa")
ACCENT = colors.HexColor("#1c5d99")

LIGHT_COLOURS = {
    "green": colors.HexColor("#2e7d32"),
    "amber": colors.HexColor("#f0a500"),
    "red": colors.HexColor("#c62828"),
    None: colors.HexColor("#e4e7eb"),
}
LIGHT_TINTS = {
    "green": colors.HexColor("#dcefdc"),
    "amber": colors.HexColor("#fdf0cc"),
    "red": colors.HexColor("#f7d9d9"),
}
LIGHT_LETTERS = {"green": "G", "amber": "A", "red": "R", None: ""}
TIER_TINTS = {
    "urgent": colors.HexColor("#fbe3e3"),
    "assessment": colors.HexColor("#fdf0dc"),
}
"""Background of a red-flag tier's box (``domain.scales.FLAG_TIERS`` has the strong colour)."""

_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register DejaVu Sans and DejaVu Sans Bold with reportlab (once; thread-safe).

    Also installs ``scripts.install_reportlab_fixes`` (each piece of a word shaped with its
    own font; UTF-16 text layer for emoji). The fallback fonts are registered when a text
    first needs one (``scripts.font_for``): a report in Latin letters only does not load the
    4.6 MB CJK font.
    """
    global _registered
    with _lock:
        if _registered:
            return
        pdfmetrics.registerFont(TTFont(FONT, str(resource("fonts", "DejaVuSans.ttf"))))
        pdfmetrics.registerFont(TTFont(FONT_BOLD, str(resource("fonts", "DejaVuSans-Bold.ttf"))))
        pdfmetrics.registerFontFamily(
            FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
        )
        scripts.install_reportlab_fixes()
        _registered = True


@cache
def _styles() -> dict[str, ParagraphStyle]:
    # shaping=1: HarfBuzz shapes the runs in the script fonts (scripts.shaped_font_names);
    # DejaVu runs are left as they are (the fixed shaper skips them)
    base = ParagraphStyle("body", fontName=FONT, fontSize=9, leading=12, textColor=INK,
                          shaping=1)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.5),
        "tiny": ParagraphStyle("tiny", parent=base, fontSize=6, leading=7, textColor=MUTED),
        "tiny_right": ParagraphStyle("tiny_right", parent=base, fontSize=6, leading=7,
                                     textColor=MUTED, alignment=TA_RIGHT),
        "box_title": ParagraphStyle("box_title", parent=base, fontName=FONT_BOLD,
                                    fontSize=10, leading=13, spaceAfter=2),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8, leading=10),
        "cell_right": ParagraphStyle("cell_right", parent=base, fontSize=8, leading=10,
                                     alignment=TA_RIGHT),
        "cell_bold": ParagraphStyle("cell_bold", parent=base, fontName=FONT_BOLD, fontSize=8,
                                    leading=10),
        "head_small": ParagraphStyle("head_small", parent=base, fontName=FONT_BOLD,
                                     fontSize=7, leading=8.5),
        "muted": ParagraphStyle("muted", parent=base, textColor=MUTED, fontSize=8, leading=10),
        "title": ParagraphStyle("title", parent=base, fontName=FONT_BOLD, fontSize=16,
                                leading=20, spaceAfter=2, textColor=ACCENT),
        "h2": ParagraphStyle("h2", parent=base, fontName=FONT_BOLD, fontSize=11.5, leading=15,
                             spaceBefore=8, spaceAfter=4, textColor=ACCENT),
        "h3": ParagraphStyle("h3", parent=base, fontName=FONT_BOLD, fontSize=9.5, leading=12,
                             spaceBefore=4, spaceAfter=2),
        "bullet": ParagraphStyle("bullet", parent=base, leftIndent=11, bulletIndent=1,
                                 spaceAfter=1, bulletFontName=FONT),
        "notice": ParagraphStyle("notice", parent=base, fontSize=10, leading=14,
                                 backColor=ZEBRA, borderColor=RULE, borderWidth=0.5,
                                 borderPadding=6, spaceBefore=6, spaceAfter=10),
    }


def stylesheet() -> dict[str, ParagraphStyle]:
    """The paragraph styles by name; registers the fonts first."""
    register_fonts()
    return _styles()


def table_style(*extra: tuple, zebra: int = 0, header: bool = True) -> TableStyle:
    """The house table style: header row shaded and repeated, thin rules, optional zebra.

    Args:
        extra: more style commands.
        zebra: number of body rows to stripe (every other one), 0 for none.
        header: whether row 0 is a header.
    """
    cmds: list[tuple] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        cmds += [
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
            ("FONTNAME", (0, 0), (-1, 0), FONT_BOLD),
            ("LINEBELOW", (0, 0), (-1, 0), 0.75, MUTED),
        ]
    first = 1 if header else 0
    for row in range(first + 1, first + zebra, 2):
        cmds.append(("BACKGROUND", (0, row), (-1, row), ZEBRA))
    cmds += list(extra)
    return TableStyle(cmds)


def user_text(text: str, base: str | None = None) -> str:
    """Reportlab paragraph markup for user-written ``text`` (notes, names, questions).

    Escaped, so that "<", ">" and "&" print as written; characters DejaVu Sans lacks get
    ``<font name=...>`` runs in a fallback font (Chinese, Japanese, Korean, Arabic, Hebrew,
    Devanagari, emoji, then the system's fonts); right-to-left text is put in display order
    per line; characters no font has become "□" and are counted by an active
    ``scripts.PlaceholderTally`` (the report says how many). Newlines are kept as "\n".
    Every user text in the report and the programme sheet goes through here (contract 2).

    A text of ours that holds user text (e.g. "<activity> 30 min RPE 4") reads left to
    right: pass ``base="L"``, and enclose each user piece in FSI U+2068 ... PDI U+2069 so
    that it is ordered on its own (``scripts.display_order``). Without ``base`` each line
    takes the direction of its first strong letter outside such pieces.

    Registers the fonts first (``register_fonts``).
    """
    register_fonts()
    return scripts.markup(text, base)
