"""/pacer setup: shows and changes the team's settings, for Manage Server only."""

from __future__ import annotations

import pytest

from bot.localdiscord import CommandRefused

from .conftest import Team


async def test_setup_without_options_shows_the_settings(team: Team) -> None:
    reply = await team.discord.slash(team.owner, team.training, "pacer setup")
    assert reply.ephemeral
    text = reply.embeds[0]["description"]
    assert "Time zone: Europe/Paris" in text and "Units: km" in text
    assert f"<@&{team.guild.role('coach').id}>" in text


async def test_setup_changes_and_validates(team: Team) -> None:
    reply = await team.discord.slash(
        team.owner, team.training, "pacer setup", coach_role=team.guild.role("admins"),
        wod_channel=team.training, timezone="america/new_york", units="mi", privacy="hidden",
    )
    assert reply.embeds[0]["title"] == "Team settings updated"
    settings = await team.bot.store.guild_settings(team.guild.id)
    assert settings.timezone == "America/New_York" and settings.units == "imperial"
    assert settings.coach_role_id == team.guild.role("admins").id
    assert settings.wod_channel_id == team.training.id and settings.hidden_by_default


@pytest.mark.parametrize("zone", ["Mars/Olympus", "../../etc/passwd", "Europe/Paris "])
async def test_setup_refuses_a_zone_that_is_not_iana(team: Team, zone: str) -> None:
    reply = await team.discord.slash(team.owner, team.training, "pacer setup", timezone=zone)
    if zone.strip() == "Europe/Paris":
        assert reply.embeds
        return
    assert reply.ephemeral and "not an IANA time zone" in (reply.content or "")
    settings = await team.bot.store.guild_settings(team.guild.id)
    assert settings.timezone == "Europe/Paris"


@pytest.mark.parametrize(
    ("zone", "place"),
    [("est", "America/New_York"), ("EST", "America/New_York"), ("pst", "America/Los_Angeles")],
)
async def test_setup_names_the_place_for_an_abbreviation(team: Team, zone: str, place: str) -> None:
    """EST is a fixed offset: a team in New York would be an hour off all summer."""
    reply = await team.discord.slash(team.owner, team.training, "pacer setup", timezone=zone)
    assert reply.ephemeral and f"use {place}, which follows daylight saving" in (
        reply.content or "")
    settings = await team.bot.store.guild_settings(team.guild.id)
    assert settings.timezone == "Europe/Paris"


async def test_setup_is_for_manage_server(team: Team) -> None:
    with pytest.raises(CommandRefused):  # hidden by default_member_permissions
        await team.discord.slash(team.coach, team.training, "pacer setup", units="mi")
    settings = await team.bot.store.guild_settings(team.guild.id)
    assert settings.units == "metric"


async def test_timezone_autocomplete(team: Team) -> None:
    reply = await team.discord.autocomplete(team.owner, team.training, "pacer setup",
                                            "timezone", "paris")
    assert [c["value"] for c in reply.choices] == ["Europe/Paris"]
    every = await team.discord.autocomplete(team.owner, team.training, "pacer setup",
                                            "timezone", "")
    assert len(every.choices) == 25


async def test_new_team_privacy_default_hides_new_athletes(team: Team) -> None:
    await team.discord.slash(team.owner, team.training, "pacer setup", privacy="hidden")
    await team.log(team.cleo, "2:26 2:27")
    refused = await team.discord.slash(team.ana, team.training, "sessions", athlete=team.cleo)
    assert "keeps their sessions" in (refused.content or "")
