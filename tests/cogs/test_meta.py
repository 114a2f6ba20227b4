"""/help with Pacer's real cogs: in the team's server and in a DM."""

from __future__ import annotations

from .conftest import Team


async def test_help_in_a_dm_says_the_commands_work_in_the_server(team: Team) -> None:
    reply = await team.discord.slash(team.ana, team.discord.dm(team.ana), "help")
    assert reply.ephemeral
    assert reply.embeds[0]["footer"]["text"].startswith(
        "These work in your team's server, not in a DM")
    here = await team.discord.slash(team.ana, team.training, "help")
    assert "not in a DM" not in here.embeds[0]["footer"]["text"]
