"""Views and modals whose failures are answered like a command's (ephemeral, friendly, logged)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Coroutine
from typing import Any

import discord

from bot.tree import answer_error


class PacerView(discord.ui.View):
    """A view whose button and select callbacks may raise `UserError` (or anything else)."""

    async def on_error(
        self, interaction: discord.Interaction[Any], error: Exception, item: discord.ui.Item[Any], /
    ) -> None:
        await answer_error(interaction, error)


class PacerModal(discord.ui.Modal):
    """A modal whose `on_submit` may raise `UserError` (or anything else)."""

    # As discord.py's own Modal.on_error, which it calls with no item (its stubs inherit the
    # view's signature, with one).
    async def on_error(  # type: ignore[override]
        self, interaction: discord.Interaction[Any], error: Exception, /
    ) -> None:
        await answer_error(interaction, error)


Callback = Callable[[Any, discord.Interaction[Any]], Coroutine[Any, Any, None]]


def answers_errors(callback: Callback) -> Callback:
    """Wrap a `DynamicItem.callback` so its failures are answered too.

    Dynamic items run inside a plain `View` built from the message, whose `on_error` only logs.
    """

    @functools.wraps(callback)
    async def wrapper(self: Any, interaction: discord.Interaction[Any]) -> None:
        try:
            await callback(self, interaction)
        except Exception as error:
            await answer_error(interaction, error)

    return wrapper
