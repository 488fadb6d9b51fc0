"""Names: split titles from names, tell spellings of one person apart from others, pick canonical names."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz

from bot.models import Claim, Person
from bot.places import is_demonym

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
    "officer", "negotiator", "mp", "senator-elect", "president-elect", "then", "lt", "sgt", "col", "capt",
    "capt.", "maj", "maj.", "cpl", "cpl.", "det", "det.", "insp", "insp.", "supt", "supt.", "cmdr", "cmdr.", "asp",
    "dsp", "csp", "acp", "dcp", "pm", "fm", "councilmember", "councilman", "councilwoman", "councillor", "councilor",
    "cllr", "cllr.", "cllrs", "councillors", "councilors", "cr", "cr.", "alderman", "sheriff", "lieutenant",
    "sergeant", "detective", "inspector", "superintendent", "constable", "trooper", "prosecutor", "pastor",
    "coo", "cfo", "cto", "cio", "cmo", "whip", "majority", "minority", "chairperson", "treasurer", "comptroller",
    "magistrate", "solicitor", "barrister", "congressman", "congresswoman", "assemblyman", "assemblywoman",
    "delegate", "mep", "baron", "affairs", "observer", "administrator", "coordinator", "manager", "registrar",
    "coun.", "coun", "const.", "ald.", "atty.", "asst.", "hon.", "hon", "honourable", "honorable", "fr.", "supv.",
    "comm.", "amb.", "pres.", "brig.", "cdr.", "mgr.", "msgr.", "pro", "tem", "tempore",
    "baroness", "secretary-general", "undersecretary", "under", "assistant", "associate", "managing",
    "author", "novelist", "writer", "poet", "actor", "actress", "singer", "rapper", "comedian", "filmmaker",
    "producer", "musician", "artist", "billionaire", "businessman", "businesswoman", "entrepreneur", "founder",
    "co-founder", "cofounder", "economist", "analyst", "columnist", "journalist", "anchor", "physician",
    "scientist", "researcher", "historian", "volunteer", "firefighter", "activist", "candidate", "nominee", "mogul",
    "tycoon", "owner", "principal", "headteacher", "headmaster", "headmistress", "teacher", "lawyer", "nurse",
    "surgeon", "pilot", "student", "resident", "chef", "editor", "engineer", "curator", "broadcaster", "presenter",
    "campaigner", "advocate", "lobbyist", "consultant", "strategist", "pollster", "rabbi", "imam", "priest", "vicar",
    "chaplain", "landlord", "landlady", "shopkeeper", "planner", "organiser", "organizer", "star", "co-star",
    "member", "health", "education", "labour", "labor", "trade", "transport", "energy", "environment", "agriculture",
    "treasury", "housing", "immigration", "culture", "tourism", "economy", "commerce", "security", "homeland",
}
# Honorifics that stand with a name but are no office: left out of a role ("Prime Minister Sir Keir Starmer").
HONORIFICS = {"sir", "dame", "lord", "lady", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "then"}
# Common nouns that name people or bodies of people, so a subject they head can be a speaker.
AGENTS = set("""
official officials spokesman spokeswoman spokesperson spokespeople source sources leader leaders minister ministers
ministry government governments administration authorities authority police officer officers prosecutor
prosecutors judge judges lawyer lawyers attorney attorneys analyst analysts expert experts economist economists
researcher researchers scientist scientists critic critics supporter supporters opponent opponents resident
residents witness witnesses people voter voters member members lawmaker lawmakers legislator legislators
senator senators diplomat diplomats envoy envoys ambassador aide aides adviser advisers advisor advisors
negotiator negotiators delegation delegates team coach coaches player players manager managers executive
executives company companies firm firms utility union unions agency agencies committee council court board
group groups campaign party parties office department military army navy media press newspaper outlet
outlets allies ally community parliament congress senate commission bank banks regulator regulators investor
investors shareholders employees workers staff doctors doctor nurses nurse family families parents parent
mother father wife husband son daughter students student teachers teacher activists activist protesters
organizers organisers chief chiefs director directors president presidents chairman chairwoman chair
secretary governor mayor premier king queen prince chancellor commander commanders general generals soldiers
troops rebels militants fighters insurgents agency ceo founder owner owners spokesmen spokeswomen inspector
investigators investigator detective detectives sheriff spokespersons insiders insider observers observer
scholars historian historians author authors editor editors reporter reporters journalist journalists
correspondent correspondents host hosts fans citizens neighbours neighbors victims survivors victim survivor
relatives friends friend colleagues colleague partner partners officials' pundits strategists pollsters
candidate candidates nominee nominees democrats republicans conservatives liberals unionists protesters
organization organisation institute university hospital school schools clinic charity foundation bureau
service services inquiry panel jury tribunal club league federation association network broadcaster
cabinet kremlin pentagon regime junta leadership establishment arm wing unit branch division embassy embassies
consulate secretariat presidency
actress actresses waitress hostess princess duchess countess empress heiress stewardess goddess baroness songstress star
stars singer actor actors athlete athletes coach captain
""".split())


def is_agent(noun: str) -> bool:
    """True for a common noun that names a person or a body of people (speakers), not a thing or a number."""
    low = noun.lower()
    if low in AGENTS:
        return True
    return low.endswith(("ist", "ists", "ian", "ians", "man", "men", "woman", "women", "person", "people")) or (
        low.endswith(("er", "ers", "or", "ors", "ant", "ants", "ent", "ents"))
        and not low.endswith(("ment", "ments", "ter", "ters", "per", "pers", "der", "ders", "ber", "bers"))
        and low not in NOT_AGENTS)


# Title words that qualify an office rather than name one: "the state" or "the foreign" is no person.
QUALIFIERS = {
    "vice", "prime", "special", "general", "foreign", "defense", "defence", "interior", "finance", "senior", "state",
    "house", "former", "acting", "first", "crown", "health", "education", "labour", "labor", "trade", "transport",
    "energy", "environment", "agriculture", "treasury", "housing", "immigration", "culture", "tourism", "economy",
    "commerce", "security", "homeland", "majority", "minority", "under", "associate", "managing", "then",
}
# People an article mentions without naming them: "the spokesman said" is seldom someone named before.
UNNAMED = {"spokesman", "spokeswoman", "spokesperson", "official", "officer", "source", "witness", "resident",
           "neighbour", "neighbor", "employee", "worker", "student", "teacher", "doctor", "nurse", "aide", "adviser",
           "advisor", "analyst", "expert", "insider", "person", "agent", "representative", "investigator"}


# Nouns for one person with no ending that tells it: "the pop star said".
PERSON_WORDS = {"star", "superstar", "boss", "chief", "icon", "legend", "veteran", "rookie", "champion", "skipper",
                "child", "girl", "boy", "mum", "mom", "dad", "teen", "teenager", "victim", "suspect", "defendant",
                "nominee", "host", "democrat", "republican", "tory"}  # nationalities ("the Briton") are demonyms


def is_person_noun(noun: str) -> bool:
    """True for a common noun that names one person by what they are ("the premier", "the songstress"), not a body.

    >>> is_person_noun("premier"), is_person_noun("government"), is_person_noun("state")
    (True, False, False)
    """
    low = noun.lower()
    if low in QUALIFIERS or "." in low:
        return False
    return is_title(low) or low in PERSON_WORDS or is_demonym(noun) or is_agent(low) and (
        low.endswith(("er", "or", "ist", "ian", "man", "woman", "person", "ess", "ant"))
        or low.endswith("ent") and low not in AGENTS)


# Nouns with a person's ending that name things.
NOT_AGENTS = {"factor", "factors", "sector", "sectors", "error", "errors", "floor", "door", "color", "colour",
              "motor", "power", "powers", "tower", "order", "orders", "cancer", "corner", "dinner", "summer",
              "winter", "layer", "liver", "silver", "river", "fever", "banner", "manner", "answer", "tender",
              "event", "events", "percent", "content", "intent", "extent", "talent", "accident", "incident",
              "patent", "plant", "plants", "grant", "grants", "restaurant", "component", "argument", "environment",
              "indicator", "indicators", "behavior", "behaviour", "favor", "favour", "flavor", "honor", "humor",
              "labor", "labour", "rumor", "rumour", "terror", "vapor", "mirror", "horror", "anchor", "radar",
              "weather", "feather", "leather", "ether", "other", "others", "either", "neither", "whether",
              "hammer", "container", "filter", "poster", "sticker", "tanker", "cluster", "trailer", "roster"}
# Words naming an office's field, after its "of": "Director of Public Works Jen Winter", "Chief of Staff Susie Wiles".
FIELDS = frozenset("""public works safety planning communications information operations management parks recreation
roads highways revenue resources human development infrastructure welfare utilities transportation sanitation
national internal home external local rural urban civil economic cabinet staff emergency environmental natural water
sport sports youth women children family corrections community technology science research elections legal land
lands mines mining fisheries forestry wildlife heritage arts marketing sales engineering admissions athletics
affairs opposition""".split())
# Words of NOT_PERSON that are first names as well: "Bill George", not "the Finance Bill".
FORENAMES = {"bill"}
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
    "patrol", "police", "bureau", "authority", "administration", "command", "service", "services", "board",
    "storm", "hurricane", "typhoon", "cyclone", "tornado", "hospital", "clinic", "school", "college", "museum",
    "stadium", "airlines", "airways", "festival", "hotel", "restaurant", "mosque", "temple", "cathedral",
    "market", "mall", "prison", "jail", "games", "olympics", "paralympics", "cup", "championship",
    "championships", "awards", "tournament", "trophy", "prize", "expo", "conference", "forum", "album", "tour",
    "series", "show", "team", "squad", "band", "alliance", "coalition", "front", "movement", "society", "ball",
    "presidency", "budget", "plan", "strategy", "policy", "programme", "program", "scheme", "initiative", "project",
    "report", "beach", "lake", "valley", "creek", "harbour", "harbor", "road", "avenue", "highway", "canyon",
    "peninsula", "mountain", "mountains", "reservoir", "brewing", "brewery", "holdings", "industries", "corporation",
    "enterprises", "ventures", "technologies", "pharmaceuticals", "motors", "mining", "plant", "factory",
}
INITIAL = re.compile(r"^[A-Z]\.$")
# Lowercase words inside names: "Abdul Rahman al-Saleh", "Ursula von der Leyen", "Mohammed bin Salman".
PARTICLES = frozenset("bin bint ibn al el de da di du dos das van von der den la le ter ten".split())
PARTICLE = re.compile(rf"^(?:{'|'.join(sorted(PARTICLES))})(?:[-‑]\w+)?$")
HANDLE = re.compile(r"@(\w{2,})")


def is_title(word: str) -> bool:
    """True for a word of a title or office, which is never part of the name itself."""
    return word.lower().strip(",") in TITLES or word.lower().startswith(("then-", "ex-", "former-"))


def looks_like_person(name: str) -> bool:
    """A run of two or more capitalized words with nothing in it that names a place, body or outlet."""
    words = name.split()
    return len(words) >= 2 and all(w[:1].isupper() or PARTICLE.match(w) for w in words) and not name.isupper() \
        and not any(w.lower() in NOT_PERSON and (k or w.lower() not in FORENAMES) for k, w in enumerate(words))


def surname(name: str) -> str:
    """The last word of a name, lowercased, without possessive or punctuation."""
    last = name.split()[-1] if name.split() else ""
    # "al-Saleh" is "Saleh": the article is no part of the family name a text may give alone
    return re.sub(r"^(?:al|el)[-‑]", "", re.sub(r"(?:'s|’s)$", "", last).strip(".,").lower())


def same_person(a: str, b: str) -> bool:
    """True when two names can be spellings of one person: close surnames and no clash of first names."""
    last_a, last_b = surname(a), surname(b)
    if not a or not b or fuzz.ratio(last_a, last_b) < 85:
        return False
    if min(len(last_a), len(last_b)) <= 4 and last_a != last_b:  # "Lam" is not "Alam": short names spell out
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
        # "Police" alone is whatever police the article meant, not the "Zimbabwe Republic Police" of another one
        home = None if name.lower() in NOT_PERSON else _cluster_of(name, clusters)
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
    """The cluster a name belongs to, if any: a matching full name, surname or handle. A surname alone that
    several people share (the judge Cox, the accused Matthew Cox) names none of them."""
    handle = HANDLE.fullmatch(name)
    found = [c for c in clusters if any(
        matches_handle(handle.group(1), n) if handle else same_person(name, n) for n in c if not n.startswith("@"))]
    return found[0] if len(found) == 1 or found and len(name.split()) > 1 else None


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
