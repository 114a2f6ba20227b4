"""Operations: a full disk, a long read (a backup) beside the bot, the gateway dropped."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

from tests.proof.arena import arena


def count(path: str, sql: str) -> int:
    with contextlib.closing(sqlite3.connect(path)) as db:
        return int(db.execute(sql).fetchone()[0])


async def test_a_full_disk_refuses_the_write_clearly_and_keeps_nothing_half_written(
    tmp_path: Path,
) -> None:
    async with arena(tmp_path, athletes=10) as a:
        store = a.bot.store

        def cap(conn: sqlite3.Connection, extra: int) -> None:
            # SQLite's max_page_count stands in for a full disk: the file may not grow.
            pages = conn.execute("PRAGMA page_count").fetchone()[0]
            conn.execute(f"PRAGMA max_page_count = {pages + extra}")

        await store._run(cap, 0)
        stored_before = count(a.bot.db_path, "SELECT count(*) FROM sessions")
        answered = 0
        refused = None
        for n in range(100):
            reply = await a.discord.slash(a.athletes[n % 10], a.training, "log",
                                          splits="2:26 2:27 2:28 2:29 2:30 2:31",
                                          notes=f"{n} " + "long note " * 45)
            assert reply.answer is not None
            if reply.answer.ephemeral:
                refused = reply
                break
            answered += 1
        assert refused is not None, "the capped database never filled"
        # /log had deferred ("thinking…") before the write failed: that public message is
        # withdrawn and the refusal is the one, ephemeral follow-up.
        assert refused.message is not None and refused.message.deleted
        assert [m.ephemeral for m in refused.followups] == [True]
        assert refused.answer is not None
        assert refused.answer.content.startswith("Pacer could not save that: its database is full.")
        assert any("database or disk is full" in line for line in a.discord.logged_errors)
        assert count(a.bot.db_path, "SELECT count(*) FROM sessions") == stored_before + answered
        assert count(a.bot.db_path, "SELECT count(*) FROM reps WHERE session_id NOT IN"
                                    " (SELECT id FROM sessions)") == 0
        assert count(a.bot.db_path, "SELECT count(*) FROM sessions s WHERE (SELECT count(*)"
                                    " FROM reps r WHERE r.session_id = s.id) != 6"
                                    " AND s.id > 1") == 0
        await store._run(cap, 10_000)  # space again: the same /log now goes through
        again = await a.discord.slash(a.athletes[0], a.training, "log", splits="2:26 2:27")
        assert not again.ephemeral
    with contextlib.closing(sqlite3.connect(tmp_path / "pacer.db")) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


async def test_logging_goes_on_while_another_process_holds_a_long_read(tmp_path: Path) -> None:
    async with arena(tmp_path, athletes=5) as a:
        path = a.bot.db_path
        reader = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        reader.execute("BEGIN")
        before = reader.execute("SELECT count(*) FROM sessions").fetchone()[0]
        backup = sqlite3.connect(tmp_path / "backup.db", check_same_thread=False)
        copying = asyncio.ensure_future(asyncio.to_thread(reader.backup, backup, pages=1))
        for n in range(10):
            reply = await a.discord.slash(a.athletes[n % 5], a.training, "log",
                                          splits=f"2:{20 + n} 2:30")
            assert not reply.ephemeral, reply.content
        await copying
        # The reader still sees its snapshot; the backup is a consistent copy of one moment.
        assert reader.execute("SELECT count(*) FROM sessions").fetchone()[0] == before
        reader.execute("COMMIT")
        reader.close()
        assert backup.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        backup.close()
        assert count(path, "SELECT count(*) FROM sessions") == before + 10


async def test_scheduled_posts_survive_gateway_drops(tmp_path: Path) -> None:
    async with arena(tmp_path, athletes=2) as a:
        cog: Any = a.bot.get_cog("Wod")
        opened = await a.discord.slash(a.coach, a.training, "wod post", workout="8x200m",
                                       when="in 1 hour", title="After the drop")
        await a.discord.submit_modal(a.coach, opened.modal, {})
        await a.discord.drop_gateway(resumable=False)  # a fresh IDENTIFY
        await a.discord.drop_gateway(resumable=True)  # a RESUME
        a.now[0] += dt.timedelta(hours=1, minutes=1)
        cog.dispatcher.wake()

        def posted() -> list[Any]:
            return [m for m in a.training.visible_messages()
                    if m.author is a.discord.bot_user and m.embeds
                    and "After the drop" in str(m.embeds[0].get("title"))]

        await a.discord.wait_until(lambda: len(posted()) >= 1, what="the scheduled post")
        assert len(posted()) == 1
        reply = await a.discord.slash(a.athletes[0], a.training, "log", splits="0:31 0:32")
        assert not reply.ephemeral
        await a.discord.drop_gateway(resumable=False)
        cog.dispatcher.wake()
        await a.discord.slash(a.athletes[1], a.training, "log", splits="0:33 0:34")
        assert len(posted()) == 1  # posted once, whatever the reconnections
