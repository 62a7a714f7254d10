"""Questions for the next appointment: add, reword, tick as asked, untick, delete.

The list lives on the Today page ("Questions for your physio"); the open ones (not yet
ticked as asked) are printed on page one of the clinician report and listed on the Reports
page. A question belongs to no day: it waits until it is asked.

Each change is one undoable ``Edit`` (``services.edit``), applied by the UI through
``ui.edit_path.apply_edit``.

Example:
    edit = questions.edit_add("Ice or heat after a run?")
    questions.edit_set_asked(edit.result, True)
"""

from __future__ import annotations

from typing import Any

from ..domain import validation
from ..errors import NotFoundError
from ..i18n import FORMAT_LOCALES, _, current
from ..store import report_repo as repo
from .edit import Change, Edit, no_change, perform
from .errors import ValidationError

QUESTION_MOST = 2000
"""Characters of one question at most (the report prints the first 300 on page one and
the whole question under "Notes in full")."""

FIELD = "question"
"""The key of a question's validation message (the field beside which it shows)."""


def check_question(text: Any) -> str:
    """The question as stored: spaces at either end removed.

    Raises:
        ValidationError: empty, too long, or holding a NUL character; the message says which.
    """
    if not isinstance(text, str):
        raise ValidationError({FIELD: _("A question is text.")})
    text = text.strip()
    if not text:
        raise ValidationError({FIELD: _("Type the question first, then add it.")})
    if len(text) > QUESTION_MOST:
        raise ValidationError({FIELD: _("A question is at most {most} characters (this one "
                                        "has {length}).").format(
            most=_thousands(QUESTION_MOST), length=_thousands(len(text)))})
    try:
        validation.check_text(text, "")
    except ValidationError:
        raise ValidationError({FIELD: _("The question holds a NUL character (\\0), which "
                                        "cannot be stored.")}) from None
    return text


def _thousands(n: int) -> str:
    """A count with its thousands grouped as the current language writes them: "2,000",
    "2\u202f000", "2.000"."""
    from babel.numbers import format_decimal

    return format_decimal(n, locale=FORMAT_LOCALES[current()])


def list_questions() -> list[dict[str, Any]]:
    """Every question (id, text, created, answered): open ones first, oldest first."""
    return repo.list_questions()


def open_questions() -> list[str]:
    """The texts of the questions not asked yet, oldest first (as the report prints them)."""
    return repo.open_questions()


def _existing(question_id: int) -> dict[str, Any]:
    row = repo.get_question(question_id)
    if row is None:
        raise NotFoundError(_("That question no longer exists."), table="question",
                            row=question_id)
    return row


def edit_add(text: str) -> Edit:
    """Add an open question as one undoable edit; ``Edit.result`` is its id.

    Raises:
        ValidationError, StorageError: nothing was written.
    """
    text = check_question(text)

    def do() -> Change:
        question_id = repo.add_question(text)
        row = repo.get_question(question_id)
        return Change(undo=lambda: repo.delete_question(question_id),
                      redo=lambda: repo.restore_question(row), result=question_id)

    return perform(_("add question"), do, saved=_("Question added"))


def edit_text(question_id: int, text: str) -> Edit:
    """Reword a question as one undoable edit (no step when the words are the same).

    Raises:
        ValidationError: empty or too long; NotFoundError: deleted meanwhile;
        StorageError: nothing was written.
    """
    if isinstance(text, str) and not text.strip():
        raise ValidationError({FIELD: _("A question cannot be empty: use Delete to remove it.")})
    text = check_question(text)
    before = _existing(question_id)["text"]
    if text == before:
        return no_change(_("reword question"))

    def do() -> Change:
        repo.update_question(question_id, text=text)
        return Change(undo=lambda: repo.update_question(question_id, text=before),
                      redo=lambda: repo.update_question(question_id, text=text))

    return perform(_("reword question"), do, saved=_("Question saved"))


def edit_set_asked(question_id: int, asked: bool) -> Edit:
    """Tick a question as asked (it leaves the report) or untick it, as one undoable edit.

    Raises:
        NotFoundError: deleted meanwhile; StorageError: nothing was written.
    """
    asked = bool(asked)
    if _existing(question_id)["answered"] == asked:
        return no_change(_("tick question"))

    def do() -> Change:
        repo.update_question(question_id, answered=asked)
        return Change(undo=lambda: repo.update_question(question_id, answered=not asked),
                      redo=lambda: repo.update_question(question_id, answered=asked))

    if asked:
        return perform(_("tick question as asked"), do,
                       saved=_("Question ticked as asked"))
    return perform(_("untick question"), do, saved=_("Question open again"))


def edit_delete(question_id: int) -> Edit:
    """Delete a question as one undoable edit (undo puts back the same question).

    Raises:
        NotFoundError: deleted meanwhile; StorageError: nothing was deleted.
    """
    row = _existing(question_id)

    def do() -> Change:
        repo.delete_question(question_id)
        return Change(undo=lambda: repo.restore_question(row),
                      redo=lambda: repo.delete_question(question_id))

    return perform(_("delete question"), do, saved=_("Question deleted"))
