"""Journal page (placeholder until its feature lands)."""

from __future__ import annotations

from ..context import AppContext
from .placeholder import PlaceholderPage


def create(ctx: AppContext) -> PlaceholderPage:
    return PlaceholderPage("Journal", "Calendar and list of every day.")
