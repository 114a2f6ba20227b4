"""What a person types in the sandbox, read into actions (no Discord, no I/O here).

    /log splits: 2:26 2:28 workout: 6 x 1000m     a slash command; options by `name:`
    /wod post workout: 5 x 1 mile                  a subcommand
    @coach                                         speak as `coach` from now on
    press Log my splits                            press the button with that label
    pick tempo                                     pick an option in a select menu
    menu Log as splits                             a message's Apps menu, on the last message
    anything else                                  a plain message in the channel
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

MAX_LINE = 4000  # Discord's longest option value is 6000 in all; a typed line is bounded anyway

# Discord's application command option types.
SUB_COMMAND, SUB_COMMAND_GROUP = 1, 2
STRING, INTEGER, BOOLEAN, USER, CHANNEL, ROLE, MENTIONABLE, NUMBER, ATTACHMENT = range(3, 12)

NAME = re.compile(r"[a-z0-9_-]{1,32}")
SPEAKER = re.compile(r"@([\w.-]{1,32})")


class LineError(ValueError):
    """A typed line the sandbox cannot act on; the message says what would work."""


@dataclass(frozen=True, slots=True)
class Speak:
    name: str


@dataclass(frozen=True, slots=True)
class Slash:
    path: tuple[str, ...]  # ("wod", "post")
    options: dict[str, Any] = field(default_factory=dict)
    focused: str | None = None  # an option ending in `?` asks for autocomplete


@dataclass(frozen=True, slots=True)
class Press:
    label: str


@dataclass(frozen=True, slots=True)
class Pick:
    options: tuple[str, ...]  # option labels (or values), as typed


@dataclass(frozen=True, slots=True)
class Menu:
    name: str


@dataclass(frozen=True, slots=True)
class Say:
    text: str


@dataclass(frozen=True, slots=True)
class Help:
    pass


@dataclass(frozen=True, slots=True)
class Quit:
    pass


Action = Speak | Slash | Press | Pick | Menu | Say | Help | Quit


def read_line(line: str, schema: list[dict[str, Any]]) -> Action | None:
    """The action a typed line asks for; None for a blank line. Raises `LineError`."""
    text = line.strip()
    if not text:
        return None
    if len(text) > MAX_LINE:
        raise LineError(f"That line is {len(text)} characters long; keep it under {MAX_LINE}.")
    lowered = text.lower()
    if lowered in {"help", "?"}:
        return Help()
    if lowered in {"quit", "exit"}:
        return Quit()
    speaker = SPEAKER.fullmatch(text)
    if speaker and lowered not in {"@everyone", "@here"}:  # no member can have those names
        return Speak(speaker.group(1).lower())
    for word, kind in (("press ", Press), ("menu ", Menu)):
        if lowered == word.strip() or lowered.startswith(word):
            rest = text[len(word) :].strip()
            if not rest:
                raise LineError(f"Say what to {word.strip()}, e.g. `{word}Log my splits`.")
            return kind(rest)
    if lowered == "pick" or lowered.startswith("pick "):
        picked = tuple(p.strip() for p in text[4:].split(",") if p.strip())
        if not picked:
            raise LineError("Say what to pick, e.g. `pick tempo` (several: `pick easy, tempo`).")
        return Pick(picked)
    if text.startswith("/"):
        return read_slash(text, schema)
    return Say(text)


def _slash_commands(schema: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {c["name"]: c for c in schema if c.get("type", 1) == 1}


def read_slash(text: str, schema: list[dict[str, Any]]) -> Slash:
    commands = _slash_commands(schema)
    words = text[1:].split(maxsplit=1)
    name = words[0].lower() if words else ""
    rest = words[1] if len(words) > 1 else ""
    command = commands.get(name)
    if command is None:
        known = ", ".join(f"/{n}" for n in sorted(commands))
        raise LineError(f"There is no command /{name}. Commands: {known}.")
    path = [name]
    node = command
    # Walk subcommand groups and subcommands by their names.
    while True:
        subs = {
            o["name"]: o
            for o in node.get("options") or []
            if o.get("type") in (SUB_COMMAND, SUB_COMMAND_GROUP)
        }
        if not subs:
            break
        words = rest.split(maxsplit=1)
        sub = words[0].lower() if words else ""
        if sub not in subs:
            choices = " | ".join(sorted(subs))
            raise LineError(f"/{' '.join(path)} needs one of: {choices}.")
        path.append(sub)
        node = subs[sub]
        rest = words[1] if len(words) > 1 else ""
    options, focused = read_options(rest, node.get("options") or [], "/" + " ".join(path))
    return Slash(tuple(path), options, focused)


def read_options(
    text: str, schema: list[dict[str, Any]], command: str
) -> tuple[dict[str, Any], str | None]:
    """Split `a: 1 b: two words` on the option names the command has (values keep colons)."""
    by_name = {o["name"]: o for o in schema}
    usage = command + "".join(
        f" {o['name']}: …" if o.get("required") else f" [{o['name']}: …]" for o in schema
    )
    if not by_name:
        if text.strip():
            raise LineError(f"{command} takes no options.")
        return {}, None
    names = "|".join(re.escape(n) for n in sorted(by_name, key=len, reverse=True))
    marker = re.compile(rf"(?:^|(?<=\s))({names}):", re.IGNORECASE)
    found = list(marker.finditer(text))
    if text.strip() and (not found or text[: found[0].start()].strip()):
        lead = text[: found[0].start()].strip() if found else text.strip()
        raise LineError(f"“{lead[:40]}” is not an option. Use: {usage}")
    raw: dict[str, str] = {}
    for i, match in enumerate(found):
        end = found[i + 1].start() if i + 1 < len(found) else len(text)
        name = match.group(1).lower()
        if name in raw:
            raise LineError(f"`{name}:` is given twice. Use: {usage}")
        raw[name] = text[match.end() : end].strip()
    focused = None
    for name, value in raw.items():
        if value.endswith("?") and by_name[name].get("autocomplete"):
            focused = name
            raw[name] = value[:-1].rstrip()
    missing = [o["name"] for o in schema if o.get("required") and o["name"] not in raw]
    if missing and focused is None:
        raise LineError(f"{command} needs {', '.join(m + ':' for m in missing)} Use: {usage}")
    values = {name: convert(value, by_name[name], usage) for name, value in raw.items()}
    return values, focused


def convert(value: str, option: dict[str, Any], usage: str) -> Any:
    """A typed value as the option's type; users, channels and files stay names for the driver."""
    kind = option.get("type", STRING)
    name = option["name"]
    if value == "" and kind != STRING:
        raise LineError(f"`{name}:` is empty. Use: {usage}")
    choices = option.get("choices")
    if choices:
        # Discord shows a list; typing the choice's name (or its value) picks it.
        for choice in choices:
            if value.lower() in (str(choice["name"]).lower(), str(choice["value"]).lower()):
                return choice["value"]
        listed = ", ".join(str(c["name"]) for c in choices)
        raise LineError(f"`{name}:` is one of: {listed}.")
    if kind == INTEGER:
        try:
            return int(value.replace(",", "").replace("_", ""))
        except ValueError:
            raise LineError(f"`{name}:` must be a whole number, not “{value[:40]}”.") from None
    if kind == NUMBER:
        try:
            return float(value)
        except ValueError:
            raise LineError(f"`{name}:` must be a number, not “{value[:40]}”.") from None
    if kind == BOOLEAN:
        lowered = value.lower()
        if lowered in {"true", "yes", "y", "on", "1"}:
            return True
        if lowered in {"false", "no", "n", "off", "0"}:
            return False
        raise LineError(f"`{name}:` must be yes or no, not “{value[:40]}”.")
    if kind in (USER, MENTIONABLE, ROLE, CHANNEL):
        return value.lstrip("@#")
    return value
