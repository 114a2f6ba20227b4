"""`pacer sync [--guild ID]`: send the slash commands to Discord (after a change, not on start)."""

from __future__ import annotations

import argparse
from typing import Any

from bot import eventloop
from bot.cli.common import load_settings


def _guild_id(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"a server id is digits only, not {text!r}")
    return int(text)


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "sync",
        help="send Pacer's slash commands to Discord (run after deploying a command change)",
        description="Sync the command tree once. Never done on start: Discord limits how many "
        "command changes a bot may make per day.",
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--guild",
        type=_guild_id,
        metavar="ID",
        help="sync to this server only (shows at once; good for testing); "
        "default: PACER_DEV_GUILD if set, else globally",
    )
    where.add_argument(
        "--global",
        dest="everywhere",
        action="store_true",
        help="sync globally even when PACER_DEV_GUILD is set",
    )
    parser.set_defaults(func=command)


def command(args: argparse.Namespace) -> int:
    settings = load_settings()
    if settings is None:
        return 2
    from bot.logs import setup_logging
    from bot.runner import sync_commands

    setup_logging("WARNING" if settings.log_level == "INFO" else settings.log_level)
    guild = None if args.everywhere else (args.guild or settings.dev_guild)
    return eventloop.run(sync_commands(settings, guild))
