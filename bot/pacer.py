"""The bot: opens the store, loads the cogs, warms the date parser, and never pings anyone."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Protocol, TypeVar
from urllib.parse import quote

import discord
from discord.ext import commands
from discord.http import Route, json_or_text
from discord.webhook.async_ import async_context, interaction_response_params

from bot import answers, dates_warmup
from bot.charts import ChartWorker, render_in_thread
from bot.collector import QuietCollector
from bot.early_acks import EarlyAcks
from bot.extensions import EXTENSIONS
from bot.intake import SLICE_S, AcksFirst, InteractionIntake
from bot.settings import Settings
from bot.tree import PacerTree

if TYPE_CHECKING:
    from storage import Store

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
D = TypeVar("D")

# Connections kept open for answering interactions (see Pacer.answers, bot.answers).
ANSWER_CONNECTIONS = answers.CONNECTIONS
JSON = {"Content-Type": "application/json"}


class ChartRenderer(Protocol):
    async def render(self, fn: Callable[[D], bytes], data: D) -> bytes: ...

    def close(self) -> None: ...


class InThreadCharts:
    """Charts drawn in a worker thread: for tests and tools, where a stall of the loop while a
    chart draws does not matter and a separate process would only cost start-up time."""

    async def render(self, fn: Callable[[D], bytes], data: D) -> bytes:
        return await render_in_thread(fn, data)

    def close(self) -> None:
        pass


def intents() -> discord.Intents:
    # Slash commands, buttons and modals need no privileged intent; `guilds` keeps channels
    # and roles cached for scheduled posts and coach checks.
    return discord.Intents(guilds=True)


def _log_chart_start(task: asyncio.Task[None]) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.error("the chart worker did not start; charts start on first use",
                  exc_info=task.exception())


class Pacer(commands.Bot):
    """Pacer's `commands.Bot`. Cogs reach the database through `bot.store`."""

    tree: PacerTree

    def __init__(
        self,
        settings: Settings,
        *,
        db_path: str | None = None,
        clock: Clock | None = None,
        extensions: Sequence[str] = EXTENSIONS,
        warm_up_dates: bool = True,
        charts: ChartRenderer | None = None,
        start_charts: bool = False,
        freeze_heap: bool = False,
        answer_connections: int = ANSWER_CONNECTIONS,
        answers_through_aiohttp: bool = False,
        intake_slice_s: float | None = SLICE_S,
        early_defers: bool = True,
        quiet_collections: bool = False,
        **options: Any,
    ) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,
            help_command=None,
            intents=intents(),
            tree_cls=PacerTree,
            allowed_mentions=discord.AllowedMentions.none(),
            **options,
        )
        self.settings = settings
        self.db_path = db_path if db_path is not None else settings.db_path
        self.clock = clock
        self.extension_names: tuple[str, ...] = tuple(extensions)
        self._warm_up_dates = warm_up_dates
        self._store: Store | None = None
        self.dates_ready: asyncio.Task[None] | None = None
        # Charts render in a separate process by default, so the event loop never waits for
        # one (bench/charts.py); the process starts with the first chart.
        self.charts: ChartRenderer = charts if charts is not None else ChartWorker()
        # The real bot starts the chart process at start-up, in the background, so the first
        # /log does not wait for matplotlib; tests and tools start it on first use, if ever.
        self._start_charts = start_charts
        self.charts_ready: asyncio.Task[None] | None = None
        # The served bot freezes what start-up left alive (see freeze_startup_heap); tests,
        # which start many bots in one process, do not.
        self._freeze_heap = freeze_heap
        self.heap_frozen: asyncio.Task[None] | None = None
        self._answer_connections = answer_connections
        self._answers_through_aiohttp = answers_through_aiohttp
        self.answers: answers.AnswerSession | None = None
        # Interactions from the gateway are built a slice at a time (bot/intake.py); None:
        # as discord.py does, all those already received in one step.
        self.intake: InteractionIntake | None = None
        # The served bot runs full garbage collections itself, while quiet (bot/collector.py);
        # tests, which start many bots in one process, leave them to Python.
        self.collector = QuietCollector() if quiet_collections else None
        # Commands that defer from their gateway event register here (bot/early_acks.py); the
        # intake sends those defers as it reads the events (`early_defers`; without them each
        # handler defers, as discord.py does).
        self.early = EarlyAcks(self._send_early_defer)
        if intake_slice_s is not None:
            parsers = self._connection.parsers
            self.intake = InteractionIntake(parsers["INTERACTION_CREATE"],
                                            slice_s=intake_slice_s,
                                            early=self.early if early_defers else None)
            parsers["INTERACTION_CREATE"] = self.intake
        # What can wait after an acknowledgement waits for the others' (bot/intake.py).
        self.acks = AcksFirst(self.intake)

    async def _send_early_defer(self, interaction_id: int, token: str, ephemeral: bool) -> None:
        """What `interaction.response.defer(thinking=True)` sends, for an interaction not built
        yet: straight through `answers` (discord.py's adapter cost as much again, its rate
        limits do not apply to answers), or through the adapter where there is none."""
        data = {"flags": discord.MessageFlags(ephemeral=True).value} if ephemeral else None
        kind = discord.InteractionResponseType.deferred_channel_message.value
        if self.answers is None:
            session: Any = self.http._HTTPClient__session  # type: ignore[attr-defined]
            await async_context.get().create_interaction_response(
                interaction_id, token, session=session, proxy=self.http.proxy,
                proxy_auth=self.http.proxy_auth,
                params=interaction_response_params(type=kind, data=data))
            return
        url = f"{Route.BASE}/interactions/{interaction_id}/{quote(token, safe='')}/callback"
        body = discord.utils._to_json({"type": kind} if data is None else {"type": kind,
                                                                          "data": data})
        async with self.answers.request("POST", url, data=body, headers=JSON,
                                        proxy=self.http.proxy,
                                        proxy_auth=self.http.proxy_auth) as response:
            if response.status < 300:
                return
            answer = await json_or_text(response)
        error = {403: discord.Forbidden, 404: discord.NotFound}.get(
            response.status, discord.DiscordServerError if response.status >= 500
            else discord.HTTPException)
        raise error(response, answer)

    def now(self) -> datetime:
        """The current time (UTC, aware) from the injected clock: cogs ask here, not datetime."""
        return self.clock() if self.clock is not None else datetime.now(UTC)

    @property
    def store(self) -> Store:
        if self._store is None:
            raise RuntimeError("the store is open only between setup_hook and close")
        return self._store

    async def setup_hook(self) -> None:
        from storage import Store  # sqlite is not needed until the bot starts

        if self._warm_up_dates:
            # Off the event loop: the first parse imports and compiles a lot.
            self.dates_ready = asyncio.create_task(
                asyncio.to_thread(dates_warmup.warm_up), name="pacer-dates-warm-up"
            )
        start = getattr(self.charts, "start", None)
        if self._start_charts and start is not None:
            self.charts_ready = asyncio.create_task(start(), name="pacer-charts-start")
            self.charts_ready.add_done_callback(_log_chart_start)
        if self._answer_connections > 0:
            self.answers = answers.AnswerSession(
                self._answer_connections, all_through_aiohttp=self._answers_through_aiohttp)
        if self.clock is None:
            self._store = await Store.open(self.db_path)
        else:
            self._store = await Store.open(self.db_path, clock=self.clock)
        for name in self.extension_names:
            await self.load_extension(name)
        if self.collector is not None:
            self.collector.start()
        if self._freeze_heap:
            self.heap_frozen = asyncio.create_task(self.freeze_startup_heap(),
                                                   name="pacer-freeze-heap")
        log.info("loaded %d extensions; database %s", len(self.extension_names), self.db_path)

    async def freeze_startup_heap(self) -> None:
        """Once ready (guilds cached, the date parser warm), hide every object alive from the
        garbage collector for good. A full collection stops the event loop while it walks
        every tracked object; start-up leaves ~75,000 (modules, discord.py, dateparser's
        tables) that live as long as the process, so walking them is wasted (bench/load.py)."""
        await self.wait_until_ready()
        if self.dates_ready is not None:
            with contextlib.suppress(Exception):  # a failed warm-up is logged at close
                await asyncio.shield(self.dates_ready)
        gc.collect()  # garbage frozen now would never be collected
        gc.freeze()
        log.info("start-up heap frozen: %d objects", gc.get_freeze_count())

    def dispatch(self, event_name: str, /, *args: Any, **kwargs: Any) -> None:
        """Every interaction is answered through `answers` (bot.answers), a session of its
        own with a bounded pool of kept-alive connections, at a third of aiohttp's CPU per
        request. discord.py answers through the session it uses for everything else, whose
        connections are unbounded: a burst of 1,000 interactions opened 1,000 connections at
        once (on Discord, 1,000 TLS handshakes), a third of the bot's CPU in the burst
        (bench/load.py). Answers are kept apart from the bot's other requests: they are not
        bound by its rate limits, and queue behind no upload. A 429 holds no connection: its
        response is read whole before discord.py waits.

        The interaction is dispatched while discord.py parses its gateway event, before any
        handler runs (handlers are tasks started by that same parse).

        A submitted form is also dispatched as `form_submitted`, for the listeners that answer
        forms by their custom id: a listener of every interaction would be a task started
        for each, in a burst of commands too."""
        if event_name != "interaction":
            super().dispatch(event_name, *args, **kwargs)
            return
        interaction: discord.Interaction[Any] = args[0]
        if self.answers is not None:
            # Not an aiohttp.ClientSession: what discord.py's answer adapter uses of one.
            interaction._session = self.answers  # type: ignore[assignment]
        if self.collector is not None:
            self.collector.activity()
        super().dispatch(event_name, *args, **kwargs)
        if interaction.type is discord.InteractionType.modal_submit:
            super().dispatch("form_submitted", interaction)

    async def on_app_command_completion(
        self, interaction: discord.Interaction[Any], command: object
    ) -> None:
        await self.tree.command_completed(interaction)

    async def close(self) -> None:
        if self.intake is not None:
            self.intake.close()
        try:
            await super().close()  # unloads extensions first, so cogs can still use the store
        finally:
            if self.dates_ready is not None:
                try:
                    await self.dates_ready
                except Exception:
                    log.exception("date parser warm-up failed")
                self.dates_ready = None
            if self.charts_ready is not None and not self.charts_ready.done():
                self.charts_ready.cancel()
            if self.heap_frozen is not None and not self.heap_frozen.done():
                self.heap_frozen.cancel()
            if self.collector is not None:
                await self.collector.stop()
            await asyncio.to_thread(self.charts.close)
            if self.answers is not None:
                session, self.answers = self.answers, None
                await session.close()
            if self._store is not None:
                store, self._store = self._store, None
                await store.close()
