"""/log answers early: refusals are the first, ephemeral answer; a good /log is deferred before
it is stored (from its gateway event where memory can tell it will not be refused), answered
only once stored, and a refusal or failure after the defer is answered privately."""

from __future__ import annotations

import asyncio
import sqlite3
import sys
from types import ModuleType
from typing import Any

import pytest

from storage import LogResult, NewSession

from .conftest import TODAY, Team


def log_module(team: Team) -> ModuleType:
    """The running bot's cogs.log (each bot loads its extensions afresh)."""
    cog = team.bot.get_cog("Log")
    assert cog is not None
    return sys.modules[type(cog).__module__]


def spy_on_store(team: Team, monkeypatch: pytest.MonkeyPatch, wrapper: Any) -> None:
    real = team.bot.store.log_session

    async def spied(session: NewSession) -> LogResult:
        return await wrapper(real, session)

    monkeypatch.setattr(team.bot.store, "log_session", spied)


@pytest.mark.parametrize(
    "values",
    [
        {"splits": "banana"},
        {"splits": "2:26 2:27", "workout": "felt great"},
        {"splits": "2:26 2:27", "date": "tomorrow"},
        {"splits": "2:26 2:27", "date": "the day of the big storm"},
    ],
)
async def test_a_refusal_is_the_one_ephemeral_answer_and_nothing_is_written(
    team: Team, monkeypatch: pytest.MonkeyPatch, values: dict[str, str]
) -> None:
    writes: list[NewSession] = []

    async def record(real: Any, session: NewSession) -> LogResult:
        writes.append(session)
        return await real(session)

    spy_on_store(team, monkeypatch, record)
    reply = await team.discord.slash(team.ana, team.training, "log", **values)
    assert reply.response_kind == "message" and reply.ephemeral  # not a defer
    assert reply.followups == [] and reply.errors == []
    assert writes == []
    assert team.training.visible_messages() == []


async def test_the_hourly_limit_refuses_before_the_defer(
    team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(log_module(team), "LOG_RATE_PER_HOUR", 1)
    await team.log(team.ana, "2:26 2:27")
    reply = await team.log(team.ana, "2:26 2:27")
    assert reply.response_kind == "message" and reply.ephemeral
    assert "last hour" in (reply.content or "")
    assert len(await team.bot.store.recent_sessions(team.guild.id, team.ana.id)) == 1


async def test_the_defer_comes_before_the_store_and_the_answer_after_the_commit(
    team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    replies: list[Any] = []
    seen: list[tuple[str | None, int]] = []

    async def check(real: Any, session: NewSession) -> LogResult:
        (reply,) = replies
        seen.append((reply.response_kind, len(reply.followups)))
        result: LogResult = await real(session)
        seen.append(("stored", len(reply.followups)))
        return result

    spy_on_store(team, monkeypatch, check)
    reply = await team.discord.slash(team.ana, team.training, "log", wait=False,
                                     splits="2:26 2:28 2:26", workout="3 x 1000m")
    replies.append(reply)
    await team.discord.settle(reply, timeout=10)
    # Deferred ("thinking…") when the write starts; no answer until it is committed.
    assert seen == [("deferred", 0), ("stored", 0)]
    (row,) = await team.bot.store.recent_sessions(team.guild.id, team.ana.id)
    answer = reply.answer
    assert answer is not None and not answer.ephemeral and answer is reply.message
    assert f"Session #{row.id}" in answer.embeds[0]["footer"]["text"]
    assert "session.png" in answer.files


@pytest.mark.parametrize(
    ("failure", "words"),
    [
        (sqlite3.OperationalError("database or disk is full"),
         "Pacer could not save that: its database is full."),
        (RuntimeError("boom"), "Something went wrong on Pacer's side"),
    ],
    ids=["disk-full", "unexpected"],
)
async def test_a_store_failure_after_the_defer_is_answered_privately(
    team: Team, monkeypatch: pytest.MonkeyPatch, failure: Exception, words: str
) -> None:
    async def fail(real: Any, session: NewSession) -> LogResult:
        raise failure

    spy_on_store(team, monkeypatch, fail)
    reply = await team.log(team.ana, "2:26 2:27", notes="felt strong")
    assert reply.response_kind == "deferred"
    # The public "thinking…" message is withdrawn; the error is the one, ephemeral follow-up.
    assert reply.message is not None and reply.message.deleted
    assert [(m.ephemeral, m.content.startswith(words)) for m in reply.followups] == [
        (True, True)]
    assert team.training.visible_messages() == []
    assert await team.bot.store.recent_sessions(team.guild.id, team.ana.id) == []
    assert any(type(failure).__name__ in line for line in team.discord.logged_errors)


async def test_the_session_is_written_holding_a_storing_permit(
    team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    log_cog = log_module(team)
    cog = team.bot.get_cog("Log")
    assert isinstance(cog, log_cog.LogCog)
    assert cog.storing._value == log_cog.LOG_STORING_AT_ONCE
    cog.storing = asyncio.Semaphore(1)
    held: list[bool] = []

    async def check(real: Any, session: NewSession) -> LogResult:
        held.append(cog.storing.locked())
        return await real(session)

    spy_on_store(team, monkeypatch, check)
    await team.log(team.ana, "2:26 2:27")
    await team.log(team.ben, "2:30 2:31")
    assert held == [True, True]  # (the second could only store once the first let go)


async def test_a_burst_from_one_athlete_is_counted_from_its_checks(
    team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    log_cog = log_module(team)
    replies = [await team.discord.slash(team.ana, team.training, "log", wait=False,
                                        splits=f"2:{10 + n} 2:30")
               for n in range(log_cog.LOG_RATE_PER_MINUTE + 2)]
    for reply in replies:
        await team.discord.settle(reply, timeout=10)
    refused = [r for r in replies if r.response_kind == "message"]
    assert len(refused) == 2
    assert all(r.ephemeral and "in the last minute" in (r.content or "") for r in refused)
    stored = await team.bot.store.recent_sessions(team.guild.id, team.ana.id, limit=50)
    assert len(stored) == log_cog.LOG_RATE_PER_MINUTE


async def test_the_chart_is_drawn_before_the_session_is_stored(
    team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once the session is committed only the reply is left to send: a bot killed while drawing
    has stored nothing (its athlete logs again), not a session its athlete never heard of."""
    order: list[str] = []
    real_render = team.bot.charts.render

    async def render(fn: Any, data: Any) -> bytes:
        order.append("chart")
        return await real_render(fn, data)

    async def record(real: Any, session: NewSession) -> LogResult:
        order.append("store")
        return await real(session)

    monkeypatch.setattr(team.bot.charts, "render", render)
    spy_on_store(team, monkeypatch, record)
    reply = await team.log(team.ana, "2:26 2:27", workout="2 x 1000m")
    assert order == ["chart", "store"]
    message = reply.followups[0] if reply.followups else reply.message
    assert "session.png" in message.files


async def test_a_log_stores_only_once_every_log_in_flight_is_acknowledged(
    team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A burst's acknowledgements do not queue behind the first ones' stores and charts. (With
    a date, a /log is deferred by its handler, after the store's check: the date needs the
    team's time zone.)"""
    release = asyncio.Event()
    parked = asyncio.Event()
    real_check = team.bot.store.log_check
    real_wait = team.bot.acks.wait

    async def slow_check(guild_id: int, athlete_id: int, since: Any, **kw: Any) -> Any:
        if athlete_id == team.ben.id:
            await release.wait()  # ben's /log is held before its defer
        return await real_check(guild_id, athlete_id, since, **kw)

    async def wait() -> None:
        parked.set()
        await real_wait()

    acknowledged_at_write: list[bool] = []
    replies: list[Any] = []

    async def record(real: Any, session: NewSession) -> LogResult:
        acknowledged_at_write.append(all(r.acknowledged for r in replies))
        return await real(session)

    monkeypatch.setattr(team.bot.store, "log_check", slow_check)
    monkeypatch.setattr(team.bot.acks, "wait", wait)
    spy_on_store(team, monkeypatch, record)
    for who in (team.ana, team.ben):
        replies.append(await team.discord.slash(who, team.training, "log", wait=False,
                                                splits="2:26 2:27", date="today"))
    async with asyncio.timeout(10):  # a failure guard
        await parked.wait()  # ana's /log, deferred, waits for ben's acknowledgement
    assert [r.acknowledged for r in replies] == [True, False]
    release.set()
    for reply in replies:
        await team.discord.settle(reply, timeout=10)
    assert acknowledged_at_write == [True, True]
    assert all(r.answer is not None and not r.answer.ephemeral for r in replies)


@pytest.mark.parametrize("hidden", [False, True], ids=["public", "hidden"])
async def test_a_log_is_deferred_from_its_event_before_its_handler_reads_the_store(
    team: Team, monkeypatch: pytest.MonkeyPatch, hidden: bool
) -> None:
    """The defer does not wait for the interaction to be built and its check's store hop: a
    /log is deferred while its check is held, public or ephemeral by the athlete's privacy."""
    if hidden:
        await team.bot.store.set_athlete(team.guild.id, team.ana.id, "ana", hidden=True)
    release = asyncio.Event()
    checking = asyncio.Event()
    real_check = team.bot.store.log_check

    async def held_check(*args: Any, **kw: Any) -> Any:
        checking.set()
        await release.wait()
        return await real_check(*args, **kw)

    monkeypatch.setattr(team.bot.store, "log_check", held_check)
    reply = await team.discord.slash(team.ana, team.training, "log", wait=False,
                                     splits="2:26 2:27")
    await team.discord.wait_until(lambda: reply.acknowledged, timeout=10, what="the defer")
    assert reply.response_kind == "deferred" and reply.ephemeral is hidden
    async with asyncio.timeout(10):  # a failure guard
        await checking.wait()
    release.set()
    await team.discord.settle(reply, timeout=10)
    assert reply.answer is not None and reply.answer.ephemeral is hidden
    assert [m.ephemeral for m in reply.followups] == [hidden]
    assert len(team.training.visible_messages()) == (0 if hidden else 1)
    assert len(await team.bot.store.recent_sessions(team.guild.id, team.ana.id,
                                                    viewer_id=team.ana.id)) == 1


async def test_a_refusal_from_the_store_after_an_early_defer_is_answered_privately(
    team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Memory lets the /log through (the session before was stored by another path); the
    store's hourly count refuses it: the public "thinking" message is withdrawn and the
    refusal is the one, ephemeral follow-up."""
    monkeypatch.setattr(log_module(team), "LOG_RATE_PER_HOUR", 1)
    await team.bot.store.log_session(NewSession(
        guild_id=team.guild.id, athlete_id=team.ana.id, athlete_name="ana", day=TODAY,
        splits_text="2:26", splits_s=(146.0,)))
    reply = await team.log(team.ana, "2:26 2:27")
    assert reply.response_kind == "deferred" and not reply.ephemeral  # early, from memory
    assert reply.message is not None and reply.message.deleted
    assert [(m.ephemeral, "last hour" in m.content) for m in reply.followups] == [(True, True)]
    assert team.training.visible_messages() == []
    assert len(await team.bot.store.recent_sessions(team.guild.id, team.ana.id)) == 1


@pytest.mark.parametrize("remembered", [False, True], ids=["now-hidden", "now-public"])
async def test_privacy_changed_after_an_early_defer_is_what_the_answer_follows(
    team: Team, monkeypatch: pytest.MonkeyPatch, remembered: bool
) -> None:
    """The early defer went by a privacy the store has changed since: its "thinking" message
    is withdrawn and the session answered as the store says now."""
    await team.bot.store.set_athlete(team.guild.id, team.ana.id, "ana", hidden=not remembered)
    monkeypatch.setattr(team.bot.store, "hidden", lambda guild_id, athlete_id: remembered)
    reply = await team.log(team.ana, "2:26 2:27")
    assert reply.response_kind == "deferred" and reply.ephemeral is remembered
    assert reply.message is not None and reply.message.deleted
    assert [m.ephemeral for m in reply.followups] == [not remembered]
    assert len(team.training.visible_messages()) == (1 if remembered else 0)


@pytest.mark.parametrize("reached", [False, True], ids=["lost", "answer-lost"])
async def test_a_failed_early_defer_is_deferred_by_the_handler(
    team: Team, monkeypatch: pytest.MonkeyPatch, reached: bool
) -> None:
    real_send = team.bot.early._send

    async def failing(interaction_id: int, token: str, ephemeral: bool) -> None:
        if reached:
            await real_send(interaction_id, token, ephemeral)
        raise OSError("connection reset")

    monkeypatch.setattr(team.bot.early, "_send", failing)
    reply = await team.log(team.ana, "2:26 2:27")
    # (A second defer refused as a second answer settles the reply early: wait for the rest.)
    await team.discord.wait_until(lambda: bool(reply.followups), timeout=10, what="the answer")
    assert reply.response_kind == "deferred"
    assert [e.code for e in reply.errors] == ([40060] if reached else [])
    assert reply.answer is not None and not reply.answer.ephemeral
    assert len(team.training.visible_messages()) == 1
    assert len(await team.bot.store.recent_sessions(team.guild.id, team.ana.id)) == 1


async def test_what_memory_cannot_tell_is_left_to_the_handler(team: Team) -> None:
    """No early defer for a /log its handler would refuse from its texts or the member's rate,
    nor for one with a date (its handler defers it after the store's check)."""
    cog = team.bot.get_cog("Log")
    log_cog = log_module(team)
    assert isinstance(cog, log_cog.LogCog)

    def event(member: int = team.ana.id, **options: str) -> dict[str, Any]:
        return {"id": "1", "token": "t", "type": 2, "guild_id": str(team.guild.id),
                "member": {"user": {"id": str(member)}},
                "data": {"name": "log", "type": 1, "options": [
                    {"name": k, "type": 3, "value": v} for k, v in options.items()]}}

    taken = cog.early_defer(event(splits="2:26 2:27", workout="6x1k"))
    assert taken is not None and taken.ephemeral is False
    assert taken.prepared.texts == log_cog.logbook.parse_texts("2:26 2:27", "6x1k")
    assert cog.burst.count((team.guild.id, team.ana.id)) == 1  # its place, taken at once
    assert cog.early_defer(event(splits="banana")) is None
    assert cog.early_defer(event(splits="2:26", notes="x" * 5000)) is None
    assert cog.early_defer(event(splits="2:26", date="yesterday")) is None
    assert cog.early_defer({**event(splits="2:26"), "guild_id": None}) is None
    key = (team.guild.id, team.ben.id)
    for _ in range(log_cog.LOG_RATE_PER_MINUTE - 1):
        cog.burst.record(key)
    assert cog.early_defer(event(team.ben.id, splits="2:26")) is not None  # the last place
    assert cog.early_defer(event(team.ben.id, splits="2:26")) is None
    for _ in range(log_cog.LOG_RATE_PER_HOUR):
        cog.logged_hour.record((team.guild.id, team.coach.id))
    assert cog.early_defer(event(team.coach.id, splits="2:26")) is None


@pytest.mark.parametrize(
    ("status", "code", "answered"),
    [(500, 0, True), (404, 10062, False), (400, 50035, False)],
    ids=["server-error", "expired", "refused"],
)
async def test_discords_answer_to_an_early_defer_decides_what_follows(
    team: Team, monkeypatch: pytest.MonkeyPatch, status: int, code: int, answered: bool
) -> None:
    """A server error: the handler defers again and the session is logged. An interaction
    expired or a defer refused: that is the handler's error, and nothing is stored."""
    handled: list[str] = []
    done = asyncio.Event()
    real_handled = team.bot.tree.log_handled

    def log_handled(interaction: Any, *, outcome: str) -> None:
        handled.append(outcome)
        done.set()
        real_handled(interaction, outcome=outcome)

    monkeypatch.setattr(team.bot.tree, "log_handled", log_handled)
    team.discord.fail_next("POST", r"/interactions/.*/callback", status=status, code=code,
                           message="no")
    reply = await team.discord.slash(team.ana, team.training, "log", wait=False,
                                     splits="2:26 2:27")
    async with asyncio.timeout(10):  # a failure guard
        await done.wait()
    stored = await team.bot.store.recent_sessions(team.guild.id, team.ana.id)
    assert len(stored) == (1 if answered else 0)
    cog = team.bot.get_cog("Log")
    assert isinstance(cog, log_module(team).LogCog)
    # Its place under the minute's limit, taken when it was deferred, is given back if it fails.
    assert cog.burst.count((team.guild.id, team.ana.id)) == (1 if answered else 0)
    if answered:
        assert handled == ["ok"]
        assert reply.response_kind == "deferred" and reply.answer is not None
    else:
        error = "NotFound" if status == 404 else "HTTPException"
        assert handled == [f"failed ({error})"]
        assert team.training.visible_messages() == []
