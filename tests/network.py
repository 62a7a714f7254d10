"""Whether PyPI answers: the few tests that ask it (pip download, a wheel build) skip with
that reason when it does not, and run everywhere it does (CI has the network)."""

from __future__ import annotations

import urllib.error
import urllib.request


def pypi_reachable(project: str = "pip") -> bool:
    """True when PyPI's simple index answers for ``project`` within 10 seconds."""
    try:
        request = urllib.request.Request(f"https://pypi.org/simple/{project}/", method="HEAD")
        with urllib.request.urlopen(request, timeout=10):
            return True
    except (urllib.error.URLError, OSError):
        return False
