"""Compiles the workout reader and the model it builds to C with mypyc at install time: the same
source, several times faster. Everything else is in pyproject.toml.

`PACER_PURE=1 pip install -e .` skips the compilation, and so does a machine with no C
compiler (with a warning): Pacer then runs the reader from its source.
"""

from __future__ import annotations

import os
import sys

from setuptools import setup
from setuptools.command.build_ext import build_ext

COMPILED = [
    "bot/training/model.py",
    "bot/training/notation/vocabulary.py",
    "bot/training/notation/lexer.py",
    "bot/training/notation/reader.py",
]


class BuildOrSkip(build_ext):
    """A failed compilation leaves the reader in Python instead of failing the install."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as err:  # no compiler, no headers: the source still runs
            # The shared library is built first: when it fails, no module of the group is.
            print(f"warning: the reader was not compiled ({err}); it runs from source",
                  file=sys.stderr)


ext_modules = []
if os.environ.get("PACER_PURE") != "1":
    from mypyc.build import mypycify

    ext_modules = mypycify(COMPILED, opt_level="3", group_name="pacer_reader")

setup(ext_modules=ext_modules, cmdclass={"build_ext": BuildOrSkip})
