"""Defers sent from an interaction's gateway event, before discord.py builds the interaction.

Discord wants every interaction acknowledged within 3 s. discord.py first builds it from its
gateway event (the member, the channel, the command's namespace, the answer adapter), then its
handler runs to the defer. In a burst of 1,000 /log, the last defer waited for the builds and the
first steps of the 999 before it, on one core shared with everything else (bench/load.py).

A command whose first answer can be decided from the event alone (its options and what the bot
keeps in memory) registers a `Decide`: it returns an `EarlyDefer` (public or ephemeral) or None
to leave the answer to its handler, as for any other command; it never refuses. The defer is
sent as the event is read. While such defers are in flight the intake builds nothing (for a
bounded time: bot/intake.py), so their answers are read as they come, not between builds. The
handler then `take`s the defer and goes on as if it had deferred itself: what it finds wrong
after that it answers in a message of its own, having withdrawn the public "thinking" one.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import discord

log = logging.getLogger(__name__)

# Early defers not taken by a handler yet. A handler takes its defer within seconds; the bound
# only keeps a bot whose handlers never came (a command removed) from growing.
MAX_WAITING = 5000

ALREADY_ACKNOWLEDGED = 40060  # Discord's code: the interaction was already answered


@dataclass(frozen=True, slots=True)
class EarlyDefer:
    ephemeral: bool
    prepared: Any = None  # what the decision read (e.g. the parsed texts), for the handler


Decide = Callable[[dict[str, Any]], EarlyDefer | None]
# Takes back what a decision counted, for an early defer whose handler will not go on with it.
Undo = Callable[[EarlyDefer], None]
# Sends the defer: the interaction's id and token, and whether it is ephemeral.
Send = Callable[[int, str, bool], Awaitable[None]]


@dataclass(slots=True)
class _Waiting:
    early: EarlyDefer
    member: tuple[int, int]
    sent: asyncio.Task[BaseException | None]
    undo: Undo | None


class EarlyAcks:
    """The early defers of the commands registered, from their events to their handlers."""

    def __init__(self, send: Send) -> None:
        self._send = send
        self._decide: dict[str, Decide] = {}
        self._undo: dict[str, Undo] = {}
        self._waiting: dict[int, _Waiting] = {}
        self._members: Counter[tuple[int, int]] = Counter()
        self.in_flight = 0  # defers sent and not answered yet
        self.on_settled: Callable[[], None] | None = None  # called as each one is answered

    def register(self, command: str, decide: Decide, undo: Undo | None = None) -> None:
        """Decide the first answer of the top-level slash command `command` from its event;
        `undo` takes back what a decision counted when its handler does not go on with it (the
        defer failed, or the interaction never reached it)."""
        self._decide[command] = decide
        if undo is not None:
            self._undo[command] = undo

    def unregister(self, command: str) -> None:
        self._decide.pop(command, None)
        self._undo.pop(command, None)

    def waiting(self, guild_id: int, user_id: int) -> int:
        """The member's interactions deferred early and not taken by their handler yet."""
        return self._members[guild_id, user_id]

    def __call__(self, data: Any) -> None:
        """An INTERACTION_CREATE event, as it is read from the gateway."""
        if not self._decide or data.get("type") != 2:  # application commands only
            return
        command = data.get("data")
        if not isinstance(command, dict) or command.get("type", 1) != 1:  # slash commands
            return
        decide = self._decide.get(command.get("name"))  # type: ignore[arg-type]
        if decide is None or "guild_id" not in data or "member" not in data:
            return  # in a DM: answered by its handler (guild-only commands refuse there)
        try:
            # Where it goes first: a decision may count the interaction (its undo).
            interaction_id, token = int(data["id"]), str(data["token"])
            member = (int(data["guild_id"]), int(data["member"]["user"]["id"]))
            early = decide(data)
            if early is None:
                return
        except Exception:
            # The handler answers it as ever, and tells what was wrong.
            log.exception("could not decide an early defer for /%s", command.get("name"))
            return
        if len(self._waiting) >= MAX_WAITING:
            self._drop(next(iter(self._waiting)), undo=True)
        self.in_flight += 1
        sent = asyncio.get_running_loop().create_task(
            self._sent(interaction_id, token, early.ephemeral), name="pacer-early-defer")
        self._waiting[interaction_id] = _Waiting(
            early, member, sent, self._undo.get(command.get("name")))  # type: ignore[arg-type]
        self._members[member] += 1

    async def _sent(self, interaction_id: int, token: str, ephemeral: bool) -> BaseException | None:
        try:
            await self._send(interaction_id, token, ephemeral)
            return None
        except Exception as exc:  # the handler sees it (take)
            return exc
        finally:
            self.in_flight -= 1
            if self.on_settled is not None:
                self.on_settled()

    def forget(self, data: Any) -> None:
        """An event that will not reach a handler (it could not be built)."""
        try:
            interaction_id = int(data["id"])
        except (TypeError, KeyError, ValueError):
            return
        self._drop(interaction_id, undo=True)

    def _drop(self, interaction_id: int, *, undo: bool = False) -> _Waiting | None:
        waiting = self._waiting.pop(interaction_id, None)
        if waiting is not None:
            self._members[waiting.member] -= 1
            if not self._members[waiting.member]:
                del self._members[waiting.member]
            if undo and waiting.undo is not None:
                waiting.undo(waiting.early)
        return waiting

    async def take(self, interaction: discord.Interaction[Any]) -> EarlyDefer | None:
        """The interaction's early defer, once sent; None if it had none (its handler answers
        as ever). The interaction is then deferred as `interaction.response.defer` leaves it.
        An early defer Discord refused raises its error. One whose answer never came (the
        connection failed) or was a server error is deferred again through discord.py (if
        the first had reached Discord, the second is refused as a second answer: deferred all
        the same); if that fails too, that error, and what the decision counted is taken
        back."""
        waiting = self._waiting.get(interaction.id)
        if waiting is None:
            return None
        try:
            failure = await waiting.sent
        finally:
            # Counted as waiting until now: the handler counts it from here on (its rate limit).
            self._drop(interaction.id)
        try:
            return await self._taken(interaction, waiting, failure)
        except BaseException:
            if waiting.undo is not None:
                waiting.undo(waiting.early)
            raise

    async def _taken(self, interaction: discord.Interaction[Any], waiting: _Waiting,
                     failure: BaseException | None) -> EarlyDefer:
        if failure is not None:
            if isinstance(failure, discord.HTTPException) and not isinstance(
                    failure, discord.DiscordServerError):
                raise failure  # Discord's answer to it: the same sent again would get the same
            log.warning("early defer of interaction %s failed (%s); deferring again",
                        interaction.id, failure)
            try:
                await interaction.response.defer(thinking=True,
                                                 ephemeral=waiting.early.ephemeral)
                return waiting.early
            except discord.HTTPException as exc:
                if exc.code != ALREADY_ACKNOWLEDGED:
                    raise
        # Deferred (by the early defer, or the first of the two reached Discord): as
        # `interaction.response.defer` leaves it.
        interaction.response._response_type = (
            discord.InteractionResponseType.deferred_channel_message)
        return waiting.early
