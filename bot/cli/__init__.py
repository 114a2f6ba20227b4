"""The `pacer` command: one subcommand per module in this package, each with `register(sub)`."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

# Each module defines `register(subparsers)`, which adds its subcommand(s) and sets `func`
# (a callable taking the parsed args and returning an exit status). Imported lazily by name
# so that `pacer parse` does not pay for discord.py or sqlite.
SUBCOMMAND_MODULES: tuple[str, ...] = (
    "bot.cli.run",
    "bot.cli.sandbox",
    "bot.cli.sync",
    "bot.cli.parse",
    "bot.cli.analyze",
    "bot.cli.equivalent",
    "bot.cli.db",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pacer",
        description="Pacer: a Discord bot that turns a running team's chat into a training log.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in SUBCOMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        return _default(args)
    return int(func(args) or 0)


NO_TOKEN_NOTE = (
    "No DISCORD_TOKEN set: opening the sandbox, a local Discord in this terminal "
    "(type `help` there; set DISCORD_TOKEN to run the bot on Discord)."
)


def _default(args: argparse.Namespace) -> int:
    """`pacer` alone: the bot when a token is set, else the sandbox (and say so)."""
    from bot.cli import run, sandbox
    from bot.cli.common import load_settings

    settings = load_settings()
    if settings is None:
        return 2
    if settings.discord_token:
        return run.command(args)
    print(NO_TOKEN_NOTE, file=sys.stderr)
    return sandbox.command(args)


if __name__ == "__main__":
    sys.exit(main())


def _entry() -> None:
    """Console-script entry point."""
    try:
        status = main()
        sys.stdout.flush()  # here, where a closed pipe can be caught, not at exit
    except BrokenPipeError:
        # The reader went away (`pacer sandbox < script | head`): stop quietly, as Unix tools
        # do, instead of a traceback. Point stdout at nothing so the exit flush cannot fail.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(141)  # 128 + SIGPIPE
    sys.exit(status)
