from __future__ import annotations

import sqlite3

import pytest

from storage import SchemaTooNew, Store, StoreError
from storage.migrations import MIGRATIONS, migrate, split_statements


async def test_open_creates_the_latest_schema_with_wal_and_foreign_keys(db_path):
    store = await Store.open(db_path)
    try:
        assert await store.schema_version() == len(MIGRATIONS)
        pragmas = await store._run(
            lambda c: [
                c.execute(f"PRAGMA {p}").fetchone()[0]
                for p in (
                    "journal_mode",
                    "foreign_keys",
                    "synchronous",
                    "busy_timeout",
                    "wal_autocheckpoint",
                )
            ]
        )
        assert pragmas == ["wal", 1, 1, 5000, 10_000]  # synchronous 1 = NORMAL
    finally:
        await store.close()
    # Reopening an up-to-date database changes nothing.
    store = await Store.open(db_path)
    await store.close()
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    conn.close()


async def test_async_with_closes(db_path):
    async with await Store.open(db_path) as store:
        assert await store.schema_version() == len(MIGRATIONS)
    with pytest.raises(ValueError, match="closed"):
        await store.schema_version()


async def test_newer_schema_is_refused_with_a_clear_message(db_path):
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    conn.close()
    with pytest.raises(SchemaTooNew, match="upgrade Pacer"):
        await Store.open(db_path)


async def test_missing_folder_and_non_database_are_store_errors(tmp_path):
    with pytest.raises(StoreError, match="cannot open"):
        await Store.open(tmp_path / "no" / "such" / "dir" / "x.db")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a usable SQLite database"):
        await Store.open(junk)


def test_a_failing_migration_rolls_back_and_leaves_the_version(tmp_path, monkeypatch):
    import storage.migrations as m

    monkeypatch.setattr(m, "MIGRATIONS", (*MIGRATIONS, "CREATE TABLE t (x); INSERT INTO nope;"))
    conn = sqlite3.connect(tmp_path / "x.db", isolation_level=None)
    with pytest.raises(sqlite3.OperationalError):
        m.migrate(conn)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_schema WHERE type='table'")}
    assert "t" not in tables and "sessions" in tables
    conn.close()


def test_migrate_to_a_target_then_on(tmp_path):
    conn = sqlite3.connect(tmp_path / "x.db", isolation_level=None)
    assert migrate(conn, target=1) == 1
    assert migrate(conn) == len(MIGRATIONS)
    conn.close()


def test_split_statements_keeps_trigger_bodies_whole():
    script = """
    CREATE TABLE a (x);
    CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE a SET x = 1; DELETE FROM a; END;
    -- comment only;
    """
    parts = split_statements(script)
    assert len(parts) == 2
    assert parts[1].startswith("CREATE TRIGGER") and parts[1].endswith("END;")


@pytest.mark.parametrize("path", [":memory:", "", "file:x.db?mode=memory"])
async def test_memory_and_uri_paths_are_refused(path):
    with pytest.raises(StoreError, match="must be a file path"):
        await Store.open(path)


async def test_each_call_is_one_hop_to_the_connection_thread(store):
    from tests.storage.factories import ALICE, GUILD, session, wod

    calls = 0
    original = store._db._execute

    async def counting(fn, *args, **kwargs):
        nonlocal calls
        calls += 1
        return await original(fn, *args, **kwargs)

    store._db._execute = counting  # type: ignore[method-assign]
    await store.log_session(session(interaction_id=1))
    await store.recent_sessions(GUILD, ALICE)
    await store.best_reps(GUILD, 1000, per_athlete=True)
    w = await store.schedule_wod(wod())
    assert await store.claim_wod(w.id, w.publish_at) is not None
    assert calls == 5
