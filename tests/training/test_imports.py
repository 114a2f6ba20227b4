import subprocess
import sys


def test_training_imports_nothing_heavy():
    # The domain package must not pull in Discord, SQLite, dateparser or the statistics module
    # (fast start for the CLI and the bot's import of it).
    code = (
        "import sys, bot.training\n"
        "from bot.training import analyze, parse_splits, equivalent\n"
        "import bot.training.report\n"
        "heavy = {'discord', 'aiosqlite', 'sqlite3', 'dateparser', 'statistics'}\n"
        "print(sorted(heavy & set(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_lazy_names_resolve():
    import bot.training as training

    for name in training.__all__:
        assert getattr(training, name) is not None
