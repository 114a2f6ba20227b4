from bot.cli import build_parser, main


def test_help_lists_subcommands(capsys):
    assert main([]) == 0
    out = capsys.readouterr().out
    assert "usage: pacer" in out
    for action in build_parser()._subparsers._group_actions:  # type: ignore[union-attr]
        for name in action.choices:
            assert name in out
