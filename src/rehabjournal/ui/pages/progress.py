"""Progress page (placeholder until its feature lands)."""

from __future__ import annotations

from ..context import AppContext
from .placeholder import PlaceholderPage


def create(ctx: AppContext) -> PlaceholderPage:
    return PlaceholderPage(
        "Progress",
        "Charts of pain, training load, adherence and the patterns behind flares.",
    )
