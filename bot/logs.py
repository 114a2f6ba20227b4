"""Logging through the standard `logging` module, set up the way discord.py does it."""

from __future__ import annotations

import logging

import discord

# One line per handled command goes to this logger (see `PacerTree`).
COMMANDS_LOGGER = "pacer.commands"


class _NoVoiceWarnings(logging.Filter):
    """Pacer never joins voice: discord.py's warnings about missing voice libraries are noise."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "voice will NOT be supported" not in record.getMessage()


def setup_logging(level: str = "INFO", handler: logging.Handler | None = None) -> None:
    """Log to stderr (colour when it is a terminal); `level` applies to Pacer and discord.py.

    discord.py's own HTTP and gateway chatter stays at WARNING unless DEBUG is asked for.
    """
    numeric = logging.getLevelName(level.upper())
    if not isinstance(numeric, int):
        numeric = logging.INFO
    if handler is not None:
        discord.utils.setup_logging(handler=handler, level=numeric, root=True)
    else:
        discord.utils.setup_logging(level=numeric, root=True)
    logging.getLogger("discord.client").addFilter(_NoVoiceWarnings())
    if numeric > logging.DEBUG:
        for noisy in ("discord.http", "discord.gateway", "discord.client"):
            logging.getLogger(noisy).setLevel(max(numeric, logging.WARNING))
