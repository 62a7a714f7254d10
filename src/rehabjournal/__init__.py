"""rehabjournal: a private desktop journal for exercise-related joint pain."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("rehabjournal")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+source"
