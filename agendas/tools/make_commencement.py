#!/usr/bin/env python3
"""Write a commencement agenda with N generated graduates, for agendas/ and for benchmarks.

    python agendas/tools/make_commencement.py            # rewrites agendas/commencement.en.yaml
    python agendas/tools/make_commencement.py --names 5000 --out DIR   # prints the agenda's path

The output is deterministic: the same --names and --seed always give the same bytes. Graduates
go to one CSV per faculty (`commencement-graduates/<faculty>.csv`, beside the agenda), the
honorary graduates are listed inline. Only the standard library is used.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import sys
from dataclasses import dataclass
from pathlib import Path

DEFAULT_NAMES = 2400
DEFAULT_SEED = 2026
AGENDA_NAME = "commencement.en.yaml"
CSV_FOLDER = "commencement-graduates"


@dataclass(frozen=True)
class Faculty:
    slug: str
    name: str
    weight: int
    batch: int
    programmes: tuple[str, ...]


FACULTIES = (
    Faculty(
        "arts",
        "Faculty of Arts and Humanities",
        16,
        8,
        (
            "BA English Literature",
            "BA History",
            "BA Philosophy",
            "BA Modern Languages",
            "BA Music",
            "MA Creative Writing",
        ),
    ),
    Faculty(
        "science",
        "Faculty of Science",
        18,
        10,
        (
            "BSc Mathematics",
            "BSc Physics",
            "BSc Chemistry",
            "BSc Biology",
            "BSc Environmental Science",
            "MSc Data Science",
        ),
    ),
    Faculty(
        "engineering",
        "Faculty of Engineering",
        20,
        10,
        (
            "BEng Civil Engineering",
            "BEng Mechanical Engineering",
            "BEng Electrical and Electronic Engineering",
            "BSc Computer Science",
            "MEng Software Engineering",
        ),
    ),
    Faculty(
        "business",
        "School of Business and Economics",
        17,
        8,
        (
            "BCom Accounting",
            "BBA Business Administration",
            "BSc Economics",
            "MSc Finance",
            "MBA",
        ),
    ),
    Faculty(
        "health",
        "Faculty of Health Sciences",
        14,
        6,
        (
            "BN Nursing",
            "BPharm Pharmacy",
            "BSc Physiotherapy",
            "MPH Public Health",
        ),
    ),
    Faculty("law", "School of Law", 7, 5, ("LLB Law", "LLM International Law")),
    Faculty(
        "education",
        "School of Education",
        8,
        6,
        ("BEd Primary Education", "PGCE Secondary Education", "MEd Educational Leadership"),
    ),
)
MORNING = ("arts", "science", "engineering")
"""Faculties conferred before the interval; the rest follow it."""

# Given names and surnames by tradition, with respellings for names an English voice misreads.
# Each entry: (given names, surnames, surname-first?, weight).
# fmt: off
TRADITIONS: tuple[tuple[tuple[str, ...], tuple[str, ...], bool, int], ...] = (
    (
        (
            "Oliver", "Amelia", "Jack", "Isla", "Harry", "Ava", "George", "Emily", "Noah",
            "Sophie", "Thomas", "Grace", "James", "Lucy", "William", "Chloe", "Daniel", "Hannah",
            "Samuel", "Ellie", "Joseph", "Freya", "Matthew", "Charlotte", "Benjamin", "Megan",
        ),
        (
            "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies",
            "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green",
            "Hall", "Wood", "Jackson", "Clarke", "Hughes", "Edwards", "Turner", "Parker",
        ),
        False,
        34,
    ),
    (
        ("Siobhán", "Niamh", "Aoife", "Saoirse", "Ciarán", "Oisín", "Cian", "Róisín", "Eoin"),
        ("Murphy", "Kelly", "O'Brien", "Byrne", "Ryan", "O'Connor", "Doyle", "McCarthy"),
        False,
        5,
    ),
    (
        ("Wei", "Xiuying", "Jiayi", "Hao", "Yuxuan", "Zihan", "Minghui", "Xinyi", "Jun", "Qing"),
        ("Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu"),
        True,
        12,
    ),
    (
        ("Aarav", "Priya", "Rohan", "Ananya", "Vikram", "Kavya", "Arjun", "Meera", "Sanjay"),
        ("Patel", "Sharma", "Singh", "Gupta", "Iyer", "Reddy", "Nair", "Mehta", "Kaur"),
        False,
        10,
    ),
    (
        ("Chinedu", "Amara", "Oluwaseun", "Ngozi", "Kwame", "Abena", "Tunde", "Adaeze", "Kofi"),
        ("Okafor", "Adeyemi", "Mensah", "Nwosu", "Asante", "Okonkwo", "Boateng", "Eze"),
        False,
        9,
    ),
    (
        ("Mateo", "Sofía", "Santiago", "Valentina", "Diego", "Lucía", "Javier", "Camila"),
        ("García", "Rodríguez", "Martínez", "Hernández", "López", "González", "Pérez"),
        False,
        8,
    ),
    (
        ("Omar", "Layla", "Yusuf", "Fatima", "Karim", "Noor", "Hassan", "Mariam", "Zaid"),
        ("Haddad", "Khalil", "Rahman", "Hussain", "Mansour", "Nasser", "Aziz"),
        False,
        7,
    ),
    (
        ("Minh", "Thu", "Anh", "Linh", "Duc", "Huong"),
        ("Nguyen", "Tran", "Pham", "Le", "Hoang"),
        True,
        5,
    ),
    (
        ("Ji-woo", "Seo-yeon", "Min-jun", "Ha-eun", "Do-yun"),
        ("Kim", "Park", "Choi", "Jung", "Kang"),
        True,
        4,
    ),
    (
        ("Lukas", "Anna", "Jan", "Zofia", "Mikkel", "Ingrid", "Piotr", "Katarzyna", "Matteo"),
        ("Müller", "Nowak", "Jensen", "Kowalski", "Rossi", "Schmidt", "Larsen", "Novák"),
        False,
        6,
    ),
)
# fmt: on

RESPELL = {
    "Siobhán": "Shiv-awn",
    "Niamh": "Neev",
    "Aoife": "Ee-fa",
    "Saoirse": "Seer-sha",
    "Ciarán": "Keer-awn",
    "Oisín": "Osh-een",
    "Róisín": "Ro-sheen",
    "Eoin": "Owen",
    "Xu": "Shoo",
    "Zhou": "Joe",
    "Xiuying": "Shyo-ying",
    "Jiayi": "Jya-yee",
    "Zihan": "Dzuh-han",
    "Xinyi": "Shin-yee",
    "Qing": "Ching",
    "Nguyen": "Win",
    "Oluwaseun": "Oh-loo-wah-shay-oon",
    "Katarzyna": "Ka-ta-zhi-na",
}


HANZI = {
    "Wang": "王", "Li": "李", "Zhang": "张", "Liu": "刘", "Chen": "陈", "Yang": "杨",
    "Zhao": "赵", "Huang": "黄", "Zhou": "周", "Wu": "吴", "Xu": "徐",
    "Wei": "伟", "Xiuying": "秀英", "Jiayi": "佳怡", "Hao": "浩", "Yuxuan": "宇轩",
    "Zihan": "子涵", "Minghui": "明辉", "Xinyi": "欣怡", "Jun": "军", "Qing": "青",
}  # fmt: skip
"""Characters for the Chinese names: some graduates print their name in both scripts."""


@dataclass(frozen=True)
class Graduate:
    name: str
    unit: str
    say: str
    note: str


def make_graduates(count: int, rng: random.Random) -> dict[str, list[Graduate]]:
    """`count` graduates spread over the faculties by weight, sorted by programme then name."""
    traditions = [t for t in TRADITIONS for _ in range(t[3])]
    weights = [f.weight for f in FACULTIES]
    by_faculty: dict[str, list[tuple[str, str, str, Graduate]]] = {f.slug: [] for f in FACULTIES}
    for _ in range(count):
        faculty = rng.choices(FACULTIES, weights)[0]
        given_names, surnames, surname_first, _weight = rng.choice(traditions)
        given, family = rng.choice(given_names), rng.choice(surnames)
        if not surname_first and rng.random() < 0.15:
            given = f"{given} {rng.choice(given_names)}"  # a middle name
        parts = [family, given] if surname_first else [given, family]
        name = " ".join(parts)
        words = name.split()
        say = " ".join(RESPELL.get(w, w) for w in words) if set(words) & RESPELL.keys() else ""
        if all(w in HANZI for w in words) and rng.random() < 0.3:
            say = say or name  # the voice reads the romanised name, not the characters
            name = f"{name} {''.join(HANZI[w] for w in words)}"
        note = "In absentia: read the name, do not wait." if rng.random() < 0.02 else ""
        graduate = Graduate(name, rng.choice(faculty.programmes), say, note)
        by_faculty[faculty.slug].append((graduate.unit, family, name, graduate))
    # Programme by programme, by family name: the order graduates line up in.
    return {
        slug: [row[3] for row in sorted(rows, key=lambda row: row[:3])]
        for slug, rows in by_faculty.items()
    }


def csv_text(graduates: list[Graduate]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["name", "unit", "say", "note"])
    for g in graduates:
        writer.writerow([g.name, g.unit, g.say, g.note])
    return out.getvalue()


def quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON string syntax is valid YAML)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def conferral_item(item_id: str, title: str, intro: str, slugs: tuple[str, ...]) -> list[str]:
    lines = [
        f"  - id: {item_id}",
        "    kind: awards",
        f"    title: {title}",
        f"    intro: {quoted(intro)}",
        '    call: "{award}: {names}."',
        "    per_call: 20s",
        "    groups:",
    ]
    for faculty in FACULTIES:
        if faculty.slug in slugs:
            lines += [
                f"      - award: {faculty.name}",
                f"        batch: {faculty.batch}",
                f"        recipients_csv: {CSV_FOLDER}/{faculty.slug}.csv",
            ]
    return lines


def agenda_text(count: int, seed: int) -> str:
    afternoon = tuple(f.slug for f in FACULTIES if f.slug not in MORNING)
    lines = [
        f"# Generated by agendas/tools/make_commencement.py --names {count} --seed {seed}.",
        "# Edit the generator and rerun it; do not edit this file or its CSV files by hand.",
        "podium: 1",
        "meeting:",
        "  title: Northbridge University Commencement 2026",
        "  subtitle: Conferral of degrees, summer ceremony",
        "  date: 2026-06-19",
        '  start: "10:00"',
        "  venue: Northbridge Arena",
        "  host: Professor Alan Whitcombe, Deputy Vice-Chancellor",
        "  language: en",
        "names:",
        "  chancellor: The Rt Hon Dame Catherine Oduya",
        "  vc: Professor Ravi Krishnan",
        "  student: Zhang Jiayi",
        f"  graduates: {count:,}",
        "items:",
        "  - id: procession",
        "    title: Academic procession",
        "    duration: 6m",
        "    script: >-",
        "      Ladies and gentlemen, please rise for the academic procession, led by the",
        "      Chancellor of Northbridge University, {chancellor}.",
        "    notes: Organ music starts on the stage manager's signal; remain standing until the",
        "      Chancellor is seated.",
        "  - id: welcome",
        "    title: Welcome",
        "    script:",
        "      - >-",
        "        Please be seated. Good morning, and welcome to the {title}. Today {graduates}",
        "        graduates from seven faculties and schools receive their degrees.",
        "      - >-",
        "        Please keep your applause until the end of each group of names, so that",
        "        every graduate's name can be heard. Photographs are welcome from your seats.",
        "  - id: vc-address",
        "    kind: speech",
        "    title: Address by the Vice-Chancellor",
        '    speaker: "{vc}, Vice-Chancellor"',
        "    intro: I now invite the Vice-Chancellor, {vc}, to address the graduates.",
        "    duration: 10m",
        "    outro: Thank you, Vice-Chancellor.",
        "  - id: honorary",
        "    kind: awards",
        "    title: Honorary degrees",
        "    intro: >-",
        "      The University confers its highest distinction on two people whose work has changed",
        "      lives far beyond this campus.",
        '    call: "For the degree of {award}, honoris causa, I present {names}."',
        "    per_call: 4m",
        "    groups:",
        "      - award: Doctor of Science",
        "        recipients:",
        "          - name: Professor Ngozi Adichie-Bello",
        "            unit: Epidemiologist, founder of the West Africa Field Lab",
        "      - award: Doctor of Letters",
        "        recipients:",
        "          - name: Siobhán Ní Dhomhnaill",
        "            unit: Poet and translator",
        "            say: Shiv-awn Nee Ghoan-ull",
    ]
    lines += conferral_item(
        "conferral-1",
        "Conferral of degrees, part one",
        "By the authority vested in me, I confer upon each of the graduates now presented the"
        " degree for which they have qualified. Graduates, please come forward as your name is"
        " called.",
        MORNING,
    )
    lines += [
        "  - id: interval",
        "    kind: break",
        "    title: Interval",
        "    duration: 10m",
        "    script: >-",
        "      We will pause for ten minutes. Graduates of the afternoon faculties, please take",
        "      your places in the marshalling area behind the stage.",
    ]
    lines += conferral_item(
        "conferral-2",
        "Conferral of degrees, part two",
        "We continue with the conferral of degrees. Graduates, please come forward as your name"
        " is called.",
        afternoon,
    )
    lines += [
        "  - id: student-speech",
        "    kind: speech",
        "    title: Address on behalf of the graduates",
        '    speaker: "{student}, MSc Data Science"',
        "    intro: Speaking on behalf of the graduating class of 2026, please welcome {student}.",
        "    duration: 5m",
        "    warn: 1m",
        "    danger: 30s",
        "    outro: Thank you, {student}.",
        "  - id: closing",
        "    title: Closing and recessional",
        "    script:",
        "      - >-",
        "        Graduates, congratulations. You leave today as alumni of Northbridge University,",
        "        and you are always welcome back.",
        "      - Please rise for the recessional, and remain in your places until the procession",
        "        has left the arena.",
    ]
    return "\n".join(lines) + "\n"


def write_commencement(out: Path, count: int = DEFAULT_NAMES, seed: int = DEFAULT_SEED) -> Path:
    """Write the agenda and its CSV files into `out`; return the agenda's path."""
    graduates = make_graduates(count, random.Random(seed))
    (out / CSV_FOLDER).mkdir(parents=True, exist_ok=True)
    for slug, rows in graduates.items():
        (out / CSV_FOLDER / f"{slug}.csv").write_text(csv_text(rows), encoding="utf-8")
    agenda = out / AGENDA_NAME
    agenda.write_text(agenda_text(count, seed), encoding="utf-8")
    return agenda


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, default=DEFAULT_NAMES, help="number of graduates")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument(
        "--out",
        type=Path,
        default=Path(__file__).resolve().parent.parent,
        help="folder to write into (default: agendas/)",
    )
    args = parser.parse_args(argv)
    if args.names < 1:
        parser.error("--names must be at least 1")
    print(write_commencement(args.out, args.names, args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
