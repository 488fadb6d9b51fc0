"""Where benchmark results go: one section each in docs/benchmarks.md, with the machine that measured them."""

from __future__ import annotations

import os
import platform
import sqlite3
from pathlib import Path

DOC = Path(__file__).parents[1] / "docs" / "benchmarks.md"


def machine() -> str:
    """Cores, CPU model and memory of this machine."""
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory = next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                  if line.startswith("MemTotal"))
    return f"{os.cpu_count()} cores (`nproc`), {cpu}, {int(memory) // 1024 // 1024 + 1} GB RAM, " \
           f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}"


def write_section(title: str, section: str) -> None:
    """Put a section in docs/benchmarks.md, replacing its earlier run and keeping every other section."""
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Benchmarks\n"
    head, _, rest = text.partition(title)
    tail = rest[rest.find("\n## "):] if "\n## " in rest else ""
    DOC.parent.mkdir(exist_ok=True)
    DOC.write_text(head.rstrip() + "\n\n" + section.rstrip() + "\n" + tail, encoding="utf-8")
