"""Messages drawn as text: boxes for embeds, brackets for buttons, names for mentions."""

from __future__ import annotations

from bot.sandbox.render import embed_box, message_lines, modal_fields, show_mentions


def test_embed_is_a_closed_box_of_fixed_width() -> None:
    embed = {
        "title": "Session",
        "description": "6 x 1000m " + "word " * 30,
        "fields": [{"name": "Average", "value": "2:26.7 /km"}],
        "footer": {"text": "logged"},
    }
    lines = embed_box(embed, width=40)
    assert lines[0].startswith("┌─ Session ") and lines[0].endswith("┐")
    assert lines[-1] == "└" + "─" * 38 + "┘"
    assert all(len(line) == 40 for line in lines)
    text = "\n".join(lines)
    assert "Average" in text and "  2:26.7 /km" in text and "logged" in text


def test_message_shows_ephemeral_buttons_and_files() -> None:
    message = {
        "content": "Logged for <@7>.",
        "flags": 64,
        "components": [
            {"type": 1, "components": [{"type": 2, "label": "Edit"}, {"type": 2, "label": "Undo"}]}
        ],
    }
    names = {("user", 7): "anna"}
    lines = message_lines(
        message, files=["sandbox-files/chart.png"], names=lambda k, i: names.get((k, i))
    )
    assert lines == [
        "Pacer (only you can see this):",
        "  Logged for @anna.",
        "  [ Edit ] [ Undo ]",
        "  📎 sandbox-files/chart.png",
    ]


def test_bold_is_shown_without_asterisks() -> None:
    lines = embed_box({"description": "**/log** — log a session, 2**3"}, width=40)
    assert "│ /log — log a session, 2**3" in lines[1]


def test_unknown_mentions_stay_as_typed() -> None:
    assert show_mentions("hi <@&5> <#6>") == "hi <@&5> <#6>"


def test_modal_fields_in_rows_and_labels() -> None:
    text_input = {"type": 4, "custom_id": "splits", "required": True}
    modal = {
        "title": "Log",
        "components": [
            {"type": 1, "components": [{"type": 4, "custom_id": "notes", "label": "Notes"}]},
            {"type": 18, "label": "Splits", "component": text_input},
        ],
    }
    assert [f["label"] for f in modal_fields(modal)] == ["Notes", "Splits"]
