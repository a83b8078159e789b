"""One HTTP GET for the tests that talk to a preview server: the status and the text, never an exception."""

from __future__ import annotations

import urllib.error
import urllib.request


def fetch(url: str) -> tuple[int, str]:
    """``(status, body)``; ``(code, "")`` for an HTTP error, ``(0, "")`` when nothing answers (yet)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except OSError:
        return 0, ""
