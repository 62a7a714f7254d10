"""An exercise's picture or video ("media"): which values the app accepts, and what they are.

A programme or library exercise may name a picture or video. The app never reads it: the
card hands it to the system (``QDesktopServices.openUrl``) when the person clicks "Open
picture/video", and the system opens a file with whatever program is registered for its
type. A value typed by someone else (a programme file from a clinic, an older journal) must
therefore not be able to make that click start a program (``C:\\tools\\x.bat``, an ``.exe``,
a ``.desktop`` file), reach another computer (``\\\\server\\share\\x``) or run a script
(``javascript:``). This module is the one rule, used by the editors (``services.programme``),
the library and programme-file imports (``store``) and the card again at click time (``ui``),
because a stored value may predate the rule.

Accepted (``media_problem`` returns None):

- blank: no picture or video;
- an ``https://`` link with a web address (``https://example.org/bridge.mp4``), with no
  name and ``@`` before the address (``https://bank.example@evil.example`` hides the real
  address), no spaces, no backslashes;
- a file on this computer whose name ends in one of ``FILE_EXTENSIONS`` (pictures, videos,
  PDF): an absolute path (``/home/me/bridge.mp4``, ``C:\\Users\\me\\bridge.mp4``), a path in
  the home folder (``~/Videos/bridge.mp4``), or a relative path, which the card takes from
  the journal's folder (``pictures/bridge.png``: the exercise library and programme files
  use these, and with the extension rule they can only name a picture, video or PDF).

Refused, with a message in plain words saying what is accepted:

- ``http://`` links. They are refused, not upgraded to ``https://``: a plain http page can
  be changed by any network on its way (a cafe's Wi-Fi), so the patient might not see the
  physio's video; a silent upgrade would open another address than the one stored, shown
  and printed (and fails on a site without https). Asking for the https address once, in
  the editor or the import, keeps what is shown what is opened.
- other link schemes (``javascript:``, ``data:``, ``file:``, ``smb:``, ``ftp:``, ...);
- network and device paths: ``\\\\server\\share``, ``//server/share``, ``\\\\?\\C:\\...``
  (any path starting with two slashes or backslashes): opening them can reach another
  computer (and hand it the Windows login);
- any other file type: programs and scripts (``.exe``, ``.bat``, ``.cmd``, ``.ps1``,
  ``.sh``, ``.desktop``, ``.lnk``, ``.url``, ``.jar``, ...), documents with macros, web
  pages (``.html``) and SVG pictures, which usually open in a web browser and can carry
  scripts (PNG or JPEG do as well for an exercise picture). PDF is accepted: clinics hand
  out exercise sheets as PDF, and PDF readers ask before following a link or running
  anything;
- a colon anywhere but after a drive letter (``C:x.png`` is incomplete,
  ``x.bat:y.png`` is a Windows alternate data stream), ``~name`` (another user's home),
  Windows device names (``CON.png``, ``NUL.mp4``);
- control and invisible characters (line breaks, NUL, right-to-left overrides that make
  ``x{U+202E}gnp.exe`` show as ``xexe.png``), and anything over ``MAX_LENGTH`` characters.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal
from urllib.parse import urlsplit

from ..i18n import N_, _

MAX_LENGTH = 2000
PICTURE_EXTENSIONS = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp")
VIDEO_EXTENSIONS = (".mp4", ".m4v", ".mov", ".webm", ".mkv", ".avi")
FILE_EXTENSIONS = (*PICTURE_EXTENSIONS, *VIDEO_EXTENSIONS, ".pdf")
"""The file types a picture or video may be (lower case; matched case-insensitively)."""

MediaKind = Literal["web", "file"]

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_LABEL = re.compile(r"(?!-)[^\W_](?:[^\W_]|-)*(?<!-)")  # letters, digits, inner hyphens
_WINDOWS_DEVICES = {"con", "prn", "aux", "nul", "conin$", "conout$",
                    *(f"com{n}" for n in range(10)), *(f"lpt{n}" for n in range(10))}
_INVISIBLE = {"Cc", "Cf", "Cs", "Co", "Zl", "Zp"}

_ACCEPTED = N_("an https:// link or a file on this computer (a picture, a video or a PDF, "
                "e.g. C:\\Users\\me\\bridge.mp4 or ~/Videos/bridge.mp4)")
EXTENSIONS_TEXT = " ".join(FILE_EXTENSIONS)


def media_problem(text: str) -> str | None:
    """None when ``text`` is an acceptable picture or video (blank included); else the
    message to show, in plain words (in the current language), saying what is accepted (see
    the module docstring)."""
    if not isinstance(text, str):
        return _("A picture or video must be text: {accepted}.").format(accepted=_(_ACCEPTED))
    text = text.strip()
    if not text:
        return None
    if len(text) > MAX_LENGTH:
        return _("The picture or video link is too long ({n} characters at most).").format(
            n=MAX_LENGTH)
    if any(unicodedata.category(ch) in _INVISIBLE for ch in text):
        return _("The picture or video contains control or invisible characters (a line "
                 "break, a tab, a right-to-left mark): type it again as plain text.")
    low = text.lower()
    if low.startswith("https://"):
        return _link_problem(text)
    if low.startswith("http://"):
        return _("Use the https:// address of this link: plain http:// links are not opened, "
                 "because the page can be changed on its way to you.")
    if text[:2] in ("\\\\", "//", "\\/", "/\\"):
        return _("Pictures and videos on another computer (\\\\server\\... or "
                 "//server/...) are not opened: copy the file to this computer, or use an "
                 "https:// link.")
    scheme = _SCHEME.match(text)
    drive = len(text) >= 2 and text[0].isascii() and text[0].isalpha() and text[1] == ":"
    if scheme and not drive:
        return _("A picture or video must be {accepted}; {scheme}: links are not "
                 "opened.").format(accepted=_(_ACCEPTED), scheme=scheme.group(1).lower())
    incomplete = _("That file path is not complete: write it in full, like "
                   "C:\\Users\\me\\bridge.mp4.")
    if drive and text[2:3] not in ("\\", "/"):
        return incomplete
    if ":" in text[2 if drive else 0:]:
        return _("A file path may have a colon (:) only after the drive letter, as in "
                 "C:\\...")
    if text.startswith("\\"):
        return incomplete
    if text.startswith("~") and text[1:2] not in ("", "/", "\\"):
        return _("Write a file in your home folder as ~/folder/file.mp4.")
    first = re.split(r"[\\/]", text)[0].lower()
    if first.startswith("www.") and not drive:
        return _("Put https:// in front of a web link: https://{address}").format(address=text)
    name = re.split(r"[\\/]", text)[-1]
    if name.split(".")[0].strip().lower() in _WINDOWS_DEVICES:
        return _("The name {name} is one Windows keeps for devices: rename the file.").format(
            name=name)
    if not name.lower().endswith(FILE_EXTENSIONS) or not name[: name.rfind(".")]:
        return _("Only pictures, videos and PDF files are opened ({extensions}); {name} is "
                 "not one.").format(extensions=EXTENSIONS_TEXT, name=name or text)
    return None


def media_kind(text: str) -> MediaKind | None:
    """What an acceptable value is: ``"web"`` (an https link) or ``"file"`` (a file on this
    computer); None for a blank or refused value (``media_problem`` says why)."""
    if not isinstance(text, str) or not text.strip() or media_problem(text) is not None:
        return None
    return "web" if text.strip().lower().startswith("https://") else "file"


def is_media_file_name(name: str) -> bool:
    """Whether a file name (or path) ends in one of ``FILE_EXTENSIONS`` (for a checked
    file's real target, e.g. where a shortcut or symbolic link points)."""
    base = re.split(r"[\\/]", str(name))[-1]
    return base.lower().endswith(FILE_EXTENSIONS) and bool(base[: base.rfind(".")])


def _link_problem(text: str) -> str | None:
    """An https link's problem: no web address, a name@ before it, spaces or backslashes."""
    if any(ch.isspace() for ch in text) or "\\" in text:
        return _("That link has spaces or backslashes in it: copy the address from the "
                 "browser's address bar again.")
    try:
        parts = urlsplit(text)
        _port = parts.port  # raises ValueError for a port that is not a number
    except ValueError:
        return _("That link is not a valid web address (e.g. "
                 "https://example.org/bridge.mp4).")
    if "@" in parts.netloc:
        return _("A link with a name and @ before the web address is not opened: it can hide "
                 "the real address. Use the plain https://... address.")
    labels = (parts.hostname or "").split(".")
    if len(labels) < 2 or not all(_LABEL.fullmatch(label) for label in labels):
        return _("That link has no web address: it must look like https://example.org/...")
    return None
