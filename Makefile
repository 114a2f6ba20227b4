# Two entry points: `make run` (the bot, or the local sandbox without DISCORD_TOKEN) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# Benchmarks that take seconds; the long ones (a 1M-session database, 100,000 fuzzed inputs,
# 50 crash rounds, a 1,000-interaction burst) run with `make bench-all`.
QUICK_BENCH := parse heldout heldout_splits analyze charts log_charts startup answers
LONG_BENCH := storage fuzz compiled crash load

.PHONY: run test lint bench bench-all clean

# The install compiles the workout reader (setup.py): again whenever its source changes.
COMPILED := bot/training/model.py $(addprefix bot/training/notation/,vocabulary.py lexer.py reader.py)

$(STAMP): pyproject.toml setup.py $(COMPILED)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	$(BIN)/python -c 'from bot.training.compiled import status; print(status())'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/pacer

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/pytest

bench: $(STAMP)
	for b in $(QUICK_BENCH); do $(BIN)/python bench/$$b.py || exit 1; done

bench-all: bench
	for b in $(LONG_BENCH); do $(BIN)/python bench/$$b.py || exit 1; done

clean:
	rm -rf $(VENV) build *.egg-info *.so bot/training/notation/*.so
