"""Block Kit rendering: escaping, Slack's limits, the diff and its legend, and the console's text."""

from __future__ import annotations

import json
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from bot.models import AskResult, Check, CheckResult, DiffOp, Digest, DigestGroup, Source, Statement
from handlers.blocks import (
    MAX_BLOCKS,
    ask_message,
    blocks_to_text,
    check_message,
    digest_message,
    escape,
    usage_message,
)

NASTY = "<!channel> <@U123> <https://evil.example|click> & more"


def source(**extra) -> Source:
    fields = {"article": "a.txt", "outlet": "Daily Ledger", "published": date(2025, 3, 2),
              "url": "https://ledger.example/fares?a=1&b=2", "quote": "q", "sentence": "s", "kind": "speech"}
    return Source(**{**fields, **extra})


def statement(text: str = "We will not raise the bus fare", **extra) -> Statement:
    fields = {"id": 1, "speaker": "Ann Example", "role": "mayor", "text": text, "said_on": date(2025, 3, 1),
              "medium": "X", "sources": [source()]}
    return Statement(**{**fields, **extra})


def mrkdwn_texts(message: dict) -> list[str]:
    """Every mrkdwn string a message carries, fallback included."""
    texts = [message["text"]]
    for block in message["blocks"]:
        if block["type"] == "section":
            texts.append(block["text"]["text"])
        if block["type"] == "context":
            texts += [e["text"] for e in block["elements"]]
    return texts


def test_escape_makes_markup_inert() -> None:
    assert escape(NASTY) == "&lt;!channel&gt; &lt;@U123&gt; &lt;https://evil.example|click&gt; &amp; more"


@given(st.text(alphabet=st.sampled_from(list("<>&!@|#ab \n")), max_size=80))
def test_no_user_text_reaches_slack_as_markup(text: str) -> None:
    result = AskResult(query=text, statements=[statement(text or "x", speaker=text or None, role=text or None,
                                                         medium=text or None,
                                                         sources=[source(outlet=text or None, url=None)])],
                       corrected={text: text}, message=text or None)
    for rendered in mrkdwn_texts(ask_message(result)):
        assert "<!" not in rendered and "<@U1" not in rendered and "<#" not in rendered


def test_a_respelt_lookup_says_what_it_looked_for() -> None:
    message = ask_message(AskResult(query="bus fair", statements=[statement()], corrected={"fair": "fare"}))
    assert message["blocks"][1]["type"] == "context"
    assert "“fare” in place of “fair”" in message["blocks"][1]["elements"][0]["text"]


def test_a_lookup_that_read_a_name_as_words_says_so() -> None:
    message = ask_message(AskResult(query="Sample never rides", statements=[statement()],
                                    message="Nothing Sample said matches; these quotes use the words."))
    assert "Nothing Sample said matches" in message["blocks"][1]["elements"][0]["text"]


def test_statement_shows_speaker_role_date_medium_words_and_linked_sources() -> None:
    message = ask_message(AskResult(query="bus fare", statements=[statement()]), asked_by="U0123")
    text = json.dumps(message, ensure_ascii=False)
    assert "*Ann Example* (mayor) · 1 March 2025 · X" in text
    assert "> We will not raise the bus fare" in text
    assert "<https://ledger.example/fares?a=1&amp;b=2|Daily Ledger, 2 March 2025>" in text
    assert "Asked by <@U0123>" in text and "Verify against the original before publishing." in text
    assert message["text"].startswith("Ann Example, 1 March 2025")


def test_source_without_url_is_plain_text_and_bad_urls_are_not_links() -> None:
    plain = json.dumps(ask_message(AskResult(query="q", statements=[statement(sources=[
        source(url=None), source(url="javascript:alert(1)")])])))
    assert "Daily Ledger, 2 March 2025" in plain and "<javascript" not in plain and "<https" not in plain


def test_many_statements_stay_within_slacks_limits() -> None:
    long = "word " * 2000
    sources = [source(article=f"{k}.txt") for k in range(30)]
    result = AskResult(query=long, statements=[statement(long, id=i, sources=sources) for i in range(80)])
    message = ask_message(result)
    assert len(message["blocks"]) == MAX_BLOCKS
    assert "more not shown" in json.dumps(message["blocks"][-2])
    assert message["blocks"][-1]["type"] == "context"  # the provenance footer survives the cut
    assert all(len(t) < 3000 for t in mrkdwn_texts(message))
    assert "and 24 more" in message["blocks"][1]["text"]["text"]


def test_sources_not_loaded_are_counted_in_the_more() -> None:
    shown = statement(sources=[source(article=f"{k}.txt") for k in range(6)], sources_total=1000)
    assert "and 994 more" in json.dumps(ask_message(AskResult(query="q", statements=[shown])))


def test_diff_strikes_dropped_words_and_marks_added_ones_with_a_legend() -> None:
    check = Check(quote="We will raise the fare", verdict="altered", speaker="Ann Example",
                  sourced="We will not raise the bus fare",
                  diff=[DiffOp(op="equal", pasted="We will", sourced="We will"),
                        DiffOp(op="dropped", sourced="not"),
                        DiffOp(op="equal", pasted="raise the", sourced="raise the"),
                        DiffOp(op="changed", pasted="<b>", sourced="bus"),
                        DiffOp(op="equal", pasted="fare", sourced="fare")],
                  sources=[source()])
    message = check_message(CheckResult(text="x", checks=[check]))
    body = message["blocks"][0]["text"]["text"]
    assert "⚠️ Altered" in body
    assert "We will ~not~ raise the ~bus~ *_&lt;b&gt;_* fare" in body
    assert "~struck~" in json.dumps(message["blocks"][-1])
    console = blocks_to_text(message["blocks"])
    assert "We will [-not-] raise the [-bus-] {+<b>+} fare" in console


def test_no_passage_answers_with_the_checkers_message() -> None:
    message = check_message(CheckResult(text="hello", message="No quoted words <found>."))
    assert message["text"] == "No quoted words &lt;found&gt;."


def test_digest_lists_speakers_and_empty_digest_says_so() -> None:
    digest = Digest(title="Said on Saturday 1 March 2025",
                    groups=[DigestGroup(speaker="Ann Example", role="mayor", statements=[statement()])])
    text = blocks_to_text(digest_message(digest)["blocks"])
    assert text.startswith("Said on Saturday 1 March 2025\n=====")
    assert "Ann Example (mayor)" in text and "“We will not raise the bus fare”" in text
    empty = digest_message(Digest(title="New since", message="Nothing new said since 2 March."))
    assert "Nothing new said since 2 March." in blocks_to_text(empty["blocks"])


def test_console_text_spells_out_links_and_entities() -> None:
    text = blocks_to_text(ask_message(AskResult(query="a & b", statements=[statement()]))["blocks"])
    assert "Daily Ledger, 2 March 2025 (https://ledger.example/fares?a=1&b=2)" in text
    assert "“a & b”" in text and "&amp;" not in text


def test_usage_card_has_one_example_per_subcommand() -> None:
    text = blocks_to_text(usage_message("Unknown <thing>")["blocks"])
    for example in ("/whosaid have", "/whosaid check", "/whosaid watch", "/whosaid digest", "/whosaid add",
                    "/whosaid help"):
        assert text.count(example) == 1
    assert "Unknown <thing>" in text


def test_an_article_quoting_the_words_twice_is_one_source() -> None:
    text = json.dumps(ask_message(AskResult(query="q", statements=[statement(sources=[source(), source()])])))
    assert text.count("Daily Ledger, 2 March 2025") == 1


def test_differing_wordings_are_shown_from_where_they_part_with_their_outlet() -> None:
    full = ("The President said so. Ukraine should agree to this, IMMEDIATELY. At least they will be able to "
            "determine where it stands.")
    cut = "The President said so. Ukraine should agree to this, IMMEDIATELY… HAVE THE MEETING, NOW!!!"
    shown = statement(full, variants=[full, cut], sources=[source(article="a.txt", outlet="Daily Ledger", quote=full),
                                                           source(article="b.txt", outlet="Evening Post", quote=cut)])
    text = ask_message(AskResult(query="q", statements=[shown]))["blocks"][1]["text"]["text"]
    assert "Daily Ledger, 2 March 2025: “… Ukraine should agree to this, IMMEDIATELY. At least they" in text
    assert "Evening Post, 2 March 2025: “… Ukraine should agree to this, IMMEDIATELY… HAVE THE MEETING, NOW!!!”" in text
