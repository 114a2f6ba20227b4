"""The one error the readers raise: where the text went wrong, what was there, and what works."""

from __future__ import annotations


class ParseError(ValueError):
    """Text Pacer could not read.

    `line` and `column` are 1-based; `fragment` is the part of the text that could not be read;
    `hint` suggests a form that works. `str(err)` is a message a runner understands.
    """

    def __init__(
        self,
        message: str,
        *,
        text: str = "",
        offset: int = 0,
        length: int = 1,
        hint: str | None = None,
    ) -> None:
        self.message = message
        self.text = text
        self.offset = max(0, min(offset, len(text)))
        self.line = text.count("\n", 0, self.offset) + 1
        line_start = text.rfind("\n", 0, self.offset) + 1
        self.column = self.offset - line_start + 1
        self.fragment = text[self.offset : self.offset + max(length, 0)][:60]
        self.hint = hint
        super().__init__(self.__str__())

    @property
    def where(self) -> str:
        if "\n" in self.text:
            return f"line {self.line}, column {self.column}"
        return f"column {self.column}"

    def __str__(self) -> str:
        parts = [self.message]
        if self.text.strip():
            parts[0] += f" (at {self.where}"
            parts[0] += f": “{self.fragment}”)" if self.fragment.strip() else ")"
        if self.hint:
            parts.append(f"Try: {self.hint}")
        return ". ".join(p.rstrip(".") for p in parts) + "."

    def to_dict(self) -> dict[str, object]:
        return {
            "error": self.message,
            "line": self.line,
            "column": self.column,
            "fragment": self.fragment,
            "hint": self.hint,
        }
