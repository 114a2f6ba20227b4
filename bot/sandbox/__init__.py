"""The sandbox: Pacer in a terminal, against a local Discord, without a token."""
