from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator

import pytest

from storage import Store


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self, start: dt.datetime) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> dt.datetime:
        self.now += dt.timedelta(**delta)
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(dt.datetime(2026, 3, 2, 12, 0, tzinfo=dt.UTC))


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "pacer.db"


@pytest.fixture
async def store(db_path, clock) -> AsyncIterator[Store]:
    s = await Store.open(db_path, clock=clock)
    try:
        yield s
    finally:
        await s.close()
