"""The command tree: every failure gets an ephemeral, friendly answer; one log line per command."""

from __future__ import annotations

import logging
import sqlite3
import time
from dataclasses import dataclass
from typing import Any

import discord
from discord import app_commands

from bot.errors import UserError
from bot.logs import COMMANDS_LOGGER
from bot.training.errors import ParseError

log = logging.getLogger(__name__)
command_log = logging.getLogger(COMMANDS_LOGGER)

UNKNOWN_INTERACTION = 10062  # the 3 s (or 15 min) window closed: nothing can be sent any more
ALREADY_ACKNOWLEDGED = 40060
MAX_CONTENT = 2000
_STARTED = "pacer.started"


@dataclass(frozen=True, slots=True)
class Reply:
    """What the person sees, and how loudly the failure is logged."""

    text: str
    level: int = logging.INFO
    with_traceback: bool = False


def _example_of(command: object) -> str | None:
    extras = getattr(command, "extras", None)
    if isinstance(extras, dict):
        example = extras.get("example")
        if isinstance(example, str):
            return example
    return None


def _with_example(text: str, example: str | None) -> str:
    if example:
        text = f"{text}\nExample: `{example.replace('`', 'ˋ')}`"
    return text


def _clip(text: str) -> str:
    return text if len(text) <= MAX_CONTENT else text[: MAX_CONTENT - 1] + "…"


def describe_error(error: BaseException, command: object = None) -> Reply:
    """The friendly answer to a failure of `command` (an app command, a context menu, or None)."""
    original = error
    if isinstance(error, app_commands.CommandInvokeError):
        original = error.original
    example = _example_of(command)
    name = getattr(command, "qualified_name", None)

    if isinstance(original, UserError):
        return Reply(_clip(_with_example(original.message, original.example or example)))
    if isinstance(original, ParseError):
        # str() already says what was wrong, where, and (with a hint) what works.
        return Reply(_clip(_with_example(str(original), None if original.hint else example)))
    if isinstance(original, app_commands.TransformerError):
        option = " for this option" if name is None else f" for `/{name}`"
        value = str(original.value)[:60]
        kind = original.type.name.replace("_", " ")
        text = f"“{value}” is not a valid {kind}{option}."
        return Reply(_clip(_with_example(text, example)))
    if isinstance(original, app_commands.CommandOnCooldown):
        return Reply(f"Slow down: try again in {original.retry_after:.0f} s.")
    if isinstance(original, app_commands.NoPrivateMessage):
        return Reply("This command only works in a server, not in direct messages.")
    if isinstance(original, app_commands.MissingRole):
        return Reply(f"You need the {original.missing_role} role to do that.")
    if isinstance(original, app_commands.MissingAnyRole):
        roles = " or ".join(str(r) for r in original.missing_roles)
        return Reply(f"You need the {roles} role to do that.")
    if isinstance(original, app_commands.CheckFailure):
        text = str(original) or "You cannot use this command here."
        return Reply(_clip(text))
    if isinstance(original, (app_commands.CommandNotFound, app_commands.CommandSignatureMismatch)):
        return Reply(
            "This command is out of date: Pacer's commands changed since they were last synced. "
            "A server admin can fix it by running `pacer sync`.",
            level=logging.WARNING,
        )
    if isinstance(original, sqlite3.OperationalError) and _disk_full(original):
        return Reply(
            "Pacer could not save that: its database is full. Nothing was saved; tell whoever "
            "runs Pacer (the disk needs space), then try again.",
            level=logging.ERROR,
        )
    return Reply(
        "Something went wrong on Pacer's side; it has been logged. Please try again later.",
        level=logging.ERROR,
        with_traceback=True,
    )


def _disk_full(error: sqlite3.OperationalError) -> bool:
    # SQLITE_FULL: the disk, or the database's max_page_count, has no room for the write.
    return getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL or (
        "database or disk is full" in str(error)
    )


def _is_unknown_interaction(error: BaseException) -> bool:
    return isinstance(error, discord.NotFound) and error.code == UNKNOWN_INTERACTION


async def answer_error(interaction: discord.Interaction[Any], error: BaseException) -> None:
    """Answer `interaction` with the friendly form of `error`, ephemerally, and log the original.

    Works whether or not the interaction was already answered (then it follows up). Used by the
    tree, and by views and modals (see `bot.ui`), so no interaction is ever left unanswered.
    """
    original = error.original if isinstance(error, app_commands.CommandInvokeError) else error
    command = interaction.command
    where = f"/{command.qualified_name}" if command is not None else _component_name(interaction)
    if _is_unknown_interaction(original):
        log.warning(
            "interaction %s (%s) expired before it was answered (10062); ignored",
            interaction.id,
            where,
        )
        return
    reply = describe_error(error, command)
    log.log(
        reply.level,
        "interaction %s (%s) failed: %s: %s",
        interaction.id,
        where,
        type(original).__name__,
        original,
        exc_info=original if reply.with_traceback else None,
    )
    await _send_ephemeral(interaction, reply.text)


async def _send_ephemeral(interaction: discord.Interaction[Any], text: str) -> None:
    try:
        if interaction.response.is_done():
            await interaction.followup.send(text, ephemeral=True)
        else:
            await interaction.response.send_message(text, ephemeral=True)
    except discord.InteractionResponded:
        await _followup_quietly(interaction, text)
    except discord.HTTPException as exc:
        if exc.code == ALREADY_ACKNOWLEDGED:
            await _followup_quietly(interaction, text)
        elif exc.code != UNKNOWN_INTERACTION:
            log.error("could not answer interaction %s: %s", interaction.id, exc)


async def _followup_quietly(interaction: discord.Interaction[Any], text: str) -> None:
    try:
        await interaction.followup.send(text, ephemeral=True)
    except discord.HTTPException as exc:
        if exc.code != UNKNOWN_INTERACTION:
            log.error("could not follow up interaction %s: %s", interaction.id, exc)


def _component_name(interaction: discord.Interaction[Any]) -> str:
    data: Any = interaction.data or {}
    custom_id = data.get("custom_id") if isinstance(data, dict) else None
    return f"{interaction.type.name} {custom_id}" if custom_id else interaction.type.name


class PacerTree(app_commands.CommandTree[Any]):
    """Answers every failure, and logs one line per command handled with its latency."""

    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        if interaction.type is discord.InteractionType.application_command:
            interaction.extras[_STARTED] = time.perf_counter()
        return True

    async def on_error(
        self, interaction: discord.Interaction[Any], error: app_commands.AppCommandError, /
    ) -> None:
        try:
            await answer_error(interaction, error)
        finally:
            self.log_handled(interaction, outcome=f"failed ({type(_unwrap(error)).__name__})")

    async def command_completed(self, interaction: discord.Interaction[Any]) -> None:
        """Called when a command returned normally; answers for it if it forgot to."""
        if not interaction.response.is_done():
            name = interaction.command.qualified_name if interaction.command else "?"
            log.warning("/%s returned without answering interaction %s", name, interaction.id)
            try:
                await interaction.response.send_message("Done.", ephemeral=True)
            except discord.HTTPException as exc:
                log.warning("could not answer interaction %s: %s", interaction.id, exc)
        self.log_handled(interaction, outcome="ok")

    def log_handled(self, interaction: discord.Interaction[Any], *, outcome: str) -> None:
        started = interaction.extras.get(_STARTED)
        latency = f"{(time.perf_counter() - started) * 1000:.0f} ms" if started else "? ms"
        command = interaction.command
        name = command.qualified_name if command is not None else _command_name(interaction)
        command_log.info(
            "/%s %s in %s (interaction %s, user %s, guild %s)",
            name,
            outcome,
            latency,
            interaction.id,
            interaction.user.id,
            interaction.guild_id,
        )
        # Listeners (and tests) may follow: `on_command_handled(interaction, outcome)`.
        self.client.dispatch("command_handled", interaction, outcome)


def _unwrap(error: BaseException) -> BaseException:
    return error.original if isinstance(error, app_commands.CommandInvokeError) else error


def _command_name(interaction: discord.Interaction[Any]) -> str:
    data = interaction.data
    return str(data.get("name", "?")) if isinstance(data, dict) else "?"
