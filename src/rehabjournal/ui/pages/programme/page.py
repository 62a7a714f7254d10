"""The Programme page: three tabs (programmes, exercise library, adherence and advice).

The page reloads what it shows whenever ``programme_changed`` is emitted: after any edit
made on it (through ``ui/edit_path.apply_edit``), after undo and redo of such an edit,
and after a backup is restored.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ....services import programme as ps
from ...context import AppContext
from .advice import AdviceTab
from .library import LibraryTab
from .programmes import ProgrammesTab


class ProgrammePage(QWidget):
    """Attributes: ``programmes`` (the Programmes tab, with its ``editor``), ``library``,
    ``advice`` and ``tabs``."""

    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
        self.tabs = QTabWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs)

        self.programmes = ProgrammesTab(ctx)
        self.tabs.addTab(self.programmes, self.tr("&Programmes"))
        self.library = LibraryTab(ctx)
        self.tabs.addTab(self.library, self.tr("&Library"))
        self.advice = AdviceTab(ctx)
        self.tabs.addTab(self.advice, self.tr("A&dherence and advice"))
        self.tabs.currentChanged.connect(lambda _i: self._tab_changed())
        ctx.journal_changed.connect(self._journal_changed)  # a bound method: dropped with the page
        ctx.programme_changed.connect(self.reload)
        self.programmes.select_programme((ps.active_programme() or {}).get("id"))

    def activated(self) -> None:
        """The page was shown (again): reload what may have changed meanwhile."""
        self.programmes.refresh()
        self.library.reload()
        self.advice.refresh()

    def reload(self) -> None:
        """Show the programmes, the library and the advice as they are now."""
        self.programmes.editor.prescription_form.fill_exercises()
        self.programmes.refresh()
        self.library.reload()
        self.advice.refresh()

    def _tab_changed(self) -> None:
        if self.tabs.currentWidget() is self.advice:
            self.advice.refresh()

    def _journal_changed(self, _day=None) -> None:
        if self.isVisible() and self.tabs.currentWidget() is self.advice:
            self.advice.refresh()
