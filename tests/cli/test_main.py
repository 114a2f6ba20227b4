from pathlib import Path

import pytest

from bot.cli import NO_TOKEN_NOTE, build_parser, main


def test_help_lists_every_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "usage: pacer" in out
    names = [
        name
        for action in build_parser()._subparsers._group_actions  # type: ignore[union-attr]
        for name in action.choices
    ]
    assert {"run", "sandbox", "sync"} <= set(names)
    for name in names:
        assert name in out


@pytest.fixture
def no_token(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # no .env here; the sandbox database lands here
    for key in ("DISCORD_TOKEN", "PACER_DB", "PACER_DEV_GUILD", "PACER_LOG_LEVEL"):
        monkeypatch.delenv(key, raising=False)
    return tmp_path


def test_no_token_opens_the_sandbox_and_says_so(
    no_token: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("/ping\nquit\n"))
    assert main([]) == 0
    captured = capsys.readouterr()
    assert NO_TOKEN_NOTE in captured.err
    assert "you> /ping\nPacer (only you can see this):\n  Pong: Pacer is awake.\n" in captured.out
    assert (no_token / "pacer.db").exists()


@pytest.mark.parametrize("argv", [["run"], ["sync"], ["sync", "--guild", "42"]])
def test_commands_needing_a_token_say_so_in_one_line(
    no_token: Path, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "DISCORD_TOKEN is not set" in err


def test_bad_setting_is_one_line(
    no_token: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PACER_DEV_GUILD", "my-server")
    assert main(["run"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("pacer: PACER_DEV_GUILD must be a server id") and err.count("\n") == 1


def test_sync_guild_must_be_digits(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["sync", "--guild", "abc"])
    assert exit_info.value.code == 2
    assert "a server id is digits only" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "dev_guild", "synced_to"),
    [
        (["sync"], None, None),
        (["sync"], "77", 77),
        (["sync", "--guild", "42"], "77", 42),
        (["sync", "--global"], "77", None),
    ],
)
def test_sync_goes_to_the_dev_guild_unless_told_otherwise(
    no_token: Path,
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    dev_guild: str | None,
    synced_to: int | None,
) -> None:
    seen: list[int | None] = []

    async def fake_sync(settings: object, guild: int | None) -> int:
        seen.append(guild)
        return 0

    monkeypatch.setenv("DISCORD_TOKEN", "t")
    if dev_guild:
        monkeypatch.setenv("PACER_DEV_GUILD", dev_guild)
    monkeypatch.setattr("bot.runner.sync_commands", fake_sync)
    assert main(argv) == 0
    assert seen == [synced_to]


def test_with_a_token_pacer_alone_runs_the_bot(
    no_token: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    ran: list[object] = []

    async def fake_run(settings: object) -> int:
        ran.append(settings)
        return 0

    monkeypatch.setenv("DISCORD_TOKEN", "secret-value")
    monkeypatch.setattr("bot.runner.run_bot", fake_run)
    assert main([]) == 0
    assert len(ran) == 1 and "secret-value" not in repr(ran[0])
    captured = capsys.readouterr()
    assert NO_TOKEN_NOTE not in captured.err and "secret-value" not in captured.out + captured.err
