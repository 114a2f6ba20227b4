"""Hypothesis draws the same examples on every run (in CI and on a loaded machine alike), so
a test fails for a change, never for a new draw. `HYPOTHESIS_PROFILE=explore` draws new ones,
to look for inputs the fixed draw does not reach."""

import os

from hypothesis import settings

settings.register_profile("deterministic", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "deterministic"))
