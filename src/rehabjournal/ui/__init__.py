"""Qt user interface: windows, pages, item models, dialogs."""
