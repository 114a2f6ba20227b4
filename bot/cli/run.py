"""`pacer run`: the bot on Discord (needs DISCORD_TOKEN)."""

from __future__ import annotations

import argparse
from typing import Any

from bot import eventloop
from bot.cli.common import load_settings


def register(sub: Any) -> None:
    parser = sub.add_parser("run", help="run the bot on Discord (needs DISCORD_TOKEN)")
    parser.set_defaults(func=command)


def command(args: argparse.Namespace) -> int:
    settings = load_settings()
    if settings is None:
        return 2
    from bot.logs import setup_logging
    from bot.runner import run_bot

    setup_logging(settings.log_level)
    try:
        return eventloop.run(run_bot(settings))
    except KeyboardInterrupt:
        return 0
