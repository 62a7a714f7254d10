"""Programme page (placeholder until its feature lands)."""

from __future__ import annotations

from ..context import AppContext
from .placeholder import PlaceholderPage


def create(ctx: AppContext) -> PlaceholderPage:
    return PlaceholderPage(
        "Programme",
        "The exercise programme editor: library, phases, prescriptions and progression advice.",
    )
