"""Names of countries, cities and bodies: one-word names that are never a person."""

from __future__ import annotations

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
CALENDAR = """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
August September October November December""".split()

PLACES = frozenset(w.lower() for w in COUNTRIES + CITIES + BODIES + CALENDAR)


def is_place(word: str) -> bool:
    """True for a one-word name of a country, city, body or calendar day (never a person)."""
    return word.lower().strip(".,") in PLACES
