"""Questions for the next appointment: each change one undoable edit, refusals in words."""

from __future__ import annotations

import pytest

from rehabjournal.errors import NotFoundError, ValidationError
from rehabjournal.services import questions as qs
from rehabjournal.services.edit import is_no_change


def texts() -> list[tuple[str, bool]]:
    return [(q["text"], q["answered"]) for q in qs.list_questions()]


def test_add_reword_tick_untick_delete_each_undo_and_redo(journal):
    add = qs.edit_add("  Ice or heat?  ")
    assert add.label == "add question" and add.saved == "Question added"
    assert texts() == [("Ice or heat?", False)]
    add.undo()
    assert texts() == []
    add.redo()
    question = add.result
    created = qs.list_questions()[0]["created"]

    reword = qs.edit_text(question, "Ice or heat after a run?")
    assert texts() == [("Ice or heat after a run?", False)]
    reword.undo()
    assert texts() == [("Ice or heat?", False)]
    reword.redo()

    qs.edit_add("When can I run 5 km?")
    tick = qs.edit_set_asked(question, True)
    assert tick.label == "tick question as asked"
    assert texts() == [("When can I run 5 km?", False), ("Ice or heat after a run?", True)]
    assert qs.open_questions() == ["When can I run 5 km?"]  # what the report prints
    tick.undo()
    assert qs.open_questions() == ["Ice or heat after a run?", "When can I run 5 km?"]
    tick.redo()
    untick = qs.edit_set_asked(question, False)
    assert untick.label == "untick question" and untick.saved == "Question open again"
    assert qs.open_questions() == ["Ice or heat after a run?", "When can I run 5 km?"]

    delete = qs.edit_delete(question)
    assert qs.open_questions() == ["When can I run 5 km?"]
    delete.undo()  # the same question: its id and date, so its place in the list
    row = qs.list_questions()[0]
    assert (row["id"], row["text"], row["created"]) == (question, "Ice or heat after a run?",
                                                        created)
    delete.redo()
    assert qs.open_questions() == ["When can I run 5 km?"]


def test_no_step_when_nothing_changes(journal):
    question = qs.edit_add("Ice or heat?").result
    assert is_no_change(qs.edit_text(question, " Ice or heat? "))
    assert is_no_change(qs.edit_set_asked(question, False))


@pytest.mark.parametrize(("text", "message"), [
    ("", "Type the question first, then add it."),
    (" \n\t", "Type the question first, then add it."),
    ("x" * 2001, "A question is at most 2,000 characters (this one has 2,001)."),
    ("a\x00b", "The question holds a NUL character (\\0), which cannot be stored."),
])
def test_refused_with_a_reason_and_nothing_written(journal, text, message):
    with pytest.raises(ValidationError) as caught:
        qs.edit_add(text)
    assert caught.value.errors == {"question": message}
    assert qs.list_questions() == []


def test_emptying_a_question_says_to_delete_it(journal):
    question = qs.edit_add("Ice or heat?").result
    with pytest.raises(ValidationError) as caught:
        qs.edit_text(question, "   ")
    assert caught.value.errors == {
        "question": "A question cannot be empty: use Delete to remove it."}
    assert texts() == [("Ice or heat?", False)]


def test_a_question_deleted_meanwhile_is_not_found(journal):
    question = qs.edit_add("Ice or heat?").result
    qs.edit_delete(question)
    for change in (lambda: qs.edit_text(question, "x"),
                   lambda: qs.edit_set_asked(question, True),
                   lambda: qs.edit_delete(question)):
        with pytest.raises(NotFoundError, match="That question no longer exists."):
            change()


def test_the_demo_has_two_open_questions(journal):
    from rehabjournal.services.demo import generate_demo
    from rehabjournal.store.library import sync_shipped_exercises

    sync_shipped_exercises()
    generate_demo()
    assert qs.open_questions() == ["When can I try a 5 km parkrun again?",
                                   "Ice or heat on the knee after a run?"]
    assert len(qs.list_questions()) == 4  # and two already asked
