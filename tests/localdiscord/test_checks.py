"""Discord's limits on what a bot sends, checked without a bot."""

from __future__ import annotations

from typing import Any

import pytest

from bot.localdiscord.checks import (
    check_autocomplete_choices,
    check_command_schema,
    check_message,
    check_modal,
)
from bot.localdiscord.errors import APIError


def refusal(payload: dict[str, Any], **kwargs: Any) -> APIError:
    with pytest.raises(APIError) as caught:
        check_message(payload, **kwargs)
    return caught.value


def field_path(error: APIError) -> list[str]:
    path: list[str] = []
    node = error.errors or {}
    while "_errors" not in node:
        key = next(iter(node))
        path.append(key)
        node = node[key]
    return path


def test_content_up_to_2000_characters() -> None:
    check_message({"content": "x" * 2000})
    error = refusal({"content": "x" * 2001})
    assert (error.status, error.code, field_path(error)) == (400, 50035, ["content"])


def test_empty_message_is_refused_but_an_edit_may_touch_one_field() -> None:
    assert refusal({"content": ""}).code == 50006
    check_message({"embeds": [{"title": "x"}]})
    check_message({"flags": 4}, creating=False)


@pytest.mark.parametrize(
    ("embed", "path"),
    [
        ({"title": "x" * 257}, ["embeds", "0", "title"]),
        ({"description": "x" * 4097}, ["embeds", "0", "description"]),
        ({"fields": [{"name": "a", "value": "b"}] * 26}, ["embeds", "0", "fields"]),
        ({"fields": [{"name": "x" * 257, "value": "b"}]}, ["embeds", "0", "fields", "0", "name"]),
        ({"fields": [{"name": "a", "value": "x" * 1025}]}, ["embeds", "0", "fields", "0", "value"]),
        ({"fields": [{"name": "a", "value": ""}]}, ["embeds", "0", "fields", "0", "value"]),
        ({"footer": {"text": "x" * 2049}}, ["embeds", "0", "footer", "text"]),
        ({"author": {"name": "x" * 257}}, ["embeds", "0", "author", "name"]),
    ],
)
def test_each_embed_limit(embed: dict[str, Any], path: list[str]) -> None:
    assert field_path(refusal({"embeds": [embed]})) == path


def test_embed_limits_are_inclusive() -> None:
    check_message(
        {
            "embeds": [
                {
                    "title": "x" * 256,
                    "description": "x" * 4096,
                    "fields": [{"name": "n" * 256, "value": "v" * 1024}],
                    "footer": {"text": "f"},
                }
            ]
        }
    )


def test_at_most_ten_embeds_and_6000_characters_in_all() -> None:
    check_message({"embeds": [{"title": "x"}] * 10})
    assert field_path(refusal({"embeds": [{"title": "x"}] * 11})) == ["embeds"]
    check_message({"embeds": [{"description": "x" * 3000}, {"description": "x" * 3000}]})
    over = refusal({"embeds": [{"description": "x" * 3000}, {"description": "x" * 3001}]})
    assert over.errors == {
        "embeds": {
            "_errors": [
                {
                    "code": "MAX_EMBED_SIZE_EXCEEDED",
                    "message": "Embed size exceeds maximum size of 6000",
                }
            ]
        }
    }


def test_allowed_mentions_shape() -> None:
    check_message({"content": "hi", "allowed_mentions": {"parse": []}})
    assert refusal({"content": "hi", "allowed_mentions": {"parse": ["here"]}}).code == 50035
    both = {"parse": ["users"], "users": ["1"]}
    assert refusal({"content": "hi", "allowed_mentions": both}).code == 50035


def test_components_rows_and_unique_custom_ids() -> None:
    button = {"type": 2, "style": 1, "label": "Go", "custom_id": "go"}
    check_message({"components": [{"type": 1, "components": [button]}]})
    twice = [{"type": 1, "components": [button, button]}]
    assert field_path(refusal({"components": twice})) == [
        "components",
        "0",
        "components",
        "1",
        "custom_id",
    ]
    six_rows = [{"type": 1, "components": [{**button, "custom_id": f"b{i}"}]} for i in range(6)]
    assert field_path(refusal({"components": six_rows})) == ["components"]


def test_modal_shape() -> None:
    text = {"type": 4, "custom_id": "splits", "label": "Splits", "style": 1}
    check_modal(
        {"title": "Log", "custom_id": "m", "components": [{"type": 1, "components": [text]}]}
    )
    with pytest.raises(APIError):
        check_modal(
            {"title": "x" * 46, "custom_id": "m", "components": [{"type": 1, "components": [text]}]}
        )
    with pytest.raises(APIError):
        check_modal({"title": "Log", "custom_id": "m", "components": []})


def test_autocomplete_choices() -> None:
    check_autocomplete_choices([{"name": "ana", "value": "ana"}] * 25, 3)
    with pytest.raises(APIError):
        check_autocomplete_choices([{"name": "ana", "value": "ana"}] * 26, 3)
    with pytest.raises(APIError):
        check_autocomplete_choices([{"name": "one", "value": "1"}], 4)


def option(name: str, **extra: Any) -> dict[str, Any]:
    return {"type": 3, "name": name, "description": "d", **extra}


@pytest.mark.parametrize(
    ("command", "complaint"),
    [
        ({"name": "Log", "description": "d"}, "APPLICATION_COMMAND_INVALID_NAME"),
        ({"name": "log", "description": ""}, "BASE_TYPE_BAD_LENGTH"),
        ({"name": "log", "description": "x" * 101}, "BASE_TYPE_BAD_LENGTH"),
        (
            {
                "name": "log",
                "description": "d",
                "options": [option("a"), option("b", required=True)],
            },
            "REQUIRED_INVALID",
        ),
        (
            {
                "name": "log",
                "description": "d",
                "options": [option("a", autocomplete=True, choices=[{"name": "x", "value": "x"}])],
            },
            "CHOICES_AUTOCOMPLETE",
        ),
        (
            {"name": "log", "description": "d", "options": [option(f"o{i}") for i in range(26)]},
            "BASE_TYPE_MAX_LENGTH",
        ),
    ],
)
def test_command_schema_refusals(command: dict[str, Any], complaint: str) -> None:
    with pytest.raises(APIError) as caught:
        check_command_schema([command])
    assert complaint in str(caught.value.errors)


def test_context_menu_names_may_have_capitals_and_spaces() -> None:
    check_command_schema([{"name": "Log splits", "type": 3}, {"name": "log", "description": "d"}])
