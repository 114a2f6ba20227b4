import logging
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def restore_logging() -> Iterator[None]:
    """The CLI configures logging for the process; put it back for the tests that follow."""
    root = logging.getLogger()
    saved = (root.level, list(root.handlers))
    names = ("discord.http", "discord.gateway", "discord.client", "discord")
    levels = {name: logging.getLogger(name).level for name in names}
    filters = list(logging.getLogger("discord.client").filters)
    yield
    root.setLevel(saved[0])
    root.handlers[:] = saved[1]
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)
    logging.getLogger("discord.client").filters[:] = filters
