"""Any script in the PDF (issue 17, item 5): fonts per character, RTL order, shaping, the
text layer read back with pypdf, boxes for characters no font has, and chart labels."""

from __future__ import annotations

import io
import re
import unicodedata
import warnings
from pathlib import Path

import pypdf

from rehabjournal.cli import main

CASE = Path(__file__).parents[1] / "fixtures" / "formats" / "cjk-emoji.csv"
CJK_NOTE = "膝盖很痛 😣"
NOTES = {
    "greek": "Πόνος στο γόνατο μετά το τρέξιμο",
    "cyrillic": "Колено болело после пробежки",
    "hebrew": "כאב בברך אחרי ריצה של 5 ק\"מ",
    "arabic": "ألم في الركبة بعد الجري 5 كم",
    "hindi": "दौड़ने के बाद घुटने में दर्द, क्षत्रिय स्त्री",
    "japanese": "ひざが痛い。カタカナ",
    "korean": "무릎이 아파요",
    "emoji": "ran 🏃 then 💪 ☹",
}


def text_of(path) -> str:
    return "\n".join(p.extract_text() for p in pypdf.PdfReader(path).pages)


def fonts_of(path) -> set[str]:
    """Base font names of every page, without the subset prefix ("AAAAAA+")."""
    names = set()
    for page in pypdf.PdfReader(path).pages:
        for font in page["/Resources"].get("/Font", {}).values():
            names.add(str(font.get_object()["/BaseFont"]).lstrip("/").split("+")[-1])
    return names


def paragraphs_pdf(tmp_path, texts, name="texts.pdf"):
    """A PDF of one paragraph per text, each through ``styles.user_text``; (path, boxes)."""
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from rehabjournal.reports import scripts
    from rehabjournal.reports import styles as st

    out = tmp_path / name
    with scripts.PlaceholderTally() as tally:
        story = [Paragraph(st.user_text(t), st.stylesheet()["body"]) for t in texts]
    SimpleDocTemplate(str(out)).build(story)
    return out, tally.count


# --- the case file, through the command line ---------------------------------------------

def report_of(tmp_path, csv: Path, start="2026-03-01", end="2026-03-06") -> Path:
    data, out = tmp_path / "journal", tmp_path / "report.pdf"
    assert main(["--data-dir", str(data), "import", str(csv)]) == 0
    assert main(["--data-dir", str(data), "report", "--from", start, "--to", end,
                 "--out", str(out)]) == 0
    return out


def test_cjk_emoji_case_prints_and_extracts_the_note(tmp_path, capsys):
    out = report_of(tmp_path, CASE)
    text = text_of(out)
    assert CJK_NOTE in text
    assert "\x00" not in text and "□" not in text
    assert {"WenQuanYiMicroHei", "DejaVuSans"} <= fonts_of(out)
    assert "could not be printed" not in text


def test_notes_in_every_script_print_without_boxes(tmp_path, capsys):
    csv = tmp_path / "scripts.csv"
    quoted = ['"' + note.replace('"', '""') + '"' for note in NOTES.values()]
    rows = [f"2026-03-0{i + 1},6,{note}" for i, note in enumerate(quoted)]
    csv.write_text("date,morning_pain,notes\n" + "\n".join(rows) + "\n", encoding="utf-8")
    out = report_of(tmp_path, csv, end="2026-03-08")
    text = text_of(out)
    assert "could not be printed" not in text and "□" not in text
    assert {"NotoSansArabic-Regular", "NotoSansHebrew-Regular", "NotoSansDevanagari-Regular",
            "WenQuanYiMicroHei", "NotoEmoji-Regular"} <= fonts_of(out)
    for key in ("greek", "cyrillic", "japanese", "korean", "emoji"):
        assert NOTES[key] in text, key


def test_a_character_no_font_has_is_a_box_and_the_report_counts_it(tmp_path, capsys):
    csv = tmp_path / "unassigned.csv"
    csv.write_text("date,morning_pain,notes\n2026-03-03,6,knee \u0378 sore \U000e0080 ok\n",
                   encoding="utf-8")
    text = text_of(report_of(tmp_path, csv))
    assert "knee □ sore □ ok" in text
    # the note is printed twice (notable notes and the day log): four boxes
    assert ("4 characters could not be printed: no font on this computer has them; each is "
            "shown as □.") in " ".join(text.split())


# --- user_text on its own --------------------------------------------------------------

def test_user_text_escapes_and_keeps_latin_in_the_style_font():
    from rehabjournal.reports.styles import user_text

    assert user_text('a <b> & "c"') == 'a &lt;b&gt; &amp; "c"'
    assert user_text("Zoë Łukasiewicz") == "Zoë Łukasiewicz"
    assert user_text("膝盖 ok") == '<font name="WenQuanYiMicroHei">膝盖</font> ok'


def test_every_script_extracts_or_uses_its_font(tmp_path):
    out, boxes = paragraphs_pdf(tmp_path, list(NOTES.values()))
    assert boxes == 0
    text = text_of(out)
    for key in ("greek", "cyrillic", "japanese", "korean", "emoji"):
        assert NOTES[key] in text, key
    # Hebrew: pypdf gives each word's letters back in logical order
    for word in ("כאב", "בברך", "אחרי", "ריצה"):
        assert word in text
    # Arabic: the joined forms extract as presentation forms, the same letters under NFKC
    normal = unicodedata.normalize("NFKC", text)
    for word in ("الركبة", "الجري"):
        assert word in normal
    assert {"NotoSansArabic-Regular", "NotoSansHebrew-Regular",
            "NotoSansDevanagari-Regular"} <= fonts_of(out)


def test_emoji_beyond_the_basic_plane_extract_as_written(tmp_path):
    # reportlab alone writes U+1F623 as 5 hex digits in the text layer: pypdf read nothing
    out, _ = paragraphs_pdf(tmp_path, ["膝盖很痛😣", "a 😣 b"])
    text = text_of(out)
    assert "膝盖很痛😣" in text and "a 😣 b" in text


def test_placeholder_tally_counts_only_while_active():
    from rehabjournal.reports import scripts

    assert scripts.markup("x\u0378y") == "x□y"
    with scripts.PlaceholderTally() as tally:
        scripts.markup("x\u0378y\ue000")
        scripts.markup("plain")
    assert tally.count == 2
    assert scripts.placeholder_notice(1) == (
        "1 character could not be printed: no font on this computer has them; each is "
        "shown as □.")


# --- right-to-left order ---------------------------------------------------------------

def test_rtl_runs_are_in_display_order_with_letters_logical_for_harfbuzz():
    from rehabjournal.reports.scripts import display_order, runs

    assert display_order("pain 4/10") == [("pain 4/10", False)]
    pieces = display_order("ok مرحبا بك")
    assert [p for p, rtl in pieces if rtl] == ["بك", "مرحبا"]
    assert "".join(p for p, _ in pieces) == "ok بك مرحبا"
    # brackets in right-to-left text are mirrored, digits stay left to right
    hebrew = "".join(s for _, s in runs('כאב (ריצה) 12 ק"מ')[0])
    assert hebrew == 'מ"ק 12 (ריצה) כאב'


def test_a_word_of_two_fonts_is_shaped_with_each(tmp_path):
    """reportlab shaped the whole word with its first font: "ok" + Arabic came out wrong."""
    out, boxes = paragraphs_pdf(tmp_path, ["okمرحبا", "膝盖😣", "x\u0915\u094d\u0937y"])
    assert boxes == 0
    text = text_of(out)
    assert "膝盖😣" in text
    assert "مرحبا" in unicodedata.normalize("NFKC", text)


# --- chart labels ----------------------------------------------------------------------

def label_warnings(text: str, fallback: bool) -> list[str]:
    import matplotlib
    from matplotlib.figure import Figure

    from rehabjournal.charts.theme import use_fallback_fonts

    use_fallback_fonts()
    families = matplotlib.rcParams["font.family"] if fallback else ["DejaVu Sans"]
    with matplotlib.rc_context({"font.family": families}), \
            warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig = Figure(figsize=(3, 1))
        fig.add_subplot().set_title(text)
        fig.savefig(io.BytesIO(), format="png")
    return [str(w.message) for w in caught if "missing from font" in str(w.message)]


def test_chart_labels_draw_cjk_and_emoji_without_missing_glyphs():
    label = f"{CJK_NOTE} 한국어 ひらがな 🏃 {REHAB_EMOJI}"
    assert label_warnings(label, fallback=True) == []
    # the same label in matplotlib's default font alone is boxes (the test can fail)
    assert label_warnings(label, fallback=False)


def test_charts_use_the_fallback_fonts():
    from rehabjournal.charts.theme import CHART_FONTS, Chart

    class Titled(Chart):
        def _build(self):
            self.figure.add_subplot().set_title(CJK_NOTE)

        def update(self, data):
            pass

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        Titled().figure.savefig(io.BytesIO(), format="png")
    import matplotlib

    assert matplotlib.rcParams["font.family"] == [f for f, _ in CHART_FONTS]


# --- review 1 of issue 17 -------------------------------------------------------------

HEBREW_WORDS = ["היום", "יום טוב", "ויטמין", "שלום"]


def test_hebrew_yod_and_vav_print_as_written(tmp_path):
    """reportlab turned on discretionary ligatures: yod + vav became "ױ" (U+05F1)."""
    out, boxes = paragraphs_pdf(tmp_path, HEBREW_WORDS)
    assert boxes == 0
    lines = [line.strip() for line in text_of(out).splitlines() if line.strip()]
    assert "\u05f1" not in "".join(lines)
    # pypdf gives each word's letters in logical order, the words in display order
    assert [" ".join(reversed(line.split())) for line in lines] == HEBREW_WORDS


def test_arabic_names_are_not_replaced_by_ligature_signs(tmp_path):
    out, _ = paragraphs_pdf(tmp_path, ["محمد", "الله"])
    text = text_of(out)
    assert "\ufdf4" not in text and "\ufdf2" not in text
    assert "محمد" in unicodedata.normalize("NFKC", text)


SESSIONS = "\u2068ריצה\u2069 30 min RPE 4; \u2068ركض\u2069 2 min RPE 3"


def test_our_text_around_isolated_rtl_names_keeps_its_order(tmp_path):
    """A cell of ours with a user's RTL name was ordered as RTL as a whole:
    "min RPE 4 30 ריצה ;min RPE 3 2 ركض"."""
    from rehabjournal.reports.scripts import display_order

    assert display_order(SESSIONS) == [("ריצה", True), (" 30 min RPE 4; ", False),
                                       ("ركض", True), (" 2 min RPE 3", False)]
    # an explicit base direction gives the same, and a note of the user keeps its own
    assert display_order(SESSIONS, "L") == display_order(SESSIONS)
    assert display_order("ריצה 30 min")[0] == ("min 30 ", False)
    out, boxes = paragraphs_pdf(tmp_path, [SESSIONS])
    assert boxes == 0
    tokens = unicodedata.normalize("NFKC", text_of(out)).split()
    assert tokens == ["ריצה", "30", "min", "RPE", "4;", "ركض", "2", "min", "RPE", "3"]


def test_an_open_isolate_ends_with_the_line():
    from rehabjournal.reports.scripts import display_order

    pieces = display_order("30 min \u2068ריצה טובה")
    assert pieces[0] == ("30 min ", False)
    assert [p for p, rtl in pieces if rtl] == ["טובה", "ריצה"]


def footer_pdf(tmp_path, middle: str) -> Path:
    from rehabjournal.reports import styles as st
    from rehabjournal.reports.builder import footer_canvas

    st.register_fonts()
    out = tmp_path / "footer.pdf"
    canvas = footer_canvas(lambda _w, _n: middle, [])(str(out))
    canvas.drawString(100, 700, "body")
    canvas.showPage()
    canvas.save()
    return out


def test_the_footer_prints_initials_in_any_script(tmp_path):
    """The footer drew "Patient 王.م." in DejaVu Sans alone: "Patient □.□."."""
    out = footer_pdf(tmp_path, "Patient \u2068王.م.\u2069  ·  1 Mar 2026 to 6 Mar 2026")
    text = unicodedata.normalize("NFKC", text_of(out))
    assert "王" in text and "م" in text and "□" not in text
    assert text.index("Patient") < text.index("王") < text.index("1 Mar 2026")
    assert {"WenQuanYiMicroHei", "NotoSansArabic-Regular"} <= fonts_of(out)
    assert "page 1 of 1" in text and "Information, not medical advice." in text


def test_the_footers_boxes_are_counted(tmp_path):
    from rehabjournal.reports import scripts
    from rehabjournal.reports.builder import footer_middle

    with scripts.PlaceholderTally() as tally:
        footer_middle("Patient \u2068\u0378.\u2069")
    assert tally.count == 1
    assert "□" in text_of(footer_pdf(tmp_path, "Patient \u2068\u0378.\u2069"))


# --- a right-to-left note over several lines --------------------------------------------

KNEE = "הברך כואבת מאוד כשאני עולה במדרגות"
LONG_KNEE = " ".join([KNEE] * 8)


def rtl_lines(path) -> list[list[str]]:
    """Each line of the text layer as its words in reading (logical) order: pypdf gives
    the words of a right-to-left line in display order, right to left."""
    return [list(reversed(line.split())) for line in text_of(path).splitlines() if line.strip()]


def test_a_wrapped_rtl_paragraph_reads_its_lines_top_down(tmp_path):
    """The note was put in display order before reportlab broke it into lines: the first
    line held the end of the note."""
    out, boxes = paragraphs_pdf(tmp_path, [LONG_KNEE])
    assert boxes == 0
    lines = rtl_lines(out)
    assert len(lines) >= 2
    assert lines[0][0] == "הברך" and lines[-1][-1] == "במדרגות"
    assert [w for line in lines for w in line] == LONG_KNEE.split()


def test_a_wrapped_rtl_note_in_a_table_cell_reads_top_down(tmp_path):
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    from rehabjournal.reports import styles as st

    out = tmp_path / "cell.pdf"
    cell = Paragraph(st.user_text(" ".join([KNEE] * 3)), st.stylesheet()["body"])
    SimpleDocTemplate(str(out)).build([Table([[cell]], colWidths=[120])])
    lines = rtl_lines(out)
    assert len(lines) >= 3
    assert lines[0][0] == "הברך" and lines[-1][-1] == "במדרגות"
    assert [w for line in lines for w in line] == " ".join([KNEE] * 3).split()


def test_a_wrapped_rtl_paragraph_split_over_two_pages_keeps_its_order(tmp_path):
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    from rehabjournal.reports import styles as st

    out = tmp_path / "split.pdf"
    text = " ".join([KNEE] * 40)
    story = [Spacer(1, 640), Paragraph(st.user_text(text), st.stylesheet()["body"])]
    SimpleDocTemplate(str(out)).build(story)
    assert len(pypdf.PdfReader(out).pages) == 2
    assert [w for line in rtl_lines(out) for w in line] == text.split()


def test_rtl_markup_is_marked_only_for_right_to_left_paragraphs():
    from rehabjournal.reports.scripts import RTL_END, RTL_LINES, markup

    assert markup(KNEE).startswith(RTL_LINES) and markup(KNEE).endswith(RTL_END)
    assert RTL_LINES not in markup("ok " + KNEE)  # a left-to-right paragraph
    assert RTL_LINES not in markup("שלום")  # one word: nothing to break
    # each line of a note of several lines is a part of its own, after a line break
    assert markup(KNEE + "\n" + KNEE) == markup(KNEE) + "<br/>" + markup(KNEE)
    assert RTL_LINES not in markup(SESSIONS, "L")


def test_our_text_before_a_right_to_left_name_keeps_the_old_order(tmp_path):
    """Only a paragraph that starts with the right-to-left text is broken in reading
    order; "Full name: <name>" is in display order as before, with no marks printed."""
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from rehabjournal.reports import styles as st

    name = "דנה כהן לוי"

    out = tmp_path / "name.pdf"
    SimpleDocTemplate(str(out)).build(
        [Paragraph("Full name: " + st.user_text(name), st.stylesheet()["body"]),
         Paragraph(st.user_text(name) + " (see Notes in full)", st.stylesheet()["body"])])
    lines = [line.strip() for line in text_of(out).splitlines() if line.strip()]
    assert lines[0] == "Full name: לוי כהן דנה"
    assert lines[1] == "(see Notes in full) לוי כהן דנה"
    assert "\u200f" not in text_of(out) and "\u200e" not in text_of(out)


# --- session 2: several lines, numbers at line ends, the text layer ---------------------

def test_each_line_of_a_right_to_left_note_of_several_lines_reads_top_down(tmp_path):
    """A note typed on two lines (Enter between them): each line wraps on its own, right
    to left, and the first line of the note comes first."""
    first = " ".join([KNEE] * 3)
    second = "אחרי הריצה ירדתי במדרגות לאט והכאב נרגע אחרי שעה של מנוחה"
    out, boxes = paragraphs_pdf(tmp_path, [first + "\n" + second])
    assert boxes == 0
    words = [w for line in rtl_lines(out) for w in line]
    assert words == (first + " " + second).split()


def test_a_right_to_left_note_with_english_and_numbers_keeps_them_on_their_line(tmp_path):
    note = ("הברך כואבת מאוד כשאני עולה במדרגות and more text to wrap here 12 ok "
            "הברך כואבת מאוד כשאני עולה במדרגות")
    from reportlab.platypus import Paragraph

    from rehabjournal.reports import scripts
    from rehabjournal.reports import styles as st

    scripts.install_reportlab_fixes()
    for width in (120, 160, 220, 300):
        p = Paragraph(st.user_text(note), st.stylesheet()["body"])
        p.wrap(width, 10_000)
        english = []
        for line in p.blPara.lines:  # top down; words left to right, as printed
            english.extend(w for f in line.words if type(f.text) is str
                           for w in f.text.split() if w.isascii())
        # the English phrase, with its number, reads left to right and top down
        assert english == ["and", "more", "text", "to", "wrap", "here", "12", "ok"], width


def test_devanagari_conjuncts_and_vowel_signs_extract_as_written(tmp_path):
    hindi = "दौड़ने के बाद घुटने में दर्द, क्षत्रिय स्त्री"
    out, boxes = paragraphs_pdf(tmp_path, [hindi])
    assert boxes == 0
    # before: the conjuncts (क्ष, त्र, र्द) were private-use characters and were lost
    assert text_of(out).strip() == hindi


def test_arabic_extracts_its_letters_not_presentation_forms(tmp_path):
    arabic = "لا ألم في الركبة بعد الجري"
    out, _ = paragraphs_pdf(tmp_path, [arabic])
    text = text_of(out)
    assert not any(0xFB50 <= ord(c) <= 0xFEFF for c in text), text
    assert set(arabic.split()) <= set(text.split())  # lam-alef reads "لا" again


def test_pdftotext_reads_right_to_left_lines_as_written(tmp_path):
    import shutil
    import subprocess

    import pytest

    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils (pdftotext) is not installed")
    notes = ["ألم في الركبة بعد الجري 5 كم", "כאב בברך אחרי ריצה של 5 ק\"מ",
             "दौड़ने के बाद घुटने में दर्द"]
    out, _ = paragraphs_pdf(tmp_path, notes)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    # poppler encloses embedded runs in directional marks (U+202A..U+202E) and may put a
    # space on the other side of a number ("5 كم" reads " 5كم"): letters and order compared
    lines = ["".join(re.sub("[\u202a-\u202e]", "", line).split())
             for line in text.splitlines() if line.strip()]
    assert lines == ["".join(note.split()) for note in notes]


def test_chart_labels_are_shaped_by_matplotlib():
    """matplotlib >= 3.11 lays text out with libraqm (HarfBuzz and FriBidi): Arabic letters
    join (three behs print as the narrow joined forms, not three wide isolated ones) and a
    Devanagari conjunct is one glyph, in the charts as in the PDF."""
    from rehabjournal.charts import theme

    theme.use_fallback_fonts()
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties

    renderer = FigureCanvasAgg(Figure()).get_renderer()
    font = FontProperties(size=20)

    def width(text: str) -> float:
        return renderer.get_text_width_height_descent(text, font, ismath=False)[0]

    assert width("ببب") < 0.7 * 3 * width("ب")
    assert width("क्ष") < 0.7 * (width("क") + width("्") + width("ष"))


# --- emoji: Noto Emoji (review 2 of issue 17) -----------------------------------------------

REHAB_EMOJI = "knee 🦵 foot 🦶 ice 🧊 plaster 🩹 physio 🩺 strong 💪 sore 😣 run 🏃"


def test_the_emoji_a_rehab_note_uses_print_and_extract(tmp_path):
    """The Symbola subset stopped at Unicode 9: 🦵 🦶 🧊 🩹 🩺 printed as boxes."""
    out, boxes = paragraphs_pdf(tmp_path, [REHAB_EMOJI, "love it ❤️ done ✔️"])
    assert boxes == 0
    text = text_of(out)
    assert REHAB_EMOJI in text
    assert "love it ❤️ done ✔️" in text  # the emoji presentation selector is kept
    assert "NotoEmoji-Regular" in fonts_of(out)


def _shaped_glyphs(text: str) -> list[int]:
    """The number of glyphs of each shaped word of ``text`` in a paragraph."""
    from reportlab.platypus import Paragraph

    from rehabjournal.reports import scripts
    from rehabjournal.reports import styles as st

    scripts.install_reportlab_fixes()
    p = Paragraph(st.user_text(text), st.stylesheet()["body"])
    p.wrap(400, 1000)
    return [len(f.text) for line in p.blPara.lines for f in line.words
            if getattr(f, "fontName", "") == "NotoEmoji"]


def test_an_emoji_sequence_prints_as_one_sign_and_extracts_whole(tmp_path):
    sequences = ["👨\u200d👩\u200d👧", "🏃\u200d♀\ufe0f", "🇫🇷", "👍🏽", "🧑\u200d⚕\ufe0f"]
    for seq in sequences:
        # reportlab missed a ligature whose glyph is its first character's: 🏃 ZWJ ♀ printed
        # as a runner and a female sign
        assert _shaped_glyphs(f"a {seq} b") == [1], seq
    out, boxes = paragraphs_pdf(tmp_path, [" ".join(sequences)])
    assert boxes == 0
    assert " ".join(sequences) in text_of(out)


def test_a_box_in_a_chart_is_counted_and_says_nothing_on_stderr(capsys):
    """matplotlib drew a box for a character no chart font has and printed its warning on
    stderr; the report did not count it."""
    from matplotlib.figure import Figure

    from rehabjournal.charts.theme import use_fallback_fonts
    from rehabjournal.reports import flowables, scripts

    use_fallback_fonts()
    fig = Figure()
    fig.add_subplot().set_title("physio 🩺 \u0378 ok")  # U+0378 is unassigned
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # any warning that got out would fail here
        with scripts.PlaceholderTally() as tally:
            flowables.figure_image(fig, 300)
    assert tally.count == 1
    assert capsys.readouterr().err == ""
