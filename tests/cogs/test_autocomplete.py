"""Every autocomplete in the tree answers, even when what it asks fails."""

from __future__ import annotations

from discord import app_commands

from .conftest import Team


def test_every_autocomplete_is_guarded(team: Team) -> None:
    guarded = []
    for command in team.bot.tree.walk_commands():
        if not isinstance(command, app_commands.Command):
            continue
        for param in command._params.values():
            if param.autocomplete is not None:
                assert hasattr(param.autocomplete, "__wrapped__"), (
                    f"/{command.qualified_name} {param.name}: wrap it in always_answers"
                )
                guarded.append(f"{command.qualified_name} {param.name}")
    assert len(guarded) >= 6, guarded
