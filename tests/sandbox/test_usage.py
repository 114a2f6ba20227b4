"""The sandbox's help names Apps menus that Pacer has, so its examples can be typed as shown."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import AsyncIterator
from pathlib import Path

from bot.pacer import InThreadCharts
from bot.sandbox.run import run_sandbox
from bot.settings import Settings


async def _lines(*lines: str) -> AsyncIterator[str]:
    for line in lines:
        yield line + "\n"


async def test_help_examples_name_pacers_own_menus(tmp_path: Path) -> None:
    out = io.StringIO()
    now = dt.datetime(2026, 7, 15, 18, 0, tzinfo=dt.UTC)
    await run_sandbox(
        Settings(db_path=str(tmp_path / "pacer.db")),
        lines=_lines("help", "quit"),
        out=out,
        files_dir=tmp_path / "files",
        interactive=False,
        charts=InThreadCharts(),
        clock=lambda: now,
    )
    text = out.getvalue()
    [commands] = [line for line in text.splitlines() if line.startswith("Commands: ")]
    examples = re.findall(r"^  (menu [A-Za-z ]+?)(?: on @\w+)?(?:  |$)", text, re.MULTILINE)
    assert examples, text
    for example in examples:
        assert example in commands, f"{example!r} is not one of Pacer's menus: {commands}"
