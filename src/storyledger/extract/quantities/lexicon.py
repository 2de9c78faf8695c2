"""The words of quantities, kept apart from the logic that reads them (as spaCy keeps
``lang/en/*``): number words and scales, bounds, the words around an amount that tell
what it is not, the verbs of levels and changes, and the few unit and currency forms
news writes that pint and babel do not know by those spellings.
"""

from __future__ import annotations

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "lakh": 1e5,  # South Asian scales: "25 lakh tonnes", "Rs 3 crore"
    "crore": 1e7,
}
MULTIPLIERS = {"hundred": 100.0, "dozen": 12.0}
# Abbreviated scales written after digits: "1.5bn", "€40m", "$50k".
ABBREVIATED_SCALES = {
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "tn": 1e12,
    "trn": 1e12,
}
# Abbreviations that mean a scale only next to a currency ("5m" alone is five metres).
CURRENCY_ONLY_SCALES = frozenset({"k", "m", "b"})
# Fraction words by their denominator: "half a million", "two-thirds of", "three quarters".
FRACTIONS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fifth": 5,
    "fifths": 5,
    "tenth": 10,
    "tenths": 10,
}
# The words that give how many of a fraction: "a third", "two-thirds", "three quarters".
FRACTION_NUMERATORS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "nine": 9}
# Fractions written as one character: "½ teaspoon", "10½ miles".
VULGAR_FRACTIONS = {
    "½": 1 / 2,
    "⅓": 1 / 3,
    "⅔": 2 / 3,
    "¼": 1 / 4,
    "¾": 3 / 4,
    "⅕": 1 / 5,
    "⅛": 1 / 8,
    "⅜": 3 / 8,
    "⅝": 5 / 8,
    "⅞": 7 / 8,
}
# The denominators of fractions written in digits ("1/4 mile", "7 3/4%", "101 1/4"); others
# are dates, scores or ratios ("24/7", "9/11", "3/1").
DIGIT_DENOMINATORS = ("2", "3", "4", "8", "16", "32", "64")
# "hundreds of", "tens of thousands of": vague amounts.
VAGUE_PLURALS = {
    "dozens": 12.0,
    "tens": 10.0,
    "scores": 20.0,
    "hundreds": 100.0,
    "thousands": 1e3,
    "millions": 1e6,
    "billions": 1e9,
}

# bound phrase -> (which end it sets, the normalised approx label)
BOUNDS: dict[str, tuple[str | None, str]] = {
    "at least": ("low", "at least"),
    "no fewer than": ("low", "at least"),
    "no less than": ("low", "at least"),
    "not less than": ("low", "at least"),
    "a minimum of": ("low", "at least"),
    "more than": ("low", "more than"),
    "over": ("low", "more than"),
    "above": ("low", "more than"),
    "upwards of": ("low", "more than"),
    "in excess of": ("low", "more than"),
    "greater than": ("low", "more than"),
    "just over": ("low", "more than"),
    "well over": ("low", "more than"),
    "up to": ("high", "up to"),
    "as many as": ("high", "up to"),
    "as much as": ("high", "up to"),
    "at most": ("high", "up to"),
    "no more than": ("high", "up to"),
    "not more than": ("high", "up to"),
    "a maximum of": ("high", "up to"),
    "nearly": ("high", "nearly"),
    "almost": ("high", "nearly"),
    "close to": ("high", "nearly"),
    "just under": ("high", "nearly"),
    "just shy of": ("high", "nearly"),
    "fewer than": ("high", "less than"),
    "less than": ("high", "less than"),
    "under": ("high", "less than"),
    "below": ("high", "less than"),
    "about": (None, "about"),
    "around": (None, "about"),
    "some": (None, "about"),
    "roughly": (None, "about"),
    "approximately": (None, "about"),
    "an estimated": (None, "about"),
    "estimated": (None, "about"),
    "circa": (None, "about"),
}
MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
# Month names that are also English words: a month in lower-cased text only by a number
# or after a preposition of time.
MONTHS_THAT_ARE_WORDS = frozenset({"may", "march", "mar", "jan", "sep", "dec", "jun"})
TIME_PREPOSITIONS = frozenset(
    {"on", "in", "since", "until", "till", "by", "from", "of", "before", "after", "early"}
    | {"late", "mid", "through", "to", "between"}
)
# Prepositions before a date written in digits ("on 3/4", "since 7/8").
DATE_PREPOSITIONS = frozenset({"on", "since", "until", "till", "by", "before", "after"})
# The names of streets after a house number: "10 Downing Street".
STREET_NOUNS = frozenset(
    {"street", "st", "road", "rd", "avenue", "ave", "boulevard", "blvd", "lane", "drive"}
    | {"place", "square", "way", "terrace", "crescent", "court"}
)
TIME_NOUNS = frozenset(
    [
        "second",
        "minute",
        "hour",
        "day",
        "night",
        "week",
        "weekend",
        "month",
        "year",
        "decade",
        "century",
        "fortnight",
    ]
)
SCORE_NOUNS = frozenset(
    ["win", "victory", "defeat", "loss", "draw", "lead", "scoreline", "triumph", "margin"]
)
SCORE_VERBS = frozenset(
    ["win", "beat", "lose", "draw", "defeat", "lead", "trail", "edge", "thrash"]
)
# Words that tell how a number relates to others, not what it counts.
RELATIONAL = frozenset(
    [
        "additional",
        "extra",
        "further",
        "more",
        "other",
        "another",
        "new",
        "fresh",
        "total",
        "estimated",
        "some",
        "several",
        "many",
        "such",
        "same",
        "initial",
        "first",
        "last",
        "latest",
        "remaining",
    ]
)
NAME_NUMBER_WORDS = frozenset({"no.", "no", "number", "#", "nos.", "aged", "age"})
# Nouns that a number after them names: "highway 35", "exit 436", "flight 370", "gate 12".
NUMBERED_NOUNS = frozenset(
    {"highway", "interstate", "route", "exit", "junction", "flight", "gate", "platform"}
    | {"terminal", "pier", "berth", "room", "suite", "floor", "page", "chapter", "article"}
    | {"section", "clause", "paragraph", "resolution", "amendment"}
    | {"ward", "district", "precinct", "sector", "zone", "block", "building", "camp"}
)
# Verbs that move something to a level: "brings the contribution to $300m".
MOVING_VERBS = frozenset(
    {"bring", "take", "push", "raise", "lift", "increase", "boost", "cut", "reduce", "lower"}
)
# Verbs whose subject is at the level an amount gives: "the fund reached $110m".
LEVEL_VERBS = frozenset(
    {"reach", "total", "amount", "exceed", "top", "rise", "fall", "grow", "climb", "jump"}
    | {"drop", "decline", "increase", "stand", "hit", "surpass", "soar", "plunge", "slip"}
)
# Verbs whose subject holds an amount of money: "the fund held $21m".
HOLDING_VERBS = frozenset({"hold", "have", "contain"})
# Verbs that put a value on their (passive) subject: "its cost is estimated at $600m".
VALUING_VERBS = frozenset({"estimate", "put", "value", "peg", "set", "cap", "project", "forecast"})
# Heads that only say a number is a total or a figure, not what it counts.
RELATIONAL_HEADS = frozenset(
    {"total", "number", "figure", "tally", "count", "sum", "amount", "level", "it", "that"}
)
# Groups whose size a count gives: what they count are their members, not the group.
COLLECTIVE_HEADS = frozenset(
    {"contingent", "force", "group", "team", "unit", "delegation", "deployment", "mission"}
    | {"crew", "army", "battalion", "detachment", "squad", "fleet", "workforce", "corps"}
)
# What money handed over by a verb is, as a noun: "deposited" -> "deposit".
MONEY_NOUNS = {
    "deposit": "deposit",
    "pledge": "pledge",
    "promise": "pledge",
    "commit": "commitment",
    "donate": "donation",
    "contribute": "contribution",
    "invest": "investment",
    "spend": "spending",
    "pay": "payment",
    "lend": "loan",
    "loan": "loan",
    "borrow": "loan",
    "grant": "grant",
    "award": "award",
    "allocate": "allocation",
    "earmark": "allocation",
    "disburse": "disbursement",
    "transfer": "transfer",
    "fund": "funding",
    "finance": "financing",
    "budget": "budget",
    "compensate": "compensation",
    "fine": "fine",
    "owe": "debt",
    "sell": "sale",
    "buy": "purchase",
    "purchase": "purchase",
    "earn": "earnings",
    "lose": "loss",
    "save": "saving",
    "request": "request",
    "appeal": "appeal",
}
CONTAINER_PREPS = frozenset({"in", "into"})
PURPOSE_PREPS = frozenset({"in", "of", "for"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
VERB_POS = frozenset({"VERB", "AUX"})


# -- currencies: what babel's English names and symbols leave out -------------------------
# Symbols news writes that babel's English locale spells otherwise ("US$", "KSh").
EXTRA_CURRENCY_SYMBOLS = {
    "us$": "USD",
    "u.s.$": "USD",
    "c$": "CAD",
    "au$": "AUD",
    "s$": "SGD",
    "mex$": "MXN",
    "₽": "RUB",
    "₩": "KRW",
    "₦": "NGN",
    "₺": "TRY",
}
# One-letter prefixes of a dollar symbol that are also words or word endings: never read
# with a space before the "$" ("a $5 fine" is no Australian dollar, "the firm's $5m" no
# Singapore dollar).
WORDLIKE_PREFIXES = frozenset({"a", "A", "s", "S", "r", "R"})
# Letters written before a number as a currency: "KSh 2 billion", "Rs 500", "Y1.2bn" (yen).
CURRENCY_PREFIX_LETTERS = {"KSh": "KES", "Ksh": "KES", "Kshs": "KES", "Rs": "INR", "Y": "JPY"}
# Codes that are also English words written in capitals ("ALL", "TOP"): never a currency.
WORDLIKE_CODES = frozenset({"ALL", "TOP", "CUP", "MOP", "BAM"})
# The currency a bare name means when the text names no country that uses it.
DEFAULT_CURRENCY_OF_NAME = {
    "dollar": "USD",
    "pound": "GBP",
    "sterling": "GBP",
    "euro": "EUR",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "franc": "CHF",
    "shilling": "KES",
    "rupee": "INR",
    "dirham": "MAD",
    "dinar": "LYD",
    "peso": "MXN",
    "real": "BRL",
    "reais": "BRL",
    "rand": "ZAR",
    "rouble": "RUB",
    "ruble": "RUB",
    "lira": "TRY",
    "riyal": "SAR",
    "won": "KRW",
}
# What a price is of: "$70 a share", "470 pence per share", "$80 a barrel".
PER_THINGS = frozenset(
    [
        "share",
        "barrel",
        "tonne",
        "ton",
        "ounce",
        "gallon",
        "litre",
        "liter",
        "kilogram",
        "kg",
        "pound",
        "head",
        "person",
        "capita",
        "month",
        "year",
        "week",
        "day",
        "hour",
        "night",
        "unit",
        "seat",
        "ticket",
        "dozen",
    ]
)
# Codes that lower-cased text writes in lower case too ("20 usd"), and the colloquial "rmb".
LOWERCASE_CODES = {"usd": "USD", "eur": "EUR", "gbp": "GBP", "jpy": "JPY", "rmb": "CNY"}
# Names news uses that babel spells otherwise (its "British pound", "US dollar").
EXTRA_CURRENCY_NAMES = {
    "sterling": "GBP",
    "pounds sterling": "GBP",
    "rouble": "RUB",
    "reais": "BRL",
}
# Short names of countries that babel names in full.
COUNTRY_ALIASES = {
    "UAE": "United Arab Emirates",
    "US": "United States",
    "U.S.": "United States",
    "UK": "United Kingdom",
    "DRC": "Congo - Kinshasa",
}
# Minor units, kept as written: "212p" is 212 pence, not £212.
MINOR_UNITS = {"p": "GBX", "pence": "GBX", "penny": "GBX", "cent": "cent", "cents": "cent"}
# Country adjectives for the names babel gives by country ("UAE dirham"): "Emirati dirhams".
CURRENCY_QUALIFIER_ALIASES = {
    "u.s.": "us",
    "american": "us",
    "emirati": "uae",
    "british": "british",
}

# -- physical units: forms that pint does not parse as news means them --------------------
# written form (lower case) -> pint expression
UNIT_FORMS = {
    "bhp": "horsepower",
    "lb-ft": "foot * force_pound",
    "lb ft": "foot * force_pound",
    "lb.-ft.": "foot * force_pound",
    "pound-feet": "foot * force_pound",
    "pound-foot": "foot * force_pound",
    "pounds-feet": "foot * force_pound",
    "foot-pounds": "foot * force_pound",
    "nm": "newton * meter",
    "newton-metres": "newton * meter",
    "newton-meters": "newton * meter",
    "bpd": "barrel / day",
    "barrels a day": "barrel / day",
    "barrels per day": "barrel / day",
    "mpg": "mile / gallon",
    "km2": "kilometer ** 2",
    "sq km": "kilometer ** 2",
    "sq miles": "mile ** 2",
    "degrees celsius": "degree_Celsius",
    "degrees centigrade": "degree_Celsius",
    "degree celsius": "degree_Celsius",
    "degrees fahrenheit": "degree_Fahrenheit",
    "degree fahrenheit": "degree_Fahrenheit",
    "degrees c": "degree_Celsius",
    # common misspellings
    "celcius": "degree_Celsius",
    "degrees celcius": "degree_Celsius",
    "farenheit": "degree_Fahrenheit",
    "degrees farenheit": "degree_Fahrenheit",
    "fahrenheight": "degree_Fahrenheit",
    "degrees f": "degree_Fahrenheit",
    "c": "degree_Celsius",
    "f": "degree_Fahrenheit",
    "deg": "degree",
    "celsius": "degree_Celsius",
    "centigrade": "degree_Celsius",
    "fahrenheit": "degree_Fahrenheit",
    "deg celsius": "degree_Celsius",
    "deg c": "degree_Celsius",
    "deg fahrenheit": "degree_Fahrenheit",
    "deg f": "degree_Fahrenheit",
    "° celsius": "degree_Celsius",
    "° c": "degree_Celsius",
    "° fahrenheit": "degree_Fahrenheit",
    "° f": "degree_Fahrenheit",
    "kmph": "kilometer / hour",
    "lbs": "pound",
    "kph": "kilometer / hour",
    "kmh": "kilometer / hour",
    "kilotonnes": "kilometric_ton",
    "megatonnes": "megametric_ton",
    "gigatonnes": "gigametric_ton",
    "gigatons": "gigametric_ton",
    "metric tons": "metric_ton",
    "metric tonnes": "metric_ton",
}
# Symbols pint reads by case ("kHz", "MW") that news and lower-cased text write in any case.
CASED_SYMBOLS = [
    "Hz",
    "kHz",
    "MHz",
    "GHz",
    "W",
    "kW",
    "MW",
    "GW",
    "TW",
    "Wh",
    "kWh",
    "MWh",
    "GWh",
    "TWh",
    "B",
    "KB",
    "kB",
    "MB",
    "GB",
    "TB",
    "PB",
    "Pa",
    "kPa",
    "MPa",
    "GPa",
    "bit",
    "kbit",
    "Mbit",
    "Gbit",
]
# Words and letters pint knows that in news are rarely units ("has" as hectares, "a" as
# a year, "at" as an atmosphere, "point" as a printer's point, "M" as molar).
NOT_UNITS = frozenset(
    [
        "a",
        "an",
        "at",
        "in",
        "has",
        "h",
        "s",
        "t",
        "g",
        "l",
        "p",
        "point",
        "points",
        "pt",
        "bar",
        "bars",
        "stone",
        "line",
        "lines",
        "mark",
        "marks",
        "M",
        "mil",
        "gal",
        "are",
        "ar",
        "b",
        "d",
        "C",
        "F",
        "K",
        "percent",
        "pc",
        "cd",
    ]
)

# -- change and level -----------------------------------------------------------------
UP_WORDS = frozenset(
    [
        "rise",
        "rose",
        "risen",
        "increase",
        "gain",
        "climb",
        "jump",
        "grow",
        "soar",
        "surge",
        "rally",
        "advance",
        "add",
        "up",
        "higher",
        "boost",
        "raise",
        "lift",
        "expand",
        "improve",
        "edge",
    ]
)
DOWN_WORDS = frozenset(
    [
        "fall",
        "fell",
        "fallen",
        "drop",
        "decline",
        "slip",
        "slide",
        "lose",
        "lost",
        "shed",
        "ease",
        "dip",
        "plunge",
        "tumble",
        "sink",
        "shrink",
        "cut",
        "reduce",
        "lower",
        "down",
        "decrease",
        "slump",
        "sag",
        "retreat",
        "contract",
    ]
)
# Nouns that name a change: "an increase of 5%", "a 3% drop".
UP_NOUNS = frozenset(
    ["increase", "rise", "gain", "jump", "growth", "surge", "hike", "climb", "advance", "rally"]
)
DOWN_NOUNS = frozenset(
    [
        "decrease",
        "fall",
        "drop",
        "decline",
        "loss",
        "cut",
        "reduction",
        "slump",
        "dip",
        "plunge",
        "contraction",
    ]
)
# Prepositions that give the level an amount moved to ("rose 4% to 212p", "up 31 cents at
# $71.05") or the change it moved by ("rose by 4%").
LEVEL_PREPS = frozenset({"to", "at", "from"})
CHANGE_PREPS = frozenset({"by"})
# Units pint resolves a news word to that news means otherwise ("5 links", "3 hands").
NOT_UNIT_NAMES = frozenset(
    [
        "link",
        "chain",
        "rod",
        "pole",
        "hand",
        "span",
        "line",
        "cable",
        "count",
        "dot",
        "board",
        "cord",
        "gross",
        "standard",
        "gray",
        "shot",
        "pixel",
        "bag",
        "tex",
        "den",
        "grade",
        "sheet",
        "point",
        "bar",
        "stone",
        "pica",
        "gauss",
        "technical_atmosphere",
        "molar",
        "number_meter",
        "percent",
        "quarter",  # "three quarters" is a fraction, or a quarter of the year
        "micronit",  # "units" read as micro-nits
    ]
)
# Currency names that are common English words ("4 won, 2 lost"): a currency only with
# their country's adjective ("South Korean won").
COMMON_WORD_CURRENCY_NAMES = frozenset(
    [
        "won",
        "real",
        "mark",
        "dram",
        "som",
        "kip",
        "pula",
        "tala",
        "lei",
        "leu",
        "vatu",
        "lari",
        "rial",
        "ariary",
        "loti",
        "kina",
    ]
)
# pint's names of dimensions, in the order a name is chosen when two share a dimensionality
# (a torque and an energy are both force times length).
PREFERRED_DIMENSIONS = [
    "length",
    "area",
    "volume",
    "mass",
    "time",
    "temperature",
    "speed",
    "frequency",
    "power",
    "energy",
    "pressure",
    "force",
    "acceleration",
    "volumetric_flow_rate",
    "density",
]
TORQUE_UNITS = frozenset({"foot * force_pound", "meter * newton", "newton * meter"})
# Dimensionless units by the kind of thing they measure.
DIMENSIONLESS_KINDS = {
    "byte": "information",
    "bit": "information",
    "degree": "angle",
    "radian": "angle",
    "turn": "angle",
    "revolution": "angle",
}
