"""Reading workout notation the way a runner reads it.

A recursive-descent reader over the lexer's tokens. Each item of the workout (`6 x 1000m`,
`(400, 300, 200) x 3`, `2 mi WU`) is read with the modifiers that follow it (`@ 3:05/km`,
`w/ 90s jog`, `4:00 between sets`) and expanded at once into the reps it stands for, so every
rule about targets and rests is applied to concrete reps. Words it does not know are passed
over, which is what lets it read a workout inside a sentence. Every loop consumes at least one
token per turn and expansion is capped, so the cost stays linear in the input.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection
from typing import Final

from bot.training.errors import ParseError
from bot.training.model import Amount, Rep, Rest, Segment, SegmentKind, Workout
from bot.training.notation import vocabulary as v
from bot.training.notation.lexer import Tok, normalise, tokenize
from bot.training.units import DISTANCE_UNITS, DURATION_UNITS, MILE_M

MAX_TEXT: Final = 4000
MAX_REPS: Final = 1000
MAX_DEPTH: Final = 8
# Lengths joined by dashes: the longest ladder written so (`200-400-...-400-200`) has 11.
MAX_RANGE_PARTS: Final = 16
MAX_CHAINED_COUNTS: Final = 8  # `2 x 3 x 4 x 400`: three is the most written
# Counts that each ask whether the next is one too (`3 times 3 times ...`): far more than written.
MAX_COUNT_CHAIN: Final = 64
# Groups joined in one sentence that share a recovery written after them (`2 x 200, 2 x 400,
# ... w/ 90s`): the longest written has 7.
MAX_CHAIN: Final = 16
# The longest rep a list of lengths holds (`90, 100, 120 min`): three hours.
MAX_LIST_SECONDS: Final = 3 * 3600.0
EXAMPLE: Final = "6 x 1000m @ 3:05 w/ 2:00 jog"

Range = tuple[float, float]


class _ChainTooDeep(Exception):
    """More than MAX_COUNT_CHAIN counts in a chain. Not a ParseError, which a long post's reading
    passes over in one part: the whole text is refused, at `read`."""


# A send-off written as bare seconds or with an s (`on 90`, `on 90s`) lies in this range.
MIN_SEND_OFF_S: Final = 10.0
MAX_SEND_OFF_S: Final = 600.0


class Qty:
    """An amount as written: `kind` is "d" (metres), "t" (seconds), "bare" (a plain number whose
    meaning the context decides) or "s" (a number with an s: `800s` metres, `90s` seconds)."""

    __slots__ = ("end", "kind", "start", "value")

    kind: str
    value: Amount
    start: int  # token indices [start, end)
    end: int

    def __init__(
        self,
        kind: str,
        value: Amount,
        start: int,
        end: int,
    ) -> None:
        self.kind = kind
        self.value = value
        self.start = start
        self.end = end


class Draft:
    """A rep while it is being read; becomes a `Rep`."""

    __slots__ = ("distance", "duration", "equal", "label", "named", "pace_km", "rest", "target")

    distance: Amount | None
    duration: Amount | None
    target: Range | None
    named: str | None
    pace_km: Range | None
    rest: Rest | None
    # "time" or "distance": a recovery equal to the rep, resolved once the rep's target is known.
    equal: str | None
    label: str | None

    def __init__(
        self,
        distance: Amount | None = None,
        duration: Amount | None = None,
        target: Range | None = None,
        named: str | None = None,
        pace_km: Range | None = None,
        rest: Rest | None = None,
        equal: str | None = None,
        label: str | None = None,
    ) -> None:
        self.distance = distance
        self.duration = duration
        self.target = target
        self.named = named
        self.pace_km = pace_km
        self.rest = rest
        self.equal = equal
        self.label = label

    def copy(self) -> Draft:
        return Draft(
            self.distance,
            self.duration,
            self.target,
            self.named,
            self.pace_km,
            self.rest,
            self.equal,
            self.label,
        )


class Block:
    """A run of reps read from one item, with the size of one set when it was multiplied."""

    __slots__ = (
        "bare_single",
        "counted",
        "end",
        "holds_work",
        "in_prose",
        "joined",
        "paced",
        "plain_run",
        "reps",
        "set_rests",
        "set_size",
        "start",
        "tail_rests",
        "vouched",
    )

    reps: list[Draft]
    set_size: int
    start: int  # character offset, for messages
    end: int
    bare_single: bool  # a lone bare number: only a workout with something around it
    counted: bool  # read from a count (`6 x 400`): `/200` after it is a recovery
    # A plain run (`40 minute run`, `5 miles steady`): easy running when there is other work.
    plain_run: bool
    # A single length met in the middle of prose (`we had 2mins`): kept only if it is all.
    in_prose: bool
    joined: bool  # follows the previous group within a sentence (`2 x 3km, 2 x 2km`)
    vouched: bool  # in prose, but after `ran`, `did`, `raced`: kept if it is all
    paced: bool  # a pace with no time of its own (`at 95%`, `5k pace +10 s/mi`)
    tail_rests: list[_RestParse]  # recoveries with a stated scope
    holds_work: bool  # the day's run, with the reps in brackets after it: no rep
    # `3 minutes rest between sets` among the lines of `2 sets of:`: for the count to place.
    set_rests: list[_RestParse]

    def __init__(
        self,
        reps: list[Draft],
        set_size: int,
        start: int,
        end: int,
        bare_single: bool = False,
        counted: bool = False,
        plain_run: bool = False,
        in_prose: bool = False,
        joined: bool = False,
        vouched: bool = False,
        paced: bool = False,
        holds_work: bool = False,
    ) -> None:
        self.reps = reps
        self.set_size = set_size
        self.start = start
        self.end = end
        self.bare_single = bare_single
        self.counted = counted
        self.plain_run = plain_run
        self.in_prose = in_prose
        self.joined = joined
        self.vouched = vouched
        self.paced = paced
        self.tail_rests = []
        self.holds_work = holds_work
        self.set_rests = []


class SegmentItem:
    __slots__ = ("distance", "duration", "end", "kind", "start")

    kind: SegmentKind
    distance: Amount | None
    duration: Amount | None
    # Token indices it was read from, when read from the text: to pair `2 mi WU and CD`.
    start: int
    end: int

    def __init__(
        self,
        kind: SegmentKind,
        distance: Amount | None = None,
        duration: Amount | None = None,
        start: int = -1,
        end: int = -1,
    ) -> None:
        self.kind = kind
        self.distance = distance
        self.duration = duration
        self.start = start
        self.end = end


class RestItem:
    __slots__ = ("after_break", "but", "end", "equal", "only", "rest", "scope", "start")

    rest: Rest | None
    scope: str  # "reps", "sets", "all" or "around"
    equal: str | None
    after_break: bool  # came after a line break, `then` or `;`
    only: Amount | None
    start: int  # token indices, when read as an item
    end: int
    but: Amount | None  # `... except 100s`: not for the reps of this length

    def __init__(
        self,
        rest: Rest | None,
        scope: str,
        equal: str | None = None,
        after_break: bool = False,
        only: Amount | None = None,
        start: int = -1,
        end: int = -1,
        but: Amount | None = None,
    ) -> None:
        self.rest = rest
        self.scope = scope
        self.equal = equal
        self.after_break = after_break
        self.only = only
        self.start = start
        self.end = end
        self.but = but


class _RestParse:
    __slots__ = ("end", "equal", "explicit", "only", "rest", "scope")

    rest: Rest | None
    scope: str  # "reps", "sets", "all", or "around" (`5 min jog either side`)
    equal: str | None
    end: int
    # `2 minutes after 100s`: only after reps of this length.
    only: Amount | None
    explicit: bool  # the scope was written (`between reps`, `between sets`)

    def __init__(
        self,
        rest: Rest | None,
        scope: str,
        equal: str | None,
        end: int,
        only: Amount | None = None,
        explicit: bool = False,
    ) -> None:
        self.rest = rest
        self.scope = scope
        self.equal = equal
        self.end = end
        self.only = only
        self.explicit = explicit


class RepeatItem:
    """`Repeat for 3 rounds`, `do it all a second time`: everything since the last segment."""

    __slots__ = ("count", "tok")

    count: int
    tok: int

    def __init__(
        self,
        count: int,
        tok: int,
    ) -> None:
        self.count = count
        self.tok = tok


class NamedItem:
    """`aiming for 5k race pace` written apart from the reps it is for."""

    __slots__ = ("name",)

    name: str | None

    def __init__(
        self,
        name: str | None,
    ) -> None:
        self.name = name


Item = Block | SegmentItem | RestItem | RepeatItem | NamedItem


class _ListLink:
    """One group of a list of lengths (`400`, `1-2-3`) and the rest of the list after it."""

    __slots__ = ("end", "next", "parts", "place", "read", "remaining", "tail")

    parts: list[Qty]
    end: int  # token index after the group
    next: _ListLink | None
    remaining: int  # groups from this one to the end of the list, itself included
    read: list[_ListLink]  # the links read with this one, last first: for `ahead`
    place: int  # this link's index in `read`
    tail: _ListLink | None

    def __init__(
        self,
        parts: list[Qty],
        end: int,
        next: _ListLink | None,
        remaining: int,
        read: list[_ListLink],
        place: int,
        tail: _ListLink | None = None,
    ) -> None:
        self.parts = parts
        self.end = end
        self.next = next
        self.remaining = remaining
        self.read = read
        self.place = place
        self.tail = tail

    def ahead(self, steps: int) -> _ListLink:
        """The link `steps` after this one (there must be one), without walking one by one."""
        link = self
        while True:
            if steps <= link.place:
                return link.read[link.place - steps]
            steps -= link.place + 1
            nxt = link.read[0].next
            assert nxt is not None  # the link is within the list
            link = nxt


def _loose_bare_minutes(toks: list[Tok], low: Qty, high: Qty) -> bool:
    """Whether a range of two bare whole numbers under 10 (read as minutes) spans more than a
    quarter of its low end: no target is that loose (`5-6` for a mile may be one; `4 to 6` is a
    count, `6-8` too)."""
    for q in (low, high):
        tok = toks[q.start]
        if q.end != q.start + 1 or tok.kind != "num" or tok.unit or tok.form != "int":
            return False
    a, b = _mid(low.value), _mid(high.value)
    return 0 < a < 10 and 0 < b < 10 and max(a, b) > 1.25 * min(a, b)


def _is_send_off(q: Qty, word: str) -> bool:
    """Whether the amount after a counted block's `on` or `every` is its send-off: a time
    (`on 2:00`), seconds (`on 90s`), or after `on` a bare number of seconds (`6 x 400 on 90`:
    nobody runs 90 m on a cycle)."""
    if q.kind == "t":
        return True
    if q.kind == "s":
        return _mid(q.value) <= MAX_SEND_OFF_S  # `90s`, not `800s`
    return q.kind == "bare" and word == "on" and MIN_SEND_OFF_S <= _mid(q.value) <= MAX_SEND_OFF_S


def _mid(a: Amount) -> float:
    return (a[0] + a[1]) / 2 if isinstance(a, tuple) else a


def _scale(a: Amount, k: float) -> Amount:
    return (a[0] * k, a[1] * k) if isinstance(a, tuple) else a * k


class Reader:
    text: str
    toks: list[Tok]
    i: int
    around: Rest | None  # `5 min jog either side`
    n: int  # len(toks), asked for on every lookahead
    words: list[str]
    syms: list[str]
    last_pace_word: int
    compares: bool
    have_reps: bool  # a block has been read: `with ...` can now be a recovery
    by_length: bool  # targets were given by rep length (`400s @ 70`): more may follow
    paren_rest_at: int  # where the last recovery in brackets was (a character offset)
    # `5 lots of:` and its lines were read: a plan's lines, where pace marks the easy running.
    line_sets: bool
    # Whether the text has any word of these kinds at all: most have none, and then the tries
    # that need one are not made.
    has_exercises: bool
    has_rest_words: bool
    # Warm-up and cool-down read in brackets after an item, for the sequence to add after it.
    side_segments: list[SegmentItem]
    # Lookaheads' answers for this text, by position: they depend only on where they are asked,
    # and the reader asks the same question at the same place from several tries. Each is
    # looked up by the method that asks, after its cheap checks (most places are ruled out by
    # their first token, which is faster to see than to look up).
    ranges: dict[int, tuple[list[Qty], int] | None]
    chains: dict[int, list[Qty] | None]
    count_at: dict[int, tuple[int, int, str] | None]
    offsets: dict[int, int | None]
    paces: dict[tuple[int, bool], tuple[str | None, int] | None]
    rests: dict[tuple[int, bool, bool], _RestParse | None]
    list_links: dict[int, _ListLink]
    quantities: dict[int, Qty | None]
    # `the first 5 at 5K pace and the second 5 at 3K`: the block those parts are of, and where
    # the next part starts.
    _portion_block: Block | None
    _portion_next: int
    # How many counts deep the chain being read is (`3 times 3 times ...`).
    count_depth: int
    # `Varsity: 6 x 800 ... / JV: 4 x 800 ...`, `Week 1: ... Week 2: ...`: the names of the
    # groups the post has a workout for, and the kind of the first ("group", "week", "day" or
    # "option").
    groups: list[str]
    group_kind: str
    # The items of the top-level sequence read so far (what a `Repeat` may be about).
    top_items: list[Item]

    def __init__(
        self,
        text: str,
        i: int = 0,
        around: Rest | None = None,
        n: int = 0,
        last_pace_word: int = -1,
        compares: bool = False,
        have_reps: bool = False,
        by_length: bool = False,
        paren_rest_at: int = -1,
        line_sets: bool = False,
        has_exercises: bool = False,
        has_rest_words: bool = False,
        _portion_block: Block | None = None,
        _portion_next: int = 0,
        group_kind: str = "",
    ) -> None:
        self.text = text
        self.toks = []
        self.i = i
        self.around = around
        self.n = n
        self.words = []
        self.syms = []
        self.last_pace_word = last_pace_word
        self.compares = compares
        self.have_reps = have_reps
        self.by_length = by_length
        self.paren_rest_at = paren_rest_at
        self.line_sets = line_sets
        self.has_exercises = has_exercises
        self.has_rest_words = has_rest_words
        self.side_segments = []
        self.ranges = {}
        self.chains = {}
        self.count_at = {}
        self.offsets = {}
        self.paces = {}
        self.rests = {}
        self.list_links = {}
        self.quantities = {}
        self._portion_block = _portion_block
        self._portion_next = _portion_next
        self.count_depth = 0
        self.groups = []
        self.group_kind = group_kind
        self.top_items = []

    # -- entry point ------------------------------------------------------------------------------

    def read(self) -> Workout:
        if len(self.text) > MAX_TEXT:
            raise ParseError(
                f"that is {len(self.text):,} characters; a workout can be at most {MAX_TEXT:,}",
                text=self.text,
                offset=MAX_TEXT,
                length=1,
                hint=EXAMPLE,
            )
        if not self.text.strip():
            raise ParseError("there is no workout here: the text is empty", hint=EXAMPLE)
        self.toks = tokenize(self.text)
        self.n = len(self.toks)
        # The word or symbol at each position ("" for none): the reader's most asked questions.
        self.words = [t.unit if t.kind == "word" else "" for t in self.toks]
        self.syms = [t.unit if t.kind == "sym" else "\0" for t in self.toks]
        self.has_exercises = not v.EXERCISE_WORDS.isdisjoint(self.words)
        self.has_rest_words = not _AFTER_AMOUNT_WORDS.isdisjoint(self.words)
        self.compares = not _OFFSET_OR_COMPARE.isdisjoint(self.words)  # `slower`, `over`, ...
        # A post of several lines or sentences: a typo in one part (`3k pace)`, `10x tuck
        # jump`, `dann 5x.`) is passed over instead of refusing the whole post.
        self.lenient = self.text.count("\n") >= 2 or self.text.count(". ") >= 2
        self._check_brackets()
        # Where the last token that can end a race pace's name is (`pace`, `effort`, `5kpace`):
        # no name starts after it, which rules most places out at once. A token ending in `pace`
        # has it in the folded text (less hyphens: `pa-ce`), so most texts need no search.
        self.last_pace_word = -1
        if not v.PACE_SUFFIX_WORDS.isdisjoint(self.words) or (
            "pace" in normalise(self.text).replace("-", "")
        ):
            for j in range(self.n - 1, -1, -1):
                if self.words[j] in v.PACE_SUFFIX_WORDS or self.toks[j].unit.endswith("pace"):
                    self.last_pace_word = j
                    break
        try:
            items = self.sequence(depth=0, closing=False)
            return self.finish(items)
        except (_ChainTooDeep, RecursionError):
            # Dozens of counts in a chain (`3 times 3 times ...`): no workout is written so.
            raise ParseError(
                "the counts in that text are chained too deeply to be a workout",
                text=self.text, offset=0, length=len(self.text), hint=EXAMPLE,
            ) from None
        finally:
            self._unlink_lists()

    def _unlink_lists(self) -> None:
        """The links of a list refer to each other (the list of those read together, the last
        its own tail): cut them, so that what the text was read into goes with the reader
        instead of waiting for the garbage collector to find the cycles."""
        for link in self.list_links.values():
            link.read.clear()
            link.tail = None

    # -- helpers ----------------------------------------------------------------------------------

    def at(self, j: int) -> Tok | None:
        return self.toks[j] if 0 <= j < self.n else None

    def is_word(self, j: int, word: str = "") -> bool:
        """Whether token j is a word: any word, or `word`. Several words: `word_in`."""
        if not 0 <= j < self.n:
            return False
        w = self.words[j]  # "" when the token is no word
        return w != "" and (not word or w == word)

    def is_sym(self, j: int, syms: str) -> bool:
        """Whether token j is one of the symbols in `syms` (`",/&"`): each symbol is one
        character, and a token that is none is "\\0"."""
        return 0 <= j < self.n and self.syms[j] in syms

    def word_in(self, j: int, group: Collection[str]) -> bool:
        """Whether token j is one of the words in `group` (which holds no "")."""
        return 0 <= j < self.n and self.words[j] in group

    def error(
        self, message: str, j: int, end: int | None = None, hint: str = EXAMPLE
    ) -> ParseError:
        t = self.at(j)
        if t is None:
            return ParseError(message, text=self.text, offset=len(self.text), length=0, hint=hint)
        stop = self.at((end if end is not None else j + 1) - 1) or t
        return ParseError(
            message, text=self.text, offset=t.start, length=max(stop.end - t.start, 1), hint=hint
        )

    def _check_brackets(self) -> None:
        if _BRACKETS.isdisjoint(self.syms):
            return  # most texts have none
        stack: list[int] = []
        for j, u in enumerate(self.syms):  # "\0" for a token that is no symbol
            if u in "([{":
                stack.append(j)
                if len(stack) > MAX_DEPTH:
                    raise self.error(
                        f"brackets are nested more than {MAX_DEPTH} deep",
                        j,
                        hint="3 x (4 x 400 w/ 60s) w/ 4:00 between sets",
                    )
            elif u in ")]}":
                if not stack and self.lenient:
                    # `* Set 3. 4 x 1 minute 3k pace)`: read as a comma
                    t = self.toks[j]
                    self.toks[j] = Tok(t.kind, t.start, t.end, t.value, ",", t.form)
                    self.syms[j] = ","
                    continue
                if not stack:
                    raise self.error(
                        "this closing bracket has no opening one", j, hint="4 x (1000m, 400m)"
                    )
                stack.pop()
        if stack:
            raise self.error("this bracket is never closed", stack[0], hint="4 x (1000m, 400m)")

    # -- amounts ----------------------------------------------------------------------------------

    def quantity(self, j: int) -> Qty | None:
        """One amount starting at token j: `400`, `1000m`, `1 mile`, `3-mile`, `2 min`, `2:26`,
        `3'`, `2min30sec`, `1/2 mile`, `ten minutes`, and `mile` right after an x."""
        # The reader's most asked question, and its answer depends only on j: kept per text.
        known = self.quantities
        if j in known:
            return known[j]
        q = known[j] = self._quantity(j)
        return q

    def _quantity(self, j: int) -> Qty | None:
        t = self.toks[j] if 0 <= j < self.n else None
        if t is None:
            return None
        if t.kind == "time":
            if t.form in ("daytime", "ratio"):
                return None
            end = j + 1
            nxt = self.at(end)
            if (
                t.form == "prime"
                and t.value % 60 == 0
                and nxt is not None
                and nxt.kind == "time"
                and nxt.form == "prime"
                and nxt.value < 60
                and nxt.start == t.end + 1
                and self.text[t.end - 1] == "'"
            ):
                return Qty("t", t.value + nxt.value, j, end + 1)  # `1' 24"`: apart, one time
            if self.is_word(end) and self.at(end).unit in _MINUTE_OR_SECOND_WORDS:  # type: ignore[union-attr]
                end += 1  # `1:00 minute`, `2:30 min`
            return Qty("t", t.value, j, end)
        if t.kind == "word":
            return self._word_quantity(j, t)
        if t.kind != "num":
            return None
        if not t.unit:
            if j + 1 < self.n and self.words[j + 1] in ("on", "off"):
                on_off = self._on_off_seconds(j, t)
                if on_off is not None:
                    return Qty("t", on_off, j, j + 1)  # `3 on, 1 off`: minutes run and eased
            nxt = self.toks[j + 1] if j + 1 < self.n else None
            if nxt is not None and self.syms[min(j + 2 + (nxt.unit == "-"), self.n - 1)] == "/":
                mixed = self._mixed_fraction(j, t)
                if mixed is not None:
                    return mixed
            if nxt is None or not (
                nxt.kind == "word"
                or (nxt.kind == "sym" and nxt.unit == "/")
                or (nxt.kind == "sym" and nxt.unit == "-" and self.is_word(j + 2))
            ):
                return Qty("bare", t.value, j, j + 1)  # no unit, fraction or `-mile` after it
        # `1/2 mile`, `3/4 mi`: a fraction of a unit.
        if (
            not t.unit
            and self.is_sym(j + 1, "/")
            and self.at(j + 2) is not None
            and self.at(j + 2).kind == "num"  # type: ignore[union-attr]
            and 0 < t.value < self.at(j + 2).value <= 8  # type: ignore[union-attr]
        ):
            den = self.at(j + 2)
            unit = den.unit or (self.at(j + 3).unit if self.is_word(j + 3) else "")  # type: ignore[union-attr]
            if unit in ("mile", "mi", "miles", "k", "km", "lap", "laps"):
                end = j + 3 if den.unit else j + 4  # type: ignore[union-attr]
                return Qty("d", t.value / den.value * DISTANCE_UNITS[unit], j, end)  # type: ignore[union-attr]
        unit = t.unit
        end = j + 1
        if not unit:
            # A unit as the next word, or after a hyphen: `1 mile`, `2 min`, `3-mile`.
            nxt = self.toks[j + 1] if j + 1 < self.n else None
            if nxt is not None and nxt.kind == "sym" and nxt.unit == "-" and self.is_word(j + 2):
                cand = self.at(j + 2).unit  # type: ignore[union-attr]
                if cand in DISTANCE_UNITS or cand in DURATION_UNITS:
                    unit, end = cand, j + 3
            elif (
                nxt is not None
                and nxt.kind == "word"
                and nxt.unit in _LENGTH_ADJECTIVES
                and self.is_word(j + 2)
                and (self.at(j + 2).unit in DISTANCE_UNITS or self.at(j + 2).unit in DURATION_UNITS)  # type: ignore[union-attr]
            ):
                unit, end = self.at(j + 2).unit, j + 3  # type: ignore[union-attr]
            elif (
                nxt is not None
                and nxt.kind == "word"
                and (nxt.unit in DISTANCE_UNITS or nxt.unit in DURATION_UNITS)
                # `8 x 300 mile effort`: mile names the pace, not the unit of 300.
                and not (
                    nxt.unit in DISTANCE_UNITS
                    and t.value >= 100
                    and self.word_in(j + 2, _PACE_SUFFIX_OR_RACE)
                )
            ):
                unit, end = nxt.unit, j + 2
        return self._with_unit(t.value, unit, j, end)

    def _on_off_seconds(self, j: int, t: Tok) -> float | None:
        """`3 on, 1 off`, `4 x 3 on / 1 off`, `30 on 30 off`: a bare whole number before `on`
        or `off`, with its partner a few tokens away, is a time. The pair shares its unit: small
        numbers are minutes (`2 on 1 off`), larger ones seconds (`30 on 30 off`)."""
        if t.form != "int" or t.value <= 0:
            return None
        on = j
        if self.words[j + 1] == "off":
            # the `on` partner before: `3 on, 1 off`, `3 min on / 1 off`
            on = next((k - 1 for k in range(j - 1, max(j - 5, 0), -1) if self.words[k] == "on"), -1)
            if on < 0 or self.toks[on].kind != "num":
                return None
        elif not any(
            self.words[k] == "off" and self.toks[k - 1].kind == "num"
            for k in range(j + 3, min(j + 6, self.n))
        ) and not any(self.words[k] == "off" for k in range(max(j - 3, 0), j)):
            # `6 x 400 on 90`: a send-off, not a time on; but `..., 2 on 1 off, 1 on` ends a
            # ladder of them
            return None
        first = self.toks[on]
        if first.unit or first.form != "int":
            # `3 min on, 1 off`: the off takes the unit of the on
            return t.value * 60 if first.unit in _MINUTE_WORDS or first.kind == "time" else None
        if first.value <= 10 and t.value <= 10:
            return t.value * 60
        if 15 <= first.value <= 90 and 5 <= t.value <= 90:
            return t.value
        return None

    def _mixed_fraction(self, j: int, t: Tok) -> Qty | None:
        """`2 1/2 min`, `2-1/2 minutes`, `1 1/2 miles`: a whole number and a fraction of a unit."""
        if t.unit or t.form != "int":
            return None
        k = j + 1 + self.is_sym(j + 1, "-")
        pair = self._slashed_numbers(k)
        if pair is None:
            return None
        num, den = pair
        if (
            not 0 < num.value < den.value <= 8
            or num.start == t.end  # `1-1/2` hyphen counted above; `11/2` is no fraction
        ):
            return None
        unit, end = den.unit, k + 3
        if not unit and self.is_word(k + 3) and not self.is_word(k + 3, "to"):
            unit, end = self.words[k + 3], k + 4
        value = t.value + num.value / den.value
        if not unit and (self.is_sym(k + 3, "-") or self.is_word(k + 3, "to")):
            return Qty("bare", value, j, k + 3)  # `2 1/2 - 3 min`: the unit comes last
        if unit not in DISTANCE_UNITS and unit not in DURATION_UNITS:
            return None
        return self._with_unit(value, unit, j, end)

    def _slashed_numbers(self, j: int) -> tuple[Tok, Tok] | None:
        """`1/2`, `30/30`: a number with no unit, a slash and another number."""
        a, b = self.at(j), self.at(j + 2)
        if a is None or b is None or a.kind != "num" or a.unit or b.kind != "num":
            return None
        return (a, b) if self.is_sym(j + 1, "/") else None

    def _with_unit(self, value: float, unit: str, j: int, end: int) -> Qty | None:
        if unit == "ks":
            return Qty("d", value * 1000, j, end)
        if unit == "m" and value < 10:
            # `5m, 4m, 3m`, `1m recovery`, `8m 35s`: no rep or recovery is a few metres long;
            # written so, m is minutes (a capital M is miles, read by the lexer).
            unit = "min"
        if unit == "s":
            return Qty("s", value, j, end)
        if unit in DISTANCE_UNITS:
            return Qty("d", value * DISTANCE_UNITS[unit], j, end)
        if unit in DURATION_UNITS:
            seconds = value * DURATION_UNITS[unit]
            # `2min30sec`, `2 min 30 s`, `1 hr 20 min`: a compound duration.
            nxt = self.at(end)
            if unit in _MINUTE_WORDS | _HOUR_WORDS and nxt is not None and nxt.kind == "num":
                small = _SECOND_WORDS if unit in _MINUTE_WORDS else _MINUTE_WORDS
                sub_unit = nxt.unit
                sub_end = end + 1
                if not sub_unit and self.is_word(end + 1) and self.at(end + 1).unit in small:  # type: ignore[union-attr]
                    sub_unit, sub_end = self.at(end + 1).unit, end + 2  # type: ignore[union-attr]
                if sub_unit in small and nxt.value < 60:
                    seconds += nxt.value * DURATION_UNITS[sub_unit]
                    end = sub_end
                elif (
                    not sub_unit
                    and unit in _MINUTE_WORDS
                    and nxt.form == "int"
                    and 10 <= nxt.value < 60
                    and self._rest_word_near(end + 1)
                    and not self.is_sym(end + 1, "x-/")
                    and self.quantity(end + 1) is None
                ):
                    seconds += nxt.value  # `2 minutes 30 rest`: the seconds' unit left out
                    end += 1
            return Qty("t", seconds, j, end)
        if unit:
            return None  # `8th`, `4pm`
        return Qty("bare", value, j, end)

    def _word_quantity(self, j: int, t: Tok) -> Qty | None:
        w = t.unit
        if w in ("marathon", "halfmarathon") or (w == "half" and self.is_word(j + 1, "marathon")):
            # `Half marathon race`: a race's distance (a pace name is read before this).
            end = j + (2 if w == "half" else 1)
            return Qty("d", 42195.0 if w == "marathon" else 21097.5, j, end)
        if w in v.NUMBER_WORDS and (self.is_word(j + 1) or self.is_sym(j + 1, "-")):
            value, k = self._number_in_words(j)
            if self.word_in(k, ("moderately", "very", "really", "fairly")) and self.is_word(k + 1):
                k += 1  # `two moderately hard miles`
            if self.word_in(k, _LENGTH_ADJECTIVES) and self.is_word(k + 1):
                k += 1  # `four easy miles`
            if self.is_sym(k, "-") and (
                self.word_in(k + 1, DISTANCE_UNITS) or self.word_in(k + 1, DURATION_UNITS)
            ):
                k += 1  # `three-minute`, `ninety-second`
            unit = self.words[k] if k < self.n else ""
            if unit in DISTANCE_UNITS or unit in DURATION_UNITS:
                return self._with_unit(value, unit, j, k + 1)
        if w in ("a", "an", "one", "half", "quarter"):
            u = j + 1 + (w != "a" and self.is_sym(j + 1, "-"))  # `one-min`, `half-mile`
            if self.word_in(u, ("mile", "lap", "k", "km", "kilometer", "minute", "min", "hour")):
                times = {"a": 1.0, "an": 1.0, "one": 1.0, "half": 0.5, "quarter": 0.25}[w]
                end = u + 1
                if (
                    times == 1.0
                    and self.is_word(end, "and")
                    and self.is_word(end + 1, "a")
                    and self.is_word(end + 2, "half")
                ):
                    times, end = 1.5, end + 3  # `a mile and a half`
                return self._with_unit(times, self.words[u], j, end)
        # `4 x mile`, `5xmile`, `mile repeats x4`: a unit alone is one of it only right after a
        # count or before the word for repeats.
        if w in ("mile", "mi", "lap", "km", "k") and (
            self.is_sym(j - 1, "x")
            or self.word_in(j + 1, ("repeats", "repeat", "reps", "tt"))
            or (self.is_word(j + 1, "for") and self.is_word(j + 2, "time"))  # `mile for time`
            or (self.is_word(j + 1, "time") and self.is_word(j + 2, "trial"))  # `mile time trial`
            or (w != "k" and self.segment_word(j + 1) is not None)  # `mile warmup`
        ):
            return Qty("d", DISTANCE_UNITS[w], j, j + 1)
        # `mile, 1200, mile`: one of it as an item of a list of lengths (a number beside it).
        if (
            w in ("mile", "km")
            and not self.is_sym(j - 1, "/")  # `@ 5:30/km, 6 x 1k`: a pace's unit
            and (
                (self.is_sym(j + 1, ",") and self._num_at(j + 2))
                or (self.is_sym(j - 1, ",") and self._num_at(j - 2))
            )
        ):
            return Qty("d", DISTANCE_UNITS[w], j, j + 1)
        return None

    def _number_in_words(self, j: int) -> tuple[float, int]:
        """`seventy five`, `forty-five`, `eight hundred`, `two and a half` from a number word at
        j: (value, index after)."""
        value = float(v.NUMBER_WORDS[self.words[j]])
        k = j + 1
        u = k + self.is_sym(k, "-")
        if value in _TENS and u < self.n and self.words[u] in _UNITS:
            value, k = value + _UNITS[self.words[u]], u + 1  # `seventy five`, `forty-five`
        if self.is_word(k, "hundred"):
            value, k = value * 100, k + 1
        if self.is_word(k, "and") and self.is_word(k + 1, "a") and self.is_word(k + 2, "half"):
            value, k = value + 0.5, k + 3  # `two and a half minutes`
        return value, k

    def _num_at(self, j: int) -> bool:
        t = self.at(j)
        return t is not None and t.kind == "num"

    def quantity_range(self, j: int) -> tuple[list[Qty], int] | None:
        """Amounts joined by `-` or `to`: one (a value), two (a range) or more (a sequence)."""
        if self.quantity(j) is None:
            return None  # no amount at j: the common case
        known = self.ranges
        if j in known:
            return known[j]
        got = known[j] = self._quantity_range(j)
        return got

    def _quantity_range(self, j: int) -> tuple[list[Qty], int] | None:
        first = self.quantity(j)
        if first is None:
            return None
        k = first.end
        # `3 to 4 miles`: `to` joins two amounts; more than two are joined by dashes only.
        if 0 <= k < self.n and (self.syms[k] == "-" or self.words[k] == "to"):
            chain = self._dash_chain(k + 1)
            if chain is not None and len(chain) == 1 and self._length_then_clock(first, chain[0]):
                return [first], k  # `800m - 2:41`: a rep and its time, not two reps
            if chain is not None:
                parts = [first, *chain[: MAX_RANGE_PARTS - 1]]
                return parts, parts[-1].end
        return [first], k

    def _length_then_clock(self, first: Qty, second: Qty) -> bool:
        t = self.toks[second.start]
        return (
            (first.kind == "d" or (first.kind == "bare" and _mid(first.value) >= 100))
            and t.kind == "time"
            and t.form in ("clock", "prime")
        )

    def _dash_chain(self, p: int) -> list[Qty] | None:
        """The amounts joined by dashes from token p on, at most MAX_RANGE_PARTS of them. Each
        one's chain is itself and the chain after its dash, so the ranges read from every number
        of a long dash sequence (`400-800-1200-...`) share the reading instead of redoing it."""
        chains = self.chains
        if p in chains:
            return chains[p]
        walked: list[Qty] = []
        tail: list[Qty] | None = None
        k = p
        while True:
            if k in chains:
                tail = chains[k]
                break
            q = self.quantity(k)
            if q is None:
                break
            walked.append(q)
            if not self.is_sym(q.end, "-"):
                break
            k = q.end + 1
        for q in reversed(walked):
            tail = [q, *tail[: MAX_RANGE_PARTS - 1]] if tail else [q]
            chains[q.start] = tail
        return tail if walked else None

    def unify(self, parts: list[Qty]) -> list[Qty]:
        """`1-2-3 min`, `60-90s`, `3-4 mi`: bare numbers take the unit written at the end."""
        last = parts[-1]
        if len(parts) == 1:
            return parts
        tok = self.at(last.start)
        first = self.at(parts[0].start)
        if (
            last.kind == "bare"
            and first is not None
            and first.kind == "time"
            and first.form in ("clock", "prime")
            and all(isinstance(q.value, float) for q in parts)
        ):
            # `3’08〜10/km`, `4:15-20`: the later seconds of the first time's minute
            minute = _mid(parts[0].value) // 60 * 60
            if all(
                q is parts[0] or _mid(parts[0].value) - minute < _mid(q.value) < 60
                for q in parts
            ):
                return [
                    q if q is parts[0] else Qty("t", minute + _mid(q.value), q.start, q.end)
                    for q in parts
                ]
        if len(parts) == 1 or last.kind == "bare":
            return parts
        factor = 1.0
        if tok is not None and tok.kind == "num" and tok.value:
            factor = _mid(last.value) / tok.value
        elif tok is not None and tok.kind == "time" and tok.form == "clock" and last.kind == "t":
            # `7 - 7:15 min/mile`: a whole number of minutes before a clock time
            whole = all(
                q.kind != "bare" or 0.5 <= _mid(q.value) * 60 / _mid(last.value) <= 1.5
                for q in parts
            )
            factor = 60.0 if whole else 1.0
        return [
            Qty(last.kind, _scale(q.value, factor), q.start, q.end) if q.kind == "bare" else q
            for q in parts
        ]

    def rep_length(self, q: Qty, strict: bool) -> tuple[str, Amount] | None:
        """What a quantity is in a rep's place. Bare numbers are metres (`400`); an s is a plural
        for round distances (`800s`) and seconds for short ones (`30s`)."""
        if q.kind == "d" or q.kind == "t":
            return q.kind, q.value
        value = _mid(q.value)
        if q.kind == "s":
            return ("d", q.value) if value >= 100 else ("t", q.value)
        if value >= 50 and value == int(value):
            return "d", q.value
        if strict:
            raise self.error(
                f"I can't tell what {_fmt(value)} is here: metres, minutes or miles?",
                q.start,
                q.end,
                hint="6 x 400m, 6 x 5 min or 6 x 1 mi",
            )
        return None

    def rest_length(self, q: Qty) -> tuple[str, Amount]:
        """A quantity in a recovery's place: bare numbers under 10 are minutes (`w/ 3`), under
        100 seconds (`w/ 90`), and metres from there (`w/ 200`)."""
        if q.kind in ("d", "t"):
            return q.kind, q.value
        value = _mid(q.value)
        if q.kind == "s":
            return "t", q.value
        tok = self.toks[q.start]
        if (
            value < 10
            and q.end == q.start + 1
            and tok.end - tok.start == 4
            and self.text[tok.start + 1] == "."
            and value * 100 % 100 < 60
        ):
            return "t", _dotted_minutes(value)  # `w/ 3.30 recovery`: minutes and seconds
        # The text counts in miles (asked only here, for a fraction of one: rare).
        if value < 1 and q.end == q.start + 1 and not _MILE_WORDS.isdisjoint(self.words):
            return "d", _scale(q.value, MILE_M)  # `3x3 miles with .5 jog`: half a mile
        if value < 10:
            return "t", _scale(q.value, 60)
        if value < 100:
            return "t", q.value
        return "d", q.value

    # -- sequences --------------------------------------------------------------------------------

    def sequence(self, depth: int, closing: bool, until_segment: bool = False) -> list[Item]:
        """Items up to the end, or the closing bracket, or (for `3 sets of:` bodies) the next
        warm-up, cool-down or easy segment."""
        items: list[Item] = []
        after_break = False
        prose = False  # words passed over since the last item
        ran = False  # ... and among them a word that says running was done (`I ran`)
        pending_label: str | None = None
        pending_named: str | None = None
        guard = len(self.toks) + 1
        while self.i < len(self.toks) and guard:
            guard -= 1
            t = self.toks[self.i]
            w = self.words[self.i]  # "" unless a word
            # Symbols, line breaks and words that join, break or head the items; a number or a
            # time is none of these, and goes straight to what can start at it.
            if t.kind != "num" and t.kind != "time":
                if t.kind == "sym" and t.unit in ")]}":
                    if closing or until_segment:
                        return items
                    raise self.error("this closing bracket has no opening one", self.i)
                if (
                    t.kind == "nl"
                    or (t.kind == "sym" and t.unit == ";")
                    or w in ("then", "followed")
                ):
                    after_break = True
                    prose = False
                    pending_named = None  # a pace letter speaks for its own line only
                    self.i += 1
                    continue
                if w in _NUMBERED_REP_UNITS:
                    numbered = self._numbered_rep(self.i)
                    if numbered is not None:
                        items.append(numbered)  # `Mile 1-6:40`: the first mile, in 6:40
                        self.have_reps = True
                        continue
                if (
                    t.kind == "sym"
                    and t.unit == "x"
                    and (
                        self.i == 0
                        or self.at(self.i + 1) is None
                        or self.at(self.i + 1).kind == "nl"  # type: ignore[union-attr]
                    )
                ):
                    raise self.error(
                        "this x has no count before it"
                        if self.i + 1 < self.n and self.toks[self.i + 1].kind != "nl"
                        else "this x has nothing after it",
                        self.i,
                        hint="6 x 400",
                    )
                if t.kind == "sym" and t.unit == "-" and self._negative_count(self.i):
                    raise self.error(
                        "a count can't be negative", self.i, self.i + 2, hint="5 x 400"
                    )
                if (
                    t.kind == "sym"
                    and t.unit == "="
                    and self.quantity_range(self.i + 1) is not None
                ):
                    self.i = self.quantity_range(self.i + 1)[1]  # type: ignore[index]  # `= 5,600 metres`
                    continue
                if w == "after" and self.have_reps and self._rest_after_rep(items):
                    continue  # `After repetition 4, do a full 400 metre recovery`
                if (t.kind == "sym" and t.unit in ",+/&-|>:=!?#~") or w in (
                    "and", "plus", "followed", "by", "next", "after", "finish", "finished"
                ):
                    rest = self.rest_clause(self.i, weak_lead=True)
                    if rest is not None:
                        self.i = rest.end
                        items.append(
                            RestItem(rest.rest, rest.scope, rest.equal, after_break, rest.only)
                        )
                        prose = False
                        continue
                    self.i += 1
                    continue
                if (
                    t.kind == "word"
                    and t.unit in ("t", "i", "r", "m")
                    and (self.i == 0 or self.toks[self.i - 1].kind == "nl")
                    and self.count_prefix(self.i + 1) is not None
                ):
                    pending_named = v.NAMED_PACES[t.unit]  # the pace of the group that follows
                    self.i += 1
                    continue
            if (
                depth == 0
                and w in _GROUP_HEADS
                and not until_segment
                # `a`, `fast` name a group only before the word (`A group:`)
                and (w not in _GROUP_NAMES or self.words[min(self.i + 1, self.n - 1)] == "group")
            ):
                heading = self._group_heading(self.i)
                # A group is started by work or running read under it, not by a rest day
                # (`Monday: rest`) or a remark (`Girls: meet at 3`).
                started = any(
                    (
                        isinstance(it, SegmentItem)
                        and it.kind == "easy"
                        and (it.distance is not None or it.duration is not None)
                    )
                    or (isinstance(it, Block) and not it.bare_single and not it.in_prose)
                    for it in items
                )
                if heading is not None and self._next_group(heading, started):
                    break  # another group's workout: the first group's is the one read
                if heading is not None:
                    self.i = heading[2]
                    continue
            # Only a heading word (`Set`, `Week`) or a number and a slash (`11/16`) starts a label.
            maybe_label = w in _LABEL_HEADS or (
                self.i + 1 < self.n and self.syms[self.i + 1] == "/" and self._could_count(self.i)
            )
            label_end = self._label_end(self.i) if maybe_label else None
            if label_end is not None:
                self.i = label_end  # `Set 1:`, `Block A:`, `Week 3 -`, `11/16`: names, not reps
                continue
            if t.kind == "word" and t.unit in ("twice", "thrice") and self.have_reps:
                items.append(RepeatItem(2 if t.unit == "twice" else 3, self.i))
                self.i += 1
                continue
            if t.kind == "word" and t.unit in ("start", "aim") and self.have_reps:
                last = next((it for it in reversed(items) if isinstance(it, Block)), None)
                advised = (
                    self._advised_count(self.i)
                    if last is not None and _is_one_rep(last)
                    else None
                )
                if advised is not None:
                    # `the 1000s — start with 8.`, `Mile repeats - aim for 4 to 6`: how many
                    items.append(RepeatItem(advised[0], self.i))
                    self.i = advised[1]
                    continue
            if t.kind == "word" and t.unit in ("repeat", "repeated", "do", "did", "repeating"):
                last = next((it for it in reversed(items) if isinstance(it, Block)), None)
                counted = self.repeat_count(self.i, last is not None and _is_one_rep(last))
                if counted is not None:
                    header = self._repeat_header(items, counted, depth)
                    if header is not None:
                        items.append(header)  # `Repeat 6 times` then the steps below it
                        self.have_reps = True
                        continue
                    items.append(RepeatItem(counted[0], self.i))
                    self.i = counted[1]
                    continue
            if (
                items
                and (
                    (t.kind == "sym" and t.unit == "x" and isinstance(items[-1], SegmentItem))
                    or (self.i + 1 < self.n and self.words[self.i + 1] == "times")
                    or (t.kind == "num" and self.is_sym(self.i + 1, "x")
                        and self._sentence_ends(self.i + 2))
                )
                and self._one_rep_counted_after(items)
            ):
                continue  # `2 min hard 1 min easy x 6`, `800 w/ 2 min jog, 6 times`
            if (
                w == "except"
                and items
                and isinstance(items[-1], Block)
                and self._except_middle(items[-1], self.i)
            ):
                continue  # `8X800m, with 1 min recovery, except for the middle where we had 2mins`
            later = (
                3
                if self.i + 2 < self.n
                and self.words[self.i + 1] == "of"
                and self.words[self.i + 2] in ("them", "those", "these")
                else 2
                if self.i + 1 < self.n
                and self.words[self.i + 1] in _LATER_COUNT_NOUNS
                and self._count_ends(self.i + 2)
                else 0
            )
            if later:
                n_of = _count_value(t)
                last = next((it for it in reversed(items) if isinstance(it, Block)), None)
                if n_of is not None and n_of > 1 and last is not None and _is_one_rep(last):
                    # `..., 6 of them`, `... there are 20 efforts.`: six (twenty) of that rep
                    items.append(RepeatItem(n_of, self.i))
                    self.i += later
                    continue
            if t.kind == "word" and t.unit in ("total", "totals", "overall", "approx"):
                # `Total ~15km`, `Total mileage 8 miles`: the session's sum, not a rep.
                k = self._total_amount_at(self.i)
                q = self.quantity_range(k)
                # `a total of 16 x 30 seconds`: a count of reps, read as such
                if q is not None and self.count_prefix(k) is None:
                    self.i = q[1]
                    if self.is_sym(self.i, "("):
                        close = self._bracket_close(self.i, 8)
                        if close is not None:
                            self.i = close + 1  # `Total: 2,800 meters (or about 1.7 miles)`
                    continue
            # A number starts an offset only with a comparing word (`30 s slower`), and few texts
            # have one; a sign (`+10 s`) always might.
            offset = (
                self._offset_end(self.i)
                if t.kind == "sym" or (t.kind == "num" and self.compares)
                # `run at 10-15 seconds per mile slower than 10k pace`
                else self._offset_end(self.i + 1)
                if self.compares and w in v.TARGET_LEADS
                else None
            )
            if offset is not None:
                self.i = offset  # `30 seconds per mile above 5k pace`: a pace, not a rep
                continue
            if t.kind == "word" and t.unit in ("splits", "times", "results"):
                listed = self._results_end(self.i + 1)
                if listed is not None:
                    self.i = listed  # `My splits were 5:41, 5:37, 5:36`: what was run
                    continue
            if t.kind == "word" and t.unit == "split" and self.have_reps:
                split_end = self._one_split_end(self.i + 1)
                if split_end is not None:
                    self.i = split_end  # `The first quarter split was 74 seconds`: what was run
                    continue
            if self.have_reps and (
                t.unit in _PORTION_STARTS
                or self.words[self.i + 1 if self.i + 1 < self.n else self.i] in _PORTION_NOUNS
                or (t.kind == "num" and t.unit in _ORDINAL_SUFFIXES)  # `3rd one @ 3:10`
            ):
                last = next((it for it in reversed(items) if isinstance(it, Block)), None)
                if last is not None and self._portion(last):
                    continue
            if self.have_reps and items and isinstance(items[-1], Block) and (
                t.kind == "num" or t.unit in ("with", "w")
            ):
                split_end = self._rep_split_end(self.i, items[-1])
                if split_end is not None:
                    self.i = split_end  # `4 x 300m with 200m at mile pace, 100m at 800 pace`
                    continue
            exercise = (
                self._exercise_end(self.i)
                if self.has_exercises and t.kind in ("num", "word")
                else None
            )
            if exercise is not None:
                self.i = exercise  # `10x press-ups`, `20 walking lunges`: not running
                continue
            if (
                t.kind == "word"
                and t.unit == "or"
                and self.have_reps
                and items
                and isinstance(items[-1], Block)
                and (self.count_prefix(self.i + 1) is not None or self._list_follows(self.i + 1))
            ):
                # `200, 400, 800 ... or 200, 400, 600 ...`, `6-8 x 400 or 4 x 800`: another
                # choice of the same work; the first is the session. Passed over to the line's end.
                while self.i < self.n and self.toks[self.i].kind != "nl":
                    self.i += 1
                continue
            if (
                t.kind == "word"
                and (t.unit in _LATE_TARGET_WORDS or self._owned_late_word(self.i))
                and self._late_target(items)
            ):
                continue  # `6 x 800` then `Goal pace: 2:40`, `The pace was 80 seconds.`
            if (
                t.kind == "num"
                and self.have_reps
                and (
                    self.by_length
                    or t.unit == "s"
                    or self.syms[min(self.i + 1, self.n - 1)] in ",/&@"
                    or self.words[min(self.i + 1, self.n - 1)] in _BY_LENGTH_NEXT
                    or self.is_word(self.i - 1, "the")
                )
                and self._targets_by_length(items)
            ):
                continue  # `400s @ 70, 200s @ 32`: targets for reps already read
            listed = (
                self._results_after(items) if self.have_reps and t.kind in ("num", "time") else None
            )
            if (
                listed is None
                and self.have_reps
                and self.i > 0
                and self.toks[self.i - 1].kind == "nl"
                and (t.kind == "num" or w in ("distance", "time", "duration"))
            ):
                listed = self._result_line(items)
            if listed is not None:
                self.i = listed  # `20x400. 77, 75, 74, ...`: one time per rep, what was run
                continue
            named = (
                self._named_pace_at(self.i)
                if t.kind in ("num", "word") and self.i <= self.last_pace_word
                else None
            )
            if named is not None:
                items.append(NamedItem(named[0]))  # `aiming for 5k race pace`
                self.i = named[1]
                continue
            start = self.i
            if prose and self._sentence_starts(start):
                prose = False  # `... my workout. 2 miles at marathon pace`: a new sentence
            if depth == 0:
                self.top_items = items  # what a `Repeat` at depth 0 may be about (modifiers)
            item = self.item(depth)
            if until_segment and isinstance(item, SegmentItem):
                self.i = start
                return items
            if item is None:
                if t.kind == "word":
                    prev = self.toks[start - 1] if start > 0 else None
                    if v.LABEL_WORDS.get(t.unit) and not (prev is not None and prev.kind == "num"):
                        # `Strides: 6 x 100`, not `4 strides` (a count with no length).
                        pending_label = v.LABEL_WORDS[t.unit]
                    elif t.unit in v.RUN_VERBS:
                        ran = True
                    elif t.unit not in v.JOIN_WORDS and t.unit not in _DAY_WORDS:
                        prose = True  # a day (`Tuesday:`) heads a plan; it is not prose
                if self.i <= start:
                    self.i = start + 1
                continue
            if (
                isinstance(item, Block)
                and len(item.reps) == 1
                and not item.counted
                and self.is_sym(self.i, ":")
                and self.count_prefix(self.i + 1) is not None
            ):
                continue  # `Mile repeats: 4 x 1 mile`: a heading, the reps follow
            if (
                isinstance(item, Block)
                and len(item.reps) == 1
                and not item.counted
                and item.reps[0].distance is not None
                and _mid(item.reps[0].distance) >= 3000
                and self.word_in(self.i, ("with", "w", "including", "incl"))
                and self._work_follows(self.i + 1)
            ):
                self.i += 1  # `7 miles w/ 2 sets of 6x100m strides`: the day's run holds the reps
                continue
            if (
                self.have_reps
                and (
                    (isinstance(item, Block) and len(item.reps) == 1 and not item.counted)
                    or (isinstance(item, SegmentItem) and item.kind == "easy")
                )
                and "total" in self.words[start : self._line_end(self.i, self.i + 2)]
                # `{... 400m (10k pace)}. Total 4800m`: the total of what the bracket closes
                and not (closing and self.is_sym(self.i, ")]}"))
            ):
                if self.is_word(self.i, "in") and self.is_word(self.i + 1, "total"):
                    self.i += 2
                elif self.is_word(self.i, "total"):
                    self.i += 1
                continue  # `4 to 6 miles in total`: the session's sum, not a run
            if isinstance(item, Block) and items and self._restates(items[-1], item, start):
                continue  # `6 x 800m. Each 800 in 2:40`: the reps above, said again in full
            if isinstance(item, Block) and self._names_reps_above(items, item, start):
                continue  # `For the 8 min intervals, aim for your 10k pace`
            if after_break and isinstance(item, Block) and self._title_of(items, item):
                items.pop()  # `Session 5: 10x1k` then `10x1k, 100 m walking rest`: a title
            if isinstance(item, SegmentItem):
                item.start, item.end = start, self.i
                purpose = self._purpose_of(items[-1], item) if items else None
                if purpose is not None:
                    items[-1] = purpose  # `jog 10 minutes to cool down`: the jog is the cool-down
                    continue
                if items and isinstance(items[-1], SegmentItem):
                    self._pair_segments(items[-1], item)
            if isinstance(item, RestItem):
                item.after_break = after_break
                item.start, item.end = start, self.i
            elif isinstance(item, Block):
                self.have_reps = True
                item.joined = bool(items) and isinstance(items[-1], Block) and not after_break
                if pending_label:
                    for d in item.reps:
                        d.label = d.label or pending_label
                    pending_label = None
                if pending_named:
                    self.set_named(item, pending_named)
                    pending_named = None
                # A run verb vouches for a length with a unit (`run 45 minutes`), not for a bare
                # number (`run a 400 (one lap)` explains a rep written before).
                if (
                    prose
                    and _is_plain(item)
                    and not self._hard_before(start)
                    and not self._called_work(start, self.i)
                ):
                    item.in_prose = True
                    # `I ran 5 miles`: the sentence is about running done; such a length is the
                    # session when nothing else is (`run the 800m` restates a rep).
                    # ... and so does `run` after the length (`a 6 mile run`).
                    ran = ran or (
                        not self.is_word(start - 1, "the")  # `see you at the 5k run`: an event
                        and not v.RUN_AFTER_LENGTH.isdisjoint(self.words[start : self.i])
                    )
                    item.vouched = ran and not item.bare_single
            after_break = False
            prose = ran = False
            items.append(item)
            if self.side_segments:
                items.extend(self.side_segments)
                self.side_segments.clear()
        if closing and not until_segment:
            raise self.error("this bracket is never closed", self.i - 1)
        return items

    def _title_of(self, items: list[Item], block: Block) -> bool:
        """Whether the group before a line break is the title of the group after it: the same
        words, all of its line, which the line below starts with and says more about."""
        prev = items[-1] if items else None
        if not isinstance(prev, Block) or any(_described(d) for d in prev.reps):
            return False
        if not any(_described(d) for d in block.reps):
            return False
        title = self.text[prev.start : prev.end]
        line_start = self.text.rfind("\n", 0, prev.start) + 1
        return (
            len(title) >= 3
            and ":" in self.text[line_start : prev.start]  # `Session 5: 10x1k`, a heading
            and self.text[prev.end :].lstrip(" ").startswith("\n")  # all that is on its line
            and self.text.startswith(title, block.start)
        )

    def _names_reps_above(self, items: list[Item], block: Block, start: int) -> bool:
        """`For the 8 min intervals, aim for your 10k pace`, `the 400s at 70`: a single rep
        after `the` that counted reps above have the length of speaks of them (a pace named
        after it names them); what it adds goes to them."""
        if len(block.reps) != 1 or block.counted or not self.is_word(start - 1, "the"):
            return False
        one = block.reps[0]
        same = [
            d
            for it in items[-MAX_CHAIN:]
            if isinstance(it, Block) and it.counted
            for d in it.reps
            if d.distance == one.distance and d.duration == one.duration
        ]
        if not same:
            return False
        _take_details(same, one)
        return True

    def _restates(self, prev: Item, block: Block, start: int) -> bool:
        """Whether a single rep repeats the group of reps just before it, to add what they are
        run in (`6 x 800m. Each 800 in 2:40`, `10 x 400 mètres : 400m à ton allure`); if so,
        what it adds goes to each rep of the group."""
        if not (
            isinstance(prev, Block)
            and prev.counted
            and len(block.reps) == 1
            and not block.counted
            and start >= 2
        ):
            return False
        one = block.reps[0]
        if any(d.distance != one.distance or d.duration != one.duration for d in prev.reps):
            return False
        each = self.word_in(start - 1, ("each", "every"))
        # A colon right after the group: what follows it describes the group.
        described = self.is_sym(start - 1, ":") and self.toks[start - 2].end == prev.end
        if not (each or described):
            return False
        _take_details(prev.reps, one, label_and_rest=True)
        prev.end = block.end
        return True

    # -- items ------------------------------------------------------------------------------------

    def item(self, depth: int) -> Item | None:
        j = self.i
        t = self.toks[j]
        if t.kind == "word" and t.unit not in _ITEM_WORDS:
            return None  # prose: no item starts with this word
        seg = self.segment_first(j) if t.kind == "word" else None  # segments start with a word
        if seg is not None:
            self.segment_remark(seg)
            return seg
        if (t.kind == "sym" and t.unit == "@") or (
            t.kind == "word" and t.unit in ("at", "in") and self.quantity(j + 1) is not None
        ):
            # A target with no rep before it (`see you at 6`, `at 8 miles an hour`): nothing to
            # attach it to.
            speed = self._speed_at(j + 1)
            if speed is not None:
                self.i = speed[1]
                return None
            self.i = j + 1
            self.skip_target_value()
            return None
        count = self.count_prefix(j)
        if (
            count is not None
            and count[2] == "sets"
            and self.have_reps
            and self.rest_clause(count[1], weak_lead=False) is not None
        ):
            # `Complete 3 sets - 2 minute break between sets`: the work above, three times.
            self.i = count[1]
            return RepeatItem(count[0], j)
        if count is not None:
            return self.counted(count, depth)
        if t.kind == "sym" and t.unit in "([{":
            return self.group(depth)
        rest = self.rest_clause(j, weak_lead=False)
        with_word = self.words[j] in ("with", "w")
        if rest is not None and (self.have_reps or not with_word):
            self.i = rest.end
            but = self._except_length(rest.end)
            if but is not None:
                self.i = but[1]  # `200 rest between everything except 100s`
                return RestItem(rest.rest, rest.scope, rest.equal, only=rest.only, but=but[0])
            return RestItem(rest.rest, rest.scope, rest.equal, only=rest.only)
        if with_word:
            self.i = j + 1  # `starts with 3 km`: not a recovery before any rep
            return None
        return self.lengths(depth)

    def segment_word(self, j: int) -> tuple[SegmentKind, int] | None:
        """`WU`, `warm-up`, `warm up`, `CD`, `cool down`, `warm down`, `easy`: kind and end."""
        t = self.toks[j] if 0 <= j < self.n else None
        if t is None or t.kind != "word":
            return None
        w = t.unit
        if w in ("warm", "cool", "warmed", "cooled", "warming", "cooling"):
            # `warmed up 2 miles`, `cooled down with 2 laps`: the verb says the same.
            warm = w.startswith("warm")
            if self.word_in(j + 1, ("up", "ups")):
                return ("warmup" if warm else "cooldown"), j + 2
            if self.word_in(j + 1, ("down", "dn")):
                return "cooldown", j + 2
            return None
        if w in v.WARMUP_WORDS:
            return "warmup", j + 1
        if w in v.COOLDOWN_WORDS:
            return "cooldown", j + 1
        if w == "e":
            # Daniels' E only against a number: `4E`, `E 45'` (not `i.e.` or `e.g.`).
            prev, nxt = self.at(j - 1), self.at(j + 1)
            before = prev is not None and prev.kind == "num" and prev.end == t.start
            after = nxt is not None and nxt.kind in ("num", "time") and not self.is_word(j - 1, "i")
            return ("easy", j + 1) if before or after else None
        if w in v.EASY_WORDS:
            return "easy", j + 1
        if w in ("recovery", "shakeout") and self.word_in(j + 1, ("run", "jog")):
            return "easy", j + 2  # `recovery run 5 miles`
        return None

    def _purpose_of(self, prev: Item, seg: SegmentItem) -> SegmentItem | None:
        """`jog 10 minutes to cool down`, `10 min easy as a warm-up`: a warm-up or cool-down
        with no length, after `to` or `as`, says what the easy running before it is for."""
        if (
            seg.kind not in ("warmup", "cooldown")
            or (seg.distance, seg.duration) != (None, None)
            or not self.word_in(seg.start - 1 - self.is_word(seg.start - 1, "a"), ("to", "as"))
        ):
            return None
        if isinstance(prev, SegmentItem) and prev.kind == "easy":
            length = prev.distance, prev.duration
        elif (
            isinstance(prev, RestItem)
            and prev.rest is not None
            and prev.rest.kind == "jog"
            and prev.scope == "reps"
        ):
            length = prev.rest.distance_m, prev.rest.duration_s
        else:
            return None
        if length == (None, None):
            return None
        return SegmentItem(seg.kind, length[0], length[1], seg.start, seg.end)

    def _pair_segments(self, a: SegmentItem, b: SegmentItem) -> None:
        """`2 mi WU and CD`, `WU/CD 2 mi`, `warm-up & cool-down 15 min each`: a warm-up and a
        cool-down joined by `and`, `/`, `&` or `+` share the one length written."""
        if {a.kind, b.kind} != {"warmup", "cooldown"} or a.end < 0 or b.start < a.end:
            return
        between = range(a.end, b.start)
        if len(between) > 1 or not all(
            self.is_word(k, "and") or self.is_sym(k, "/&+") for k in between
        ):
            return
        a_len, b_len = (a.distance, a.duration), (b.distance, b.duration)
        if a_len == (None, None):
            a.distance, a.duration = b_len
        elif b_len == (None, None):
            b.distance, b.duration = a_len
        else:
            return
        if self.is_word(self.i, "each"):
            self.i += 1

    def segment_remark(self, seg: SegmentItem) -> None:
        """`WU 15min (~3km)`, `Warm up (~ 5 mins)`: brackets after a segment give its length if
        it has none, and are a remark otherwise. A clock time right after a measured run's
        segment is how long it took (`1 mile cool down 9:18`, `2 mi warm-up in 14:30`) or its
        pace (`3 mi warm-up 7:30 pace`)."""
        k = self.i + self.is_word(self.i, "in")
        t = self.at(k)
        if seg.distance is not None and t is not None and t.kind == "time" and t.form == "clock":
            paced = self._pace_end(k, k + 1)
            self.i = (
                paced if paced is not None
                else self.skip_words(k + 1, v.PACE_SUFFIX_WORDS)
            )
            return
        if not self.is_sym(self.i, "(["):
            return
        close = self.i + 1
        while close < len(self.toks) and not self.is_sym(close, ")]") and close - self.i < 12:
            close += 1
        if not self.is_sym(close, ")]"):
            return
        if seg.distance is None and seg.duration is None:
            k = self.skip_words(self.i + 1, ("about", "approx", "approximately", "around"))
            if self.is_sym(k, "~"):
                k += 1
            q = self.quantity_range(k)
            if q is not None:
                measured = self.segment_length(self.unify(q[0]))
                if measured is not None:
                    seg.distance, seg.duration = measured
        self.i = close + 1

    def segment_first(self, j: int) -> SegmentItem | None:
        """`WU 15'`, `warm-up 3 mi`, `CD: 2 miles`, `easy 20 min`."""
        found = self.segment_word(j)
        if found is None:
            return None
        kind, k = found
        k = self.skip_words(
            k,
            (
                "jog",
                "run",
                "jogging",
                "running",
                "of",
                "easy",
                "for",
                "with",
                "drills",
                "at",
                "least",
                "about",
                "approx",
                "around",
                "a",
                "an",
            ),
        )
        if self.is_sym(k, ":-="):
            k += 1
        q = self.quantity_range(k)
        if q is not None and self._pace_end(k, q[1]) is not None:
            q = None  # `easy run 5:30/km`: the pace of the running, not its length
        ends = self.at(k + 1)
        if q is None and self.word_in(k, ("mile", "km")) and (ends is None or ends.kind == "nl"):
            self.i = k + 1  # `Warm up mile`: one
            return SegmentItem(kind, DISTANCE_UNITS[self.toks[k].unit])
        if q is None and kind != "easy":
            # `Warm-up` as a heading with its length alone on the next line (`15 minutes`).
            m = k
            while self.at(m) is not None and self.at(m).kind == "nl" and m - k < 3:  # type: ignore[union-attr]
                m += 1
            below = self.quantity_range(m) if m > k else None
            after = self.at(below[1]) if below is not None else None
            if below is not None and len(below[0]) <= 2 and (after is None or after.kind == "nl"):
                measured = self.segment_length(self.unify(below[0]), kind)
                if measured is not None:
                    self.i = below[1]
                    return SegmentItem(kind, *measured)
        if q is None:
            prev = self.at(j - 1)
            if kind == "easy" and not (prev is None or prev.kind == "nl"):
                return None  # `felt easy`: only a line that starts with it is easy running
            self.i = k
            return SegmentItem(kind)
        parts, end = q
        parts = self.unify(parts)
        if len(parts) > 2:
            return None
        measured = self.segment_length(parts, kind)
        if measured is None:
            self.i = k
            return SegmentItem(kind)
        self.i = self.skip_words(end, ("jog", "run", "easy", "running", "w", "drills"))
        return SegmentItem(kind, *measured)

    def segment_length(
        self, parts: list[Qty], kind: SegmentKind = "warmup"
    ) -> tuple[Amount | None, Amount | None] | None:
        lengths = [self.rest_length(q) if q.kind != "bare" else None for q in parts]
        if any(x is None for x in lengths):
            # A bare number: miles when small (`WU 2`, `Easy 6`), minutes otherwise (`WU 15`,
            # `easy 40`). Easy runs go longer in miles than warm-ups do.
            vals = [q.value for q in parts]
            mid = _mid(vals[0])
            if mid <= (15 if kind == "easy" else 5):
                lengths = [("d", _scale(q.value, MILE_M)) for q in parts]
            elif mid <= 60:
                lengths = [("t", _scale(q.value, 60)) for q in parts]
            else:
                return None
        known = [x for x in lengths if x is not None]  # all of them, by now
        units = {u for u, _ in known if u}
        if len(units) != 1:
            return None
        amount: Amount = (
            known[0][1] if len(known) == 1 else (_mid(known[0][1]), _mid(known[1][1]))
        )
        return (amount, None) if units.pop() == "d" else (None, amount)

    def skip_words(self, j: int, words: Collection[str]) -> int:
        if not words:  # any word
            while self.is_word(j):
                j += 1
            return j
        while 0 <= j < self.n and self.words[j] in words:
            j += 1
        return j

    def count_prefix(self, j: int) -> tuple[int, int, str] | None:
        """`6 x`, `6x`, `2 sets of`, `3 sets:`, `6 reps of`, `16 alternating`, `ten 800m
        repeats`: (count, index after, how)."""
        # Only digits or a number word can be a count, and digits only before what can follow
        # one: an x, a bracket, a word or a number (`6 x`, `6 (or 8) x`, `6 sets`, `5 800s`).
        if not 0 <= j < self.n:
            return None
        t = self.toks[j]
        if t.kind == "num":
            if t.unit or t.form != "int":
                return None
            nxt = self.toks[j + 1] if j + 1 < self.n else None
            if nxt is None or nxt.kind in ("nl", "time") or (
                nxt.kind == "sym" and nxt.unit not in ("x", "(")
            ):
                return None
        elif self.words[j] not in v.NUMBER_WORDS:
            return None
        # Chains like `3 times 3 times ...` ask it again at every level: cubic without the memo.
        known = self.count_at
        if j in known:
            return known[j]
        # Each count of such a chain asks about the next: bounded here, not by the depth of
        # the interpreter's stack (which compiled code does not count).
        if self.count_depth >= MAX_COUNT_CHAIN:
            raise _ChainTooDeep
        self.count_depth += 1
        got = known[j] = self._count_prefix(j)
        self.count_depth -= 1
        return got

    def _could_count(self, j: int) -> bool:
        """Digits (`6`) or a number word (`six`): what a count can be written as."""
        t = self.toks[j]
        if t.kind == "num":
            return not t.unit and t.form == "int"
        return self.words[j] in v.NUMBER_WORDS

    def _count_prefix(self, j: int) -> tuple[int, int, str] | None:
        t = self.toks[j] if 0 <= j < self.n else None
        if t is None:
            return None
        if self.syms[j + 1 if j + 1 < self.n else j] == "(" and (
            (t.kind == "word" and t.unit in v.NUMBER_WORDS)
            or (t.kind == "num" and not t.unit and t.form == "int")
        ):
            counted = self._count_past_bracket(j)
            if counted is not None:
                return counted
        if t.kind == "word" and t.unit in v.NUMBER_WORDS:
            n = v.NUMBER_WORDS[t.unit]
            u = j + 1 + self.is_sym(j + 1, "-")
            if n in _TENS and self.word_in(u, _UNITS):
                # `twenty five 200s`; `seventy five seconds` is an amount (`quantity`).
                q = self.quantity(u + 1)
                if q is not None and q.kind in ("d", "t", "s") and not self.is_sym(u + 1, "x"):
                    return n + _UNITS[self.words[u]], u + 1, "x"
                if not (self.is_sym(u + 1, "x") or self.is_word(u + 1, "by")):
                    return None
                n, k = n + _UNITS[self.words[u]], u + 1  # `twenty-five x 100m`
            else:
                q = self.quantity(j + 1)
                if q is not None and q.kind in ("d", "t", "s") and not self.is_sym(j + 1, "x"):
                    return n, j + 1, "x"  # `ten 800m repeats`
                k = j + 1
        elif t.kind != "num" or t.unit or t.form != "int":
            return None
        else:
            n = int(t.value)
            k = j + 1
            mixed = (
                self._mixed_fraction(j, t) if j + 2 < self.n and self.syms[j + 2] == "/" else None
            )
            if mixed is not None and not self.word_in(mixed.end, _REPEAT_NOUNS):
                # `2 1/2 miles`: two and a half miles; but `4 1/2 mile repeats`: four of them
                return None
        word_k, sym_k = (self.words[k], self.syms[k]) if k < self.n else ("", "\0")
        if word_k == "by" and self.quantity(k + 1) is not None:
            return n, k + 1, "x"  # `8 by 3 mins`
        if sym_k == "x":
            # `100 x 2`: a length then its count, read by `lengths`.
            after = self.at(k + 1)
            if (
                n >= 100
                and after is not None
                and after.kind == "num"
                and not after.unit
                and after.value < 50
                and self.quantity(k + 1) is not None
                and self.quantity(k + 1).kind == "bare"  # type: ignore[union-attr]
            ):
                return None
            after_q = self.quantity(k + 1)
            third = (
                self.quantity(after_q.end + 1)
                if after_q is not None and self.is_sym(after_q.end, "x")
                else None
            )
            before = self.quantity(j - 2) if self.is_sym(j - 1, "x") else None
            if (
                100 <= n <= 10000
                and after_q is not None
                and _mid(after_q.value) >= 100
                and (
                    (third is not None and _mid(third.value) >= 100)
                    or (before is not None and _mid(before.value) >= 100)
                )
            ):
                return None  # `400 x 800 x 1200`: a sequence, read by `lengths`
            return n, k + 1, "x"
        nxt = self.at(k)
        if (
            nxt is not None
            and nxt.kind == "num"
            and nxt.unit == "s"
            and nxt.value >= 100
            and n < 100
            and nxt.start > t.end
        ):
            return n, k, "x"  # `10 800's`
        q_next = self.quantity(k) if nxt is not None and nxt.kind == "num" else None
        if (
            q_next is not None
            and q_next.kind == "d"
            and q_next.end > k + 1
            and _mid(q_next.value) >= 100
            and 1 < n < 50
        ):
            return n, k, "x"  # `5 800 meter repeats`: the unit is written as a word
        if (
            1 < n <= 20
            and not self.is_sym(j - 1, "x")  # `2 x 3 mile repeats`: two of three miles
            and self.word_in(k, ("mile", "km"))
            and self.word_in(k + 1, ("repeats", "repeat", "reps", "repetitions"))
        ):
            return n, k, "x"  # `6 mile repeats`: six repeats of a mile, as it is said
        # `16 alternating 400 and 200`; but in `8 x 400 alternating 70 and 75` the 400 is a rep.
        if self.word_in(k, ("alternating", "alternate", "alternations")) and not self.is_sym(
            j - 1, "x"
        ):
            return n, k + 1, "alternating"
        if self.word_in(k, _SET_COUNT_WORDS):
            m = k + 1
            if (
                self.is_word(m)
                and self.is_word(m + 1, "of")
                and self.toks[m].unit not in ("them", "it")
            ):
                m += 1  # `4 sets Intervals of 800/400`
            if self.is_word(m, "of") or self.is_sym(m, ":-x"):
                m += 1
            elif not (
                self.is_sym(m, "([;")
                or self.at(m) is None
                or self.at(m).kind == "nl"  # type: ignore[union-attr]
                or self.count_prefix(m) is not None
                or self.quantity(m) is not None
            ):
                return None
            return n, m, "sets"
        if self.word_in(k, _REP_NOUNS) and self.is_word(k + 1, "of"):
            return n, k + 2, "x"  # `6 intervals of 400m`, `3 sprints of 20 sec`
        return None

    def _bracket_close(self, opening: int, span: int) -> int | None:
        """Where the bracket opened at `opening` closes, fewer than `span` tokens on and with no
        other bracket opened first; None when it does not."""
        close = opening + 1
        while close < min(opening + span, self.n) and not self.is_sym(close, ")("):
            close += 1
        return close if self.is_sym(close, ")") else None

    def _count_past_bracket(self, j: int) -> tuple[int, int, str] | None:
        """`14 (or 16 if we felt good) 400m repeats`, `ten (we did 8) repetitions of 800 meters`:
        the count written first stands; the bracket is an alternative."""
        close = self._bracket_close(j + 1, 15)
        if close is None:
            return None
        t = self.toks[j]
        n = v.NUMBER_WORDS[t.unit] if t.kind == "word" else int(t.value)
        k = close + 1
        if (
            self.word_in(k, ("repetitions", "reps", "repeats", "sets"))
            and self.is_word(k + 1, "of")
        ):
            return n, k + 2, "x"
        q = self.quantity(k)
        if q is not None and (q.kind == "d" or (q.kind == "s" and _mid(q.value) >= 100)):
            return n, k, "x"
        return None

    def check_count(self, n: int, j: int) -> None:
        if n <= 0:
            raise self.error(
                f"{n} reps is no workout: the count must be at least 1", j, hint="6 x 400"
            )
        if n > MAX_REPS:
            raise self.error(
                f"{n:,} reps is more than any real workout (at most {MAX_REPS:,})",
                j,
                hint="6 x 400",
            )

    def multiply(self, reps: list[Draft], n: int, j: int) -> list[Draft]:
        self.check_count(n, j)
        if len(reps) * n > MAX_REPS:
            raise self.error(
                f"this expands to {len(reps) * n:,} reps, more than any real workout "
                f"(at most {MAX_REPS:,})",
                j,
                hint="3 x (4 x 400)",
            )
        return [d.copy() for _ in range(n) for d in reps]

    def counted(self, count: tuple[int, int, str], depth: int) -> Block | None:
        n, k, how = count
        count_tok = self.i
        self.check_count(n, count_tok)
        self.i = k
        if how == "alternating":
            body = self.length_list(self.i)
            if body is None:
                raise self.error(
                    "alternating what? Give the reps it alternates",
                    count_tok,
                    k,
                    hint="16 alternating 400 and 200",
                )
            reps, self.i = body
            copies = -(-n // len(reps))
            out = self.multiply(reps, copies, count_tok)[:n]
            block = Block(out, len(reps), self.toks[count_tok].start, self.toks[self.i - 1].end)
            return self.modifiers(block, depth)
        try:
            inner = self.body(depth, count_tok, k, n, how)
        except ParseError:
            if how == "x" and not self.lenient:
                raise
            # `between the 3 sets.`: words about sets, not a workout; in a long post, a count of
            # what can't be read (`10x tuck jump shuffle`) is passed over.
            self.i = count_tok + 1
            return None
        reps = self.multiply(inner.reps, n, count_tok)
        block = Block(reps, len(inner.reps), self.toks[count_tok].start, inner.end, counted=True)
        for rp in inner.set_rests:
            self.apply_rest(block, rp)
        return self.modifiers(block, depth)

    def body(
        self, depth: int, count_tok: int, after: int, n: int, how: str, chained: int = 0
    ) -> Block:
        """What a count multiplies: a bracketed group, another count, one length, or for sets
        a list (`3 sets of 400, 300, 200`) or the lines that follow (`3 sets of:`)."""
        j = self.i
        t = self.at(j)
        ends_line = t is None or t.kind == "nl" or (t.kind == "sym" and t.unit in ";:")
        if (how == "sets" and ends_line) or (
            how == "x" and t is not None and t.kind == "nl" and self.at(j + 1) is not None
        ):
            # `3 sets of;` then one item per line, up to the cool-down or the end; `5x` ending
            # its line (a plan's `Main Set 5x` then `- 3m Z4`, `- 2m Z1`) the same.
            self.i = j + 1 if t is not None else j
            self.line_sets = True
            items = self.sequence(depth + 1, closing=False, until_segment=True)
            items = self._easier_step_is_the_recovery(self._until_easy_pace(items))
            # `3 minutes rest between sets` among the lines: between the sets the count makes.
            between = [
                it
                for it in items
                if isinstance(it, RestItem) and it.scope == "sets" and it.only is None
            ]
            items = [it for it in items if not any(it is b for b in between)]
            set_rests = [_RestParse(b.rest, "sets", b.equal, 0) for b in between]
            for it in items:
                if isinstance(it, Block) and it.set_size >= len(it.reps):
                    # `500 m hard, 1 min rest. 5 min between rounds.`: read after a group with
                    # no sets of its own, so for the sets the count makes.
                    set_rests += [rp for rp in it.tail_rests if rp.scope == "sets"]
                    it.tail_rests = [rp for rp in it.tail_rests if rp.scope != "sets"]
            reps = self.flatten(items)
            if reps:
                block = Block(reps, len(reps), self.toks[j - 1].start, self.toks[self.i - 1].end)
                block.set_rests = set_rests
                return block
        if t is None or t.kind == "nl" or (t.kind == "sym" and t.unit in ",;+"):
            raise self.error(f"{n} x what? Nothing follows the x", count_tok, after, hint="6 x 400")
        if t.kind == "sym" and t.unit in "([{":
            paired = self._rep_slash_rest(j)
            if paired is not None:
                return paired
            grouped = self.group(depth, with_modifiers=False)
            assert grouped is not None  # after a count, brackets with no reps raise instead
            return grouped
        nested = self.count_prefix(j)
        if nested is not None:
            n2, k, how2 = nested
            self.check_count(n2, j)
            if chained + 1 >= MAX_CHAINED_COUNTS:
                # Refused at once: reading such a chain from each of its counts in turn would
                # cost the square of its length.
                raise self.error(
                    f"more than {MAX_CHAINED_COUNTS} counts in a row: no workout is written so",
                    count_tok,
                    k,
                    hint="3 x 4 x 400",
                )
            self.i = k
            inner = self.body(depth, j, k, n2, how2, chained + 1)
            reps = self.multiply(inner.reps, n2, j)
            return Block(reps, len(inner.reps), self.toks[j].start, inner.end)
        # A name before the length: `6 x hill sprints of 60m`, `3 sets of pyramids: 30, 60, 90s`.
        label = None
        k = j
        for _ in range(3):
            tk = self.at(k)
            if tk is None or tk.kind != "word" or self.quantity(k) is not None:
                break
            label = label or v.LABEL_WORDS.get(tk.unit)
            k += 1
        if k > j:
            k = self.skip_words(k, ("of", "at", "for"))
            if self.is_sym(k, ":-"):
                k += 1
            if self.quantity(k) is not None:
                self.i = k
            elif how == "sets" and (self.at(k) is None or self.at(k).kind == "nl"):  # type: ignore[union-attr]
                self.i = k  # `4 sets of this:` and the lines below
                return self.body(depth, count_tok, after, n, how)
            elif self.is_sym(k, "([") and self.quantity(k + 1) is not None:
                got = self.one_length(k + 1, strict=False)
                close = got[1] if got is not None else k
                if got is not None and self.is_sym(close, ")]"):
                    draft = got[0]  # `10 x hill (45-60s)`: the name, then its length
                    draft.label = label
                    self.i = close + 1
                    return Block([draft], 1, self.toks[j].start, self.toks[close].end)
        if how == "sets":
            listed = self.length_list(self.i)
            if listed is not None and len(listed[0]) > 1:
                drafts, self.i = listed
                for d in drafts:
                    d.label = d.label or label
                return Block(drafts, len(drafts), self.toks[j].start, self.toks[self.i - 1].end)
        pair = self._seconds_on_off(self.i)
        if pair is not None:
            return pair  # `10 x 30/30`: 30 seconds fast, 30 easy
        got = self.one_length(self.i, strict=True)
        if got is None:
            raise self.error(
                f"{n} x what? I can't read the rep here",
                self.i if self.at(self.i) else count_tok,
                hint="6 x 400m or 6 x 3:00",
            )
        draft, self.i = got
        if label:
            draft.label = label
        return Block([draft], 1, self.toks[j].start, self.toks[self.i - 1].end)

    def _repeat_header(
        self, items: list[Item], counted: tuple[int, int], depth: int
    ) -> Block | None:
        """`Repeat 6 times` (or `Repeat 5x:`) ending its line, with no reps above it since the
        warm-up: a watch's or a plan's header for the steps below, which it repeats."""
        n, end = counted
        k = end + self.is_sym(end, ":")
        t = self.at(k)
        if t is None or t.kind != "nl" or self.at(k + 1) is None:
            return None
        for it in reversed(items):
            if isinstance(it, SegmentItem):
                break
            if isinstance(it, Block):
                return None  # `... then repeat 3 times`: the work above, again
        start = self.i
        block = self.counted((n, k, "sets"), depth)
        if block is None or not block.reps:
            self.i = start
            return None
        return block

    def _rep_slash_rest(self, j: int) -> Block | None:
        """`8x(30"/30")`, `10 x (1'/1')`, `6 x (400/200)`: in brackets, a rep, a slash and a
        recovery no longer than it, as `8 x 30"/30"` is written without them."""
        first = self.one_length(j + 1, strict=False)
        if first is None or not self.is_sym(first[1], "/"):
            return None
        q = self.quantity(first[1] + 1)
        if q is None or not self.is_sym(q.end, ")]}") or isinstance(q.value, tuple):
            return None
        draft = first[0]
        kind, amount = self.rest_length(q) if q.kind != "bare" else ("", q.value)
        length = draft.duration if draft.duration is not None else draft.distance
        if length is None or _mid(amount) > _mid(length):
            return None
        if draft.duration is not None and kind == "t":
            draft.rest = Rest(None, amount)
        elif draft.distance is not None and kind in ("", "d"):
            draft.rest = Rest(amount, None)
        else:
            return None
        self.i = q.end + 1
        return Block([draft], 1, self.toks[j].start, self.toks[q.end].end)

    def _seconds_on_off(self, j: int) -> Block | None:
        """`30/30`, `45/15 sec`, `30/30"`: after a count, two bare numbers of seconds at most a
        minute and a half each joined by a slash are the seconds run fast and the seconds easy."""
        pair = self._slashed_numbers(j)
        if pair is None:
            return None
        a, b = pair
        if (
            b.unit not in ("", "s", "sec", "secs", '"')
            or not (0 < a.value <= 90 and 0 < b.value <= 90)
            or a.form != "int"
            or b.form != "int"
        ):
            return None
        end = j + 3
        if not b.unit and self.word_in(end, ("s", "sec", "secs", "second", "seconds")):
            end += 1
        elif not b.unit and self.at(end) is not None and self.at(end).kind not in ("nl", "sym"):  # type: ignore[union-attr]
            return None  # `10 x 30/30 min`, `6 x 60/40 m`: not seconds
        draft = Draft(duration=float(a.value), rest=Rest(None, float(b.value)))
        self.i = end
        return Block([draft], 1, a.start, self.toks[end - 1].end)

    def one_length(self, j: int, strict: bool) -> tuple[Draft, int] | None:
        q = self.quantity_range(j)
        if q is None:
            t = self.at(j)
            if strict and t is not None and t.kind == "num":
                raise self.error(
                    f"I can't read “{self.text[t.start : t.end]}” as a rep length",
                    j,
                    hint="6 x 400m, 6 x 1 mile or 6 x 3:00",
                )
            return None
        parts, end = q
        parts = self.unify(parts)
        if len(parts) > 2 or self._is_sequence(parts):
            parts, end = parts[:1], parts[0].end
        drafts = self.group_drafts(parts, strict)
        if drafts is None:
            return None
        return drafts[0], end

    def check_positive(self, amount: Amount, j: int, end: int) -> None:
        if _mid(amount) <= 0 or (isinstance(amount, tuple) and amount[0] <= 0):
            raise self.error("a rep must have a length above zero", j, end, hint="6 x 400m")

    def group(self, depth: int, with_modifiers: bool = True) -> Block | None:
        """A bracketed group. Brackets with no reps in them are a remark (`(freshmen: sit out)`)
        and read as nothing, except after a count, where reps must be."""
        open_tok = self.i
        self.i += 1
        items = self.sequence(depth + 1, closing=True)
        close_tok = self.i
        self.i += 1  # the closing bracket
        set_rests: list[_RestParse] = []
        count_after = self.at(self.i + 1) if self.is_sym(self.i, "x") else None
        if not with_modifiers or (
            count_after is not None
            and count_after.kind == "num"
            and not count_after.unit
            and count_after.form == "int"
        ):
            # the count before (`3 x (...)`) or after (`(...) x 3`) is of sets
            items, set_rests = self._set_rests_inside(items, close_tok)
        reps = self.flatten(items)
        if not reps and with_modifiers:
            return None
        if not reps:
            raise self.error(
                "there are no reps inside these brackets",
                open_tok,
                close_tok + 1,
                hint="4 x (1000m, 400m)",
            )
        block = Block(reps, len(reps), self.toks[open_tok].start, self.toks[close_tok].end)
        block.set_rests = set_rests
        if not with_modifiers:
            return block
        return self.modifiers(block, depth)

    def _set_rests_inside(
        self, items: list[Item], close: int
    ) -> tuple[list[Item], list[_RestParse]]:
        """The recovery between sets written at the end of a counted group's brackets:
        `2 x (1200, 800, 400; 4' between sets)`, `3 x (4 x 400 w/ 60s, 3 min)`. A few minutes
        alone after distance reps there is no rep of the set but the time before the next; so
        is a recovery in brackets of its own after single reps (`4 x {200m (1m pace) 400m (5k
        pace) [3min rest]}`)."""
        out = list(items)
        found: list[_RestParse] = []
        while out and isinstance(out[-1], RestItem):
            last = out[-1]
            if last.scope != "sets" or last.only is not None:
                break
            out.pop()
            found.insert(0, _RestParse(last.rest, "sets", last.equal, 0))
        blocks = [it for it in out if isinstance(it, Block)]
        if not blocks or out[-1] is not blocks[-1]:
            return out, found
        tail = blocks[-1]
        if (
            not found
            and len(blocks) > 1
            and tail.joined
            and _is_bare_time(tail)
            and all(d.distance is not None for d in blocks[-2].reps)
        ):
            duration = tail.reps[0].duration
            assert duration is not None  # a bare time
            out.pop()
            return out, [_RestParse(Rest(None, duration), "sets", None, 0)]
        last_rest = tail.tail_rests[-1] if len(tail.tail_rests) == 1 else None
        if (
            not found
            and last_rest is not None
            and last_rest.scope == "reps"
            and last_rest.only is None
            and last_rest.end + 1 == close
            and self.syms[last_rest.end] in ")]}"
            and len(blocks) > 1
            and all(_is_one_rep(b) for b in blocks)
            and all(b.reps[0].rest is None for b in blocks[:-1])
            and tail.reps[0].rest is last_rest.rest
        ):
            # `[3min rest]` closing the set: after the set, not after its last rep alone
            tail.tail_rests = []
            tail.reps[0].rest, tail.reps[0].equal = None, None
            return out, [_RestParse(last_rest.rest, "sets", last_rest.equal, 0)]
        inside = [
            rp
            for rp in tail.tail_rests
            if rp.scope == "sets"
            and rp.only is None
            and (tail.set_size >= len(tail.reps) or (tail.set_size == 1 and rp.explicit))
        ]
        if inside:
            # `(1200, 800, 400, 4' between sets)`: no sets inside the brackets to fall between
            tail.tail_rests = [rp for rp in tail.tail_rests if not any(rp is q for q in inside)]
            found = inside + found
        return out, found

    def length_list(self, j: int) -> tuple[list[Draft], int] | None:
        """`400`, `200, 400, 600`, `400-800-1200-800-400`, `1-2-3-2-1 min`, `400 and 200`,
        `30, 60, 90s` (a unit written last applies to the bare numbers before it)."""
        head = self._list_from(j)
        if head is None:
            return None
        count = min(head.remaining, MAX_REPS)
        last_link = head.tail if head.remaining <= MAX_REPS else head.ahead(MAX_REPS - 1)
        assert last_link is not None  # the head's tail is set when the list is read
        last = last_link.parts[-1]
        factor: float | None = None
        if count > 1 and last.kind != "bare":
            tok = self.at(last.start)
            factor = (
                _mid(last.value) / tok.value
                if tok is not None and tok.kind == "num" and (tok.value)
                else 1.0
            )
        interleaved = count >= 3 and _rep_rest_interleaved(head, count)
        if interleaved:
            factor = None  # `1000, 2 min, 500, 1 min`: the minutes are not the 1000's unit
        drafts: list[Draft] = []
        end = j
        link: _ListLink | None = head
        for idx in range(count):
            assert link is not None
            parts = link.parts
            if interleaved and idx % 2:
                drafts[-1].rest = Rest(None, parts[0].value)  # the recovery after the rep
                end = link.end
                link = link.next
                continue
            if factor is not None:
                parts = [
                    Qty(last.kind, _scale(p.value, factor), p.start, p.end)
                    if p.kind == "bare"
                    # `1000, 500, 2 min`: no rep in a list runs for hours; a thousand is metres
                    and not (last.kind == "t" and _mid(p.value) * factor > MAX_LIST_SECONDS)
                    else p
                    for p in parts
                ]
            new = self.group_drafts(parts, strict=False)
            if new is None:
                if idx == 0:
                    return None
                break
            drafts.extend(new)
            end = link.end
            link = link.next
        return drafts, end

    def _list_from(self, j: int) -> _ListLink | None:
        """The groups of the list that starts at token j, linked. A group's place in a list
        depends only on where it starts, so a list read from a later group shares the links
        already read: trying a list at every token of a long one stays linear."""
        links = self.list_links
        if j in links:
            return links[j]
        q = self.quantity_range(j)
        if q is None:
            return None
        fresh: list[tuple[int, list[Qty], int]] = [(j, self.unify(q[0]), q[1])]
        end = q[1]
        joined: _ListLink | None = None
        while True:
            if end >= self.n or (
                self.syms[end] not in (",", "/", "&", "x") and self.words[end] != "and"
            ):
                break  # nothing that joins one more group after this one: the list ends
            if self._easy_inside(fresh[-1][0], end):
                break  # `4 easy miles and 2 hard miles`: easy running, then the work
            # From here end < n: its symbol and word are read directly.
            if self.syms[end] == "," and self.is_word(end + 1, "and"):
                end += 1  # `5, 4, 3, 2, and 1 minute`
            x_joined = (
                self.syms[end] == "x"
                and _mid(fresh[-1][1][-1].value) >= 100
                and self.quantity(end + 1) is not None
                and _mid(self.quantity(end + 1).value) >= 100  # type: ignore[union-attr]
            )
            if not (self.syms[end] in (",", "/", "&") or self.words[end] == "and" or x_joined):
                break
            nxt = end + 1
            if self.count_prefix(nxt) is not None or self.rest_clause(nxt, False) is not None:
                break
            if (
                nxt <= self.last_pace_word  # no name of a pace starts after the last pace word
                and not v.PACE_SUFFIX_WORDS.isdisjoint(self.words[nxt + 1 : nxt + 4])
                and self._named_pace_at(nxt) is not None
            ):
                break  # `2 minute, 5k pace`: the pace of the reps, not one more
            q = self.quantity_range(nxt)
            if q is None or self.segment_after(q[1]) is not None or self._easy_inside(nxt, q[1]):
                break
            x_after = self.is_sym(q[1], "x")
            after_x = self.quantity(q[1] + 1) if x_after else None
            if x_after and (after_x is None or _mid(after_x.value) < 100):
                break  # `200, 400 x 3`: the count belongs to what follows
            if nxt in links:
                joined = links[nxt]
                break
            fresh.append((nxt, self.unify(q[0]), q[1]))
            end = q[1]
        link = joined
        read: list[_ListLink] = []
        for start, parts, group_end in reversed(fresh):
            if link is None:
                link = _ListLink(parts, group_end, None, 1, read, len(read))
                link.tail = link
            else:
                link = _ListLink(
                    parts, group_end, link, link.remaining + 1, read, len(read), link.tail
                )
            read.append(link)
            links[start] = link
        return link

    def group_drafts(self, parts: list[Qty], strict: bool) -> list[Draft] | None:
        """The reps of `400`, `3-4 mi` (a range) or `400-800-1200` (a sequence)."""
        lens = []
        for p in parts:
            length = self.rep_length(p, strict)
            if length is None:
                return None
            lens.append(length)
        if len(parts) == 2 and not self._is_sequence(parts):
            if lens[0][0] != lens[1][0]:
                return None
            vals = [_mid(x[1]) for x in lens]
            amount: Amount = (min(vals), max(vals))
            self.check_positive(amount, parts[0].start, parts[-1].end)
            kind = lens[0][0]
            return [Draft(distance=amount) if kind == "d" else Draft(duration=amount)]
        out = []
        for p, (kind, val) in zip(parts, lens, strict=True):
            self.check_positive(val, p.start, p.end)
            out.append(Draft(distance=val) if kind == "d" else Draft(duration=val))
        return out

    @staticmethod
    def _is_sequence(parts: list[Qty]) -> bool:
        """Two lengths joined by a dash are a range (`3-4 mi`, `20-25 min`) unless they read as a
        pair of distinct reps (`400-200`, descending or far apart)."""
        if len(parts) != 2:
            return len(parts) > 2
        a, b = _mid(parts[0].value), _mid(parts[1].value)
        return a >= b or b > 2.5 * a

    def _called_work(self, start: int, end: int) -> bool:
        """`an 800m repeat`, `a 1200m (3 laps) repeat`: a length called work in so many words,
        in its own sentence; not one named as said before (`the 1km interval`, `every 400`)."""
        if self.word_in(start - 1, ("the", "every", "each", "this", "that")) or self.is_sym(
            start - 1, "/"
        ):
            return False  # `the 1km interval`, `the 1 mile / 0.5 mile interval`: named again
        for m in range(start + 1, end):
            if self._sentence_starts(m):
                return False
            if self.words[m] in _WORK_NOUNS:
                return True
        return False

    def _total_amount_at(self, j: int) -> int:
        """After `Total` at j: where its amount starts (`Total ~15km`, `Total mileage 8 miles`,
        `Total Duration: 20mins`)."""
        k = self.skip_words(j + 1, ("mileage", "distance", "of", "time", "running", "duration"))
        return k + 1 if self.is_sym(k, "~:=") else k

    def _hard_before(self, j: int) -> bool:
        """`run fast for 400 meters`, `hard 3 minutes`: an effort said before a length makes it
        work, in prose too."""
        k = j - 1 - self.is_word(j - 1, "for")
        return self.word_in(k, _HARD_WORDS)

    def _easy_inside(self, j: int, end: int) -> bool:
        """An easy word inside the amount from j to `end`: `4 easy miles`."""
        return end - j >= 3 and self.word_in(end - 2, v.EASY_WORDS)

    def segment_after(self, j: int) -> tuple[SegmentKind, int] | None:
        """A segment word within the few words after a length: `3 mi easy warm-up`."""
        if not (0 <= j < self.n and (self.words[j] or self.syms[j] in ("(", "["))):
            return None  # neither a word nor a bracket after the length: the common case
        k = j
        found: tuple[SegmentKind, int] | None = None
        for _ in range(4):
            t = self.toks[k] if 0 <= k < self.n else None
            if t is not None and k > j and self._sentence_starts(k):
                break  # `2 mins easy. Cool down 10 mins`: the next sentence's segment
            if t is not None and t.kind == "sym" and t.unit in "([" and found is None:
                close = k + 1
                while close < self.n and close - k < 10 and not self.is_sym(close, ")]"):
                    close += 1
                if self.is_sym(close, ")]"):
                    k = close + 1  # `3km (15-20min) warm-up`
                    continue
            if t is None or t.kind != "word":
                break
            seg = self.segment_word(k)
            if seg is not None:
                kind, end = seg
                if found is None or (found[0] == "easy" and kind != "easy"):
                    found = (kind, end)
                k = end
                continue
            if t.unit not in (
                "of",
                "mile",
                "miles",
                "min",
                "mins",
                "run",
                "running",
                "jog",
                "very",
                "super",
                "relaxed",
                "conversational",
                "pace",
                "total",
                "on",
                "the",
                "road",
                "roads",
                "grass",
                "trails",
                "trail",
            ):
                break
            k += 1
        return found

    def _pace_end(self, j: int, end: int) -> int | None:
        """Where the pace ends if the clock time from token j to `end` is one: `4:20/km`,
        `7:30/mi`, `5:30 min/km`, `4:50 km/min`; None if it is not."""
        if self.toks[j].kind != "time":
            return None
        k = end + self.word_in(end, _MINUTE_WORDS)
        if self.is_sym(k, "/") and self.word_in(k + 1, _PER_UNIT_WORDS):
            return k + 2
        if (
            self.word_in(k, _PER_UNIT_WORDS)
            and self.is_sym(k + 1, "/")
            and self.word_in(k + 2, _MINUTE_WORDS)
        ):
            return k + 3  # `4:50 km/min`, min/km the wrong way round
        return None

    def lengths(self, depth: int) -> Item | None:
        j = self.i
        t = self.toks[j]
        if (
            t.kind == "num"
            and not t.unit
            and _mid(t.value) < 50
            and (self.words[j + 1] if j + 1 < self.n else "") not in _DURATION_WORDS
        ):
            # `6 easy`, `4E`, `2 WU`: a bare number for easy running, in miles or minutes
            # (`4 easy miles` has its unit: read below).
            seg = self.segment_after(j + 1)
            q = self.quantity(j) if seg is not None else None
            if seg is not None and (q is None or q.end <= seg[1]):
                measured = self.segment_length([Qty("bare", t.value, j, j + 1)], seg[0])
                if measured is not None:
                    self.i = seg[1]
                    item = SegmentItem(seg[0], *measured)
                    self.segment_remark(item)  # `2 mile warm-up (14:59)`: a remark
                    return item
        got = self.length_list(j)
        if got is None:
            return None
        drafts, end = got
        if (
            len(drafts) == 1
            and self.is_sym(end, "(")
            and self.word_in(end + 1, ("including", "incl", "inc", "includes", "with"))
            and self.count_prefix(end + 2) is not None
        ):
            self.i = end  # `4-5 miles (including 8x440 yards ...)`: the day's total, reps inside
            return None
        if self.is_sym(end, "%"):
            self.i = end + 1  # `at 98% M Tempo`: a share of a pace, not a length
            return None
        pace_end = self._pace_end(j, end) if drafts[0].duration is not None else None
        if len(drafts) == 1 and pace_end is not None:
            self.i = pace_end  # `(4:20/km)`: a pace, not a run of 4:20
            return None
        # `3 mi easy warm-up`, `2 mi CD`, `20 min easy`, `2 easy miles`: a segment, not work.
        if len(drafts) == 1:
            seg = self.segment_after(end)
            if (
                seg is None
                and self.is_word(j + 1, "easy")
                and self.quantity(j) is not None
                and (
                    self.quantity(j).end == j + 3  # type: ignore[union-attr]
                )
            ):
                seg = ("easy", end)
            if seg is not None:
                kind, seg_end = seg
                d = drafts[0]
                self.i = self.skip_words(seg_end, ("jog", "run", "running", "easy"))
                item = SegmentItem(kind, d.distance, d.duration)
                self.segment_remark(item)
                return item
        self.i = end
        block = Block(drafts, len(drafts), self.toks[j].start, self.toks[end - 1].end)
        first = self.at(j)
        block.bare_single = (
            len(drafts) == 1
            and end == j + 1
            and first is not None
            and first.kind == "num"
            and not first.unit
        )
        # `1000m x 6`: the count after the rep.
        if self.is_sym(self.i, "x") and self.at(self.i + 1) is not None:
            ct = self.at(self.i + 1)
            if ct is not None and ct.kind == "num" and not ct.unit and ct.form == "int":
                block.reps = self.multiply(block.reps, int(ct.value), self.i + 1)
                block.set_size = len(drafts)
                self.i += 2
                self.i = self.skip_words(self.i, ("sets", "set", "times", "reps"))
                block.bare_single = False
        return self.modifiers(block, depth)

    # -- modifiers --------------------------------------------------------------------------------

    def modifiers(self, block: Block, depth: int, in_paren: bool = False) -> Block:
        """Targets, recoveries, labels and counts written after an item, in any order. In
        brackets after an item (`(1:20 rest)`, `(3k effort)`, `(in 62-64)`) the same words are
        read up to the closing bracket, and anything else there is a remark."""
        skipped_words = 0
        run_word = False
        guard = len(self.toks) + 1
        while self.i < len(self.toks) and guard:
            guard -= 1
            j = self.i
            t = self.toks[j]
            if t.kind == "nl" or (in_paren and t.kind == "sym" and t.unit in ")]}"):
                break
            if (
                self.groups
                and self.words[j] in _GROUP_HEADS
                and self._group_heading(j) is not None
            ):
                break  # `Group A: 8 x 400 in 70. Group B: ...`: the next group's heading
            if t.kind == "word" and t.unit == "except" and self._except_middle(block, j):
                continue  # `with 1 min recovery, except for the middle where we had 2mins`
            if (
                not in_paren
                and self.words[j] == "after"
                and self._sentence_starts(j)
                and self._after_rep_number(j) is not None
            ):
                break  # `... After rep 4, 400 jog.`: one rep's recovery, read by the sequence
            if (
                not in_paren
                and t.kind == "word"
                and t.unit == "or"
                and (self.count_prefix(j + 1) is not None or self._list_follows(j + 1))
            ):
                break  # `6-8 x 400 or 4 x 800`: another choice, passed over by the sequence
            if (
                not in_paren
                and t.kind == "word"
                and t.unit in ("with", "w", "including", "incl")
                and self._work_follows(j + 1)
            ):
                break  # `8 miles w/ 2 miles @ HMP`: more work, read as an item of its own
            if t.kind == "word" and t.unit in _ALTERNATION_WORDS:
                alternating = self._alternating_targets(j)
                if alternating is not None:
                    values, self.i = alternating
                    for k, d in enumerate(block.reps):
                        val, per = values[k % len(values)]
                        self.set_target(d, val, per)
                    block.bare_single = False
                    continue
            lead = (
                (t.kind == "sym" and t.unit == "@")
                # `(<40)`: under 40, the time to beat
                or (t.kind == "sym" and t.unit == "<" and self._target_follows(j + 1))
                or (t.kind == "word" and t.unit in v.TARGET_LEADS and self._target_follows(j + 1))
                or (t.kind == "word" and t.unit == "pace" and self._target_follows(j))
                or (
                    t.kind == "word"
                    and t.unit == "a"
                    and all(d.target is None for d in block.reps)
                    and self._italian_at(j)
                )
            )
            offset = self._offset_end(j + 1) if lead else None
            if offset is not None:
                self.i = offset  # `at 10-15 seconds faster than goal race pace`: no time, no name
                block.paced = True
                continue
            if lead:
                self.i = j + 1
                if not self.target(block, lead=j):
                    if (
                        t.unit == "@"
                        and self.text[t.start : t.end] == "@"  # not `ritmo`, `allure` in prose
                        and self._nothing_follows(j + 1)
                    ):
                        raise self.error(
                            "@ needs a target after it: a time, a pace or a race pace",
                            j,
                            hint="6 x 400 @ 68, @ 3:05/km or @ 5k pace",
                        )
                    self.i = j + 1
                block.bare_single = False
                continue
            offset = (
                self._offset_end(j)
                if t.kind == "sym" or (t.kind == "num" and self.compares)
                else None
            )
            if offset is not None:
                self.i = offset  # `@ 10k pace +10 to 15 sec/mile`: no target of its own
                block.paced = True
                if self.word_in(j - 1, v.PACE_SUFFIX_WORDS):
                    for d in block.reps:
                        d.named = None  # ... nor the name it is offset from
                continue
            if (
                (t.kind == "num" and not t.unit) or (t.kind == "sym" and t.unit in "-:(")
            ) and self._bare_rep_times(block, j):
                continue  # `2X400 82,84`, `3 x 200m - 28.5, 30, 28.5`, `8x400 (72,71,...)`
            if t.kind == "sym" and t.unit == "-" and self._dash_rep_time(block, j):
                continue  # `800m - 2:41`: the rep's time
            pair_at = j + (t.kind == "word" and t.unit in ("with", "w"))  # `with 60s / 3 min`
            if (
                block.set_size < len(block.reps)
                and pair_at < self.n
                and self.toks[pair_at].kind in ("num", "time")
            ):
                split = self._rep_and_set_rests_end(pair_at)
                if split is not None and self._paren_rep_and_set_rests(block, pair_at, split):
                    self.i = split  # `2 x (4 x 400) 90s / 4 min`
                    continue
            if t.kind == "word" and t.unit in ("r", "tp"):
                rest = self.rest_clause(j, weak_lead=False)  # `R 1'`, `TP 3min`: not a pace
                if rest is not None:
                    self.apply_rest(block, rest)
                    self.i = rest.end
                    continue
            named_here = (
                self._named_pace_at(j)
                if t.kind in ("num", "word") and j <= self.last_pace_word
                else None
            )
            if named_here is not None:
                self.set_named(block, named_here[0])
                self.i = named_here[1]
                continue
            if (
                t.kind == "word"
                and t.unit == "repeat"
                and depth == 0
                and not in_paren
                and (self.is_sym(j - 1, ".") or self._sentence_starts(j))
                and self._groups_before(block)
                and self.repeat_count(j, _is_one_rep(block)) is not None
            ):
                break  # `Run 800m, 3 min rest, run 400m. Repeat 4 times`: all of it, again
            if (
                t.kind == "word"
                and t.unit in ("repeat", "repeated", "do", "did", "repeating")
                and self.repeat_count(j, _is_one_rep(block)) is not None
            ):
                n, end = self.repeat_count(j, _is_one_rep(block))  # type: ignore[misc]
                size = len(block.reps)
                block.reps = self.multiply(block.reps, n, j)
                block.set_size = size
                self.i = end
                continue
            if t.kind == "word" and t.unit in ("twice", "thrice") and block.counted:
                # `5 x 1000m twice with 5 min between`: two sets, the recovery between them
                size = len(block.reps)
                block.reps = self.multiply(block.reps, 2 if t.unit == "twice" else 3, j)
                block.set_size = size
                rest = self.rest_clause(j + 1, weak_lead=False)
                if (
                    rest is not None
                    and rest.scope == "reps"
                    and self.word_in(rest.end - 1, ("between", "inbetween"))
                ):
                    rest.scope = "sets"  # ... a bare `between`: between the two
                    self.apply_rest(block, rest)
                    self.i = rest.end
                else:
                    self.i = j + 1
                continue
            if (
                t.kind == "num"
                and not t.unit
                and self.is_sym(j + 1, "x")
                and self._nothing_follows(j + 2)
            ):
                # `1000m tempo pace 6x`: the count written last.
                size = len(block.reps)
                block.reps = self.multiply(block.reps, int(t.value), j)
                block.set_size = size
                block.counted = True
                self.i = j + 2
                continue
            if (t.kind == "time" and t.form in ("clock", "prime")) or (
                t.kind == "num" and (self.is_word(j + 1, "per") or self.is_word(j + 2, "per"))
            ):
                # `(5:30 pace)`, `8:20 to 8:32 pace`, `82 sec per lap`: a pace with no @.
                got = self.target_value(j)
                if got is not None and got[2]:
                    for d in block.reps:
                        if d.target is None and d.pace_km is None:
                            self.set_target(d, got[0], got[2])
                    self.i = got[1]
                    continue
                if got is not None and t.kind == "time" and self._bare_rep_time(block, j, got):
                    continue  # `6x1k 3:10-3:15 2min`: the reps' time with no word before it
            if t.kind == "sym" and t.unit == "x":
                ct = self.at(j + 1)
                q_after = self.quantity(j + 1)
                if (
                    block.counted
                    and q_after is not None
                    and q_after.kind in ("t", "s")
                    and all(d.distance is not None for d in block.reps)
                ):
                    amount = self.rest_length(q_after)[1]
                    self.apply_rest(block, _RestParse(Rest(duration_s=amount), "reps", None, 0))
                    self.i = q_after.end
                    continue
                if in_paren:
                    break  # `(x5 for the endurance group)`: an alternative, not this workout
                if ct is not None and ct.kind == "num" and not ct.unit and ct.form == "int":
                    size = len(block.reps)
                    block.reps = self.multiply(block.reps, int(ct.value), j + 1)
                    block.set_size = size
                    for rp in block.set_rests:
                        self.apply_rest(block, rp)  # `(1200, 800, 400; 4' between sets) x 2`
                    block.set_rests = []
                    self.i = self.skip_words(j + 2, ("sets", "set", "times", "reps"))
                    block.bare_single = False
                    continue
                break
            if t.kind == "sym" and t.unit in "([{":
                if self.paren_modifier(block, j) or self.paren_remark(block, j, depth):
                    continue
                break
            laps = None
            if "lap" in self.words[j + 1 : j + 4]:
                lap_at = j
                while self.is_sym(lap_at, ",:-") and lap_at - j < 2:
                    lap_at += 1  # `as follows:- 1st lap 80 secs, ...`
                laps = self._lap_splits(lap_at)
            if laps is not None:
                total, count, self.i = laps
                for d in block.reps:
                    if d.target is None and d.distance == count * 400:
                        d.target = (total, total)  # the laps' times add up to the rep's
                continue
            if (
                (t.kind == "word" and t.unit in v.CUTDOWN_WORDS)
                or (t.kind == "word" and t.unit == "down" and self._time_at(j + 1))
                or (t.kind == "word" and t.unit in _CUTDOWN_STARTS and self._time_at(j + 1))
                or (
                    t.kind == "word"
                    and t.unit in _CUTDOWN_STARTS
                    and self.word_in(j + 1, ("at", "with"))
                    and self._time_at(j + 2)
                )
            ) and self.cutdown(block, j):
                continue
            if t.kind == "sym" and t.unit == "/" and self.slash_rest(block, j):
                continue
            if t.kind == "word" and t.unit in ("with", "w") and len(block.reps) == 1:
                # `10 Miles with 2 Miles at Tempo`, `16 mi w/ last 4 @ MP`: a part of the run
                # at another pace, not a recovery.
                k = self.skip_words(j + 1, ("the", "last", "first", "final", "middle", "a"))
                q = self.quantity(k)
                if (
                    q is not None
                    and (self.is_sym(q.end, "@") or self.word_in(q.end, ("at", "of", "in")))
                    and self._target_follows(q.end + 1)
                ):
                    self.i = q.end + 1
                    self.target(Block([Draft(distance=1.0)], 1, 0, 0), lead=q.end)  # read, unused
                    continue
            if t.kind == "word" and t.unit == "for" and self._cycles_for(block, j):
                continue  # `30s on / 30s off for 10 minutes`: ten of them
            if t.kind == "word" and t.unit in ("on", "every") and block.counted:
                # `6 x 1000 on 4:00`: a send-off, each rep starting 4:00 after the last. The
                # recovery is whatever the rep leaves of it, so no length is recorded.
                k = self.skip_words(j + 1, ("the",))  # `on the 2:00`
                q = self.quantity(k)
                if (
                    q is not None
                    and _is_send_off(q, t.unit)
                    and self.rest_clause(k, False) is None
                ):
                    self.i = q.end
                    continue
            if (
                t.kind == "sym"
                and t.unit in ":="
                and self.words[j - 1] in v.PACE_SUFFIX_WORDS | {"gp", "mp", "hmp"}
                and self._time_of_named_pace(block)
            ):
                continue  # `Goal pace: 2:40`
            weak = (t.kind == "sym" and t.unit in ",/+&-") or (
                self.words[j] in ("and", "plus", "then")
            )
            if weak and self.words[min(j + 1, self.n - 1)] in _ALTERNATION_WORDS:
                self.i = j + 1  # `12 x 400, odds @ 70, evens @ 75`
                continue
            if (
                weak
                and t.kind == "sym"
                and (
                    self.words[min(j + 1, self.n - 1)] in v.CUTDOWN_WORDS
                    or self.words[min(j + 1, self.n - 1)] in _CUTDOWN_STARTS
                )
                and self.cutdown(block, j + 1)
            ):
                continue  # `4 x 800m, start at 3:00 and finish at 2:42`
            if (
                weak
                and t.kind == "sym"
                and (
                    self.is_sym(j + 1, "@")
                    or (self.word_in(j + 1, v.TARGET_LEADS) and self._target_follows(j + 2))
                )
            ):
                self.i = j + 1  # `(1:20 rest), targeting 2:05 to 2:08`
                continue
            if weak and t.kind == "sym" and self.is_word(j + 1, "a") and self.is_sym(j + 2, "@"):
                self.i = j + 2  # `4 series de 3.000 metros, a ritmo objetivo de maratón`
                continue
            listed = (
                self._rest_list(j)
                if t.unit in _REST_LIST_STARTS
                and not _REST_LIST_NOUNS.isdisjoint(self.words[j : j + 4])
                else None
            )
            if listed is not None and len(listed[0]) in (len(block.reps) - 1, len(block.reps)):
                # `6 x 200m with recoveries of 30, 25, 20, 15 and 10 seconds`: one per rep.
                for d, r in zip(block.reps, listed[0], strict=False):
                    d.rest, d.equal = r, None
                self.i = listed[1]
                continue
            gaps = (
                self._gap_rests(j, len(block.reps) - 1)
                if len(block.reps) > 2 and self.has_rest_words
                else None
            )
            if gaps is not None:
                # `3x600m with 5 mins and 10 mins recovery`, `300m/700m Trabpause`: one for
                # each gap between the reps, in order.
                for d, r in zip(block.reps, gaps[0], strict=False):
                    d.rest, d.equal = r, None
                self.i = gaps[1]
                continue
            rest = self.rest_clause(j, weak_lead=weak)
            if rest is not None:
                rest = self._two_part_rest(rest)
                self.apply_rest(block, rest)
                self.i = rest.end
                block.bare_single = False
                # `30s off for 10 minutes`: the recovery took the `for` (`rest for 90 seconds`)
                for m in range(rest.end - 1, max(rest.end - 4, j), -1):
                    if self.words[m] == "for":
                        self._cycles_for(block, m)
                        break
                continue
            if weak and not in_paren:
                break
            if t.kind == "word":
                if t.unit == "cruise":
                    self.set_named(block, "T")  # cruise intervals are run at T pace
                label = v.LABEL_WORDS.get(t.unit, "")
                if label:
                    for d in block.reps:
                        d.label = d.label or label
                    block.bare_single = False
                    self.i = j + 1
                    continue
                if t.unit in _LETTER_PACES:
                    # `3 x 1 mile T-pace`: a Daniels letter joined to `pace`.
                    self.set_named(block, v.NAMED_PACES[_LETTER_PACES[t.unit]])
                    self.i = self.skip_words(j + 1, v.PACE_SUFFIX_WORDS)
                    continue
                if t.unit in ("mp", "hmp", "gp", "lt", "threshold", "ant", "tp"):
                    self.set_named(block, v.NAMED_PACES[t.unit])
                    self.i = self.skip_words(j + 1, v.PACE_SUFFIX_WORDS)
                    self._time_of_named_pace(block)
                    continue
                if (
                    not in_paren
                    and t.unit in _PORTION_STARTS
                    and self._portion_at(j, len(block.reps)) is not None
                ):
                    break  # `10 x 400. The first 5 at 5K pace`: parts of the reps, read later
                if (
                    not in_paren
                    and (
                        (
                            t.unit in ("splits", "times", "results")
                            and self._results_end(j + 1) is not None
                        )
                        or (t.unit == "split" and self._one_split_end(j + 1) is not None)
                    )
                ):
                    break  # `My splits were 5:41, 5:37`: results, read (and passed over) later
                if not in_paren and (
                    self.segment_word(j) is not None
                    or t.unit in v.JOIN_WORDS
                    or t.unit in v.REST_WORDS
                    or (
                        t.unit in ("total", "totals")
                        and self.quantity(self._total_amount_at(j)) is not None
                    )
                    or (
                        t.unit in _LATE_TARGET_WORDS
                        and (self._sentence_starts(j) or self.is_sym(j - 1, ")"))
                    )
                    # `— start with 8.`: how many, read later for the rep
                    or (t.unit in ("start", "aim") and self._advised_count(j) is not None)
                    or (self._owned_late_word(j) and self._sentence_starts(j))
                ):
                    # ... `Total 7 miles`: the session's sum, read (and passed over) later;
                    # `. Target: 2:40`, `. Goal times: 3:30, 3:25`: read later, for the reps
                    break
                run_word = run_word or t.unit in ("run", "running", "miles", "mileage")
                # Prose inside an item (`on the grass loop`): pass over a few words.
                skipped_words += 1
                if skipped_words > 6 and not in_paren:
                    break
                self.i = j + 1
                continue
            if in_paren:
                self.i = j + 1  # a remark in brackets: pass over it
                continue
            break
        if not in_paren and len(block.reps) == 1 and not block.counted:
            d = block.reps[0]
            easy_label = d.label in (None, "steady", "long run", "progression")
            long_enough = _mid(d.distance or 0) >= 3000 or _mid(d.duration or 0) >= 900
            # `400m run` after a recovery is a rep: too short to be a run of its own.
            a_run = run_word and (_mid(d.distance or 0) >= 1600 or _mid(d.duration or 0) >= 600)
            block.plain_run = (
                easy_label
                and not block.paced
                and (a_run or d.label is not None or long_enough)
                and d.target is None
                and d.named is None
                and d.pace_km is None
                and d.rest is None
            )
        return block

    def _groups_before(self, block: Block) -> bool:
        """Other groups written before this one since the warm-up, none of them in prose, a
        plain run (`The Main Set is 7km long`) or of this group's length (`run the 800m` says
        a rep again): a `Repeat` that starts the next sentence is about them all."""
        lengths = {(d.distance, d.duration) for d in block.reps}
        found = False
        for it in reversed(self.top_items):
            if isinstance(it, SegmentItem):
                break
            if isinstance(it, Block) and it.reps:
                if it.in_prose or it.bare_single or it.plain_run or any(
                    (d.distance, d.duration) in lengths or d.label in ("long run", "steady")
                    for d in it.reps
                ):
                    return False
                found = True
        return found

    def repeat_count(self, j: int, of_one: bool = False) -> tuple[int, int] | None:
        """`repeat 8 times`, `repeat for 3 rounds`, `repeat x2`, `do it all a second time`,
        `do it twice`, and after a single rep (`of_one`) `do 6 of them`: (count, index after)."""
        k = self.skip_words(
            j + 1,
            (
                "it", "all", "this", "the", "whole", "thing", "set", "for", "again",
                "everything", "above", "that", "process", "at", "least", "about", "around",
                "hills", "hill",
            ),
        )
        if self.is_sym(k, "x"):
            k += 1
        if self.is_sym(k, "(") and self.toks[j].unit == "repeat":
            # `Repeat the hills (this week calls for 4 times)`: the count in the bracket
            close = self._bracket_close(k, 10)
            if close is not None and self.is_word(close - 1, "times"):
                n_in = _count_value(self.toks[close - 2])
                if n_in is not None and n_in > 1:
                    return n_in, close + 1
        if self.is_word(k, "a") and self.is_word(k + 1, "total") and self.is_word(k + 2, "of"):
            k += 3  # `repeat for a total of five repetitions`: five in all
        t = self.at(k)
        prev = self.at(j - 1)
        if (
            self.toks[j].unit == "repeat"
            # A command (`and repeat.`), not a noun (`after each repeat.`, `400m repeat`,
            # `800m (2 laps) repeat`).
            and (
                prev is None
                or (prev.kind in ("nl", "sym") and not self.is_sym(j - 1, ")"))
                or self.word_in(j - 1, ("and", "then"))
            )
            and (
                t is None
                or t.kind == "nl"
                or (t.kind == "sym" and t.unit in ".;!")
                or self.is_word(k, "once")
            )
        ):
            # `rest 5 mins and repeat.`, `repeat once`: the work above a second time.
            return 2, k + 1 if self.is_word(k, "once") else k
        if t is None:
            return None
        if self.is_word(k, "twice"):
            return 2, k + 1
        if (
            self.is_word(k, "a")
            and self.word_in(k + 1, ("second", "2nd"))
            and self.is_word(k + 2, "time")
        ):
            return 2, k + 3
        n = _count_value(t)
        if n is None:
            return None
        if self.toks[j].unit in ("do", "did") and self.is_word(k + 1, "of"):
            if of_one and self.word_in(k + 2, ("them", "those", "these")):
                return n, k + 3  # `800s at 5k pace with 2 min jog. Do 6 of them.`
            return None
        if self.toks[j].unit == "do" and of_one and n > 1:
            after = self.at(k + 1)
            if self.word_in(k + 1, ("total", "reps", "repeats")):
                return n, k + 2 + self.is_word(k + 2, "total")  # `Do 6 total.`, `do 6 reps`
            if after is None or after.kind == "nl" or self._sentence_starts(k + 1):
                return n, k + 1  # `800s at 5k pace with 2 min jog. Do 6.`
        if self.toks[j].unit in ("do", "did") and not self.word_in(k + 1, ("times", "more")):
            return None  # `do 8 x 400` is a count of reps; `do 3 times`, `did that 3 times` repeat
        k += 1
        if self.is_word(k, "more"):
            n += 1  # `repeat three more times`: the first time and three more
            k += 1
        k = self.skip_words(
            k, ("times", "time", "rounds", "round", "sets", "set", "x", "reps", "repetitions")
        )
        if self.is_sym(k, "x"):
            k += 1
        if self.is_word(k, "in") and self.word_in(k + 1, ("total", "all")):
            k += 2  # `Do 3 times in total`
        return self._total_in_bracket(n, k)

    def _advised_count(self, j: int) -> tuple[int, int] | None:
        """After a single rep, `start with 8` or `aim for 4 to 6` (a range: its top, as `4-6 x`)
        said on its own: how many of it. `aim for 5` alone is left to the target it may be.
        (count, index after), or None."""
        k = j + 1
        if not self.is_word(k, "with" if self.words[j] == "start" else "for"):
            return None
        k += 1
        n = _count_value(self.toks[k]) if k < self.n else None
        if n is None:
            return None
        end = k + 1
        count = n
        if self.is_sym(end, "-") or self.is_word(end, "to"):
            top = _count_value(self.toks[end + 1]) if end + 1 < self.n else None
            if top is None or top <= n:
                return None
            count, end = top, end + 2
        elif self.words[j] == "aim":
            return None
        if not 2 <= count <= 30:
            return None
        after = self.at(end)
        if self.word_in(end, ("reps", "repeats", "repetitions", "times")):
            return count, end + 1
        if (
            after is None
            or after.kind == "nl"
            or self._sentence_starts(end)
            or (after.kind == "sym" and after.unit in ".;!)")
        ):
            return count, end
        return None

    def _total_in_bracket(self, n: int, k: int) -> tuple[int, int]:
        """`Repeat 3 times (so 4 in total)`, `five times (making a total of six reps)`: the
        total said in the bracket after a repeat's count settles whether the count included
        the first time. (count, index after)"""
        if not self.is_sym(k, "("):
            return n, k
        close = self._bracket_close(k, 12)
        if close is None or not any(
            self.words[m] in ("total", "all") for m in range(k + 1, close)
        ):
            return n, k
        said = [c for m in range(k + 1, close) if (c := _count_value(self.toks[m])) is not None]
        if len(said) == 1 and said[0] in (n, n + 1):
            return said[0], close + 1
        return n, k

    def _one_rep_counted_after(self, items: list[Item]) -> bool:
        """`800 w/ 2 min jog, 6 times`: a count after a single rep is of it. `2 min hard 1 min
        easy x 6`, `2' fast, 1' easy, 6 times`: the easy running after the rep is its recovery,
        and the count is of the pair. Reads the count and says whether there was one."""
        if not items:
            return False
        seg, block = items[-1], items[-2] if len(items) > 1 else None
        j = self.i
        if self.is_sym(j, "x"):
            n, end = (_count_value(self.toks[j + 1]) if j + 1 < self.n else None), j + 2
        else:
            n, end = _count_value(self.toks[j]), j + 2
            if self.is_sym(j + 1, "x"):
                if not self._sentence_ends(end):
                    return False
                # `1000m, 2 min Pause. Das ganze wiederholt man dann 5x.`: the count ends it
            elif not self.is_word(j + 1, "times") or self.word_in(j + 2, _PER_PERIOD_WORDS):
                return False  # `3 times a week`: how often, not a count of reps
            after = self.quantity(end)
            if after is not None and after.kind != "bare":
                return False  # `30 minute fartlek, 10 times 2 minute`: a count of what follows
        if n is None or n < 2:
            return False
        n, end = self._total_in_bracket(n, end)  # `five times (making a total of six reps)`
        if isinstance(seg, Block) and _is_one_rep(seg) and not self.is_sym(j, "x"):
            block = seg  # `800 w/ 2 min jog, 6 times`: the rep, six times
        elif (
            isinstance(seg, SegmentItem)
            and seg.kind == "easy"
            and isinstance(block, Block)
            and _is_one_rep(block)
            and block.reps[0].rest is None
        ):
            block.reps[0].rest = Rest(seg.distance, seg.duration)
            items.pop()
        else:
            return False
        block.reps = self.multiply(block.reps, n, j)
        block.counted = True
        self.i = end
        return True

    def _sentence_ends(self, k: int) -> bool:
        """Nothing more of this sentence at k: the text's end or a full stop. (Not a line's: a
        count ending its line heads the lines below it, `Main Set 5x`.)"""
        t = self.at(k)
        return t is None or (t.kind == "sym" and t.unit in ".!;")

    def _rest_after_rep(self, items: list[Item]) -> bool:
        """At `after`: `After repetition 4, do a full 400 metre recovery`, `after the 4th rep: 3
        min`: the recovery after that one rep of the group above, in place of its own. Reads it
        and says whether there was one."""
        last = next((it for it in reversed(items) if isinstance(it, Block)), None)
        k = self._after_rep_number(self.i)
        if last is None or len(last.reps) < 2 or k is None:
            return False
        idx = int(self.toks[k].value)
        if not 1 <= idx < len(last.reps):
            return False
        k = self.skip_words(k + 1, ("rep", "repetition", "repeat", "one", "interval"))
        k += self.is_sym(k, ",:-")
        k = self.skip_words(k, ("do", "take", "have", "a", "an", "full", "the"))
        rp = self.rest_clause(k, weak_lead=False)
        if rp is not None and rp.rest is not None and _rest_known(rp.rest):
            rest, end = rp.rest, rp.end
        else:
            q = self.quantity(k)
            if q is None or isinstance(q.value, tuple) or not self._rest_word_near(q.end):
                return False
            kind, amount = self.rest_length(q)
            rest = Rest(amount, None) if kind == "d" else Rest(None, amount)
            end = q.end
        d = last.reps[idx - 1]
        d.rest, d.equal = rest, None
        self.i = end
        return True

    def _after_rep_number(self, j: int) -> int | None:
        """At `after` (j): where the number of `after rep 4`, `after the 4th` is, if one is."""
        k = self.skip_words(j + 1, ("the", "rep", "repetition", "repeat", "interval", "no"))
        t = self.at(k)
        if t is None or t.kind != "num" or t.form != "int" or t.unit not in _ORDINAL_OR_NONE:
            return None
        if k == j + 1 and not t.unit:
            return None  # `after 2 of them`: no rep named
        return k

    def _except_middle(self, block: Block, j: int) -> bool:
        """At `except` after a group's recovery: `except for the middle where we had 2mins`, the
        recovery at the middle of an even number of reps. Reads it and says whether there was
        one."""
        reps = block.reps
        k = self.skip_words(j + 1, ("for", "the", "in"))
        if not self.is_word(k, "middle") or len(reps) < 2 or len(reps) % 2:
            return False
        k = self.skip_words(k + 1, _MIDDLE_FILLERS)
        if self.is_sym(k, ",:-"):
            k = self.skip_words(k + 1, _MIDDLE_FILLERS)
        q = self.quantity(k)
        if q is None or isinstance(q.value, tuple):
            return False
        kind, amount = self.rest_length(q)
        middle = reps[len(reps) // 2 - 1]
        middle.rest = Rest(amount, None) if kind == "d" else Rest(None, amount)
        middle.equal = None
        self.i = q.end
        return True

    def _except_length(self, j: int) -> tuple[Amount, int] | None:
        """After a recovery: `except 100s`, `except for the 200s`: (the length, index after)."""
        if not self.is_word(j, "except"):
            return None
        k = self.skip_words(j + 1, ("for", "the", "on"))
        q = self.quantity(k)
        if q is None or not (q.kind in ("s", "d") or (q.kind == "bare" and _mid(q.value) >= 100)):
            return None
        return q.value, q.end

    def _count_ends(self, j: int) -> bool:
        """Whether a sentence, line or the text ends at token j (after `20 efforts`)."""
        t = self.at(j)
        return t is None or t.kind == "nl" or self._sentence_starts(j) or (
            t.kind == "sym" and t.unit in ".;!"
        )

    def _group_heading(self, j: int) -> tuple[str, str, int] | None:
        """A heading naming who or when a workout is for, at the start of a line or sentence
        (`Varsity:`, `JV -`, `Girls:`, `Group A:`, `Fast group:`, `Week 2:`): (kind, name,
        index after). Only the word at j is known to be a heading word."""
        start = j
        if self.words[j] == "group" and self.word_in(j - 1, _GROUP_NAMES):
            start -= 1  # `Slow group:` whose first word a recovery (`slow jog`) looked at
        prev = self.at(start - 1)
        if start > 0 and not (
            prev is not None
            and (prev.kind == "nl" or (prev.kind == "sym" and prev.unit in "/|;"))
        ) and not self._sentence_starts(start):
            return None
        w = self.words[j]
        end = j + 1
        kind = "group"
        if w in ("week", "day", "option"):
            t = self.at(j + 1)
            if t is None or not (
                (t.kind == "num" and not t.unit and t.form == "int")
                or (w == "option" and self.is_word(j + 1) and len(t.unit) <= 3)
            ):
                return None
            kind, end = w, j + 2  # `Week 2:`, `Day 3 -`, `Option B:`
        elif w in _WEEKDAYS:
            kind = "day"
            if self.at(end) is not None and self.toks[end].kind == "nl":
                return kind, self.text[self.toks[j].start : self.toks[j].end], end + 1
        elif start < j:
            end = j + 1  # `Slow group`
        elif w == "group":
            if j + 1 < self.n and (
                (self.is_word(j + 1) and len(self.words[j + 1]) <= 2) or self._could_count(j + 1)
            ):
                end = j + 2  # `Group A`, `Group 2`
            else:
                return None
        elif self.is_word(j + 1, "group"):
            end = j + 2  # `A group`, `Fast group`
        elif w not in _ATHLETE_GROUPS:
            return None
        if not self.is_sym(end, ":-") and not (kind != "group" and self.is_sym(end, ",")):
            return None
        name = self.text[self.toks[start].start : self.toks[end - 1].end]
        return kind, name, end + 1

    def _next_group(self, heading: tuple[str, str, int], started: bool) -> bool:
        """Keeps a group heading's name; whether it starts another group's workout after the
        first group's (`started`: something of it was read), with the rest of the text (the
        other groups') left unread."""
        kind, name, _ = heading
        if not self.groups or (kind == self.group_kind and not started):
            if not started:
                # the first group, named before its workout (`Week 1:` with nothing under it
                # gives way to `Week 2:`)
                self.groups[:] = [name]
                self.group_kind = kind
            return False
        if kind != self.group_kind:
            return False
        self.groups.append(name)
        j = heading[2]
        while j < self.n:  # the names of the groups after it, for the reader to show
            if self.words[j] in _GROUP_HEADS:
                later = self._group_heading(j)
                if later is not None and later[0] == kind:
                    self.groups.append(later[1])
                    j = later[2]
                    continue
            j += 1
        self.i = self.n
        return True

    def _label_end(self, j: int) -> int | None:
        """Where a name for a part of the plan or a date ends: `Set 1:`, `**Block B**`, `Week 3
        -`, `Day 2`, `Option I:`, `11/16`, `21.11.`; None if there is none at j."""
        t = self.toks[j]
        if t.kind == "word" and t.unit in _LABEL_HEADS:
            nxt = self.at(j + 1)
            if nxt is not None and self._sentence_starts(j + 1):
                return None  # `my workout. 2 miles at marathon pace`: a sentence ends between
            if nxt is not None and (
                (nxt.kind == "num" and not nxt.unit and nxt.form == "int")
                or (nxt.kind == "word" and len(nxt.unit) == 1 and nxt.unit not in "x")
                or (nxt.kind == "word" and nxt.unit in ("i", "ii", "iii", "iv", "v"))
            ):
                if self.count_prefix(j + 1) is not None:
                    return None  # `set 3 x 400`? leave it to the count
                return j + 2
        if t.kind == "num" and not t.unit and t.form == "int" and self.is_sym(j + 1, "/"):
            nxt = self.at(j + 2)
            if (
                nxt is not None
                and nxt.kind == "num"
                and not nxt.unit
                and nxt.form == "int"
                and 1 <= t.value <= 31
                and 1 <= nxt.value <= 31
                and not self.word_in(j + 3, DISTANCE_UNITS)
                and nxt.end - t.start >= 3
                and not (t.value < nxt.value <= 8)  # `1/2`, `3/4`: fractions
            ):
                end = j + 3
                if (
                    self.is_sym(end, "/")
                    and self.at(end + 1) is not None
                    and (
                        self.at(end + 1).kind == "num"  # type: ignore[union-attr]
                    )
                ):
                    end += 2  # `11/16/2024`
                return end
        return None

    def _negative_count(self, j: int) -> bool:
        """`-5 x 400`: a minus sign against a count at the start of a line."""
        nxt, prev = self.at(j + 1), self.at(j - 1)
        return (
            (prev is None or prev.kind == "nl")
            and nxt is not None
            and nxt.kind == "num"
            and nxt.start == self.toks[j].end
            and self.count_prefix(j + 1) is not None
        )

    def _nothing_follows(self, j: int) -> bool:
        t = self.at(j)
        return t is None or t.kind == "nl" or (t.kind == "sym" and t.unit in ",;)]}")

    def paren_remark(self, block: Block, j: int, depth: int) -> bool:
        """Brackets after an item that hold no reps of their own: read what they say about the
        item, and pass over the rest."""
        if self.count_prefix(j + 1) is not None:
            return False
        if (
            len(block.reps) == 1
            and not block.counted
            and self.word_in(j + 1, ("including", "incl", "with", "w"))
            and self._work_follows(j + 2)
        ):
            block.holds_work = True  # `6-8 miles (including 6x100 yard strides)`
            return False
        if self.word_in(j + 1, ("with", "w", "plus")) and self.count_prefix(j + 2) is not None:
            return False  # `6 x 800 (with 2 x 200 after)`: more reps
        listed = self.length_list(j + 1)
        if listed is not None and len(listed[0]) > 1:
            return False  # `(400, 200)`: a group of its own
        if self._paren_segments(j, depth):
            return True
        self.i = j + 1
        self.modifiers(block, depth, in_paren=True)
        close = self.i
        opened = 1
        while close < len(self.toks):
            if self.is_sym(close, "([{"):
                opened += 1
            elif self.is_sym(close, ")]}"):
                opened -= 1
                if opened == 0:
                    break
            close += 1
        self.i = close + 1
        return True

    def _paren_segments(self, j: int, depth: int) -> bool:
        """`(1 to 2 miles warm up and cool down either side)` after the reps: the warm-up and
        cool-down in brackets, kept for the sequence to add after the item."""
        first = self.at(j + 1)
        if first is None or not (
            self.segment_word(j + 1) is not None
            or (first.kind == "num" and self.segment_after(self._range_end(j + 1)) is not None)
        ):
            return False
        found: list[SegmentItem] = []
        self.i = j + 1
        while self.i < self.n and not self.is_sym(self.i, ")]}"):
            if self.word_in(self.i, ("and", "either", "side", "each", "both")) or self.is_sym(
                self.i, "/&+,"
            ):
                self.i += 1
                continue
            start = self.i
            item = self.item(depth + 1)
            if not isinstance(item, SegmentItem):
                self.i = j + 1
                return False
            item.start, item.end = start, self.i
            if found:
                self._pair_segments(found[-1], item)
            found.append(item)
        if not found or not self.is_sym(self.i, ")]}"):
            self.i = j + 1
            return False
        self.i += 1
        self.side_segments.extend(found)
        return True

    def slash_rest(self, block: Block, j: int) -> bool:
        """`8 x 400/200`, `6x400/400`: after a count, a length behind a slash is the recovery."""
        if not block.counted or any(d.rest is not None for d in block.reps):
            return False
        if self.toks[j - 1].kind == "num" and self.toks[j - 1].end != block.end:
            return False  # `(Zone 5/6)`: a slash in a remark, not after the rep
        q = self.quantity(j + 1)
        if q is None or self.is_sym(q.end, "x"):
            return False
        kind, amount = self.rest_length(q)
        rest = Rest(distance_m=amount) if kind == "d" else Rest(duration_s=amount)
        end = q.end
        while self.is_word(end) and self.at(end).unit in v.REST_WORDS:  # type: ignore[union-attr]
            rest = Rest(rest.distance_m, rest.duration_s, v.REST_WORDS[self.at(end).unit] or None)  # type: ignore[union-attr]
            end += 1
        self.apply_rest(block, _RestParse(rest, "reps", None, end))
        self.i = end
        return True

    def _portion(self, block: Block) -> bool:
        """`The first 5 at 5K pace and the second 5 at 3K pace`, `2 reps at 10k pace followed by
        2 reps at 5k pace`: a target for some of the reps already read, in order. Reads it and
        says whether there was one."""
        found = self._portion_at(self.i, len(block.reps))
        if found is None:
            return False
        mode, n, named, value, end = found
        if self._portion_block is not block:
            self._portion_block, self._portion_next = block, 0
        reps = block.reps
        start = {"first": 0, "last": len(reps) - n, "final": len(reps) - n}.get(
            mode, self._portion_next
        )
        if mode.startswith("#"):
            start = int(mode[1:]) - 1  # `the 3rd one`
        part = reps[start : start + n]
        if len(part) != n:
            return False
        for d in part:
            d.named = d.target = d.pace_km = None
            if named is not None:
                d.named = named
            elif value is not None:
                self.set_target(d, value[0], value[1])
        self._portion_next = start + n
        self.i = end
        return True

    def _numbered_rep(self, j: int) -> Block | None:
        """`Mile 1-6:40`, `Mile 2: 6:20`, `Km 3 - 4:05` starting a line: that rep by its number,
        and its time (not a range from 1 to 6:40)."""
        prev, n, t = self.at(j - 1), self.at(j + 1), self.at(j + 3)
        if (
            (prev is not None and prev.kind != "nl")
            or n is None
            or n.kind != "num"
            or n.unit
            or n.form != "int"
            or not 1 <= n.value <= 30
            or not self.is_sym(j + 2, ":-")
            or t is None
            or t.kind != "time"
            or t.form != "clock"
        ):
            return None
        d = Draft(distance=DISTANCE_UNITS[self.toks[j].unit])
        self.set_target(d, (t.value, t.value), 0.0)
        self.i = j + 4
        return Block([d], 1, self.toks[j].start, t.end)

    def _rep_split_end(self, j: int, block: Block) -> int | None:
        """`4 x 300m ... with 200m at mile pace, 100m at 800 pace`: each rep run in parts at
        different paces, the parts adding up to the rep. Where they end, or None."""
        k = j + self.word_in(j, ("with", "w"))
        q = self.quantity(k)
        if q is None or q.kind != "d" or not (self.is_sym(q.end, "@") or self.is_word(q.end, "at")):
            return None  # the common case: no length at a pace here
        whole = block.reps[0].distance
        if not isinstance(whole, float) or any(d.distance != whole for d in block.reps):
            return None
        total, parts = 0.0, 0
        while q is not None and q.kind == "d" and isinstance(q.value, float) and parts < 6:
            m = q.end
            if parts and self.word_in(m, _EFFORT_WORDS):
                k = m + 1 + self.word_in(m + 1, ("out", "effort"))  # `, 100m flat out`
            elif self.is_sym(m, "@") or self.is_word(m, "at"):
                lead = self.skip_words(m + 1, ("your", "a", "an"))
                named = self._named_pace_at(lead, need_suffix=False)
                value = self.target_value(lead) if named is None else None
                if named is None and value is None:
                    return None
                k = named[1] if named is not None else value[1]  # type: ignore[index]
            else:
                return None
            total, parts = total + q.value, parts + 1
            if total >= whole - 0.5:
                break
            k += self.is_sym(k, ",+;")
            k += self.word_in(k, ("and", "then"))
            q = self.quantity(k)
        return k if parts >= 2 and abs(total - whole) < 0.5 else None

    def _portion_at(
        self, j: int, size: int
    ) -> tuple[str, int, str | None, tuple[Range, float] | None, int] | None:
        """The part of a group of `size` reps named at j: (which end it counts from, how many,
        the pace's name or (rep time, metres it is per), index after)."""
        j = self.skip_words(j, ("the",))
        mode = self.at(j).unit if self.word_in(j, _PORTION_WORDS) else ""  # type: ignore[union-attr]
        k = j + 1 if mode else j
        t = self.at(k)
        if t is None:
            return None
        n = _count_value(t)
        m = k + 1
        if t.kind == "num" and t.unit in _ORDINAL_SUFFIXES and not mode and 1 <= t.value <= size:
            # `the 3rd one @ 3:10`, `4th rep in 65`: that rep alone
            mode, n = f"#{int(t.value)}", 1
            m = k + 1 + self.is_word(k + 1, "one")
        single = mode in ("last", "final", "first") or mode.startswith("#")
        if n is None and mode and (t.unit == "one" or self.word_in(k, _PORTION_NOUNS)):
            n, m = 1, k + (t.unit == "one")  # `the last one`, `the final rep`
        elif n is None and single and (self.is_sym(k, "@") or self.word_in(k, _PORTION_LEADS)):
            n, m = 1, k  # `except the last @ 65`
        elif n is not None and n >= 100 and single and t.kind == "num":
            q = self.quantity(k)
            if q is not None and q.kind in ("d", "bare"):
                n, m = 1, q.end  # `the last 400 in 65`: the last rep, by its length
        if n is None:
            return None
        if not 1 <= n < size:
            return None
        if not (mode or self.word_in(m, _PORTION_NOUNS)):
            return None
        m = self.skip_words(m, _PORTION_NOUNS)
        m = self.skip_words(m, ("of", "them", "ones", "should", "be", "run", "done", "are", "were"))
        if mode and self.is_word(m, "as") and self.word_in(m + 1, _EFFORT_WORDS):
            m += 1  # `as fast as you can`
        if mode and self.word_in(m, _EFFORT_WORDS) and not self.is_word(m + 1, "pace"):
            # `last one all out`, `the final 2 hard`: an effort with no time; not the rest's
            effort_end = m + 1 + self.word_in(m + 1, ("out", "effort"))
            if self.is_word(effort_end, "as"):
                effort_end = self.skip_words(effort_end, ("as", "you", "can", "possible"))
            return mode, n, None, None, effort_end
        if not (self.is_sym(m, "@") or self.word_in(m, _PORTION_LEADS)):
            return None
        lead = self.skip_words(m + 1, ("your", "a", "an"))
        named = self._named_pace_at(lead, need_suffix=False)
        if named is not None:
            return mode, n, named[0], None, named[1]
        value = self.target_value(lead)
        if value is None:
            return None
        return mode, n, None, (value[0], value[2]), value[1]

    def _results_end(self, j: int) -> int | None:
        """After `splits`, `times`: `were 5:41, 5:37, 5:36. 5:34` or `: 77, 75, 74`, a list of
        times run; where it ends, or None when no such list follows."""
        k = self.skip_words(j, ("were", "was", "are"))
        if self.is_sym(k, ":=-"):
            k += 1
        count = 0
        while count < MAX_REPS:
            t = self.at(k)
            if t is None or t.kind not in ("num", "time") or t.unit not in ("", "s"):
                break
            if t.kind == "num" and (
                self.word_in(k + 1, DURATION_UNITS) or self.word_in(k + 1, DISTANCE_UNITS)
            ):
                break  # `3:38. 2 min rest between`: an amount, the list has ended
            count += 1
            k += 1
            if self.is_sym(k, ",.;/") and self.at(k + 1) is not None and (
                self.at(k + 1).kind in ("num", "time")  # type: ignore[union-attr]
            ):
                k += 1
        return k if count >= 2 else None

    def _time_of_named_pace(self, block: Block) -> bool:
        """After a pace's name, `: 2:40`, `2:40-2:45`, `: 4.00 to 4.29` (not `: 3 min rest`):
        what that pace is for these reps, when they have no time yet. True when read."""
        return self._bare_target_at(block, self.i + self.is_sym(self.i, ":="))

    def _bare_target_at(self, block: Block, k: int) -> bool:
        """A time or plain number at k, neither a recovery nor an offset from a pace, read as
        the target of the block's reps when they have none. True when read (self.i past it)."""
        t = self.at(k)
        if (
            t is None
            or (
                t.kind not in ("time", "num")
                and not (t.kind == "word" and self._worded_amount(k, "t"))  # `eighty seconds`
            )
            # `Pace: 75s`, not `400s`
            or (t.kind == "num" and t.unit and not (t.unit == "s" and t.value < 100))
            or any(d.target is not None for d in block.reps)
            or self._rest_word_near(k + 1)
            or self._offset_end(k) is not None
        ):
            return False
        start = self.i
        self.i = k
        if not self.target(block, lead=start):
            self.i = start
            return False
        return True

    def _work_follows(self, k: int) -> bool:
        """After `with` or `including`: reps (`2 sets of 6x100m`, `6x100 strides`) or a length
        with a pace or a name (`2 miles @ HMP`, `15 min LT interval`), not a recovery."""
        if self.count_prefix(k) is not None:
            return True
        q = self.quantity(k)
        if q is None or q.kind not in ("d", "t"):
            return False
        after = self.at(q.end)
        if after is None or self.words[q.end] in _REST_START_WORDS:
            return False  # `with 400m TP`: a German jog recovery
        return (
            (after.kind == "sym" and after.unit == "@")
            or self.words[q.end] in ("at", "interval", "intervals")
            or bool(v.LABEL_WORDS.get(self.words[q.end]))
            or self.words[q.end] in v.NAMED_PACES
            or self._named_pace_at(q.end, need_suffix=False) is not None
        )

    def _list_follows(self, j: int) -> bool:
        listed = self.length_list(j)
        return listed is not None and len(listed[0]) > 2

    def _late_target(self, items: list[Item]) -> bool:
        """`Target: 2:40`, `Goal pace: 2:40`, `GP: 4.00 to 4.29`, `pace 72` after the reps: the
        time of the last group's reps, when they have none. True when read."""
        k = self.i
        if not self.have_reps:
            return False
        if self.words[k] in _LATE_TARGET_OWNERS:
            # A sentence of its own: `The (designated) pace was eighty seconds.`
            if not self._owned_late_word(k) or not (
                self._sentence_starts(k) or (k > 0 and self.toks[k - 1].kind == "nl")
            ):
                return False
            k = self.skip_words(k + 1, _LATE_TARGET_ADJECTIVES)
        if not self.word_in(k, _LATE_TARGET_WORDS):
            return False
        name = "goal" if self.word_in(k, ("goal", "gp")) else None
        k = self.skip_words(k + 1, _LATE_TARGET_FILLERS)
        if self.is_sym(k, ":-="):
            k += 1
        if self._late_target_list(items, k):
            return True  # `Goal times: 3:30, 3:25, 3:25, 3:20, 3:20`: one for each rep of a group
        last = next((it for it in reversed(items) if isinstance(it, Block) and it.reps), None)
        if last is None or not self._bare_target_at(last, k):
            return False
        if name:
            self.set_named(last, name)
        return True

    def _late_target_list(self, items: list[Item], k: int) -> bool:
        """A list of times after `Goal times:`, one for each rep of a group above that has no
        times yet (the last such group of that many reps). True when read."""
        values: list[tuple[Range, float]] = []
        while len(values) < MAX_REPS:
            got = self.target_value(k, single=True)
            if got is None:
                break
            values.append((got[0], got[2]))
            k = got[1]
            if not (self.is_sym(k, ",/;") and self.at(k + 1) is not None):
                break
            k += 1
        if len(values) < 2:
            return False
        group = next(
            (
                it
                for it in reversed(items)
                if isinstance(it, Block)
                and len(it.reps) == len(values)
                and all(d.target is None for d in it.reps)
            ),
            None,
        )
        if group is None:
            return False
        for d, (val, per) in zip(group.reps, values, strict=True):
            self.set_target(d, val, per)
        self.i = k if not self.is_sym(k, ",/;") else k + 1
        return True

    def _exercise_end(self, j: int) -> int | None:
        """`10x press-ups`, `20 walking lunges`, `ten squats`: a count of an exercise (a word or
        two may come between); where it ends, or None."""
        if v.EXERCISE_WORDS.isdisjoint(self.words[j + 1 : j + 6]):
            return None  # most numbers: no exercise named after them
        t = self.toks[j]
        if t.kind == "word" and t.unit not in v.NUMBER_WORDS:
            return None
        if t.kind == "num" and (t.unit not in ("", "x") or t.form != "int"):
            return None
        k = j + 1 + self.is_sym(j + 1, "x")
        after = self.at(k)
        if after is not None and after.kind == "num" and not after.unit and k > j + 1:
            k += 1  # `3 x 20 squats`
        for m in range(k, min(k + 3, self.n)):
            w = self.words[m]
            if w in v.EXERCISE_WORDS:
                return m + 1
            if not w:
                return None
        return None

    def _targets_by_length(self, items: list[Item]) -> bool:
        """`400s @ 3K`, `400 and 600 @ 5K pace; 800 @ 10K pace`, `the 200s in 32`: after the
        reps, lengths already read, then a target: the target of the reps of those lengths.
        True when read (self.i moved past it)."""
        lengths: list[Amount] = []
        k = self.i
        # A single length is a new rep (`6 x 400 @ 70` then `400 @ 62`) unless it is plural,
        # named (`the 400`), one of several, or follows such a target (`...; 800 @ 10K pace`).
        plural = self.by_length or self.is_word(k - 1, "the")
        while len(lengths) < MAX_RANGE_PARTS:
            q = self.quantity(k)
            if q is None or q.kind not in ("bare", "s", "d") or self.is_sym(q.end, "x"):
                return False
            if q.kind == "d":
                metres = q.value
            else:
                got = self.rep_length(q, strict=False)
                if got is None:
                    return False
                metres = got[1]
            lengths.append(metres)
            plural = plural or q.kind == "s" or len(lengths) > 1
            k = q.end
            if self.is_word(k, "and") or self.is_sym(k, ",/&"):
                k += 1
                continue
            break
        lead = self.at(k)
        if not plural or lead is None or not (
            (lead.kind == "sym" and lead.unit == "@")
            or (lead.kind == "word" and lead.unit in v.TARGET_LEADS and self._target_follows(k + 1))
        ):
            return False
        drafts = [d for it in items if isinstance(it, Block) for d in it.reps]
        if not all(any(d.distance == m for d in drafts) for m in lengths):
            return False
        block = Block([d for d in drafts if d.distance in lengths], 1, 0, 0)
        start = self.i
        self.i = k + 1
        if not self.target(block, lead=k):
            self.i = start
            return False
        self.by_length = True
        return True

    @staticmethod
    def _is_duration(q: Qty) -> bool:
        """A time, or `30s` that can only be seconds."""
        return q.kind == "t" or (q.kind == "s" and _mid(q.value) < 100)

    def _results_after(self, items: list[Item]) -> int | None:
        """A list of bare times on a new line or after a full stop, one for each rep already
        read (`6 x 1000m w 500m rec` then `2:26 / 2:28 / ...`): the splits run, not more reps.
        Where the list ends, or None."""
        prev = self.at(self.i - 1) if self.i else None
        t = self.toks[self.i]
        if not self.have_reps or prev is None or not (
            prev.kind == "nl" or self._sentence_starts(self.i)
        ):
            return None
        if t.unit not in ("", "s") or (t.kind == "num" and t.value < 10):
            return None
        end = self._results_end(self.i)
        if end is None:
            return None
        after = self.at(end)
        if after is not None and after.kind not in ("nl", "word") and not self.is_sym(end, "."):
            return None
        listed = sum(1 for k in range(self.i, end) if self.toks[k].kind in ("num", "time"))
        reps = sum(len(it.reps) for it in items if isinstance(it, Block))
        return end if listed == reps else None

    def _owned_late_word(self, j: int) -> bool:
        """`The pace`, `our designated goal`: an owner at j, then a late target's word."""
        return self.words[j] in _LATE_TARGET_OWNERS and self.word_in(
            self.skip_words(j + 1, _LATE_TARGET_ADJECTIVES), _LATE_TARGET_WORDS
        )

    def _one_split_end(self, j: int) -> int | None:
        """After `split`, once reps are read: `was 74 seconds`, `: 65`, `of 1:10`, one time
        that was run; where it ends, or None."""
        k = self.skip_words(j, ("was", "were", "is", "of", "in", "at"))
        if self.is_sym(k, ":="):
            k += 1
        t = self.at(k)
        if t is None or not (
            (t.kind == "time" and t.form in ("clock", "prime"))
            or (t.kind == "num" and t.unit in _SECOND_UNITS)
        ):
            return None
        q = self.quantity(k)
        if t.kind == "num" and q is not None and q.kind == "d":
            return None  # `split 400m`: a length
        end = k + 1
        if t.kind == "num" and self.word_in(end, ("seconds", "second", "secs", "sec", "s")):
            end += 1
        if self.word_in(end, v.REST_WORDS):
            return None  # `split 2:00 rest`: a recovery
        return end

    def _result_line(self, items: list[Item]) -> int | None:
        """A line of a log after the reps: a rep's number and its time (`3 - 5:55`, `2: 5:55
        min/mile`), or the session's summary (`Distance: 4.1 miles`, `Time: 34m 17s`). What
        was run, not more reps: where the line ends, or None."""
        j = self.i
        prev = self.at(j - 1)
        if prev is None or prev.kind != "nl":
            return None
        t = self.toks[j]
        if t.kind == "word":
            if t.unit not in ("distance", "time", "duration") or not self.is_sym(j + 1, ":"):
                return None
            k = j + 2
        else:
            after = self.at(j + 2)
            if (
                t.unit
                or t.form != "int"
                or not self.is_sym(j + 1, "-:")
                or after is None
                or after.kind != "time"
                or after.form != "clock"
            ):
                return None  # `1 - 3 min`: a rep; only a clock time is what a rep was run in
            reps = sum(len(it.reps) for it in items if isinstance(it, Block))
            for it in items:
                if isinstance(it, RepeatItem):
                    reps *= it.count  # `repeated 8 times`, not applied yet
            if not 1 <= t.value <= reps:
                return None
            k = j + 3
        while k < self.n and self.toks[k].kind != "nl":
            k += 1
        return k

    def _lap_splits(self, j: int) -> tuple[float, int, int] | None:
        """`1st lap 80 secs, 2nd lap 76 secs, ...`, `first lap in 70, second lap 68`: the laps
        of a rep, one by one: (their total, how many, index after)."""
        total, count, k = 0.0, 0, j
        while count < MAX_REPS:
            t = self.at(k)
            ordinal = t is not None and (
                (t.kind == "num" and t.unit in ("st", "nd", "rd", "th"))
                or (t.kind == "word" and t.unit in _ORDINAL_WORDS)
            )
            if not (ordinal and self.is_word(k + 1, "lap")):
                break
            m = k + 2
            if self.word_in(m, ("in", "at")) or self.is_sym(m, "-:@"):
                m += 1
            q = self.quantity(m)
            if q is None or q.kind not in ("t", "bare", "s") or isinstance(q.value, tuple):
                break
            total += q.value
            count += 1
            k = q.end
            if self.is_sym(k, ",") or self.is_word(k, "and"):
                nxt = self.at(k + 1)
                if nxt is not None and (nxt.kind == "num" or nxt.unit in _ORDINAL_WORDS):
                    k += 1
        if count < 2:
            return None
        return round(total, 1), count, k

    def _offset_end(self, j: int) -> int | None:
        """A pace written as an offset from another (`+10 to 15 sec/mile`, `30 seconds per mile
        above 5k pace`, `8 secs a lap slower than`, `30-60 seconds slower`): where it ends."""
        if j >= self.n or (
            self.syms[j] not in "+-"
            and (not self.compares or _OFFSET_OR_COMPARE.isdisjoint(self.words[j + 1 : j + 8]))
        ):
            return None  # neither a sign nor a comparing word: the common case, answered fast
        known = self.offsets
        if j in known:
            return known[j]
        got = known[j] = self._offset_end_at(j)
        return got

    def _offset_end_at(self, j: int) -> int | None:
        k = j
        signed = False
        if self.is_sym(j, "+-"):
            nxt = self.at(j + 1)
            if nxt is None or nxt.kind != "num":
                return None
            k, signed = j + 1, True
        got = self.quantity_range(k)
        if got is None:
            return None
        parts, end = got
        if not any(p.kind in ("t", "s") for p in parts) or any(p.kind == "d" for p in parts):
            return None
        per = False
        if self.is_sym(end, "/") or self.word_in(end, ("per", "a", "each", "every")):
            unit = self.quantity(end + 1)
            if self.word_in(end + 1, _PER_UNIT_WORDS):
                end, per = end + 2, True
            elif unit is not None and unit.kind == "d":
                end, per = unit.end, True
        if self.word_in(end, ("over", "under")) and "pace" in self.words[end + 1 : end + 4]:
            end += 1  # `15-30 seconds over race pace`
            return self.skip_words(end, ("goal", "race", "marathon", "your", "pace"))
        if self.word_in(end, _OFFSET_WORDS):
            end += 2 if self.word_in(end + 1, ("than", "then")) else 1
            named = self._named_pace_at(end)
            if named is not None:
                return named[1]  # the pace it is offset from
            if self.word_in(end, _OFFSET_FROM_NAMES):
                return self.skip_words(end + 1, tuple(v.PACE_SUFFIX_WORDS))  # `... than MP`
            k = self.skip_words(end, ("your", "current", "goal", "race", "target", "the", "my"))
            if k > end and self.word_in(k, v.PACE_SUFFIX_WORDS):
                return self.skip_words(k, v.PACE_SUFFIX_WORDS)  # `... than goal race pace`
            return end
        return end if signed and per else None

    def _time_at(self, j: int) -> bool:
        t = self.at(j)
        if t is not None and t.kind == "word" and t.unit in ("from", "to"):
            t = self.at(j + 1)
        return t is not None and (t.kind == "time" or (t.kind == "num" and t.unit in ("", "s")))

    def _bare_rep_time(self, block: Block, j: int, got: tuple[Range, int, float]) -> bool:
        """A clock time right after counted distance reps, with no word to lead to it and none
        after it that makes it a recovery: the time each rep is run in, if anyone could."""
        (lo, hi), end, _ = got
        after = self.at(end + 1)
        if self.is_sym(end, ",/;") and after is not None and after.kind == "time":
            return self._bare_rep_times(block, j)
        if (
            not block.counted
            or (end < self.n and self.words[end] in _AFTER_AMOUNT_WORDS)
            or (self.is_word(j - 1) and self.words[j - 1] not in DISTANCE_UNITS)
            or self._sentence_starts(j)
            or any(d.target is not None or d.distance is None for d in block.reps)
            or not all(
                1.5 <= _mid(d.distance) / max(lo, 1e-9) <= FASTEST_MPS  # type: ignore[arg-type]
                for d in block.reps
            )
        ):
            return False
        for d in block.reps:
            d.target = (lo, hi)
        self.i = end
        q = self.quantity(end)
        nxt = self.at(q.end) if q is not None else None
        if q is not None and q.kind == "t" and (nxt is None or nxt.kind == "nl"):
            # `6x1k 3:10-3:15 2min`: then, at the end, the time between them.
            self.apply_rest(block, _RestParse(Rest(duration_s=q.value), "reps", None, q.end))
            self.i = q.end
        return True

    def _bare_rep_times(self, block: Block, j: int) -> bool:
        """`6x1k 2:26, 2:28, 2:26, 2:27, 2:26, 2:24`, `2X400 82,84`: one time per rep right
        after them, the time of each; after a dash (`2 x 400m - 61 (15, 15, 16, 15), 64.5`) the
        times a log reports, passed over."""
        results = self.is_sym(j, "-")
        # `4 x mile: 5:45, 5:40`, `8x400 (72,71,70)`: after a colon or in brackets, the same.
        bracket = self.is_sym(j, "(")
        k = j + (results or bracket or self.is_sym(j, ":"))
        times: list[float] = []
        while len(times) <= len(block.reps):
            t = self.at(k)
            if t is None or not (
                (t.kind == "time" and t.form == "clock")
                or (t.kind == "num" and not t.unit and (t.value < 100 or t.form == "dec"))
            ):
                break
            times.append(t.value)
            k += 1
            if self.is_sym(k, "(") and results:
                while k < self.n and not self.is_sym(k, ")") and self.toks[k].kind != "nl":
                    k += 1  # `61 (15, 15, 16, 15)`: the rep's own splits
                k += self.is_sym(k, ")")
            if not (self.is_sym(k, ",/;") and self.at(k + 1) is not None):
                break
            k += 1
        if bracket:
            if not self.is_sym(k, ")"):
                return False
            k += 1
        if (
            not block.counted
            or (self.is_word(j - 1) and self.words[j - 1] not in DISTANCE_UNITS)
            or len(times) != len(block.reps)
            or len(times) < 2
            or any(d.target is not None or d.distance is None for d in block.reps)
            or self._sentence_starts(j)
            or not all(
                1.5 <= _mid(d.distance) / max(sec, 1e-9) <= FASTEST_MPS  # type: ignore[arg-type]
                for d, sec in zip(block.reps, times, strict=True)
            )
        ):
            return False
        if not results:
            for d, sec in zip(block.reps, times, strict=True):
                d.target = (sec, sec)
        self.i = k
        return True

    def _time_of_cycles(self, items: list[Item]) -> list[Item]:
        """`20 minutes of 1 min on, 1 min off`: a time, `of`, then a timed rep and its timed
        recovery: as many of them as fill the time."""
        out: list[Item] = []
        for it in items:
            prev = out[-1] if out else None
            if isinstance(it, Block) and prev is not None:
                total: Amount | None = None
                if isinstance(prev, SegmentItem) and prev.kind == "easy":
                    total = prev.duration
                elif isinstance(prev, Block) and len(prev.reps) == 1 and not prev.counted:
                    d = prev.reps[0]
                    total = None if _described(d) else d.duration
                j = bisect.bisect_left(self.toks, it.start, key=_tok_start)
                if (
                    total is not None
                    and self.is_word(j - 1, "of")
                    and self.word_in(j - 2, _DURATION_WORDS)
                    and self._fill(it, _mid(total))
                ):
                    out[-1] = it
                    continue
            out.append(it)
        return out

    def _fill(self, block: Block, total: float) -> bool:
        """Repeat a timed rep with its timed recovery as many times as fill `total` seconds (or
        all but the last recovery). True when it fits."""
        if block.counted or len(block.reps) != 1:
            return False
        d = block.reps[0]
        if d.duration is None or d.rest is None or d.rest.duration_s is None:
            return False
        if d.rest.distance_m is not None:
            return False
        cycle = _mid(d.duration) + _mid(d.rest.duration_s)
        n = round(total / cycle)
        if n < 2 or not any(
            abs(total - whole) <= 0.05 * total
            for whole in (n * cycle, n * cycle - _mid(d.rest.duration_s))
        ):
            return False
        block.reps = self.multiply(block.reps, n, 0)
        block.counted = True
        return True

    def _cycles_for(self, block: Block, j: int) -> bool:
        """`30s on / 30s off for 10 minutes`, `... for a total 20 minutes`: a timed rep and its
        timed recovery, as many times as fill the time. True when read (self.i past it)."""
        q = self.quantity(self.skip_words(j + 1, ("a", "total", "of")))
        if q is None or q.kind != "t" or not self._fill(block, _mid(q.value)):
            return False
        self.i = q.end
        return True

    def _dash_rep_time(self, block: Block, j: int) -> bool:
        """`800m - 2:41`, `3 x 1 mile - 5:20-5:25`: a clock time after a dash that ends the
        phrase is the time of the reps (in a log, the time they were run in)."""
        t = self.at(j + 1)
        if t is None or t.kind != "time" or t.form not in ("clock", "prime"):
            return False
        length = block.reps[0].distance
        if length is None or any(d.distance != length or d.target is not None for d in block.reps):
            return False
        got = self.target_value(j + 1)
        if got is None or got[2]:
            return False  # `- 5:20/mile`: a pace, read as one
        (low, high), end = got[0], got[1]
        after = self.at(end)
        if (
            after is not None
            and after.kind != "nl"
            and not self.is_sym(end, ",;.(")
            # `800m - 2:35  90 seconds rest`: the recovery's own amount follows
            and not (after.kind in ("num", "time") and self.rest_clause(end, False) is not None)
        ):
            return False  # `400m - 1:00 rest`, `400 - 1:00 - 400`: not the rep's time
        if not 1.5 <= _mid(length) / max(high, 1e-9) <= FASTEST_MPS:
            return False
        for d in block.reps:
            d.target = (low, high)
        self.i = end
        return True

    def _italian_at(self, j: int) -> bool:
        """`10x400 m a 1' 24"`: Italian and Spanish `a` before a time is `at`; in English `a`
        before a time leads to a recovery (`with a 1:30 rest`), unless `a` follows a length and
        the recovery's word has its own (`3x1000 a 3'40" rec. 400m`)."""
        t = self.at(j + 1)
        if t is None or t.kind != "time" or t.form not in ("clock", "prime"):
            return False
        q = self.quantity(j + 1)
        if q is None or self.is_word(j - 1, "with"):
            return False
        after = self.words[q.end] if q.end < self.n else ""
        if after not in _AFTER_AMOUNT_WORDS:
            return True
        return (
            self._num_at(j - 1)
            and after in v.REST_WORDS
            and self.quantity(q.end + 1) is not None
        )

    def _target_follows(self, j: int) -> bool:
        if self.is_sym(j, "~") or self.word_in(j, ("ca", "circa", "etwa")):
            j += 1  # `in ~45"`, `in ca. 3:55`: about
        t = self.at(j)
        if t is None:
            return False
        if t.kind == "word" and t.unit == "pace":
            after = self.at(j + 1)  # `(goal pace 6:42)`, `at pace 6:42`
            return after is not None and after.kind == "time" and after.form in ("clock", "prime")
        if t.kind == "time" and t.form in ("clock", "prime"):
            return True
        if t.kind == "num":
            if t.unit in ("min", "mins", "m") and self.quantity(j) is not None:
                return self.quantity(j).kind == "t"  # type: ignore[union-attr]  # `at 4m 10s`
            return self._named_pace_at(j) is not None or t.unit in _SECOND_UNITS
        if t.kind == "word":
            if t.unit in v.NUMBER_WORDS:
                q = self.quantity(j)
                return q is not None and q.kind == "t"  # `in thirty seconds`
            k = self.skip_words(j, _WHOSE_PACE)
            if k > j:
                return self._target_follows(k)  # `at your 5k pace`, `at current goal pace`
            return t.unit in v.NAMED_PACES or t.unit in ("mile", "half", "marathon", "goal", "race")
        return False

    def _race_key(self, j: int) -> tuple[str, int, bool] | None:
        """A race distance named at j (`5k`, `10K`, `1600m`, `mile`, `half marathon`): (key, index
        after, whether a unit says it is a distance)."""
        t = self.toks[j] if 0 <= j < self.n else None
        if t is None:
            return None
        if t.kind == "num":
            if self.is_sym(j + 1, "/") and self.is_word(j + 3, "marathon") and t.value == 1:
                return "half", j + 4, True  # `1/2 marathon pace`
            unit = t.unit.removesuffix("pace")
            num = f"{t.value:g}"
            if unit in ("k", "km"):
                return f"{num}k", j + 1, True
            if unit in ("mi", "mile"):
                return ("mile" if num == "1" else f"{num}mile"), j + 1, True
            if not unit and self.word_in(j + 1, ("mile", "mi")):
                return ("mile" if num == "1" else f"{num}mile"), j + 2, True
            if not unit and self.word_in(j + 1, ("km", "k", "kilometer", "kilometre")):
                return f"{num}k", j + 2, True  # `10 km pace`
            if not unit and self.word_in(j + 1, ("m", "metres", "meters", "metre", "meter")):
                return num, j + 2, True  # `800 m pace`
            if not unit and self.is_sym(j + 1, "-") and self.word_in(j + 2, ("mile", "mi")):
                return ("mile" if num == "1" else f"{num}mile"), j + 3, True  # `2-mile`
            if unit == "m" and t.value < 100:
                # `1m pace`: no race is a few metres long, so M is miles here.
                return ("mile" if num == "1" else f"{num}mile"), j + 1, True
            if unit in ("m", ""):
                return num, j + 1, unit == "m"
            return None
        if t.kind == "word":
            if t.unit == "half":
                return "half", self.skip_words(j + 1, ("marathon",)), True
            if t.unit in ("mile", "marathon", "halfmarathon"):
                return t.unit.replace("halfmarathon", "half"), j + 1, True
        return None

    def _named_pace_at(self, j: int, need_suffix: bool = True) -> tuple[str | None, int] | None:
        """`5k pace`, `10K effort`, `your mile race pace`, `goal marathon pace`, `3k-5k pace`:
        (name, index after). The name is None for a pace between two races, which has no rep time
        of its own. After `@`, `need_suffix=False` also takes `@ 5k`, `@ 10K`."""
        if need_suffix and j > self.last_pace_word:
            return None  # a name ends in a pace word (`pace`, `effort`) at or after j: none is
        known, key = self.paces, (j, need_suffix)
        if key in known:
            return known[key]
        got = known[key] = self._named_pace_from(j, need_suffix)
        return got

    def _named_pace_from(self, j: int, need_suffix: bool) -> tuple[str | None, int] | None:
        k = self.skip_words(j, ("your", "target", "current", "goal", "predicted", "best", "own"))
        if self.is_word(k, "of") and self.is_word(k - 1, "goal"):
            k += 1  # `ritmo objetivo de maratón`: goal marathon pace
        first = self._race_key(k)
        if first is None:
            return None
        key, k, has_unit = first
        between = False
        if self.is_sym(k, "-/") or self.word_in(k, ("to", "or", "and")):
            second = self._race_key(k + 1)
            if second is not None and (second[2] or has_unit):
                between, k = True, second[1]
        tail = self.skip_words(
            k, ("race", "goal", "target", "equivalent", "rhythm", "estimated", "predicted"))
        suffix = self.word_in(tail, v.PACE_SUFFIX_WORDS) or self.toks[k - 1].unit.endswith("pace")
        if not suffix and (need_suffix or not has_unit):
            return None
        if suffix:
            k = self.skip_words(tail, v.PACE_SUFFIX_WORDS)
            while self.is_sym(k, "/") and self.word_in(k + 1, v.PACE_SUFFIX_WORDS):
                k += 2  # `pace/effort`
        name = None if between else race_name(key)
        if name is None and not between:
            return None
        return name, k

    def _speed_at(self, j: int) -> tuple[float, int] | None:
        """`16 km/h`, `10.5km/hr`, `10 mph`, `16 kph`, `8 miles an hour`, `12 km per hour`: a
        treadmill speed, in metres a second."""
        t = self.at(j)
        if t is None or t.kind != "num" or t.value <= 0:
            return None
        unit, k = t.unit, j + 1
        if not unit and self.is_word(k):
            unit, k = self.toks[k].unit, k + 1
        if unit in _PER_HOUR:
            return t.value * _PER_HOUR[unit] / 3600, k
        if (
            unit in ("km", "k", "mi", "mile", "miles")
            and self.is_sym(k, "/")
            and self.word_in(k + 1, ("h", "hr", "hour"))
        ):
            return t.value * DISTANCE_UNITS[unit] / 3600, k + 2
        if (
            unit in ("km", "k", "mi", "mile", "miles", "kilometres", "kilometers")
            and self.word_in(k, ("an", "a", "per"))
            and self.word_in(k + 1, ("hour", "hr"))
        ):
            return t.value * DISTANCE_UNITS[unit] / 3600, k + 2  # `8 miles an hour`
        return None

    def _named_list(self, j: int, at_sign: bool = False) -> tuple[list[str], int] | None:
        """`@ 10k, 5k, 3k pace`, `@ 5k-3k-mile-800 pace`: one race pace per rep, in order.
        After `@` the word pace may be left out (`@ 10k, 5k, 3k, mile`)."""
        names: list[str] = []
        k = j
        dashes = 0
        while len(names) < 50:
            key = self._race_key(k)
            name = race_name(key[0]) if key is not None else None
            if key is None or name is None:
                break
            names.append(name)
            k = key[1]
            if self.is_sym(k, ",/-") and self._race_key(k + 1) is not None:
                dashes += self.is_sym(k, "-")
                k += 1
            elif self.is_word(k, "and") and self._race_key(k + 1) is not None:
                k += 1
            else:
                break
        if len(names) < 2 or (len(names) == 2 and dashes):
            return None  # one name, or `3k-5k`: a pace between two races
        tail = self.skip_words(k, ("race", "goal", "target"))
        if not self.word_in(tail, v.PACE_SUFFIX_WORDS):
            return (names, k) if at_sign and not dashes else None
        return names, self.skip_words(tail, v.PACE_SUFFIX_WORDS)

    def paren_modifier(self, block: Block, j: int) -> bool:
        """`(60s)`, `(200m jog)`, `(3 min between sets)`: a recovery in brackets; `(3:05)` after a
        distance rep: a target."""
        close = j + 1
        while close < len(self.toks) and not self.is_sym(close, ")]}"):
            if self.is_sym(close, "([{") or close - j > 12:
                return False
            close += 1
        if close >= len(self.toks):
            return False
        if self._paren_targets(block, j + 1, close):
            self.i = close + 1
            return True
        if self._paren_rep_and_set_rests(block, j + 1, close):
            self.i = close + 1
            return True
        inside = self.toks[j + 1 : close]
        if sum(t.kind == "time" for t in inside) >= 2 and all(
            (t.kind == "time" and t.form == "clock") or (t.kind == "sym" and t.unit in ",/;-")
            for t in inside
        ):
            self.i = close + 1  # `(5:20, 3:57)` for six reps: times that don't line up
            return True
        lead = j + 1 + self.is_sym(j + 1, "~")  # `(~5:10)`: about
        lead = self.skip_words(lead, ("about", "approx", "around", "approximately"))
        q = self.quantity(lead)
        t = self.at(lead)
        if (
            q is not None
            and q.end == close
            and t is not None
            and t.kind == "time"
            and t.form == "clock"
            and all(d.distance is not None for d in block.reps)
            and not self._after_paren_rest(j)
        ):
            # `6 x 1000 (3:05)`: a clock time after a distance is the time to run it in.
            target = (float(q.value), float(q.value))  # type: ignore[arg-type]
            for d in block.reps:
                d.target = d.target or target
            self.i = close + 1
            return True
        if (
            q is not None
            and q.end == close
            and q.kind == "d"
            and block.reps
            and all(
                d.distance is not None
                and abs(_mid(d.distance) - _mid(q.value)) <= 0.02 * _mid(q.value)
                # `6 x 400 (400)`: the same number again is a recovery as long as the rep
                and (t is None or d.distance != t.value)
                for d in block.reps
            )
            and not self._after_paren_rest(j)
        ):
            self.i = close + 1  # `1.6 km (4 laps)`, `1 mile (1600m)`: the same length again
            return True
        rest = self.rest_clause(j + 1, weak_lead=False, strong=True)
        if rest is not None and rest.end == close:
            if self._paren_time_before_rest(block, q, close):
                return True
            self.apply_rest(block, rest)
            self.i = close + 1
            self.paren_rest_at = self.toks[j].start
            return True
        return False

    def _after_paren_rest(self, j: int) -> bool:
        """A recovery was in brackets earlier on this line (`800m (2:00 rest), 1200m (3:00)`):
        the brackets after it hold recoveries too."""
        at = self.paren_rest_at
        return at >= 0 and "\n" not in self.text[at : self.toks[j].start]

    def _paren_time_before_rest(self, block: Block, q: Qty | None, close: int) -> bool:
        """`8 x 400 (72) w/ 200 jog`: a lone number of seconds in brackets is a recovery
        (`(60s)`), unless the recovery is written right after it; then it is the rep's time."""
        if q is None or q.end != close or q.kind not in ("bare", "s", "t"):
            return False
        value = q.value if isinstance(q.value, tuple) else (q.value, q.value)
        if not all(
            d.distance is not None and 1.5 <= _mid(d.distance) / max(value[0], 1e-9) <= FASTEST_MPS
            for d in block.reps
        ):
            return False
        after = close + 1
        weak = self.is_sym(after, ",/+-") or self.word_in(after, ("and", "plus"))
        if 1 < block.set_size < len(block.reps):
            return False  # in sets, what follows may be the recovery between them
        following = self.rest_clause(after, weak_lead=weak)
        if following is None or following.scope not in ("reps", "all"):
            return False  # `2 x 4 x 400 (60s), 3 min between sets`: the bracket is the rep's
        for d in block.reps:
            d.target = d.target or (float(value[0]), float(value[1]))
        self.i = close + 1
        return True

    def _rep_and_set_rests_end(self, j: int) -> int | None:
        """`90s / 4 min` standing alone after sets (nothing but a break after it): its end."""
        first = self.quantity(j)
        if first is None or not self.is_sym(first.end, "/"):
            return None
        second = self.quantity(first.end + 1)
        if second is None:
            return None
        after = self.at(second.end)
        if after is not None and after.kind != "nl" and not self.is_sym(second.end, ",;"):
            return None
        return second.end

    def _paren_rep_and_set_rests(self, block: Block, j: int, close: int) -> bool:
        """`2 x 3 x 1k (2' / 5')`: the recovery after each rep, then the one between sets."""
        if block.set_size >= len(block.reps):
            return False
        first = self.quantity(j)
        if first is None or first.kind not in ("t", "s") or not self.is_sym(first.end, "/"):
            return False
        second = self.quantity(first.end + 1)
        if second is None or second.kind not in ("t", "s") or second.end != close:
            return False
        within = Rest(duration_s=self.rest_length(first)[1])
        between = Rest(duration_s=self.rest_length(second)[1])
        self.apply_rest(block, _RestParse(within, "all", None, close))
        self.apply_rest(block, _RestParse(between, "sets", None, close, explicit=True))
        return True

    def _paren_targets(self, block: Block, j: int, close: int) -> bool:
        """`3 x 1 mile (5:20, 5:15, 5:10)`: clock times in brackets after distance reps, one for
        all or one per rep, are the times to run them in."""
        if not all(d.distance is not None for d in block.reps):
            return False
        values: list[Range] = []
        k = j
        clocks = 0
        while k < close:
            t = self.at(k)
            if t is None or not (
                (t.kind == "time" and t.form == "clock")
                or (t.kind == "num" and not t.unit)
                or (t.kind == "sym" and t.unit in "-")
            ):
                return False
            clocks += t.kind == "time"
            got = self.target_value(k)
            if got is None or got[2]:
                return False
            values.append(got[0])
            k = got[1]
            if self.is_sym(k, ",/;"):
                k += 1
            elif k != close:
                return False
        if not clocks and not all(
            1.5 <= _mid(d.distance) / max(val[0], 1e-9) <= FASTEST_MPS  # type: ignore[arg-type]
            for d in block.reps
            for val in values
        ):
            return False  # `(400, 200)`: lengths, not times
        single_range = len(values) == 1 and values[0][0] != values[0][1]
        if not single_range and (len(values) < 2 or len(values) != len(block.reps)):
            return False
        if single_range:
            values = values * len(block.reps)
        for d, val in zip(block.reps, values, strict=True):
            d.target = d.target or val
        return True

    def skip_target_value(self) -> None:
        if self._named_pace_at(self.i) is not None:
            self.i = self._named_pace_at(self.i)[1]  # type: ignore[index]
            return
        q = self.quantity_range(self.i)
        if q is not None:
            self.i = q[1]

    # -- targets ----------------------------------------------------------------------------------

    def _after_articles(self, j: int, lead: int) -> int:
        """Past the articles between a pace word and a race (`à l'allure d'un 5 km`, `a ritmo
        de maratona`: at 5k pace, at marathon pace); only after `@` or such a word."""
        if (
            j >= self.n
            or self.toks[lead].unit != "@"
            or (self.words[j] not in _ARTICLES and self.words[j] not in _WHOSE_PACE)
        ):
            return j
        k = j
        while k < min(j + 6, self.n) and (
            self.words[k] in _ARTICLES or self.words[k] in _WHOSE_PACE or self.syms[k] in "'@"
        ):
            k += 1  # `à l'allure cible de 5 km`: at (the target) 5k pace
        return k

    def set_named(self, block: Block, name: str | None) -> None:
        if name is None:
            return
        for d in block.reps:
            if d.named is None:
                d.named = name

    def target(self, block: Block, lead: int) -> bool:
        j = self.i
        j = self.skip_words(
            j,
            (
                "about", "around", "approx", "approximately", "roughly", "like", "a", "an",
                "between", "ca", "circa", "etwa",  # `in ca. 3:55`: circa
                "pace",  # `goal pace 6:42`
            ),
        )
        if self.is_sym(j, "~"):
            j += 1
        if self.at(j) is not None and self.at(j).kind == "num" and self.is_sym(j + 1, "%"):  # type: ignore[union-attr]
            self.i = j + 2  # `at 95% effort`: a share of a pace, no time
            block.paced = True
            return True
        rating = self.at(j + 2)
        if (
            self.is_sym(j + 1, "/")
            and rating is not None
            and rating.kind == "num"
            and rating.value == 10
            and self.at(j).kind == "num"  # type: ignore[union-attr]
            and self.at(j).value <= 10  # type: ignore[union-attr]
        ):
            self.i = self.skip_words(j + 3, ("rpe", "effort"))  # `@ 7/10 RPE`: an effort, no time
            block.paced = True
            return True
        speed = self._speed_at(j)
        if speed is not None:
            mps, end = speed
            for d in block.reps:
                if d.distance is not None:
                    t_s = round(_mid(d.distance) / mps, 1)
                    d.target = d.target or (t_s, t_s)
                else:
                    d.pace_km = d.pace_km or (1000 / mps, 1000 / mps)
            self.i = end
            return True
        listed = self._named_list(j, at_sign=self.is_sym(lead, "@"))
        if listed is not None:
            names, end = listed
            n = len(block.reps)
            # One name per rep, or per rep of a set; `6 x 1000 @ 10k, 5k pace` names a range.
            if len(names) == n or (block.set_size > 1 and len(names) == block.set_size):
                for idx, d in enumerate(block.reps):
                    if d.named is None:
                        d.named = names[idx % len(names)]
            self.i = end
            return True
        spec = self.at(j + 1)
        if (
            self.toks[lead].unit == "@"
            and self.is_word(j, "as")
            and spec is not None
            and spec.kind == "num"
            and not spec.unit
            and spec.value in _ALLURE_SPECIFIQUE
        ):
            # `à AS10`: French allure spécifique, the pace of a race of that many km
            self.set_named(block, _ALLURE_SPECIFIQUE[spec.value])
            self.i = j + 2
            return True
        named = self._named_pace_at(self._after_articles(j, lead), need_suffix=False)
        if named is not None:
            self.set_named(block, named[0])
            self.i = named[1]
            after = self.at(self.i + 1)
            length = block.reps[0].distance
            if (
                self.is_sym(self.i, ",")
                and after is not None
                and after.kind == "time"
                and length is not None
                and _mid(length) / max(after.value, 1e-9) > FASTEST_MPS
            ):
                # `3.000 metros, a ritmo objetivo de maratón, 4' 15"`: what that pace is per km
                # (no one runs 3 km in 4:15); a time a rep could take may be its recovery
                self._bare_target_at(block, self.i + 1)
            else:
                self._rest_after_name(block)
            return True
        t = self.at(j)
        if t is not None and t.kind == "word" and t.unit not in v.NUMBER_WORDS:
            k = self.skip_words(j, _WHOSE_PACE)
            t = self.at(k) or t
            if t.kind == "word" and t.unit in v.NAMED_PACES:
                name = v.NAMED_PACES[t.unit]
                if (
                    t.unit in ("e", "easy", "r", "rep", "i", "m", "t", "int")
                    and not self.word_in(k + 1, v.PACE_SUFFIX_WORDS)
                    and self.toks[lead].unit != "@"
                ):
                    return False
                self.set_named(block, name)
                self.i = self.skip_words(k + 1, (*v.PACE_SUFFIX_WORDS, "marathon"))
                self._rest_after_name(block)
                return True
            if t.unit in v.CUTDOWN_WORDS:
                return self.cutdown(block, k)
            return False
        if self._target_sequence(block, j):
            return True
        values: list[Range] = []
        paces: list[float] = []
        starts: list[int] = []
        k = j
        while len(values) < MAX_REPS:
            got = self.target_value(k)
            if got is None:
                break
            starts.append(k)
            val, k, pace_unit = got
            values.append(val)
            paces.append(pace_unit)
            if (self.is_word(k, "down") and self.is_word(k + 1, "to")) or self.is_sym(k, ">"):
                # `5:00 down to 4:40`, `72 > 64`: a cut-down.
                k2 = k + (2 if self.is_word(k, "down") else 1)
                last = self.target_value(k2)
                if last is not None:
                    self.spread(block, values[-1][0], last[0][0], pace_unit)
                    self.i = last[1]
                    return True
            if self.is_sym(k, ",") and self.is_word(k + 1, "and") and self._target_continues(k + 2):
                k += 2  # `6:20 pace, 6:10 pace, and 6:00 pace`
                continue
            if (self.is_sym(k, ",/;") or self.word_in(k, ("then", "and"))) and (
                self._target_continues(k + 1)
            ):
                k += 1
                continue
            break
        if not values:
            return False
        if self.word_in(k, ("slower", "faster", "quicker", "off", "behind", "ahead")):
            # `1-2 seconds per lap slower than mile pace`: an offset from a pace, not a time.
            self.i = self.skip_words(
                k, ("slower", "faster", "quicker", "off", "behind", "ahead", "than", "of")
            )
            return True
        if self.is_sym(k, "-") and self._nothing_follows(k + 1):
            raise self.error("this range has no upper end", k - 1, k + 1, hint="8 x 200 @ 30-31")
        self.i = k
        if self._time_then_rest(block, values, paces, starts):
            return True  # `6 x 1k @ 3:20, 2:00`: the time, then the recovery
        self.assign_targets(block, values, paces, j)
        return True

    def _target_sequence(self, block: Block, j: int) -> bool:
        """`1000–2000–3000–2000–1000 m in 3:55–8:20–12:45–8:20–3:55`: clock times joined by
        dashes, as many as the reps (three or more), one for each in turn. True when read."""
        t = self.at(j)
        if t is None or t.kind != "time" or t.form != "clock" or not self.is_sym(j + 1, "-"):
            return False  # the common case, answered by one look
        got = self.quantity_range(j)
        if got is None:
            return False
        parts, end = got
        n = len(block.reps)
        if len(parts) < 3 or len(parts) != n or any(
            self.toks[p.start].kind != "time" or p.end != p.start + 1 for p in parts
        ):
            return False
        for d, p in zip(block.reps, parts, strict=True):
            value = float(_mid(p.value))
            d.target = d.target or (value, value)
        self.i = end
        return True

    def _target_continues(self, j: int) -> bool:
        """After `@ 4:40,` does another target follow, or the next item (`, 2 min jog`,
        `, 4 x 200`, `, 800 @ 2:20`)?"""
        t = self.at(j)
        if t is None or not (t.kind == "time" or (t.kind == "num" and t.unit in ("", "s"))):
            return False
        if t.kind == "time" and t.form not in ("clock", "prime"):
            return False
        if self.count_prefix(j) is not None:
            return False  # `@ 1:45 to 1:50; 6 sets of 200`
        got = self.quantity_range(j)
        if got is None:
            return False
        parts, nxt = got
        if any(p.kind == "d" for p in parts) or parts[-1].end > parts[-1].start + 1:
            return False  # `2 min`, `200 m`, `90-120 s`: a length, not a rep time
        if self.is_sym(nxt, "x@") or self.word_in(nxt, v.TARGET_LEADS):
            return False
        if self.is_word(nxt) and (
            self.at(nxt).unit in v.REST_WORDS  # type: ignore[union-attr]
            or self.segment_word(nxt) is not None
            or self._scope_words(nxt) is not None
        ):
            return False
        # A round bare number of 200 or more is a distance: the next rep.
        return not (t.kind == "num" and not t.unit and t.value >= 200 and t.value % 50 == 0)

    def _alternating_targets(self, j: int) -> tuple[list[tuple[Range, float]], int] | None:
        """`alternating 70 and 75`, `alternate 70/75`, `odd @ 70, even @ 75`: a target for
        every other rep, first for the odd ones. The targets and the index after them."""
        if self.word_in(j, ("alternating", "alternate")):
            k = self.skip_words(j + 1, ("between", "at", "in"))
            first = self.target_value(k, single=True)
            if first is None:
                return None
            k = first[1]
            if not (self.is_sym(k, "/,&") or self.is_word(k, "and")):
                return None
            second = self.target_value(self.skip_words(k + 1, ("at", "in")), single=True)
            if second is None:
                return None
            return [(first[0], first[2]), (second[0], second[2])], second[1]
        # `odd @ 70, even @ 75` (either first)
        found: dict[str, tuple[Range, float]] = {}
        k = j
        for _ in range(2):
            word = self.words[k] if 0 <= k < self.n else ""
            side = "odd" if word in ("odd", "odds") else "even" if word in ("even", "evens") else ""
            if not side or side in found:
                return None
            k += 1
            if self.is_sym(k, "@") or self.word_in(k, ("at", "in")):
                k += 1
            got = self.target_value(k, single=True)
            if got is None:
                return None
            found[side] = (got[0], got[2])
            k = got[1]
            if len(found) == 1:
                if not (self.is_sym(k, ",/;&") or self.is_word(k, "and")):
                    return None
                k += 1
        return [found["odd"], found["even"]], k

    def target_value(self, j: int, single: bool = False) -> tuple[Range, int, float] | None:
        """A rep time or a pace: `68`, `52-54`, `2:26-2:28`, `3:05/km`, `5:00 mile pace`.
        Returns ((low, high), index after, metres the time is per; 0 for a rep time)."""
        got = self.quantity_range(j)
        if got is None:
            return None
        parts, end = got
        if len(parts) == 1 and not single and self.is_word(end, "or"):
            other = self.quantity(end + 1)  # `in 75 or 80 s`: either, a range
            if (
                other is not None
                and other.kind != "d"
                and not isinstance(other.value, tuple)
                and not self.is_sym(other.end, "x")  # `in 72 or 6 x 600`: another workout
                and not self.word_in(other.end, ("x", "times", "sets", "reps"))
            ):
                parts, end = [parts[0], other], other.end
        parts = self.unify(parts)
        if len(parts) > 2 or single:
            parts = parts[:1]
            end = parts[0].end
        secs: list[float] = []
        for p in parts:
            if p.kind == "d":
                return None
            tk = self.at(p.start)
            if tk is not None and tk.kind == "time" and tk.form == "ratio":
                return None
            secs.append(_mid(p.value))
        for sec in secs:
            if sec <= 0:
                raise self.error("a target time must be above zero", j, end, hint="6 x 400 @ 68")
        if len(parts) == 2 and _loose_bare_minutes(self.toks, parts[0], parts[1]):
            return None  # `Mile repeats - aim for 4 to 6`: how many, not 4:00-6:00
        per = 0.0
        k = end
        if self.is_sym(k, "/") or self.is_word(k, "per"):
            unit_tok = self.at(k + 1)
            if unit_tok is not None:
                if unit_tok.kind == "word" and unit_tok.unit in (
                    "km",
                    "k",
                    "kilometer",
                    "kilometre",
                    "mi",
                    "mile",
                    "lap",
                ):
                    per = DISTANCE_UNITS.get(unit_tok.unit, 1000.0)
                    k += 2
                elif unit_tok.kind == "num" and (
                    (unit_tok.value in (200, 400, 1000) and unit_tok.unit in ("", "m"))
                    or (unit_tok.value == 1 and unit_tok.unit in ("k", "km", "mi"))
                ):
                    per = unit_tok.value * DISTANCE_UNITS.get(unit_tok.unit or "m", 1.0)
                    k += 2
        elif (
            self.word_in(k, ("mile", "mi", "km", "k", "kilometer"))
            and self.word_in(k + 1, v.PACE_SUFFIX_WORDS)
        ):
            per = DISTANCE_UNITS[self.at(k).unit]  # type: ignore[union-attr]
            k += 1
        elif (
            self.word_in(k, ("km", "mi", "mile"))
            and self.is_sym(k + 1, "/")
            and self.word_in(k + 2, _MINUTE_WORDS)
        ):
            per = DISTANCE_UNITS[self.words[k]]  # `4:50 km/min`: min/km the wrong way round
            k += 3
        if self.word_in(k, v.PACE_SUFFIX_WORDS):
            if per == 0.0 and secs[0] >= 150:
                per = MILE_M  # `@ 5:00 pace`: mile pace, as it is said in the US
            k += 1
        lo, hi = min(secs), max(secs)
        return (lo, hi), k, per

    def _rest_after_name(self, block: Block) -> None:
        """`6x400 @ 5k pace 90s`, `6 x 1k @ 10k pace, 2:00`: a time alone after a pace's name,
        ending the phrase, is the recovery after each rep."""
        k = self.i + self.is_sym(self.i, ",")
        q = self.quantity(k)
        if q is None or q.kind not in ("t", "s") or any(d.rest is not None for d in block.reps):
            return
        if self.toks[k].kind == "num" and not self.toks[k].unit and not self.word_in(
            k + 1, _DURATION_WORDS
        ):
            return  # a bare number is no time here
        end = q.end
        after = self.at(end)
        if after is not None and after.kind != "nl" and not self.is_sym(end, ",;."):
            return  # `@ 5k pace 90s jog`, `... 2:00 rest`: the recovery's own words read it
        kind, amount = self.rest_length(q)
        if kind != "t" or not 0 < _mid(amount) <= 600:
            return
        for d in block.reps:
            d.rest = Rest(None, amount)
        self.i = end

    def _time_then_rest(
        self, block: Block, values: list[Range], paces: list[float], starts: list[int]
    ) -> bool:
        """`6 x 1k @ 3:20, 2:00`, `6 x 400 @ 70, 1:00`: two times after `@` for more than two
        reps, the second a clock time written another way than the first or well short of it,
        are the reps' time and the recovery after each (a time per rep in turn would differ by a
        few seconds, and alternating times are said so). True when read."""
        if (
            len(values) != 2
            or len(block.reps) <= 2
            or any(paces)
            or values[1][0] != values[1][1]
            or self.toks[starts[1]].kind != "time"
            or self.toks[starts[1]].form not in ("clock", "prime")
            # written another way (`70, 1:00`) or well short of the first (`3:20, 2:00`)
            or not (
                self.toks[starts[0]].kind != "time" or values[1][0] < 0.85 * values[0][0]
            )
            or any(d.rest is not None for d in block.reps)
        ):
            return False
        for d in block.reps:
            self.set_target(d, values[0], 0.0)
            d.rest = Rest(None, values[1][0])
        return True

    def assign_targets(self, block: Block, values: list[Range], paces: list[float], j: int) -> None:
        reps = block.reps
        n = len(reps)
        if len(values) == 1:
            chosen = [values[0]] * n
            pers = [paces[0]] * n
        elif len(values) == n:
            chosen, pers = values, paces
        elif n % len(values) == 0:
            chosen = [values[i % len(values)] for i in range(n)]
            pers = [paces[i % len(values)] for i in range(n)]
        else:
            # `20 laps alternating at 1:20 and 1:40`: the times don't line up with the reps as
            # written; the reps stand without them (the canonical form shows what was read).
            return
        for d, val, per in zip(reps, chosen, pers, strict=True):
            self.set_target(d, val, per)

    def set_target(self, d: Draft, val: Range, per: float) -> None:
        if (
            not per
            and d.distance is not None
            and _mid(d.distance) / max(val[0], 1e-9) > FASTEST_MPS
        ):
            dist = _mid(d.distance)
            if val[0] >= 150 and dist > MILE_M * 1.5:
                # `4 miles @ 6:30`, `10 km @ 4:00`: too fast for the whole run, so a pace per
                # mile or per km, by the unit the run is measured in.
                per = MILE_M if abs(dist / MILE_M - round(dist / MILE_M)) < 0.01 else 1000.0
            else:
                # No one runs 800 m in 4 seconds: `4.00`, `3.30` are minutes and seconds.
                val = (_dotted_minutes(val[0]), _dotted_minutes(val[1]))
                if dist / max(val[0], 1e-9) > FASTEST_MPS:
                    return  # still impossible: not a time for this rep
        if (
            per == MILE_M
            and d.distance is not None
            and per / max(val[0], 1e-9) > PLAUSIBLE_MILE_MPS
            and 1.5 <= _mid(d.distance) / max(val[0], 1e-9) <= PLAUSIBLE_MILE_MPS
        ):
            per = 0.0  # `4 x 800 at a 3:09 pace`: no sub-3:50 mile; the rep's own time
        if per:
            if d.distance is not None:
                k = _mid(d.distance) / per
                d.target = (round(val[0] * k, 1), round(val[1] * k, 1))
            else:
                k = 1000.0 / per
                d.pace_km = (val[0] * k, val[1] * k)
        elif d.distance is not None and _mid(d.distance) / max(val[1], 1e-9) < SLOWEST_MPS:
            return  # `10 x 300m, about 25` (runners): 25 minutes for 300 m is no rep's time
        else:
            d.target = val

    def cutdown(self, block: Block, j: int) -> bool:
        """`cutting down 5:00 to 4:40`, `descending from 72 to 64`: spread evenly over the reps;
        `cutting 2s per rep from 80`: a step from a start. `descend 1-10`: over reps 1 to 10,
        with no times."""
        k = self.skip_words(j + 1, ("reps", "rep"))
        lo, hi = self.at(k), self.at(k + 2)
        if (
            lo is not None
            and hi is not None
            and lo.kind == "num"
            and lo.form == "int"
            and not lo.unit
            and lo.value == 1
            and (self.is_sym(k + 1, "-") or self.word_in(k + 1, ("to", "through", "thru")))
            and hi.kind == "num"
            and hi.form == "int"
            and not hi.unit
            and hi.value == len(block.reps)
        ):
            self.i = k + 3
            return True
        step = self.quantity(j + 1)
        if step is not None and step.kind in ("s", "t") and self.word_in(step.end, ("per", "each")):
            k = self.skip_words(
                step.end, ("per", "each", "rep", "a", "lap", "from", "starting", "at")
            )
            start = self.target_value(k, single=True)
            if start is not None:
                (a, _), end, per = start
                drop = float(_mid(step.value))
                for idx, d in enumerate(block.reps):
                    val = round(a - drop * idx, 1)
                    self.set_target(d, (val, val), per)
                self.i = end
                return True
        k = self.skip_words(
            j + 1, ("down", "from", "each", "rep", "by", "starting", "at", "with")
        )
        first = self.target_value(k, single=True)
        if first is None:
            return False
        (a, _), k, per = first
        # `starting at 3:00 and working down to 2:45`, `start at 3:30 and finish at 3:10`
        if self.is_sym(k, ",") and self.word_in(k + 1, _CUTDOWN_FILLERS):
            k += 1  # `starting at 3:00, cutting down to 2:42`
        k = self.skip_words(k, _CUTDOWN_FILLERS) if self.word_in(k, _CUTDOWN_FILLERS) else k
        if not (
            self.word_in(k, ("to", "down"))
            or self.is_sym(k, "->")
            or (self.is_word(k, "at") and self.word_in(k - 1, _CUTDOWN_ENDS))
        ):
            return False
        k = self.skip_words(k, ("down", "to", "at"))
        if self.is_sym(k, "->"):
            k += 1
        second = self.target_value(k, single=True)
        if second is None:
            return False
        (b, _), k, per2 = second
        self.spread(block, a, b, per or per2)
        self.i = k
        return True

    def spread(self, block: Block, a: float, b: float, per: float) -> None:
        n = len(block.reps)
        for idx, d in enumerate(block.reps):
            val = a if n == 1 else a + (b - a) * idx / (n - 1)
            self.set_target(d, (round(val, 1), round(val, 1)), per)

    # -- recoveries -------------------------------------------------------------------------------

    def rest_clause(self, j: int, weak_lead: bool, strong: bool = False) -> _RestParse | None:
        """A recovery: `w/ 90s`, `with 200m jog`, `+90sec rest`, `90s jog between`, `rest 3 min`,
        `recovery jog for 90 seconds`, `500m in 3:00`, `walk back`, `equal time jog`, `4:00
        between sets`, `90sec-2min rest b/w everything`. `weak_lead` means j is a joining symbol
        (`,` `+` `/`) that leads into a recovery only when words say so. None when it is not."""
        # The first token rules most places out; those are answered here, before the memo.
        k = j + 1 if weak_lead else j
        if not 0 <= k < self.n:
            return None
        first = self.toks[k]
        if first.kind == "word" and first.unit in v.NUMBER_WORDS and self._worded_amount(k):
            if not strong and not self._rest_word_after_amount(k):
                return None  # as for digits: `seventy five seconds recovery`
        elif first.kind == "word":
            if first.unit not in _REST_START_WORDS and first.unit != "lap":
                return None
            if first.unit in _PLAIN_FILLERS and not strong and not self._rest_word_within(k + 1, 2):
                return None  # `the`, `to`, `of` lead into a recovery only with its word (`of rest`)
        elif first.kind == "sym":
            if first.unit not in "+-":
                return None
        elif first.kind == "nl" or (not strong and not self._rest_word_after_amount(k)):
            return None  # an amount is a recovery only with a word that says so after it
        known, key = self.rests, (j, weak_lead, strong)
        if key in known:
            return known[key]
        got = known[key] = self._rest_clause(j, weak_lead, strong)
        return got

    def _rest_clause(self, j: int, weak_lead: bool, strong: bool) -> _RestParse | None:
        k = j + 1 if weak_lead else j
        first = self.toks[k] if 0 <= k < self.n else None
        if first is None or first.kind == "nl":
            return None
        if first.kind == "word" and first.unit == "lap" and self._rest_word_within(k + 1, 1):
            end = self.skip_words(k + 1, tuple(v.REST_WORDS))  # `(lap jog recovery)`
            return _RestParse(Rest(distance_m=400.0, kind="jog"), "reps", None, end)
        if (
            first.kind == "word"
            and first.unit not in _REST_START_WORDS
            and not (first.unit in v.NUMBER_WORDS and self._worded_amount(k))
        ):
            return None
        if first.kind == "sym" and first.unit not in "+-":
            return None
        if first.kind in ("num", "time") and self._offset_end(k) is not None:
            return None  # `30-60 seconds slower than 5k pace`: a pace, not a recovery
        if first.kind == "num" and self.has_exercises and self._exercise_end(k) is not None:
            return None  # `20 walking lunges`
        signal = strong
        if 0 <= k < self.n and self.words[k] in ("with", "w"):
            if self._work_follows(k + 1):
                return None  # `8 miles w/ 2 miles @ HMP`: work, not a recovery
            k += 1
            signal = True
        elif 0 <= k < self.n and (self.syms[k] == "+" or self.words[k] in ("plus", "followed")):
            k = self.skip_words(k + 1, ("by",))
        kind: str | None = None
        equal: str | None = None
        scope = "reps"
        scope_seen = False
        worded = False  # a recovery word was written: `full recovery` has no length but is one
        only: Amount | None = None
        distance: Amount | None = None
        duration: Amount | None = None
        # Qualifier first: `between sets 3 min`, `b/w reps: 90s`.
        found = self._scope_words(k)
        if found is not None:
            scope, k = found
            scope_seen = True
            if self.is_sym(k, ":-,"):
                k += 1  # `between each set, 3 minute rest`
        # `r= 60"`, `R15''`, `R 1'`: recovery; `RR30''`: recovery between sets; `TP 3min`:
        # German Trabpause.
        if 0 <= k < self.n and self.words[k] in ("r", "rr", "ri", "rec", "tp") and (
            self.is_sym(k + 1, "=:")
            or (
                self.quantity(k + 1) is not None
                and (
                    self.toks[k + 1].start == self.toks[k].end  # `R15''`, not `R 8 x 200`
                    or (
                        k > 0
                        and self.toks[k - 1].kind != "nl"  # a pace letter heads its line
                        and self._is_duration(self.quantity(k + 1))  # type: ignore[arg-type]
                        and not self.is_sym(self.quantity(k + 1).end, "x")  # type: ignore[union-attr]
                    )
                )
            )
        ):
            if self.toks[k].unit == "rr":
                scope, scope_seen = "sets", True
            signal = worded = True
            k += 2 if self.is_sym(k + 1, "=:") else 1
        # Recovery words first: `rest 90s`, `jog 200`, `rec. 2 min`, `recovery jog for 90 s`.
        for _ in range(6):
            tw = self.toks[k] if 0 <= k < self.n else None
            if tw is None or tw.kind != "word":
                break
            if tw.unit in v.REST_WORDS:
                kind = kind or v.REST_WORDS[tw.unit] or None
                signal = worded = True
            elif tw.unit in _EQUAL_WORDS and (
                self.is_word(k + 1 + self.is_sym(k + 1, "-."))
                and self.at(k + 1 + self.is_sym(k + 1, "-.")).unit in v.REST_WORDS  # type: ignore[union-attr]
            ):
                equal = "time"  # `w/ equal rec`, `(Eq. jog rest)`: as long as the rep took
                signal = True
                k += self.is_sym(k + 1, "-.")
            elif tw.unit == "half" and (
                self.word_in(k + 1, ("distance", "time"))
                or (self.is_word(k + 1, "the") and self.word_in(k + 2, ("distance", "time")))
            ):
                k += self.is_word(k + 1, "the")
                equal = "half-" + self.at(k + 1).unit  # type: ignore[union-attr]
                signal = True  # `jog half the distance`, `half distance jog`
                k += 1
            elif tw.unit in ("equalduration", "equaltime", "equaldistance", "sametime"):
                equal = "distance" if tw.unit.endswith("distance") else "time"  # `equal-duration`
                signal = True
            elif (
                tw.unit in _EQUAL_WORDS
                and self.word_in(k + 1 + self.is_sym(k + 1, "-"), _LENGTH_NOUNS)
            ):
                k += 1 + self.is_sym(k + 1, "-")  # `equal-duration active recoveries`
                equal = "distance" if self.at(k).unit in ("distance", "length") else "time"  # type: ignore[union-attr]
                if self.is_word(k, "length") and self.is_word(k + 1, "of") and self.is_word(
                    k + 2, "time"
                ):
                    equal, k = "time", k + 2  # `the same length of time as you took`
                signal = True
            elif not (
                tw.unit in _REST_FILLERS
                and (signal or scope_seen or self._rest_word_within(k + 1, 2))
            ):
                break  # `between each set take a 4 minute recovery`: a scope vouches for fillers
            k += 1
        if self.is_sym(k, ":="):
            k += 1
        t = self.toks[k] if 0 <= k < self.n else None
        if t is not None and t.kind == "time" and t.form == "ratio":
            if abs(t.value - 1.0) < 1e-9:  # `1:1 rest`: as long as the rep
                equal = "time"
                signal = True
            k += 1
        if equal is None:
            if (
                self.is_sym(k, "-")
                and signal
                and self.at(k + 1) is not None
                and (
                    self.at(k + 1).kind in ("num", "time")  # type: ignore[union-attr]
                )
            ):
                if self.toks[k + 1].start > self.toks[k].end:
                    k += 1  # `Recovery — 100m float`: a dash between a heading and its amount
                else:
                    raise self.error(
                        "a recovery can't be negative", k, k + 2, hint="6 x 400 w/ 90s"
                    )
            if (
                0 <= k < self.n
                and self.words[k] in ("a", "an")
                and self.is_word(k + 1)
                and self.quantity(k + 1)
            ):
                k += 1  # `with a one-min recovery`
            speed = self._speed_at(k + self.word_in(k, ("at", "of"))) if worded else None
            if speed is not None:
                # `recovery of 8.5km/h for two minutes`: the recovery's pace, then its length
                k = speed[1] + self.is_word(speed[1], "for")
            got = self.quantity_range(k)
            if (
                got is not None
                and all(p.kind == "bare" for p in got[0])
                and self.word_in(got[1], _PORTION_NOUNS)
            ):
                return None  # `with 2 reps at 10k pace`: a count of reps, not a recovery
            if got is not None and len(got[0]) <= 2:
                parts = self.unify(got[0])
                lens = [self.rest_length(p) for p in parts]
                if len({kk for kk, _ in lens}) == 1:
                    vals = [_mid(val) for _, val in lens]
                    amt: Amount = vals[0] if len(vals) == 1 else (min(vals), max(vals))
                    if _mid(amt) <= 0 and signal:
                        raise self.error(
                            "a recovery must be longer than zero", k, got[1], hint="6 x 400 w/ 90s"
                        )
                    if lens[0][0] == "d":
                        distance = amt
                    else:
                        duration = amt
                    k = got[1]
        has_amount = distance is not None or duration is not None
        seg_after = self.segment_after(k) if has_amount and kind is None else None
        if seg_after is not None and seg_after[0] != "easy":
            return None  # `with 8 minute cool down`: a segment, not a recovery
        # Words after: `jog`, `rest`, `between`, `b/w sets`, `in 3:00`, `back down`, `after 200m`.
        for _ in range(10):
            tw = self.toks[k] if 0 <= k < self.n else None
            if tw is None:
                break
            if tw.kind == "word" and tw.unit in v.REST_WORDS:
                if tw.unit in ("recovery", "recover") and self.word_in(k + 1, ("run", "runs")):
                    return None  # `45 min recovery run`: an easy run, not a recovery
                kind = kind or v.REST_WORDS[tw.unit] or None
                signal = worded = True
                k += 1
                continue
            if tw.kind == "sym" and tw.unit == "/" and worded and self._rest_word_within(k + 1, 1):
                k += 1  # `walk/jog recovery`
                continue
            if tw.kind == "sym" and tw.unit == "'" and worded and self.words[k - 1]:
                k += 1  # `récup’ 100 m`: the French short form's apostrophe
                continue
            # tw is the token at k: k is within the text.
            if (
                self.words[k] in ("either", "each", "both")
                and self.word_in(k + 1, ("side", "sides", "end", "ends"))
            ):
                scope, k = "around", k + 2  # `5 min jog either side`: warm-up and cool-down
                scope_seen = True
                continue
            found = self._scope_words(k + 1 if self.words[k] == "in" else k)
            if found is not None:
                scope, k = found
                scope_seen = True
                continue
            if not has_amount and worded and equal is None:
                # `Recovery between intervals was a half mile`: the amount after the words.
                # `... von je 3 Minuten` (of each): the words before the amount
                late = self._late_rest_amount(self.skip_words(k, ("a", "an", "of", "each")))
                if late is not None:
                    distance, duration, k = late
                    has_amount = True
                    continue
            if tw.kind != "word":
                break
            if tw.unit in ("total", "totals") and has_amount and not worded:
                return None  # `(7-8 total)`: the session's total, not a recovery
            easy_pace = (
                tw.unit == "at"
                and has_amount
                and self.is_word(self.skip_words(k + 1, ("an", "a")), "easy")
                and self.word_in(self.skip_words(k + 1, ("an", "a")) + 1, ("pace", "effort"))
            )
            easy = tw.unit in ("easy", "easier", "slow", "slower", "jogged") or easy_pace
            if easy and has_amount:
                # `30sec easy`, `+ 1:00 easy`, `800m at an easy pace`: short easy running between
                # reps is recovery.
                if _mid(duration or 0) <= 300 and _mid(distance or 0) <= 1000:
                    kind = kind or "jog"
                    signal = True
                    k = self.skip_words(k + 1, ("an", "a")) + 2 if easy_pace else k + 1
                    continue
                return (
                    None
                    if not signal
                    else _RestParse(Rest(distance, duration, kind), scope, equal, k)
                )
            if tw.unit in ("back", "down") and (kind is not None or (duration is not None)):
                if tw.unit == "back" and kind is None and self._out_before(j):
                    return None  # `1min out, 1min back`: out and back are both run hard
                signal = True  # `50″ down`: the jog back down the hill
                kind = kind or "jog"
                k += 1
                continue
            if tw.unit == "or" and self.is_word(k + 1) and self.at(k + 1).unit in v.REST_WORDS:  # type: ignore[union-attr]
                k += 1
                continue
            if tw.unit in ("in", "at") and distance is not None and duration is None:
                got2 = self.quantity_range(k + 1)
                if got2 is not None:
                    parts2 = self.unify(got2[0])
                    if len(parts2) <= 2 and all(p.kind in ("t", "bare", "s") for p in parts2):
                        vals2 = [_mid(p.value) for p in parts2]
                        duration = vals2[0] if len(vals2) == 1 else (min(vals2), max(vals2))
                        k = got2[1]
                        continue
            if (
                tw.unit in ("after", "following")
                and (signal or has_amount)
                and (self.quantity(k + 1) is not None)
                # `1 minute recovery. After 2 minutes recovery 10x100m`: a new sentence
                and not self._sentence_starts(k)
            ):
                signal = True
                # `30-second break after 200 meters`, `2 minutes after 100s`: only those reps.
                q = self.quantity(k + 1)
                got_len = self.rep_length(q, strict=False)  # type: ignore[arg-type]
                if got_len is not None:
                    only = got_len[1]
                k = q.end  # type: ignore[union-attr]
                continue
            if (
                tw.unit in _REST_FILLERS
                and (signal or self._rest_word_within(k + 1, 2))
                # `w/ 3 min rest. Total 7 miles`: a filler starts no new sentence
                and not self._sentence_starts(k)
            ):
                k += 1
                continue
            break
        if not signal and not (scope_seen and has_amount):
            return None
        if not has_amount and not worded and equal is None:
            return None
        if self.is_sym(k, "x") and not worded:
            return None  # `w/ 4 x 200 after`: more reps, not a recovery
        return _RestParse(
            Rest(distance_m=distance, duration_s=duration, kind=kind),
            scope,
            equal,
            k,
            only,
            explicit=scope_seen,
        )

    def _two_part_rest(self, rp: _RestParse) -> _RestParse:
        """`walk 100m, jog 100m`, `100 m Geh- und 300 m Trabpause`: a walk and a jog one after
        the other are one recovery, as long as both."""
        first = rp.rest
        k = rp.end + (self.is_sym(rp.end, "-") and self.is_word(rp.end + 1, "and"))  # `Geh- und`
        if first is None or first.kind not in ("walk", "jog") or not (
            self.is_sym(k, ",+&") or self.word_in(k, ("and", "then"))
        ):
            return rp
        more = self.rest_clause(k, weak_lead=True, strong=True)
        second = more.rest if more is not None else None
        if (
            second is None
            or second.kind not in ("walk", "jog")
            or second.kind == first.kind
            or more.scope != "reps"  # type: ignore[union-attr]
        ):
            return rp
        if first.distance_m is not None and second.distance_m is not None:
            if first.duration_s is not None or second.duration_s is not None:
                return rp
            total = Rest(_mid(first.distance_m) + _mid(second.distance_m), None, "jog")
        elif first.duration_s is not None and second.duration_s is not None:
            if first.distance_m is not None or second.distance_m is not None:
                return rp
            total = Rest(None, _mid(first.duration_s) + _mid(second.duration_s), "jog")
        else:
            return rp
        return _RestParse(total, rp.scope, rp.equal, more.end, rp.only, rp.explicit)  # type: ignore[union-attr]

    def _out_before(self, j: int) -> bool:
        """Whether `out` ends what comes before token j (`1min out, 1min back`)."""
        k = j - 1
        while k >= 0 and self.syms[k] in (",", "/", "&", "+", "-"):
            k -= 1
        if k < 0 or self.words[k] != "out":
            return False
        # ... and the out is no counted rep's (`4 x 2 min out, 2 min back`: a jog back)
        for m in range(k - 1, max(k - 5, -1), -1):
            if self.syms[m] == "x" or self.toks[m].kind == "nl" or self.syms[m] == ",":
                return self.syms[m] != "x"
        return True

    def _gap_rests(self, j: int, gaps: int) -> tuple[list[Rest], int] | None:
        """`with 5 mins and 10 mins recovery`, `mit 300m/700m Trabpause`: as many amounts as
        there are gaps between the reps, with a recovery's word: (the recoveries, index after)."""
        k = j + (self.word_in(j, ("with", "w")) or self.is_sym(j, ","))
        if k >= self.n or (self.words[k] and self.words[k] not in v.REST_WORDS):
            return None
        worded = self.words[k] in v.REST_WORDS
        k += worded
        amounts: list[Qty] = []
        while len(amounts) <= gaps:
            q = self.quantity(k)
            if q is None or q.kind not in ("t", "d"):
                return None
            amounts.append(q)
            k = q.end
            # A dash joins them only in lists of three or more: `2:00-1:30` is a range.
            if self.word_in(k, ("and", "then")) or self.is_sym(k, "/,&") or (
                gaps > 2 and self.is_sym(k, "-")
            ):
                k += 1
                continue
            break
        if len(amounts) != gaps or gaps < 2 or len({q.kind for q in amounts}) != 1:
            return None
        after = self.words[k] if k < self.n else ""
        if not worded and after not in v.REST_WORDS:
            return None
        kind = v.REST_WORDS.get(after) or None
        k += after in v.REST_WORDS
        rests = [
            Rest(q.value, None, kind) if q.kind == "d" else Rest(None, q.value, kind)
            for q in amounts
        ]
        return rests, k

    def _rest_list(self, j: int) -> tuple[list[Rest], int] | None:
        """`with recoveries of 30, 25, 20, 15 and 10 seconds`, `reducing recoveries of 60
        seconds, 45 seconds and 30 seconds`: recoveries listed one per rep."""
        k = j + 1 if self.word_in(j, ("with", "w")) else j
        k = self.skip_words(k, ("reducing", "decreasing", "descending", "shorter", "the"))
        if not (self.word_in(k, ("recoveries", "rests", "jogs")) and self.is_word(k + 1, "of")):
            return None
        got = self.length_list(k + 2 + self.is_sym(k + 2, ":"))  # `recoveries of: 90, 60, 30`
        if got is None or len(got[0]) < 2:
            return None
        return [Rest(d.distance, d.duration) for d in got[0]], got[1]

    def _late_rest_amount(self, k: int) -> tuple[Amount | None, Amount | None, int] | None:
        """A recovery's length written after its words (`recovery ... was 800m`, `lap jog`):
        (distance, duration, index after), or None."""
        if self.is_word(k, "lap") and self._rest_word_within(k + 1, 1):
            return 400.0, None, k + 1  # `(lap jog recovery)`
        got = self.quantity_range(k)
        if got is None or len(got[0]) > 2:
            return None
        lens = [self.rest_length(p) for p in self.unify(got[0])]
        if len({kk for kk, _ in lens}) != 1 or any(q.kind == "bare" for q in got[0]):
            return None
        vals = [_mid(val) for _, val in lens]
        amt: Amount = vals[0] if len(vals) == 1 else (min(vals), max(vals))
        if _mid(amt) <= 0:
            return None
        return (amt, None, got[1]) if lens[0][0] == "d" else (None, amt, got[1])

    def _worded_amount(self, k: int, kinds: str = "dt") -> bool:
        """An amount written in words at k, of one of `kinds` ("d" a length, "t" a time):
        `ninety seconds`, `seventy five seconds`, `two miles`."""
        if self.words[k] not in v.NUMBER_WORDS:
            return False
        q = self.quantity(k)
        return q is not None and q.kind in kinds

    def _rest_word_after_amount(self, k: int) -> bool:
        """A recovery's word after the amount at k (`90s jog`), or after the range it starts
        (`2 1/2 - 3 min rest`)."""
        if not self.has_rest_words:
            return False  # no such word anywhere in the text
        if not _AFTER_AMOUNT_WORDS.isdisjoint(self.words[k + 1 : k + 6]) and self._rest_word_near(
            k + 1
        ):
            return True
        return (
            self.toks[k].kind == "num"
            and self.has_rest_words
            and not _AFTER_AMOUNT_WORDS.isdisjoint(self.words[k + 2 : k + 12])
            and (self.is_sym(k + 1, "-") or self.is_word(k + 1, "to") or self._num_at(k + 1))
            and self._rest_word_near(self._range_end(k))
        )

    def _range_end(self, k: int) -> int:
        """Where the amount or range of amounts at k ends (`2 1/2 - 3 min`)."""
        found = self.quantity_range(k)
        return found[1] if found is not None else k + 1

    def _rest_word_near(self, k: int) -> bool:
        """A recovery's word within the few tokens after an amount (`90s jog`, `2 min between
        sets`, `500m in 3:00 rec`, `50″ down`)."""
        if not self.has_rest_words:
            return False  # no such word anywhere in the text
        if k >= 0 and _AFTER_AMOUNT_WORDS.isdisjoint(self.words[k : k + 5]):
            return False  # no such word at all: the common case, answered by one look
        for j in range(k, min(k + 5, self.n)):
            w = self.words[j]
            if w in _AFTER_AMOUNT_WORDS:
                return True
            if self.toks[j].kind == "nl":
                return False
        return False

    def _rest_word_within(self, k: int, n: int) -> bool:
        words = self.words  # "" (no word) is no recovery word
        return any(words[j] in v.REST_WORDS for j in range(max(k, 0), min(k + n, self.n)))

    def _scope_words(self, k: int) -> tuple[str, int] | None:
        """`between sets`, `b/w reps`, `between everything`, `between each`, `between`, `set
        rest`, `after each set`."""
        if (self.words[k] if 0 <= k < self.n else "") not in _SCOPE_HEADS:
            return None  # the common case, answered by one look
        if self.word_in(k, ("between", "btw", "btwn", "bw", "inbetween", "after")):
            if self.toks[k].unit == "after" and self._after_rep_number(k) is not None:
                return None  # `after rep 4`: one rep's, read apart
            m = self.skip_words(k + 1, ("each", "every", "the", "all"))
            q = self.quantity(m)
            if (
                q is not None
                and (q.kind in ("s", "d") or (q.kind == "bare" and _mid(q.value) >= 100))
                and self.toks[k].unit != "after"
                and not self._sentence_starts(m)
            ):
                return "reps", q.end  # `between 800's`, `between the 200s`
            if self.word_in(m, v.SET_WORDS):
                return "sets", m + 1
            if self.word_in(m, ("everything", "all", "reps", "rep", "intervals", "efforts")):
                scope = "all" if self.at(m).unit in ("everything", "all") else "reps"  # type: ignore[union-attr]
                return scope, m + 1
            if self.toks[k].unit == "after":
                return None
            if m > k + 1 and self.is_word(m - 1, "all"):
                return "all", m
            return "reps", m
        if self.word_in(k, v.SET_WORDS) and self.word_in(k + 1, ("rest", "break", "recovery")):
            return "sets", k + 2
        if self.is_word(k, "before"):
            # `rest 5 mins before the next set (of 4 x 200)`: between sets; the bracket-less
            # restatement of the set is no new work.
            m = self.skip_words(k + 1, ("the", "next", "another", "each", "every"))
            if m > k + 1 and self.word_in(m, _SET_OR_REP_WORDS):
                scope = "sets" if self.at(m).unit in v.SET_WORDS else "reps"  # type: ignore[union-attr]
                end = m + 1
                count = self.count_prefix(end + 1) if self.is_word(end, "of") else None
                q = self.quantity(count[1]) if count is not None else None
                return scope, q.end if q is not None else end
        return None

    def apply_rest(self, block: Block, rp: _RestParse) -> None:
        reps = block.reps
        if rp.scope == "around":
            self.around = rp.rest
            return
        if rp.scope != "around":
            block.tail_rests.append(rp)
        if rp.only is not None:
            for d in reps:
                if (d.distance if d.distance is not None else d.duration) == rp.only and (
                    d.rest is None or not _rest_known(d.rest)
                ):
                    d.rest, d.equal = rp.rest, rp.equal
            return
        if rp.scope == "sets":
            size = block.set_size
            if size >= len(reps) or (size == 1 and rp.explicit):
                return  # `2 x 1km ... 2 min between sets`: the sets are the groups around it
            for idx in range(size - 1, len(reps) - 1, size):
                reps[idx].rest = rp.rest
                reps[idx].equal = rp.equal
            return
        if rp.scope == "all":
            for d in reps:
                d.rest, d.equal = rp.rest, rp.equal
            return
        # Reps that already have a recovery of their own keep it; when every rep has one, a
        # recovery written after the group falls between its sets.
        known = [d for d in reps if d.rest is not None and _rest_known(d.rest)]
        if known and len(known) == len(reps) and not _rest_known(rp.rest):
            return  # `jog` with no length says nothing new about reps whose recovery is known
        if known and len(known) == len(reps) and 1 < block.set_size < len(reps):
            self.apply_rest(block, _RestParse(rp.rest, "sets", rp.equal, rp.end))
            return
        if known and len(known) == len(reps) > 1:
            # `8 x 200 w/ 200m jog, 4 miles jog, 8 x 200 ...`: the recovery after the group.
            reps[-1].rest, reps[-1].equal = rp.rest, rp.equal
            return
        weak = not _rest_known(rp.rest) and rp.equal is None  # `or slow jog`: no length at all
        for d in reps:
            if d.rest is None or (
                not _rest_known(d.rest) and not (weak and d.equal is not None)
            ):
                d.rest, d.equal = rp.rest, rp.equal

    # -- assembling -------------------------------------------------------------------------------

    def resolve(self, items: list[Item], top: bool = False) -> list[Item]:
        """Apply what is written between items to the blocks it is about: recoveries between
        blocks or for all of them, names of paces, repeats of everything so far, and recoveries
        that a chain of groups shares (`2 x 3km, 2 x 2km with 1 min between reps and 2 min
        between sets`). Leaves only blocks and segments."""
        if top:
            items = self._time_of_cycles(items)
        out: list[Item] = []
        run_start = 0  # where the blocks since the last segment or repeat begin
        rest_from = 0  # where the blocks since the last stand-alone recovery begin
        last_block: Block | None = None  # the last block in `out`, at last_pos
        last_pos = -1
        closing = False  # a closing line was just applied: what follows it in its line joins it
        # The first block after each item: asked about for every item, so found once.
        next_block: list[Block | None] = [None] * len(items)
        for idx in range(len(items) - 2, -1, -1):
            after = items[idx + 1]
            next_block[idx] = after if isinstance(after, Block) else next_block[idx + 1]
        for idx, it in enumerate(items):
            if not isinstance(it, RestItem | NamedItem):
                closing = False
            if isinstance(it, Block):
                chain = self._chain(out, it)
                for rp in it.tail_rests:
                    if len(chain) > 1:
                        self._apply_to_chain(chain, rp)
                out.append(it)
                last_block, last_pos = it, len(out) - 1
            elif isinstance(it, SegmentItem):
                out.append(it)
                run_start = rest_from = len(out)
            elif isinstance(it, NamedItem):
                # `aiming for 5k race pace` names the reps before it; `5k pace: 6 x 1000` after.
                target = last_block or next_block[idx]
                if target is not None:
                    self.set_named(target, it.name)
            elif isinstance(it, RepeatItem):
                run = [b for b in out[run_start:] if isinstance(b, Block)]
                drafts = [d for b in run for d in b.reps]
                if drafts:
                    merged = Block(
                        self.multiply(drafts, it.count, it.tok),
                        len(drafts),
                        run[0].start,
                        run[-1].end,
                        counted=True,
                    )
                    out[run_start:] = [merged]
                    last_block, last_pos = merged, run_start
                run_start = rest_from = len(out)
            elif (
                isinstance(it, RestItem)
                and it.rest is not None
                and it.scope == "reps"
                and it.only is None
                and _rest_known(it.rest)
                and (last_block is None or (it.after_break and next_block[idx] is None))
                and (last_block is None or _long_jog(it.rest))
                and it.rest.kind == "jog"
                and top
            ):
                # `1M jog, then 6 x 800 ..., then 1M jog`: the running around the reps.
                rest = it.rest
                out.append(SegmentItem("easy", rest.distance_m, rest.duration_s, it.start, it.end))
                run_start = rest_from = len(out)
            elif isinstance(it, RestItem) and last_block is not None:
                rp = _RestParse(it.rest, it.scope, it.equal, 0, it.only)
                more_work = next_block[idx] is not None
                has_rests = any(d.rest is not None for d in last_block.reps)
                if it.scope == "around":
                    self.around = it.rest
                elif it.only is not None:
                    for b in [b for b in out if isinstance(b, Block)]:
                        self.apply_rest(b, rp)
                elif it.after_break and more_work and has_rests and it.scope != "sets":
                    last_block.reps[-1].rest = it.rest
                    last_block.reps[-1].equal = it.equal
                elif (it.after_break or closing) and not more_work:
                    # A closing line is for every group above: `Equal distance jog recoveries`
                    # for their reps; `3' between sets` between the groups (`Set 1`, `Set 2`).
                    # After a segment (`We warmed up 2 miles.`, `Cool down`) it is for the group
                    # of reps before the segments that end the workout.
                    above = [b for b in out[rest_from:] if isinstance(b, Block)]
                    above = above or self._last_group(out)
                    if it.but is not None:
                        # `... except 100s`: those reps keep what they had
                        above = [
                            b
                            for b in above
                            if any(d.distance != it.but for d in b.reps)
                        ]
                    if it.scope == "sets" and len(above) > 1:
                        self._apply_to_chain(above, rp)
                    else:
                        for b in above:
                            self.apply_rest(b, rp)
                    closing = True
                    continue  # the next closing line (`between each set, ...`) is for them too
                else:
                    chain = self._chain(out, last_block, last_pos)
                    if len(chain) > 1:
                        self._apply_to_chain(chain, rp)
                    else:
                        self.apply_rest(last_block, rp)
                rest_from = len(out)
        return out

    def _drop_reported_times(self, items: list[Item]) -> list[Item]:
        """Bare clock times after counted reps of a length, one for each of those reps (`5x1200
        ... My splits were (5:01, 4:46, 4:53, 5:04, 4:49)`), are the times they were run in, not
        more reps. (Times of another number are the pieces of a fartlek: `2 x 400m` then `5:00,
        4:00, 3:00`.)"""
        group: Block | None = None  # the last counted group of a length
        times: list[Block] = []
        for it in items:
            if not isinstance(it, Block):
                continue
            if group is not None and self._bare_clock_times(it):
                times.append(it)
            elif it.counted and any(d.distance is not None for d in it.reps):
                group, times = it, []
        if group is None or not times or sum(len(b.reps) for b in times) != len(group.reps):
            return items
        # `6 x 800 today: 2:55, 2:52, ... with 400 jog`: the recovery the times took is the reps'.
        rests = {(d.rest, d.equal) for b in times for d in b.reps if d.rest is not None}
        if len(rests) == 1:
            rest, equal = rests.pop()
            for d in group.reps:
                if d.rest is None:
                    d.rest, d.equal = rest, equal
        return [it for it in items if not any(it is b for b in times)]

    def _bare_clock_times(self, block: Block) -> bool:
        if block.counted or not block.reps:
            return False
        if any(
            d.duration is None or d.label or d.target or d.named or d.pace_km for d in block.reps
        ):
            return False
        j = bisect.bisect_left(self.toks, block.start, key=_tok_start)
        if any(d.rest is not None for d in block.reps) and not self.is_sym(j - 1, ":"):
            return False  # `2 x 1k, 5:00, 4:00 with 1 min rest`; but `today: 2:55, 2:52 ...`
        seen = False
        while j < self.n and self.toks[j].start < block.end:
            t = self.toks[j]
            if t.kind == "time" and t.form == "clock":
                seen = True
            elif not (t.kind == "sym" and t.unit in ",/-()"):
                return False
            j += 1
        return seen

    @staticmethod
    def _last_group(out: list[Item]) -> list[Block]:
        """The blocks read one after another before the trailing segments (at most MAX_CHAIN,
        so that each closing line costs the same however long the text)."""
        group: list[Block] = []
        for it in reversed(out):
            if isinstance(it, Block):
                group.insert(0, it)
                if len(group) == MAX_CHAIN:
                    break
            elif group:
                break
        return group

    @staticmethod
    def _chain(out: list[Item], block: Block, end: int | None = None) -> list[Block]:
        """The groups joined to this one by commas within one sentence, in order (at most
        MAX_CHAIN: so a recovery costs the same however long the text before it)."""
        chain = [block]
        if not block.joined:
            return chain
        for k in range((len(out) if end is None else end) - 1, -1, -1):
            prev = out[k]
            if not isinstance(prev, Block) or len(chain) == MAX_CHAIN:
                break
            chain.append(prev)
            if not prev.joined:
                break
        chain.reverse()
        return chain

    @staticmethod
    def _apply_to_chain(chain: list[Block], rp: _RestParse) -> None:
        if rp.scope == "sets":
            for b in chain[:-1]:
                b.reps[-1].rest, b.reps[-1].equal = rp.rest, rp.equal
            return
        for b in chain:
            for i, d in enumerate(b.reps):
                if (
                    d.rest is None
                    or not _rest_known(d.rest)
                    or (rp.explicit and b is not chain[-1] and i == len(b.reps) - 1)
                ):
                    d.rest, d.equal = rp.rest, rp.equal

    def flatten(self, items: list[Item]) -> list[Draft]:
        """The reps of a sequence, in order, with what was written between them applied."""
        return [d for it in self.resolve(items) if isinstance(it, Block) for d in it.reps]

    def finish(self, items: list[Item]) -> Workout:
        blocks = [it for it in items if isinstance(it, Block)]
        if len(blocks) == 1 and blocks[0].bare_single:
            # A lone number (`400`, `room 101`) is not a workout without anything around it.
            blocks[0].reps = []
        # Plain runs (`40 minute run`, `5 miles steady`) beside other work are easy running, and
        # a length met in prose (`where we had 2mins`) beside other work is not a rep.
        alone = not any(isinstance(b, Block) and not b.in_prose and b.reps for b in items)
        items = [
            it
            for it in items
            if not (isinstance(it, Block) and it.in_prose and not (alone and it.vouched))
        ]
        items = self._drop_reported_times(items)
        blocks = [it for it in items if isinstance(it, Block)]
        if any(b.reps and not b.holds_work for b in blocks):
            items = [it for it in items if not (isinstance(it, Block) and it.holds_work)]
            blocks = [it for it in items if isinstance(it, Block)]
        if any(not b.plain_run for b in blocks if b.reps):
            kept: list[Item] = []
            for it in items:
                if isinstance(it, Block) and it.plain_run:
                    d = it.reps[0]
                    start = bisect.bisect_left(self.toks, it.start, key=_tok_start)
                    kept.append(SegmentItem("easy", d.distance, d.duration, start, start + 1))
                    continue
                kept.append(it)
            items = kept
            blocks = [it for it in items if isinstance(it, Block)]
        total = sum(len(b.reps) for b in blocks)
        if total == 0:
            # `Easy 8 miles`, `recovery run 5 miles`: with nothing else, the run is the session.
            runs = [
                it
                for it in items
                if isinstance(it, SegmentItem)
                and it.kind == "easy"
                and (it.distance is not None or it.duration is not None)
            ]
            rests = [it for it in items if isinstance(it, RestItem) and it.rest is not None]
            if (
                not runs
                and len(rests) == 1
                and rests[0].rest.kind in (None, "jog")  # type: ignore[union-attr]
                and (
                    _mid(rests[0].rest.duration_s or 0) >= 600  # type: ignore[union-attr]
                    or _mid(rests[0].rest.distance_m or 0) >= 1000  # type: ignore[union-attr]
                )
            ):
                # `recovery 30 min` alone: a recovery run, the session (not `w/ 90s rest`).
                rest = rests[0].rest
                runs = [SegmentItem("easy", rest.distance_m, rest.duration_s)]  # type: ignore[union-attr]
                items = [runs[0] if it is rests[0] else it for it in items]
            if len(runs) == 1:
                run = runs[0]
                if run.distance is not None and run.duration is not None:
                    # `5 miles easy in 40 min`: the run's length, and the time it is run in
                    span = run.duration
                    took = span if isinstance(span, tuple) else (span, span)
                    draft = Draft(run.distance, target=took, label="easy")
                else:
                    draft = Draft(run.distance, run.duration, label="easy")
                block = Block([draft], 1, 0, 0)
                items = [block if it is run else it for it in items]
                blocks, total = [block], 1
        if total == 0:
            raise ParseError(
                "I couldn't find a workout here: no reps such as `6 x 1000m` or `20 min tempo`",
                text=self.text,
                offset=len(self.text) - len(self.text.lstrip()),
                length=len(self.text.strip()),
                hint=EXAMPLE,
            )
        self._check_total(total)
        segments: list[Segment] = []
        reps: list[Rep] = []
        items = self.resolve(items, top=True)
        if self.line_sets:
            items = self._easy_by_pace(items)
        items = self._easy_between_blocks(self._bare_time_between_sets(items))
        items = self._easy_then_warm_up(items)
        # A repeat of everything above (`... repeat 1,000`) multiplies only now.
        self._check_total(sum(len(it.reps) for it in items if isinstance(it, Block)))
        if self.around is not None and items:
            # `5 min jog either side`: a warm-up and a cool-down of that length.
            dist, dur = self.around.distance_m, self.around.duration_s
            items = [SegmentItem("warmup", dist, dur), *items, SegmentItem("cooldown", dist, dur)]
        items = self._heading_takes_the_run_below(items)
        items = self._warm_up_first(items)
        block_index = 0
        work_start: int | None = None
        for it in items:
            if isinstance(it, Block) and it.reps:
                if work_start is None:
                    work_start = len(reps)
                prev: Draft | None = None
                for d in it.reps:
                    if prev is not None and d.equal is None and _same_draft(d, prev):
                        reps.append(reps[-1])  # a copy of the rep before: one frozen Rep for both
                    else:
                        reps.append(self.to_rep(d, block_index))
                    prev = d
                block_index += 1
            elif isinstance(it, SegmentItem):
                if work_start is not None:
                    segments.append(Segment("work", first_rep=work_start, last_rep=len(reps)))
                    work_start = None
                segments.append(Segment(it.kind, distance_m=it.distance, duration_s=it.duration))
        if work_start is not None:
            segments.append(Segment("work", first_rep=work_start, last_rep=len(reps)))
        if reps:
            last = reps[-1]
            reps[-1] = Rep(
                last.distance_m,
                last.duration_s,
                last.target_s,
                last.target_name,
                last.target_pace_s_per_km,
                None,
                last.label,
                last.set_index,
            )
        groups = tuple(self.groups) if len(self.groups) > 1 else ()
        return Workout(
            text=self.text, reps=tuple(reps), segments=tuple(segments), groups=groups
        )

    def _heading_takes_the_run_below(self, items: list[Item]) -> list[Item]:
        """`### Warm up` or `Cool down:` as a heading, then `2 mile jog` on the line below: one
        warm-up (cool-down) of that length. On one line (`Warm up; 45 minutes easy running`)
        they are two."""
        out: list[Item] = []
        for idx, it in enumerate(items):
            prev = out[-1] if out else None
            heading = (
                isinstance(prev, SegmentItem)
                and prev.kind in ("warmup", "cooldown")
                and prev.distance is None
                and prev.duration is None
                and 0 < prev.end <= self.n
            )
            if (
                heading
                and isinstance(it, Block)
                and len(it.reps) == 1
                and not it.counted
                and "\n" in self.text[self.toks[prev.end - 1].end : it.start]  # type: ignore[union-attr]
                # ... and it ends its line: not `... a warmup. Then we went on the track`
                and self._ends_its_line(self.toks[prev.end - 1].end, it.start)  # type: ignore[union-attr]
                and (
                    any(isinstance(b, Block) for b in items[idx + 1 :])
                    if prev.kind == "warmup"  # type: ignore[union-attr]
                    else idx == len(items) - 1
                )
            ):
                # `Warmup` then `- 15m Z1-Z2 Pace`: the heading's length; a few m are minutes.
                d = it.reps[0]
                distance, duration = d.distance, d.duration
                if distance is not None and _mid(distance) < 100:
                    duration = _scale(distance, 60)
                    distance = None
                prev.distance, prev.duration = distance, duration  # type: ignore[union-attr]
                continue
            if (
                isinstance(it, SegmentItem)
                and it.kind == "easy"
                and (it.distance is not None or it.duration is not None)
                and isinstance(prev, SegmentItem)
                and prev.kind in ("warmup", "cooldown")
                and prev.distance is None
                and prev.duration is None
                and 0 <= prev.end <= it.start
                and it.start - prev.end < 4
                and any(self.toks[k].kind == "nl" for k in range(prev.end, it.start))
            ):
                prev.distance, prev.duration = it.distance, it.duration
                continue
            out.append(it)
        return out

    def _line_end(self, j: int, until: int) -> int:
        """The first line break from token j on, or `until` if there is none before it."""
        for k in range(j, min(until, self.n)):
            if self.toks[k].kind == "nl":
                return k
        return until

    def _sentence_starts(self, k: int) -> bool:
        """Whether a full stop ends a sentence between token k-1 and token k."""
        return 0 < k < self.n and ". " in self.text[self.toks[k - 1].end : self.toks[k].start + 1]

    def _ends_its_line(self, end: int, until: int) -> bool:
        """Whether nothing but marks follows character `end` on its line (before `until`)."""
        return not self.text[end:until].split("\n", 1)[0].strip(" \t:-–—*#_.")

    @staticmethod
    def _warm_up_first(items: list[Item]) -> list[Item]:
        """`6 x 800, 2 mile WU/CD`, `2 mi warm up and cool down, 6 x 800`: whichever order
        they are written in, the one warm-up is run before the reps, the one cool-down after."""
        work = [k for k, it in enumerate(items) if isinstance(it, Block) and it.reps]
        if not work:
            return items
        for kind in ("warmup", "cooldown"):
            found = [it for it in items if isinstance(it, SegmentItem) and it.kind == kind]
            if len(found) != 1:
                continue
            seg = found[0]
            place = items.index(seg)
            first = next(k for k, it in enumerate(items) if isinstance(it, Block) and it.reps)
            last = max(k for k, it in enumerate(items) if isinstance(it, Block) and it.reps)
            if kind == "warmup" and place > first:
                items = [*items[:first], seg, *(it for it in items[first:] if it is not seg)]
            elif kind == "cooldown" and place < last:
                rest = [it for it in items if it is not seg]
                items = [*rest[:last], seg, *rest[last:]]
        return items

    @staticmethod
    def _easy_then_warm_up(items: list[Item]) -> list[Item]:
        """`5-7 minute easy jog` then `Warm up drills` before any rep: one warm-up, whose length
        is the easy running's."""
        for idx in range(len(items) - 1):
            a, b = items[idx], items[idx + 1]
            if isinstance(a, Block):
                break
            if (
                isinstance(a, SegmentItem)
                and isinstance(b, SegmentItem)
                and a.kind == "easy"
                and b.kind == "warmup"
                and b.distance is None
                and b.duration is None
            ):
                merged = SegmentItem("warmup", a.distance, a.duration)
                return [*items[:idx], merged, *items[idx + 2 :]]
        return items

    def _check_total(self, total: int) -> None:
        if total > MAX_REPS:
            raise ParseError(
                f"this expands to {total:,} reps, more than any real workout "
                f"(at most {MAX_REPS:,})",
                text=self.text,
                offset=0,
                length=len(self.text),
                hint="3 x (4 x 400)",
            )

    def _easier_step_is_the_recovery(self, items: list[Item]) -> list[Item]:
        """`5x` then `- 3m Z4 Pace`, `- 2m Z1 Pace` (or `95%` then `60%`): in a plan's lines,
        a step at a lower zone or share than the one before it is that step's recovery."""
        blocks = [it for it in items if isinstance(it, Block)]
        if len(blocks) != 2 or any(len(b.reps) != 1 for b in blocks):
            return items
        work, easy = (self._intensity(b) for b in blocks)
        if work is None or easy is None or easy >= work:
            return items
        d = blocks[1].reps[0]
        blocks[0].reps[0].rest = Rest(d.distance, d.duration)
        return [it for it in items if it is not blocks[1]]

    def _intensity(self, block: Block) -> float | None:
        """The zone (`Z4`) or share (`95%`, `95-100%`) written on a step's line, or None."""
        line_end = self.text.find("\n", block.start)
        line = self.text[block.start : line_end if line_end >= 0 else len(self.text)]
        zone = _ZONE.search(line)
        if zone:
            return float(zone.group(1)) * 100  # zones above any share, and ordered
        share = _SHARE.search(line)
        return float(share.group(1)) if share else None

    def _until_easy_pace(self, items: list[Item]) -> list[Item]:
        """The lines of `5 lots of:` end before a part run much slower than the first
        (`- 6min @ 5'00''/km`, `- 1min rest`, then `- 10min @ 6'30''/km`: the easy running
        after the sets). The reading goes back to that part."""
        first = next((it for it in items if isinstance(it, Block) and it.reps), None)
        pace = _pace_of(first) if first is not None else None
        if pace is None:
            return items
        for idx, it in enumerate(items):
            if it is first or not isinstance(it, Block):
                continue
            slow = _pace_of(it) if _easy_candidate(it) else None
            if slow is not None and slow >= EASY_PACE_RATIO * pace:
                self.i = bisect.bisect_left(self.toks, it.start, key=_tok_start)
                return items[:idx]
        return items

    @staticmethod
    def _easy_by_pace(items: list[Item]) -> list[Item]:
        """`- 10min @ 6'30''/km` before and after `- 6min @ 5'00''/km` in a plan's lines: a
        single part run much slower than the fastest work is easy running (between groups,
        their recovery)."""
        drafts = [d for it in items if isinstance(it, Block) for d in it.reps]
        paces = [p for p in map(_draft_pace, drafts) if p]
        if len(paces) < 2:
            return items
        fastest = min(paces)
        out: list[Item] = []
        for it in items:
            pace = _pace_of(it) if isinstance(it, Block) and _easy_candidate(it) else None
            if pace is not None and pace >= EASY_PACE_RATIO * fastest:
                d = it.reps[0]  # type: ignore[union-attr]
                out.append(SegmentItem("easy", d.distance, d.duration))
                continue
            out.append(it)
        return out

    @staticmethod
    def _bare_time_between_sets(items: list[Item]) -> list[Item]:
        """`8x(30"/30") + 5' + 3x1000`: a few minutes alone, with no name, target or label,
        between two counted groups is the time between them."""
        out = list(items)
        for idx in range(1, len(out) - 1):
            it, before, after = out[idx], out[idx - 1], out[idx + 1]
            if (
                isinstance(it, Block)
                and isinstance(before, Block)
                and isinstance(after, Block)
                and _is_work(before)
                and _is_work(after)
                and len(it.reps) == 1
                and not it.counted
                and it.reps[0].duration is not None
                and _mid(it.reps[0].duration) <= 600
                and it.reps[0].target is None
                and it.reps[0].pace_km is None
                and it.reps[0].named is None
                and it.reps[0].label is None
            ):
                out[idx] = SegmentItem("easy", None, it.reps[0].duration)
        return out

    @staticmethod
    def _easy_between_blocks(items: list[Item]) -> list[Item]:
        """`3 x 800 w/ 3 min, then 10 mins easy jog; then 6 x 200`: a short easy run between two
        groups of reps is the recovery between them, not a segment of its own."""
        out: list[Item] = []
        for idx, it in enumerate(items):
            prev = out[-1] if out else None
            nxt = items[idx + 1] if idx + 1 < len(items) else None
            if (
                isinstance(it, SegmentItem)
                and it.kind == "easy"
                and isinstance(prev, Block)
                and prev.reps
                and isinstance(nxt, Block)
                and nxt.reps
                and (it.distance is not None or it.duration is not None)
                and _mid(it.duration or 0) <= 900
                and _mid(it.distance or 0) <= 3000
            ):
                prev.reps[-1].rest = Rest(it.distance, it.duration, "jog")
                prev.reps[-1].equal = None
                continue
            out.append(it)
        return out

    @staticmethod
    def to_rep(d: Draft, block_index: int) -> Rep:
        rest = d.rest
        if d.equal is not None:
            base = rest or Rest()
            if d.equal == "half-distance" and d.distance is not None:
                rest = Rest(distance_m=_scale(d.distance, 0.5), kind=base.kind)
            elif d.equal == "half-time" and d.duration is not None:
                rest = Rest(duration_s=_scale(d.duration, 0.5), kind=base.kind)
            elif d.equal == "distance" and d.distance is not None:
                rest = Rest(distance_m=d.distance, kind=base.kind)
            elif d.equal == "time":
                length = (
                    d.duration
                    if d.duration is not None
                    else (
                        None
                        if d.target is None
                        else (d.target[0] if d.target[0] == d.target[1] else d.target)
                    )
                )
                rest = Rest(duration_s=length, kind=base.kind)
        target = d.target
        # Positional: the fields in Rep's order (keywords cost a frozen dataclass more).
        return Rep(d.distance, d.duration, target, d.named, d.pace_km, rest, d.label, block_index)


# Words that start targets for every other rep: `alternating 70 and 75`, `odd @ 70, even @ 75`.
_BY_LENGTH_NEXT: Final = v.TARGET_LEADS | {"and"}
_LATE_TARGET_WORDS: Final = frozenset(
    {"target", "targets", "goal", "gp", "pace", "aim", "hit", "hitting", "aiming"}
)
_MILE_WORDS: Final = frozenset({"mile", "miles", "mi"})
_PER_HOUR: Final = {"kph": 1000.0, "kmh": 1000.0, "mph": MILE_M}  # metres an hour
# Words between a late target's word and its time: `Goal is an average of 4:50/km`.
_LATE_TARGET_FILLERS: Final = frozenset(
    {"pace", "paces", "time", "times", "race", "is", "was", "for", "at", "around", "an", "a",
     "average", "avg", "of"}
)
# A number written with these is a time a rep can be run in: `in 50s`, `in 50seconds`.
_SECOND_UNITS: Final = frozenset({"", "s", "sec", "secs", "second", "seconds"})
_REPEAT_NOUNS: Final = frozenset(
    {"repeats", "repeat", "reps", "rep", "repetitions", "intervals", "efforts"}
)
# Words before a late target's word, at a sentence's start: `The pace was 80 seconds.`
_LATE_TARGET_OWNERS: Final = frozenset({"the", "our", "my"})
# Nouns after a length that make it one rep of work: `an 800m repeat` (plural, `1 mile
# intervals` name a kind of session, often detailed after).
_WORK_NOUNS: Final = frozenset({"repeat", "rep", "repetition", "interval"})
# Efforts said before a length that make it work: `run fast for 400 meters`.
_HARD_WORDS: Final = frozenset(
    {"fast", "hard", "quick", "quickly", "faster", "harder", "sprint", "max", "allout"}
)
_LATE_TARGET_ADJECTIVES: Final = frozenset({"designated", "planned", "prescribed", "intended"})
_ALTERNATION_WORDS: Final = frozenset({"alternating", "alternate", "odd", "odds", "even", "evens"})


# Words that may stand around a recovery without changing it.
_REST_FILLERS: Final = frozenset(
    {
        "lightly",
        "gently",
        "slowly",
        "easily",
        "to",
        "should",
        "be",
        "will",
        "was",
        "were",
        "take",
        "taking",
        "followed",
        "by",
        "interval",
        "intervals",
        "of",
        "for",
        "is",
        "about",
        "approx",
        "very",
        "slow",
        "easy",
        "active",
        "full",
        "static",
        "standing",
        "still",
        "recovery",
        "total",
        "only",
        "each",
        "per",
        "the",
        "it",
        "reps",
        "rep",
        "complete",
        "short",
        "long",
        "light",
        "gentle",
        "jogging",
        "walking",
        "another",  # `recovering another 400 metres`
    }
)
# Fillers that say nothing of a recovery themselves: one starts it only when a recovery's word
# follows within two words, the rule `rest_clause` applies to fillers.
_PLAIN_FILLERS: Final = _REST_FILLERS - frozenset(v.REST_WORDS) - {"followed", "each"}
# Words runners put between a number and its unit: `1 easy mile`, `3 hard minutes`.
_LENGTH_ADJECTIVES: Final = frozenset(
    {
        "easy",
        "hard",
        "steady",
        "fast",
        "relaxed",
        "slow",
        "moderate",
        "comfortable",
        "quick",
        "good",
        "solid",
        "tempo",
    }
)
# Words a recovery can start with; anything else is not one (checked first, for speed).
_REST_START_WORDS: Final = frozenset(
    {
        "with",
        "w",
        "plus",
        "followed",
        "between",
        "btw",
        "btwn",
        "bw",
        "inbetween",
        "after",
        "equal",
        "same",
        "equivalent",
        "eq",
        "equalduration",
        "equaltime",
        "equaldistance",
        "sametime",
        "r",
        "rr",
        "ri",
        "tp",
        "half",
    }
    | v.SET_WORDS
    | frozenset(v.REST_WORDS)
    | _REST_FILLERS
)
# Words that, after an amount, make it a recovery or say where it falls.
_AFTER_AMOUNT_WORDS: Final = (
    frozenset(v.REST_WORDS)
    | v.SET_WORDS
    | {
        "between",
        "btw",
        "btwn",
        "bw",
        "inbetween",
        "after",
        "following",
        "easy",
        "slow",
        "easier",
        "slower",
        "jogged",
        "back",
        "down",
        "either",
        "each",
        "both",
        "in",
        "at",
        "or",
        "reps",
        "rep",
    }
)
# Words an item can start with: segments, counts in words, recoveries, targets, lengths.
_ITEM_WORDS: Final = (
    _REST_START_WORDS
    | v.WARMUP_WORDS
    | v.COOLDOWN_WORDS
    | v.EASY_WORDS
    | frozenset(v.NUMBER_WORDS)
    | {
        "warm",
        "cool",
        "warmed",
        "cooled",
        "warming",
        "cooling",
        "at",
        "in",
        "a",
        "an",
        "one",
        "half",
        "quarter",
        "mile",
        "mi",
        "lap",
        "km",
        "k",
        "recovery",
    }
)
_SET_COUNT_WORDS: Final = (
    "sets",
    "set",
    "rounds",
    "round",
    "reps",
    "repeats",
    "repetitions",
    "times",
    "series",
    "blocks",
    "lots",  # `10 lots of:`
    "x",
)
# What reps are called, when `of` and their length follow (`6 intervals of 400m`); without the
# `of` a count of strides or sprints names no length (`4 strides` then the cool-down).
_REP_NOUNS: Final = (
    "intervals",
    "efforts",
    "sprints",
    "strides",
    "accelerations",
    "accels",
    "hills",
    "bouts",
    "runs",
    "surges",
    "pickups",
    "pieces",
)
_PER_PERIOD_WORDS: Final = frozenset({"a", "per", "each", "every"})
# A count said after its rep, as a sentence of its own: `Do 6 reps.`, `there are 20 efforts.`
_LATER_COUNT_NOUNS: Final = frozenset({"efforts", "reps", "repeats", "repetitions", "intervals"})
_DAY_WORDS: Final = frozenset(
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "today", "tonight", "yesterday", "tomorrow",
    }
)
_PORTION_WORDS: Final = frozenset(
    {"first", "second", "next", "last", "final", "remaining", "other"}
)
_PORTION_STARTS: Final = frozenset({"the", *_PORTION_WORDS})
# Lengths a rep is numbered by at a line's start (`Mile 1-6:40`).
_NUMBERED_REP_UNITS: Final = frozenset({"mile", "km"})
_PORTION_NOUNS: Final = ("reps", "rep", "repeats", "repetitions", "intervals", "efforts")
_PORTION_LEADS: Final = frozenset({"at", "in", "sub", "under"})
# What a coach says of some reps instead of a time: as fast as they can go, or easier.
_EFFORT_WORDS: Final = frozenset(
    {"all", "allout", "flat", "max", "hard", "fast", "faster", "sprint", "easy", "easier"}
    | {"relaxed"}
)
_REST_LIST_STARTS: Final = frozenset(
    {"with", "w", "reducing", "decreasing", "descending", "shorter", "recoveries", "rests", "jogs"}
)
_REST_LIST_NOUNS: Final = frozenset({"recoveries", "rests", "jogs"})
_LETTER_PACES: Final = {"tpace": "t", "ipace": "i", "rpace": "r", "mpace": "m"}
_EQUAL_WORDS: Final = ("equal", "same", "equivalent", "eq")
# `except for the middle one, where we had 2mins`
_MIDDLE_FILLERS: Final = (
    "one", "rep", "where", "when", "we", "had", "got", "take", "took", "a", "an"
)
_ORDINAL_SUFFIXES: Final = frozenset({"st", "nd", "rd", "th"})
_ORDINAL_OR_NONE: Final = _ORDINAL_SUFFIXES | {""}
_ORDINAL_WORDS: Final = frozenset(
    {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "last", "final"}
)
_BRACKETS: Final = frozenset("()[]{}")
# Words a recovery's scope starts with: `between sets`, `set rest`, `after each`, `before the`.
_SCOPE_HEADS: Final = v.SET_WORDS | {"between", "btw", "btwn", "bw", "inbetween", "after", "before"}
# Words that make a time an offset from a pace: `5 s slower than 5k pace`.
# Words that start a cut-down with its first time (`starting at 3:00 and working down to 2:45`),
# the words between its two times, and those that end it (`finish at 3:10`).
_CUTDOWN_STARTS: Final = frozenset({"starting", "start", "starts", "beginning", "begin", "from"})
_PACE_SUFFIX_OR_RACE: Final = v.PACE_SUFFIX_WORDS | {"race"}
_SET_OR_REP_WORDS: Final = v.SET_WORDS | {"rep", "reps", "one", "repeat"}
_LENGTH_NOUNS: Final = ("time", "duration", "distance", "length")
_CUTDOWN_ENDS: Final = ("finish", "finishing", "end", "ending")
_CUTDOWN_FILLERS: Final = (
    "and", "then", "working", "work", "cutting", "cut", "coming", "come", "getting", "get",
    "going", "moving", "bringing", "dropping", "progressing", "it", "them", "your", "way",
    *_CUTDOWN_ENDS,
)  # fmt: skip
# Pace names an offset can be from: `15 s faster than MP`, `... als Marathontempo`.
_OFFSET_FROM_NAMES: Final = frozenset({"mp", "hmp", "gp", "t", "threshold", "marathon", "half"})
_TENS: Final = frozenset({20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0})
_UNITS: Final = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9,
}  # fmt: skip
_ALLURE_SPECIFIQUE: Final = {5.0: "5k", 10.0: "10k", 21.0: "half", 42.0: "marathon"}
def _take_details(reps: list[Draft], one: Draft, label_and_rest: bool = False) -> None:
    """What a rep said again adds to the reps it speaks of, where they lack it."""
    for d in reps:
        d.target = d.target or one.target
        d.named = d.named or one.named
        d.pace_km = d.pace_km or one.pace_km
        if label_and_rest:
            d.label = d.label or one.label
            if d.rest is None and one.rest is not None:
                d.rest, d.equal = one.rest, one.equal


def _described(d: Draft) -> bool:
    """Whether a rep has more than its length: a recovery, a time or a pace."""
    return d.rest is not None or bool(d.target or d.named or d.pace_km)


# Articles between a pace word and a race: `allure d'un 5 km`, `ritmo de maratona`.
_ARTICLES: Final = frozenset({"of", "the", "l", "d", "un", "une", "a", "an"})
# Words before a pace's name that say whose pace it is: `at your 5k pace`.
_WHOSE_PACE: Final = ("your", "target", "current", "predicted", "own")
_OFFSET_WORDS: Final = frozenset({"slower", "faster", "quicker", "above", "below"})
_OFFSET_OR_COMPARE: Final = _OFFSET_WORDS | {"over", "under"}
_PER_UNIT_WORDS: Final = frozenset(
    {"mile", "mi", "km", "k", "kilometer", "kilometre", "lap", "400"}
)
_MINUTE_WORDS: Final = frozenset({"min", "mins", "minute", "minutes", "mn"})
_SECOND_WORDS: Final = frozenset({"s", "sec", "secs", "second", "seconds"})
_HOUR_WORDS: Final = frozenset({"h", "hr", "hrs", "hour", "hours"})
_DURATION_WORDS: Final = _MINUTE_WORDS | _SECOND_WORDS | _HOUR_WORDS
_MINUTE_OR_SECOND_WORDS: Final = _MINUTE_WORDS | _SECOND_WORDS


# Words that name a part of a plan when a number or letter follows: `Set 1`, `Block A`.
# Who a workout in a team's post is for (`Varsity:`, `JV:`): one workout of several.
_ATHLETE_GROUPS: Final = frozenset(
    {
        "varsity", "jv", "girls", "boys", "men", "mens", "women", "womens", "freshmen",
        "frosh", "novice", "novices", "beginners", "beginner", "intermediate", "advanced",
        "elite", "sprinters", "milers",
    }
)  # fmt: skip
# ... and what names a group before the word `group` (`A group:`, `Fast group:`).
_GROUP_NAMES: Final = frozenset(
    {"a", "b", "c", "d", "fast", "faster", "slow", "slower", "first", "second", "third", "top"}
)
# ... or the day or choice it is (`Monday:`, `Day 2 -`, `Option B:`): one of several sessions.
_WEEKDAYS: Final = frozenset(
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    }
)  # fmt: skip
_GROUP_HEADS: Final = (
    _ATHLETE_GROUPS | _GROUP_NAMES | _WEEKDAYS | {"week", "group", "day", "option"}
)
_LABEL_HEADS: Final = frozenset(
    {
        "set",
        "block",
        "week",
        "wk",
        "day",
        "session",
        "option",
        "level",
        "phase",
        "part",
        "step",
        "group",
        "round",
        "stage",
        "workout",
        "mile",
    }
)
# Faster than any human over any distance (the 100 m record is ~10.4 m/s).
FASTEST_MPS: Final = 11.0
SLOWEST_MPS: Final = 1.0  # slower than a walk: no time for a rep
# A mile pace faster than this (3:50 a mile) is read as the rep's own time when that fits.
PLAUSIBLE_MILE_MPS: Final = MILE_M / 230


# A step's intensity in a plan's lines: its zone (`Z4`) or its share of a pace (`95%`). Each
# is one bounded pass over one line.
_ZONE: Final = re.compile(r"\b[zZ]([1-7])\b")
_SHARE: Final = re.compile(r"\b([0-9]{2,3})(?:-[0-9]{2,3})?\s?%")

# A part run this much slower (per km) than the fastest work is easy running, not a rep.
EASY_PACE_RATIO: Final = 1.2


def _rep_rest_interleaved(head: _ListLink, count: int) -> bool:
    """`1000, 2 min, 500, 1 min`: bare lengths of a rep and short times in turn, one each,
    starting with a length: the times are the recoveries after the reps. (With units, `100 m,
    30 sec, 100 m` is how the canonical form writes reps of both kinds in a row.)"""
    link: _ListLink | None = head
    for idx in range(count):
        if link is None or len(link.parts) != 1:
            return False
        q = link.parts[0]
        if idx % 2 == 0:
            if not (q.kind == "bare" and _mid(q.value) >= 100):
                return False
        elif q.kind != "t" or _mid(q.value) > 600:
            return False
        link = link.next
    return True


def _is_one_rep(block: Block) -> bool:
    """A single rep with no count (`800s at 5k pace`): a later `do 6 of them` counts it."""
    return len(block.reps) == 1 and not block.counted


def _is_bare_time(block: Block) -> bool:
    """One rep of a few minutes with nothing said of it (`3 min`): maybe no rep but a break."""
    if len(block.reps) != 1 or block.counted:
        return False
    d = block.reps[0]
    return (
        d.duration is not None
        and _mid(d.duration) <= 600
        and d.target is None
        and d.pace_km is None
        and d.named is None
        and d.label is None
        and d.rest is None
    )


def _is_work(block: Block) -> bool:
    """Reps that are surely work: a group of several, or reps with a target or a race pace."""
    return (block.counted and len(block.reps) > 1) or (
        bool(block.reps) and all(d.target is not None or d.named for d in block.reps)
    )


def _tok_start(t: Tok) -> int:
    return t.start


def _easy_candidate(block: Block) -> bool:
    """One part of two minutes or more with a pace per km: what easy running between
    `lots of:` sets looks like (`- 10min @ 6'30''/km`)."""
    if len(block.reps) != 1:
        return False
    d = block.reps[0]
    return d.pace_km is not None and d.duration is not None and _mid(d.duration) >= 120


def _draft_pace(d: Draft) -> float | None:
    """Seconds per km of a rep, when known."""
    if d.pace_km is not None:
        return _mid(d.pace_km)
    if d.target is not None and d.distance is not None and _mid(d.distance) > 0:
        return round(_mid(d.target) / _mid(d.distance) * 1000, 1)
    return None


def _pace_of(block: Block) -> float | None:
    """Seconds per km of a block's reps, when they all have the same known pace."""
    paces = {_draft_pace(d) for d in block.reps}
    return paces.pop() if len(paces) == 1 and None not in paces else None


def _dotted_minutes(value: float) -> float:
    """`3.30` written for 3:30: the digits after the dot are seconds."""
    minutes = int(value)
    return minutes * 60 + round((value - minutes) * 100, 1)


def _count_value(t: Tok) -> int | None:
    """A count written as digits (`3`) or as a word (`three`); None for anything else."""
    if t.kind == "num" and not t.unit and t.form == "int":
        return int(t.value)
    if t.kind == "word" and t.unit in v.NUMBER_WORDS:
        return v.NUMBER_WORDS[t.unit]
    return None


def _long_jog(rest: Rest) -> bool:
    """Long enough to be running of its own, not a recovery: a kilometre or five minutes."""
    return _mid(rest.distance_m or 0) >= 1000 or _mid(rest.duration_s or 0) >= 300


def _is_plain(block: Block) -> bool:
    """One rep with nothing said about it: no count, target, recovery or name."""
    if len(block.reps) != 1 or block.counted or block.paced:
        return False
    d = block.reps[0]
    return (
        d.target is None
        and d.named is None
        and d.pace_km is None
        and d.rest is None
        and (d.label is None)
    )


def _same_draft(a: Draft, b: Draft) -> bool:
    """The same values, object for object (as `Draft.copy` leaves them): the same rep."""
    return (
        a.distance is b.distance
        and a.duration is b.duration
        and a.target is b.target
        and a.named is b.named
        and a.pace_km is b.pace_km
        and a.rest is b.rest
        and a.equal is b.equal
        and a.label is b.label
    )


def _rest_known(rest: Rest | None) -> bool:
    return rest is not None and (rest.distance_m is not None or rest.duration_s is not None)


def _fmt(x: float) -> str:
    return f"{x:g}"


def race_name(key: str | None) -> str | None:
    if key is None:
        return None
    return v.RACE_PACE_NAMES.get(key.replace(".0", ""))


def read_workout(text: str) -> Workout:
    return Reader(text).read()
