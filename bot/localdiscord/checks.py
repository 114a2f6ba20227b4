"""What Discord checks on what a bot sends: message limits, component and modal shapes, the
command schema a sync uploads, and autocomplete results. Each failure is an `APIError` shaped like
Discord's (mostly 400 / 50035 Invalid Form Body with the offending field's path)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from .errors import EMPTY_MESSAGE, APIError, form_error

MAX_CONTENT = 2000
MAX_EMBEDS = 10
MAX_EMBED_TOTAL = 6000
EMBED_LIMITS = {"title": 256, "description": 4096}
MAX_FIELDS = 25
MAX_FIELD_NAME = 256
MAX_FIELD_VALUE = 1024
MAX_FOOTER = 2048
MAX_AUTHOR = 256
MAX_FILES = 10
MAX_NONCE = 25  # a message nonce: an integer or a string of up to 25 characters
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
MAX_CHOICES = 25

_COMMAND_NAME = re.compile(r"^[-_'\w]{1,32}$")


def _too_long(path: Sequence[str | int], limit: int) -> APIError:
    return form_error(path, "BASE_TYPE_MAX_LENGTH", f"Must be {limit} or fewer in length.")


def check_embed(embed: Any, path: list[str | int]) -> int:
    """Check one embed; return its character count toward the 6000 total."""
    if not isinstance(embed, dict):
        raise form_error(path, "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType")
    total = 0
    for key, limit in EMBED_LIMITS.items():
        text = embed.get(key)
        if text is None:
            continue
        if len(text) > limit:
            raise _too_long([*path, key], limit)
        total += len(text)
    fields = embed.get("fields") or []
    if len(fields) > MAX_FIELDS:
        raise _too_long([*path, "fields"], MAX_FIELDS)
    for index, item in enumerate(fields):
        where = [*path, "fields", index]
        for key, limit in (("name", MAX_FIELD_NAME), ("value", MAX_FIELD_VALUE)):
            text = item.get(key)
            if not text:
                raise form_error([*where, key], "BASE_TYPE_REQUIRED", "This field is required")
            if len(text) > limit:
                raise _too_long([*where, key], limit)
            total += len(text)
    footer = (embed.get("footer") or {}).get("text")
    if footer:
        if len(footer) > MAX_FOOTER:
            raise _too_long([*path, "footer", "text"], MAX_FOOTER)
        total += len(footer)
    author = (embed.get("author") or {}).get("name")
    if author:
        if len(author) > MAX_AUTHOR:
            raise _too_long([*path, "author", "name"], MAX_AUTHOR)
        total += len(author)
    return total


def check_allowed_mentions(allowed: Any) -> None:
    if allowed is None:
        return
    parse = allowed.get("parse", [])
    for index, kind in enumerate(parse):
        if kind not in ("roles", "users", "everyone"):
            raise form_error(
                ["allowed_mentions", "parse", index],
                "BASE_TYPE_CHOICES",
                f"Value must be one of ('roles', 'users', 'everyone'), not {kind!r}.",
            )
    for kind in ("users", "roles"):
        if kind in parse and allowed.get(kind):
            raise form_error(
                ["allowed_mentions"],
                "SET_TYPE_ALREADY_CONTAINS_VALUE",
                f"parse:[{kind}] and {kind}: [ids...] are mutually exclusive.",
            )


def check_components(components: Any) -> None:
    if not isinstance(components, list):
        raise form_error(["components"], "LIST_TYPE_CONVERT", "Must be a list.")
    seen: set[str] = set()
    for row_index, row in enumerate(components):
        if row.get("type") != 1:
            continue  # components v2 layouts are passed through unchecked
        children = row.get("components", [])
        if not 1 <= len(children) <= 5:
            raise form_error(
                ["components", row_index, "components"],
                "BASE_TYPE_BAD_LENGTH",
                "Must be between 1 and 5 in length.",
            )
        for index, child in enumerate(children):
            where: list[str | int] = ["components", row_index, "components", index]
            custom_id = child.get("custom_id")
            if custom_id is not None:
                if len(custom_id) > 100:
                    raise _too_long([*where, "custom_id"], 100)
                if custom_id in seen:
                    raise form_error(
                        [*where, "custom_id"],
                        "COMPONENT_CUSTOM_ID_DUPLICATED",
                        "Component custom id cannot be duplicated",
                    )
                seen.add(custom_id)
            label = child.get("label")
            if label is not None and len(label) > 80:
                raise _too_long([*where, "label"], 80)
    if len([r for r in components if r.get("type") == 1]) > 5:
        raise _too_long(["components"], 5)


def check_message(payload: dict[str, Any], *, n_files: int = 0, creating: bool = True) -> None:
    """Check a message body as Discord does on create (and, with `creating=False`, on edit)."""
    content = payload.get("content")
    if content is not None:
        if not isinstance(content, str):
            raise form_error(["content"], "BASE_TYPE_STRING", "Must be a string.")
        if len(content) > MAX_CONTENT:
            raise _too_long(["content"], MAX_CONTENT)
    embeds = payload.get("embeds") or []
    if len(embeds) > MAX_EMBEDS:
        raise _too_long(["embeds"], MAX_EMBEDS)
    total = 0
    for index, embed in enumerate(embeds):
        total += check_embed(embed, ["embeds", index])
    if total > MAX_EMBED_TOTAL:
        raise form_error(
            ["embeds"], "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000"
        )
    if "components" in payload and payload["components"] is not None:
        check_components(payload["components"])
    check_allowed_mentions(payload.get("allowed_mentions"))
    nonce = payload.get("nonce")
    if nonce is not None and len(str(nonce)) > MAX_NONCE:
        raise _too_long(["nonce"], MAX_NONCE)
    if n_files > MAX_FILES:
        raise _too_long(["files"], MAX_FILES)
    if creating and not (
        content or embeds or n_files or payload.get("components") or payload.get("sticker_ids")
    ):
        raise APIError(400, EMPTY_MESSAGE, "Cannot send an empty message")


def check_modal(data: Any) -> None:
    if not isinstance(data, dict):
        raise form_error([], "MODEL_TYPE_CONVERT", "Only dictionaries may be used")
    title = data.get("title") or ""
    if not 1 <= len(title) <= 45:
        raise form_error(["title"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 45.")
    custom_id = data.get("custom_id") or ""
    if not 1 <= len(custom_id) <= 100:
        raise form_error(["custom_id"], "BASE_TYPE_BAD_LENGTH", "Must be 1 to 100 long.")
    components = data.get("components") or []
    if not 1 <= len(components) <= 5:
        raise form_error(
            ["components"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length."
        )
    for index, row in enumerate(components):
        inner = row.get("components") or ([row["component"]] if "component" in row else [])
        label = row.get("label")
        for item in inner:
            if item.get("type") == 4:
                text_label = label if label is not None else item.get("label", "")
                if not 1 <= len(text_label or "") <= 45:
                    raise form_error(
                        ["components", index, "label"],
                        "BASE_TYPE_BAD_LENGTH",
                        "Must be between 1 and 45 in length.",
                    )


def check_autocomplete_choices(choices: Any, option_type: int) -> None:
    if not isinstance(choices, list):
        raise form_error(["choices"], "LIST_TYPE_CONVERT", "Must be a list.")
    if len(choices) > MAX_CHOICES:
        raise _too_long(["choices"], MAX_CHOICES)
    for index, choice in enumerate(choices):
        where: list[str | int] = ["choices", index]
        name = choice.get("name", "")
        if not 1 <= len(name) <= 100:
            raise form_error(
                [*where, "name"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length."
            )
        _check_choice_value(choice.get("value"), option_type, [*where, "value"])


def _check_choice_value(value: Any, option_type: int, where: list[str | int]) -> None:
    if option_type == 3:
        if not isinstance(value, str):
            raise form_error(where, "BASE_TYPE_STRING", "Must be a string.")
        if len(value) > 100:
            raise _too_long(where, 100)
    elif option_type == 4:
        if isinstance(value, bool) or not isinstance(value, int):
            raise form_error(where, "NUMBER_TYPE_COERCE", f"Value {value!r} is not int.")
    elif option_type == 10 and (isinstance(value, bool) or not isinstance(value, int | float)):
        raise form_error(where, "NUMBER_TYPE_COERCE", f"Value {value!r} is not a number.")


def check_command_schema(commands: Any) -> None:
    """What Discord refuses in a bulk overwrite of application commands."""
    if not isinstance(commands, list):
        raise form_error([], "LIST_TYPE_CONVERT", "Must be a list.")
    seen: set[tuple[int, str]] = set()
    slash_count = 0
    for index, command in enumerate(commands):
        kind = command.get("type", 1)
        name = command.get("name", "")
        key = (kind, name)
        if key in seen:
            raise form_error(
                [index, "name"], "APPLICATION_COMMAND_ALREADY_EXISTS", "Duplicate command name."
            )
        seen.add(key)
        if kind == 1:
            slash_count += 1
            if not _COMMAND_NAME.match(name) or name != name.lower():
                raise form_error(
                    [index, "name"],
                    "APPLICATION_COMMAND_INVALID_NAME",
                    f"Command name {name!r} is invalid (1-32 lowercase letters, digits, - or _).",
                )
            description = command.get("description", "")
            if not 1 <= len(description) <= 100:
                raise form_error(
                    [index, "description"],
                    "BASE_TYPE_BAD_LENGTH",
                    "Must be between 1 and 100 in length.",
                )
            _check_options(command.get("options") or [], [index, "options"])
        elif not 1 <= len(name) <= 32:
            raise form_error(
                [index, "name"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 32 in length."
            )
    if slash_count > 100:
        raise form_error([], "BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length.")


def _check_options(options: list[dict[str, Any]], path: list[str | int]) -> None:
    if len(options) > 25:
        raise _too_long(path, 25)
    optional_seen = False
    names: set[str] = set()
    for index, option in enumerate(options):
        where = [*path, index]
        name = option.get("name", "")
        if not _COMMAND_NAME.match(name) or name != name.lower():
            raise form_error(
                [*where, "name"], "APPLICATION_COMMAND_INVALID_NAME", f"Invalid name {name!r}."
            )
        if name in names:
            raise form_error(
                [*where, "name"], "APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS", "Duplicate."
            )
        names.add(name)
        if not 1 <= len(option.get("description", "")) <= 100:
            raise form_error(
                [*where, "description"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100."
            )
        if option.get("type") in (1, 2):
            _check_options(option.get("options") or [], [*where, "options"])
            continue
        if option.get("required"):
            if optional_seen:
                raise form_error(
                    [*where, "required"],
                    "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
                    "Required options must be placed before non-required options",
                )
        else:
            optional_seen = True
        choices = option.get("choices") or []
        if choices and option.get("autocomplete"):
            raise form_error(
                [*where, "autocomplete"],
                "APPLICATION_COMMAND_OPTIONS_CHOICES_AUTOCOMPLETE",
                "Autocomplete cannot be set with choices.",
            )
        if len(choices) > MAX_CHOICES:
            raise _too_long([*where, "choices"], MAX_CHOICES)
        for c_index, choice in enumerate(choices):
            _check_choice_value(
                choice.get("value"), option["type"], [*where, "choices", c_index, "value"]
            )
