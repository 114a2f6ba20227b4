import pytest

from bot.settings import Settings


def test_defaults_without_environment(tmp_path):
    s = Settings.from_env({}, dotenv=tmp_path / "missing.env")
    assert s == Settings(discord_token=None, db_path="pacer.db", dev_guild=None, log_level="INFO")


def test_environment_wins_over_dotenv(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text(
        "# comment\nDISCORD_TOKEN='from-file'\nPACER_DB=file.db\nexport PACER_DEV_GUILD=42\n"
    )
    s = Settings.from_env({"PACER_DB": "env.db", "PACER_LOG_LEVEL": "debug"}, dotenv=env_file)
    assert s.discord_token == "from-file"
    assert s.db_path == "env.db"
    assert s.dev_guild == 42
    assert s.log_level == "DEBUG"


def test_token_never_in_repr(tmp_path):
    s = Settings.from_env({"DISCORD_TOKEN": "secret-token-value"}, dotenv=None)
    assert "secret-token-value" not in repr(s)
    assert "set" in repr(s)


@pytest.mark.parametrize(
    ("key", "value"), [("PACER_DEV_GUILD", "my-server"), ("PACER_LOG_LEVEL", "loud")]
)
def test_bad_values_say_what_is_expected(key, value):
    with pytest.raises(ValueError, match=key):
        Settings.from_env({key: value}, dotenv=None)
