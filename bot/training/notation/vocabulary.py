"""The words of workout notation, grouped by what they tell the reader."""

from __future__ import annotations

from typing import Final

from bot.training.units import DISTANCE_UNITS, DURATION_UNITS

# Words (after lower-casing and dropping hyphens) that name a segment that is not work.
WARMUP_WORDS: Final = frozenset(
    {"wu", "warmup", "warm", "wup", "warmups"}
)  # "warm" only counts when "up" follows: see reader
COOLDOWN_WORDS: Final = frozenset(
    {"cd", "cooldown", "cool", "warmdown", "wd", "cooldowns", "cooldn", "cdn"}
)
# `e` is Daniels' E: only read as easy running next to a length (`E 45'`, `4E`).
EASY_WORDS: Final = frozenset({"easy", "ez", "shakeout", "aerobic", "recoveryrun", "jogging", "e"})

# Words that make an amount a recovery.
REST_WORDS: Final[dict[str, str]] = {
    "relaxation": "",
    "relax": "",
    "recovering": "",
    "fastwalk": "walk",
    "walkjog": "walk",
    "jogwalk": "jog",
    "walkback": "walk",
    "jogback": "jog",
    "rest": "rest",
    "rests": "rest",
    "recovery": "",
    "recoveries": "",
    "rec": "",
    "recov": "",
    "rcv": "",
    "jog": "jog",
    "jogs": "jog",
    "jogged": "jog",
    "float": "float",
    "floats": "float",
    "walk": "walk",
    "walks": "walk",
    "walking": "walk",
    "off": "rest",
    "break": "rest",
    "standing": "stand",
    "stand": "stand",
    "easyjog": "jog",
    "shuffle": "jog",
    "ri": "rest",
    "recover": "",
    "jogrecovery": "jog",
    "jogrest": "jog",
    "resting": "rest",
    # Recovery words from pages in French, German and Spanish (unaccented: the lexer's words).
    "recup": "",
    "repos": "rest",
    "pause": "rest",
    "trabpause": "jog",
    "trab": "jog",
    "descanso": "rest",
}
# Words that introduce a recovery: "w/ 90s", "with 200m jog", "+90sec rest".
REST_LEADS: Final = frozenset({"with", "w", "plus", "and"})

# Words that make a target: "@ 68", "in 52-54", "at 5k pace".
TARGET_LEADS: Final = frozenset(
    {
        "at",
        "in",
        "around",
        "about",
        "approx",
        "approximately",
        "averaging",
        "avg",
        "hitting",
        "hit",
        "under",
        "sub",
        "targeting",
        "target",
        "goal",
    }
)

# Labels for reps: the name a coach gives them.
LABEL_WORDS: Final[dict[str, str | None]] = {
    "lr": "long run",
    "mlr": "long run",
    "stride": "strides",
    "strides": "strides",
    "striders": "strides",
    "accelerations": "strides",
    "accels": "strides",
    "accel": "strides",
    "hill": "hills",
    "hills": "hills",
    "uphill": "hills",
    "uphills": "hills",
    "sprint": "sprints",
    "sprints": "sprints",
    "sprinted": "sprints",
    "tempo": "tempo",
    "tempos": "tempo",
    "pickup": "pick-ups",
    "pickups": "pick-ups",
    "surge": "surges",
    "surges": "surges",
    "fartlek": "fartlek",
    "progression": "progression",
    "progressive": "progression",
    "long": "long run",
    "longrun": "long run",
    "steady": "steady",
    "cruise": "cruise",
    "repeat": None,
    "repeats": None,
    "reps": None,
    "rep": None,
    "intervals": None,
    "interval": None,
    "efforts": None,
    "effort": None,
}

# Race-pace names, by the words that name them, and the canonical names they become.
NAMED_PACES: Final[dict[str, str]] = {
    "t": "T",
    "threshold": "T",
    "thresh": "T",
    "lt": "T",
    "lactate": "T",
    "cruise": "T",
    "th": "T",
    "i": "I",
    "interval": "I",
    "vo2": "I",
    "vo2max": "I",
    "r": "R",
    "rep": "R",
    "repetition": "R",
    "repeat": "R",  # Daniels' REPEAT pace
    "m": "marathon",
    "mp": "marathon",
    "marathon": "marathon",
    "mrp": "marathon",
    "hmp": "half",
    "half": "half",
    "halfmarathon": "half",
    "hm": "half",
    "e": "E",
    "easy": "E",
    "gp": "goal",
    "goal": "goal",
    "race": "goal",
    "rp": "goal",
    "grp": "goal",
    "cv": "CV",
    "ant": "T",
    "tp": "T",
    "int": "I",
    "xc": "xc",
}
# Race distances as pace names: "5k pace", "mile pace", "10k effort".
RACE_PACE_NAMES: Final[dict[str, str]] = {
    "800": "800",
    "1500": "1500",
    "1600": "mile",
    "mile": "mile",
    "3k": "3k",
    "3000": "3k",
    "3200": "2mile",
    "2mile": "2mile",
    "5k": "5k",
    "5000": "5k",
    "8k": "8k",
    "10k": "10k",
    "10000": "10k",
    "15k": "15k",
    "half": "half",
    "hm": "half",
    "marathon": "marathon",
}
PACE_SUFFIX_WORDS: Final = frozenset({"pace", "effort", "speed", "pce", "efforts", "paced"})

# Between what a recovery falls.
SET_WORDS: Final = frozenset(
    {"sets", "set", "blocks", "block", "rounds", "round", "series", "groups"}
)
EVERYTHING_WORDS: Final = frozenset({"everything", "all", "each", "every"})

# Words that join items.
JOIN_WORDS: Final = frozenset({"then", "followed", "by", "and", "plus", "after", "next"})

DISTANCE_UNIT_WORDS: Final = DISTANCE_UNITS
DURATION_UNIT_WORDS: Final = DURATION_UNITS
CUTDOWN_WORDS: Final = frozenset(
    {
        "cutting",
        "cut",
        "cutdown",
        "descending",
        "descend",
        "dropping",
        "drop",
        "progressing",
        "working",
        "cuttingdown",
    }
)

# Counts written as words: `ten 800m repeats`, `six x 1k`.
NUMBER_WORDS: Final[dict[str, int]] = {
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
    "fifteen": 15,
    "sixteen": 16,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}

# Exercises between runs (folded: no hyphens): `10x press-ups`, `20 walking lunges` are no reps.
EXERCISE_WORDS: Final = frozenset({
    "lunges", "lunge", "squats", "squat", "pushups", "pushup", "pressups", "pressup", "situps",
    "situp", "burpees", "burpee", "jumps", "jumpingjacks", "jacks", "planks", "plank", "skips",
    "bounds", "crunches", "dips", "stepups", "pullups", "climbers", "mountainclimbers", "hops",
    "tuckjumps", "starjumps", "bridges", "calfraises", "raises", "kicks", "buttkicks",
    "highknees", "knees",
})  # fmt: skip

# Words after a length that say it is a run: `a 6 mile run`.
RUN_AFTER_LENGTH: Final = frozenset({"run", "runs", "jog", "easy"})

# Words that say the text is about running done, so a lone length in a sentence is a workout:
# `I ran 5 miles today`, but not `who's got the 10k results?`.
RUN_VERBS: Final = frozenset({
    "ran", "run", "did", "done", "jogged", "raced", "race", "racing", "parkrun", "trial",
    "finished", "completed", "logged", "today", "went",
})  # fmt: skip

# Words of workouts written in French, Spanish, Italian, German, Dutch and Portuguese (folded:
# no accents, no hyphens), read as the English word the reader knows. Only words no English
# workout uses otherwise; `@` makes a pace lead (`allure 10 km`, `ritmo 5k`: at 10k pace).
WORDS_ABROAD: Final[dict[str, str]] = {
    # with, between, each, of, and, then, the
    "avec": "with", "con": "with", "mit": "with", "met": "with", "com": "with",
    "entre": "between", "zwischen": "between", "tussen": "between", "tra": "between",
    "chaque": "each", "cada": "each", "ogni": "each", "jeweils": "each", "je": "each",
    "elke": "each",
    "de": "of", "des": "of", "du": "of", "del": "of", "di": "of", "da": "of", "von": "of",
    "et": "and", "y": "and", "und": "and", "ou": "or", "oder": "or",
    "puis": "then", "ensuite": "then", "luego": "then", "despues": "then", "dann": "then",
    "danach": "then", "poi": "then", "depois": "then",
    "les": "the", "la": "the", "le": "the", "el": "the", "los": "the", "las": "the",
    "die": "the", "der": "the", "il": "the",
    "en": "in", "im": "in", "em": "in",
    # recoveries
    "recuperation": "recovery", "recuperations": "recoveries", "recups": "recoveries",
    "recuperacion": "recovery", "recuperaciones": "recoveries", "recupero": "recovery",
    "recuperi": "recoveries", "recuperacao": "recovery", "herstel": "recovery",
    "recuperer": "recover", "recuperar": "recover", "recuperando": "recovering",
    "recupere": "recover", "recuperez": "recover",  # French: on récupère, récupérez
    "otros": "another", "otro": "another",
    "trot": "jog", "trottiner": "jog", "traben": "jog", "trabend": "jog", "footing": "jog",
    "trote": "jog", "trotando": "jog",
    "trotar": "jog", "dribbel": "jog", "dribbelpauze": "jog", "dribbelen": "jog",
    "trabpausen": "jog", "dazwischen": "between",
    "gehpause": "walk", "geh": "walk", "gehen": "walk", "wandelpauze": "walk", "marche": "walk",
    "caminando": "walk",
    "caminar": "walk", "camminata": "walk",
    "pausa": "rest", "pausas": "rest", "pauze": "rest", "rust": "rest", "pausen": "rest",
    # sets, reps, times
    "serie": "set", "serien": "sets", "seriess": "sets", "bloques": "blocks",
    "fois": "times", "veces": "times", "volte": "times", "mal": "times", "keer": "times",
    "vezes": "times",
    "repetitions": "repetitions", "repeticiones": "repetitions", "ripetute": "repetitions",
    "ripetizioni": "repetitions", "wiederholungen": "repetitions", "herhalingen": "repetitions",
    "repeticoes": "repetitions",
    "intervalle": "intervals", "intervalos": "intervals", "intervalli": "intervals",
    "intervallen": "intervals", "intervalles": "intervals",
    "cible": "target",
    "repeter": "repeat", "repetez": "repeat", "repetir": "repeat", "repite": "repeat",
    "ripetere": "repeat", "wiederholen": "repeat", "herhaal": "repeat",
    # lengths
    "secondes": "seconds", "segundos": "seconds", "secondi": "seconds", "sekunden": "seconds",
    "seconden": "seconds",
    "minutos": "minutes", "minuti": "minutes", "minuten": "minutes",
    "metros": "metres", "metri": "metres", "meter": "metres",
    "tours": "laps", "tour": "lap", "vueltas": "laps", "vuelta": "lap", "giri": "laps",
    "runden": "laps", "runde": "lap", "rondes": "laps", "ronde": "lap",
    # segments
    "echauffement": "warmup", "calentamiento": "warmup", "riscaldamento": "warmup",
    "einlaufen": "warmup", "aquecimento": "warmup", "inlopen": "warmup",
    "risc": "warmup",  # Italian riscaldamento, shortened
    "enfriamiento": "cooldown", "defaticamento": "cooldown", "auslaufen": "cooldown",
    "uitlopen": "cooldown", "desaquecimento": "cooldown",
    "ef": "easy", "rc": "cooldown",  # French endurance fondamentale, retour au calme
    "calme": "cooldown", "calma": "cooldown",  # retour au calme, vuelta a la calma
    "halbmarathontempo": "hmp", "marathontempo": "mp", "halbmarathon": "halfmarathon",
    "unas": "about", "unos": "about", "environ": "about", "circa": "about", "ungefahr": "about",
    # counts: French, Spanish, Italian, German, Portuguese, Dutch (not `due`, `un`, `uno`: English
    # words or articles)
    "deux": "two", "trois": "three", "quatre": "four", "cinq": "five", "sept": "seven",
    "huit": "eight", "neuf": "nine", "dix": "ten", "douze": "twelve", "quinze": "fifteen",
    "vingt": "twenty",
    "dos": "two", "tres": "three", "cuatro": "four", "cinco": "five", "seis": "six",
    "siete": "seven", "ocho": "eight", "nueve": "nine", "diez": "ten", "doce": "twelve",
    "quince": "fifteen", "veinte": "twenty",
    "tre": "three", "sei": "six", "quattro": "four", "cinque": "five", "sette": "seven",
    "otto": "eight", "nove": "nine",
    "dieci": "ten", "dodici": "twelve", "quindici": "fifteen", "venti": "twenty",
    "zwei": "two", "drei": "three", "vier": "four", "funf": "five", "sechs": "six",
    "sieben": "seven", "acht": "eight", "neun": "nine", "zehn": "ten", "zwolf": "twelve",
    "zwanzig": "twenty",
    "quatro": "four", "oito": "eight", "dez": "ten",
    "twee": "two", "drie": "three", "zes": "six", "zeven": "seven", "negen": "nine",
    "tien": "ten", "twaalf": "twelve",
    # Swedish, Norwegian, Danish
    "med": "with", "mellan": "between", "mellom": "between", "vila": "rest", "hvile": "rest",
    "joggvila": "jog", "gangvila": "walk", "uppvarmning": "warmup", "oppvarming": "warmup",
    "opvarmning": "warmup", "nedvarvning": "cooldown", "nedjogg": "cooldown",
    "nedjogging": "cooldown", "ganger": "times", "gange": "times", "drag": "repetitions",
    # Portuguese and Spanish counts of reps
    "tiros": "repetitions", "pasadas": "repetitions", "rodaje": "easy",
    # running and paces
    "courir": "run", "correr": "run", "correre": "run", "laufen": "run", "lopen": "run",
    "ziel": "goal", "durchschnitt": "average",  # German: Ziel ist ein Durchschnitt von
    "ist": "is", "ein": "a",
    "pendant": "for", "faire": "do",  # French: récupère pendant 30 s, le faire 10 fois
    "court": "run",  # French: on court 30 secondes
    "allure": "@", "ritmo": "@", "passo": "@",
    "schneller": "faster", "langsamer": "slower", "als": "than",
    "objectif": "goal", "objetivo": "goal", "obiettivo": "goal", "maraton": "marathon",
    "maratona": "marathon", "semi": "half",  # `allure semi`: half-marathon pace
    "ton": "your", "votre": "your", "tu": "your", "tuo": "your", "dein": "your",
    "vma": "vo2max",
}  # fmt: skip
