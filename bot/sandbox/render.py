"""Discord messages (as JSON payloads) drawn as plain text: embeds as boxes, buttons in brackets."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Iterable, Sequence
from typing import Any

WIDTH = 72
EPHEMERAL = 1 << 6
# <@123>, <@!123>, <@&123> (role), <#123> (channel); shown by name, as the Discord client does.
MENTION = re.compile(r"<(@!?|@&|#)(\d+)>")
Namer = Callable[[str, int], str | None]


def _no_names(kind: str, ident: int) -> str | None:
    return None


BOLD = re.compile(r"\*\*(.+?)\*\*")


def show_markdown(text: str, names: Namer = _no_names) -> str:
    """Text as the Discord client shows it: mentions by name, bold without its asterisks."""
    return BOLD.sub(r"\1", show_mentions(text, names))


def show_mentions(text: str, names: Namer = _no_names) -> str:
    def replace(match: re.Match[str]) -> str:
        kind = "role" if match.group(1) == "@&" else "channel" if match.group(1) == "#" else "user"
        name = names(kind, int(match.group(2)))
        prefix = "#" if kind == "channel" else "@"
        return f"{prefix}{name}" if name else match.group(0)

    return MENTION.sub(replace, text)


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        lines.extend(
            textwrap.wrap(paragraph, width, replace_whitespace=False, drop_whitespace=True)
            or [""]
        )
    return lines


def embed_box(embed: dict[str, Any], width: int = WIDTH, names: Namer = _no_names) -> list[str]:
    """An embed as a box: title in the top edge, then description, fields, footer."""
    inner = width - 4
    body: list[str] = []

    def add(text: str, indent: str = "") -> None:
        for line in _wrap(show_markdown(text, names), inner - len(indent)):
            body.append(indent + line)

    if author := (embed.get("author") or {}).get("name"):
        add(author)
    if description := embed.get("description"):
        add(description)
    for f in embed.get("fields") or []:
        if body:
            body.append("")
        add(str(f.get("name", "")))
        add(str(f.get("value", "")), indent="  ")
    footer = (embed.get("footer") or {}).get("text")
    if image := (embed.get("image") or {}).get("url"):
        body.extend(["", f"[image: {image}]"])
    title = show_mentions(str(embed.get("title") or ""), names)
    top_label = f" {title[: inner - 2]} " if title else ""
    lines = ["┌─" + top_label + "─" * (width - 3 - len(top_label)) + "┐"]
    lines += [f"│ {line:<{inner}} │" for line in body]
    if footer:
        lines.append("├" + "─" * (width - 2) + "┤")
        lines += [f"│ {line:<{inner}} │" for line in _wrap(footer, inner)]
    lines.append("└" + "─" * (width - 2) + "┘")
    return lines


def walk_components(components: Iterable[dict[str, Any]]) -> Iterable[dict[str, Any]]:
    for component in components:
        yield component
        yield from walk_components(component.get("components") or [])
        if isinstance(component.get("component"), dict):  # a Label wraps one component
            yield from walk_components([component["component"]])


def component_lines(components: Sequence[dict[str, Any]]) -> list[str]:
    """Each action row on one line: `[ Label ]` buttons, `[ placeholder ▾ ]` selects."""
    lines: list[str] = []
    for row in components:
        items = row.get("components") or [row]
        shown: list[str] = []
        for item in items:
            kind = item.get("type")
            if kind == 2:  # button
                label = item.get("label") or (item.get("emoji") or {}).get("name") or "?"
                off = " (disabled)" if item.get("disabled") else ""
                link = f" → {item['url']}" if item.get("url") else ""
                shown.append(f"[ {label} ]{off}{link}")
            elif kind == 3:  # string select: its options, so `pick` can name one
                labels = " | ".join(str(o.get("label")) for o in item.get("options") or [])
                shown.append(f"[ {item.get('placeholder') or 'choose'} ▾ {labels} ]")
            elif kind in (5, 6, 7, 8):  # user, role, mentionable, channel selects
                shown.append(f"[ {item.get('placeholder') or 'choose'} ▾ ]")
        if shown:
            lines.append(" ".join(shown))
    return lines


def message_lines(
    message: dict[str, Any],
    *,
    author: str = "Pacer",
    files: Sequence[str] = (),
    width: int = WIDTH,
    names: Namer = _no_names,
) -> list[str]:
    """The whole message: who wrote it (and whether only you see it), content, embeds, files."""
    flags = int(message.get("flags") or 0)
    who = f"{author} (only you can see this)" if flags & EPHEMERAL else author
    lines = [f"{who}:"]
    if content := message.get("content"):
        lines += ["  " + line for line in show_markdown(str(content), names).splitlines()]
    for embed in message.get("embeds") or []:
        lines += ["  " + line for line in embed_box(embed, width - 2, names)]
    lines += ["  " + line for line in component_lines(message.get("components") or [])]
    lines += [f"  📎 {path}" for path in files]
    return lines


def modal_lines(modal: dict[str, Any]) -> list[str]:
    """A modal's title and its fields, as the sandbox will ask for them one per line."""
    fields = modal_fields(modal)
    lines = [f"Form: {modal.get('title', '')} (one line per field; an empty line leaves it empty)"]
    for f in fields:
        need = " (required)" if f.get("required", True) else ""
        lines.append(f"  {f.get('label', f.get('custom_id'))}{need}")
    return lines


def modal_fields(modal: dict[str, Any]) -> list[dict[str, Any]]:
    """The text inputs of a modal, in order (inside action rows or labels)."""
    fields = []
    for component in walk_components(modal.get("components") or []):
        if component.get("type") == 4:
            field = dict(component)
            field.setdefault("label", _label_of(modal, component))
            fields.append(field)
    return fields


def _label_of(modal: dict[str, Any], text_input: dict[str, Any]) -> str:
    # In the newer layout a Label component (type 18) wraps the input and holds its label.
    for component in walk_components(modal.get("components") or []):
        if component.get("type") == 18 and component.get("component") is text_input:
            return str(component.get("label", ""))
    return str(text_input.get("custom_id", ""))
