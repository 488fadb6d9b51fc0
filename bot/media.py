"""Where words were said: platforms, outlets and occasions named in an attribution."""

from __future__ import annotations

import re

PLATFORMS = ["Truth Social", "Twitter", "Facebook", "Instagram", "Telegram", "TikTok", "YouTube", "Threads",
             "Bluesky", "LinkedIn", "Weibo", "VKontakte", "Substack", "Reddit", "WhatsApp"]
OUTLETS = ["Sky News", "ABC News", "BBC", "CNN", "Fox News", "Fox Business", "NBC News", "CBS News", "MSNBC",
           "CNBC", "NPR", "PBS", "Channel One", "Rossiya 1", "Rossiya-1", "RT", "TASS", "RIA Novosti",
           "Interfax", "Reuters", "the Associated Press", "AFP", "Bloomberg", "Al Jazeera", "Euronews",
           "France 24", "Deutsche Welle", "DW", "the New York Times", "The New York Times",
           "the Washington Post", "The Washington Post", "the Wall Street Journal", "Financial Times",
           "the Guardian", "The Guardian", "Politico", "Axios", "Le Monde", "Der Spiegel", "Bild", "Newsmax",
           "Meet the Press", "Face the Nation", "60 Minutes", "Good Morning America", "Today show",
           "ABC", "NBC", "CBS", "ITV", "Channel 4", "LBC", "Times Radio", "Radio Free Europe", "Kyiv Independent",
           "Ukrinform", "Xinhua", "NHK", "Yonhap", "Anadolu", "Haaretz", "Axel Springer", "The Atlantic",
           "The Economist", "Time magazine", "Newsweek", "USA Today", "The Hill", "Breitbart", "Izvestia"]
OCCASIONS = ["press conference", "news conference", "press briefing", "news briefing", "briefing",
             "video address", "televised address", "nightly address", "speech", "interview", "podcast",
             "rally", "town hall", "social media post", "statement", "Air Force One", "the Oval Office",
             "a hearing", "testimony", "news release", "press release", "television", "TV", "radio",
             "business event", "campaign event", "fundraiser", "event", "summit", "forum", "conference", "ceremony",
             "roundtable", "debate", "parliament", "dinner", "luncheon"]
NAMED = re.compile(r"(?<![\w@])(" + "|".join(re.escape(n) for n in sorted(PLATFORMS + OUTLETS, key=len,
                                                                            reverse=True)) + r")(?![\w])")
# X is a letter as well as a platform: only where the words around it make it one.
X = re.compile(r"\b(?:on|to|via|at)\s+(?:his|her|their|its|the\s+)?X\b|\bX\s+(?:account|post|feed)\b"
               r"|\b(?:tweet(?:ed|s)?|retweet(?:ed)?)\b")
# An outlet no list names, told by the word for what it is: "told the ARD broadcaster", "media outlet Amaq".
KIND = r"(?:broadcaster|newspaper|daily|tabloid|network|channel|station|radio|television|TV|news agency|agency|outlet)"
OUTLET_NAME = r"([A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,3})"
DESCRIBED = re.compile(rf"\b(?:told|to|on|in|with)\s+(?:the\s+)?(?:state\s+|public\s+)?{OUTLET_NAME}\s+{KIND}\b"
                       rf"|\b(?:media\s+|news\s+)?{KIND}\s+{OUTLET_NAME}")
# A site named by its address: "Idman.biz reports that ...", "Report.az".
WEBSITE = re.compile(r"[A-Za-z][\w-]*(?:\.[\w-]+)*\.[a-z]{2,6}")
# A newspaper no list names, told by its masthead's last word: "The Texas Tribune", "Jamaica Gleaner".
MASTHEAD = re.compile(r"(?:[Tt]he )?(?:[A-Z][\w.&'-]* ){1,3}(?:Tribune|Times|Herald|Gazette|Journal|Telegraph|Chronicle"
                      r"|Inquirer|Examiner|Courier|Dispatch|Bulletin|Gleaner|Newspaper|News)")
# An outlet named with the word for what it is: "the Afghan television network Tolo TV".
KIND_NAMED = re.compile(rf"(?:[\w'-]+\s+){{0,3}}{KIND}\s+{OUTLET_NAME}")
OCCASION = re.compile(r"\b(?:" + "|".join(re.escape(o) for o in sorted(set(OCCASIONS), key=len, reverse=True))
                      + r")\b", re.I)


def medium(context: str) -> str | None:
    """The platform or outlet an attribution names, else the occasion (interview, press conference)."""
    hits = [(m.start(), m.group(1)) for m in NAMED.finditer(context)]
    hits += [(m.start(), "X") for m in X.finditer(context)]
    hits += [(m.start(), m.group(1) or m.group(2)) for m in DESCRIBED.finditer(context)]
    hits += [(m.start(), m.group()) for m in MASTHEAD.finditer(context)]
    if hits:
        return re.sub(r"^[Tt]he ", "", min(hits)[1])
    occasion = OCCASION.search(context)
    return occasion.group() if occasion else None


def is_outlet(name: str) -> bool:
    """True when a name is a news outlet or platform (a source of a report, not its speaker)."""
    name = name.strip()
    return NAMED.fullmatch(name) is not None or WEBSITE.fullmatch(name) is not None \
        or MASTHEAD.fullmatch(name) is not None or KIND_NAMED.fullmatch(name) is not None
