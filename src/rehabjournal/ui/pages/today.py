"""Today page (placeholder until its feature lands)."""

from __future__ import annotations

from ..context import AppContext
from .placeholder import PlaceholderPage


def create(ctx: AppContext) -> PlaceholderPage:
    return PlaceholderPage("Today", "The morning check-in, sessions and the pain response.")
