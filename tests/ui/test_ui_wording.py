"""QA's L4 on the Programme page: the template menu and the advice's numbers."""

from __future__ import annotations

from rehabjournal.domain.programme import Suggestion
from rehabjournal.ui.pages.programme.programmes import template_title
from rehabjournal.ui.programme_models import SuggestionModel


def test_the_template_menu_names_the_weeks_once(open_window):
    _ctx, window = open_window()
    page = window.show_page("programme")
    titles = sorted(a.text() for a in page.programmes.template_menu.actions())
    assert titles == ["Calm, then build (4 weeks)", "Knee overuse: 12 weeks back to running"]
    assert template_title({"name": "Easy", "weeks": 1}) == "Easy (1 week)"
    assert template_title({"name": "Easy", "weeks": 6}) == "Easy (6 weeks)"


def test_advice_changes_write_numbers_one_way():
    s = Suggestion(1, "progress", "load", 30.0, 33.0, "A full green week.")
    assert SuggestionModel.change_text(s) == "load 30 -> 33"
    assert SuggestionModel.change_text(
        Suggestion(1, "back_off", "load", 42.5, 34.0, "")) == "load 42.5 -> 34"
