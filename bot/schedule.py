"""Daily digests per channel: subscriptions in the store, and a scheduler inside the bot posting each once a day.

One job checks every minute which digests are due, reading the subscriptions from the store each time, so a
changed subscription, a restart or a daylight-saving change needs no rescheduling: a channel's digest is due at
its local time on each local day. The store's ledger reserves each (channel, day) before posting, so the digest
is posted once however many bot processes share the store and however often they restart.

`post_now` (a digest on request) posts what is new since the channel's last digest and moves the channel's mark
past it, as a scheduled digest does: a channel never sees the same statement twice. It leaves the day's ledger
slot alone, so the scheduled digest still comes (with whatever is new by then).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from bot.digest import digest_since
from bot.fetch import poll_feeds
from bot.models import Digest
from bot.settings import get_settings
from bot.store import Store

log = logging.getLogger(__name__)

Post = Callable[[str, Digest], None]
EMPTY_CHOICES = ("line", "skip")
# The minute job runs a moment after its minute; a digest this late is on time, whatever late_hours says.
ON_TIME = timedelta(minutes=5)
DIGEST_JOB, FEED_JOB = "digests", "feeds"
_HH_MM = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")


def parse_time(at: str) -> str:
    """A time of day as HH:MM, or a ValueError saying what is expected."""
    match = _HH_MM.fullmatch(at.strip())
    if not match:
        raise ValueError(f"{at!r} is not a time of day: use 24-hour HH:MM, e.g. 08:00 or 17:30")
    return f"{int(match.group(1)):02d}:{match.group(2)}"


def parse_zone(tz: str) -> ZoneInfo:
    """An IANA time zone, or a ValueError saying what is expected."""
    try:
        return ZoneInfo(tz.strip())
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"{tz!r} is not a time zone: use an IANA name, e.g. Europe/London or America/New_York") \
            from None


def latest_slot(channel: dict, now: datetime) -> tuple[date, datetime]:
    """The latest local day whose digest time has come by `now`, and that moment in UTC."""
    zone = ZoneInfo(channel["digest_tz"] or "UTC")
    at = time.fromisoformat(channel["digest_time"] or "08:00")
    day = now.astimezone(zone).date()
    # A time skipped by a clock change reads with the earlier offset, so it lands just after the change.
    moment = datetime.combine(day, at, tzinfo=zone).astimezone(UTC)
    if moment > now:
        day -= timedelta(days=1)
        moment = datetime.combine(day, at, tzinfo=zone).astimezone(UTC)
    return day, moment


def due_day(channel: dict, now: datetime, *, late: timedelta) -> date | None:
    """The local day whose digest is due at `now`: its time has come and is not more than `late` ago."""
    day, moment = latest_slot(channel, now)
    return day if now - moment <= max(late, ON_TIME) else None


def subscribe(store: Store, channel_id: str, *, at: str = "08:00", tz: str = "UTC", empty: str | None = None,
              now: datetime | None = None) -> str:
    """Post the channel a daily digest at local time `at`; a new subscription starts with what is stored next."""
    fields: dict[str, object] = {"digest_on": 1, "digest_time": parse_time(at), "digest_tz": parse_zone(tz).key}
    if empty is not None:
        if empty not in EMPTY_CHOICES:
            raise ValueError(f"{empty!r}: on a day with nothing new, choose 'line' (one short line) or 'skip'")
        fields["digest_empty"] = empty
    if not store.channel(channel_id)["digest_on"]:
        # Not the whole backlog, and not at once for a time already past today: the first digest is the next one.
        fields["last_digest_at"] = store.newest_seen()
        day, _ = latest_slot(fields, now or datetime.now(UTC))
        store.claim_digest(channel_id, day.isoformat())
    store.update_channel(channel_id, **fields)
    return status(store, channel_id)


def unsubscribe(store: Store, channel_id: str) -> str:
    """Stop the channel's daily digest."""
    store.update_channel(channel_id, digest_on=0)
    return status(store, channel_id)


def status(store: Store, channel_id: str) -> str:
    """The channel's digest settings in one sentence."""
    channel = store.channel(channel_id)
    if not channel["digest_on"]:
        return "No daily digest in this channel."
    empty = "one short line" if channel["digest_empty"] != "skip" else "nothing"
    last = channel["last_digest_at"]
    since = f"last digest covered statements stored up to {last[:16].replace('T', ' ')} UTC" if last else \
        "no digest posted yet"
    return (f"Daily digest at {channel['digest_time']} {channel['digest_tz']}; on a day with nothing new, "
            f"{empty}; {since}.")


def deliver(store: Store, channel: dict, post: Post, *, skip_empty: bool) -> bool:
    """Post what is new since the channel's last digest and move its mark past it; False if skipped as empty."""
    digest = digest_since(store, channel["last_digest_at"])
    posted = bool(digest.groups) or not skip_empty
    if posted:
        post(channel["channel_id"], digest)
    if digest.seen_until:
        store.update_channel(channel["channel_id"], last_digest_at=digest.seen_until)
    return posted


def post_now(store: Store, channel_id: str, post: Post) -> None:
    """Post the channel's digest on request, even when empty; the day's scheduled digest still comes."""
    deliver(store, store.channel(channel_id), post, skip_empty=False)


def post_due(store: Store, post: Post, now: datetime, *, late: timedelta) -> list[str]:
    """Post every digest due at `now`, each reserved in the ledger first; the channels posted to."""
    if now.tzinfo is None:
        raise ValueError("now must carry a time zone")
    posted = []
    for channel in store.digest_channels():
        channel_id = channel["channel_id"]
        day = due_day(channel, now, late=late)
        if day is None or not store.claim_digest(channel_id, day.isoformat()):
            continue
        try:
            if deliver(store, channel, post, skip_empty=channel["digest_empty"] == "skip"):
                posted.append(channel_id)
        except Exception:  # noqa: BLE001 - one channel's failure must not stop the others; it is retried
            store.release_digest(channel_id, day.isoformat())
            log.exception("digest for %s of %s not posted; it will be tried again", channel_id, day)
    return posted


class DigestScheduler:
    """Digests and feed polls inside the bot process, on a background thread with its own store connection."""

    def __init__(self, store: Store, post: Post, *, late_hours: float | None = None,
                 clock: Callable[[], datetime] | None = None, feeds: Sequence[str] | None = None,
                 feed_minutes: int | None = None) -> None:
        settings = get_settings()
        self.store = store
        self.post = post
        self.late = timedelta(hours=settings.whosaid_digest_late_hours if late_hours is None else late_hours)
        self.clock = clock or (lambda: datetime.now(UTC))
        self.feeds = list(settings.whosaid_feeds if feeds is None else feeds)
        self.feed_minutes = feed_minutes or settings.whosaid_feed_minutes
        self._scheduler: BackgroundScheduler | None = None
        self._jobs_store: Store | None = None

    def run_due(self, now: datetime) -> list[str]:
        """Post every digest due at `now`, once per channel and local day; the channels posted to."""
        return post_due(self.store, self.post, now, late=self.late)

    def start(self) -> None:
        """Post digests missed while down (if not too late), then check every minute and poll the feeds."""
        # Jobs run one at a time on their own connection, so their transactions never mix with the handlers'.
        self._jobs_store = Store(self.store.path)
        self._scheduler = BackgroundScheduler(
            timezone=UTC, executors={"default": ThreadPoolExecutor(1)},
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 60},
        )
        start = datetime.now(UTC)
        self._scheduler.add_job(self._post_due, CronTrigger(second=0, timezone=UTC), id=DIGEST_JOB,
                                next_run_time=start)
        if self.feeds:
            self._scheduler.add_job(self._poll_feeds, IntervalTrigger(minutes=self.feed_minutes), id=FEED_JOB,
                                    next_run_time=start)
        self._scheduler.start()

    def reload(self) -> None:
        """Check at once after a subscription changed, e.g. a digest time moved to one already past today."""
        if self._scheduler:
            self._scheduler.modify_job(DIGEST_JOB, next_run_time=datetime.now(UTC))

    def shutdown(self) -> None:
        """Stop the jobs, letting a running one finish, and release the connection."""
        if self._scheduler:
            self._scheduler.shutdown(wait=True)
            self._scheduler = None
        if self._jobs_store:
            self._jobs_store.close()
            self._jobs_store = None

    def _post_due(self) -> None:
        post_due(self._jobs_store, self.post, self.clock(), late=self.late)

    def _poll_feeds(self) -> None:
        for message in poll_feeds(self._jobs_store, self.feeds):
            log.info("feeds: %s", message)
