"""Extraction on invented news in several house styles, through the real spaCy pipeline."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import bot.extract as extract_module
from bot import dates
from bot.clean import mask_noise
from bot.cues import inflections
from bot.extract import ExtractionFailed, extract
from bot.ingest import ingest_articles
from bot.models import Article, Claim
from bot.nlp import load_nlp
from bot.quotes import find_quotes
from bot.store import Store

BUDGET = """LONDON, March 3 (Reuters) - Britain's finance minister defended her budget on Monday.
"We have made the right choices for working families," said Chancellor Rachel Reeves. "Growth is coming back."
Reeves told the BBC that taxes would not rise again. According to Paul Johnson, director of the Institute for \
Fiscal Studies, the plan leaves little room for error.
Opposition leader Kemi Badenoch said: "This budget is a disaster for business."
``It is simply not credible,'' she added.
Mr Johnson warned in an interview with Sky News: "The numbers do not add up.
"Borrowing will be higher than forecast for years."
Critics called the plan a "fiscal fudge" and said it would hurt pensioners.
"""

SENATE = """Senator Maria Lopez, a Democrat from New Mexico, criticized the bill on Tuesday.
"It punishes the people who can least afford it," Lopez said at a press conference. She added that she \
would vote against it.
Lopez later wrote on X:
"We will keep fighting. This is not over."
— @SenMariaLopez
Governor Tom Hale hit back in a post to Truth Social, calling the senator's remarks "pure theater."
"""

NOISY = """Health Minister Ana Silva said the hospitals "will not close."1 Silva added, "We have the money \
NOW!!!"2 .AP News+1Financial Times+1
He said the unions had "misread" the plan and "I will meet them tomorrow, June 3rd, to explain it.
"""

FLOOD = """Flooding forced hundreds from their homes in the valley on Saturday.
"We lost everything in an hour," said Hugh Hill, a retired teacher. "The water came through the doors."
"The levee held longer than anyone expected" - Commissioner Dana Ortiz
And from Chairwoman Lee Park:
"We will rebuild, and we will do it together."
The utility said it was "deeply saddened" by the losses.
"Crews are working around the clock," a spokeswoman for the utility said in a statement.
"""


@pytest.fixture(scope="module")
def claims() -> dict[str, list[Claim]]:
    """Extract the invented articles once for the module."""
    load_nlp()
    articles = [Article(name="budget", text=BUDGET, published=date(2025, 3, 4)),
                Article(name="senate", text=SENATE, published=date(2025, 6, 5)),
                Article(name="noisy", text=NOISY, published=date(2025, 6, 2)),
                Article(name="flood", text=FLOOD, published=date(2025, 3, 9))]
    return {a.name: found for a, found in zip(articles, extract(articles), strict=True)}


def direct(claims: list[Claim]) -> list[Claim]:
    """Quoted claims only."""
    return [c for c in claims if c.kind != "indirect"]


def quote(claims: list[Claim], words: str) -> Claim:
    """The quoted claim whose words start like this."""
    return next(c for c in direct(claims) if c.quote.startswith(words))


def test_every_claim_keeps_the_article_words(claims: dict[str, list[Claim]]) -> None:
    texts = {"budget": BUDGET, "senate": SENATE, "noisy": NOISY, "flood": FLOOD}
    for name, found in claims.items():
        assert [c.start for c in found] == sorted(c.start for c in found)
        for c in found:
            assert c.quote == texts[name][c.start:c.end]
            assert c.sentence_start <= c.start and c.end <= c.sentence_end


def test_said_x_after_the_quote_and_a_floating_sentence(claims: dict[str, list[Claim]]) -> None:
    first = quote(claims["budget"], "We have made")
    assert (first.kind, first.speaker, first.role) == ("speech", "Rachel Reeves", "Chancellor")
    assert quote(claims["budget"], "Growth is coming").speaker == "Rachel Reeves"
    assert first.said_on == date(2025, 3, 3)  # the Reuters dateline


def test_colon_attribution_and_wire_marks_with_a_pronoun(claims: dict[str, list[Claim]]) -> None:
    assert quote(claims["budget"], "This budget").speaker == "Kemi Badenoch"
    wire = quote(claims["budget"], "It is simply not credible")
    assert wire.speaker == "Kemi Badenoch"
    assert wire.speaker_mention == "she"


def test_multi_paragraph_quote_keeps_speaker_and_medium(claims: dict[str, list[Claim]]) -> None:
    for words in ("The numbers do not add up", "Borrowing will be higher"):
        claim = quote(claims["budget"], words)
        assert (claim.speaker, claim.medium) == ("Paul Johnson", "Sky News")


def test_according_to_and_told_are_reported_speech(claims: dict[str, list[Claim]]) -> None:
    reported = [c for c in claims["budget"] if c.kind == "indirect"]
    assert any(c.speaker == "Paul Johnson" and "little room" in c.quote for c in reported)
    told = next(c for c in reported if c.quote.startswith("Reeves told"))
    assert (told.speaker, told.medium) == ("Rachel Reeves", "BBC")


def test_scare_quote_of_a_group_is_a_fragment(claims: dict[str, list[Claim]]) -> None:
    assert quote(claims["budget"], "fiscal fudge").kind == "fragment"


def test_block_quote_with_lead_in_and_handle_sign_off(claims: dict[str, list[Claim]]) -> None:
    block = quote(claims["senate"], "We will keep fighting")
    assert (block.speaker, block.medium) == ("Maria Lopez", "X")
    said = quote(claims["senate"], "It punishes")
    assert (said.speaker, said.medium, said.role) == ("Maria Lopez", "press conference", "Senator")


def test_pronoun_reported_speech_and_participle_fragment(claims: dict[str, list[Claim]]) -> None:
    added = next(c for c in claims["senate"] if c.quote.startswith("She added"))
    assert (added.kind, added.speaker) == ("indirect", "Maria Lopez")
    theater = quote(claims["senate"], "pure theater")
    assert (theater.kind, theater.speaker, theater.medium) == ("fragment", "Tom Hale", "Truth Social")
    assert not any(c.speaker in ("Democrat", "he", "she") for c in claims["senate"])


def test_footnotes_and_credits_stay_out_and_open_marks_do_not_crash(claims: dict[str, list[Claim]]) -> None:
    found = direct(claims["noisy"])
    assert [c.quote for c in found][:3] == ["will not close.", "We have the money NOW!!!", "misread"]
    assert all(c.speaker == "Ana Silva" for c in found)
    unclosed = found[-1]
    assert unclosed.quote.startswith("I will meet them") and unclosed.said_on == date(2025, 6, 2)
    assert all("News" not in (c.speaker or "") for c in claims["noisy"])


def test_said_name_appositive_dash_sign_off_and_verbless_lead_in(claims: dict[str, list[Claim]]) -> None:
    flood = claims["flood"]
    assert quote(flood, "The water came").speaker == "Hugh Hill"
    assert quote(flood, "The levee held").speaker == "Dana Ortiz"
    assert quote(flood, "We will rebuild").speaker == "Lee Park"


def test_bodies_and_unnamed_sources_are_speakers_but_not_people(claims: dict[str, list[Claim]]) -> None:
    assert quote(claims["flood"], "deeply saddened").speaker == "utility"
    crews = quote(claims["flood"], "Crews are working")
    assert (crews.speaker, crews.medium) == ("spokeswoman for the utility", "statement")


def test_small_and_empty_inputs() -> None:
    assert extract([]) == []
    assert extract([Article(name="e", text="")]) == [[]]
    odd = extract([Article(name="o", text='He said "yes and then" no more " marks "')])[0]
    assert all(c.speaker != "He" for c in odd)


def test_parallel_and_single_process_agree() -> None:
    batch = [Article(name=f"a{k}", text=BUDGET * 20, published=date(2025, 3, 4)) for k in range(4)]
    assert extract(batch, processes=2) == extract(batch, processes=1)


@given(st.text(alphabet=st.sampled_from(list("ab .,\n\"“”‘’'`:—-")), max_size=80))
@settings(max_examples=300, deadline=None)
def test_quote_finder_survives_any_marks(text: str) -> None:
    for q in find_quotes(text):
        assert 0 <= q.start <= q.end <= len(text)


def test_nested_single_marks_and_newspaper_paragraphs() -> None:
    text = '"It ends this \'bloodbath\' today.\n"And it starts a peace," he said.\nNext.'
    spans = [(text[q.start:q.end], q.nested, q.continues) for q in find_quotes(text)]
    assert spans == [("It ends this 'bloodbath' today.", False, False), ("bloodbath", True, False),
                     ("And it starts a peace,", False, True)]


def test_spaced_guillemets_and_a_closing_mark_doubled() -> None:
    text = "« We want a truce soon. It is in the deal, » ”said Ali Karim, an envoy.\nHe said « no » again.\n"
    assert [text[q.start:q.end] for q in find_quotes(text)] == ["We want a truce soon. It is in the deal,", "no"]


WIRE = """Harbor board bars press from budget call

Port City, Feb. 4 (Wire) -- The harbor board, which runs the
city's docks, barred reporters from a call with bond holders
on Tuesday.

''The board shares every material fact with the public as the
rules require, and it does so before any call with holders or
the press,'' said Nadia Brook, a board
spokeswoman.
"""

TOWN = """Mayor Ivo Sand reacted in a series of posts on Bluesky. In an earlier statement, he wrote:
“The bridge will reopen in spring. Crews have found the fault in the north pier.
We owe the drivers of this town an apology for the delays, and they will have it.”
— @MayorIvoSand
Sand has agreed to meet the contractor in Lisbon on Friday to settle the bill.
County Patrol confirmed the closure in a tweet that said “the bridge stays shut until further notice.”
Overnight storms continue to batter the coast, many warning that the harbor wall is weak.
Councilwoman Rita Oakes told the Harbor Gazette newspaper that the repairs were overdue.
The budget figures set by the board highlight the cost, according to county data.
Dock workers said they would strike. They called the offer “an insult.”
"""


@pytest.fixture(scope="module")
def conventions() -> dict[str, list[Claim]]:
    """Extract the invented articles on wire and platform conventions once for the module."""
    load_nlp()
    articles = [Article(name="wire", text=WIRE, published=date(2026, 2, 5)),
                Article(name="town", text=TOWN, published=date(2026, 3, 1))]
    return {a.name: found for a, found in zip(articles, extract(articles), strict=True)}


def test_hard_wrapped_wire_quote_is_one_quote_with_its_speaker(conventions: dict[str, list[Claim]]) -> None:
    [claim] = direct(conventions["wire"])
    assert claim.quote.startswith("The board shares") and claim.quote.endswith("or\nthe press,")
    assert claim.speaker == "Nadia Brook"


def test_open_paragraph_runs_on_to_its_closing_mark_and_a_handle_means_x(
        conventions: dict[str, list[Claim]]) -> None:
    block = quote(conventions["town"], "The bridge will reopen")
    assert block.quote.endswith("they will have it.")  # one claim over both paragraphs
    assert (block.speaker, block.medium) == ("Ivo Sand", "Bluesky")  # a platform named in the lead-in wins


def test_a_document_speaks_for_its_author_and_names_the_medium(conventions: dict[str, list[Claim]]) -> None:
    tweet = quote(conventions["town"], "the bridge stays shut")
    assert (tweet.speaker, tweet.medium) == ("County Patrol", "X")


def test_only_people_and_bodies_speak_in_their_own_characters(conventions: dict[str, list[Claim]]) -> None:
    speakers = {c.speaker for c in conventions["town"]}
    assert not speakers & {"storms", "Overnight storms", "many", "data", "county data", "budget figures"}
    told = next(c for c in conventions["town"] if c.quote.startswith("Councilwoman Rita Oakes told"))
    assert (told.speaker, told.role, told.medium) == ("Rita Oakes", "Councilwoman", "Harbor Gazette")
    insult = quote(conventions["town"], "an insult")
    assert insult.speaker == "Dock workers"  # "they" is the group named just before


def test_a_date_of_what_is_to_come_is_not_when_words_were_said(conventions: dict[str, list[Claim]]) -> None:
    agreed = next(c for c in conventions["town"] if c.quote.startswith("Sand has agreed"))
    assert agreed.speaker == "Ivo Sand" and agreed.said_on is None


def test_a_label_inside_a_phrase_is_a_term_of_nobody() -> None:
    text = ("Backed by unions who came to pledge support for the fight against \"the old guard,\" Mayor Lee Dunn "
            "demanded a vote.\n")
    [claim] = direct(extract([Article(name="t", text=text)])[0])
    assert (claim.kind, claim.speaker) == ("term", None)


def test_parts_of_one_utterance_say_so(claims: dict[str, list[Claim]]) -> None:
    assert quote(claims["budget"], "Growth is coming").continues  # split around "said Chancellor Rachel Reeves"
    assert quote(claims["budget"], "Borrowing will be higher").continues  # the next paragraph of the same quote
    assert not quote(claims["budget"], "We have made").continues
    assert not quote(claims["budget"], "This budget").continues  # a new speaker, a new utterance
    assert not quote(claims["flood"], "The levee held").continues  # signed by someone else


def test_a_day_in_a_clause_of_what_may_come_is_not_when_the_words_were_said() -> None:
    text = ('The mayor had previously suggested she might visit the plant on Friday "if the strike ends." '
            'She also said she would meet the unions on Monday "to settle this."')
    [found] = extract([Article(name="t", text=text, published=date(2025, 5, 15))])
    dated = {c.quote: c.said_on for c in direct(found)}
    assert dated == {"if the strike ends.": None, "to settle this.": None}


def test_a_same_day_report_dates_its_statements_to_that_day() -> None:
    same_day = ('The council vote on Tuesday ended in uproar as members walked out.\n'
                '"This is a disgrace," Councillor Ruth Ames said during a business event downtown.\n')
    ahead = ('The council will vote on Friday on the new budget.\n'
             '"This is a disgrace," Councillor Ruth Ames said.\n')
    tuesday = date(2024, 4, 16)
    [today, later] = extract([Article(name="a", text=same_day, published=tuesday),
                              Article(name="b", text=ahead, published=tuesday)])
    [said] = direct(today)
    assert (said.said_on, said.medium) == (tuesday, "business event")
    assert [c.said_on for c in direct(later)] == [None]


def test_a_parenthetical_said_reports_its_whole_sentence() -> None:
    text = "The new line, the transport minister Jan Novak said, will open before the winter.\n"
    [found] = extract([Article(name="t", text=text, published=date(2024, 9, 2))])
    [said] = [c for c in found if c.kind == "indirect"]
    assert (said.speaker, said.quote) == ("Jan Novak", text.strip().rstrip("."))


# Blank lines between paragraphs, as most sites print them; titles and abbreviations in odd places.
SITES = """Hospitals in the region reported record waiting times on Friday.

"Is anyone in charge here?" Priya Nandakumar, a nurse at the county hospital, wrote in a post.

Health Secretary Owen Marsh told the BBC: "We are hiring thousands of nurses this year."

"In the north, waiting times have already fallen by a fifth.

"There is more to do, and we will do it," Marsh said.

"The plan is working," said Sen. Clara Voss, D-Mich. Voss chairs the health committee.

Novelist Grace King spoke at the rally. "Nurses hold this country together," King said.

COO and CFO Ravi Olsen said the chain was "a robust franchise."

"We will not close a single ward," the Secretary said.

Reporters asked Marsh whether Republicans would back the plan. He replied,"They will."

But he added: " We have a long way to go. "

Actress Mona Reyes opened the festival on Tuesday.

“We picked "Tides" because it is brave,” the Mexican actress said.

”It went up really quick,” Mayor Tom Quill said.

``The results are in,″ said astrophysicist Lena Ortiz of the observatory. ``This is unprecedented.″

"I kept thinking, 'Stay Strong. Stay Strong,'" he said.

Quill said the crews worked through the night.

"Nobody went home until the fire was out."
"""


def extracted(name: str, text: str) -> list[Claim]:
    """The claims of one invented article."""
    load_nlp()
    [found] = extract([Article(name=name, text=text, published=date(2026, 4, 3))])
    return found


@pytest.fixture(scope="module")
def sites() -> list[Claim]:
    """Extract the invented article in web house style once for the module."""
    return extracted("sites", SITES)


@pytest.mark.parametrize(("words", "speaker"), [
    ("Is anyone in charge here?", "Priya Nandakumar"),  # a ? ends the sentence before the attribution
    ("In the north", "Owen Marsh"),  # a quote paragraph after a blank line goes on from the one before
    ("There is more to do", "Owen Marsh"),
    ("The plan is working", "Clara Voss"),  # "D-Mich. Voss" is no name
    ("Nurses hold this country together", "Grace King"),  # a surname that is also a title
    ("a robust franchise.", "Ravi Olsen"),  # a title alone ("COO") names nobody
    ("We will not close a single ward,", "Owen Marsh"),  # "the Secretary", capitalized, refers back
    ("They will.", "Owen Marsh"),  # "he" is a person, not "Republicans"; a mark glued to the comma
    ("We have a long way to go.", "Owen Marsh"),  # marks spaced off their words
    ('We picked "Tides" because it is brave,', "Mona Reyes"),  # straight marks inside curly ones; an epithet
    ("It went up really quick,", "Tom Quill"),  # a quote opened with ”
    ("The results are in,", "Lena Ortiz"),  # AP's ``quotes″
    ("This is unprecedented.", "Lena Ortiz"),
    ("I kept thinking", "Lena Ortiz"),  # a quoted word is never the subject of "said"
    ("Nobody went home", "Tom Quill"),  # the sentence before reports the speaker's words
])
def test_web_house_style(sites: list[Claim], words: str, speaker: str) -> None:
    found = quote(sites, words)
    assert found.quote == words.rstrip() or found.quote.startswith(words)
    assert found.speaker == speaker


# People referred to by what they are, and names that are no one to refer back to.
DESCRIBED = """"We will not sell at a loss": farmers march on the capital

Farmers marched through Nairobi on Monday as Amina Wekesa took questions.

"We will not sell the harvest. We will not sell at a loss," the Kenyan leader said.

At Lucy Harlow's launch party for her new album Meridian, she told reporters the tour was "a dream."

Diego Ferraz won silver after the Lisbon Games. "It has been a long road," he said.

The radio station Vox quoted him as saying: "I am not retiring."

"The building was evacuated at noon," the spokesman said.

Singer Tara Quint and producer Ben Hale spoke after the show. "We wrote it in a week," said the songstress.

"We hold the line," said transport planner and project co-lead Ruth Adebayo.

Mr Okafor said the mayor had lost the room.

He said Ms Lindqvist was only "a caretaker".

"She will be gone by spring," he told the radio station.

Cllr Dunne wanted a vote, and he questioned officer Sara Moyo on it. He said: "Nobody can enforce this."

Nina Arvidsson, Mayor of Lund: "We will rebuild the bridge."

A police statement quoted Chief Inspector Omar Haddad as saying an inquiry had begun. "The driver was tired," he said.

The Deputy Governor (DG) of the bank, Ewa Malinowska, spoke next. "Rates will hold," said the DG.

Speaking to talk show host Jo Brandt on Sunday, she said: "I never watch my own films."

Principal Secretary (PS) State Department for Fisheries Dr. Tom Ouma toured the port. "Catches doubled," said the PS.

The Police Press Officer (PPO) of the county, Inspector Ada Nwosu, confirmed it, saying "two men were held."

"The river will peak on Friday," Cr Lena Holt said.

The weather bureau issued a Flood Watch for the coast.

"Residents should move their cars to higher ground."

The command's Public Relations Officer, ASP Femi Ade, spoke in Enugu. “No one was held,’’ the police spokesman said.

Rapper Zola Kay played her hit Dance In The Rain. "I never meant to hurt anyone," the pop star said.

"We never expected it," Mayor Mitch Dale told reporters.

The notice came at 8:30 last night. "Within an hour everybody was out of town."

Pierre Lacaze took pole in Monza. "We took a risk," the Frenchman said.

Singer Mae Brook sold out the tour. "I cried all night," the Grammy nominee told reporters.

"This is ludicrous." Mr. Ortega fumed in a radio interview.

Coach Kofi Mensah watched from the bench.

The Black Stars won, and he said: "I want discipline."

Dan Reyes of Radio Nine pressed Senator Ann Vale on the bill. "Are you running?" the host asked.

A note came from Rita Okoye, Acme's corporate media relations manager for Europe, who wrote: "We regret the cuts."

"Our workers need their pay," said ODM MCA Jane Wairimu.

Mayor Ruth Kane's call for residents to "stay off the roads" went unheeded.

The Press Union of Lira (PUL) has called on Prime Minister Ivo Banda to act. "Reporters deserve respect," the PUL said.

A radio host asked Lina Berg how she kept calm. "I slept a lot and ate a lot."

Coach Tavita Lemalu named his squad on Monday.

"Preparations begin next week."

In an interview with host Rob Kerr on his morning show, the 29-year-old singer spoke about her tour.

"We are still planning it."

The BoM issued a flood watch for the coast.

"We will send crews tonight."

Mr Okafor stressed that the way the "enemy" was treated would never change.
"""


@pytest.fixture(scope="module")
def described() -> list[Claim]:
    """Extract the invented article of descriptions once for the module."""
    return extracted("described", DESCRIBED)


@pytest.mark.parametrize(("words", "speaker"), [
    ("We will not sell at a loss", "Amina Wekesa"),  # a headline echoing what the article quotes
    ("We will not sell the harvest", "Amina Wekesa"),  # "the Kenyan leader" refers back, "Kenyan" is no one
    ("a dream.", "Lucy Harlow"),  # "her new album Meridian" is no one "she" can be
    ("It has been a long road,", "Diego Ferraz"),  # nor are "the Lisbon Games"
    ("I am not retiring.", "Diego Ferraz"),  # "Vox quoted him": him is never the one quoting
    ("The building was evacuated", None),  # "the spokesman" named nowhere is nobody the article names
    ("We wrote it in a week,", "Tara Quint"),  # "the songstress" is the singer, not the producer
    ("We hold the line,", "Ruth Adebayo"),  # a title conjoined with the name is hers
    ("She will be gone by spring,", "Okafor"),  # "He said Ms Lindqvist was" is still about him
    ("Nobody can enforce this.", "Dunne"),  # the questioner goes on, not the one questioned
    ("We will rebuild the bridge.", "Nina Arvidsson"),  # a broadcast transcript's "Name, role:" label
    ("The driver was tired,", "Omar Haddad"),  # the one a statement quotes goes on speaking
    ("Rates will hold,", "Ewa Malinowska"),  # "the DG" is who the article spelled it out for
    ("I never watch my own films.", "Ewa Malinowska"),  # "she" is not the host she is speaking to
    ("Catches doubled,", "Tom Ouma"),  # an honorific after a body's name starts a person's
    ("two men were held.", "Ada Nwosu"),  # "PPO" is the office, not who holds it
    ("Residents should move", "Lena Holt"),  # after a paragraph of narrative reporting nobody's words
    ("Within an hour", "Mitch Dale"),  # after a sentence of narrative in the quote's own paragraph
    ("We took a risk,", "Pierre Lacaze"),  # "the Frenchman" describes, it does not name
    ("I cried all night,", "Mae Brook"),  # "the Grammy nominee": "Grammy" only qualifies the title
    ("This is ludicrous.", "Ortega"),  # "fumed" says something too
    ("I want discipline.", "Kofi Mensah"),  # "the Black Stars" is a team: a name takes no article
    ("Are you running?", "Dan Reyes"),  # "the host" is a person
    ("We regret the cuts.", "Rita Okoye"),  # a description in apposition to a name is that person
    ("Our workers need their pay,", "Jane Wairimu"),  # a party's and an office's letters are no part of a name
    ("stay off the roads", "Ruth Kane"),  # whose call a quote is
    ("Reporters deserve respect,", "PUL"),  # a body's letters name the body, not the next person named
    ("I slept a lot", "Lina Berg"),  # the one asked answers
    ("Preparations begin", "Tavita Lemalu"),  # whom the sentence before is about speaks on
    ("We are still planning it.", "Mae Brook"),  # the singer named before, not the host named in passing
    ("We will send crews tonight.", "Mae Brook"),  # "BoM" is a body's letters: the speaker before goes on
    ("enemy", "Okafor"),  # a relative clause inside what a verb of saying reports is still the speaker's
    ("No one was held,", "Femi Ade"),  # ’’ closes a quote; "the spokesman" is who was named to speak for others
    ("I never meant to hurt anyone,", "Zola Kay"),  # "the pop star"; a song's title is no one
])
def test_descriptions_refer_back(described: list[Claim], words: str, speaker: str | None) -> None:
    assert quote(described, words).speaker == speaker


def test_a_headline_word_is_no_part_of_the_name_the_body_gives() -> None:
    text = ("Defeated Rana rejects the count\n\nFormer minister Amira Rana rejected the result on Monday.\n\n"
            '"This count was staged," Rana said.\n\nState Solicitor Owen Judge said the case was "very weak".\n')
    found = extracted("rana", text)
    assert quote(found, "This count was staged").speaker == "Amira Rana"
    assert quote(found, "very weak").speaker == "Owen Judge"  # a solicitor's title; a surname that is a title


def test_a_headline_in_straight_single_marks_is_a_quote_in_an_article_of_double_ones() -> None:
    text = "'Barbaric attack on innocents', says PM\n\nPM Ana Ruiz said: \"This was barbaric.\"\n"
    found = extracted("pm", text)
    assert [(c.quote, c.speaker) for c in direct(found)][:2] == [("Barbaric attack on innocents", None),
                                                                  ("This was barbaric.", "Ana Ruiz")]


def test_a_particle_joined_by_a_hyphen_stays_in_the_name() -> None:
    text = 'Abdul Rahman al-Saleh, director of finance, spoke on Monday.\n\n"Markets overreacted," Saleh said.\n'
    assert quote(extracted("saleh", text), "Markets overreacted").speaker == "Abdul Rahman al-Saleh"


def test_a_remark_in_brackets_on_a_sign_off_line_is_no_part_of_the_name() -> None:
    text = 'Coach Steve Bruce spoke after the game.\n\n"There is a difference between diving and falling."\n' \
           "— Steve Bruce (on whether Boyd dived)\n"
    assert quote(extracted("bruce", text), "There is a difference").speaker == "Steve Bruce"


def test_a_plural_title_before_names_is_no_part_of_them() -> None:
    text = ("The rally was organised by the town's two Somerset Cllrs Dave Mansell and Gwil Wren.\n\n"
            'Cllr Mansell thanked everybody. "It will help," he said.\n')
    assert quote(extracted("cllrs", text), "It will help").speaker == "Dave Mansell"


@pytest.mark.parametrize(("lead", "name"), [("Executive Principal Ruth Ogden", "Ruth Ogden"),
                                             ("Londoner Ruth Ogden", "Ruth Ogden"),
                                             ("Defence lawyer Ruth Ogden", "Ruth Ogden")])
def test_an_occupation_or_a_city_before_a_name_is_no_part_of_it(lead: str, name: str) -> None:
    text = f'{lead} said the results were "the best in years".\n\n"We are proud," Ms Ogden said.\n'
    assert {c.speaker for c in direct(extracted("lead", text))} == {name}


def test_a_month_or_a_place_may_be_a_surname() -> None:
    text = ('Dana May has said talks made "real progress" this week.\n\nThe minister spoke on Friday.\n\n'
            '"We are close," Mrs May said. Ms Georgia also spoke.\n')
    assert {c.speaker for c in direct(extracted("may", text))} == {"Dana May"}


def test_a_surname_spelt_another_way_at_a_sentence_start_is_still_the_person() -> None:
    text = ('Odesa: Mayor Hennadiy Sadovy returned on Friday, saying the port was "open again".\n\n'
            'Sadovyy posted on Telegram that he was back, and promised that “we will rebuild everything”.\n')
    assert quote(extracted("mayor", text), "we will rebuild").speaker == "Hennadiy Sadovy"


def test_an_office_and_its_holder_after_a_body_are_a_person() -> None:
    text = ('National Union of Nurses Secretary General Seth Panyako spoke in Nairobi.\n\n'
            '"We will stay away," Panyako said.\n')
    assert quote(extracted("union", text), "We will stay away").speaker == "Seth Panyako"


def test_straight_single_marks_quote_in_an_article_of_double_ones_and_apostrophes_do_not() -> None:
    text = ("Senators urge voters to 'speak out' against 'attacks' on the press.\n\nThe players' union loves rock 'n' "
            "roll.\n\n"
            'Cllr Gary Byrne asked \'if that is worth the paper it\'s written on\'. "It is not," he said.\n')
    quoted = [c.quote for c in direct(extracted("mixed", text))]
    assert quoted == ["speak out", "attacks", "if that is worth the paper it's written on", "It is not,"]


def test_a_quote_paragraph_opened_with_a_single_mark_goes_on_from_the_one_before() -> None:
    text = "Volunteer Sam Reid found the dog.\n\n'It was shaking,' he said.\n\n'I wrapped it in my jacket.'\n"
    assert quote(extracted("dog", text), "I wrapped it").speaker == "Sam Reid"


def test_a_quote_in_single_marks_over_several_paragraphs_opens_each_and_closes_the_last() -> None:
    text = ('The champion said: ‘It has been a long way back to the top.\n\n‘I gave it everything I had today.\n\n'
            '‘I am so happy with silver.’\n\nShe flies home on Monday, said her coach Ken Ito.\n')
    found = direct(extracted("long", text))
    assert [c.quote for c in found][:3] == ["It has been a long way back to the top.",
                                             "I gave it everything I had today.", "I am so happy with silver."]


def test_a_subhead_in_marks_does_not_go_on_from_the_quote_before() -> None:
    text = ('"We will hold rates," Governor Ines Sala said.\n\nMarkets rose on the news.\n\n'
            '“No more bad questions”\n\nThe style of the carmaker’s chief drew criticism.\n')
    assert quote(extracted("subhead", text), "No more bad questions").speaker is None


def test_a_curly_apostrophe_inside_a_name_keeps_it_one_name() -> None:
    text = "Judge Eugene O’Kelly heard the case.\n\nO’Kelly said the claims were “extremely serious”.\n"
    [found] = direct(extracted("kelly", text))
    assert (found.quote, found.speaker) == ("extremely serious", "Eugene O'Kelly")
    assert text[found.start:found.end] == found.quote


PRESS = """Coach Ivan Petrov-Lind spoke to the media after the 2-1 win.

On the performance…

“We kept believing in what we are doing, and the group deserved it.”

On the fans…

“They carried us through the last ten minutes.”

Foreign Minister Hans-Peter Vogt said the talks would go on. “We agreed on the key points,” Vogt said.

The Department of Health called the outbreak “under control” on Tuesday.

Secretary for Security Lam Kin-wah said more officers would patrol. “Lam will not wait,” a colleague said. \
Lam said he was “ready to act,” according to the statement.

Mayor Rosa Diaz said she had never seen a flood like Harvey in the city, though she noted, "This is not over."

Reuters quotes analyst Ben Ford as saying, "Sales will fall again."

"Hey everyone! Big news ✨" Dana Cole wrote on Instagram.

The Minister of State for Education, Prof. Ada Obi, spoke on Monday.

The minister, however, said councils were free to fix “auxiliary fees” for students.

Tom Reed, another commenter, framed budgets as policy and urged the board to “invest in teachers” first.

Singer Ann Bell thanked the crowd at the Grand Hotel.

Southern California was hit by wildfires last week.

"We made it through," she said.

Energy Minister Prince Abdulaziz bin Salman said output would stay “steady for now”.

Prime Minister of Barbados Mia Cole said the island was “ready for any storm”.

The 65-year-old lawmaker said she would “fight on”.

Senator Aquilino "Koko" Pimentel III spoke later.

Party leader Mary Lou Quinn called the plan "a disgrace to us all".

Corresponding author of the study, Ian Ward from the university, added that "the fossils were well kept".

The Vice Chancellor, Prof. Ada Eze, labelled the protesters as “faceless individuals” on Monday.

President Luis Mora later returned to a familiar refrain, referring to the press as "hypocrites".

One of his neighbours, Tevita Lolo, also had a story of survival.

"I held my children tight," he said.

"We will rebuild the pier," said Mayor Nina Ross Monday.
"""

SINGLE_MARKS = """Hospital chief Mei Wong apologised on Monday.
'The patients' families deserved to know,' Dr Wong said. 'We will publish every case from now on.'
"""


@pytest.fixture(scope="module")
def press() -> list[Claim]:
    """Extract the invented press-conference article once for the module."""
    return extracted("press", PRESS)


@pytest.mark.parametrize(("words", "speaker"), [
    ("We kept believing", "Ivan Petrov-Lind"),  # an intro line that reports speech, then subheads
    ("They carried us", "Ivan Petrov-Lind"),
    ("We agreed on the key points,", "Hans-Peter Vogt"),  # a hyphenated first name is one name
    ("under control", "Department of Health"),  # a body named with "of"
    ("ready to act,", "Lam Kin-wah"),  # a surname written first
    ("This is not over.", "Rosa Diaz"),  # "she" is the subject, not the storm named after her
    ("Sales will fall again.", "Ben Ford"),  # the one quoted speaks, not the outlet quoting
    ("Hey everyone! Big news ✨", "Dana Cole"),  # an attribution after a quote that ended its sentence
    ("auxiliary fees", "Ada Obi"),  # "the minister" refers back to the office a name stood in apposition to
    ("invest in teachers", "Tom Reed"),  # a verb of saying conjoined to a name the parse made the root
    ("We made it through,", "Ann Bell"),  # a region or a hotel is no "she"
    ("steady for now", "Abdulaziz bin Salman"),  # a lowercase particle inside a name
    ("ready for any storm", "Mia Cole"),  # the place after "of" belongs to the title
    ("fight on", "Mia Cole"),  # an epithet with a modifier refers back
    ("a disgrace to us all", "Mary Lou Quinn"),  # a first name that is also a city's
    ("the fossils were well kept", "Ian Ward"),  # the person in apposition, not the description
    ("faceless individuals", "Ada Eze"),  # British "labelled"
    ("hypocrites", "Luis Mora"),  # "referring to X as"
    ("I held my children tight,", "Tevita Lolo"),  # "he" is the subject's apposition, just introduced
    ("We will rebuild the pier,", "Nina Ross"),  # the day after a name is no part of it
])

def test_press_conference_style(press: list[Claim], words: str, speaker: str) -> None:
    assert quote(press, words).speaker == speaker


def test_a_nickname_in_marks_is_a_term_of_nobody(press: list[Claim]) -> None:
    nickname = quote(press, "Koko")
    assert (nickname.kind, nickname.speaker) == ("term", None)


def test_a_text_with_no_double_marks_quotes_in_single_ones() -> None:
    assert [(c.quote, c.speaker) for c in direct(extracted("single", SINGLE_MARKS))] == [
        ("The patients' families deserved to know,", "Mei Wong"),
        ("We will publish every case from now on.", "Mei Wong")]


OFFICES = """Abel Kiprono won the race in Boston on Monday.

Afterwards the Kenyan spoke to reporters. "I felt strong from the start."

EU Chief Observer Eduard Kukan said the vote showed "remarkable determination".

US Ambassador to the UN Linda Thomas-Greenfield said her country would vote no.

"This resolution should do the same," she added.

"Sanctions are necessary," Kaja Kallas said.

Arriving at the meeting, German Minister of State for Europe Gunther Krichbaum said the new measures should be \
adopted "as quickly as possible."

"Crime is merciless," said the Minister of National Security.

Idman.biz reports that the head coach of "Imishli" Jorge Casquilha said these words after the match.

"Today we watched a very tense game."

Idman.biz reports that coach Ali Mammadov said these words after the game.

"We deserved the win."

The fight began over a complaint, Superintendent of Police Ravi Syiem said on Friday.

"Both parties rushed to the police station," the SP told media.

Ann Lee "furious" at the delay: "We waited a whole year"
"""


@pytest.fixture(scope="module")
def offices() -> list[Claim]:
    """Extract the invented article of offices and names once for the module."""
    return extracted("offices", OFFICES)


@pytest.mark.parametrize(("words", "speaker"), [
    ("I felt strong", "Abel Kiprono"),  # "the Kenyan" refers back: a people's name, not a person's
    ("remarkable determination", "Eduard Kukan"),  # every word of a long title is cut from the name
    ("This resolution should do the same", "Linda Thomas-Greenfield"),  # the holder of the subject's title
    ("as quickly as possible", "Gunther Krichbaum"),  # a participle before the name is no subject
    ("Imishli", None),  # a team's name in marks is a term
    ("Today we watched", "Jorge Casquilha"),  # a website reports; the coach speaks
    ("We deserved the win", "Ali Mammadov"),
    ("Both parties rushed", "Ravi Syiem"),  # "the SP" has the initials of his office "Superintendent of Police"
])
def test_offices_and_names(offices: list[Claim], words: str, speaker: str | None) -> None:
    assert quote(offices, words).speaker == speaker


def test_an_office_and_its_field_are_no_name_and_a_headline_is_no_label(offices: list[Claim]) -> None:
    assert quote(offices, "Crime is merciless").speaker != "National Security"
    assert quote(offices, "We waited a whole year").speaker in (None, "Ann Lee")
    assert quote(offices, "Imishli").kind == "term"


def test_sentences_that_each_open_a_quote_again_are_one_speakers() -> None:
    text = ('Coach Ivo Brand was asked about the loss. Speaking to Radio Nine, he said: "I don\'t think the pace was '
            'an issue. But that is the way races go. "When you win it is all fine. "So I take the praise.\n')
    found = extracted("reopened", text)
    assert [(c.quote, c.speaker) for c in direct(found)] == [
        ("I don't think the pace was an issue. But that is the way races go.", "Ivo Brand"),
        ("When you win it is all fine.", "Ivo Brand"), ("So I take the praise.", "Ivo Brand")]


def test_a_quote_whose_closing_mark_is_missing_ends_before_its_attribution() -> None:
    text = ("``This is exciting, seeing a planet for the first time, said astronomer Ann Lee of the Lick "
            "Institute. ``This is a first.″\n")
    found = extracted("unclosed", text)
    assert [(c.quote, c.speaker) for c in direct(found)] == [
        ("This is exciting, seeing a planet for the first time,", "Ann Lee"), ("This is a first.", "Ann Lee")]


def test_an_article_ending_in_a_name_without_a_full_stop() -> None:
    found = extracted("ending", '"We will win," said John Smith')
    assert quote(found, "We will win").speaker == "John Smith"


BODIES = """A statement from the carmaker Voltra reached reporters on Monday.

"One of our vans was in a collision," the company said.

The Flagstaff United School District closed its schools, and the Fire Department was called.

The district said the attack was "under control".

President Luis Vela answered his critics on Monday. Former president Ana Reis attacked him on Tuesday.

"We did better than you would have," the president said to Reis.

Prime Minister Rita Pereira toured the island on Tuesday.

In a later post to Facebook Pereira said damage to the island was "mindboggling".

Ohio Department of Labor and Economic Growth Commissioner Mia Torvik said in a statement that the raids are \
having a "negative impact" on "firms large and small."

Opposition leader Kwame Addo has rejected the result of the December vote.

Challenging the result could test the stability of the nation, where grievances have been pursued through the courts.

The 62-year-old claimed that "numerous steps have been taken to manipulate the results."

The US embassy in Lusaka said that "irregularities raise serious doubts about the results".

Bill Ruddock, a longtime Medtronic CEO who sat on several boards, spoke next. The times are "extremely stressful" for \\
business, he said.
"""


@pytest.fixture(scope="module")
def bodies() -> list[Claim]:
    """Extract the invented article of bodies once for the module."""
    return extracted("bodies", BODIES)


@pytest.mark.parametrize(("words", "speaker"), [
    ("One of our vans", "Voltra"),  # "the company" is the business named before it
    ("under control", "Flagstaff United School District"),  # "the district" is the body with that word in its name
    ("We did better", "Luis Vela"),  # "the president" is not whom the words are spoken to
    ("mindboggling", "Rita Pereira"),  # a platform's name is no part of the name after it
    ("negative impact", "Mia Torvik"),  # what a statement says is its author's; the holder after a body speaks
    ("firms large and small", "Mia Torvik"),
    ("numerous steps", "Kwame Addo"),  # "the 62-year-old" describes someone named before
    ("irregularities raise", "US embassy in Lusaka"),  # an embassy speaks
    ("extremely stressful", "Bill Ruddock"),  # "Bill" is a first name; "Medtronic CEO" is nobody's name
])
def test_bodies_and_addressees(bodies: list[Claim], words: str, speaker: str) -> None:
    assert quote(bodies, words).speaker == speaker


def test_a_name_parsed_as_the_subject_of_a_participle_still_speaks() -> None:
    text = '"This is useless," farmer Li Wen, searching for his missing cattle, told reporters.\n'
    found = extracted("participle", text)
    assert quote(found, "This is useless").speaker == "Li Wen"


@pytest.mark.parametrize(("verb", "past"), [("quip", "quipped"), ("admit", "admitted"), ("concur", "concurred"),
                                            ("slam", "slammed"), ("say", "said")])
def test_verbs_of_saying_double_their_last_consonant_as_english_does(verb: str, past: str) -> None:
    assert past in inflections([verb])


def test_a_quip_is_said_by_whom_the_first_name_names() -> None:
    text = ('Coach Khalid Jamil spoke after the game.\n\nDeshorn Brown came on late and set up the winner.\n\n'
            '"We missed him in the last game," Khalid quipped.\n')
    assert quote(extracted("quip", text), "We missed him").speaker == "Khalid Jamil"


def test_a_fault_in_one_article_fails_that_article_alone(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    real = extract_module.analyze

    def faulty(doc, published, **kwargs):  # noqa: ANN001, ANN003, ANN202 - stands in for the real analyze
        if "FAULT" in doc.text:
            raise IndexError("list index out of range")
        return real(doc, published, **kwargs)

    monkeypatch.setattr(extract_module, "analyze", faulty)
    good = Article(name="good", text='"We will win," said Ann Lee.\n')
    bad = Article(name="bad", text='FAULT "We will lose," said Bo Kim.\n')
    fine, failed = extract([good, bad], processes=1)
    assert [c.speaker for c in fine] == ["Ann Lee"]
    assert isinstance(failed, ExtractionFailed) and "IndexError" in str(failed)
    store = Store(tmp_path / "fault.db")
    report = ingest_articles(store, [good, bad])
    assert list(report.outcomes) == ["good"] and report.errors[0].startswith("bad: not stored (could not be analysed")
    assert store.counts()["articles"] == 1
    store.close()


def test_a_statement_speaks_for_the_body_that_issued_it_and_a_dateline_for_nobody() -> None:
    text = ('A statement from the Office of the Prime Minister and Cabinet (OPMC) said the office had a video.\n\n'
            '"He is not to be trusted," the statement said.\n\nThe statement further claimed that he had lied.\n\n'
            '"MPs should be advocating peace."\n\n'
            'HAVANA TIMES – The president-elect, Bernardo Arevalo, said the attacks were "a danger".\n')
    found = extracted("statement", text)
    office = "Office of the Prime Minister and Cabinet"
    assert quote(found, "He is not to be trusted").speaker == quote(found, "MPs should").speaker == office
    assert quote(found, "a danger").speaker == "Bernardo Arevalo"


@pytest.mark.parametrize(("line", "kept", "day"), [
    ("(ANSA) - PRISTINA, 21 Oct - An envoy warned", "An envoy warned", date(2023, 10, 21)),
    ("WASHINGTON, May 5 (Reuters) - The president said", "The president said", date(2023, 5, 5)),
    ("HAVANA TIMES – The president-elect said", "The president-elect said", None),
    ("WELLINGTON, New Zealand (AP) — The president said", "The president said", None),
    ("US - China talks resumed", "US - China talks resumed", None),
    ("Kyiv: Ukrainian President Ana Lee said", "Ukrainian President Ana Lee said", None),
    ("ISLAMABAD: The minister said", "The minister said", None),
    ("Brexit: Ana Lee says", "Brexit: Ana Lee says", None),
    ("Kremlin: Ana Lee says", "Kremlin: Ana Lee says", None),
])
def test_a_dateline_is_no_part_of_a_sentence_but_dates_the_story(line: str, kept: str, day: date | None) -> None:
    masked = mask_noise(line)
    assert len(masked) == len(line) and masked.strip() == kept
    assert dates.dateline(line, date(2023, 12, 1)) == day


def test_a_wire_dateline_dates_the_words_said_that_day() -> None:
    text = 'WASHINGTON, May 5 (Reuters) - "We will act," Minister Ana Lee said.\n'
    [claim] = direct(extract([Article(name="wire", text=text, published=date(2023, 5, 6))])[0])
    assert (claim.speaker, claim.said_on) == ("Ana Lee", date(2023, 5, 5))


ATTRIBUTIONS = [
    # whose speech the sentence is about: the words quoted in it are theirs
    ('The awards ran late.\n\nVale’s remarkable acceptance speech covered commercial radio’s support for local talent '
     '(“don’t meet your quotas because you have to, exceed them because you want to”) and the industry’s ageism, '
     'emphasising, “Ladies over 40 are still in the game.”\n\nSinger Tina Vale was inducted into the hall of fame.\n',
     "Ladies over", "Tina Vale"),
    # an office's fields joined by "and" are the office's, not the name's
    ('Watching from home were Prime Minister Ana Ruiz and Minister for Sport and Recreation Tom Hale.\n\nMr Hale told '
     'reporters the early start was worth it.\n\n"It was a stressful occasion, but worth every minute."\n',
     "It was a stressful", "Tom Hale"),
    # another person taking over between two quotes of a paragraph speaks the second
    ('Defence lawyer Tom Reyes said, "We are all shocked by this." Prosecutor Ruth Alvarez agreed. "It is a sad day '
     'for the town."\n', "It is a sad day", "Ruth Alvarez"),
    # an outlet credited with carrying the words ("as reported by") does not say them
    ('The rebels refused a truce. "We want the talks to succeed," said Omar Daud, a negotiator. "A truce now is '
     'not possible," he has settled, as reported by the Kenyan television network Citizen TV.\n', "A truce now",
     "Omar Daud"),
    # a place named as a polity speaks as a body
    ('The Canadian city of Toronto said on Monday that it was "ready to bid" for the games.\n\n"Toronto has the '
     'venues and the will," the city said.\n', "ready to bid", "Toronto"),
    # an office named headline-style, with no article, is its holder's
    ('Navy Spokesman Ivan Petrenko said the fleet was "on alert".\n\nNavy spokesman says the exercise will be '
     '"the largest in years", a reference to the drills.\n', "the largest", "Ivan Petrenko"),
    # words woven into a clause another person reports are that person's account, but a full quote is the doer's
    ('Premier Ana Ruiz said on Sunday that President Tom Hale had confirmed his pledge to "cut the tolls by half" and '
     'looked forward to the talks.\n', "cut the tolls", "Ana Ruiz"),
    ('Prosecutor Ana Ruiz said that as the verdict was read, Tom Hale stood up and shouted: "You will all pay for '
     'this."\n', "You will all pay", "Tom Hale"),
    ('Minister Ana Ruiz said there were 12 bids, which Tom Hale said was "far too few for a city this size".\n',
     "far too few", "Tom Hale"),
    # a quote followed by a sentence about what its speaker does, as round-ups write
    ('The post-match interviews were lively.\n“I won six matches and lost one. The ratio is good.” Ivo Petrov, who '
     'lost the final, grins about the weather.\n“I ate the grass. It was fine.” Leon Marsh, who eats no bread, jokes '
     'about his diet after the final.\n', "I ate the grass", "Leon Marsh"),
    # a nationality before a surname told before is no first name
    ('Swimming coach Dean Okafor has spoken to officials.\n\nSpeaking to local media, Nigerian Okafor said: “Three '
     'of them think they can win it.”\n', "Three of them", "Dean Okafor"),
    # a sentence with no verb is about the name it gives
    ('Actors Tom Hale and Ana Ruiz were asked how the show changed them. Hale talked about his house. And Ruiz? '
     '“Much the same, minus the house,” she said.\n', "Much the same", "Ana Ruiz"),
    # a person's name is the subject before a stray piece of a broken compound
    ('The show won.\n\nLater, co-creator Ana Ruiz-Lopez talked about the joy of making it. “The work itself is '
     'satisfying. I am so proud.”\n', "The work itself", "Ana Ruiz-Lopez"),
    ('The show won best comedy.\n\nCo-creator Tom Hale bounded out to applause, blurting out, “Let the backlash '
     'begin!”\n', "Let the backlash", "Tom Hale"),
    # two people named together are "the couple" or "they": the statement is theirs, the first named stands for both
    ('Ana Ruiz and Tom Hale have split up.\n\nThe couple have confirmed they "amicably" parted ways.\n',
     "amicably", "Ana Ruiz"),
    ('Ana Ruiz and Tom Hale released a statement. In a joint statement, the pair told the site, "We would like to '
     'speak for ourselves."\n', "We would like", "Ana Ruiz"),
    # a document saying something speaks for its author
    ('The Green Alliance released a statement on X saying that "Spring will come" and naming Ana Ruiz as leader.\n',
     "Spring will come", "Green Alliance"),
    # a surname two people share is the one named last as a subject, not one named in passing
    ('Daniela Okafor, the manager, said the shop had reopened.\n\nBen Okafor, the owner, recalled the day the mayor '
     'came in.\n\n"We had no idea he was coming," Okafor said.\n', "We had no idea", "Ben Okafor"),
    ('Mara Kemp won the seat.\n\n"We came to win," said Kemp, a first-time candidate and daughter of Rep. Alanson '
     'Kemp.\n\n"There is a wave," Kemp said.\n', "There is a wave", "Mara Kemp"),
    # the name ending a titled phrase after the verb speaks, whatever body the title is of
    ('Wages were raised.\n\n“It is ridiculous to think owners cannot pay,” says League for a Living Wage founder Ana '
     'Ruiz.\n', "It is ridiculous", "Ana Ruiz"),
    ('The brewery was sold.\n\n“Since I started it in 1989, its future was on my mind,” said Harbor Brewing founder '
     'and president Tom Hale when the sale was announced.\n', "Since I started", "Tom Hale"),
    ('A day after Ana Ruiz said her remarks on the recent election results were "twisted and used to mislead people," '
     'Leader of the Opposition V K Haleem alleged they were not isolated but part of a "planned majoritarian '
     'communalism" by the party.\n', "planned majoritarian", "V K Haleem"),
    # a name given in capitals first and in full later is one person
    ('Lee hits back at minister\n\nMARY Ann Lee has hit out at the minister.\n\nHe criticised Mary Ann Lee\'s party as '
     '"sectarian".\n\nLee said: "We will win."\n', "We will win", "Mary Ann Lee"),
    # a clause ending in a colon within a paragraph introduces its subject's words
    ('Profits fell by half.\n\nChief executive Ana Ruiz remained upbeat, however: “Although trading was hard, we made '
     'progress.”\n', "Although trading", "Ana Ruiz"),
    # a group with one member named speaks through that member
    ('The mine closed.\n\nOther workers including Ana Ruiz said they were less sure they would be paid.\n\n"It\'s '
     'terrible, with the kids\' birthdays coming."\n', "It's terrible", "Ana Ruiz"),
    # a name right before its verb of saying is its subject, however the parse hangs it
    ('Police Commissioner Omar Aziz said order was restored.\n\nHowever, a crowd of some 1,500 protesters hurled rocks '
     'at factories in the industrial city of Gazipur, regional head of the industrial police unit Sarwar Kabir told '
     'AFP.\n\n"We fired tear gas to disperse the protesters," he said.\n', "We fired tear gas", "Sarwar Kabir"),
    # "the company" is the business that acted, not the last one listed
    ('Harlan Motors announced today it will shut three plants.\n\nThe plants are:\n- Ridge Assembly in Ohio.\n'
     '- Stone Assembly in Texas.\n\nThe company said it was "changing its workforce for the future."\n',
     "changing its workforce", "Harlan Motors"),
    ('The permit was refused.\n\nIn Calgary on Friday, Energy Minister Ana Ruiz denounced the decision as purely '
     '“political,” and left.\n', "political", "Ana Ruiz"),
    # a name set off from its verb by a participle between commas is still its subject
    ('Sitting beside her husband, Coach Tom Hale asks Ana Okafor, “Were you thinking about dinner plans with your '
     'husband tonight?” This sends her husband into a fit of laughter while Okafor, playing it safe, replies, “Um, '
     'definitely not.”\n', "Um, definitely", "Ana Okafor"),
    # a little word after a hyphen is part of a given name, not of a title
    ('President Park Soo-in said on Sunday that the talks went "very well".\n', "very well", "Park Soo-in"),
    # a promise in the sentence after a quote is no attribution of it
    ('The former treasurer admitted the theft. Prosecutor Ruth Alvarez agreed. "It is a sad day. Nobody wins '
     'here." Mr Dorsey will write an apology to the parish council.\n', "It is a sad day", "Ruth Alvarez"),
    # a name alone after the quote on its line signs it
    ('The chat show went on.\n\n“So they know who they are?” Jonathan asked.\n\n“I would have thought so,” Danny\n\n'
     'Danny is already on to his next project.\n', "I would have", "Danny"),
    # "the member" is a person, the one named before with a seat
    ('Riverside MP Joan Tate said it was time for the board to scrap the plan.\n\nThe Conservative member said: '
     '“We have heard from local people and local doctors.”\n', "We have heard", "Joan Tate"),
    # a name right before its verb that the parse took for a modifier is still the sentence's subject for "he"
    ('Cllr. Liam Fahy said the dead officer was minding the community. Speaking of the killers, he said: “I call '
     'them thugs.”\n\nCllr. Darragh Scully said his wife is a serving Garda Sergeant and trained with the Garda who '
     'was with the companion at the time.\n\nHe understood a criminal gang did the killing and said people should '
     'come forward “and bring these bastards to justice.”\n', "and bring these", "Darragh Scully"),
    # a participle said of a predicate noun is its subject's saying
    ('The council voted on Tuesday.\n\nDivision Two councillor, Jo Marsh was the sole vote against the budget saying '
     '"it\'s a developer\'s budget" and hers was a conscience vote.\n', "it's a developer", "Jo Marsh"),
    # a word numbered is a district, not a person: "she" is the councillor
    ('The RM has 200 kilometres of closed roads and a paltry 15 per cent of its crops seeded.\n\nWard 2 Coun. Janet '
     'McKinnon said the RM’s pleas to the province have so far gone unanswered.\n\n"We have not been contacted by the '
     'province," she said.\n', "We have not", "Janet McKinnon"),
    # how someone says it: a verb of manner before the name
    ('The chamber was full.\n\n“The cameras will be watching,” smiled Lord Mayor Ian Bell, “so behave.”\n',
     "The cameras", "Ian Bell"),
    # a headline's quote credited by office: the body names the holder
    ("'Cowardly attack on families', says PM\n\nPrime Minister Rhys Bowen today condemned the bombing in the "
     "capital.\n", "Cowardly attack", "Rhys Bowen"),
    ("Judge criticises decision to move trial as an 'absolute disgrace'\n\nA district court judge was critical of the "
     "move.\n\nJudge Mary Vance said the accused had been held for a week.\n", "absolute disgrace", "Mary Vance"),
    # the one a headline is about speaks, not the last name before the quote
    ("Ann Cole hits out at Tom Reid over ‘reckless’ cuts\n\nMayor Ann Cole spoke on Monday.\n\nCouncillor Tom Reid "
     "defended the plan.\n", "reckless", "Ann Cole"),
    # ... but an opening sentence is no headline: a label in it stays nobody's
    ("Rivers rose across the valley as the storm that one deputy called “biblical” moved east.\n\nDeputy Sam Ortiz "
     "said crews were ready.\n", "biblical", None),
    # a name and one verb the parse does not know as one, right after the quote: a new speaker
    ('Council met late.\n\n"We will cut the rates again next year," Mayor Tom Reid said. "You will not," Carla Diaz '
     'shot back.\n', "You will not", "Carla Diaz"),
    ('Council met late.\n\nMayor Tom Reid said the rates would fall.\n\n"I doubt it," Vera Bair retorts.\n',
     "I doubt it", "Vera Bair"),
    # a few words quoted deep inside what someone says are theirs, not a label
    ('Councils met on Monday.\n\nDana Holt, the leader of Westshire Council, argued that there was "nothing amusing" '
     'about the impacts of "reckless borrowing".\n', "reckless borrowing", "Dana Holt"),
    # a headline names its speaker by office; the body names the holder with it
    ('Valdoria President appeals for ‘calm heads’ as floods spread\n\nPresident Anna Petrova has said her silence '
     'should not be taken as weakness.\n', "calm heads", "Anna Petrova"),
    # a state's abbreviation after a city is no one's name
    ('River rises in Jackson\n\nThe mayor of Jackson, Miss., told residents to get out "now" as waters rose.\n',
     "now", None),
    # the parse took a quoted word for the subject and set the name in apposition to it
    ('The main opposition party won just six seats.\n\n"My congratulations to the Freedom League," Rana Sultan Mir, '
     'secretary of the Election Board, said in a televised speech, referring to the ruling party.\n',
     "My congratulations", "Rana Sultan Mir"),
    # ... or hung the name from a clause set off before the verb
    ('Leaders met in Quito on Friday.\n\nTomas Ibarra, president of Valdoria, also present at the summit, responded '
     'that the plan showed a "total ignorance of history."\n', "total ignorance", "Tomas Ibarra"),
    # a passive that raises its subject: whoever "was heard to say" says it
    ('The crash happened at dawn.\n\nAfter the collision Dale Pruitt was heard to say: "I should never have driven '
     'tonight" and he sat down.\n', "I should never", "Dale Pruitt"),
    # a long quote hanging from a relative clause is still the words of whom the sentence is about
    ('Protesters filled the square again on Friday.\n\nSami Haddad believes the country is close to a new order that '
     'meets his demands - "fair wages, free elections and a press that nobody can silence ever again."\n',
     "fair wages", "Sami Haddad"),
    # "said" again after a reported clause is the first speaker's, not the reported clause's subject's
    ('Governor Ana Kerr signed the budget.\n\nMolina, a Republican from Laredo, said he was "pleased" Kerr signed '
     'the document and said, "for the most part, our budget was kept intact."\n', "for the most part", "Molina"),
    # after a dash the main clause is what the subject before it decided: "he" is still that subject
    ('Kellan Moss urged a truce first.\n\nAt this point, Tomas Reyes decided to make things crystal clear—Moss must '
     'take the meeting as offered. In a new post, he wrote:\n\n"Moss should agree to this, IMMEDIATELY."\n',
     "Moss should agree", "Tomas Reyes"),
    # an office "of the" body before a name is the name's office, and its holder speaks
    ('Leader of the Opposition Mark Tane has condemned the attacks and expresses condolences to the people of '
     'Otago.\n\n“Details are still emerging.”\n', "Details are still", "Mark Tane"),
    # whom a sentence credits its claim to goes on in the quote after it
    ('Kilkenny lost the final to Wexford.\n\nThe penalty was the defining moment according to manager Ray Doyle.'
     '\n\n“I can’t say it got away from us.”\n', "I can’t say", "Ray Doyle"),
    # whoever a passive's words are said by is the one a description refers to next
    ('Striker Abu Mensah said the squad was young.\n\nIt was a sentiment echoed by coach Lena Park, who took over in '
     '2019. “The team has a bright future,” said the Korean.\n', "The team has", "Lena Park"),
    # "he" is whoever acts in the main clause before, not the subject of its opening clause
    ('Anna Kowal wrote that she was leaving.\n\nMinutes after Kowal quit, treasurer Piotr Nowak posted his own letter '
     'online. He said that he knew “this may be my last job”.\n', "this may be my last job", "Piotr Nowak"),
    # the person named just before the verb speaks, not the one an opening phrase cites
    ('Quoting poet John Keats, Dr Lim said Malaysia “was not born into greatness, but hardship”.\n',
     "was not born", "Lim"),
    # a round-up's "Name on the topic:" label
    ('Highlights of the panel included:\n\nMara Ilves on watching Bright Days with her parents: “It was a very '
     'memorable screening.”\n', "It was a very memorable", "Mara Ilves"),
    # a role set off before the name is parsed as a second subject
    ('Bristol City manager, Rui Costa admitted in his press conference that the call was wrong.\n\n'
     '"We knew it was not a penalty."\n', "We knew it", "Rui Costa"),
    # a described person named after a verb of saying that opens the sentence
    ('A fire broke out on Main Street.\n\nAdded another neighbor Jo Kim, 41, “He was kind. He fixed things.”\n',
     "He was kind", "Jo Kim"),
    # the subject of a passive "quoted as saying" is the one quoted
    ('"Prices will rise," Minister Tendai Moyo was quoted as saying by the state broadcaster.\n',
     "Prices will rise", "Tendai Moyo"),
    # an abbreviated title ends no sentence
    ('Mayor Colin Basan opened the meeting.\n\n"I am proud of this budget," Coun. Loyal Wooldridge said.\n',
     "I am proud", "Loyal Wooldridge"),
    # a label may be a role, then a name
    ('Carlton v Hawthorn\n\nBlues coach Michael Voss: "There is a fair bit of determination in the group."\n',
     "There is a fair bit", "Michael Voss"),
    # a profession opening a sentence is no name, but a stage name is
    ('Gastroenterologist and former health board member Dr Richard Stein said it was a "huge entity".\n',
     "huge entity", "Richard Stein"),
    ('Usher said: "I have every intention of doing that."\n', "I have every intention", "Usher"),
    # a surname the tagger takes for an adverb is still a name
    ('Councillor Padraig Conneely continued his campaign against Councillor Michael Crowe.\n\n'
     'Conneely said: "The comments directed at me were the lowest of the low."\n', "The comments", "Padraig Conneely"),
    # an opening mark followed by a stray space still opens
    ('"We were beaten," coach Ann Lee said.\n\n“ It was a game of mistakes, one after another.\n\n'
     '“We will learn from it.”\n', "It was a game of mistakes", "Ann Lee"),
    ('“It hurts,” said captain Bo Kim. ” The fans deserved better than this. ”\n', "The fans deserved", "Bo Kim"),
    # a newspaper only reports; "the Democrat" is no "Democratic Party Chair"
    ("“Voters want to know,” Travis County Democratic Party Chair Katie Naranjo told KEYE.\n\n"
     "O’Rourke answered that Abbott was deflecting blame, as he would on other matters.\n\n"
     "“He is going to blame others,” the El Paso Democrat said, The Texas Tribune reported.\n",
     "He is going to blame", "O'Rourke"),  # a curly apostrophe inside a name is straightened
    # a hyphen the tagger took for a name still joins a particle to the name after a curly quote
    ("“We have been able to contain the crisis,” Sheikh Khalifa bin Zayed al-Nahayan told KUNA.\n\n"
     "“We will go on,” Nahayan said.\n", "We will go on", "Khalifa bin Zayed al-Nahayan"),
    # a body's letters are no surname, even when a name before them ended in them
    ("The director of the National Institute of Anthropology and History INAH, Diego Prieto, spoke on Thursday.\n\n"
     "The director of INAH said that “the find is unique.”\n", "the find is unique", "Diego Prieto"),
    # the district after an office's letters, and "Pro Tem", belong to the office
    ('"We arrested four men," SSP City Amjad Hayat told reporters.\n', "We arrested four", "Amjad Hayat"),
    ('"These are trying times," Senate President Pro Tem Ron Richard said.\n', "These are trying", "Ron Richard"),
    # a hyphenated stage name is one name
    ("T-Pain is considered a legend in music.\n\nHe told fans on Instagram: “Some corners got cut.”\n", "Some corners",
     "T-Pain"),
    # the name a verb of naming gives its object is its subject's words
    ("But Gov. Gretchen Whitmer called the measure the Republican-led Legislature approved “a gimmick.”\n",
     "a gimmick", "Gretchen Whitmer"),
    # the field after an office's "of" is the office's, however many words it takes
    ("Director of Public Works Mara Olsen spoke at noon.\n\n“The pipes held,” Olsen said.\n", "The pipes held",
     "Mara Olsen"),
    ("Chief of Staff Tom Reyes left early.\n\n“We are done here,” Reyes said.\n", "We are done", "Tom Reyes"),
    # "according to" names who speaks, and a committee "on" something is a body
    ("“We will hold,” union leader Aye Min said on Monday.\n\nThe strike ended early, according to Ko Lin, chairman "
     "of the Joint Committee on Burmese Farmers' Affairs.\n\n"
     "“The workers went home,” he said.\n", "The workers went home", "Ko Lin"),
    # a word describing a body is no part of its name
    ('An alarmed UN said it is "deeply worried" about the fighting.\n', "deeply worried", "UN"),
    # after a sentence where nobody acts, a description names who spoke last, not whom the sentence is about
    ("Coach Rui Costa praised his players.\n\n“We were lucky,” said the coach.\n\nLater Ben Moss was sent off by "
     "the referee, a decision Costa agreed with.\n\n“We controlled the game after that,” the Portuguese added.\n",
     "We controlled the game", "Rui Costa"),
    # a name set off by commas just before the verb names the subject described before it
    ('The veteran Mountie who led the early briefings, Chief Supt. Anna Berg, said that "ten are dead."\n',
     "ten are dead", "Anna Berg"),
    # an "'s" that owns nothing is part of a business's name
    ('"Our sales fell," Sainsbury\'s said on Monday.\n', "Our sales fell", "Sainsbury's"),
    # a sign-off line that says more than a name gives the person it names first
    ("“We played our best tennis.”\n\n— Straight-talking Australian Ann Vale, a champion since 2015.\n",
     "We played our best", "Ann Vale"),
    ("“I am the loser both times.” – Bo Kim reflects on losing the final to Ann Vale.\n", "I am the loser",
     "Bo Kim"),
    ("“The sea is warming,” said Malin L. Pinsky, a professor.\n", "The sea is warming", "Malin L. Pinsky"),
    # a line ending in a verb of saying and a comma leads into the block after it
    ("Council members met on Monday.\n\nNorth Ward Councillor Ann Vale said,\n\n“We cannot keep raising taxes.\n\n"
     "Residents deserve better.”\n\nSouth Ward Councillor Bo Kim added,\n\n“I agree with my colleague.”\n",
     "I agree with", "Bo Kim"),
    # "no Conservative" is nobody a pronoun refers to
    ("Cllr Ann Vale argued for cuts.\n\nIt was a tax no Conservative is comfortable with.\n\nShe said: “We must cut "
     "the budget.”\n", "We must cut", "Ann Vale"),
    # words quoted in a sentence with no verb of saying are those of whom the sentence is about, unless a title
    ("The wards are full.\n\nHealth Minister Ann Vale blamed “false economies” for the delays in the wards.\n",
     "false economies", "Ann Vale"),
    ("The gala went on late.\n\nAnn Vale sang “Lift Me Up” at the gala.\n", "Lift Me Up", None),
    # "shared" and "hollered" report words as "said" does
    ('The singer spoke about the road.\n\n"I am not sure what we are doing with touring," Ann Vale shared.\n',
     "I am not sure", "Ann Vale"),
    ('“We are in it!” hollered Bo Kim, the lead scientist.\n', "We are in it", "Bo Kim"),
    # a document "reads" its author's words
    ("Magistrate Ann Vale granted the request on Monday. Lawyer Bo Kim had opposed it.\n\n“The case is complex and "
     "the application is allowed,” reads the magistrate's ruling.\n", "The case is complex", "Ann Vale"),
    # a forename written short ends no sentence
    ("Workers gathered on Monday.\n\n“The new wages are not enough,” said Mohd. Raisul Islam Khan, a union "
     "leader.\n", "The new wages", "Mohd. Raisul Islam Khan"),
    # a nationality names the person named before
    ("Coach Rui Vitoria was happy.\n\n“We deserved it,” the Portuguese added.\n", "We deserved it", "Rui Vitoria"),
]


def test_a_round_up_names_each_speaker_on_a_line_of_their_own() -> None:
    text = ("Here is what the drivers said after the race.\n\nLEWIS MARTIN\n\n“It was a strange and scrappy race but "
            "sixth is not too bad.”\n\nNina Kowal, 14th\n\n“Of course I’m frustrated but I’m not angry.”\n")
    found = extracted("round-up", text)
    assert quote(found, "It was a strange").speaker == "Lewis Martin"
    assert quote(found, "Of course").speaker == "Nina Kowal"  # a new name line, not the driver before
    subhead = ("The council met on Monday.\n\n“We will fight this plan,” Mayor Ann Cole said.\n\nNext Steps\n\n"
               "“We will meet the minister again in May.”\n")
    assert quote(extracted("subhead", subhead), "We will meet").speaker == "Ann Cole"  # a subhead names nobody
    shouted = subhead.replace("Next Steps", "WHAT THEY SAID")
    assert quote(extracted("shouted", shouted), "We will meet").speaker == "Ann Cole"


@pytest.mark.parametrize(("text", "words", "speaker"), ATTRIBUTIONS)
def test_attributions_in_several_house_styles(text: str, words: str, speaker: str) -> None:
    assert quote(extracted("style", text), words).speaker == speaker


def test_a_single_quoted_passage_holding_single_quoted_words_closes_at_its_own_mark() -> None:
    text = ("‘The villagers looked on as a balloon filled with ‘flammable air’ described as ‘like a wasps’ nest’ "
            "rose into the sky,’ the historian said. He called it ‘grand’.\n")
    spans = [text[q.start:q.end] for q in find_quotes(text) if not q.nested]
    assert spans[0].startswith("The villagers") and spans[0].endswith("rose into the sky,")


def test_a_source_cited_with_per_is_nobody_who_speaks() -> None:
    text = ("Song Hye-kyo and Jang Ki Yong star in the new series.\n\n“Jang is kind,” said the veteran actress of her "
            "co-star, per Soompi. Song added that she felt Jang had embodied his role. “Our chemistry is great.”\n")
    found = extracted("per", text)
    assert "Soompi" not in {quote(found, "Jang is kind").speaker, quote(found, "Our chemistry").speaker}
