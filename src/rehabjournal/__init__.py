"""rehabjournal: a private desktop journal for exercise-related joint pain.

``__version__`` comes from ``_version.py``, which hatchling's version hook writes from
``[project] version`` in pyproject.toml at every install (editable ones too): pyproject stays
the single source, and start-up does not pay for ``importlib.metadata`` (~30 ms).
"""

from ._version import __version__

__all__ = ["__version__"]
