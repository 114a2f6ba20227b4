"""What a person reads when a command fails, for each kind of failure."""

from __future__ import annotations

import logging
from types import SimpleNamespace

import discord
from discord import app_commands

from bot.errors import UserError
from bot.training.errors import ParseError
from bot.tree import MAX_CONTENT, describe_error

COMMAND = SimpleNamespace(qualified_name="log", extras={"example": "/log splits: 2:26 2:28"})


def invoke_error(original: Exception) -> app_commands.CommandInvokeError:
    cmd = app_commands.Command(name="log", description="d", callback=_cb)
    return app_commands.CommandInvokeError(cmd, original)


async def _cb(interaction: discord.Interaction) -> None:  # pragma: no cover - never called
    pass


def test_user_error_shows_message_and_its_own_example() -> None:
    error = invoke_error(UserError("No splits given.", "/log splits: 2:26"))
    reply = describe_error(error, COMMAND)
    assert reply.text == "No splits given.\nExample: `/log splits: 2:26`"
    assert reply.level == logging.INFO and not reply.with_traceback


def test_user_error_without_example_falls_back_to_the_commands_example() -> None:
    reply = describe_error(invoke_error(UserError("No splits given.")), COMMAND)
    assert reply.text.endswith("Example: `/log splits: 2:26 2:28`")


def test_parse_error_says_where_and_keeps_its_hint() -> None:
    err = ParseError("Unknown unit", text="6 x 1000q", offset=8, hint="6 x 1000m")
    reply = describe_error(invoke_error(err), COMMAND)
    assert "column 9" in reply.text and "Try: 6 x 1000m" in reply.text
    assert "Example" not in reply.text  # the hint already shows a working form


def test_parse_error_without_hint_gets_the_commands_example() -> None:
    err = ParseError("Unknown unit", text="6 x 1000q", offset=8)
    assert describe_error(invoke_error(err), COMMAND).text.endswith("`/log splits: 2:26 2:28`")


def test_unexpected_error_is_vague_to_the_user_and_logged_with_traceback() -> None:
    reply = describe_error(invoke_error(KeyError("secret internals")), COMMAND)
    assert "secret" not in reply.text and "went wrong" in reply.text
    assert reply.level == logging.ERROR and reply.with_traceback


def test_missing_role_and_stale_command() -> None:
    reply = describe_error(app_commands.MissingRole("coach"), COMMAND)
    assert reply.text == "You need the coach role to do that."
    stale = describe_error(app_commands.CommandNotFound("gone", []), None)
    assert "pacer sync" in stale.text and stale.level == logging.WARNING


def test_long_user_text_is_clipped_and_backticks_cannot_break_the_example() -> None:
    reply = describe_error(UserError("x" * 5000, example="a`b"), None)
    assert len(reply.text) <= MAX_CONTENT
    reply = describe_error(UserError("bad", example="a`b"), None)
    assert reply.text.count("`") == 2


def test_option_value_discord_py_could_not_convert() -> None:
    transformer = app_commands.transformers.IdentityTransformer(
        discord.AppCommandOptionType.user
    )
    error = app_commands.TransformerError("12345", discord.AppCommandOptionType.user, transformer)
    reply = describe_error(error, COMMAND)
    assert reply.text == (
        "“12345” is not a valid user for `/log`.\nExample: `/log splits: 2:26 2:28`"
    )
