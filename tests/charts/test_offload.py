import asyncio
import os
import pickle

import pytest

from bot.charts import (
    ChartWorker,
    RepBar,
    SessionChartData,
    VolumeChartData,
    render_session,
    render_volume,
)

PARENT = os.getpid()
SESSION = SessionChartData("4 × 400m", [RepBar(i + 1, 70.0 + i, 400.0, (69.0, 72.0), 60.0)
                                        for i in range(4)], 71.5)


def dies_in_the_worker(data: SessionChartData) -> bytes:
    """Kills the worker process; drawn in the bot's own process it renders normally."""
    if os.getpid() != PARENT:
        os._exit(1)
    return render_session(data)


@pytest.fixture(scope="module")
def worker():
    w = ChartWorker()
    yield w
    w.close()


def test_chart_data_survives_the_trip_to_another_process():
    assert pickle.loads(pickle.dumps(SESSION)) == SESSION


async def test_worker_process_renders_the_same_bytes(worker):
    volume = VolumeChartData("Weekly volume", [])
    out = await asyncio.gather(worker.render(render_session, SESSION),
                               worker.render(render_volume, volume))
    assert out == [render_session(SESSION), render_volume(volume)]


async def test_a_dead_worker_is_replaced_and_the_chart_still_drawn(worker):
    assert await worker.render(dies_in_the_worker, SESSION) == render_session(SESSION)
    # The next chart goes to a fresh process again.
    assert await worker.render(render_session, SESSION) == render_session(SESSION)
