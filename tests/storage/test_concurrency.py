"""Two connections writing at once (the bot and the CLI, or two processes): no lock errors."""

from __future__ import annotations

import asyncio

from storage import Store
from tests.storage.factories import ALICE, BOB, GUILD, session


async def test_two_writers_on_two_connections(db_path, clock):
    first = await Store.open(db_path, clock=clock)
    second = await Store.open(db_path, clock=clock)
    try:

        async def write(store: Store, athlete: int, base: int) -> list[int]:
            ids = []
            for i in range(60):
                # Each write reads first (duplicate check, the athlete's row): BEGIN IMMEDIATE.
                rec = session(
                    athlete_id=athlete, athlete_name=f"A{athlete}", interaction_id=base + i
                )
                ids.append((await store.log_session(rec)).session_id)
                # Reads from the other connection interleave with the writes.
                await store.recent_sessions(GUILD, athlete, viewer_id=athlete)
            return ids

        async def both_log_the_same(n: int) -> tuple:
            rec = session(interaction_id=10_000 + n)
            return await asyncio.gather(first.log_session(rec), second.log_session(rec))

        a, b = await asyncio.gather(write(first, ALICE, 0), write(second, BOB, 1000))
        assert len(set(a) | set(b)) == 120
        # The same interaction delivered to both connections at once: stored once.
        for n in range(20):
            x, y = await both_log_the_same(n)
            assert x.session_id == y.session_id
            assert sorted([x.created, y.created]) == [False, True]
        total = await first._run(lambda c: c.execute("SELECT count(*) FROM sessions").fetchone())
        assert total[0] == 140
    finally:
        await first.close()
        await second.close()
