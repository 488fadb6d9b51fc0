"""Settings checked before anything heavy is imported, so a bad one stops the start at once, in one line."""

from __future__ import annotations

import sys
from typing import NoReturn

from pydantic import ValidationError

from bot.settings import Settings, get_settings


def settings_or_exit() -> Settings:
    """The settings, or one clear line on stderr and exit status 2."""
    try:
        return get_settings()
    except ValidationError as err:
        first = err.errors()[0]
        exit_with(f"setting {'.'.join(map(str, first['loc'])).upper()}: {first['msg']}")


def exit_with(line: str) -> NoReturn:
    """Stop at start with one line, no traceback."""
    print(f"whosaid: {line}", file=sys.stderr)
    sys.exit(2)


def slack_problem(settings: Settings, *, socket: bool) -> str | None:
    """What stops the Slack app from starting with these settings, or None."""
    needed = {"SLACK_BOT_TOKEN": (settings.slack_bot_token, "xoxb-")}
    needed["SLACK_APP_TOKEN" if socket else "SLACK_SIGNING_SECRET"] = (
        (settings.slack_app_token, "xapp-") if socket else (settings.slack_signing_secret, ""))
    for name, (value, prefix) in needed.items():
        if not value:
            return f"{name} is not set (see docs/slack-setup.md)"
        if not value.startswith(prefix):
            return f"{name} should start with {prefix!r}; check you copied the right token"
    if not settings.slack_api_url.startswith(("http://", "https://")):
        return f"SLACK_API_URL {settings.slack_api_url!r} is not an http(s) URL"
    return None


def has_slack(settings: Settings) -> bool:
    """True when the settings name a workspace to connect to: a bot token and an app token or signing secret."""
    return bool(settings.slack_bot_token and (settings.slack_app_token or settings.slack_signing_secret))


def socket_mode_or_exit(settings: Settings, *, http: bool) -> bool:
    """Socket Mode when there is an app token and HTTP is not asked for; exit 2 if the settings cannot connect."""
    socket = not http and bool(settings.slack_app_token)
    problem = slack_problem(settings, socket=socket)
    if problem:
        exit_with(problem)
    return socket
