"""The shared English-only date parser, warmed up off the event loop at start-up.

dateparser's first parse costs a few hundred milliseconds (and, without pinned languages, ~3 s
on the first string it cannot read): doing it once in a worker thread at start-up keeps that
cost out of the first command's 3 s deadline. The parser itself lives with the domain's dates.
"""

from bot.training.dates import date_parser, warm_up

__all__ = ["date_parser", "warm_up"]
