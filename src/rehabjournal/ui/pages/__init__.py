"""One module per main-window page; each exposes ``create(ctx) -> QWidget``."""
