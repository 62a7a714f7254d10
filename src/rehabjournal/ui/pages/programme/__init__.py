"""Programme page: programmes and their phases, the exercise library, adherence and advice.

One module per part:

- ``page.py``: the page and its three tabs; it reloads on ``programme_changed``;
- ``programmes.py``: the Programmes tab (list of programmes and their buttons);
- ``editor.py``: the chosen programme's header, tree of phases and exercises;
- ``forms.py``: the phase and prescription forms under the tree;
- ``files.py``: programme file import and export, calendar export;
- ``library.py``: the Library tab; ``advice.py``: the Adherence and advice tab.

Every change is a use case of ``services.programme`` returning an ``Edit``, applied with
``ui/edit_path.apply_edit`` (one transaction, one undo step, failures in the banner).
"""

from __future__ import annotations

from ...context import AppContext
from .page import ProgrammePage

__all__ = ["ProgrammePage", "create"]


def create(ctx: AppContext) -> ProgrammePage:
    return ProgrammePage(ctx)
