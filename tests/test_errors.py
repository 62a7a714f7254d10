"""The error family's storage messages say why a write failed, in plain words."""

from __future__ import annotations

import errno
import sqlite3
from datetime import date

import peewee
import pytest

from rehabjournal.errors import StorageError, is_storage_failure, storage_error


def _chained(first: BaseException, then: BaseException) -> BaseException:
    try:
        try:
            raise first
        except BaseException:
            raise then  # noqa: B904 - implicit chaining is what the driver does
    except BaseException as exc:
        return exc


@pytest.mark.parametrize(("root", "words"), [
    (sqlite3.OperationalError("database or disk is full"), "the disk is full"),
    (OSError(errno.ENOSPC, "No space left on device"), "the disk is full"),
    (sqlite3.OperationalError("disk I/O error"), "could not be written"),
    (sqlite3.OperationalError("attempt to write a readonly database"), "read-only"),
])
def test_the_real_reason_is_found_behind_a_failed_rollback(root, words):
    """SQLite rolls back a failed COMMIT itself; the driver's ROLLBACK then fails with
    'cannot rollback', which must not hide the reason."""
    exc = _chained(root, peewee.OperationalError("cannot rollback - no transaction is active"))
    message = str(storage_error(exc))
    assert words in message
    assert "cannot rollback" not in message
    if words == "the disk is full":  # said as what it is, with the folder when known
        assert message.startswith("No space left on device") and "could not save" in message
        assert message.endswith("Nothing was changed.")
    else:
        assert message.startswith("Could not save: ")


@pytest.mark.parametrize("root", [sqlite3.OperationalError("database is locked"),
                                  peewee.OperationalError("database is locked")])
def test_sqlite_busy_is_the_busy_message_with_exit_5(root, monkeypatch):
    """SQLite's 'database is locked' after busy_timeout: the journal is busy, exit 5."""
    from rehabjournal import errors

    monkeypatch.setattr(errors, "journal_file", "/d/journal.sqlite")
    exc = storage_error(_chained(root, peewee.OperationalError(
        "cannot rollback - no transaction is active")))
    assert isinstance(exc, errors.JournalBusyError)
    assert exc.exit_code == errors.EXIT_BUSY == 5
    assert str(exc) == ("The journal is busy: another program is using /d/journal.sqlite "
                        "(perhaps a sync or backup tool). Nothing was changed; try again in "
                        "a moment.")


def test_storage_failures_are_recognised_without_importing_drivers():
    assert is_storage_failure(sqlite3.OperationalError("x"))
    assert is_storage_failure(peewee.IntegrityError("x"))
    assert is_storage_failure(OSError(errno.EIO, "x"))
    assert not is_storage_failure(ValueError("x"))
    assert not is_storage_failure(KeyError("x"))


def test_a_commit_that_fails_says_disk_full_and_writes_nothing(journal, monkeypatch):
    """End to end through an edit: COMMIT fails as on a full disk."""
    from rehabjournal.services import journal as js
    from rehabjournal.store import models as m

    database = m.database.obj

    def failing_commit():
        database.cursor().execute("ROLLBACK")  # what SQLite does itself on a failed COMMIT
        raise peewee.OperationalError("database or disk is full")

    monkeypatch.setattr(database, "commit", failing_commit)
    with pytest.raises(StorageError) as info:
        js.edit_checkin(date(2026, 3, 1), {"morning_pain": 4})
    assert "the disk is full" in str(info.value)
    assert "cannot rollback" not in str(info.value)
    monkeypatch.undo()
    assert js.get_checkin(date(2026, 3, 1)) is None
