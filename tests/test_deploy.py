"""The deployment files agree with the code they deploy: what can be checked without a Docker engine or Slack."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"


def listeners() -> str:
    """The Bolt registrations of every handler module."""
    return "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "handlers").glob("*.py"))


def test_every_path_the_image_copies_is_in_the_repository() -> None:
    copies = re.findall(r"^COPY\s+(.+?)\s+\S+$", (DEPLOY / "Dockerfile").read_text(), re.M)
    paths = [p for line in copies for p in line.split()]
    assert "requirements.lock" in paths and "bot" in paths and "handlers" in paths
    assert [p for p in paths if not (ROOT / p).exists()] == []


def test_the_image_is_pinned_runs_as_no_root_and_keeps_the_store_on_its_volume() -> None:
    docker = (DEPLOY / "Dockerfile").read_text()
    assert re.search(r"^FROM python:3\.11\.\d+-slim", docker, re.M)
    assert re.search(r"^USER (?!root)\w+", docker, re.M)
    assert "WHOSAID_DB=/data/" in docker and 'VOLUME ["/data"]' in docker
    compose = (DEPLOY / "compose.yml").read_text()
    assert "WHOSAID_DB: /data/whosaid.db" in compose and ":/data" in compose
    every_pin = [line for line in (ROOT / "requirements.lock").read_text().splitlines()
                 if line.strip() and not line.startswith("#")]
    assert all("==" in line for line in every_pin)


def test_the_manifest_declares_what_the_app_listens_to() -> None:
    manifest = (DEPLOY / "manifest.yml").read_text()
    code = listeners()
    commands = re.findall(r"-\s*command:\s*(\S+)", manifest)
    assert commands and all(f'app.command("{c}")' in code for c in commands)
    shortcuts = re.findall(r"callback_id:\s*(\S+)", manifest)
    assert shortcuts and all(f'app.shortcut("{s}")' in code for s in shortcuts)
    events = {e.split(".")[0] for e in re.findall(r"^\s*-\s*(app_mention|message\.\w+)\s*$", manifest, re.M)}
    assert events == {e for e in ("app_mention", "message") if f'app.event("{e}")' in code}
    for scope in ("commands", "chat:write", "app_mentions:read", "channels:history", "im:history"):
        assert f"- {scope}\n" in manifest


def test_the_service_unit_starts_the_installed_command() -> None:
    unit = (DEPLOY / "whosaid.service").read_text()
    assert re.search(r"^ExecStart=\S*/\.venv/bin/whosaid serve$", unit, re.M)
    assert re.search(r"^User=(?!root)\w+", unit, re.M)
