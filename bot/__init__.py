"""Pacer: a Discord bot that turns a running team's chat into a training log."""
