"""The application commands the bot synced, and the interaction data a user's call produces.

Discord's client only lets a user send what the synced schema allows: existing commands and
subcommands, required options filled, values of the right type within min/max and lengths, one
of the choices. `build_slash_data` refuses (with `CommandRefused`) anything the UI could not send.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .errors import CommandRefused
from .state import (
    ADMINISTRATOR,
    Attachment,
    Channel,
    Guild,
    Member,
    Message,
    Role,
    User,
)

OPTION_TYPE_NAMES = {
    1: "SUB_COMMAND",
    2: "SUB_COMMAND_GROUP",
    3: "STRING",
    4: "INTEGER",
    5: "BOOLEAN",
    6: "USER",
    7: "CHANNEL",
    8: "ROLE",
    9: "MENTIONABLE",
    10: "NUMBER",
    11: "ATTACHMENT",
}
COMMAND_TYPE_NAMES = {1: "slash command", 2: "user context menu", 3: "message context menu"}
MAX_SAFE_INTEGER = 2**53


@dataclass(frozen=True)
class Upload:
    """A file a user attaches to an ATTACHMENT option."""

    filename: str
    data: bytes
    content_type: str = "application/octet-stream"


MakeAttachment = Callable[[Upload], Attachment]


class CommandRegistry:
    """What `tree.sync()` uploaded, per scope (None = global, else a guild id)."""

    def __init__(self, application_id: int) -> None:
        self.application_id = application_id
        self.scopes: dict[int | None, list[dict[str, Any]]] = {}
        #  Every bulk overwrite, in order: (guild id or None, the body as the bot sent it).
        self.syncs: list[tuple[int | None, list[dict[str, Any]]]] = []
        self._ids = itertools.count(1_300_000_000_000_000_001)
        self._known_ids: dict[tuple[int | None, int, str], int] = {}

    def overwrite(self, guild_id: int | None, body: list[dict[str, Any]]) -> list[dict[str, Any]]:
        self.syncs.append((guild_id, body))
        stored: list[dict[str, Any]] = []
        for command in body:
            kind = command.get("type", 1)
            key = (guild_id, kind, command["name"])
            if key not in self._known_ids:
                self._known_ids[key] = next(self._ids)
            entry = {
                "default_member_permissions": None,
                "nsfw": False,
                "description": "",
                "options": [],
                **command,
                "id": str(self._known_ids[key]),
                "application_id": str(self.application_id),
                "type": kind,
                "version": str(self._known_ids[key] + len(self.syncs)),
            }
            if guild_id is not None:
                entry["guild_id"] = str(guild_id)
            stored.append(entry)
        self.scopes[guild_id] = stored
        return stored

    def list(self, guild_id: int | None) -> list[dict[str, Any]]:
        return self.scopes.get(guild_id, [])

    def find(self, guild: Guild | None, name: str, kind: int) -> dict[str, Any]:
        scopes = ([guild.id] if guild is not None else []) + [None]
        for scope in scopes:
            for command in self.scopes.get(scope, []):
                if command["name"] == name and command["type"] == kind:
                    return command
        available = sorted(
            f"{c['name']}"
            for scope in scopes
            for c in self.scopes.get(scope, [])
            if c["type"] == kind
        )
        hint = (
            f" Synced {COMMAND_TYPE_NAMES[kind]}s here: {', '.join(available)}."
            if available
            else " Nothing of that kind is synced: did the bot call tree.sync()?"
        )
        raise CommandRefused(f"no {COMMAND_TYPE_NAMES[kind]} named {name!r} is synced.{hint}")


def check_can_use(command: dict[str, Any], member: Member | None) -> None:
    """Discord hides commands a member lacks `default_member_permissions` for, and guild-only
    commands in DMs."""
    contexts = command.get("contexts")
    if member is None:
        if command.get("dm_permission") is False or (contexts is not None and 1 not in contexts):
            raise CommandRefused(f"/{command['name']} cannot be used in DMs")
        return
    if contexts is not None and 0 not in contexts:
        raise CommandRefused(f"/{command['name']} cannot be used in a guild")
    required = command.get("default_member_permissions")
    if required is None:
        return
    perms = member.permissions()
    needed = int(required)
    if perms & ADMINISTRATOR:
        return
    if needed == 0 or perms & needed != needed:
        raise CommandRefused(
            f"{member.name} cannot see /{command['name']}: it requires permissions {needed:#x}"
        )


def split_path(command: str | Sequence[str]) -> list[str]:
    parts = command.strip().lstrip("/").split() if isinstance(command, str) else list(command)
    if not parts:
        raise CommandRefused("empty command name; example: 'log' or ('wod', 'post')")
    return parts


def _describe_subcommands(options: list[dict[str, Any]], prefix: str) -> list[str]:
    found: list[str] = []
    for option in options:
        if option["type"] == 1:
            found.append(f"{prefix} {option['name']}")
        elif option["type"] == 2:
            found.extend(
                _describe_subcommands(option.get("options", []), f"{prefix} {option['name']}")
            )
    return found


def walk_to_leaf(
    command: dict[str, Any], path: list[str]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Follow subcommand group / subcommand names. Returns (the option schema of the leaf, the
    chain of subcommand options taken)."""
    options: list[dict[str, Any]] = command.get("options") or []
    chain: list[dict[str, Any]] = []
    rest = path[1:]
    while True:
        subs = [o for o in options if o["type"] in (1, 2)]
        if not subs:
            if rest:
                raise CommandRefused(f"/{command['name']} has no subcommand {' '.join(rest)!r}")
            return options, chain
        if not rest:
            choices = _describe_subcommands(options, "/" + " ".join(path))
            raise CommandRefused(
                f"/{' '.join(path)} needs a subcommand; choose one of: {', '.join(choices)}"
            )
        name, rest = rest[0], rest[1:]
        match = next((o for o in subs if o["name"] == name), None)
        if match is None:
            choices = _describe_subcommands(
                options, "/" + " ".join(path[: len(path) - len(rest) - 1])
            )
            raise CommandRefused(f"no subcommand {name!r}; choose one of: {', '.join(choices)}")
        chain.append(match)
        options = match.get("options") or []


class Resolver:
    """Collects `resolved` data for USER / CHANNEL / ROLE / ATTACHMENT / message targets."""

    def __init__(self, guild: Guild | None) -> None:
        self.guild = guild
        self.data: dict[str, dict[str, Any]] = {}

    def _put(self, kind: str, key: int, value: dict[str, Any]) -> None:
        self.data.setdefault(kind, {})[str(key)] = value

    def user(self, target: User | Member) -> int:
        user = target.user
        self._put("users", user.id, user.to_dict())
        if self.guild is not None and user.id in self.guild.members:
            member = self.guild.members[user.id]
            data = member.to_dict(with_user=False)
            data["permissions"] = str(member.permissions())
            self._put("members", user.id, data)
        return user.id

    def channel(self, channel: Channel) -> int:
        data = {
            "id": str(channel.id),
            "name": channel.name,
            "type": channel.type,
            "permissions": str(channel.bot_permissions()),
            "parent_id": None,
        }
        self._put("channels", channel.id, data)
        return channel.id

    def role(self, role: Role) -> int:
        self._put("roles", role.id, role.to_dict())
        return role.id

    def attachment(self, attachment: Attachment) -> int:
        self._put("attachments", attachment.id, attachment.to_dict())
        return attachment.id

    def message(self, message: Message) -> int:
        self._put("messages", message.id, message.to_dict())
        return message.id


def _label(option: dict[str, Any]) -> str:
    return f"option {option['name']!r} ({OPTION_TYPE_NAMES.get(option['type'], option['type'])})"


def convert_value(
    option: dict[str, Any],
    value: Any,
    resolver: Resolver,
    make_attachment: MakeAttachment,
) -> Any:
    """The JSON value Discord sends for `value`, after the checks its UI enforces."""
    kind = option["type"]
    label = _label(option)
    choices = option.get("choices") or []
    if choices:
        for choice in choices:
            if value == choice["value"] and type(value) is type(choice["value"]):
                return choice["value"]
        for choice in choices:
            if value == choice["name"]:
                return choice["value"]
        listed = ", ".join(f"{c['name']!r} (value {c['value']!r})" for c in choices)
        raise CommandRefused(f"{label} must be one of the choices: {listed}; got {value!r}")
    if kind == 3:
        if not isinstance(value, str):
            raise CommandRefused(f"{label} takes text, got {type(value).__name__} {value!r}")
        if not value:
            raise CommandRefused(f"{label}: Discord's client sends no empty text; leave it out")
        low, high = option.get("min_length", 0), option.get("max_length", 6000)
        if not low <= len(value) <= high:
            raise CommandRefused(
                f"{label} must be {low} to {high} characters long, got {len(value)}: {value!r}"
            )
        return value
    if kind in (4, 10):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise CommandRefused(f"{label} takes a number, got {value!r}")
        if kind == 4 and not isinstance(value, int):
            raise CommandRefused(f"{label} takes a whole number, got {value!r}")
        low = option.get("min_value", -MAX_SAFE_INTEGER)
        high = option.get("max_value", MAX_SAFE_INTEGER)
        if not low <= value <= high:
            raise CommandRefused(f"{label} must be between {low} and {high}, got {value!r}")
        return value
    if kind == 5:
        if not isinstance(value, bool):
            raise CommandRefused(f"{label} takes True or False, got {value!r}")
        return value
    if kind == 6:
        if not isinstance(value, User | Member):
            raise CommandRefused(f"{label} takes a user or member, got {value!r}")
        return str(resolver.user(value))
    if kind == 7:
        if not isinstance(value, Channel):
            raise CommandRefused(f"{label} takes a channel, got {value!r}")
        allowed = option.get("channel_types")
        if allowed and value.type not in allowed:
            raise CommandRefused(f"{label} accepts channel types {allowed}, not {value.type}")
        return str(resolver.channel(value))
    if kind == 8:
        if not isinstance(value, Role):
            raise CommandRefused(f"{label} takes a role, got {value!r}")
        return str(resolver.role(value))
    if kind == 9:
        if isinstance(value, Role):
            return str(resolver.role(value))
        if isinstance(value, User | Member):
            return str(resolver.user(value))
        raise CommandRefused(f"{label} takes a user, member or role, got {value!r}")
    if kind == 11:
        if isinstance(value, tuple) and len(value) == 2:
            value = Upload(value[0], value[1])
        if not isinstance(value, Upload):
            raise CommandRefused(f"{label} takes Upload(filename, data), got {value!r}")
        return str(resolver.attachment(make_attachment(value)))
    raise CommandRefused(f"{label}: unsupported option type")


def build_options(
    schema: list[dict[str, Any]],
    values: Mapping[str, Any],
    resolver: Resolver,
    make_attachment: MakeAttachment,
    *,
    focused: str | None = None,
) -> list[dict[str, Any]]:
    """Options as Discord sends them, in the user's order (here: schema order)."""
    by_name = {o["name"]: o for o in schema}
    unknown = [name for name in values if name not in by_name]
    if unknown:
        names = ", ".join(f"{o['name']}{'' if o.get('required') else '?'}" for o in schema)
        raise CommandRefused(f"unknown option(s) {unknown}; this command takes: {names or 'none'}")
    built: list[dict[str, Any]] = []
    for option in schema:
        name = option["name"]
        if name == focused:
            if not option.get("autocomplete"):
                raise CommandRefused(f"{_label(option)} has no autocomplete")
            built.append(
                {"name": name, "type": option["type"], "value": values[name], "focused": True}
            )
            continue
        if name not in values:
            if option.get("required") and focused is None:
                raise CommandRefused(f"required {_label(option)} is missing")
            continue
        value = convert_value(option, values[name], resolver, make_attachment)
        built.append({"name": name, "type": option["type"], "value": value})
    return built


def wrap_in_chain(chain: list[dict[str, Any]], leaf: list[dict[str, Any]]) -> list[dict[str, Any]]:
    options = leaf
    for sub in reversed(chain):
        options = [{"name": sub["name"], "type": sub["type"], "options": options}]
    return options
