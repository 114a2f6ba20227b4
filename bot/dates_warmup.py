"""A shared English-only date parser, warmed up off the event loop at start-up.

dateparser's first parse costs a few hundred milliseconds (and, without pinned languages, ~3 s
on the first string it cannot read): doing it once in a worker thread at start-up keeps that
cost out of the first command's 3 s deadline.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

_lock = threading.Lock()
_parser: DateDataParser | None = None


def date_parser() -> DateDataParser:
    """The process-wide parser (created on first use; safe to call from any thread)."""
    global _parser
    with _lock:
        if _parser is None:
            from dateparser.date import DateDataParser

            _parser = DateDataParser(languages=["en"])
        return _parser


def warm_up() -> None:
    """Import dateparser and run one readable and one unreadable string through it. Blocking."""
    parser = date_parser()
    parser.get_date_data("yesterday")
    parser.get_date_data("not a date at all")
