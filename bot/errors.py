"""Errors the cogs raise for input a person can fix; the tree turns them into friendly replies."""

from __future__ import annotations


class UserError(Exception):
    """Input Pacer cannot use: `message` says what was wrong, `example` shows a form that works.

    Raise it from a command (or a button, or a modal) instead of answering by hand: the command
    tree replies ephemerally with the message and the example, and nothing is logged as a bug.
    """

    def __init__(self, message: str, example: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.example = example
