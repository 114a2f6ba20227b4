"""The event loop Pacer's processes run on: uvloop where installed, asyncio's own otherwise."""

from __future__ import annotations

import asyncio
import importlib.util
import sys

import pytest

from bot import eventloop


async def _loop_module() -> str:
    return type(asyncio.get_running_loop()).__module__.split(".")[0]


def test_run_returns_what_the_coroutine_returns_on_uvloop_where_installed() -> None:
    expected = "uvloop" if importlib.util.find_spec("uvloop") is not None else "asyncio"

    assert eventloop.run(_loop_module()) == expected
    assert eventloop.loop_name() == expected


def test_asyncio_runs_when_asked_for() -> None:
    assert eventloop.run(_loop_module(), prefer_uvloop=False) == "asyncio"
    assert eventloop.loop_name(prefer_uvloop=False) == "asyncio"


def test_without_uvloop_asyncio_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "uvloop", None)  # as where it is not installed (Windows)

    assert eventloop.run(_loop_module()) == "asyncio"
    assert eventloop.loop_name() == "asyncio"


async def test_cancel_and_wait_stops_a_task_and_returns_once_it_has() -> None:
    started = asyncio.Event()

    async def forever() -> None:
        started.set()
        await asyncio.Event().wait()

    task = asyncio.create_task(forever())
    await started.wait()
    await eventloop.cancel_and_wait(task)
    assert task.cancelled()
