"""Fuzzing every reader of user text (fixed seed, a CI-sized share of bench/fuzz.py): each input
is read or refused with a clear message; nothing else escapes."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from tests.proof.fuzzing import PARSERS, Unexpected, feed, inputs

CI = settings(max_examples=300, derandomize=True, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.mark.parametrize("parser", sorted(PARSERS))
def test_every_input_is_read_or_refused_clearly(parser: str) -> None:
    @CI
    @given(inputs())
    def run(text: str) -> None:
        feed(parser, text)

    run()


def test_feed_reports_what_is_not_an_intended_error() -> None:
    PARSERS["broken"] = lambda text: 1 / 0
    try:
        with pytest.raises(Unexpected, match="ZeroDivisionError"):
            feed("broken", "2:26")
    finally:
        del PARSERS["broken"]
    assert feed("splits", "2:26 2:28") is True
    assert feed("splits", "no times here") is False
