"""Reports page (placeholder until its feature lands)."""

from __future__ import annotations

from ..context import AppContext
from .placeholder import PlaceholderPage


def create(ctx: AppContext) -> PlaceholderPage:
    return PlaceholderPage("Reports", "The clinician PDF report: preview, save, print.")
