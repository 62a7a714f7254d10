"""domain.media: the one rule for an exercise's picture or video (opened only on a click)."""

from __future__ import annotations

import pytest

from rehabjournal.domain.media import (
    FILE_EXTENSIONS,
    MAX_LENGTH,
    is_media_file_name,
    media_kind,
    media_problem,
)

ACCEPTED = [
    ("", None),
    ("   ", None),
    ("https://example.org/bridge.mp4", "web"),
    ("HTTPS://Example.org/Bridge", "web"),
    ("  https://www.youtube.com/watch?v=abc123&t=10s  ", "web"),
    ("https://example.org:8443/v/bridge.mp4#t=5", "web"),
    ("https://münchen.example/übung.mp4", "web"),
    ("https://192.168.1.20/clip.mp4", "web"),
    ("C:\\Users\\me\\bridge.mp4", "file"),
    ("c:/Users/me/Bridge.JPG", "file"),
    ("D:\\rehab\\sheets\\knee programme.pdf", "file"),
    ("/home/me/Videos/bridge.mov", "file"),
    ("~/Videos/bridge.webm", "file"),
    ("~\\Pictures\\clamshell.jpeg", "file"),
    ("pictures/bridge.png", "file"),
    ("media\\wall sit.gif", "file"),
    ("../shared/side plank.webp", "file"),
    ("/tmp/x.m4v", "file"),
    ("/tmp/x.mkv", "file"),
    ("/tmp/x.avi", "file"),
    ("/tmp/x.bmp", "file"),
    ("C:\\PROGRA~1\\clip.MP4", "file"),
]

REFUSED = [
    # (value, words the message must contain)
    ("C:\\tools\\x.bat", "Only pictures, videos and PDF files"),
    ("C:\\Windows\\System32\\calc.exe", "calc.exe is not one"),
    ("/etc/passwd", "passwd is not one"),
    ("/usr/share/applications/firefox.desktop", "firefox.desktop is not one"),
    ("~/evil.sh", "evil.sh is not one"),
    ("C:\\Users\\me\\Desktop\\video.lnk", "video.lnk is not one"),
    ("run.ps1", "run.ps1 is not one"),
    ("page.html", "page.html is not one"),
    ("drawing.svg", "drawing.svg is not one"),
    ("C:\\Users\\me\\bridge.mp4.exe", "bridge.mp4.exe is not one"),
    ("C:\\Users\\me\\bridge.png.", "Only pictures"),  # Windows drops the final dot
    ("C:\\Users\\me\\", "Only pictures"),
    ("/home/me/.png", "Only pictures"),
    ("~", "Only pictures"),
    ("\\\\server\\share\\x", "another computer"),
    ("\\\\server\\share\\bridge.mp4", "another computer"),
    ("//server/share/bridge.mp4", "another computer"),
    ("\\/server/share/bridge.mp4", "another computer"),
    ("/\\server\\share\\bridge.mp4", "another computer"),
    ("\\\\?\\C:\\Users\\me\\bridge.mp4", "another computer"),
    ("\\\\.\\PhysicalDrive0", "another computer"),
    ("http://example.org/bridge.mp4", "https://"),
    ("HTTP://example.org/bridge.mp4", "http:// links are not opened"),
    ("javascript:alert(1)", "javascript: links are not opened"),
    ("JavaScript:alert(1)", "javascript: links are not opened"),
    ("data:text/html,<script>alert(1)</script>", "data: links are not opened"),
    ("file:///etc/passwd", "file: links are not opened"),
    ("file://server/share/bridge.mp4", "file: links are not opened"),
    ("smb://server/share/bridge.mp4", "smb: links are not opened"),
    ("ftp://example.org/bridge.mp4", "ftp: links are not opened"),
    ("ms-msdt:/id PCWDiagnostic", "ms-msdt: links are not opened"),
    ("vbscript:msgbox(1)", "vbscript: links are not opened"),
    ("mailto:me@example.org", "mailto: links are not opened"),
    ("https:example.org/x.mp4", "https:// link or a file"),
    ("https://", "no web address"),
    ("https:///x.mp4", "no web address"),
    ("https://localhost/x.mp4", "no web address"),
    ("https://exa_mple.org/x", "no web address"),
    ("https://-bad.org/x", "no web address"),
    ("https://bank.example@evil.example/x", "@ before the web address"),
    ("https://example.org:port/x", "not a valid web address"),
    ("https://example.org/my video.mp4", "spaces or backslashes"),
    ("https://example.org\\@evil.example/", "spaces or backslashes"),
    ("C:bridge.mp4", "not complete"),
    ("\\Users\\me\\bridge.mp4", "not complete"),
    ("C:\\tools\\x.bat:bridge.png", "colon"),
    ("pictures/a:b.png", "colon"),
    ("~root/bridge.png", "~/folder"),
    ("www.example.org/bridge.mp4", "Put https:// in front"),
    ("C:\\Users\\me\\CON.png", "Windows keeps for devices"),
    ("media/nul.mp4", "Windows keeps for devices"),
    ("/tmp/x\u202egnp.exe", "invisible"),
    ("/tmp/bridge\n.png", "control or invisible"),
    ("/tmp/bri\x00dge.png", "control or invisible"),
    ("https://example.org/\u200bx", "invisible"),
    ("/tmp/" + "a" * MAX_LENGTH + ".png", "too long"),
]


@pytest.mark.parametrize(("value", "kind"), ACCEPTED)
def test_accepted(value, kind):
    assert media_problem(value) is None
    assert media_kind(value) == kind


@pytest.mark.parametrize(("value", "words"), REFUSED)
def test_refused_with_a_message_saying_what_is_accepted(value, words):
    problem = media_problem(value)
    assert problem is not None and words in problem, problem
    assert problem[0].isupper() and problem.rstrip().endswith((".", "...", ".mp4")), problem
    assert media_kind(value) is None


def test_the_longest_value_is_accepted_one_more_is_not():
    name = "/tmp/" + "a" * (MAX_LENGTH - 9) + ".png"
    assert len(name) == MAX_LENGTH and media_problem(name) is None
    assert "too long" in media_problem(name[:5] + "a" + name[5:])


def test_other_schemes_name_what_is_accepted():
    problem = media_problem("javascript:alert(1)")
    assert problem.startswith("A picture or video must be an https:// link or a file on this "
                              "computer (a picture, a video or a PDF")


def test_every_file_extension_is_accepted_in_any_case():
    for ext in FILE_EXTENSIONS:
        assert media_kind(f"/tmp/clip{ext}") == "file"
        assert media_kind(f"C:\\clip{ext.upper()}") == "file"
    assert "PDF" in media_problem("/tmp/x.exe") and ".mp4" in media_problem("/tmp/x.exe")


def test_not_text_is_refused():
    for value in (5, None, ["https://example.org"]):
        assert "must be text" in media_problem(value)
        assert media_kind(value) is None


def test_is_media_file_name():
    assert is_media_file_name("/home/me/a.PNG") and is_media_file_name("C:\\a\\b.pdf")
    assert not is_media_file_name("/usr/bin/python3") and not is_media_file_name(".png")
    assert not is_media_file_name("C:\\a\\b.png\\")
