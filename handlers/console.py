"""The console: the same `/whosaid …` lines and pasted messages as in Slack, answered as readable text."""

from __future__ import annotations

import sys
from typing import TextIO

from bot.models import Digest
from bot.store import Store
from handlers import router
from handlers.blocks import blocks_to_text, digest_message

CHANNEL = "console"
GREETING = ("whosaid console: type `/whosaid <words>` to look up who said them, or paste a text to check its quotes; "
            "`help` for every command, `quit` to leave.")


def run_console(store: Store, *, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> None:
    """Answer line by line until `quit` or end of input; prompts only when a person is typing."""
    interactive = stdin.isatty()

    def show(message: dict) -> None:
        print(blocks_to_text(message["blocks"]), end="\n\n", file=stdout, flush=True)

    def post(_channel: str, digest: Digest) -> None:
        show(digest_message(digest))

    who = router.asker(None, CHANNEL, editors=(), post=post)
    if interactive:
        print(GREETING, file=stdout)
    while True:
        if interactive:
            print("whosaid> ", end="", file=stdout, flush=True)
        try:
            line = stdin.readline()
        except KeyboardInterrupt:
            line = ""
        if not line or line.strip().lower() in ("quit", "exit"):
            break
        if line.strip():
            show(router.console_line(store, line, who=who).message)
