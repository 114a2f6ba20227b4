"""Helpers the subcommands share."""

from __future__ import annotations

import sys

from bot.settings import Settings


def load_settings() -> Settings | None:
    """Settings from the environment and `.env`; a bad value is reported in one line."""
    try:
        return Settings.from_env()
    except ValueError as exc:
        print(f"pacer: {exc}", file=sys.stderr)
        return None
