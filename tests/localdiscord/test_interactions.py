"""A real discord.py bot driven end to end through the local Discord."""

from __future__ import annotations

import discord
import pytest

from bot.localdiscord import CommandRefused, Upload

from .conftest import PNG, Env


async def test_slash_command_round_trip(env: Env) -> None:
    reply = await env.discord.slash(env.ana, env.training, "log", splits="2:26 2:28", reps=6)

    assert reply.response_kind == "message"
    assert reply.content == "2:26 2:28 x6 (intervals)"
    assert not reply.ephemeral
    assert reply.message in env.training.messages
    assert reply.message is not None and reply.message.author is env.discord.bot_user


async def test_choice_given_by_name_is_sent_as_its_value(env: Env) -> None:
    reply = await env.discord.slash(env.ana, env.training, "log", splits="5:00", kind="Easy run")

    assert reply.content == "5:00 x1 (easy)"
    sent = reply.payload["data"]["options"]
    assert {"name": "kind", "type": 3, "value": "easy"} in sent


@pytest.mark.parametrize(
    ("values", "complaint"),
    [
        ({"splits": "2:26", "reps": 0}, "between 1 and 20"),
        ({"splits": "2:26", "reps": 21}, "between 1 and 20"),
        ({"splits": "2:26", "reps": "6"}, "takes a number"),
        ({"splits": "2:26", "reps": 2.5}, "whole number"),
        ({"reps": 2}, "required option 'splits'"),
        ({"splits": "2:26", "pace": "fast"}, "unknown option"),
        ({"splits": "2:26", "kind": "tempo"}, "one of the choices"),
        ({"splits": ""}, "no empty text"),
    ],
)
async def test_calls_the_discord_client_could_not_make_are_refused(
    env: Env, values: dict[str, object], complaint: str
) -> None:
    with pytest.raises(CommandRefused, match=complaint):
        await env.discord.slash(env.ana, env.training, "log", options=values)
    assert not env.discord.rest.interactions  # nothing reached the bot


async def test_unknown_command_and_missing_subcommand_are_refused(env: Env) -> None:
    with pytest.raises(CommandRefused, match=r"no slash command named 'lgo'.*log"):
        await env.discord.slash(env.ana, env.training, "lgo")
    with pytest.raises(CommandRefused, match=r"needs a subcommand.*/wod post"):
        await env.discord.slash(env.ana, env.training, "wod")


async def test_command_hidden_without_default_member_permissions(env: Env) -> None:
    with pytest.raises(CommandRefused, match="cannot see /settings"):
        await env.discord.slash(env.ana, env.training, "settings")
    reply = await env.discord.slash(env.coach, env.training, "settings")
    assert reply.content == "settings"


async def test_synced_schema_is_captured(env: Env) -> None:
    names = {(c["type"], c["name"]) for c in env.discord.synced_commands()}
    assert {(1, "log"), (1, "wod"), (3, "Log splits"), (2, "Profile")} <= names
    log = env.discord.command("log")
    reps = next(o for o in log["options"] if o["name"] == "reps")
    assert (reps["min_value"], reps["max_value"], reps.get("required", False)) == (1, 20, False)
    assert len(env.discord.registry.syncs) == 1


async def test_subcommand_group(env: Env) -> None:
    reply = await env.discord.slash(env.coach, env.training, ("wod", "post"), workout="6x1000")

    assert reply.content == "WOD: 6x1000"
    assert [b["label"] for b in reply.original.buttons()] == ["Log my splits", "Refresh"]


async def test_autocomplete(env: Env) -> None:
    reply = await env.discord.autocomplete(env.ana, env.training, "sessions", "athlete", "an")

    assert reply.response_kind == "autocomplete"
    assert [c["value"] for c in reply.choices or []] == ["ana", "andre"]


async def test_autocomplete_on_an_option_without_it_is_refused(env: Env) -> None:
    with pytest.raises(CommandRefused, match="has no autocomplete"):
        await env.discord.autocomplete(env.ana, env.training, "log", "splits", "2:")


async def test_defer_then_follow_up_with_a_file(env: Env) -> None:
    reply = await env.discord.slash(env.ana, env.training, "report")

    assert reply.response_kind == "deferred"
    assert reply.content == "report ready"
    assert reply.files == {"report.csv": b"day,km\n1,10\n"}
    assert reply.followups == [reply.message]  # the first follow-up replaces "thinking..."
    assert not reply.original.loading


async def test_embed_over_the_limit_is_refused_like_discord(env: Env) -> None:
    reply = await env.discord.slash(env.ana, env.training, "huge")
    assert reply.error_codes == [50035]  # slash() returns at the first refusal
    assert not reply.acknowledged

    await reply.wait_for(lambda r: r.acknowledged)  # the bot then reports the failure
    too_long = {"code": "BASE_TYPE_MAX_LENGTH", "message": "Must be 4096 or fewer in length."}
    assert reply.errors[0].errors == {
        "data": {"embeds": {"0": {"description": {"_errors": [too_long]}}}}
    }
    assert reply.content == "refused 400/50035"
    assert [m.content for m in env.training.messages] == ["refused 400/50035"]


async def test_answer_after_three_seconds_is_an_unknown_interaction(env: Env) -> None:
    reply = await env.discord.slash(env.ana, env.training, "late", wait=False)
    await env.bot.entered.wait()
    env.clock.advance(3.01)
    env.bot.release.set()
    await reply.wait_for(lambda r: bool(r.errors))

    assert reply.error_codes == [10062]
    assert reply.errors[0].status == 404
    assert not reply.acknowledged


async def test_answer_just_inside_three_seconds_is_accepted(env: Env) -> None:
    reply = await env.discord.slash(env.ana, env.training, "late", wait=False)
    await env.bot.entered.wait()
    env.clock.advance(2.9)
    env.bot.release.set()
    await reply.wait_for(lambda r: r.settled)

    assert reply.content == "finally"
    assert not reply.errors


async def test_follow_up_after_fifteen_minutes_is_refused(env: Env) -> None:
    reply = await env.discord.slash(env.ana, env.training, "slowreport", wait=False)
    await env.bot.entered.wait()
    assert reply.response_kind == "deferred" and reply.ephemeral
    env.clock.advance(15 * 60 + 1)
    env.bot.release.set()
    await reply.wait_for(lambda r: bool(r.errors))

    assert reply.error_codes == [50027]
    assert reply.message is not None and reply.original.loading


async def test_follow_up_within_fifteen_minutes_is_accepted(env: Env) -> None:
    reply = await env.discord.slash(env.ana, env.training, "slowreport", wait=False)
    await env.bot.entered.wait()
    env.clock.advance(14 * 60)
    env.bot.release.set()
    await reply.wait_for(lambda r: r.settled)

    assert reply.content == "done" and reply.ephemeral
    assert reply.message not in env.training.messages  # ephemeral: only the user sees it


async def test_second_initial_response_is_already_acknowledged(env: Env) -> None:
    reply = await env.discord.slash(env.ana, env.training, "twice")
    followup = await reply.wait_for(lambda r: bool(r.followups))

    assert reply.content == "first"
    assert reply.error_codes == [40060]
    assert followup.followups[0].content == "second refused 400/40060"


async def test_persistent_button_opens_a_modal_and_the_modal_round_trips(env: Env) -> None:
    post = await env.discord.slash(env.coach, env.training, "wod post", workout="6x1000")
    assert post.original is not None

    click = await env.discord.press(env.ana, post.original, "Log my splits")
    assert click.response_kind == "modal" and click.modal is not None
    assert [f.label for f in click.modal.fields()] == ["Splits", "Notes"]

    submit = await env.discord.submit_modal(
        env.ana, click.modal, {"Splits": "2:26 2:28", "notes": "windy"}
    )
    assert submit.content == "logged 2:26 2:28 (windy)"
    assert submit.ephemeral
    assert submit.payload["data"]["components"][0]["components"][0] == {
        "type": 4,
        "custom_id": "splits",
        "value": "2:26 2:28",
    }


async def test_modal_with_labels_text_and_a_select(env: Env) -> None:
    opened = await env.discord.slash(env.ana, env.training, "feedback")
    assert opened.modal is not None
    fields = opened.modal.fields()
    assert [(f.label, f.custom_id, f.kind) for f in fields] == [
        ("Effort (1-10)", "effort", 4),
        ("Feeling", "feeling", 3),
    ]
    with pytest.raises(CommandRefused, match=r"'Feeling'.*fresh"):
        await env.discord.submit_modal(env.ana, opened.modal, {"Effort (1-10)": "7"})

    submit = await env.discord.submit_modal(
        env.ana, opened.modal, {"Effort (1-10)": "7", "Feeling": "tired"}
    )
    assert submit.content == "effort 7, tired"


async def test_modal_checks_required_fields_and_single_submission(env: Env) -> None:
    post = await env.discord.slash(env.coach, env.training, "wod post", workout="6x1000")
    click = await env.discord.press(env.ana, post.original, "pacer:wod:log")
    assert click.modal is not None
    with pytest.raises(CommandRefused, match="'Splits' of 'Log splits' is required"):
        await env.discord.submit_modal(env.ana, click.modal, {"Notes": "no splits"})
    with pytest.raises(CommandRefused, match="no field"):
        await env.discord.submit_modal(env.ana, click.modal, {"Time": "2:26"})
    with pytest.raises(CommandRefused, match="opened for ana"):
        await env.discord.submit_modal(env.coach, click.modal, {"Splits": "2:26"})
    await env.discord.submit_modal(env.ana, click.modal, {"Splits": "2:26"})
    with pytest.raises(CommandRefused, match="already submitted"):
        await env.discord.submit_modal(env.ana, click.modal, {"Splits": "2:26"})


async def test_button_deferred_update_then_edit(env: Env) -> None:
    post = await env.discord.slash(env.coach, env.training, "wod post", workout="6x1000")
    click = await env.discord.press(env.ana, post.original, "Refresh")

    assert click.response_kind == "deferred_update"
    assert click.message is post.original
    assert post.original.content == "WOD: 6 x 1000 (refreshed)"
    assert post.original.edits[-1]["content"] == "WOD: 6 x 1000 (refreshed)"


async def test_select_updates_the_message(env: Env) -> None:
    post = await env.discord.slash(env.ana, env.training, "pace")
    with pytest.raises(CommandRefused, match="not options"):
        await env.discord.select(env.ana, post.original, "pacer:pace", ["sprint"])
    with pytest.raises(CommandRefused, match="takes 1 to 1 values"):
        await env.discord.select(env.ana, post.original, "pacer:pace", ["easy", "tempo"])

    picked = await env.discord.select(env.ana, post.original, "Pick a pace", ["tempo"])

    assert picked.response_kind == "update_message"
    assert post.original.content == "pace: tempo"
    assert post.original.components == []
    with pytest.raises(CommandRefused, match="no string select"):
        await env.discord.select(env.ana, post.original, "pacer:pace", ["easy"])


async def test_missing_button_is_refused(env: Env) -> None:
    post = await env.discord.slash(env.coach, env.training, "wod post", workout="6x1000")
    with pytest.raises(CommandRefused, match=r"no button 'Delete'.*Log my splits"):
        await env.discord.press(env.ana, post.original, "Delete")


async def test_message_context_menu(env: Env) -> None:
    said = await env.discord.say(env.ana, env.training, "2:26 / 2:28 / 2:26")
    reply = await env.discord.context_menu(env.coach, said, "Log splits")

    assert reply.content == "splits from ana: 2:26 / 2:28 / 2:26"
    assert reply.ephemeral


async def test_user_context_menu(env: Env) -> None:
    reply = await env.discord.context_menu(env.coach, env.ana, "Profile", channel=env.training)

    assert reply.content == "profile of ana"


async def test_attachment_sent_by_the_bot(env: Env) -> None:
    reply = await env.discord.slash(env.ana, env.training, "chart")

    assert reply.files == {"chart.png": PNG}
    assert reply.original.attachments[0].size == len(PNG)


async def test_attachment_option_is_downloadable_by_the_bot(env: Env) -> None:
    reply = await env.discord.slash(
        env.ana, env.training, "upload", file=Upload("splits.csv", b"rep,time\n1,2:26\n")
    )

    assert reply.content == "splits.csv: 16 bytes, b'rep,'"


async def test_deleted_channel_is_unknown(env: Env) -> None:
    gone = env.guild.add_channel("announcements")
    env.bot.announce_channel_id = gone.id
    gone.delete()

    reply = await env.discord.slash(env.coach, env.training, "announce", text="race on Sunday")

    assert reply.content == "cannot post: 404/10003"
    assert [e.code for e in env.discord.errors] == [10003]


async def test_channel_the_bot_cannot_write_to_is_forbidden(env: Env) -> None:
    news = env.guild.add_channel("news")
    news.set_bot_can_send(False)
    env.bot.announce_channel_id = news.id

    refused = await env.discord.slash(env.coach, env.training, "announce", text="race")
    assert refused.content == "cannot post: 403/50013"
    assert not news.messages

    news.set_bot_can_send(True)
    posted = await env.discord.slash(env.coach, env.training, "announce", text="race")
    assert posted.content == "posted"
    assert [m.content for m in news.messages] == ["race"]


async def test_message_create_and_allowed_mentions(env: Env) -> None:
    said = await env.discord.say(env.ana, env.training, "echo @everyone run at 6")
    echoed = await env.discord.wait_for_message(env.training, after=said)

    assert echoed.content == "@everyone run at 6"
    assert echoed.allowed_mentions == {"parse": []}
    assert echoed.pings().nobody

    said = await env.discord.say(env.ana, env.training, "loud @everyone run at 6")
    loud = await env.discord.wait_for_message(env.training, after=said)
    assert loud.pings().everyone


async def test_direct_message(env: Env) -> None:
    reply = await env.discord.slash(env.ana, env.training, "remind")

    assert reply.content == "sent"
    assert [m.content for m in env.discord.dm(env.ana).messages] == ["do your strides"]


async def test_slash_command_in_a_dm(env: Env) -> None:
    reply = await env.discord.slash(env.ana, env.discord.dm(env.ana), "log", splits="2:26")

    assert reply.content == "2:26 x1 (intervals)"
    assert "guild_id" not in reply.payload and reply.payload["user"]["username"] == "ana"


async def test_guild_only_command_is_refused_in_a_dm(env: Env) -> None:
    with pytest.raises(CommandRefused, match="cannot be used in DMs"):
        await env.discord.slash(env.ana, env.discord.dm(env.ana), "settings")


async def test_activity_feed_lists_messages_as_they_happen(env: Env) -> None:
    feed = env.discord.activity()
    await env.discord.slash(env.coach, env.training, "wod post", workout="6x1000")
    first = await anext(feed)
    assert (first.kind, first.message.content) == ("created", "WOD: 6x1000")
    await env.discord.press(env.ana, first.message, "Refresh")
    second = await anext(feed)
    assert (second.kind, second.message) == ("edited", first.message)
    await feed.aclose()


async def test_acting_without_a_running_bot_fails_at_once() -> None:
    from bot.localdiscord import LocalDiscord

    async with LocalDiscord() as local:
        guild = local.add_guild("Track Club")
        ana = guild.add_member("ana")
        with pytest.raises(RuntimeError, match="no bot is connected"):
            await local.slash(ana, guild.add_channel("training"), "log", splits="2:26")


async def test_guild_commands_exist_only_in_their_guild(env: Env) -> None:
    other = env.discord.add_guild("Other Club")
    stranger = other.add_member("sam")
    lobby = other.add_channel("lobby")
    await env.discord.wait_until(lambda: env.bot.get_guild(other.id) is not None)

    @discord.app_commands.command(description="Club only")
    async def club(interaction: discord.Interaction) -> None:
        await interaction.response.send_message(f"club {interaction.guild_id}")

    env.bot.tree.add_command(club, guild=discord.Object(env.guild.id))
    await env.bot.tree.sync(guild=discord.Object(env.guild.id))

    assert [c["name"] for c in env.discord.synced_commands(env.guild)] == ["club"]
    reply = await env.discord.slash(env.ana, env.training, "club")
    assert reply.content == f"club {env.guild.id}"
    assert reply.payload["data"]["guild_id"] == str(env.guild.id)
    with pytest.raises(CommandRefused, match="no slash command named 'club'"):
        await env.discord.slash(stranger, lobby, "club")


async def test_role_given_while_running_reaches_the_bot(env: Env) -> None:
    env.ana.add_roles(env.guild.role("coach"))
    guild = env.bot.get_guild(env.guild.id)
    assert guild is not None

    def has_coach_role() -> bool:
        member = guild.get_member(env.ana.id)
        return member is not None and any(r.name == "coach" for r in member.roles)

    await env.discord.wait_until(has_coach_role)
    reply = await env.discord.slash(env.ana, env.training, "settings")
    assert reply.content == "settings"


async def test_ephemeral_message_components_belong_to_its_user(env: Env) -> None:
    post = await env.discord.slash(env.ana, env.training, "pace", private=True)
    assert post.ephemeral and post.original is not None
    with pytest.raises(CommandRefused, match="only ana sees it"):
        await env.discord.select(env.coach, post.original, "pacer:pace", ["easy"])
    picked = await env.discord.select(env.ana, post.original, "pacer:pace", ["easy"])
    assert picked.message is post.original and post.original.content == "pace: easy"
