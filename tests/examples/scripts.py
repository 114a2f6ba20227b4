"""Running a script from `examples/` through the sandbox, as `pacer sandbox < script` does."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import AsyncIterator
from pathlib import Path

from bot.pacer import InThreadCharts
from bot.sandbox.run import run_sandbox
from bot.settings import Settings

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


async def _lines_of(text: str) -> AsyncIterator[str]:
    for line in text.splitlines():
        yield line + "\n"


async def run_example(name: str, db: Path, files: Path, now: dt.datetime) -> tuple[int, str]:
    """Exit status and the whole transcript of `examples/<name>` on a fixed clock."""
    out = io.StringIO()
    status = await run_sandbox(
        Settings(db_path=str(db)),
        lines=_lines_of((EXAMPLES / name).read_text(encoding="utf-8")),
        out=out,
        files_dir=files,
        interactive=False,
        charts=InThreadCharts(),
        clock=lambda: now,
    )
    return status, out.getvalue()
