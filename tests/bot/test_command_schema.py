"""The commands Discord knows about change only on `pacer sync`: this shows when one is due."""

from __future__ import annotations

import json

from bot.schema import SNAPSHOT, command_schema, dumps


async def test_command_schema_matches_snapshot() -> None:
    current = dumps(await command_schema())
    committed = SNAPSHOT.read_text(encoding="utf-8")
    assert current == committed, (
        "the command schema changed: update the snapshot with `python -m bot.schema --write`, "
        "commit it, and run `pacer sync` after deploying so Discord shows the new commands"
    )


async def test_schema_is_sync_payload_shape() -> None:
    schema = json.loads(dumps(await command_schema()))
    names = [c["name"] for c in schema]
    assert "help" in names and "ping" in names
    for command in schema:
        assert 1 <= len(command["name"]) <= 32
        if command.get("type", 1) == 1:
            # Slash command names are lowercase; menu names ("Log splits") may have capitals.
            assert command["name"] == command["name"].lower() and " " not in command["name"]
            assert 1 <= len(command["description"]) <= 100
