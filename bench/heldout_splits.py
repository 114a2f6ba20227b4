"""How well the splits reader generalises: the share of `bench/heldout/splits.json` read exactly.

The held-out set is never used to tune the reader, so this prints the score only, not which
entries fail.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.training import ParseError, parse_splits

HELDOUT = Path(__file__).resolve().parent / "heldout" / "splits.json"


def read_exactly(text: str, expected: list[float]) -> bool:
    try:
        got = parse_splits(text).splits_s
    except ParseError:
        return False
    if len(got) != len(expected):
        return False
    return all(abs(a - b) < 0.01 for a, b in zip(got, expected, strict=True))


def main() -> None:
    entries = json.loads(HELDOUT.read_text(encoding="utf-8"))
    good = sum(read_exactly(e["text"], e["splits_s"]) for e in entries)
    print(f"held-out splits read exactly: {good}/{len(entries)} ({good / len(entries):.0%})")


if __name__ == "__main__":
    main()
