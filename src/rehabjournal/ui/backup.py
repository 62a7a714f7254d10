"""File menu entries for backups, restore, full export/import and the FHIR bundle.

Each function takes (parent window, AppContext). Placeholder until the data-safety
feature lands: says so instead of pretending.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox


def _not_yet(parent, what: str) -> None:
    QMessageBox.information(parent, what, f"{what} is not available in this version yet.")


def backup_now(parent, ctx) -> None:
    _not_yet(parent, "Back up now")


def restore_backup(parent, ctx) -> None:
    _not_yet(parent, "Restore from backup")


def full_export(parent, ctx) -> None:
    _not_yet(parent, "Export everything")


def full_import(parent, ctx) -> None:
    _not_yet(parent, "Import everything")


def fhir_export(parent, ctx) -> None:
    _not_yet(parent, "Export for clinician (FHIR)")
