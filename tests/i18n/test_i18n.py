"""rehabjournal.i18n: choosing the language, and dates and numbers in it (no Qt)."""

from __future__ import annotations

import threading
from datetime import date, datetime

import pytest

from rehabjournal import i18n


@pytest.mark.parametrize(("prefs", "want"), [
    (["fr-CA", "en-US"], "fr"),
    (["de_AT.UTF-8"], "de"),
    (["es-MX", "de-DE"], "de"),      # the first language rehabjournal speaks
    (["es-ES", "it-IT"], "en"),      # none of them: English
    (["C.UTF-8", "fr"], "en"),       # the C locale is English
    ([], "en"),
])
def test_system_language_is_the_first_spoken_preference(prefs, want):
    assert i18n.system_language(prefs) == want


def test_system_language_reads_posix_variables_like_gettext(monkeypatch):
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert i18n.system_language() == "de"
    monkeypatch.setenv("LANGUAGE", "fr:en")
    assert i18n.system_language() == "fr"


@pytest.mark.parametrize(("choice", "want"), [
    ("system", "de"), (None, "de"), ("", "de"), ("fr", "fr"), ("en", "en"),
    ("klingon", "de"),   # a damaged setting follows the system
])
def test_resolve_a_choice(choice, want):
    assert i18n.resolve(choice, ["de-CH"]) == want


def test_using_overrides_and_restores_the_language():
    i18n.set_language("de")
    with i18n.using("fr"):
        assert i18n.current() == "fr"
        with i18n.using(None):
            assert i18n.current() == "fr"
    assert i18n.current() == "de"
    with pytest.raises(ValueError, match="unknown language 'es'"):
        i18n.set_language("es")


def test_a_worker_thread_can_use_its_own_language():
    i18n.set_language("en")
    seen = {}

    def work():
        with i18n.using("fr"):
            seen["worker"] = i18n.format_date(date(2026, 3, 3), "long")

    t = threading.Thread(target=work)
    t.start()
    t.join()
    assert seen["worker"] == "3 mars 2026"
    assert i18n.format_date(date(2026, 3, 3), "long") == "3 March 2026"


@pytest.mark.parametrize(("lang", "form", "want"), [
    ("en", "day", "Tue 3 Mar 2026"),
    ("en", "date", "3 Mar 2026"),
    ("en", "day_month", "3 Mar"),
    ("fr", "long", "3 mars 2026"),
    ("fr", "day", "mar. 3 mars 2026"),
    ("fr", "month_year", "mars 2026"),
    ("de", "long", "3. März 2026"),
    ("de", "day", "Di., 3. März 2026"),
    ("de", "day_month", "3. März"),
])
def test_dates_in_each_language(lang, form, want):
    with i18n.using(lang):
        assert i18n.format_date(date(2026, 3, 3), form) == want
        assert i18n.format_date(datetime(2026, 3, 3, 23, 59), form) == want


@pytest.mark.parametrize(("lang", "value", "digits", "want"), [
    ("en", 7.5, 1, "7.5"), ("fr", 7.5, 1, "7,5"), ("de", 7.5, 1, "7,5"),
    ("fr", 7.0, 1, "7"), ("de", 1234.25, 2, "1234,25"), ("en", 2.449, 1, "2.4"),
    ("fr", None, 1, "-"),
])
def test_numbers_in_each_language(lang, value, digits, want):
    with i18n.using(lang):
        assert i18n.format_number(value, digits) == want


def test_percent_and_decimal_separator():
    with i18n.using("fr"):
        assert i18n.format_percent(0.3) == "30\u00a0%"
        assert i18n.decimal_separator() == ","
    assert i18n.format_percent(0.3) == "30%"


def test_missing_catalogue_reads_as_english(monkeypatch, tmp_path):
    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)
    i18n.catalogue.cache_clear()
    try:
        with i18n.using("de"):
            assert i18n._("Morning pain") == "Morning pain"
    finally:
        i18n.catalogue.cache_clear()


def test_english_dates_keep_the_apps_abbreviations():
    """CLDR's British English writes "Sept"; the app has always written "Sep"."""
    assert i18n.format_date(date(2026, 9, 1), "day") == "Tue 1 Sep 2026"
