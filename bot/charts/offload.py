"""Running renders away from the event loop: in a worker thread, or in a worker process.

A render is about 60-120 ms of mostly Python work. In a thread it holds the GIL for most of
that time, and the loop thread has to win the GIL back each time it wakes: measured on two cores,
ten concurrent renders stall the loop 20-100 ms (bench/charts.py). In a separate process the
loop keeps its GIL to itself and stalls stay near the floor. `ChartWorker` is that process;
`render_in_thread` is the simple choice when stalls of that size do not matter (tools, tests).
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

D = TypeVar("D")
PRELOAD = ["matplotlib.figure", "matplotlib.backends.backend_agg", "bot.charts"]
log = logging.getLogger(__name__)


async def render_in_thread(fn: Callable[[D], bytes], data: D) -> bytes:
    """Render in a worker thread so the event loop keeps serving while the chart draws."""
    return await asyncio.to_thread(fn, data)


def _warm_up() -> None:
    # Pay matplotlib's import and font loading when the process starts, not on the first chart.
    from bot.charts.data import RepBar, SessionChartData
    from bot.charts.session import render_session

    render_session(SessionChartData("warm-up", [RepBar(1, 60.0, 400.0)]))


class ChartWorker:
    """Renders charts in a separate process (started on first use or by `start`).

    `fn` must be a module-level render function (it is pickled by name) and the data picklable,
    which the chart data classes are. If the worker process dies, the pool is replaced and that
    one chart is drawn in a thread instead, so a reply never loses its chart to a crash.
    """

    def __init__(self, processes: int = 1) -> None:
        self._processes = processes
        self._pool: ProcessPoolExecutor | None = None

    def _ensure_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # forkserver/spawn, never fork: the bot process has threads (aiosqlite, executors),
            # and forking a threaded process can copy a held lock into the child.
            context: multiprocessing.context.BaseContext
            if "forkserver" in multiprocessing.get_all_start_methods():
                forkserver = multiprocessing.get_context("forkserver")
                # The fork server imports matplotlib once; each new worker starts from that copy.
                forkserver.set_forkserver_preload(PRELOAD)
                context = forkserver
            else:
                context = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(
                self._processes, mp_context=context, initializer=_warm_up
            )
        return self._pool

    async def start(self) -> None:
        """Start the process and warm it up now (at bot start-up) rather than on the first chart."""
        pool = self._ensure_pool()
        await asyncio.get_running_loop().run_in_executor(pool, _warm_up)

    async def render(self, fn: Callable[[D], bytes], data: D) -> bytes:
        pool = self._ensure_pool()
        try:
            return await asyncio.get_running_loop().run_in_executor(pool, fn, data)
        except BrokenProcessPool:
            log.warning("chart worker process died; restarting it, this chart drawn in a thread")
            if self._pool is pool:
                self._pool = None
            pool.shutdown(wait=False, cancel_futures=True)
            return await render_in_thread(fn, data)

    def close(self) -> None:
        """Stop the worker process; a later render starts a new one."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
