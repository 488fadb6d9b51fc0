"""Names: split titles from names, tell spellings of one person apart from others, pick canonical names."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz

from bot.models import Claim, Person

# Words of a title or office that come before a name ("Kremlin spokesman", "Prime Minister Sir").
TITLES = {
    "president", "vice", "prime", "minister", "secretary", "spokesman", "spokeswoman", "spokesperson",
    "envoy", "special", "general", "gen.", "gen", "sir", "dame", "lord", "lady", "mr.", "mr", "mrs.", "mrs",
    "ms.", "ms", "dr.", "dr", "sen.", "senator", "rep.", "representative", "gov.", "governor", "mayor",
    "chancellor", "king", "queen", "prince", "princess", "pope", "ambassador", "chairman", "chairwoman",
    "chair", "ceo", "director", "judge", "justice", "commissioner", "foreign", "defense", "defence",
    "interior", "finance", "deputy", "chief", "leader", "commander", "col.", "colonel", "lt.", "sgt.",
    "adm.", "admiral", "speaker", "senior", "adviser", "advisor", "aide", "official", "premier", "sheikh",
    "emir", "crown", "attorney", "state", "house", "former", "acting", "first", "coach", "captain",
    "professor", "prof.", "rev.", "bishop", "cardinal", "archbishop", "head", "executive",
    "officer", "negotiator", "mp", "senator-elect", "president-elect", "then",
}
# Words that make a capitalized run a place, an organization, an outlet or an event, not a person.
NOT_PERSON = {
    "news", "social", "times", "post", "journal", "force", "ministry", "office", "house", "palace", "day",
    "war", "union", "nations", "states", "kingdom", "republic", "council", "court", "department", "agency",
    "university", "bank", "party", "street", "city", "square", "international", "media", "press", "one",
    "airport", "committee", "parliament", "congress", "senate", "army", "navy", "company", "group", "inc.",
    "corp.", "fund", "organization", "assembly", "commission", "guard", "forces", "federation", "arabia",
    "emirates", "east", "west", "north", "south", "sea", "ocean", "island", "islands", "province",
    "region", "county", "district", "channel", "network", "television", "radio", "tv", "online", "daily",
    "weekly", "herald", "tribune", "telegraph", "gazette", "review", "foundation", "institute", "center",
    "centre", "church", "club", "league", "association", "summit", "treaty", "agreement", "act", "bill",
}
INITIAL = re.compile(r"^[A-Z]\.$")
HANDLE = re.compile(r"@(\w{2,})")


def is_title(word: str) -> bool:
    """True for a word of a title or office, which is never part of the name itself."""
    return word.lower().strip(",") in TITLES or word.lower().startswith(("then-", "ex-", "former-"))


def looks_like_person(name: str) -> bool:
    """A run of two or more capitalized words with nothing in it that names a place, body or outlet."""
    words = name.split()
    return len(words) >= 2 and all(w[:1].isupper() for w in words) and not any(
        w.lower() in NOT_PERSON for w in words)


def surname(name: str) -> str:
    """The last word of a name, lowercased, without possessive or punctuation."""
    last = name.split()[-1] if name.split() else ""
    return re.sub(r"(?:'s|’s)$", "", last).strip(".,").lower()


def same_person(a: str, b: str) -> bool:
    """True when two names can be spellings of one person: close surnames and no clash of first names."""
    if not a or not b or fuzz.ratio(surname(a), surname(b)) < 85:
        return False
    fa, fb = _first(a), _first(b)
    return not fa or not fb or fa[0] == fb[0] and fuzz.ratio(fa, fb) >= 75


def _first(name: str) -> str:
    """The first name, or empty for a single word."""
    words = name.split()
    return words[0].lower() if len(words) >= 2 else ""


def matches_handle(handle: str, name: str) -> bool:
    """True when a social handle spells a person's surname (@ZelenskyyUa, @realDonaldTrump)."""
    key = re.sub(r"[^a-z]", "", handle.lower())
    last = re.sub(r"[^a-z]", "", surname(name))
    return len(last) >= 3 and fuzz.partial_ratio(last, key) >= 90


def has_initial(name: str) -> bool:
    """True for a name with a middle initial, like Donald J. Trump."""
    return any(INITIAL.match(w) for w in name.split()[1:-1])


def canonical_names(names_by_article: Sequence[Iterable[str]], known: Sequence[Person] = ()) -> dict[str, str]:
    """Map every person name to one canonical spelling across articles and the already known people.

    Known people keep their name. Otherwise the full name used by the most articles wins, a form
    without middle initials first; single surnames and handles join the cluster they match.
    """
    use: Counter[str] = Counter()
    for names in names_by_article:  # proper names only: "the utility" and "its spokeswoman" are not people
        use.update({n for n in names if n.startswith("@") or all(w[:1].isupper() for w in n.split())})
    clusters: list[list[str]] = [[p.name, *p.aliases] for p in known]
    fixed = len(clusters)
    full = sorted((n for n in use if len(n.split()) >= 2 and not n.startswith("@")),
                  key=lambda n: (has_initial(n), -use[n], n))
    for name in full + sorted(n for n in use if n not in full):
        home = _cluster_of(name, clusters)
        if home is None:
            clusters.append([name])
        else:
            home.append(name)
    mapping = {}
    for k, cluster in enumerate(clusters):
        if k < fixed:
            best = cluster[0]
        else:
            fulls = [n for n in cluster if len(n.split()) >= 2 and not n.startswith("@")] or cluster
            best = min(fulls, key=lambda n: (-_articles(n, cluster, use), has_initial(n), n))
        for name in cluster:
            mapping[name] = best
    return mapping


def _articles(name: str, cluster: list[str], use: Counter[str]) -> int:
    """How many articles use this full spelling, counting forms that differ only by a middle initial."""
    bare = _without_initials(name)
    return sum(use[n] for n in cluster if _without_initials(n) == bare)


def _without_initials(name: str) -> str:
    """The name with middle initials dropped."""
    words = name.split()
    return " ".join([words[0], *[w for w in words[1:-1] if not INITIAL.match(w)], words[-1]]) if words else ""


def _cluster_of(name: str, clusters: list[list[str]]) -> list[str] | None:
    """The cluster a name belongs to, if any: a matching full name, surname or handle."""
    handle = HANDLE.fullmatch(name)
    for cluster in clusters:
        if handle:
            if any(matches_handle(handle.group(1), n) for n in cluster if not n.startswith("@")):
                return cluster
        elif any(same_person(name, n) for n in cluster if not n.startswith("@")):
            return cluster
    return None


def canonical_people(claims_by_article: Sequence[Sequence[Claim]]) -> list[Person]:
    """The people who speak in these claims, with every spelling used for them and their best known role."""
    aliases: defaultdict[str, set[str]] = defaultdict(set)
    roles: defaultdict[str, Counter[str]] = defaultdict(Counter)
    counts: Counter[str] = Counter()
    for claims in claims_by_article:
        for c in claims:
            if not c.speaker:
                continue
            counts[c.speaker] += 1
            if c.speaker_mention and c.speaker_mention != c.speaker:
                aliases[c.speaker].add(c.speaker_mention)
            if c.role:
                roles[c.speaker][c.role] += 1
    return [Person(name=name, role=roles[name].most_common(1)[0][0] if roles[name] else None,
                   aliases=sorted(aliases[name]), claims=n) for name, n in counts.most_common()]
