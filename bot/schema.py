"""The command schema Discord would receive on sync, computed offline (no login, no network).

`python -m bot.schema` prints it; `python -m bot.schema --write` updates the committed snapshot
that `tests/bot/test_command_schema.py` compares against, after a deliberate command change.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bot.extensions import EXTENSIONS
from bot.settings import Settings

SNAPSHOT = Path(__file__).resolve().parent.parent / "tests" / "bot" / "command_schema.json"


def _key(payload: dict[str, Any]) -> tuple[int, str]:
    return (int(payload.get("type", 1)), str(payload["name"]))


async def command_schema(extensions: Sequence[str] = EXTENSIONS) -> list[dict[str, Any]]:
    """Each global command's sync payload (`to_dict(tree)`), sorted by type then name."""
    from bot.pacer import Pacer

    with tempfile.TemporaryDirectory(prefix="pacer-schema-") as tmp:
        bot = Pacer(
            Settings(),
            db_path=str(Path(tmp) / "schema.db"),
            extensions=extensions,
            warm_up_dates=False,
        )
        try:
            await bot.setup_hook()  # opens the store and loads the cogs; no login needed
            payloads = [command.to_dict(bot.tree) for command in bot.tree.get_commands()]
        finally:
            await bot.close()
    return sorted(payloads, key=_key)


def dumps(schema: list[dict[str, Any]]) -> str:
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.schema", description=__doc__)
    parser.add_argument("--write", action="store_true", help=f"update {SNAPSHOT.name}")
    args = parser.parse_args(argv)
    text = dumps(asyncio.run(command_schema()))
    if args.write:
        SNAPSHOT.write_text(text, encoding="utf-8")
        print(f"wrote {SNAPSHOT}")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
