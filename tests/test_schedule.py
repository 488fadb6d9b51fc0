"""Daily digests on a controlled clock: once a local day, across restarts, processes and clock changes."""

from __future__ import annotations

import subprocess
import sys
import threading
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.models import Digest
from bot.schedule import DigestScheduler, post_now, status, subscribe, unsubscribe
from bot.store import Store
from tests.quoting import article, said
from tests.web import Page, Site, article_page, rss

LONDON, NEW_YORK = ZoneInfo("Europe/London"), ZoneInfo("America/New_York")
DAY = date(2025, 5, 12)


def local(zone: ZoneInfo, day: date, hh: int, mm: int = 0) -> datetime:
    """An aware moment at a local wall time."""
    return datetime(day.year, day.month, day.day, hh, mm, tzinfo=zone)


class Posts(list):
    """A post callback recording (channel, digest); can be told to fail."""

    def __init__(self, *, fail: int = 0) -> None:
        super().__init__()
        self.fail = fail

    def __call__(self, channel: str, digest: Digest) -> None:
        if self.fail:
            self.fail -= 1
            raise ConnectionError("Slack is down")
        self.append((channel, digest))

    def words(self, index: int = -1) -> list[str]:
        """The statements' words in one posted digest."""
        return [s.text for g in self[index][1].groups for s in g.statements]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "store.db")
    yield s
    s.close()


def quote(store: Store, name: str, speaker: str, words: str) -> None:
    store.ingest(*article(name, said(speaker, words), outlet="Daily Ledger"))


def test_subscription_is_validated_with_clear_messages(store: Store) -> None:
    assert status(store, "C1") == "No daily digest in this channel."
    for at, tz, message in [("25:00", "UTC", "not a time of day"), ("8am", "UTC", "use 24-hour HH:MM"),
                            ("08:00", "Mars/Olympus", "not a time zone"), ("08:00", "../etc/passwd", "IANA")]:
        with pytest.raises(ValueError, match=message):
            subscribe(store, "C1", at=at, tz=tz)
    with pytest.raises(ValueError, match="'line'"):
        subscribe(store, "C1", empty="sometimes")
    assert status(store, "C1") == "No daily digest in this channel."
    text = subscribe(store, "C1", at="7:05", tz="Europe/London", empty="skip")
    assert text.startswith("Daily digest at 07:05 Europe/London; on a day with nothing new, nothing;")
    assert unsubscribe(store, "C1") == "No daily digest in this channel."
    assert store.digest_channels() == []


def test_one_digest_a_day_and_each_statement_once(store: Store) -> None:
    quote(store, "old.txt", "Ann Example", "words stored before the channel subscribed")
    subscribe(store, "C1", at="08:00", tz="Europe/London", now=local(LONDON, DAY, 7))
    quote(store, "a.txt", "Ann Example", "we will not raise the bus fare this year")
    posts = Posts()
    scheduler = DigestScheduler(store, posts, late_hours=6)
    assert scheduler.run_due(local(LONDON, DAY, 7, 59)) == []
    assert scheduler.run_due(local(LONDON, DAY, 8)) == ["C1"]
    assert posts.words() == ["we will not raise the bus fare this year"]
    assert [scheduler.run_due(local(LONDON, DAY, h, m)) for h, m in [(8, 0), (8, 1), (12, 0), (23, 59)]] == [[]] * 4

    quote(store, "b.txt", "Bob Sample", "the plan is inappropriate and nobody believes it")
    quote(store, "c.txt", "Ann Example", "we will not raise the bus fare this year")  # a new source, same words
    assert scheduler.run_due(local(LONDON, DAY + timedelta(days=1), 8)) == ["C1"]
    assert posts.words() == ["the plan is inappropriate and nobody believes it"]

    assert scheduler.run_due(local(LONDON, DAY + timedelta(days=2), 8)) == ["C1"]
    empty = posts[-1][1]
    assert empty.groups == [] and empty.message.startswith("Nothing new said since")
    assert len(posts) == 3


def test_empty_day_posts_nothing_when_the_channel_says_skip(store: Store) -> None:
    subscribe(store, "C1", at="08:00", tz="UTC", empty="skip", now=local(UTC, DAY, 7))
    scheduler = DigestScheduler(store, Posts(), late_hours=6)
    assert scheduler.run_due(local(UTC, DAY, 8)) == []
    quote(store, "a.txt", "Ann Example", "the new buses arrive in May")
    assert scheduler.run_due(local(UTC, DAY, 9)) == [], "the day's digest was taken, empty"
    assert scheduler.run_due(local(UTC, DAY + timedelta(days=1), 8)) == ["C1"]
    assert scheduler.post.words() == ["the new buses arrive in May"]


def test_new_subscription_starts_with_the_next_digest(store: Store) -> None:
    subscribe(store, "C1", at="08:00", tz="UTC", now=local(UTC, DAY, 9))
    scheduler = DigestScheduler(store, Posts(), late_hours=6)
    assert scheduler.run_due(local(UTC, DAY, 9, 1)) == []
    assert scheduler.run_due(local(UTC, DAY + timedelta(days=1), 8)) == ["C1"]


def test_restart_posts_nothing_twice_and_a_missed_digest_only_if_not_too_late(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    first = Store(path)
    subscribe(first, "C1", at="08:00", tz="Europe/London", now=local(LONDON, DAY, 7))
    quote(first, "a.txt", "Ann Example", "the new buses arrive in May")
    posts = Posts()
    assert DigestScheduler(first, posts, late_hours=6).run_due(local(LONDON, DAY, 8)) == ["C1"]
    first.close()

    def restarted(now: datetime) -> list[str]:
        store = Store(path)
        try:
            return DigestScheduler(store, posts, late_hours=6).run_due(now)
        finally:
            store.close()

    assert restarted(local(LONDON, DAY, 8, 1)) == []
    assert restarted(local(LONDON, DAY + timedelta(days=1), 13, 30)) == ["C1"], "5.5 hours late: still posted"
    assert restarted(local(LONDON, DAY + timedelta(days=1), 13, 31)) == []
    assert restarted(local(LONDON, DAY + timedelta(days=2), 14, 1)) == [], "6 hours and a minute late: skipped"
    assert restarted(local(LONDON, DAY + timedelta(days=3), 8)) == ["C1"], "the next one still comes"
    assert len(posts) == 3
    assert posts.words(0) == ["the new buses arrive in May"] and posts.words(2) == []


def test_a_failed_post_is_given_back_and_posted_at_the_next_check(store: Store) -> None:
    subscribe(store, "C1", at="08:00", tz="UTC", now=local(UTC, DAY, 7))
    quote(store, "a.txt", "Ann Example", "the new buses arrive in May")
    scheduler = DigestScheduler(store, Posts(fail=1), late_hours=6)
    assert scheduler.run_due(local(UTC, DAY, 8)) == []
    assert scheduler.run_due(local(UTC, DAY, 8, 1)) == ["C1"]
    assert scheduler.post.words() == ["the new buses arrive in May"]
    assert scheduler.run_due(local(UTC, DAY, 8, 2)) == []


def test_digest_now_shows_what_is_new_without_taking_the_days_digest(store: Store) -> None:
    subscribe(store, "C1", at="08:00", tz="UTC", now=local(UTC, DAY, 7))
    quote(store, "a.txt", "Ann Example", "the new buses arrive in May")
    posts = Posts()
    post_now(store, "C1", posts)
    post_now(store, "C1", posts)
    assert posts.words(0) == ["the new buses arrive in May"] and posts[1][1].message
    scheduler = DigestScheduler(store, posts, late_hours=6)
    assert scheduler.run_due(local(UTC, DAY, 8)) == ["C1"]
    assert posts.words() == [], "what the channel saw on request is not posted again"


@pytest.mark.parametrize(("zone", "change"), [
    (LONDON, date(2025, 3, 30)), (LONDON, date(2025, 10, 26)),
    (NEW_YORK, date(2025, 3, 9)), (NEW_YORK, date(2025, 11, 2)),
])
def test_local_time_holds_across_clock_changes(store: Store, zone: ZoneInfo, change: date) -> None:
    start = local(zone, change - timedelta(days=1), 0)
    subscribe(store, "C-morning", at="08:00", tz=zone.key, now=start)
    subscribe(store, "C-night", at="01:30", tz=zone.key, now=start)  # skipped or twice on the change night
    moments: list[tuple[str, datetime]] = []
    now = start.astimezone(UTC)
    scheduler = DigestScheduler(store, lambda channel, _: moments.append((channel, now)), late_hours=6)
    while now < start.astimezone(UTC) + timedelta(days=3):
        scheduler.run_due(now)
        now += timedelta(minutes=1)
    morning = [m.astimezone(zone) for c, m in moments if c == "C-morning"]
    assert [(m.date(), m.hour, m.minute) for m in morning] == [
        (change + timedelta(days=d), 8, 0) for d in (-1, 0, 1)]
    night = [m.astimezone(zone) for c, m in moments if c == "C-night"]
    assert [m.date() for m in night] == [change + timedelta(days=d) for d in (-1, 0, 1)]
    assert all(m.hour in (1, 2) and m.minute == 30 for m in night)


RACE = """
import sys
from datetime import datetime, timedelta
from pathlib import Path
from bot.schedule import DigestScheduler
from bot.store import Store
path, out, go, start = sys.argv[1:]
store = Store(path)
def post(channel, digest):
    with open(out, "a") as f:
        f.write(channel + "\\n")
scheduler = DigestScheduler(store, post, late_hours=1, feeds=[])
while not Path(go).exists():
    pass
first = datetime.fromisoformat(start)
for day in range(15):
    for minute in range(3):
        scheduler.run_due(first + timedelta(days=day, minutes=minute))
"""


def test_two_processes_on_one_store_post_each_digest_once(tmp_path: Path) -> None:
    path, out, go = tmp_path / "store.db", tmp_path / "posts.txt", tmp_path / "go"
    store = Store(path)
    for channel in ("C1", "C2", "C3"):
        subscribe(store, channel, at="08:00", tz="Europe/London", now=local(LONDON, DAY, 7))
    store.close()
    start = local(LONDON, DAY, 8).isoformat()
    runs = [subprocess.Popen([sys.executable, "-c", RACE, str(path), str(out), str(go), start])
            for _ in range(2)]
    go.touch()
    assert [run.wait(timeout=120) for run in runs] == [0, 0]
    posted = out.read_text().split()
    assert sorted(posted) == sorted(["C1", "C2", "C3"] * 15)


def test_scheduler_thread_posts_due_digests_and_polls_feeds(store: Store) -> None:
    site = Site()
    page = article_page("Buses", "City Ledger", "2025-05-12", [
        'Mayor Ann Example said on Monday: "The forty new buses will arrive in May and the fares stay as they are."',
        "The council spent the whole evening on the transport budget, line by line, with the public watching.",
    ])
    site.pages["/news/buses"] = Page(page)
    site.pages["/rss.xml"] = Page(rss([site.url("/news/buses")]), "application/rss+xml")
    subscribe(store, "C1", at="08:00", tz="UTC", now=local(UTC, DAY, 7))
    delivered = threading.Event()
    posts: list[str] = []

    def post(channel: str, digest: Digest) -> None:
        posts.append(channel)
        delivered.set()

    scheduler = DigestScheduler(store, post, late_hours=6, clock=lambda: local(UTC, DAY, 8, 0),
                                feeds=[site.url("/rss.xml"), site.url("/gone.xml")], feed_minutes=30)
    try:
        scheduler.start()
        assert delivered.wait(30), "the digest due at start was posted"
        delivered.clear()
        subscribe(store, "C2", at="07:30", tz="UTC", now=local(UTC, DAY, 7))
        scheduler.reload()
        assert delivered.wait(30), "a subscription due now is posted after reload"
    finally:
        scheduler.shutdown()
        site.close()
    assert posts == ["C1", "C2"]
    assert store.has_url(site.url("/news/buses")), "the feed job stored the feed's article"
    assert store.db["feeds"].get(site.url("/gone.xml"))["error"]
