from __future__ import annotations

import csv
import sqlite3

import pytest

from bot.cli import main
from storage import Store
from storage.migrations import MIGRATIONS
from tests.storage.factories import ALICE, BOB, GUILD, OTHER_GUILD, session


@pytest.fixture
async def live(tmp_path):
    """A database in use: a store holds it open, with commits still in the WAL."""
    path = tmp_path / "pacer.db"
    store = await Store.open(path)
    try:
        await store.log_session(session(notes='=HYPERLINK("http://x")', message_id=1))
        await store.log_session(session(athlete_id=BOB, athlete_name="-Bob", splits_text=None))
        await store.log_session(session(guild_id=OTHER_GUILD, notes="other team"))
        yield path, store
    finally:
        await store.close()


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


async def test_backup_of_a_live_database_is_complete_and_standalone(live, tmp_path, capsys):
    path, store = live
    copy = tmp_path / "copy.db"
    assert main(["db", "--db", str(path), "backup", str(copy)]) == 0
    assert "backed up" in capsys.readouterr().out
    assert not (tmp_path / "copy.db-wal").exists()
    assert not list(tmp_path.glob(".copy.db*"))  # no partial file left
    await store.log_session(session(notes="after the backup"))
    restored = await Store.open(copy)
    try:
        original = await store.recent_sessions(GUILD, ALICE, viewer_id=ALICE)
        copied = await restored.recent_sessions(GUILD, ALICE, viewer_id=ALICE)
        assert copied == original[1:]  # everything up to the backup, nothing after
    finally:
        await restored.close()


async def test_store_backup_method(live, tmp_path):
    _, store = live
    await store.backup(tmp_path / "b.db")
    conn = sqlite3.connect(tmp_path / "b.db")
    assert conn.execute("SELECT count(*) FROM sessions").fetchone()[0] == 3
    conn.close()


async def test_backup_refuses_to_overwrite_or_write_nowhere(live, tmp_path, capsys):
    path, _ = live
    existing = tmp_path / "exists.db"
    existing.write_bytes(b"keep me")
    assert main(["db", "--db", str(path), "backup", str(existing)]) == 2
    err = capsys.readouterr().err
    assert "already exists" in err and err.count("\n") == 1
    assert existing.read_bytes() == b"keep me"
    assert main(["db", "--db", str(path), "backup", str(tmp_path / "no" / "x.db")]) == 2
    assert "does not exist" in capsys.readouterr().err


@pytest.mark.parametrize(
    "action", [["check"], ["backup", "out.db"], ["export", "--guild", "1", "--csv", "o.csv"]]
)
def test_missing_database_is_one_line_and_status_2(tmp_path, capsys, action, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PACER_DB", str(tmp_path / "missing.db"))
    assert main(["db", *action]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"pacer db {action[0]}: no database at") and err.count("\n") == 1
    assert "Traceback" not in err
    assert not (tmp_path / "missing.db").exists()  # not created by looking


async def test_check_reports_version_and_counts(live, capsys):
    path, _ = live
    assert main(["db", "--db", str(path), "check"]) == 0
    out = capsys.readouterr().out
    assert "integrity: ok" in out
    assert f"schema version: {len(MIGRATIONS)} (latest {len(MIGRATIONS)})" in out
    assert "  sessions: 3" in out and "  reps: 9" in out and "  athletes: 3" in out


def test_check_finds_damage(tmp_path, capsys):
    path = tmp_path / "bad.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 2000)
    assert main(["db", "--db", str(path), "check"]) == 2
    assert "not a usable SQLite database" in capsys.readouterr().err


def test_check_a_damaged_page(tmp_path, capsys):
    path = tmp_path / "d.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x PRIMARY KEY)")
    conn.executemany("INSERT INTO t VALUES (?)", [(f"row {i} " * 20,) for i in range(400)])
    conn.commit()
    conn.close()
    data = bytearray(path.read_bytes())
    page = 4096
    data[3 * page + 100 : 3 * page + 400] = b"\x07" * 300  # scribble over an index page
    path.write_bytes(bytes(data))
    assert main(["db", "--db", str(path), "check"]) == 1
    assert "integrity: PROBLEMS" in capsys.readouterr().out


async def test_export_round_trip(live, tmp_path, capsys):
    path, store = live
    out = tmp_path / "team.csv"
    assert main(["db", "--db", str(path), "export", "--guild", str(GUILD), "--csv", str(out)]) == 0
    assert "exported 2 sessions" in capsys.readouterr().out
    sessions = read_csv(out)
    reps = read_csv(tmp_path / "team-reps.csv")
    stored = [
        *await store.recent_sessions(GUILD, ALICE, include_hidden=True),
        *await store.recent_sessions(GUILD, BOB, include_hidden=True),
    ]
    by_id = {s.id: s for s in stored}
    assert sorted(int(r["session_id"]) for r in sessions) == sorted(by_id)
    for row in sessions:
        s = by_id[int(row["session_id"])]
        assert int(row["athlete_id"]) == s.athlete_id and row["day"] == s.day.isoformat()
        assert row["workout_text"] == s.workout_text and row["workout_key"] == s.workout_key
        assert row["splits_text"] == (s.splits_text or "")
    alice = next(r for r in sessions if int(r["athlete_id"]) == ALICE)
    assert alice["notes"] == '\'=HYPERLINK("http://x")'  # never a live formula
    bob = next(r for r in sessions if int(r["athlete_id"]) == BOB)
    assert bob["athlete_name"] == "'-Bob"
    assert [(int(r["session_id"]), int(r["rep"]), float(r["time_s"])) for r in reps] == sorted(
        (s.id, rep.index, rep.time_s) for s in stored for rep in s.reps
    )
    assert all(r["notes"] != "other team" for r in sessions)


async def test_export_one_athlete_and_refuse_overwrite(live, tmp_path, capsys):
    path, _ = live
    out = tmp_path / "bob.csv"
    args = ["db", "--db", str(path), "export", "--guild", str(GUILD), "--athlete", str(BOB)]
    assert main([*args, "--csv", str(out)]) == 0
    assert [int(r["athlete_id"]) for r in read_csv(out)] == [BOB]
    assert len(read_csv(tmp_path / "bob-reps.csv")) == 3
    assert main([*args, "--csv", str(out)]) == 2
    assert "already exists" in capsys.readouterr().err


def test_bad_guild_id_is_an_argument_error(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["db", "export", "--guild", "my-team", "--csv", "x.csv"])
    assert exit_.value.code == 2
    assert "expected a Discord id" in capsys.readouterr().err
