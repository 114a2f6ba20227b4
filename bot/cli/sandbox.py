"""`pacer sandbox`: try Pacer in the terminal against a local Discord (no token needed)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from bot import eventloop
from bot.cli.common import load_settings


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "sandbox",
        help="try Pacer in this terminal against a local Discord (no token needed)",
        description="Type what you would type in Discord; `help` inside lists what works. "
        "With standard input from a file (`pacer sandbox < script.txt`) the whole exchange "
        "is printed. The database (PACER_DB, default pacer.db) is kept between runs.",
    )
    parser.add_argument(
        "--files",
        type=Path,
        default=Path("sandbox-files"),
        metavar="DIR",
        help="where attachments Pacer sends are saved (default: sandbox-files)",
    )
    parser.set_defaults(func=command)


def command(args: argparse.Namespace) -> int:
    settings = load_settings()
    if settings is None:
        return 2
    from bot.logs import setup_logging
    from bot.sandbox.run import run_sandbox

    # Warnings and errors only: the terminal is the channel.
    setup_logging(settings.log_level if settings.log_level == "DEBUG" else "WARNING")
    files = getattr(args, "files", None) or Path("sandbox-files")
    from storage import StoreError

    try:
        return eventloop.run(run_sandbox(settings, files_dir=files))
    except KeyboardInterrupt:
        return 0
    except StoreError as exc:
        print(f"Cannot use the database ({exc}): check PACER_DB.", file=sys.stderr)
        return 2
