"""The `whosaid` command line."""

import click


@click.group()
def cli() -> None:
    """whosaid: who said what, when and where, from a newsroom's articles."""
