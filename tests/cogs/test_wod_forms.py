"""The WOD's forms (modals) when several are open at once, and across a restart."""

from __future__ import annotations

import datetime as dt

from bot.wod_buttons import form_values
from tests.cogs.wod_env import START, WORKOUT, WodEnv

SPLITS = "3:21 3:19 3:20 3:18 3:22 3:15"


async def test_two_athletes_logging_the_same_wod_at_once_both_log(wod_env: WodEnv) -> None:
    env = wod_env
    await env.post()
    [post] = env.posts()
    ana_form = await env.discord.press(env.ana, post, "Log my splits")
    ben_form = await env.discord.press(env.ben, post, "Log my splits")
    ana = await env.discord.submit_modal(env.ana, ana_form.modal, {"Splits": SPLITS,
                                                                   "Notes": "ana's"})
    ben = await env.discord.submit_modal(env.ben, ben_form.modal, {"Splits": "3:30 3:30",
                                                                   "Notes": "ben's"})
    assert ana.embeds and ben.embeds, (ana.content, ben.content)
    rows = await env.bot.store.wod_results(env.guild.id, 1, include_hidden=True)
    assert sorted((r.athlete_id, r.notes, len(r.reps)) for r in rows) == sorted(
        [(env.ana.id, "ana's", 6), (env.ben.id, "ben's", 2)])


async def test_two_coaches_posting_at_once_each_post_their_own(wod_env: WodEnv) -> None:
    env = wod_env
    carla = env.coach
    dave = env.guild.add_member("dave", roles=[env.guild.role("coach")])
    carla_form = await env.discord.slash(carla, env.training, "wod post",
                                         workout="6 x 1000m @ 3:20", title="Carla's")
    dave_form = await env.discord.slash(dave, env.training, "wod post",
                                        workout="10 x 400m @ 75", title="Dave's")
    first = await env.discord.submit_modal(carla, carla_form.modal, {"notes": "from carla"})
    second = await env.discord.submit_modal(dave, dave_form.modal, {"notes": "from dave"})
    assert "Posted" in first.content and "Posted" in second.content, (first.content,
                                                                      second.content)
    rows = {r.id: r for r in await env.bot.store.list_wods(env.guild.id)}
    assert sorted((r.author_id, r.title, r.notes) for r in rows.values()) == sorted(
        [(carla.id, "Carla's", "from carla"), (dave.id, "Dave's", "from dave")])


async def test_log_form_opened_before_a_restart_is_submitted_after_it(wod_env: WodEnv) -> None:
    env = wod_env
    await env.post()
    [post] = env.posts()
    form = await env.discord.press(env.ana, post, "Log my splits")
    assert form.modal is not None
    await env.restart()
    done = await env.discord.submit_modal(env.ana, form.modal, {"Splits": SPLITS,
                                                                "Notes": "after"})
    assert done.ephemeral and done.embeds, done.content
    assert done.embeds[0]["footer"]["text"].startswith("Logged.")
    [row] = await env.bot.store.wod_results(env.guild.id, 1, include_hidden=True)
    assert (row.athlete_id, row.notes, row.interaction_id) == (env.ana.id, "after", done.id)


async def test_post_form_opened_before_a_restart_is_submitted_after_it(wod_env: WodEnv) -> None:
    env = wod_env
    form = await env.discord.slash(env.coach, env.training, "wod post", workout="6 x 1000m @ 3:20",
                                   when="tomorrow 6am", title="Hills")
    assert form.modal is not None
    await env.restart()  # the coach was still typing
    done = await env.discord.submit_modal(env.coach, form.modal, {"notes": "after the restart"})
    assert "Scheduled workout of the day #1" in done.content, done.content
    [row] = await env.bot.store.list_wods(env.guild.id)
    assert (row.author_id, row.title, row.notes, row.workout_text, row.publish_at) == (
        env.coach.id, "Hills", "after the restart", "6 x 1000m @ 3:20",
        dt.datetime(2026, 3, 3, 11, 0, tzinfo=dt.UTC))


async def test_edit_form_opened_before_a_restart_is_submitted_after_it(wod_env: WodEnv) -> None:
    env = wod_env
    await env.post(when="tomorrow 6am", notes="old notes")
    form = await env.discord.slash(env.coach, env.training, "wod edit", id=1, when="in 3 hours")
    assert form.modal is not None and form.modal.fields()[0].value == "old notes"
    await env.restart()
    done = await env.discord.submit_modal(env.coach, form.modal, {"notes": "new notes"})
    assert "Updated workout of the day #1" in done.content, done.content
    row = await env.bot.store.wod(env.guild.id, 1)
    assert row is not None and (row.notes, row.publish_at) == (
        "new notes", START + dt.timedelta(hours=3))


async def test_a_post_form_left_open_over_a_day_is_closed(wod_env: WodEnv) -> None:
    env = wod_env
    stale = await env.discord.slash(env.coach, env.training, "wod post", workout=WORKOUT)
    env.clock.advance(hours=25)
    await env.post(when="tomorrow 6am")  # opening a form forgets the abandoned ones
    late = await env.discord.submit_modal(env.coach, stale.modal, {"notes": "late"})
    assert late.ephemeral and "This form is closed" in late.content
    assert [w.notes for w in await env.bot.store.list_wods(env.guild.id)] == [None]


async def test_log_form_for_a_wod_gone_meanwhile_says_so(wod_env: WodEnv) -> None:
    env = wod_env
    await env.post()
    [post] = env.posts()
    form = await env.discord.press(env.ana, post, "Log my splits")
    await env.bot.store.forget_guild(env.guild.id)
    done = await env.discord.submit_modal(env.ana, form.modal, {"Splits": SPLITS})
    assert done.ephemeral and "There is no workout of the day #1" in done.content


def test_form_values_read_action_rows_and_labels() -> None:
    # Discord echoes a modal's text inputs in action rows (type 1) or, for inputs sent inside
    # labels, in labels (type 18); the local Discord sends rows, so labels are checked here.
    rows = [{"type": 1, "components": [{"type": 4, "custom_id": "splits", "value": "3:20"}]},
            {"type": 1, "components": [{"type": 4, "custom_id": "notes", "value": ""}]}]
    labels = [{"type": 18, "id": 1, "component": {"type": 4, "custom_id": "splits",
                                                    "value": "3:20"}},
              {"type": 18, "id": 2, "component": {"type": 4, "custom_id": "notes",
                                                    "value": "windy"}}]
    assert form_values(rows) == {"splits": "3:20", "notes": ""}
    assert form_values(labels) == {"splits": "3:20", "notes": "windy"}
    assert form_values(None) == {} and form_values([{"type": 4, "value": 3}]) == {}
