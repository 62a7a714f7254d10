"""Errors the use cases raise for the UI and the command line to show."""

from __future__ import annotations


class ValidationError(ValueError):
    """Bad input: nothing was written.

    Attributes:
        errors: {field name: message a user reads beside that field}.
    """

    def __init__(self, errors: dict[str, str]):
        self.errors = dict(errors)
        super().__init__(" ".join(self.errors.values()))
