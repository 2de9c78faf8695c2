"""Generated news for the web benchmark: developing stories, each told by many outlets.

A story is of one ``Kind`` (a police mission, an earthquake, an outbreak, ...),
set in its own place and months (a ``Setting``), with figures that develop (a
toll rises, a fund fills, a count climbs), dated milestones and a spokesperson.
Each report is written by one outlet from the story's state on its day: a
headline, a lead, one or all three of its figures (each in one of two phrasings),
a milestone (expected, or done), background and sometimes a quote, in an order of
its own. Some outlets are late: they give yesterday's figure. A share of the
reports are wire stories that other outlets reprint word for word under their
own credit line (syndicated copies).

Stories differ in size as news does: the n-th largest has about 1/n of the
reports of the largest (Zipf), so the largest of 20 holds 28% of them. Two
stories share each kind, in other places and months: the hard case for
telling stories apart (two earthquakes, two strikes).

Everything is drawn from one seeded ``random.Random``: the same arguments give
the same articles.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from storyledger.model import Article, content_id

OUTLETS = [f"Outlet {name}" for name in "ABCDEFGHIJKL"]
WIRE = "Wire Service"
WIRE_SHARE = 0.2  # of a story's reports, those written by the wire service
LATE_SHARE = 0.1  # reports that give the figure of a day before
QUOTE_SHARE = 0.6
ALL_FIGURES_SHARE = 0.6  # reports giving every figure of their story (the others give one)
REPRINT_SHARE = 0.3  # of a story's reports after a day with wire stories, those reprinting one
NEWS_DAYS = 150  # about how many days a story's reports are spread over (fewer if it is small)


@dataclass(frozen=True)
class Figure:
    """A figure of a story: where it starts, how it may grow each day, how it is written.
    Each phrasing has ``{n}`` for the value (with thousands separators)."""

    start: tuple[int, int]
    steps: tuple[int, ...]
    phrasings: tuple[str, ...]
    cap: int | None = None


@dataclass(frozen=True)
class Kind:
    """What a kind of story says: every text may use a ``Setting``'s fields."""

    headlines: tuple[str, ...]
    leads: tuple[str, ...]
    figures: tuple[Figure, ...]
    milestones: tuple[tuple[int, str, str], ...]  # (day of the story, expected, done)
    background: tuple[str, ...]
    quotes: tuple[str, ...]


@dataclass(frozen=True)
class Setting:
    """Where and when one story happens, and who speaks for it."""

    place: str
    town: str
    actor: str
    agency: str
    speaker: str
    role: str
    begins: date


KINDS = {
    "mission": Kind(
        headlines=(
            "{actor} police mission in {place} grows",
            "More {actor} officers land in {place}",
            "Security mission to {place}: the latest",
        ),
        leads=(
            "The {actor}-led security mission in {place} received fresh officers this week.",
            "Police officers from {actor} continued to arrive in {place}, where gangs hold "
            "much of {town}.",
        ),
        figures=(
            Figure(
                (200, 400),
                (0, 0, 20, 50, 100),
                (
                    "About {n} police officers are now deployed in {place}.",
                    "The mission now counts {n} police officers on the ground.",
                ),
                cap=2500,
            ),
            Figure(
                (10, 30),
                (0, 0, 1, 2, 5),
                (
                    "A trust fund for the mission has received ${n} million, according to "
                    "the {agency}.",
                    "The {agency} said the mission's trust fund holds ${n} million.",
                ),
            ),
            Figure(
                (8, 20),
                (0, 0, 1, 2),
                (
                    "The {agency} says {n} countries have promised money or staff.",
                    "Pledges have come from {n} countries.",
                ),
            ),
        ),
        milestones=(
            (
                20,
                "The first contingent is expected to land on {date}.",
                "The first contingent landed on {date}.",
            ),
            (
                120,
                "A court in {town} is due to rule on the deployment on {date}.",
                "A court in {town} ruled on the deployment on {date}.",
            ),
        ),
        background=(
            "Gangs have controlled large parts of {town} since the crisis began.",
            "The {agency} approved the mission after months of talks.",
            "Residents say armed groups still block the main roads out of {town}.",
        ),
        quotes=(
            '"We will stay until the job is done," {speaker}, the {role}, told reporters.',
            '"Our officers are ready," said {speaker}, the {role}.',
        ),
    ),
    "earthquake": Kind(
        headlines=(
            "Death toll climbs after earthquake in {place}",
            "{place} quake: rescuers search rubble in {town}",
            "Earthquake aftermath in {place}",
        ),
        leads=(
            "Rescue teams kept digging through collapsed buildings in {town} after the "
            "earthquake that struck {place}.",
            "Aftershocks rattled {town} as the search for survivors of the {place} "
            "earthquake went on.",
        ),
        figures=(
            Figure(
                (100, 600),
                (0, 10, 25, 60, 150),
                (
                    "The death toll has risen to {n}, the {agency} said.",
                    "At least {n} people have died, according to the {agency}.",
                ),
            ),
            Figure(
                (500, 2000),
                (0, 40, 90, 200),
                (
                    "More than {n} people were injured.",
                    "Hospitals in {town} have treated {n} injured people.",
                ),
            ),
            Figure(
                (50, 200),
                (0, 20, 60, 150),
                (
                    "Some {n} buildings collapsed in {town}.",
                    "Engineers have counted {n} collapsed buildings.",
                ),
            ),
        ),
        milestones=(
            (
                10,
                "A donor conference for {place} is planned for {date}.",
                "Donors met for {place} on {date}.",
            ),
            (
                60,
                "Schools in {town} are due to reopen on {date}.",
                "Schools in {town} reopened on {date}.",
            ),
        ),
        background=(
            "The quake was the strongest to hit the region in decades.",
            "Many of the collapsed houses in {town} were built of unreinforced brick.",
            "Roads into the mountains around {town} are still cut by landslides.",
        ),
        quotes=(
            '"Every hour counts for those still under the rubble," said {speaker}, the {role}.',
            '"We need tents and clean water now," {speaker}, the {role}, told reporters.',
        ),
    ),
    "outbreak": Kind(
        headlines=(
            "Cholera spreads in {place}",
            "{place} races to contain cholera outbreak in {town}",
            "Cholera cases rise in {place}",
        ),
        leads=(
            "Health workers in {place} opened new treatment centres as cholera spread "
            "beyond {town}.",
            "The cholera outbreak in {place} reached new districts around {town}.",
        ),
        figures=(
            Figure(
                (200, 800),
                (0, 20, 50, 120, 300),
                (
                    "The {agency} has recorded {n} suspected cholera cases.",
                    "Suspected cholera cases have reached {n}, health officials said.",
                ),
            ),
            Figure(
                (5, 40),
                (0, 0, 1, 3, 6),
                (
                    "{n} people have died of the disease.",
                    "The outbreak has killed {n} people so far.",
                ),
            ),
            Figure(
                (5, 15),
                (0, 0, 1, 2),
                (
                    "{n} treatment centres are open.",
                    "The {agency} runs {n} treatment centres.",
                ),
            ),
        ),
        milestones=(
            (
                15,
                "A vaccination campaign in {town} is set to start on {date}.",
                "A vaccination campaign began in {town} on {date}.",
            ),
            (
                90,
                "The {agency} expects to review the emergency on {date}.",
                "The {agency} reviewed the emergency on {date}.",
            ),
        ),
        background=(
            "Cholera spreads through water fouled by sewage.",
            "Many clinics around {town} lack clean water and oral rehydration salts.",
            "Heavy rains flooded latrines in the poorest districts of {town}.",
        ),
        quotes=(
            '"Clean water is the best medicine," said {speaker}, the {role}.',
            '"The next two weeks are critical," {speaker}, the {role}, told reporters.',
        ),
    ),
    "strike": Kind(
        headlines=(
            "Dock strike at {town} enters another week",
            "{place} port strike: ships wait off {town}",
            "Dockworkers in {town} hold out",
        ),
        leads=(
            "Dockworkers at the port of {town} in {place} kept up their strike over pay.",
            "Cargo piled up at {town} as the dock strike in {place} went on.",
        ),
        figures=(
            Figure(
                (2000, 6000),
                (0, 0, 100, 250, -150),
                (
                    "Some {n} dockworkers have joined the strike, the union says.",
                    "The union counts {n} dockworkers on strike.",
                ),
            ),
            Figure(
                (10, 30),
                (0, 2, 4, 7),
                (
                    "{n} container ships are waiting at anchor off {town}.",
                    "Port officials said {n} container ships were waiting to unload.",
                ),
            ),
            Figure(
                (3000, 9000),
                (0, 500, 1200, 2500),
                (
                    "{n} containers are stuck on the quay.",
                    "The port says {n} containers are waiting to be moved.",
                ),
            ),
        ),
        milestones=(
            (
                12,
                "Talks between the union and the port are set for {date}.",
                "The union and the port met for talks on {date}.",
            ),
            (
                45,
                "A labour court is to hear the case on {date}.",
                "A labour court heard the case on {date}.",
            ),
        ),
        background=(
            "The union wants a raise that keeps up with prices.",
            "Exporters say perishable goods are rotting on the quay at {town}.",
            "The port of {town} handles most of the country's trade.",
        ),
        quotes=(
            '"We will not go back for less," said {speaker}, the {role}.',
            '"Every day of this costs the economy," {speaker}, the {role}, told reporters.',
        ),
    ),
    "wildfire": Kind(
        headlines=(
            "Wildfire near {town} keeps burning",
            "{place} fire: thousands flee {town}",
            "Crews battle blaze outside {town}",
        ),
        leads=(
            "Firefighters in {place} fought through the night to hold the fire back from {town}.",
            "Hot winds drove the wildfire in {place} towards the outskirts of {town}.",
        ),
        figures=(
            Figure(
                (2000, 8000),
                (0, 500, 1500, 4000),
                (
                    "The fire has burned {n} hectares, the {agency} said.",
                    "Some {n} hectares of forest and farmland have burned.",
                ),
            ),
            Figure(
                (1000, 5000),
                (0, 200, 800, -300),
                (
                    "{n} residents have been evacuated.",
                    "Authorities have evacuated {n} residents from villages near {town}.",
                ),
            ),
            Figure(
                (200, 600),
                (0, 20, 60, 150),
                (
                    "More than {n} firefighters are at work.",
                    "The {agency} has sent {n} firefighters.",
                ),
            ),
        ),
        milestones=(
            (
                8,
                "Water-bombing planes from abroad are due on {date}.",
                "Water-bombing planes from abroad arrived on {date}.",
            ),
            (
                30,
                "Evacuees may return home from {date}, officials said.",
                "Evacuees began returning home on {date}.",
            ),
        ),
        background=(
            "It has not rained around {town} for months.",
            "Smoke from the fire closed schools across the region.",
            "Volunteers joined the fire crews in the hills above {town}.",
        ),
        quotes=(
            '"The wind is our enemy now," said {speaker}, the {role}.',
            '"Leave when you are told to leave," {speaker}, the {role}, told residents.',
        ),
    ),
    "flood": Kind(
        headlines=(
            "Floods displace thousands in {place}",
            "River bursts its banks near {town}",
            "{place} floods: aid arrives in {town}",
        ),
        leads=(
            "Floodwaters spread across the plains around {town} after days of rain in {place}.",
            "Aid boats reached villages cut off by the floods in {place}.",
        ),
        figures=(
            Figure(
                (5000, 20000),
                (0, 1000, 3000, 8000),
                (
                    "The floods have displaced {n} people, the {agency} said.",
                    "Some {n} people have been driven from their homes by the water.",
                ),
            ),
            Figure(
                (50, 200),
                (0, 10, 25, 60),
                (
                    "The {agency} has opened {n} relief camps.",
                    "{n} relief camps now shelter families near {town}.",
                ),
            ),
            Figure(
                (20, 90),
                (0, 3, 8, 20),
                (
                    "The floods have killed {n} people.",
                    "At least {n} people have died in the floods.",
                ),
            ),
        ),
        milestones=(
            (
                7,
                "The river is expected to crest at {town} on {date}.",
                "The river crested at {town} on {date}.",
            ),
            (
                40,
                "The government will present a rebuilding plan on {date}.",
                "The government presented a rebuilding plan on {date}.",
            ),
        ),
        background=(
            "The rainy season came early and heavier than forecast.",
            "Farmers around {town} lost most of the harvest to the water.",
            "Engineers are checking dams upstream of {town}.",
        ),
        quotes=(
            '"Whole villages are under water," said {speaker}, the {role}.',
            '"We are sending boats wherever we can," {speaker}, the {role}, told reporters.',
        ),
    ),
    "election": Kind(
        headlines=(
            "Vote count continues in {place}",
            "{place} election: results trickle in",
            "Tally in {place} nears the end",
        ),
        leads=(
            "Election officials in {place} kept counting ballots from the presidential vote.",
            "Results from rural districts of {place} arrived slowly at the tally centre in {town}.",
        ),
        figures=(
            Figure(
                (10, 30),
                (0, 3, 6, 10),
                (
                    "Ballots from {n} percent of polling stations have been counted.",
                    "The {agency} has counted {n} percent of polling stations.",
                ),
                cap=100,
            ),
            Figure(
                (200000, 600000),
                (0, 50000, 120000),
                (
                    "The leading candidate has {n} votes so far.",
                    "The front-runner has won {n} votes in the count so far.",
                ),
            ),
            Figure(
                (20, 40),
                (0, 0, 1, 2),
                (
                    "{n} candidates stood for president.",
                    "The ballot listed {n} candidates.",
                ),
            ),
        ),
        milestones=(
            (5, "Final results are due on {date}.", "Final results were announced on {date}."),
            (
                25,
                "The new president is to be sworn in on {date}.",
                "The new president was sworn in on {date}.",
            ),
        ),
        background=(
            "Observers said voting was largely calm.",
            "Turnout was higher in {town} than in the countryside.",
            "The opposition has asked for a recount in several districts.",
        ),
        quotes=(
            '"Every vote will be counted," said {speaker}, the {role}.',
            '"We ask everyone to wait for the official results," {speaker}, the {role}, '
            "told reporters.",
        ),
    ),
    "bailout": Kind(
        headlines=(
            "{place} presses on with IMF loan talks",
            "{place} debt talks: creditors weigh offer",
            "Loan deal for {place} edges closer",
        ),
        leads=(
            "Officials from {place} met creditors in {town} to negotiate a rescue package.",
            "{place} asked its lenders for more time as talks on a new loan continued.",
        ),
        figures=(
            Figure(
                (2, 4),
                (0, 0, 0, 1),
                (
                    "{place} is seeking a loan of ${n} billion from the {agency}.",
                    "The requested loan stands at ${n} billion.",
                ),
            ),
            Figure(
                (500, 1500),
                (0, -20, -50, 30),
                (
                    "Foreign reserves have fallen to ${n} million, the central bank said.",
                    "The central bank holds ${n} million in foreign reserves.",
                ),
            ),
            Figure(
                (20, 40),
                (0, 0, 1, 3),
                (
                    "Inflation reached {n} percent last month.",
                    "Prices rose {n} percent over the year.",
                ),
            ),
        ),
        milestones=(
            (14, "A bond payment falls due on {date}.", "A bond payment fell due on {date}."),
            (
                50,
                "The {agency} board is to vote on the loan on {date}.",
                "The {agency} board voted on the loan on {date}.",
            ),
        ),
        background=(
            "Prices of bread and fuel have doubled in a year.",
            "Protesters marched in {town} against spending cuts.",
            "The currency has lost much of its value against the dollar.",
        ),
        quotes=(
            '"We will honour our commitments," said {speaker}, the {role}.',
            '"This deal protects the poorest," {speaker}, the {role}, told reporters.',
        ),
    ),
    "mine": Kind(
        headlines=(
            "Rescue at collapsed mine near {town}",
            "{place} mine collapse: hopes fade",
            "Miners trapped near {town}",
        ),
        leads=(
            "Rescuers drilled towards miners trapped by a collapse at a gold mine near "
            "{town} in {place}.",
            "Families waited at the gates of the collapsed mine near {town}.",
        ),
        figures=(
            Figure(
                (20, 60),
                (0, -1, -2, -4),
                (
                    "{n} miners remain trapped underground.",
                    "Rescuers say {n} miners are still trapped.",
                ),
            ),
            Figure(
                (10, 30),
                (0, 1, 2, 5),
                (
                    "The rescue shaft has reached a depth of {n} metres.",
                    "Drills have bored {n} metres towards the trapped men.",
                ),
            ),
            Figure(
                (3, 10),
                (0, 0, 1, 2),
                (
                    "{n} miners have been brought out alive.",
                    "Rescuers have pulled {n} miners out alive.",
                ),
            ),
        ),
        milestones=(
            (6, "A second drill is due to arrive on {date}.", "A second drill arrived on {date}."),
            (
                20,
                "An inquiry into the collapse opens on {date}.",
                "An inquiry into the collapse opened on {date}.",
            ),
        ),
        background=(
            "The mine had been cited for safety failures before.",
            "Informal miners work many of the shafts around {town}.",
            "Heavy rain weakened the ground above the tunnels.",
        ),
        quotes=(
            '"We have not given up on anyone," said {speaker}, the {role}.',
            '"The rock is unstable, so we move slowly," {speaker}, the {role}, told reporters.',
        ),
    ),
    "ferry": Kind(
        headlines=(
            "Ferry sinks off {place}",
            "Search goes on for ferry passengers off {town}",
            "{place} ferry disaster: questions over overloading",
        ),
        leads=(
            "Divers searched the wreck of the ferry that capsized off {town} in {place}.",
            "Coast guard boats combed the sea off {town} for survivors of the sinking.",
        ),
        figures=(
            Figure(
                (20, 80),
                (0, 2, 5, 12),
                (
                    "The {agency} has confirmed {n} deaths.",
                    "Rescuers have recovered {n} bodies, the {agency} said.",
                ),
            ),
            Figure(
                (100, 250),
                (0, 0, 3, 8),
                (
                    "{n} passengers have been rescued alive.",
                    "Survivors number {n}, the coast guard said.",
                ),
            ),
            Figure(
                (30, 90),
                (0, -2, -5, -10),
                (
                    "{n} passengers are still missing.",
                    "The coast guard lists {n} passengers as missing.",
                ),
            ),
        ),
        milestones=(
            (
                4,
                "Salvage teams plan to lift the hull on {date}.",
                "Salvage teams lifted the hull on {date}.",
            ),
            (
                30,
                "The captain is due in court on {date}.",
                "The captain appeared in court on {date}.",
            ),
        ),
        background=(
            "The ferry was licensed for far fewer passengers than it carried.",
            "Ferries are the only link between {town} and the outer islands.",
            "Rough seas slowed the search.",
        ),
        quotes=(
            '"We are doing everything to find the missing," said {speaker}, the {role}.',
            '"Those responsible will face justice," {speaker}, the {role}, told reporters.',
        ),
    ),
}

SETTINGS = {
    "mission": (
        Setting(
            "Haiti",
            "Port-au-Prince",
            "Kenya",
            "United Nations",
            "Amina Odhiambo",
            "mission commander",
            date(2024, 6, 1),
        ),
        Setting(
            "Mozambique",
            "Pemba",
            "Rwanda",
            "African Union",
            "Joseph Habimana",
            "force spokesman",
            date(2021, 7, 10),
        ),
    ),
    "earthquake": (
        Setting(
            "Turkey",
            "Antakya",
            "Turkey",
            "disaster agency",
            "Elif Kaya",
            "rescue coordinator",
            date(2023, 2, 6),
        ),
        Setting(
            "Morocco",
            "Marrakesh",
            "Morocco",
            "interior ministry",
            "Youssef Alaoui",
            "regional governor",
            date(2023, 9, 9),
        ),
    ),
    "outbreak": (
        Setting(
            "Zambia",
            "Lusaka",
            "Zambia",
            "health ministry",
            "Mwila Banda",
            "health minister",
            date(2024, 1, 3),
        ),
        Setting(
            "Malawi",
            "Blantyre",
            "Malawi",
            "World Health Organization",
            "Chisomo Phiri",
            "district health officer",
            date(2022, 11, 14),
        ),
    ),
    "strike": (
        Setting(
            "Chile",
            "Valparaiso",
            "Chile",
            "ports authority",
            "Rodrigo Fuentes",
            "union leader",
            date(2022, 4, 2),
        ),
        Setting(
            "Australia",
            "Fremantle",
            "Australia",
            "Fair Work Commission",
            "Kate Morrison",
            "union secretary",
            date(2023, 8, 21),
        ),
    ),
    "wildfire": (
        Setting(
            "Greece",
            "Alexandroupolis",
            "Greece",
            "fire service",
            "Nikos Papadakis",
            "fire chief",
            date(2023, 8, 19),
        ),
        Setting(
            "Canada",
            "Yellowknife",
            "Canada",
            "wildfire service",
            "Claire Tremblay",
            "fire information officer",
            date(2023, 8, 10),
        ),
    ),
    "flood": (
        Setting(
            "Pakistan",
            "Sukkur",
            "Pakistan",
            "disaster management authority",
            "Ayesha Siddiqui",
            "relief commissioner",
            date(2022, 8, 25),
        ),
        Setting(
            "Libya",
            "Derna",
            "Libya",
            "Red Crescent",
            "Omar Mansour",
            "Red Crescent spokesman",
            date(2023, 9, 11),
        ),
    ),
    "election": (
        Setting(
            "Nigeria",
            "Abuja",
            "Nigeria",
            "electoral commission",
            "Ibrahim Yakubu",
            "commission chairman",
            date(2023, 2, 25),
        ),
        Setting(
            "Kenya",
            "Nairobi",
            "Kenya",
            "electoral commission",
            "Grace Wanjiru",
            "returning officer",
            date(2022, 8, 9),
        ),
    ),
    "bailout": (
        Setting(
            "Sri Lanka",
            "Colombo",
            "Sri Lanka",
            "International Monetary Fund",
            "Ranjith Perera",
            "finance minister",
            date(2022, 6, 20),
        ),
        Setting(
            "Egypt",
            "Cairo",
            "Egypt",
            "International Monetary Fund",
            "Hany Mostafa",
            "finance ministry spokesman",
            date(2022, 10, 1),
        ),
    ),
    "mine": (
        Setting(
            "Ghana",
            "Tarkwa",
            "Ghana",
            "mines inspectorate",
            "Kwame Mensah",
            "rescue chief",
            date(2024, 3, 5),
        ),
        Setting(
            "Peru",
            "Arequipa",
            "Peru",
            "mining ministry",
            "Lucia Quispe",
            "regional prosecutor",
            date(2023, 5, 6),
        ),
    ),
    "ferry": (
        Setting(
            "Indonesia",
            "Makassar",
            "Indonesia",
            "search and rescue agency",
            "Budi Santoso",
            "rescue agency head",
            date(2023, 7, 24),
        ),
        Setting(
            "Tanzania",
            "Mwanza",
            "Tanzania",
            "marine authority",
            "Neema Mushi",
            "regional commissioner",
            date(2022, 11, 6),
        ),
    ),
}
STORIES = [(kind, setting) for kind in KINDS for setting in SETTINGS[kind]]


def story_sizes(total: int, stories: int) -> list[int]:
    """Reports per story, Zipf-shaped (the n-th has 1/n of the first), adding up to total."""
    weights = [1 / rank for rank in range(1, stories + 1)]
    sizes = [int(total * w / sum(weights)) for w in weights]
    sizes[0] += total - sum(sizes)
    return sizes


def generated_articles(total: int, stories: int, seed: int = 7) -> list[Article]:
    """``total`` articles of ``stories`` stories (at most ``len(STORIES)``), in the order
    they were published."""
    if not 1 <= stories <= len(STORIES):
        raise ValueError(f"stories must be between 1 and {len(STORIES)}")
    rng = random.Random(seed)
    order = rng.sample(range(len(STORIES)), stories)  # which story is the largest
    articles = []
    for number, size in zip(order, story_sizes(total, stories), strict=True):
        kind, setting = STORIES[number]
        articles.extend(story_reports(number, KINDS[kind], setting, size, rng))
    articles.sort(key=lambda a: (a.published or "", a.id))
    return articles


def story_reports(
    number: int, kind: Kind, setting: Setting, size: int, rng: random.Random
) -> list[Article]:
    """One story's reports, day by day, each from the story's state that day."""
    values = [rng.randint(*figure.start) for figure in kind.figures]
    per_day = max(1, size // NEWS_DAYS)
    reports: dict[str, Article] = {}  # by id: a text written twice is one article
    wire: list[Article] = []  # the wire stories of the last news day, to reprint
    day_number = 0
    while len(reports) < size:
        day = setting.begins + timedelta(days=day_number)
        before = list(values)
        values = [grown(f, v, rng) for f, v in zip(kind.figures, values, strict=True)]
        todays_wire: list[Article] = []
        for _ in range(rng.randint(1, 2 * per_day)):
            if len(reports) >= size:
                break
            if wire and rng.random() < REPRINT_SHARE:
                article = reprint(rng.choice(wire), rng, day)
            else:
                outlet = WIRE if rng.random() < WIRE_SHARE else rng.choice(OUTLETS)
                late = rng.random() < LATE_SHARE
                text = report_text(kind, setting, day_number, before if late else values, rng)
                article = new_article(number, len(reports), text, kind, setting, outlet, day, rng)
                if outlet == WIRE:
                    todays_wire.append(article)
            reports.setdefault(article.id, article)
        wire = todays_wire
        day_number += rng.choice((1, 1, 1, 2, 3))
    return list(reports.values())


def grown(figure: Figure, value: int, rng: random.Random) -> int:
    value = max(1, value + rng.choice(figure.steps))
    return min(value, figure.cap) if figure.cap is not None else value


def report_text(
    kind: Kind, setting: Setting, day_number: int, values: list[int], rng: random.Random
) -> str:
    """One outlet's report: the lead first, then its figures, a milestone, background and
    perhaps a quote in its own order."""
    fields = vars(setting)
    count = len(kind.figures) if rng.random() < ALL_FIGURES_SHARE else 1
    shown = rng.sample(range(len(kind.figures)), count)
    body = [
        rng.choice(kind.figures[i].phrasings).format(n=f"{values[i]:,}", **fields) for i in shown
    ]
    body.append(milestone(kind, setting, day_number, rng))
    body.extend(rng.sample(kind.background, rng.randint(1, 2)))
    if rng.random() < QUOTE_SHARE:
        body.append(rng.choice(kind.quotes))
    rng.shuffle(body)
    lead = rng.choice(kind.leads)
    return " ".join(sentence.format(**fields) for sentence in [lead, *body])


def milestone(kind: Kind, setting: Setting, day_number: int, rng: random.Random) -> str:
    """A milestone of the story, as expected before its day and as done after it."""
    offset, expected, done = rng.choice(kind.milestones)
    when = setting.begins + timedelta(days=offset)
    sentence = done if day_number > offset else expected
    return sentence.replace("{date}", f"{when:%B} {when.day}, {when.year}")


def new_article(
    number: int,
    serial: int,
    text: str,
    kind: Kind,
    setting: Setting,
    outlet: str,
    day: date,
    rng: random.Random,
) -> Article:
    text = f"{text}\n\nReporting by {outlet}."
    return Article(
        id=content_id(text),
        text=text,
        title=rng.choice(kind.headlines).format(**vars(setting)),
        outlet=outlet,
        url=f"https://news.example/{number}/{serial}",
        published=day.isoformat(),
        published_source="metadata",
    )


def reprint(original: Article, rng: random.Random, day: date) -> Article:
    """A wire story as another outlet runs it: the same words under that outlet's credit."""
    outlet = rng.choice(OUTLETS)
    text = f"{original.text} Distributed by {outlet}."
    return Article(
        id=content_id(text),
        text=text,
        title=original.title,
        outlet=outlet,
        url=f"{original.url}/{outlet.split()[-1].lower()}",
        published=day.isoformat(),
        published_source="metadata",
    )
