"""Alias tables for canonical entity keys: countries, regions and international organisations.

Every row is ``(canonical name, aliases, demonyms)``. The key of a row is the
slug of its canonical name ("United States" -> ``united_states``), so the same
country or organisation gets the same key in every article. Aliases written
in capitals ("US", "UN", "DRC") match only when written in capitals (with or
without dots: "U.S."), so the pronoun "us" is never the United States; all
other forms match case-insensitively. Plural demonyms ("Kenyans") are derived.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

CountryRow = tuple[str, tuple[str, ...], tuple[str, ...]]

# All 193 UN member states, the two observer states and a few widely reported territories.
COUNTRIES: tuple[CountryRow, ...] = (
    ("Afghanistan", (), ("Afghan", "Afghani")),
    ("Albania", (), ("Albanian",)),
    ("Algeria", (), ("Algerian",)),
    ("Andorra", (), ("Andorran",)),
    ("Angola", (), ("Angolan",)),
    ("Antigua and Barbuda", ("Antigua",), ("Antiguan",)),
    ("Argentina", (), ("Argentine", "Argentinian", "Argentinean")),
    ("Armenia", (), ("Armenian",)),
    ("Australia", (), ("Australian",)),
    ("Austria", (), ("Austrian",)),
    ("Azerbaijan", (), ("Azerbaijani", "Azeri")),
    ("Bahamas", ("The Bahamas",), ("Bahamian",)),
    ("Bahrain", (), ("Bahraini",)),
    ("Bangladesh", (), ("Bangladeshi",)),
    ("Barbados", (), ("Barbadian", "Bajan")),
    ("Belarus", (), ("Belarusian",)),
    ("Belgium", (), ("Belgian",)),
    ("Belize", (), ("Belizean",)),
    ("Benin", (), ("Beninese",)),
    ("Bhutan", (), ("Bhutanese",)),
    ("Bolivia", (), ("Bolivian",)),
    ("Bosnia and Herzegovina", ("Bosnia", "Bosnia-Herzegovina", "BiH"), ("Bosnian",)),
    ("Botswana", (), ("Motswana", "Batswana", "Botswanan")),
    ("Brazil", (), ("Brazilian",)),
    ("Brunei", ("Brunei Darussalam",), ("Bruneian",)),
    ("Bulgaria", (), ("Bulgarian",)),
    ("Burkina Faso", (), ("Burkinabe", "Burkinabé")),
    ("Burundi", (), ("Burundian",)),
    ("Cabo Verde", ("Cape Verde",), ("Cape Verdean", "Cabo Verdean")),
    ("Cambodia", (), ("Cambodian",)),
    ("Cameroon", (), ("Cameroonian",)),
    ("Canada", (), ("Canadian",)),
    ("Central African Republic", ("CAR",), ("Central African",)),
    ("Chad", (), ("Chadian",)),
    ("Chile", (), ("Chilean",)),
    ("China", ("People's Republic of China", "PRC"), ("Chinese",)),
    ("Colombia", (), ("Colombian",)),
    ("Comoros", (), ("Comoran", "Comorian")),
    ("Republic of the Congo", ("Congo-Brazzaville", "Congo Brazzaville"), ()),
    (
        "Democratic Republic of the Congo",
        ("DRC", "DR Congo", "Congo-Kinshasa", "Democratic Republic of Congo", "Congo"),
        ("Congolese",),
    ),
    ("Costa Rica", (), ("Costa Rican",)),
    ("Côte d'Ivoire", ("Ivory Coast", "Cote d'Ivoire"), ("Ivorian",)),
    ("Croatia", (), ("Croatian", "Croat")),
    ("Cuba", (), ("Cuban",)),
    ("Cyprus", (), ("Cypriot",)),
    ("Czech Republic", ("Czechia",), ("Czech", "Czechs")),
    ("Denmark", (), ("Danish", "Dane", "Danes")),
    ("Djibouti", (), ("Djiboutian",)),
    ("Dominica", (), ()),
    ("Dominican Republic", (), ("Dominican",)),
    ("Ecuador", (), ("Ecuadorian", "Ecuadorean")),
    ("Egypt", (), ("Egyptian",)),
    ("El Salvador", (), ("Salvadoran", "Salvadorean")),
    ("Equatorial Guinea", (), ("Equatorial Guinean", "Equatoguinean")),
    ("Eritrea", (), ("Eritrean",)),
    ("Estonia", (), ("Estonian",)),
    ("Eswatini", ("Swaziland",), ("Swazi", "Emaswati")),
    ("Ethiopia", (), ("Ethiopian",)),
    ("Fiji", (), ("Fijian",)),
    ("Finland", (), ("Finnish", "Finn", "Finns")),
    ("France", (), ("French", "Frenchman", "Frenchwoman")),
    ("Gabon", (), ("Gabonese",)),
    ("Gambia", ("The Gambia",), ("Gambian",)),
    ("Georgia", (), ("Georgian",)),
    ("Germany", (), ("German",)),
    ("Ghana", (), ("Ghanaian",)),
    ("Greece", (), ("Greek",)),
    ("Grenada", (), ("Grenadian",)),
    ("Guatemala", (), ("Guatemalan",)),
    ("Guinea", ("Guinea-Conakry",), ("Guinean",)),
    ("Guinea-Bissau", ("Guinea Bissau",), ("Bissau-Guinean",)),
    ("Guyana", (), ("Guyanese",)),
    ("Haiti", (), ("Haitian",)),
    ("Honduras", (), ("Honduran",)),
    ("Hungary", (), ("Hungarian",)),
    ("Iceland", (), ("Icelandic", "Icelander")),
    ("India", (), ("Indian",)),
    ("Indonesia", (), ("Indonesian",)),
    ("Iran", ("Islamic Republic of Iran",), ("Iranian",)),
    ("Iraq", (), ("Iraqi",)),
    ("Ireland", ("Republic of Ireland", "Eire"), ("Irish", "Irishman", "Irishwoman")),
    ("Israel", (), ("Israeli",)),
    ("Italy", (), ("Italian",)),
    ("Jamaica", (), ("Jamaican",)),
    ("Japan", (), ("Japanese",)),
    ("Jordan", (), ("Jordanian",)),
    ("Kazakhstan", (), ("Kazakh", "Kazakhstani")),
    ("Kenya", (), ("Kenyan",)),
    ("Kiribati", (), ("I-Kiribati",)),
    ("North Korea", ("DPRK", "Democratic People's Republic of Korea"), ("North Korean",)),
    ("South Korea", ("Republic of Korea", "ROK", "Korea"), ("South Korean", "Korean")),
    ("Kuwait", (), ("Kuwaiti",)),
    ("Kyrgyzstan", ("Kyrgyz Republic",), ("Kyrgyz", "Kyrgyzstani")),
    ("Laos", ("Lao PDR", "Lao People's Democratic Republic"), ("Lao", "Laotian")),
    ("Latvia", (), ("Latvian",)),
    ("Lebanon", (), ("Lebanese",)),
    ("Lesotho", (), ("Basotho", "Mosotho")),
    ("Liberia", (), ("Liberian",)),
    ("Libya", (), ("Libyan",)),
    ("Liechtenstein", (), ("Liechtensteiner",)),
    ("Lithuania", (), ("Lithuanian",)),
    ("Luxembourg", (), ("Luxembourger", "Luxembourgish")),
    ("Madagascar", (), ("Malagasy",)),
    ("Malawi", (), ("Malawian",)),
    ("Malaysia", (), ("Malaysian",)),
    ("Maldives", ("The Maldives",), ("Maldivian",)),
    ("Mali", (), ("Malian",)),
    ("Malta", (), ("Maltese",)),
    ("Marshall Islands", (), ("Marshallese",)),
    ("Mauritania", (), ("Mauritanian",)),
    ("Mauritius", (), ("Mauritian",)),
    ("Mexico", (), ("Mexican",)),
    ("Micronesia", ("Federated States of Micronesia",), ("Micronesian",)),
    ("Moldova", (), ("Moldovan",)),
    ("Monaco", (), ("Monegasque", "Monacan")),
    ("Mongolia", (), ("Mongolian",)),
    ("Montenegro", (), ("Montenegrin",)),
    ("Morocco", (), ("Moroccan",)),
    ("Mozambique", (), ("Mozambican",)),
    ("Myanmar", ("Burma",), ("Burmese", "Myanmarese")),
    ("Namibia", (), ("Namibian",)),
    ("Nauru", (), ("Nauruan",)),
    ("Nepal", (), ("Nepalese", "Nepali")),
    ("Netherlands", ("The Netherlands", "Holland"), ("Dutch", "Dutchman", "Dutchwoman")),
    ("New Zealand", (), ("New Zealander", "Kiwi")),
    ("Nicaragua", (), ("Nicaraguan",)),
    ("Niger", (), ("Nigerien",)),
    ("Nigeria", (), ("Nigerian",)),
    ("North Macedonia", ("Macedonia",), ("Macedonian",)),
    ("Norway", (), ("Norwegian",)),
    ("Oman", (), ("Omani",)),
    ("Pakistan", (), ("Pakistani",)),
    ("Palau", (), ("Palauan",)),
    ("Panama", (), ("Panamanian",)),
    ("Papua New Guinea", ("PNG",), ("Papua New Guinean",)),
    ("Paraguay", (), ("Paraguayan",)),
    ("Peru", (), ("Peruvian",)),
    ("Philippines", ("The Philippines",), ("Filipino", "Filipina", "Philippine")),
    ("Poland", (), ("Polish", "Pole", "Poles")),
    ("Portugal", (), ("Portuguese",)),
    ("Qatar", (), ("Qatari",)),
    ("Romania", (), ("Romanian",)),
    ("Russia", ("Russian Federation",), ("Russian",)),
    ("Rwanda", (), ("Rwandan",)),
    ("Saint Kitts and Nevis", ("St Kitts and Nevis", "St. Kitts and Nevis"), ("Kittitian",)),
    ("Saint Lucia", ("St Lucia", "St. Lucia"), ("Saint Lucian", "St Lucian")),
    (
        "Saint Vincent and the Grenadines",
        ("St Vincent and the Grenadines", "St. Vincent and the Grenadines", "St Vincent"),
        ("Vincentian",),
    ),
    ("Samoa", (), ("Samoan",)),
    ("San Marino", (), ("Sammarinese",)),
    ("Sao Tome and Principe", ("São Tomé and Príncipe",), ("Santomean",)),
    ("Saudi Arabia", (), ("Saudi", "Saudi Arabian")),
    ("Senegal", (), ("Senegalese",)),
    ("Serbia", (), ("Serbian", "Serb")),
    ("Seychelles", ("The Seychelles",), ("Seychellois",)),
    ("Sierra Leone", (), ("Sierra Leonean",)),
    ("Singapore", (), ("Singaporean",)),
    ("Slovakia", ("Slovak Republic",), ("Slovak", "Slovakian")),
    ("Slovenia", (), ("Slovenian", "Slovene")),
    ("Solomon Islands", (), ("Solomon Islander",)),
    ("Somalia", (), ("Somali",)),
    ("South Africa", ("RSA",), ("South African",)),
    ("South Sudan", (), ("South Sudanese",)),
    ("Spain", (), ("Spanish", "Spaniard")),
    ("Sri Lanka", (), ("Sri Lankan",)),
    ("Sudan", (), ("Sudanese",)),
    ("Suriname", ("Surinam",), ("Surinamese",)),
    ("Sweden", (), ("Swedish", "Swede")),
    ("Switzerland", (), ("Swiss",)),
    ("Syria", ("Syrian Arab Republic",), ("Syrian",)),
    ("Tajikistan", (), ("Tajik", "Tajikistani")),
    ("Tanzania", ("United Republic of Tanzania",), ("Tanzanian",)),
    ("Thailand", (), ("Thai",)),
    ("Timor-Leste", ("East Timor", "Timor Leste"), ("Timorese",)),
    ("Togo", (), ("Togolese",)),
    ("Tonga", (), ("Tongan",)),
    ("Trinidad and Tobago", ("Trinidad",), ("Trinidadian", "Tobagonian")),
    ("Tunisia", (), ("Tunisian",)),
    ("Turkey", ("Türkiye", "Turkiye"), ("Turkish", "Turk")),
    ("Turkmenistan", (), ("Turkmen",)),
    ("Tuvalu", (), ("Tuvaluan",)),
    ("Uganda", (), ("Ugandan",)),
    ("Ukraine", (), ("Ukrainian",)),
    ("United Arab Emirates", ("UAE", "Emirates"), ("Emirati",)),
    (
        "United Kingdom",
        ("UK", "Britain", "Great Britain", "United Kingdom of Great Britain and Northern Ireland"),
        ("British", "Briton", "Brit"),
    ),
    (
        "United States",
        ("US", "USA", "United States of America", "America"),
        ("American",),
    ),
    ("Uruguay", (), ("Uruguayan",)),
    ("Uzbekistan", (), ("Uzbek", "Uzbekistani")),
    ("Vanuatu", (), ("Ni-Vanuatu", "Vanuatuan")),
    ("Venezuela", (), ("Venezuelan",)),
    ("Vietnam", ("Viet Nam",), ("Vietnamese",)),
    ("Yemen", (), ("Yemeni",)),
    ("Zambia", (), ("Zambian",)),
    ("Zimbabwe", (), ("Zimbabwean",)),
    ("Holy See", ("Vatican", "Vatican City"), ("Vatican",)),
    ("Palestine", ("State of Palestine", "Palestinian Territories"), ("Palestinian",)),
    ("Taiwan", (), ("Taiwanese",)),
    ("Kosovo", (), ("Kosovar", "Kosovan")),
    ("Puerto Rico", (), ("Puerto Rican",)),
    ("Hong Kong", (), ("Hongkonger",)),
    ("Greenland", (), ("Greenlandic", "Greenlander")),
)

REGIONS: tuple[CountryRow, ...] = (
    ("Africa", (), ("African",)),
    ("East Africa", (), ("East African",)),
    ("West Africa", (), ("West African",)),
    ("Southern Africa", (), ("Southern African",)),
    ("North Africa", (), ("North African",)),
    ("Europe", (), ("European",)),
    ("Asia", (), ("Asian",)),
    ("Latin America", (), ("Latin American",)),
    ("North America", (), ("North American",)),
    ("South America", (), ("South American",)),
    ("Central America", (), ("Central American",)),
    ("Southeast Asia", ("South-East Asia",), ("Southeast Asian",)),
    ("Sub-Saharan Africa", ("sub-Saharan Africa",), ()),
    ("Horn of Africa", (), ()),
    ("Sahel", (), ()),
    ("Balkans", (), ("Balkan",)),
    ("Middle East", ("Mideast",), ("Middle Eastern",)),
    ("Caribbean", (), ("Caribbean",)),
    ("Arab world", (), ("Arab",)),
)

OrgRow = tuple[str, tuple[str, ...]]

ORGANISATIONS: tuple[OrgRow, ...] = (
    ("United Nations", ("UN", "UNO")),
    (
        "UN Security Council",
        ("UNSC", "Security Council", "United Nations Security Council", "U.N. Security Council"),
    ),
    ("UN General Assembly", ("UNGA", "General Assembly", "United Nations General Assembly")),
    ("UN Human Rights Council", ("UNHRC", "Human Rights Council", "UN rights council")),
    ("UNICEF", ("United Nations Children's Fund", "UN Children's Fund")),
    ("UNHCR", ("UN refugee agency", "United Nations High Commissioner for Refugees")),
    ("World Food Programme", ("WFP", "World Food Program", "UN World Food Programme")),
    ("UN Development Programme", ("UNDP", "United Nations Development Programme")),
    ("OCHA", ("UN Office for the Coordination of Humanitarian Affairs",)),
    ("World Health Organization", ("WHO", "World Health Organisation")),
    ("International Monetary Fund", ("IMF",)),
    ("World Bank", ("World Bank Group",)),
    ("World Trade Organization", ("WTO", "World Trade Organisation")),
    ("European Union", ("EU",)),
    ("European Commission", ("EC",)),
    ("European Parliament", ()),
    ("NATO", ("North Atlantic Treaty Organization", "North Atlantic Treaty Organisation", "Nato")),
    ("African Union", ("AU",)),
    ("Organization of American States", ("OAS", "Organisation of American States")),
    ("CARICOM", ("Caribbean Community", "Caricom")),
    ("ECOWAS", ("Economic Community of West African States", "Ecowas")),
    ("East African Community", ("EAC",)),
    ("Southern African Development Community", ("SADC",)),
    ("IGAD", ("Intergovernmental Authority on Development",)),
    ("ASEAN", ("Association of Southeast Asian Nations", "Asean")),
    ("Arab League", ("League of Arab States",)),
    ("OPEC", ("Organization of the Petroleum Exporting Countries", "Opec")),
    ("OECD", ("Organisation for Economic Co-operation and Development",)),
    ("G7", ("Group of Seven", "G-7")),
    ("G20", ("Group of 20", "G-20")),
    ("International Criminal Court", ("ICC",)),
    ("International Court of Justice", ("ICJ", "World Court")),
    ("International Atomic Energy Agency", ("IAEA",)),
    ("Interpol", ("INTERPOL",)),
    ("International Committee of the Red Cross", ("ICRC", "Red Cross")),
    ("Doctors Without Borders", ("MSF", "Médecins Sans Frontières", "Medecins Sans Frontieres")),
    ("Human Rights Watch", ("HRW",)),
    ("Amnesty International", ("Amnesty",)),
    ("Transparency International", ()),
    ("Inter-American Development Bank", ("IDB", "IADB")),
    ("African Development Bank", ("AfDB",)),
    (
        "US Department of State",
        ("State Department", "US State Department", "Department of State"),
    ),
    ("US Department of Defense", ("Pentagon", "Department of Defense", "Defense Department")),
    ("White House", ()),
    ("Federal Bureau of Investigation", ("FBI",)),
    ("Central Intelligence Agency", ("CIA",)),
    ("BBC", ("British Broadcasting Corporation",)),
    ("Reuters", ()),
    ("Agence France-Presse", ("AFP", "Agence France Presse")),
    ("Associated Press", ("AP",)),
)

CAPITALS_ONLY = re.compile(r"^[A-Z0-9&\-]+$")


def slug(text: str) -> str:
    """A key from a name: ASCII, lower case, words joined by "_" (Côte d'Ivoire: cote_d_ivoire)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")


def undotted(text: str) -> str:
    """Text without dots and with one space between words ("U.S." -> "US")."""
    return " ".join(text.replace(".", "").replace("’", "'").split())


@dataclass(frozen=True)
class Canonical:
    key: str
    name: str
    kind: str  # "country", "region" or "org"
    demonym: bool = False


def plural_demonyms(demonym: str) -> tuple[str, ...]:
    """Plural forms people write: Kenyan -> Kenyans; Swiss, Chinese, British have none."""
    if demonym.endswith(("ese", "sh", "ss", "s", "ch")):
        return ()
    return (demonym + "s",)


def build_tables() -> tuple[dict[str, Canonical], dict[str, Canonical]]:
    """Two lookups: capitals-only forms (matched as written) and the rest (matched case-folded)."""
    exact: dict[str, Canonical] = {}
    folded: dict[str, Canonical] = {}

    def add(form: str, canonical: Canonical) -> None:
        plain = undotted(form)
        if CAPITALS_ONLY.match(plain) and len(plain) <= 5:
            exact.setdefault(plain, canonical)
        else:
            folded.setdefault(plain.casefold(), canonical)

    for rows, kind in ((COUNTRIES, "country"), (REGIONS, "region")):
        for name, aliases, demonyms in rows:
            place = Canonical(slug(name), name, kind)
            for form in (name, *aliases):
                add(form, place)
            people = Canonical(slug(name), name, kind, demonym=True)
            for demonym in demonyms:
                for form in (demonym, *plural_demonyms(demonym)):
                    add(form, people)
    for name, aliases in ORGANISATIONS:
        org = Canonical(slug(name), name, "org")
        for form in (name, *aliases):
            add(form, org)
    return exact, folded


EXACT_FORMS, FOLDED_FORMS = build_tables()


def lookup(text: str) -> Canonical | None:
    """The canonical country, region or organisation a written form names, if any."""
    plain = undotted(text)
    if plain.lower().startswith("the "):
        plain = plain[4:]
    found = EXACT_FORMS.get(plain)
    if found is None and not CAPITALS_ONLY.match(plain):
        found = FOLDED_FORMS.get(plain.casefold())
    return found


# Given names with a usual gender and gendered words, so that "he" and "she" find the right
# person. Only a hint: a name missing here leaves the person's gender unknown.
FEMALE_NAMES = frozenset(
    {
        "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica",
        "sarah", "karen", "nancy", "lisa", "betty", "bettie", "margaret", "sandra", "ashley",
        "kimberly", "emily", "donna", "michelle", "carol", "amanda", "dorothy", "melissa",
        "deborah", "stephanie", "rebecca", "sharon", "laura", "cynthia", "kathleen", "amy",
        "angela", "shirley", "anna", "brenda", "pamela", "emma", "nicole", "helen", "samantha",
        "katherine", "christine", "debra", "rachel", "carolyn", "janet", "catherine", "maria",
        "heather", "diane", "ruth", "julie", "olivia", "joyce", "virginia", "victoria", "lauren",
        "christina", "joan", "evelyn", "judith", "megan", "andrea", "cheryl", "hannah",
        "jacqueline", "martha", "gloria", "teresa", "ann", "sara", "madison", "frances", "kathryn",
        "janice", "abigail", "alice", "judy", "sophia", "grace", "denise", "amber", "doris",
        "marilyn", "danielle", "beverly", "isabella", "theresa", "diana", "natalie", "brittany",
        "charlotte", "marie", "kayla", "alexis", "lori", "hillary", "kamala", "ursula", "jacinda",
        "giorgia", "liz", "nikki", "sonia", "indira", "benazir", "golda", "ellen", "wangari",
        "graca", "oprah", "beyonce", "rihanna", "kate", "meghan", "camilla", "elena", "svetlana",
        "olga", "natalia", "irina", "tatiana", "fatima", "aisha", "amina", "khadija", "zainab",
        "mariam", "leila", "priya", "anjali", "sunita", "ngozi", "chimamanda", "winnie", "jill",
        "melania", "tara", "lindsay", "jane"
    }
)  # fmt: skip
MALE_NAMES = frozenset(
    {
        "james", "robert", "john", "michael", "william", "david", "richard", "joseph", "thomas",
        "charles", "christopher", "daniel", "matthew", "anthony", "mark", "donald", "steven",
        "paul", "andrew", "joshua", "kenneth", "kevin", "brian", "george", "timothy", "ronald",
        "edward", "jason", "jeffrey", "ryan", "jacob", "gary", "nicholas", "eric", "jonathan",
        "stephen", "larry", "justin", "scott", "brandon", "benjamin", "samuel", "gregory",
        "alexander", "frank", "patrick", "raymond", "jack", "dennis", "jerry", "tyler", "aaron",
        "jose", "adam", "nathan", "henry", "douglas", "zachary", "peter", "kyle", "ethan", "walter",
        "noah", "jeremy", "christian", "keith", "roger", "terry", "gerald", "harold", "sean",
        "austin", "carl", "arthur", "lawrence", "dylan", "jesse", "bryan", "billy", "joe", "bruce",
        "gabriel", "logan", "albert", "willie", "alan", "juan", "wayne", "elijah", "randy", "roy",
        "vincent", "ralph", "eugene", "russell", "bobby", "mason", "philip", "louis", "barack",
        "vladimir", "emmanuel", "xi", "narendra", "recep", "boris", "rishi", "keir", "olaf",
        "volodymyr", "antony", "jimmy", "hugh", "tony", "ed", "mike", "uhuru", "raila", "musalia",
        "kithure", "ahmed", "mohamed", "mohammed", "muhammad", "ali", "omar", "hassan", "hussein",
        "ibrahim", "abdullah", "yusuf", "mahmoud", "abiy", "cyril", "nelson", "kofi", "ban",
        "antonio", "tedros", "pierre", "jacques", "francois", "garry", "jovenel", "michel", "andre",
        "luis", "carlos", "jorge", "miguel", "pedro", "diego", "sergei", "dmitry", "ivan", "alexei",
        "mikhail", "igor", "yuri", "matteo", "giuseppe", "marco", "hans", "klaus", "wolfgang",
        "rahul", "amit", "raj", "sanjay"
    }
)  # fmt: skip
FEMALE_WORDS = frozenset(
    {
        "spokeswoman", "chairwoman", "businesswoman", "congresswoman", "policewoman", "actress",
        "queen", "princess", "duchess", "wife", "mother", "daughter", "sister", "woman", "girl",
        "grandmother", "widow", "lady", "mrs", "ms", "miss", "dame"
    }
)  # fmt: skip
MALE_WORDS = frozenset(
    {
        "spokesman", "chairman", "businessman", "congressman", "policeman", "king", "prince",
        "duke", "husband", "father", "son", "brother", "man", "boy", "grandfather", "widower", "mr",
        "sir", "lord"
    }
)  # fmt: skip


def gender_of_word(word: str) -> str | None:
    """ "f" or "m" for a given name or a gendered word (case-insensitive), else None."""
    plain = undotted(word).lower()
    if plain in FEMALE_NAMES or plain in FEMALE_WORDS:
        return "f"
    if plain in MALE_NAMES or plain in MALE_WORDS:
        return "m"
    return None
