"""Autocomplete callbacks that always answer.

discord.py logs and drops an exception raised while suggesting choices, and Discord then shows
the person "Loading options failed" with no way to go on. A suggestion list is a convenience:
on a failure, or when the answer would miss Discord's 3 s window, Pacer answers with no
choices (the person can still type the value) and logs the failure once, with its traceback.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

log = logging.getLogger(__name__)

# Discord waits 3 s for the choices; what is left is for the trip there and back.
ANSWER_WITHIN_S = 2.5

C = TypeVar("C", bound=Callable[..., Awaitable[list[Any]]])


def always_answers(callback: C) -> C:
    """Wrap an autocomplete callback (a cog method) so it answers with no choices rather than
    fail or time out."""

    @functools.wraps(callback)
    async def wrapper(*args: Any, **kwargs: Any) -> list[Any]:
        try:
            async with asyncio.timeout(ANSWER_WITHIN_S):
                return await callback(*args, **kwargs)
        except TimeoutError:
            log.warning("autocomplete %s took over %.1f s: no choices sent",
                        callback.__qualname__, ANSWER_WITHIN_S)
        except Exception:
            log.exception("autocomplete %s failed: no choices sent", callback.__qualname__)
        return []

    return wrapper  # type: ignore[return-value]
