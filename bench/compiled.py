"""The compiled reader against its source on generated text: the same workout or the same error
for every input (tests/training/test_compiled.py does the same over the corpus in CI).

    python bench/compiled.py [--inputs 30000] [--seed 1]

Inputs are bench/fuzz.py's (tests/proof/fuzzing.py: running-shaped and hostile fragments, long
and deeply nested text). Prints the inputs that read differently (at most five) and exits with
status 1 if any did, or if the installed reader is not compiled (nothing to compare).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.training import ParseError, compiled, parse_workout
from tests.proof.fuzzing import draw, inputs


def result(read: Callable[[str], object], text: str) -> str:
    try:
        return repr(read(text).to_dict())  # type: ignore[attr-defined]
    except ParseError as err:
        return f"refused: {err}"
    except Exception as err:  # a bug in either: reported as a difference or by bench/fuzz.py
        return f"raised {type(err).__name__}: {err}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--inputs", type=int, default=30_000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    if not compiled.reader_is_compiled():
        print("the installed reader is not compiled: nothing to compare (see README, Test)")
        return 1
    from_source = compiled.reader_source().read_workout
    texts = [str(t) for t in draw(inputs(), args.inputs, seed=args.seed)]
    differ = 0
    for text in texts:
        a, b = result(parse_workout, text), result(from_source, text)
        if a != b:
            differ += 1
            if differ <= 5:
                print(f"{text[:120]!r}\n  compiled: {a[:160]}\n  source:   {b[:160]}")
    print(f"{len(texts)} generated texts (seed {args.seed}): {differ} read differently")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
