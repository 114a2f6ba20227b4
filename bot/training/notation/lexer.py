"""Splitting workout text into tokens: numbers with their units, clock times, words and symbols.

One pass over the text, one character at a time, so the cost is linear in the input whatever it
holds. Offsets always point into the text the user typed, for error messages.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final, Literal

from bot.training.errors import ParseError
from bot.training.notation.vocabulary import NUMBER_WORDS, WORDS_ABROAD
from bot.training.units import DISTANCE_UNITS, DURATION_UNITS

TokKind = Literal["num", "time", "word", "sym", "nl"]

# One character in, one character out, so offsets stay valid.
_CHAR_MAP: Final = {
    "’": "'",
    "‘": "'",
    "′": "'",
    "ʹ": "'",
    "`": "'",
    "´": "'",
    "”": '"',
    "“": '"',
    "″": '"',
    "„": '"',
    "×": "x",
    "✕": "x",
    "✖": "x",
    "*": "x",
    "–": "-",
    "—": "-",
    "−": "-",
    "‐": "-",
    "‑": "-",
    "→": ">",
    "〜": "-",  # a range in Japanese: `4’08〜4’16`
    "\t": " ",
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
    "\r": "\n",
    "［": "[",
    "］": "]",
    "（": "(",
    "）": ")",
    "＠": "@",
    "，": ",",
    "：": ":",
}

_ATTACHABLE_UNITS: Final = frozenset(DISTANCE_UNITS) | frozenset(DURATION_UNITS)
_LONG_UNITS: Final = frozenset({"k", "km", "kms", "mi", "mile", "miles", "kilometer", "kilometre"})
_METRE_WORDS: Final = frozenset(
    {"m", "meter", "meters", "metre", "metres", "metros", "metri", "mts"}
)
_ORDINALS: Final = frozenset({"st", "nd", "rd", "th", "am", "pm", "pct"})


class Tok:
    __slots__ = ("end", "form", "kind", "start", "unit", "value")

    kind: TokKind
    start: int
    end: int
    # num: the number; time: seconds.
    value: float
    # num: a unit written against the number (`1000m`, `90s`, `3'`), lower case; word/sym: itself.
    unit: str
    # time: how it was written, "clock" (2:26) or "prime" (3'05"); num: "int" or "dec".
    form: str

    def __init__(
        self,
        kind: TokKind,
        start: int,
        end: int,
        value: float = 0.0,
        unit: str = "",
        form: str = "",
    ) -> None:
        self.kind = kind
        self.start = start
        self.end = end
        self.value = value
        self.unit = unit
        self.form = form

    @property
    def word(self) -> str:
        return self.unit if self.kind in ("word", "sym") else ""

    def __repr__(self) -> str:
        fields = (self.kind, self.start, self.end, self.value, self.unit, self.form)
        return f"Tok{fields!r}"


@lru_cache(maxsize=4096)
def _fold(ch: str) -> str:
    """One non-ASCII character as the ASCII one it stands for, or itself, lower-cased."""
    folded = unicodedata.normalize("NFKC", ch)
    if len(folded) == 1 and folded.isascii():
        return folded.lower()
    base = unicodedata.normalize("NFKD", ch)[:1]
    if base.isascii() and base.isalpha():
        return base.lower()  # `é` of `récup`, `ü`: the letter without its accent
    category = unicodedata.category(ch)
    if category == "Nd":
        return str(unicodedata.digit(ch))  # `٣`, `३`: a digit of another script
    if category in ("Cf", "Cc", "Zs", "Zl", "Zp"):
        return " "  # zero-width and direction marks, odd spaces
    lowered = ch.lower()
    return lowered if len(lowered) == 1 else ch


# The characters of _CHAR_MAP that are ASCII (`*`, the backquote, tab, CR), which most texts
# lack: a `replace` each, after a look.
_ASCII_MAP: Final = tuple((c, to) for c, to in _CHAR_MAP.items() if c.isascii())
_NOT_ASCII: Final = re.compile(r"[^\x00-\x7f]+")
# Curly double quotes around words (`“8x1000 sub-5”`): quote marks, not a seconds sign.
_QUOTED: Final = re.compile(r"“([^”“\n]{1,200})”")
# `sub-5`: under 5, as `sub 5` (not a range from `sub`).
_SUB_DASH: Final = re.compile(r"(?<![a-z])(sub)-(?=\d)", re.IGNORECASE)


# Discord's markup for mentions, channels, custom emoji and timestamps: `<@&55>` is no 55 m.
_MARKUP: Final = re.compile(
    r"<(?:@[!&]?|#)[0-9]{1,20}>|<a?:[A-Za-z0-9_~]{1,32}:[0-9]{1,20}>|<t:-?[0-9]{1,13}(?::[A-Za-z])?>"
)


# Discord's markdown: bold, underline, strike-through and spoiler marks; a `*` bullet at the start
# of a line; a `*` against a letter (italics). A `*` between numbers stays: `5*1000` is a count.
# Struck-through text (`~~8~~ 6 x 400`) is taken back: blanked whole.
_MARKDOWN: Final = re.compile(
    r"~~[^~\n]{1,200}~~|\*\*|__|~~|\|\||(?m:^[ \t>]*\*(?=[ \t]))|(?<![0-9 \t*])\*|\*(?=[a-zA-Z])"
)


def _blank(m: re.Match[str]) -> str:
    return re.sub(r"[^\s>]", " ", m.group())


def normalise(text: str) -> str:
    """Fold the characters runners type for the same thing (curly quotes, ×, en dashes, full-width
    digits) to one each, keeping the length, and lower-case it. Discord's markup (mentions,
    custom emoji, timestamps, bold and other marks) becomes blanks."""
    global _last
    # The reader asks again for the text it has just tokenised: the last answer, kept.
    last = _last  # one read: another thread may replace it
    if last[0] is text:
        return last[1]
    folded = _normalise(text)
    _last = (text, folded)
    return folded


_last: tuple[str, str] = ("", "")


def _normalise(text: str) -> str:
    if "ub-" in text or "UB-" in text:
        text = _SUB_DASH.sub(r"\1 ", text)
    if "<" in text:
        text = _MARKUP.sub(lambda m: " " * len(m.group()), text)
    if "*" in text or "_" in text or "~" in text or "|" in text:
        text = _MARKDOWN.sub(_blank, text)
    if text.isascii():
        return _fold_ascii(text)
    if "“" in text:
        text = _QUOTED.sub(lambda m: f" {m.group(1)} ", text)
    # The ASCII stretches whole (`lower` would change the length of some other letters), the
    # rest one character at a time: most texts have a few curly quotes or accents.
    out: list[str] = []
    at = 0
    for m in _NOT_ASCII.finditer(text):
        out.append(_fold_ascii(text[at : m.start()]))
        out.append("".join([_CHAR_MAP.get(ch) or _fold(ch) for ch in m.group()]))
        at = m.end()
    out.append(_fold_ascii(text[at:]))
    return "".join(out)


def _fold_ascii(text: str) -> str:
    text = text.lower()
    for ch, to in _ASCII_MAP:  # each maps to lower-case ASCII
        if ch in text:
            text = text.replace(ch, to)
    return text


# Single character classes with no alternation: each match is one linear scan in C.
_DIGITS: Final = re.compile(r"[0-9]*")
_LETTERS: Final = re.compile(r"[a-z]*")
_BLANKS: Final = re.compile(r"[^\S\n]*")
# A list item's number or letter at the start of a line: `1.`, `12)`, `a)`, `b.` then a space.
_LIST_MARKER: Final = re.compile(r"[^\S\n]*(?:[0-9]{1,2}[.)]|[a-z][.)])[^\S\n]+")


MAX_DIGITS: Final = 12

# The tokens most text is made of, each read by one match with the blanks before it: words (not
# hyphenated; not w, b or c, which start shorthands such as w/ and b/w; not starting with the x
# of a count), a lone x, numbers of up to MAX_DIGITS digits with the letters written against them
# (no point, colon or prime after them), clock times of minutes and seconds with nothing after
# them (`3:05`, the most written time), and symbols. Everything else (shorthands, other times,
# decimals, primes, line breaks) is turned down here and read character by character below.
# A comma and digits after a number are a list (`400,300`, `0,0`) unless the number has one or
# two digits and they make it one number: thousands (`1,000`, not `1,000,5`) or a decimal comma
# before a unit (`2,1km`); those two are turned down too.
# Atomic groups and possessive repeats: no backtracking.
_COMMA_JOINS: Final = r",(?:[0-9]{3}+(?!,[0-9])|[0-9]{1,2}+ ?(?:kms|km|k|mi)(?![a-z]))"
# ... and so is a thousands space before metres (`3 000 m`).
_SPACE_JOINS: Final = (
    "[ \u00a0\u202f](?:000|500) ?(?:metres|metros|meters|metre|meter|metri|mts|m)(?![a-z])"
)
_FAST: Final = re.compile(
    r"[^\S\n]*+(?:"
    r"(?P<word>(?>(?!x)(?:[a-z]{2,}+|[ad-vyz])))(?!-[a-z])"
    r"|(?P<x>x)(?![a-z]|-[a-z])"
    r"|(?P<num>(?P<digits>[0-9]{3," + str(MAX_DIGITS) + r"}+|[0-9]{1,2}+(?!" + _COMMA_JOINS + "|"
    + _SPACE_JOINS + r"))"
    r"(?![0-9]|[.:][0-9]|['\"])[a-z]*+)"
    r"|(?P<clock>[0-9]{1,2}+:[0-5][0-9](?![0-9]|[.:][0-9]|[a-z]))"
    r"|(?P<sym>[^\s0-9a-z.:\u3040-\u30ff\u4e00-\u9fff]|:(?![0-9]))"
    r")?"
)

# The same, run on with `finditer`: `slow` is the first character the match turns down.
_FAST_RUN: Final = re.compile(_FAST.pattern[: -len(")?")] + r"|(?P<slow>[\s\S]))")


def _digits(s: str, i: int) -> int:
    return _DIGITS.match(s, i).end()  # type: ignore[union-attr]


def _letters(s: str, i: int) -> int:
    return _LETTERS.match(s, i).end()  # type: ignore[union-attr]


def tokenize(text: str, *, fast_path: bool = True) -> list[Tok]:
    """The tokens of `text`. `fast_path=False` reads every token character by character, as the
    fast path's reference (the tests check that both give the same tokens)."""
    s = normalise(text)
    n = len(s)
    toks: list[Tok] = []
    i = 0
    while i < n:
        if (not toks or toks[-1].kind == "nl") and (marker := _LIST_MARKER.match(s, i)):
            i = marker.end()  # `1. Run 400 metres`, `b) 3 minutes at 10K pace`: a list's numbering
            continue
        if fast_path:
            # The common tokens, one match each, up to the first character the match turns
            # down (read below). None of them is a line break, so no list marker comes between.
            for m in _FAST_RUN.finditer(s, i):
                kind = m.lastgroup or ""  # every alternative is a named group
                start = m.start(kind)
                if kind == "slow":
                    i = start
                    break
                j = end = m.end()
                if kind == "word":
                    word = s[start:j]
                    if word in _APPENDED:
                        _append_word(text, word, start, j, toks)
                    else:
                        toks.append(Tok("word", start, j, 0.0, word))
                elif kind == "num":
                    digits_end = m.end("digits")
                    value = float(s[start:digits_end])
                    if j == digits_end:
                        toks.append(Tok("num", start, j, value, "", "int"))
                    else:
                        j = _attached_unit(text, s, start, digits_end, j, value, "int", toks)
                elif kind == "clock":
                    seconds = int(s[start : j - 3]) * 60 + int(s[j - 2 : j])
                    toks.append(Tok("time", start, j, float(seconds), "", "clock"))
                else:
                    toks.append(Tok("sym", start, j, 0.0, s[start:j]))
                i = j
                if j != end:
                    break  # a unit took fewer letters than the match (`1000mx6`): match again
            else:
                break  # nothing but blanks after the last token
            if i != start:
                continue
        ch = s[i]
        if ch == "\n":
            if not toks or toks[-1].kind != "nl":
                toks.append(Tok("nl", i, i + 1, unit="\n"))
            i += 1
        elif ch.isspace():
            i = max(_BLANKS.match(s, i).end(), i + 1)  # type: ignore[union-attr]
        elif "0" <= ch <= "9" or (ch in ".:" and i + 1 < n and "0" <= s[i + 1] <= "9"):
            if _digits(s, i + 1) - i > MAX_DIGITS:
                # A count or length that long is a paste gone wrong; as a float it would be
                # infinite, and no rep count can be made of it.
                raise ParseError(
                    f"a number of more than {MAX_DIGITS} digits cannot be part of a workout",
                    text=text,
                    offset=i,
                    length=_digits(s, i + 1) - i,
                    hint="6 x 1000m @ 3:20 w/ 90s",
                )
            i = _number(text, s, i, toks)
        elif "a" <= ch <= "z":
            i = _word(text, s, i, toks)
        elif ch == ".":
            # Abbreviation and sentence dots (`rec.`, `w.u.` are read as words) carry nothing.
            i += 1
        elif "\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff":
            i = _japanese(s, i, toks)
        else:
            toks.append(Tok("sym", i, i + 1, unit=ch))
            i += 1
    if "vo2" in s:
        toks = _vo2(toks)
    return toks


# Japanese words of workout notation, as the English words the reader knows.
_JAPANESE_WORDS = {
    "レスト": "rest",
    "リカバリー": "recovery",
    "ジョグ": "jog",
    "ペース": "pace",
    "ウオーミングアップ": "warmup",
    "ウォーミングアップ": "warmup",
    "クールダウン": "cooldown",
    "休息": "rest",
}
# Units written against a number: `3分` three minutes, `30秒` thirty seconds.
_JAPANESE_UNITS = {"分": "min", "秒": "sec"}
_COUNT_OF_REPS = re.compile(r"[0-9]{1,3}本")


def _japanese(s: str, i: int, toks: list[Tok]) -> int:
    """A Japanese word at s[i] that the reader knows; anything else is a symbol."""
    ch = s[i]
    last = toks[-1] if toks else None
    if (
        ch in _JAPANESE_UNITS
        and last is not None
        and last.kind == "num"
        and last.end == i
        and not last.unit
    ):
        last.unit = _JAPANESE_UNITS[ch]
        last.end = i + 1
        return i + 1
    if ch == "を" and _COUNT_OF_REPS.match(s, i + 1):
        _rep_and_recovery(toks)
        toks.append(Tok("sym", i, i + 1, unit="x"))  # `1kmを5本`: five of 1 km
        return i + 1
    for word, english in _JAPANESE_WORDS.items():
        if s.startswith(word, i):
            toks.append(Tok("word", i, i + len(word), 0.0, english))
            return i + len(word)
    if ch in "・ー":
        toks.append(Tok("sym", i, i + 1, unit=ch))  # a bullet, a long dash
    # Other kana and kanji are words the reader does not know (`本` counting reps among them),
    # passed over like blanks so that `リカバリーは200m` reads as `recovery 200m`.
    return i + 1


def _rep_and_recovery(toks: list[Tok]) -> None:
    """`1000m-200mを6本`: in a Japanese count, two lengths joined by a dash are a rep and the
    jog after it, the second no longer than the first: read as `1000m with 200m jog`."""
    if len(toks) < 3:
        return
    first, dash, second = toks[-3], toks[-2], toks[-1]
    if not (
        first.kind == "num"
        and second.kind == "num"
        and first.unit in ("m", "km")
        and second.unit in ("m", "km")
        and dash.kind == "sym"
        and dash.unit == "-"
    ):
        return
    before = toks[-4] if len(toks) >= 4 else None
    if before is not None and before.kind == "sym" and before.unit in "-+/":
        return  # `400m-300m-200m`: a ladder
    if second.value * DISTANCE_UNITS[second.unit] > first.value * DISTANCE_UNITS[first.unit]:
        return
    toks[-2] = Tok("word", dash.start, dash.end, 0.0, "with")
    toks.append(Tok("word", second.end, second.end, 0.0, "jog"))


def _vo2(toks: list[Tok]) -> list[Tok]:
    """`VO2`, `VO2max`, `vVO2max`: one word, not `vo` and a 2."""
    out: list[Tok] = []
    for t in toks:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == "word"
            and prev.unit in ("vo", "vvo")
            and t.kind == "num"
            and t.value == 2
            and t.start == prev.end
        ):
            out[-1] = Tok("word", prev.start, t.end, 0.0, "vo2")
            continue
        if (
            prev is not None
            and prev.unit == "vo2"
            and t.kind == "word"
            and t.unit == "max"
            and t.start <= prev.end + 1
        ):
            out[-1] = Tok("word", prev.start, t.end, 0.0, "vo2max")
            continue
        out.append(t)
    return out


def _unit_after(s: str, i: int) -> str:
    """The letters at i, or after one space there."""
    i += i < len(s) and s[i] == " "
    return s[i : _letters(s, i)]


def _number(text: str, s: str, i: int, toks: list[Tok]) -> int:
    n = len(s)
    start = i
    if s[i] == ":":
        # `:43`, a carried minute: only splits use it; in a workout it reads as seconds.
        j = _digits(s, i + 1)
        toks.append(Tok("time", start, j, value=float(s[i + 1 : j]), form="clock"))
        return j
    j = _digits(s, i)
    # Thousands separators: `1,000`, `10,000`; but `400,300,200` is a list.
    while (
        j - start <= 2
        and j + 4 <= n
        and s[j] == ","
        and _digits(s, j + 1) == j + 4
        and not (j + 4 < n and s[j + 4] == "," and j + 5 < n and "0" <= s[j + 5] <= "9")
    ):
        j += 4
        break
    form = "int"
    # `1.000 m`, `3.000 metros`: a thousands dot (German, Spanish, Italian), when metres follow;
    # a run of a metre or three is no rep.
    if j - start <= 2 and j + 4 <= n and s[j] == "." and _digits(s, j + 1) == j + 4:
        k = j + 4 + (j + 4 < n and s[j + 4] == " ")
        # ... or round hundreds with no unit of kilometres or miles (`2.000 Trabpause`, `1.200,
        # 800, 400 y 1.000`): three decimals is no way to write a distance in those units.
        round_hundreds = (
            s[j + 2 : j + 4] == "00"
            and s[start] != "0"
            and s[k : _letters(s, k)] not in _LONG_UNITS
        )
        if s[k : _letters(s, k)] in _METRE_WORDS or round_hundreds:
            toks.append(Tok("num", start, j + 4, value=float(s[start:j] + s[j + 1 : j + 4])))
            toks[-1].form = "int"
            return j + 4
    # `3 000 m`, `1 500 m`: a thousands space (French), when metres follow. Only round
    # thousands and half thousands: `10 400m` is more likely ten 400s with the x left out.
    if (
        j - start <= 2
        and j + 4 <= n
        and s[j] in " \u00a0\u202f"
        and _digits(s, j + 1) == j + 4
        and s[j + 1 : j + 4] in ("000", "500")
    ):
        k = j + 4 + (j + 4 < n and s[j + 4] == " ")
        if s[k : _letters(s, k)] in _METRE_WORDS:
            toks.append(Tok("num", start, j + 4, value=float(s[start:j] + s[j + 1 : j + 4])))
            toks[-1].form = "int"
            return j + 4
    # `2,1km`, `1,5 mi`: a decimal comma, when a unit follows at once.
    if (
        j - start <= 2
        and j + 1 < n
        and s[j] == ","
        and "0" <= s[j + 1] <= "9"
        and _digits(s, j + 1) - (j + 1) <= 2
        and _unit_after(s, _digits(s, j + 1)) in ("k", "km", "mi", "kms")
    ):
        # `1,6 km`, `2,1km`
        frac_end = _digits(s, j + 1)
        value_text = s[start:j] + "." + s[j + 1 : frac_end]
        unit_start = frac_end + (s[frac_end] == " ")
        unit_end = _letters(s, unit_start)
        toks.append(
            Tok(
                "num",
                start,
                unit_end,
                value=float(value_text),
                unit=s[unit_start:unit_end],
                form="dec",
            )
        )
        return unit_end
    if j < n and s[j] == "." and j + 1 < n and "0" <= s[j + 1] <= "9":
        j = _digits(s, j + 1)
        form = "dec"
    if start < j and s[start] == ".":
        form = "dec"
    raw = s[start:j].replace(",", "")
    if j < n and s[j] == ":" and j + 1 < n and "0" <= s[j + 1] <= "9":
        return _clock(text, s, start, toks)
    value = float(raw) if raw not in ("", ".") else 0.0
    # `800's`: a plural, not 800 minutes.
    if j + 1 < n and s[j] == "'" and s[j + 1] == "s" and (j + 2 >= n or not s[j + 2].isalpha()):
        dot = s.find(".", start, j)
        if form == "dec" and j - dot == 3 and int(s[dot + 1 : j]) < 60 and dot - start <= 2:
            # `3.20's`: times of three minutes twenty, a dot for the colon.
            seconds = int(s[start:dot] or 0) * 60 + int(s[dot + 1 : j])
            toks.append(Tok("time", start, j + 2, value=float(seconds), form="clock"))
            return j + 2
        toks.append(Tok("num", start, j + 2, value=value, unit="s", form=form))
        return j + 2
    # Primes: 3' = 3 minutes, 90" = 90 seconds, 3'05" = 3:05.
    if j < n and s[j] == "'" and form == "int":
        if j + 1 < n and s[j + 1] == "'":  # 90'' is seconds
            toks.append(Tok("time", start, j + 2, value=value, form="prime"))
            return j + 2
        k = _digits(s, j + 1)
        if k > j + 1:
            secs_end = k
            if k < n and s[k] == "." and k + 1 < n and "0" <= s[k + 1] <= "9":
                secs_end = _digits(s, k + 1)
            secs = float(s[j + 1 : secs_end])
            if secs >= 60:
                raise ParseError(
                    f"{s[j + 1 : secs_end]} is not a number of seconds (they only go to 59)",
                    text=text,
                    offset=start,
                    length=secs_end - start,
                    hint="3'05\" or 3:05",
                )
            end = secs_end + 1 if secs_end < n and s[secs_end] in "\"'" else secs_end
            if s[secs_end : secs_end + 2] == "''":
                end += 1  # `6'30''`: two apostrophes for the seconds' mark
            toks.append(Tok("time", start, end, value=value * 60 + secs, form="prime"))
            return end
        toks.append(Tok("time", start, j + 1, value=value * 60, form="prime"))
        return j + 1
    if j < n and s[j] == '"':
        toks.append(Tok("time", start, j + 1, value=value, form="prime"))
        return j + 1
    return _attached_unit(text, s, start, j, _letters(s, j), value, form, toks)


def _attached_unit(
    text: str, s: str, start: int, j: int, k: int, value: float, form: str, toks: list[Tok]
) -> int:
    """The number s[start:j] with the letters s[j:k] after it: a unit written against it
    (`1000m`, `5k`, `90s`, `2min`, `1Ks`, `6x`) or a word of its own."""
    unit = ""
    if k > j:
        letters = s[j:k]
        if letters in _ATTACHABLE_UNITS or letters in ("ks",):
            unit = letters
            # `6 x 1M`: a capital M on a small number is miles; `1000M` is still metres.
            if letters == "m" and text[j] == "M" and value < 50:
                unit = "mi"
            j = k
        elif letters.endswith("x") and letters[:-1] in _ATTACHABLE_UNITS:
            unit = letters[:-1]  # `1000mx6`: the x is read next
            j = k - 1
        elif letters in _ORDINALS or letters.endswith("pace"):
            unit = letters  # `8th`, `4pm`, `5kpace`: the reader decides what it is
            j = k
        # Anything else (`200recoveries`, `5xmile`) is read as a word of its own next.
    toks.append(Tok("num", start, j, value=value, unit=unit, form=form))
    return j


def _clock(text: str, s: str, start: int, toks: list[Tok]) -> int:
    n = len(s)
    fields: list[str] = []
    j = start
    while True:
        k = _digits(s, j)
        fields.append(s[j:k])
        j = k
        if j < n and s[j] == ":" and j + 1 < n and "0" <= s[j + 1] <= "9":
            j += 1
            continue
        break
    if not fields[0]:
        fields[0] = "0"  # `.2:26`, `:43`: read from a dot or colon, the leading field is empty
    k = _letters(s, j)
    if k > j and s[j:k] not in ("am", "pm", "min", "mins", "s", "sec", "secs", "h", "hr", "hrs"):
        raise ParseError(
            f"“{text[start:k]}” is not a time: a letter is mixed into it",
            text=text,
            offset=start,
            length=k - start,
            hint="2:26 or 1:05:32",
        )
    if len(fields) == 2 and len(fields[1]) == 1:
        # `1:1`, `2:1`: a work-to-rest ratio, not a clock time.
        toks.append(
            Tok("time", start, j, value=float(fields[0]) / max(float(fields[1]), 1.0), form="ratio")
        )
        return j
    frac = ""
    if j < n and s[j] == "." and j + 1 < n and "0" <= s[j + 1] <= "9":
        k = _digits(s, j + 1)
        frac = s[j:k]
        j = k
    if len(fields) > 3:
        raise ParseError(
            "a time has at most three fields (h:mm:ss)",
            text=text,
            offset=start,
            length=j - start,
            hint="2:26 or 1:05:32",
        )
    for pos, field in enumerate(fields[1:], start=1):
        if int(field) >= 60:
            what = "seconds" if pos == len(fields) - 1 else "minutes"
            raise ParseError(
                f"{field} is not a number of {what} (they only go to 59)",
                text=text,
                offset=start,
                length=j - start,
                hint="2:26 or 1:05:32",
            )
    total = 0.0
    for field in fields:
        total = total * 60 + int(field)
    total += float(frac) if frac else 0.0
    # `5:30pm` is a time of day, not a length of running.
    k = _letters(s, j)
    form = "clock"
    if s[j:k] in ("am", "pm"):
        form = "daytime"
        j = k
    toks.append(Tok("time", start, j, value=total, form=form))
    return j


def _word(text: str, s: str, i: int, toks: list[Tok]) -> int:
    n = len(s)
    start = i
    # Slashed and dotted shorthands: w/ (with), w/u (warm-up), w/d and c/d (cool-down), b/w
    # (between), w. (with), w.u., c.d., w.d.
    if i + 1 < n and s[i + 1] in "/." and s[i] in "wbc" and (i == 0 or not s[i - 1].isalpha()):
        sep = s[i + 1]
        nxt = s[i + 2] if i + 2 < n else ""
        after = s[i + 3] if i + 3 < n else ""
        if nxt in "ud" and s[i] in "wc" and not after.isalpha():
            word = "warmup" if (s[i], nxt) == ("w", "u") else "cooldown"
            end = i + 3 + (1 if sep == "." and after == "." else 0)
            toks.append(Tok("word", start, end, unit=word))
            return end
        if s[i] == "b" and sep == "/" and nxt == "w" and not after.isalpha():
            toks.append(Tok("word", start, i + 3, unit="between"))
            return i + 3
        if s[i] == "w" and (sep == "/" or not nxt.isalpha()) and not (sep == "/" and nxt == "o"):
            toks.append(Tok("word", start, i + 2, unit="with"))
            return i + 2
    j = _letters(s, i)
    # Hyphenated words stay whole (warm-up, cool-down, cut-down), but not a number word and
    # its unit (`three-minute`).
    while (
        j + 1 < n
        and s[j] == "-"
        and "a" <= s[j + 1] <= "z"
        and s[i:j] not in NUMBER_WORDS
        and s[i:j] != "one"
    ):
        j = _letters(s, j + 1)
    word = s[i:j]
    # `x6`, `x 6`: a multiplication sign, not a word; `5xmile`: a sign, then a word.
    if word == "x":
        toks.append(Tok("sym", start, j, unit="x"))
        return j
    if word.startswith("x") and toks and toks[-1].kind == "num" and toks[-1].end == start:
        toks.append(Tok("sym", start, start + 1, unit="x"))
        toks.append(Tok("word", start + 1, j, unit=word[1:].replace("-", "")))
        return j
    _append_word(text, word.replace("-", ""), start, j, toks)
    return j


def _append_word(text: str, word: str, start: int, end: int, toks: list[Tok]) -> None:
    """A word token, in English: `récup` stays, `avec` is `with`, `allure` is `@`. A lone `à`
    is `@` before words (`à allure 10 km`, `à VMA`) and `of` before an amount (`6 Intervalle à
    45 sec`)."""
    if word == "a" and text[start] in "àá":
        after = text[end : end + 2].lstrip()
        word = "of" if after[:1].isdigit() else "@"
    elif (
        word == "i"
        and text[start] == "I"
        and len(toks) >= 2
        and toks[-1].kind == "time"
        and toks[-1].form == "prime"
        and toks[-2].kind == "sym"
        and toks[-2].unit in ",-;"
        and text[end : end + 2].strip()[:1] in ("", ",", ";", "(", ".")
    ):
        # `in 1:55, 2´ I`: German plans mark the recovery (the interval) with an I after its
        # length (not `4 x 5' I`: five minutes at I pace; nor `, 2' I was tired`)
        word = "rest"
    elif word in _SET_BREAKS:
        # `6´ Serienpause`: the recovery between sets, as `set rest`
        toks.append(Tok("word", start, end, 0.0, "set"))
        word = "rest"
    else:
        word = WORDS_ABROAD.get(word, word)
    toks.append(Tok("sym" if word == "@" else "word", start, end, 0.0, word))


_SET_BREAKS: Final = frozenset({"serienpause", "serienpausen", "satzpause"})
# Words the fast path hands to `_append_word`: those of other languages and a few more, in one
# set (one look-up for every word).
_APPENDED: Final = frozenset(WORDS_ABROAD) | _SET_BREAKS | {"a", "i"}
