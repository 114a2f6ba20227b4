"""The extensions the bot loads at start-up, in order: one module per feature under `cogs/`."""

from __future__ import annotations

EXTENSIONS: tuple[str, ...] = ("cogs.meta", "cogs.log", "cogs.looking", "cogs.team", "cogs.wod")
