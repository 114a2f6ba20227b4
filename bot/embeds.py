"""Embeds Pacer replies with. Titles carry user text only escaped and cut to Discord's limits."""

from __future__ import annotations

import discord

from bot.training.report import Report

TITLE_LIMIT = 256
EMBED_LIMIT = 6000  # all the text of one embed
MORE_REPS = "(more reps than fit here)"
FIELD_LIMIT = 1024
MAX_TABLE_FIELDS = 4  # 4 x ~1 KB of table keeps the embed well under its 6000 characters
COLOUR = discord.Colour.teal()


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def safe(text: str, limit: int) -> str:
    """User text for a title or a field: markdown escaped, mentions defused, cut to `limit`."""
    escaped = discord.utils.escape_mentions(discord.utils.escape_markdown(text))
    return clip(escaped.replace("\n", " "), limit)


def report_embed(
    report: Report, title: str, *, footer: str | None = None, table_name: str = "Reps",
    summary_name: str = "Set",
) -> discord.Embed:
    """The shared report as an embed: headline, rep table, summary and notes."""
    embed = discord.Embed(title=safe(title, TITLE_LIMIT), description=report.headline,
                          colour=COLOUR)
    blocks = report.table[:MAX_TABLE_FIELDS]
    for i, block in enumerate(blocks):
        name = table_name if i == 0 else "\u200b"
        embed.add_field(name=name, value=f"```\n{block}\n```", inline=False)
    if len(report.table) > MAX_TABLE_FIELDS:
        embed.add_field(name="\u200b", value=MORE_REPS, inline=False)
    if report.summary:
        embed.add_field(name=summary_name, value=clip("\n".join(report.summary), FIELD_LIMIT),
                        inline=False)
    if report.notes:
        embed.add_field(
            name="Notes", value=clip("\n".join(f"• {n}" for n in report.notes), FIELD_LIMIT),
            inline=False,
        )
    if footer:
        embed.set_footer(text=clip(footer, 2048))
    return embed


def fit(embed: discord.Embed) -> discord.Embed:
    """Drop continued rep-table fields (the last first) until the embed is within Discord's
    6000 characters; the table's first field, the set summary and the notes stay."""
    while len(embed) > EMBED_LIMIT:
        fields = embed.fields
        extra = [i for i, f in enumerate(fields)
                 if f.name == "\u200b" and (f.value or "").startswith("```")]
        if not extra:
            break
        embed.remove_field(extra[-1])
        if not any(f.value == MORE_REPS for f in embed.fields):
            embed.insert_field_at(extra[-1], name="\u200b", value=MORE_REPS, inline=False)
    return embed
