"""The event loop Pacer's processes run on: uvloop where it is installed, else asyncio's own.

uvloop (libuv, in C) runs the loop, its sockets and its timers with less CPU per callback than
asyncio's selector loop in Python. A burst of interactions is that work above all (every answer
a request on a kept-alive connection), and on a machine of two shared cores the CPU per
interaction decides how soon the last of a burst is acknowledged (bench/load.py). It is not
built for Windows; there, and wherever it is absent, asyncio's loop runs the same code.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

T = TypeVar("T")


def loop_factory(*, prefer_uvloop: bool = True) -> Callable[[], asyncio.AbstractEventLoop] | None:
    """uvloop's loop factory where it is installed and preferred; None: asyncio's default."""
    if not prefer_uvloop:
        return None
    try:
        import uvloop
    except ImportError:
        return None
    return uvloop.new_event_loop


def loop_name(*, prefer_uvloop: bool = True) -> str:
    """'uvloop' or 'asyncio': the loop `run` would use."""
    return "asyncio" if loop_factory(prefer_uvloop=prefer_uvloop) is None else "uvloop"


async def cancel_and_wait(task: asyncio.Future[Any]) -> None:
    """Cancel a background task and wait until it has stopped (its cancellation is expected)."""
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task


def run(main: Coroutine[Any, Any, T], *, prefer_uvloop: bool = True) -> T:
    """`asyncio.run(main)` on the loop above (Ctrl-C and the loop's closing as asyncio.run)."""
    with asyncio.Runner(loop_factory=loop_factory(prefer_uvloop=prefer_uvloop)) as runner:
        return runner.run(main)
