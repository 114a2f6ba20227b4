"""Defers sent from an interaction's gateway event: who gets one, what it sends, how its handler
takes it over, and the intake building nothing while they are in flight (for a bounded time)."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from unittest import mock

import discord
import pytest
from discord.http import Route
from multidict import CIMultiDict, CIMultiDictProxy

from bot.answers import AnswerResponse
from bot.early_acks import MAX_WAITING, EarlyAcks, EarlyDefer
from bot.intake import InteractionIntake
from bot.pacer import Pacer
from bot.settings import Settings


def event(n: int, name: str = "log", *, kind: int = 2, command_kind: int = 1) -> dict[str, Any]:
    return {"id": str(1000 + n), "token": f"token-{n}", "type": kind, "guild_id": "7",
            "member": {"user": {"id": str(50 + n % 2)}},
            "data": {"name": name, "type": command_kind, "options": []}}


class Sender:
    """Records the defers sent; each one waits for `go` (set: at once)."""

    def __init__(self) -> None:
        self.sent: list[tuple[int, str, bool]] = []
        self.go = asyncio.Event()
        self.go.set()
        self.fail: Exception | None = None

    async def __call__(self, interaction_id: int, token: str, ephemeral: bool) -> None:
        self.sent.append((interaction_id, token, ephemeral))
        await self.go.wait()
        if self.fail is not None:
            raise self.fail


def interaction(n: int) -> Any:
    """What `take` uses of a built interaction."""
    built = mock.Mock(spec=discord.Interaction)
    built.id = 1000 + n
    built.response = mock.Mock(spec=discord.InteractionResponse)
    built.response.defer = mock.AsyncMock()
    return built


async def settle() -> None:
    for _ in range(5):
        await asyncio.sleep(0)


async def test_only_registered_slash_commands_the_decision_accepts_are_deferred(
    caplog: pytest.LogCaptureFixture,
) -> None:
    sender = Sender()
    early = EarlyAcks(sender)
    early(event(0))  # nothing registered yet
    early.register("log", lambda data: None if data["id"] == "1002" else EarlyDefer(
        ephemeral=data["id"] == "1003"))
    early(event(1))
    early(event(2))  # the decision leaves it to the handler
    early(event(3))
    early(event(4, "ping"))  # another command
    early(event(5, kind=3))  # a button
    early(event(6, command_kind=3))  # a message menu of the same name
    dm = event(8)
    del dm["guild_id"], dm["member"]
    early(dm)  # in a DM: its handler answers, and nothing is logged
    await settle()
    assert sender.sent == [(1001, "token-1", False), (1003, "token-3", True)]
    assert "could not decide" not in caplog.text
    early.unregister("log")
    early(event(7))
    await settle()
    assert len(sender.sent) == 2


async def test_a_decision_that_raises_leaves_the_interaction_to_its_handler(
    caplog: pytest.LogCaptureFixture,
) -> None:
    sender = Sender()
    early = EarlyAcks(sender)
    early.register("log", lambda data: data["data"]["options"][0])  # IndexError
    early(event(1))
    await settle()
    assert sender.sent == [] and early.in_flight == 0
    assert await early.take(interaction(1)) is None
    assert "could not decide an early defer for /log" in caplog.text


async def test_the_handler_takes_the_defer_once_sent_and_the_member_count_follows() -> None:
    sender = Sender()
    sender.go.clear()
    early = EarlyAcks(sender)
    early.register("log", lambda data: EarlyDefer(ephemeral=False, prepared=data["id"]))
    for n in (1, 3):  # member 51
        early(event(n))
    assert (early.waiting(7, 51), early.waiting(7, 50), early.in_flight) == (2, 0, 2)
    built = interaction(1)
    taking = asyncio.create_task(early.take(built))
    await settle()
    assert not taking.done()  # the defer has not been answered yet
    assert early.waiting(7, 51) == 2  # still counted until its handler has it
    sender.go.set()
    taken = await taking
    assert taken is not None and taken.prepared == "1001"
    assert built.response._response_type is discord.InteractionResponseType.deferred_channel_message
    built.response.defer.assert_not_called()
    assert (early.waiting(7, 51), early.in_flight) == (1, 0)
    assert await early.take(built) is None  # taken once
    early.forget(event(3))  # never built
    assert early.waiting(7, 51) == 0


def failed_early(failure: Exception, *, ephemeral: bool = False,
                 undone: list[EarlyDefer] | None = None) -> EarlyAcks:
    """Early acks whose one defer, of interaction 1, failed with `failure`; what is taken
    back goes to `undone`."""
    sender = Sender()
    sender.fail = failure
    early = EarlyAcks(sender)
    early.register("log", lambda data: EarlyDefer(ephemeral=ephemeral),
                   None if undone is None else undone.append)
    early(event(1))
    return early


def http_error(kind: type[discord.HTTPException], status: int, code: int) -> Exception:
    return kind(mock.Mock(status=status, reason="no"), {"code": code, "message": "no"})


@pytest.mark.parametrize("already", [False, True], ids=["lost", "answer-lost"])
async def test_a_failed_early_defer_is_deferred_again_by_the_handler(already: bool) -> None:
    early = failed_early(OSError("connection reset"), ephemeral=True)
    built = interaction(1)
    if already:  # the first reached Discord: the second is refused as a second answer
        built.response.defer.side_effect = http_error(discord.HTTPException, 400, 40060)
    taken = await early.take(built)
    assert taken == EarlyDefer(ephemeral=True)
    built.response.defer.assert_awaited_once_with(thinking=True, ephemeral=True)
    if already:
        assert (built.response._response_type
                is discord.InteractionResponseType.deferred_channel_message)


async def test_an_early_defer_discord_refused_raises_its_error_to_the_handler() -> None:
    undone: list[EarlyDefer] = []
    early = failed_early(http_error(discord.HTTPException, 400, 50035), undone=undone)
    built = interaction(1)
    with pytest.raises(discord.HTTPException):
        await early.take(built)
    built.response.defer.assert_not_called()
    assert early.waiting(7, 51) == 0
    assert undone == [EarlyDefer(ephemeral=False)]  # what its decision counted, taken back


async def test_what_a_decision_counted_is_taken_back_only_when_its_handler_will_not_log() -> None:
    undone: list[str] = []
    early = EarlyAcks(Sender())
    early.register("log", lambda data: EarlyDefer(ephemeral=False, prepared=data["id"]),
                   lambda taken: undone.append(taken.prepared))
    for n in range(3):
        early(event(n))
    assert await early.take(interaction(0)) is not None  # deferred: its handler logs it
    early.forget(event(1))  # never built
    early.forget(event(9))  # never deferred early
    retried_undone: list[EarlyDefer] = []
    retried = failed_early(OSError("reset"), undone=retried_undone)
    assert await retried.take(interaction(1)) is not None  # deferred again: logged
    assert undone == ["1001"] and retried_undone == []


async def test_a_failed_early_defer_whose_second_fails_too_raises_that() -> None:
    early = failed_early(http_error(discord.DiscordServerError, 503, 0))
    built = interaction(1)
    built.response.defer.side_effect = http_error(discord.NotFound, 404, 10062)
    with pytest.raises(discord.NotFound):
        await early.take(built)
    built.response.defer.assert_awaited_once()


async def test_the_ones_never_taken_are_bounded() -> None:
    early = EarlyAcks(Sender())
    early.register("log", lambda data: EarlyDefer(ephemeral=False))
    for n in range(MAX_WAITING + 3):
        early(event(n))
    await settle()
    assert early.waiting(7, 50) + early.waiting(7, 51) == MAX_WAITING
    assert await early.take(interaction(0)) is None  # the oldest went first
    assert await early.take(interaction(MAX_WAITING + 2)) is not None


def held_intake(hold_from_in_flight: int) -> tuple[Sender, EarlyAcks, InteractionIntake, list[str]]:
    """An intake whose early defers wait for `sender.go`, recording the ids it builds."""
    sender = Sender()
    sender.go.clear()
    early = EarlyAcks(sender)
    early.register("log", lambda data: EarlyDefer(ephemeral=False))
    built: list[str] = []
    intake = InteractionIntake(lambda data: built.append(data["id"]), early=early,
                               hold_at_most_s=3600, hold_from_in_flight=hold_from_in_flight)
    return sender, early, intake, built


async def test_the_intake_builds_nothing_while_early_defers_are_in_flight() -> None:
    sender, early, intake, built = held_intake(1)
    intake(event(1))
    intake(event(2, "ping"))
    await settle()
    assert sender.sent == [(1001, "token-1", False)]  # sent as it was read
    assert built == [] and intake.waiting == 2
    sender.go.set()
    await early.take(interaction(1))
    await settle()
    assert built == ["1001", "1002"] and intake.waiting == 0


async def test_the_intake_holds_building_only_while_a_burst_of_defers_is_in_flight() -> None:
    sender, early, intake, built = held_intake(3)
    intake(event(1))
    intake(event(2))
    intake(event(3, "ping"))
    await settle()
    assert built == ["1001", "1002", "1003"]  # two in flight: no burst
    for n in (4, 5, 6, 7):
        intake(event(n))
    await settle()
    assert early.in_flight == 6 and built == ["1001", "1002", "1003"]  # held
    sender.go.set()
    for n in (1, 2, 4, 5, 6, 7):
        await early.take(interaction(n))
    await settle()
    assert built == [str(1000 + n) for n in range(1, 8)]


async def test_the_intake_holds_an_interaction_for_a_bounded_time() -> None:
    sender = Sender()
    sender.go.clear()  # an early defer that never gets its answer
    early = EarlyAcks(sender)
    early.register("log", lambda data: EarlyDefer(ephemeral=False))
    done = asyncio.Event()

    def parse(data: Any) -> None:
        if data["id"] == "1002":
            done.set()

    intake = InteractionIntake(parse, early=early, hold_at_most_s=0.01, hold_from_in_flight=1)
    intake(event(1))
    intake(event(2, "ping"))
    async with asyncio.timeout(10):  # a failure guard
        await done.wait()
    assert early.in_flight == 1
    intake.close()
    sender.go.set()
    await settle()


class Answers:
    """Stands in for the bot's answer session: records each request, answers `status`."""

    def __init__(self, status: int, body: bytes = b"") -> None:
        self.status, self.body = status, body
        self.requests: list[tuple[str, str, Any, dict[str, Any]]] = []

    def request(self, method: str, url: str, *, data: Any = None, **options: Any) -> Any:
        self.requests.append((method, url, data, options))
        headers = CIMultiDictProxy(CIMultiDict({"Content-Type": "application/json"}))
        response = AnswerResponse(method, url, self.status, "no", headers, self.body)

        @contextlib.asynccontextmanager
        async def answered() -> AsyncIterator[AnswerResponse]:
            yield response

        return answered()


@pytest.mark.parametrize("ephemeral", [False, True])
async def test_the_bot_sends_what_discord_py_s_defer_sends_through_its_proxy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ephemeral: bool
) -> None:
    bot = Pacer(Settings(), db_path=str(tmp_path / "p.db"), warm_up_dates=False)
    answers = Answers(204)
    monkeypatch.setattr(bot, "answers", answers)
    monkeypatch.setattr(Route, "BASE", "https://discord.test/api/v10")
    bot.http.proxy = "http://proxy.test:3128"
    await bot._send_early_defer(1234, "a/token", ephemeral)
    ((method, url, data, options),) = answers.requests
    assert (method, url) == (
        "POST", "https://discord.test/api/v10/interactions/1234/a%2Ftoken/callback")
    assert json.loads(data) == ({"type": 5, "data": {"flags": 64}} if ephemeral else {"type": 5})
    assert options["proxy"] == "http://proxy.test:3128"
    assert options["headers"] == {"Content-Type": "application/json"}


@pytest.mark.parametrize(
    ("status", "error"),
    [(404, discord.NotFound), (403, discord.Forbidden), (400, discord.HTTPException),
     (503, discord.DiscordServerError)],
)
async def test_discords_refusal_of_an_early_defer_is_discord_py_s_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, status: int,
    error: type[discord.HTTPException],
) -> None:
    bot = Pacer(Settings(), db_path=str(tmp_path / "p.db"), warm_up_dates=False)
    monkeypatch.setattr(bot, "answers", Answers(status, b'{"code": 10062, "message": "no"}'))
    with pytest.raises(error) as raised:
        await bot._send_early_defer(1, "t", False)
    assert type(raised.value) is error and raised.value.code == 10062
