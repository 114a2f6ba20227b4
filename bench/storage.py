"""Storage benchmark: Store methods against the same SQL through bare aiosqlite and sqlite3.

    python bench/storage.py [--sessions N] [--iterations N] [--writes N]

Generates (once, cached in the temp folder) a database of N sessions (default 1,000,000) across
100 guilds and 5,000 athletes with ~8 reps each, then times, in one run and interleaved so that
a noisy machine affects all three alike:

- `recent_sessions` (the 10 latest of one athlete) and `best_reps` (one athlete's 10 fastest
  1000 m reps; also a team leaderboard): the Store method, the same SQL through a bare
  aiosqlite `execute_fetchall`, and the same SQL through plain sqlite3 (the floor);
- `log_session`, one session of 8 reps per transaction, awaited one after the other as the bot
  does: the Store (one hop), the same statements through aiosqlite one call per statement,
  and the same function through plain sqlite3. The rows it adds are deleted afterwards.

Prints a Markdown table: medians, p99s and ratios to the bare aiosqlite figure.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import aiosqlite

from bot.training.model import MILE_M, Rep, Rest, Segment, Workout
from storage import (
    NewRep,
    NewSession,
    Store,
    sessions,
)
from storage import connection as connection_
from storage import convert as cv
from storage.migrations import MIGRATIONS, migrate

GENERATOR_VERSION = 1
GUILDS = 100
ATHLETES = 5000
FIRST_DAY = dt.date(2024, 9, 1)
DAYS = 730
GUILD_BASE = 900_000_000_000_000_000
ATHLETE_BASE = 100_000_000_000_000_000
SOURCE_BASE = 1_300_000_000_000_000_000

# (key, text, reps, rep distance m, rest m, seconds per rep for an average athlete)
CATALOGUE = [
    ("8x400", "8 x 400m w. 200m jog", 8, 400.0, 200.0, 80.0),
    ("6x1000", "6 x 1,000m w. 500m rec.", 6, 1000.0, 500.0, 215.0),
    ("12x200", "12 x 200m w. 200m jog", 12, 200.0, 200.0, 38.0),
    ("5x1mi", "5 x 1 mile w. 2:00 rest", 5, MILE_M, None, 360.0),
    ("10x400", "10 x 400m w. 60s rest", 10, 400.0, None, 82.0),
    ("4x1200", "4 x 1,200m w. 400m jog", 4, 1200.0, 400.0, 262.0),
    ("16x200", "16 x 200m w. 100m jog", 16, 200.0, 100.0, 39.0),
    ("3x2000", "3 x 2,000m w. 3:00 rest", 3, 2000.0, None, 450.0),
    ("10x1000", "10 x 1,000m w. 200m float", 10, 1000.0, 200.0, 220.0),
]


def catalogue_json() -> list[str]:
    """The parsed form as the domain would give it (`Workout.to_dict()`), per workout."""
    out = []
    for _key, text, count, distance, rest_m, _t in CATALOGUE:
        rest = Rest(distance_m=rest_m, kind="jog") if rest_m else Rest(duration_s=120.0)
        reps = tuple(Rep(distance_m=distance, rest=rest) for _ in range(count))
        segments = (
            Segment("warmup", distance_m=3000.0),
            Segment("work", first_rep=0, last_rep=count),
            Segment("cooldown", distance_m=2000.0),
        )
        out.append(json.dumps(Workout(text, reps, segments).to_dict(), separators=(",", ":")))
    return out


def athlete_ids() -> list[tuple[int, int]]:
    return [(GUILD_BASE + i % GUILDS, ATHLETE_BASE + i) for i in range(ATHLETES)]


def generate(path: Path, n_sessions: int) -> None:
    """The benchmark database, written with plain sqlite3 in bulk, indexes built at the end."""
    partial = path.with_name(path.name + ".partial")
    for p in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        p.unlink(missing_ok=True)
    started = time.perf_counter()
    conn = connection_.connect(partial)
    migrate(conn)
    conn.execute("PRAGMA synchronous = OFF")  # generation only: the file is discarded on a crash
    indexes = conn.execute(
        "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL"
    ).fetchall()
    for name, _sql in indexes:
        conn.execute(f"DROP INDEX {name}")
    rng = random.Random(20261122)
    now = cv.instant(dt.datetime(2026, 9, 1, tzinfo=dt.UTC))
    people = athlete_ids()
    ability = [rng.uniform(0.85, 1.2) for _ in people]
    jsons = catalogue_json()
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO guilds (guild_id, timezone, created_at, updated_at) VALUES (?, ?, ?, ?)",
        [(GUILD_BASE + g, "Europe/Paris", now, now) for g in range(GUILDS)],
    )
    conn.executemany(
        "INSERT INTO athletes (guild_id, athlete_id, display_name, hidden, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [(g, a, f"Runner {a % 100000}", int(rng.random() < 0.1), now, now) for g, a in people],
    )
    chunk = 20_000
    for start in range(0, n_sessions, chunk):
        session_rows, rep_rows = [], []
        for sid in range(start + 1, min(start + chunk, n_sessions) + 1):
            who = rng.randrange(ATHLETES)
            guild, athlete = people[who]
            day = (FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))).isoformat()
            created = f"{day}T{rng.randrange(5, 22):02d}:{rng.randrange(60):02d}:00.000000+00:00"
            w = rng.randrange(len(CATALOGUE))
            key, text, count, distance, rest_m, base = CATALOGUE[w]
            times = [round(base * ability[who] * rng.uniform(0.96, 1.05), 1) for _ in range(count)]
            source = SOURCE_BASE + sid
            session_rows.append(
                (
                    sid,
                    guild,
                    athlete,
                    day,
                    text,
                    jsons[w],
                    key,
                    " ".join(f"{int(t // 60)}:{t % 60:04.1f}" for t in times),
                    json.dumps(times),
                    None,
                    555,
                    source if sid % 2 else None,
                    None if sid % 2 else source,
                    created,
                )
            )
            rep_rows.extend(
                (sid, i, guild, athlete, day, distance, None, t, None, None, rest_m, None)
                for i, t in enumerate(times)
            )
        conn.executemany(
            "INSERT INTO sessions (id, guild_id, athlete_id, day, workout_text, workout_json,"
            " workout_key, splits_text, splits_json, notes, channel_id, message_id,"
            " interaction_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            session_rows,
        )
        conn.executemany(sessions._INSERT_REPS, rep_rows)
        print(f"\r  generated {min(start + chunk, n_sessions):,} sessions", end="", file=sys.stderr)
    conn.execute("COMMIT")
    print("\n  building indexes", file=sys.stderr)
    for _name, sql in indexes:
        conn.execute(sql)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    os.replace(partial, path)
    print(f"  generated in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def cached_database(n_sessions: int) -> Path:
    folder = Path(tempfile.gettempdir()) / "pacer-bench"
    folder.mkdir(exist_ok=True)
    path = folder / f"storage-{n_sessions}-s{len(MIGRATIONS)}-g{GENERATOR_VERSION}.db"
    if not path.exists():
        print(f"generating {path} (once; later runs reuse it)", file=sys.stderr)
        generate(path, n_sessions)
    return path


# -- timing -----------------------------------------------------------------------------------


def summary(samples_ns: list[int]) -> tuple[float, float]:
    """(median, p99) in microseconds."""
    ordered = sorted(samples_ns)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return statistics.median(ordered) / 1000, p99 / 1000


async def time_interleaved(
    variants: dict[str, Callable[[int], Awaitable[object]]],
    iterations: int,
    warm: Callable[[int], Awaitable[object]] | None = None,
) -> dict[str, list[int]]:
    """Each iteration runs every variant once, in a rotating order.

    `warm(i)`, if given, runs first, untimed: it loads the pages iteration i reads into every
    connection's cache, so that no variant profits from another having read them just before.
    """
    samples: dict[str, list[int]] = {name: [] for name in variants}
    names = list(variants)
    for i in range(iterations):
        if warm is not None:
            await warm(i)
        for k in range(len(names)):
            name = names[(i + k) % len(names)]
            t0 = time.perf_counter_ns()
            await variants[name](i)
            samples[name].append(time.perf_counter_ns() - t0)
    return samples


_WORKOUT = json.loads(catalogue_json()[0])


def bench_session(i: int, guild: int, athlete: int) -> NewSession:
    reps = tuple(NewRep(index=k, distance_m=400.0, time_s=80.0 + k % 3) for k in range(8))
    return NewSession(
        guild_id=guild,
        athlete_id=athlete,
        athlete_name=f"Runner {athlete % 100000}",
        day=dt.date(2026, 9, 1),
        workout_text="8 x 400m w. 200m jog",
        workout_json=_WORKOUT,
        workout_key="8x400",
        splits_text="1:20 " * 8,
        splits_s=tuple(r.time_s or 0.0 for r in reps),
        channel_id=555,
        interaction_id=SOURCE_BASE * 2 + i,
        reps=reps,
    )


async def bare_log(db: aiosqlite.Connection, rec: NewSession, now: str) -> int:
    """`sessions.log`'s statements, one aiosqlite call each (the straightforward way)."""
    day = cv.day(rec.day)
    await db.execute("BEGIN IMMEDIATE")
    try:
        await db.execute_fetchall(
            "SELECT id FROM sessions WHERE interaction_id = ? OR message_id = ?",
            (rec.interaction_id, rec.message_id),
        )
        await db.execute(
            "INSERT INTO guilds (guild_id, created_at, updated_at) VALUES (?, ?, ?)"
            " ON CONFLICT (guild_id) DO NOTHING",
            (rec.guild_id, now, now),
        )
        await db.execute(
            "INSERT INTO athletes (guild_id, athlete_id, display_name, hidden, created_at,"
            " updated_at) VALUES (?, ?, ?, (SELECT hidden_by_default FROM guilds"
            " WHERE guild_id = ?), ?, ?) ON CONFLICT (guild_id, athlete_id) DO UPDATE"
            " SET display_name = excluded.display_name, updated_at = excluded.updated_at"
            " WHERE display_name IS NOT excluded.display_name",
            (rec.guild_id, rec.athlete_id, rec.athlete_name, rec.guild_id, now, now),
        )
        cur = await db.execute(
            "INSERT INTO sessions (guild_id, athlete_id, day, workout_text, workout_json,"
            " workout_key, splits_text, splits_json, notes, wod_id, channel_id, message_id,"
            " interaction_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                rec.guild_id,
                rec.athlete_id,
                day,
                rec.workout_text,
                cv.to_json(rec.workout_json),
                rec.workout_key,
                rec.splits_text,
                cv.floats_json(rec.splits_s),
                rec.notes,
                rec.wod_id,
                rec.channel_id,
                rec.message_id,
                rec.interaction_id,
                now,
            ),
        )
        sid = cur.lastrowid
        assert sid is not None
        await db.executemany(
            sessions._INSERT_REPS,
            [r for r in sessions._rep_rows(sid, rec.guild_id, rec.athlete_id, day, rec.reps)],
        )
        await db.execute("COMMIT")
    except BaseException:
        await db.execute("ROLLBACK")
        raise
    return sid


def sample_athletes(path: Path, count: int) -> list[tuple[int, int]]:
    conn = sqlite3.connect(path)
    rows = conn.execute("SELECT guild_id, athlete_id FROM athletes ORDER BY athlete_id").fetchall()
    conn.close()
    rng = random.Random(7)
    return [rng.choice(rows) for _ in range(count)]


def rows_for(name: str, samples: dict[str, list[int]], floor: str) -> Iterator[str]:
    base, _ = summary(samples[floor])
    for variant, values in samples.items():
        med, p99 = summary(values)
        yield (f"| {name} | {variant} | {med:,.0f} µs | {p99:,.0f} µs | {med / base:.2f}× |")


async def run(path: Path, iterations: int, writes: int) -> None:
    store = await Store.open(path)
    # The bare calls go through the store's own aiosqlite connection (same thread, same page
    # cache): the difference is what the Store adds. sqlite3 has a connection of its own.
    bare = store._db
    plain = connection_.connect(path)
    try:
        picks = sample_athletes(path, iterations)
        lines = [
            "| operation | through | median | p99 | vs bare aiosqlite |",
            "|---|---|---|---|---|",
        ]

        async def both(sql: str, params: dict) -> None:
            plain.execute(sql, params).fetchall()
            await bare.execute_fetchall(sql, params)

        # recent_sessions: the 10 latest sessions of one athlete, with their reps.
        def recent_params(i: int) -> dict:
            g, a = picks[i]
            return sessions._params(g, a, False, athlete=a, until="9999-12-31", limit=10, offset=0)

        async def sqlite3_recent(i: int) -> object:
            return plain.execute(sessions.RECENT_SQL, recent_params(i)).fetchall()

        async def check_recent() -> None:
            g, a = picks[0]
            got = await store.recent_sessions(g, a, viewer_id=a)
            raw = await bare.execute_fetchall(sessions.RECENT_SQL, recent_params(0))
            assert [s.id for s in got] == [r[0] for r in raw] and got

        await check_recent()
        samples = await time_interleaved(
            {
                "Store.recent_sessions": lambda i: store.recent_sessions(
                    picks[i][0], picks[i][1], viewer_id=picks[i][1]
                ),
                "bare aiosqlite": lambda i: bare.execute_fetchall(
                    sessions.RECENT_SQL, recent_params(i)
                ),
                "plain sqlite3": sqlite3_recent,
            },
            iterations,
            warm=lambda i: both(sessions.RECENT_SQL, recent_params(i)),
        )
        lines += rows_for("recent_sessions (10 latest)", samples, "bare aiosqlite")
        recent = samples

        # best_reps: one athlete's 10 fastest 1000 m reps.
        def best_params(i: int, athlete: bool = True) -> dict:
            g, a = picks[i]
            return sessions.best_params(g, 1000.0, a if athlete else None, None, None, 10, a, False)

        async def sqlite3_best(i: int) -> object:
            return plain.execute(sessions.BEST_ATHLETE_SQL, best_params(i)).fetchall()

        samples = await time_interleaved(
            {
                "Store.best_reps": lambda i: store.best_reps(
                    picks[i][0], 1000.0, athlete_id=picks[i][1], viewer_id=picks[i][1]
                ),
                "bare aiosqlite": lambda i: bare.execute_fetchall(
                    sessions.BEST_ATHLETE_SQL, best_params(i)
                ),
                "plain sqlite3": sqlite3_best,
            },
            iterations,
            warm=lambda i: both(sessions.BEST_ATHLETE_SQL, best_params(i)),
        )
        lines += rows_for("best_reps (athlete, 1000 m)", samples, "bare aiosqlite")
        best = samples

        # A team leaderboard: each athlete's best 1000 m in the guild.
        async def sqlite3_board(i: int) -> object:
            return plain.execute(sessions.BEST_BOARD_SQL, best_params(i, False)).fetchall()

        samples = await time_interleaved(
            {
                "Store.best_reps": lambda i: store.best_reps(
                    picks[i][0], 1000.0, per_athlete=True, viewer_id=picks[i][1]
                ),
                "bare aiosqlite": lambda i: bare.execute_fetchall(
                    sessions.BEST_BOARD_SQL, best_params(i, False)
                ),
                "plain sqlite3": sqlite3_board,
            },
            iterations,
            warm=lambda i: both(sessions.BEST_BOARD_SQL, best_params(i, False)),
        )
        lines += rows_for("best_reps (team leaderboard)", samples, "bare aiosqlite")

        # log_session: one session of 8 reps per transaction, one after the other.
        max_before = plain.execute("SELECT max(id) FROM sessions").fetchone()[0]
        now = cv.instant(dt.datetime.now(dt.UTC))
        counter = iter(range(10**9))

        def next_session() -> NewSession:
            i = next(counter)
            g, a = picks[i % len(picks)]
            return bench_session(i, g, a)

        async def store_log(_: int) -> object:
            return await store.log_session(next_session())

        async def aiosqlite_log(_: int) -> object:
            return await bare_log(bare, next_session(), now)

        async def sqlite3_log(_: int) -> object:
            return sessions.log(plain, next_session(), now)

        # Writes run in one block per variant, each long enough to include several WAL
        # checkpoints (interleaving would hand each checkpoint to whichever write triggers it).
        variants = {
            "Store.log_session": store_log,
            "bare aiosqlite": aiosqlite_log,
            "plain sqlite3": sqlite3_log,
        }
        samples, rates = {}, {}
        try:
            for name, write in variants.items():
                plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # each block starts alike
                t0 = time.perf_counter()
                block = await time_interleaved({name: write}, writes)
                rates[name] = writes / (time.perf_counter() - t0)
                samples[name] = block[name]
        finally:
            plain.execute("BEGIN IMMEDIATE")
            plain.execute("DELETE FROM sessions WHERE id > ?", (max_before,))
            plain.execute("COMMIT")
            plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        base = statistics.median(samples["bare aiosqlite"])
        for variant, values in samples.items():
            med, p99 = summary(values)
            lines.append(
                f"| log_session (8 reps, 1 per transaction) | {variant} | {med:,.0f} µs"
                f" | {p99:,.0f} µs | {statistics.median(values) / base:.2f}×"
                f" ({rates[variant]:,.0f} sessions/s) |"
            )
        log_rate = rates["Store.log_session"]

        print("\n".join(lines))
        print()
        r_store, _ = summary(recent["Store.recent_sessions"])
        r_bare, _ = summary(recent["bare aiosqlite"])
        b_store, _ = summary(best["Store.best_reps"])
        print(
            f"goals: recent_sessions {r_store / r_bare:.2f}× bare aiosqlite (≤ 1.3×),"
            f" median {r_store:,.0f} µs (< 1000 µs); best_reps median {b_store:,.0f} µs;"
            f" log_session {log_rate:,.0f} sessions/s (≥ 1,000)"
        )
    finally:
        plain.close()
        await store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=1_000_000)
    parser.add_argument("--iterations", type=int, default=2000, help="reads timed per variant")
    parser.add_argument("--writes", type=int, default=2000, help="sessions logged per variant")
    args = parser.parse_args()
    path = cached_database(args.sessions)
    size = sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))
    print(
        f"database: {args.sessions:,} sessions, {GUILDS} guilds, {ATHLETES:,} athletes,"
        f" {size / 2**20:,.0f} MiB; SQLite {sqlite3.sqlite_version}, Python"
        f" {sys.version.split()[0]}, aiosqlite {aiosqlite.__version__}\n"
    )
    asyncio.run(run(path, args.iterations, args.writes))


if __name__ == "__main__":
    main()
