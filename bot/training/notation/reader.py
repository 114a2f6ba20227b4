"""Reading workout notation the way a runner reads it.

A recursive-descent reader over the lexer's tokens. Each item of the workout (`6 x 1000m`,
`(400, 300, 200) x 3`, `2 mi WU`) is read with the modifiers that follow it (`@ 3:05/km`,
`w/ 90s jog`, `4:00 between sets`) and expanded at once into the reps it stands for, so every
rule about targets and rests is applied to concrete reps. Words it does not know are passed
over, which is what lets it read a workout inside a sentence. Every loop consumes at least one
token per turn and expansion is capped, so the cost stays linear in the input.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from bot.training.errors import ParseError
from bot.training.model import Amount, Rep, Rest, Segment, SegmentKind, Workout
from bot.training.notation import vocabulary as v
from bot.training.notation.lexer import Tok, tokenize
from bot.training.units import DISTANCE_UNITS, DURATION_UNITS, LAP_M, MILE_M

MAX_TEXT = 4000
MAX_REPS = 1000
MAX_DEPTH = 8
EXAMPLE = "6 x 1000m @ 3:05 w/ 2:00 jog"

Range = tuple[float, float]


@dataclass(slots=True)
class Qty:
    """An amount as written: `kind` is "d" (metres), "t" (seconds), "bare" (a plain number whose
    meaning the context decides) or "s" (a number with an s: `800s` metres, `90s` seconds)."""

    kind: str
    value: Amount
    start: int  # token indices [start, end)
    end: int


@dataclass(slots=True)
class Draft:
    """A rep while it is being read; becomes a `Rep`."""

    distance: Amount | None = None
    duration: Amount | None = None
    target: Range | None = None
    named: str | None = None
    pace_km: Range | None = None
    rest: Rest | None = None
    # "time" or "distance": a recovery equal to the rep, resolved once the rep's target is known.
    equal: str | None = None
    label: str | None = None

    def copy(self) -> Draft:
        return replace(self)


@dataclass(slots=True)
class Block:
    """A run of reps read from one item, with the size of one set when it was multiplied."""

    reps: list[Draft]
    set_size: int
    start: int  # character offset, for messages
    end: int
    bare_single: bool = False  # a lone bare number: only a workout with something around it


@dataclass(slots=True)
class SegmentItem:
    kind: SegmentKind
    distance: Amount | None = None
    duration: Amount | None = None


@dataclass(slots=True)
class RestItem:
    rest: Rest | None
    scope: str  # "reps", "sets" or "all"
    equal: str | None = None
    after_break: bool = False  # came after a line break, `then` or `;`


@dataclass(slots=True)
class _RestParse:
    rest: Rest | None
    scope: str
    equal: str | None
    end: int


Item = Block | SegmentItem | RestItem


def _mid(a: Amount) -> float:
    return (a[0] + a[1]) / 2 if isinstance(a, tuple) else a


def _scale(a: Amount, k: float) -> Amount:
    return (a[0] * k, a[1] * k) if isinstance(a, tuple) else a * k


def _as_range(a: Amount) -> Range:
    return a if isinstance(a, tuple) else (a, a)


@dataclass
class Reader:
    text: str
    toks: list[Tok] = field(default_factory=list)
    i: int = 0
    total_reps: int = 0

    # -- entry point ------------------------------------------------------------------------------

    def read(self) -> Workout:
        if len(self.text) > MAX_TEXT:
            raise ParseError(
                f"that is {len(self.text):,} characters; a workout can be at most {MAX_TEXT:,}",
                text=self.text, offset=MAX_TEXT, length=1, hint=EXAMPLE,
            )
        if not self.text.strip():
            raise ParseError("there is no workout here: the text is empty", hint=EXAMPLE)
        self.toks = tokenize(self.text)
        self._check_brackets()
        items = self.sequence(depth=0, closing=False)
        return self.finish(items)

    # -- helpers ----------------------------------------------------------------------------------

    def tok(self, k: int = 0) -> Tok | None:
        j = self.i + k
        return self.toks[j] if 0 <= j < len(self.toks) else None

    def at(self, j: int) -> Tok | None:
        return self.toks[j] if 0 <= j < len(self.toks) else None

    def is_word(self, j: int, *words: str) -> bool:
        t = self.at(j)
        return t is not None and t.kind == "word" and (not words or t.unit in words)

    def is_sym(self, j: int, *syms: str) -> bool:
        t = self.at(j)
        return t is not None and t.kind == "sym" and t.unit in syms

    def error(self, message: str, j: int, end: int | None = None, hint: str = EXAMPLE) -> ParseError:
        t = self.at(j)
        if t is None:
            return ParseError(message, text=self.text, offset=len(self.text), length=0, hint=hint)
        stop = self.at((end if end is not None else j + 1) - 1) or t
        return ParseError(
            message, text=self.text, offset=t.start, length=max(stop.end - t.start, 1), hint=hint
        )

    def _check_brackets(self) -> None:
        stack: list[int] = []
        for j, t in enumerate(self.toks):
            if t.kind != "sym":
                continue
            if t.unit in "([{":
                stack.append(j)
                if len(stack) > MAX_DEPTH:
                    raise self.error(
                        f"brackets are nested more than {MAX_DEPTH} deep", j,
                        hint="3 x (4 x 400 w/ 60s) w/ 4:00 between sets",
                    )
            elif t.unit in ")]}":
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
        `3'`, `mile`."""
        t = self.at(j)
        if t is None:
            return None
        if t.kind == "time":
            if t.form in ("daytime", "ratio"):
                return None
            return Qty("t", t.value, j, j + 1)
        if t.kind == "word":
            if t.unit in ("mile", "mi", "lap", "km", "kilometer", "kilometre"):
                return Qty("d", DISTANCE_UNITS[t.unit], j, j + 1)
            if t.unit in ("a", "one", "half", "quarter") and self.is_word(j + 1, "mile", "lap", "k", "km"):
                k = {"a": 1.0, "one": 1.0, "half": 0.5, "quarter": 0.25}[t.unit]
                return Qty("d", k * DISTANCE_UNITS[self.at(j + 1).unit], j, j + 2)  # type: ignore[union-attr]
            return None
        if t.kind != "num":
            return None
        unit = t.unit
        end = j + 1
        if not unit:
            # A unit as the next word, or after a hyphen: `1 mile`, `2 min`, `3-mile`.
            nxt = self.at(j + 1)
            if nxt is not None and nxt.kind == "sym" and nxt.unit == "-" and self.is_word(j + 2):
                cand = self.at(j + 2).unit  # type: ignore[union-attr]
                if cand in DISTANCE_UNITS or cand in DURATION_UNITS:
                    unit, end = cand, j + 3
            elif nxt is not None and nxt.kind == "word" and (
                nxt.unit in DISTANCE_UNITS or nxt.unit in DURATION_UNITS
            ):
                unit, end = nxt.unit, j + 2
        if unit in ("s", "ks"):
            if unit == "ks":
                return Qty("d", t.value * 1000, j, end)
            return Qty("s", t.value, j, end)
        if unit in DISTANCE_UNITS:
            return Qty("d", t.value * DISTANCE_UNITS[unit], j, end)
        if unit in DURATION_UNITS:
            return Qty("t", t.value * DURATION_UNITS[unit], j, end)
        if unit:
            return None  # `8th`, `4pm`
        return Qty("bare", t.value, j, end)

    def quantity_range(self, j: int) -> tuple[list[Qty], int] | None:
        """Amounts joined by `-` or `to`: one (a value), two (a range) or more (a sequence)."""
        first = self.quantity(j)
        if first is None:
            return None
        parts = [first]
        k = first.end
        while len(parts) < 64:
            if self.is_sym(k, "-") or (self.is_word(k, "to") and len(parts) == 1):
                nxt = self.quantity(k + 1)
                if nxt is None:
                    break
                parts.append(nxt)
                k = nxt.end
            else:
                break
        return parts, k

    def unify(self, parts: list[Qty]) -> list[Qty]:
        """`1-2-3 min`, `60-90s`, `3-4 mi`: bare numbers take the unit written at the end."""
        last = parts[-1]
        if len(parts) == 1 or last.kind == "bare":
            return parts
        tok = self.at(last.start)
        factor = 1.0
        if tok is not None and tok.kind == "num" and tok.value:
            factor = _mid(last.value) / tok.value
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
                q.start, q.end, hint="6 x 400m, 6 x 5 min or 6 x 1 mi",
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
        if value < 10:
            return "t", _scale(q.value, 60)
        if value < 100:
            return "t", q.value
        return "d", q.value

    # -- sequences --------------------------------------------------------------------------------

    def sequence(self, depth: int, closing: bool) -> list[Item]:
        items: list[Item] = []
        after_break = False
        pending_label: str | None = None
        guard = len(self.toks) + 1
        while self.i < len(self.toks) and guard:
            guard -= 1
            t = self.toks[self.i]
            if t.kind == "sym" and t.unit in ")]}":
                if closing:
                    return items
                raise self.error("this closing bracket has no opening one", self.i)
            if t.kind == "nl" or (t.kind == "sym" and t.unit == ";") or self.is_word(self.i, "then"):
                after_break = True
                self.i += 1
                continue
            if t.kind == "sym" and t.unit in ",+/&-|>:=!?#~" or self.is_word(
                self.i, "and", "plus", "followed", "by", "next", "after", "finish", "finished"
            ):
                rest = self.rest_clause(self.i, weak_lead=True)
                if rest is not None:
                    self.i = rest.end
                    items.append(RestItem(rest.rest, rest.scope, rest.equal, after_break))
                    continue
                self.i += 1
                continue
            start = self.i
            item = self.item(depth)
            if item is None:
                if t.kind == "word" and v.LABEL_WORDS.get(t.unit):
                    pending_label = v.LABEL_WORDS[t.unit]
                self.i = max(self.i, start + 1)
                continue
            if isinstance(item, RestItem):
                item.after_break = after_break
            elif isinstance(item, Block):
                if pending_label:
                    for d in item.reps:
                        d.label = d.label or pending_label
                    pending_label = None
            after_break = False
            items.append(item)
        if closing:
            raise self.error("this bracket is never closed", self.i - 1)
        return items

    # -- items ------------------------------------------------------------------------------------

    def item(self, depth: int) -> Item | None:
        j = self.i
        t = self.toks[j]
        seg = self.segment_first(j)
        if seg is not None:
            return seg
        if t.kind == "sym" and t.unit == "@" or (
            t.kind == "word" and t.unit in ("at", "in") and self.quantity(j + 1) is not None
        ):
            # A target with no rep before it (`see you at 6`): nothing to attach it to.
            self.i = j + 1
            self.skip_target_value()
            return None
        count = self.count_prefix(j)
        if count is not None:
            return self.counted(count, depth)
        if t.kind == "sym" and t.unit in "([{":
            return self.group(depth)
        rest = self.rest_clause(j, weak_lead=False)
        if rest is not None:
            self.i = rest.end
            return RestItem(rest.rest, rest.scope, rest.equal)
        return self.lengths(depth)

    def segment_word(self, j: int) -> tuple[SegmentKind, int] | None:
        """`WU`, `warm-up`, `warm up`, `CD`, `cool down`, `warm down`, `easy`: kind and end."""
        t = self.at(j)
        if t is None or t.kind != "word":
            return None
        w = t.unit
        if w in ("warm", "cool"):
            if self.is_word(j + 1, "up", "ups"):
                return ("warmup" if w == "warm" else "cooldown"), j + 2
            if self.is_word(j + 1, "down", "dn"):
                return "cooldown", j + 2
            return None
        if w in v.WARMUP_WORDS:
            return "warmup", j + 1
        if w in v.COOLDOWN_WORDS:
            return "cooldown", j + 1
        if w in v.EASY_WORDS:
            return "easy", j + 1
        return None

    def segment_first(self, j: int) -> SegmentItem | None:
        """`WU 15'`, `warm-up 3 mi`, `CD: 2 miles`, `easy 20 min`."""
        found = self.segment_word(j)
        if found is None:
            return None
        kind, k = found
        k = self.skip_words(k, ("jog", "run", "of", "easy", "for", "with", "mins", "drills"))
        if self.is_sym(k, ":", "-", "="):
            k += 1
        q = self.quantity_range(k)
        if q is None:
            if kind == "easy":
                return None
            self.i = k
            return SegmentItem(kind)
        parts, end = q
        parts = self.unify(parts)
        if len(parts) > 2:
            return None
        measured = self.segment_length(parts)
        if measured is None:
            self.i = k
            return SegmentItem(kind)
        self.i = self.skip_words(end, ("jog", "run", "easy", "running", "w", "drills"))
        return SegmentItem(kind, *measured)

    def segment_length(self, parts: list[Qty]) -> tuple[Amount | None, Amount | None] | None:
        lengths = [self.rest_length(q) if q.kind != "bare" else None for q in parts]
        if any(x is None for x in lengths):
            # A bare number: miles when small (`WU 2`), minutes otherwise (`WU 15`).
            vals = [q.value for q in parts]
            mid = _mid(vals[0])  # type: ignore[arg-type]
            if mid <= 5:
                lengths = [("d", _scale(q.value, MILE_M)) for q in parts]
            elif mid <= 60:
                lengths = [("t", _scale(q.value, 60)) for q in parts]
            else:
                return None
        kinds = {k for k, _ in lengths if k}  # type: ignore[misc]
        if len(kinds) != 1:
            return None
        kind = kinds.pop()
        amount: Amount = lengths[0][1] if len(lengths) == 1 else (  # type: ignore[index]
            _mid(lengths[0][1]), _mid(lengths[1][1])  # type: ignore[index]
        )
        return (amount, None) if kind == "d" else (None, amount)

    def skip_words(self, j: int, words: tuple[str, ...]) -> int:
        while self.is_word(j, *words):
            j += 1
        return j

    def count_prefix(self, j: int) -> tuple[int, int, str] | None:
        """`6 x`, `6x`, `2 sets of`, `3 sets:`, `6 reps of`, `16 alternating`: (count, index after,
        how)."""
        t = self.at(j)
        if t is None or t.kind != "num" or t.unit or t.form != "int":
            return None
        n = int(t.value)
        k = j + 1
        if self.is_sym(k, "x"):
            return n, k + 1, "x"
        if self.is_word(k, "alternating", "alternate", "alternations"):
            return n, k + 1, "alternating"
        if self.is_word(k, "sets", "set", "rounds", "round", "reps", "repeats", "repetitions",
                        "times", "series", "blocks"):
            m = k + 1
            if self.is_word(m, "of"):
                m += 1
            elif self.is_sym(m, ":", "-", "x"):
                m += 1
            elif not (self.is_sym(m, "(", "[") or self.count_prefix(m) is not None or (
                self.quantity(m) is not None and self.at(k).unit != "times"  # type: ignore[union-attr]
            )):
                return None
            return n, m, "sets"
        return None

    def check_count(self, n: int, j: int) -> None:
        if n <= 0:
            raise self.error(f"{n} reps is no workout: the count must be at least 1", j,
                             hint="6 x 400")
        if n > MAX_REPS:
            raise self.error(f"{n:,} reps is more than any real workout (at most {MAX_REPS:,})",
                             j, hint="6 x 400")

    def multiply(self, reps: list[Draft], n: int, j: int) -> list[Draft]:
        self.check_count(n, j)
        if len(reps) * n > MAX_REPS:
            raise self.error(
                f"this expands to {len(reps) * n:,} reps, more than any real workout "
                f"(at most {MAX_REPS:,})", j, hint="3 x (4 x 400)",
            )
        return [d.copy() for _ in range(n) for d in reps]

    def counted(self, count: tuple[int, int, str], depth: int) -> Block:
        n, k, how = count
        count_tok = self.i
        self.check_count(n, count_tok)
        self.i = k
        if how == "alternating":
            body = self.length_list(self.i, allow_rest_words=False)
            if body is None:
                raise self.error("alternating what? Give the reps it alternates", count_tok, k,
                                 hint="16 alternating 400 and 200")
            reps, self.i = body
            copies = -(-n // len(reps))
            out = self.multiply(reps, copies, count_tok)[:n]
            block = Block(out, len(reps), self.toks[count_tok].start, self.toks[self.i - 1].end)
            return self.modifiers(block, depth)
        inner = self.body(depth, count_tok, k)
        reps = self.multiply(inner.reps, n, count_tok)
        block = Block(reps, len(inner.reps), self.toks[count_tok].start, inner.end)
        return self.modifiers(block, depth)

    def body(self, depth: int, count_tok: int, after: int) -> Block:
        """What a count multiplies: a bracketed group, another count, or one length."""
        j = self.i
        t = self.at(j)
        if t is None or (t.kind in ("nl",) or (t.kind == "sym" and t.unit in ",;+")):
            raise self.error(f"{self.toks[count_tok].value:g} x what? Nothing follows the x",
                             count_tok, after, hint="6 x 400")
        if t.kind == "sym" and t.unit in "([{":
            return self.group(depth, with_modifiers=False)
        nested = self.count_prefix(j)
        if nested is not None:
            n, k, _ = nested
            self.check_count(n, j)
            self.i = k
            inner = self.body(depth, j, k)
            reps = self.multiply(inner.reps, n, j)
            return Block(reps, len(inner.reps), self.toks[j].start, inner.end)
        # Labels before the length: `6 x hill sprints of 60m`? Rare; a label word then a length.
        label = None
        if t.kind == "word" and v.LABEL_WORDS.get(t.unit):
            label = v.LABEL_WORDS[t.unit]
            self.i = self.skip_words(j + 1, ("of", "at", "for"))
        got = self.one_length(self.i, strict=True)
        if got is None:
            raise self.error(f"{self.toks[count_tok].value:g} x what? I can't read the rep here",
                             self.i if self.at(self.i) else count_tok, hint="6 x 400m or 6 x 3:00")
        draft, self.i = got
        if label:
            draft.label = label
        return Block([draft], 1, self.toks[j].start, self.toks[self.i - 1].end)

    def one_length(self, j: int, strict: bool) -> tuple[Draft, int] | None:
        q = self.quantity_range(j)
        if q is None:
            if strict and self.at(j) is not None and self.at(j).kind == "num":  # type: ignore[union-attr]
                t = self.at(j)
                raise self.error(f"I can't read “{self.text[t.start:t.end]}” as a rep length",  # type: ignore[union-attr]
                                 j, hint="6 x 400m, 6 x 1 mile or 6 x 3:00")
            return None
        parts, end = q
        parts = self.unify(parts)
        if len(parts) > 2:
            return None
        lengths = [self.rep_length(p, strict) for p in parts]
        if any(x is None for x in lengths):
            return None
        kinds = {k for k, _ in lengths}  # type: ignore[misc]
        if len(kinds) != 1:
            return None
        kind = kinds.pop()
        values = [_mid(val) for _, val in lengths]  # type: ignore[misc]
        amount: Amount = values[0] if len(values) == 1 else (min(values), max(values))
        self.check_positive(amount, parts[0].start, end)
        draft = Draft(distance=amount) if kind == "d" else Draft(duration=amount)
        return draft, end

    def check_positive(self, amount: Amount, j: int, end: int) -> None:
        if _mid(amount) <= 0 or (isinstance(amount, tuple) and amount[0] <= 0):
            raise self.error("a rep must have a length above zero", j, end, hint="6 x 400m")

    def group(self, depth: int, with_modifiers: bool = True) -> Block:
        open_tok = self.i
        self.i += 1
        items = self.sequence(depth + 1, closing=True)
        close_tok = self.i
        self.i += 1  # the closing bracket
        reps = self.flatten(items)
        if not reps:
            raise self.error("there are no reps inside these brackets", open_tok, close_tok + 1,
                             hint="4 x (1000m, 400m)")
        block = Block(reps, len(reps), self.toks[open_tok].start, self.toks[close_tok].end)
        if not with_modifiers:
            return block
        return self.modifiers(block, depth)

    def length_list(self, j: int, allow_rest_words: bool) -> tuple[list[Draft], int] | None:
        """`400`, `200, 400, 600`, `400-800-1200-800-400`, `1-2-3-2-1 min`, `400 and 200`."""
        q = self.quantity_range(j)
        if q is None:
            return None
        parts, end = q
        parts = self.unify(parts)
        drafts: list[Draft] = []
        if len(parts) > 2 or (len(parts) == 2 and self._is_sequence(parts)):
            for p in parts:
                got = self.rep_length(p, strict=False)
                if got is None:
                    return None
                kind, val = got
                self.check_positive(val, p.start, p.end)
                drafts.append(Draft(distance=val) if kind == "d" else Draft(duration=val))
        else:
            got1 = self.one_length(j, strict=False)
            if got1 is None:
                return None
            draft, end = got1
            drafts.append(draft)
        # More lengths after commas, slashes or `and`: `200, 400, 600`.
        while len(drafts) < MAX_REPS:
            if not (self.is_sym(end, ",", "/", "&") or self.is_word(end, "and")):
                break
            nxt = end + 1
            if self.count_prefix(nxt) is not None or self.segment_after(nxt) is not None:
                break
            if self.rest_clause(nxt, weak_lead=False) is not None:
                break
            more = self.length_list_one(nxt)
            if more is None:
                break
            new, end2 = more
            if self.is_sym(end2, "x") or self.segment_after(end2 - 1) is not None:
                break
            drafts.extend(new)
            end = end2
        # A unit at the end of a list applies to bare numbers before it: `200, 400, 600m`.
        return drafts, end

    def length_list_one(self, j: int) -> tuple[list[Draft], int] | None:
        q = self.quantity_range(j)
        if q is None:
            return None
        parts, end = q
        parts = self.unify(parts)
        out = []
        for p in parts if (len(parts) > 2 or self._is_sequence(parts)) else parts[:1]:
            got = self.rep_length(p, strict=False)
            if got is None:
                return None
            kind, val = got
            self.check_positive(val, p.start, p.end)
            out.append(Draft(distance=val) if kind == "d" else Draft(duration=val))
        if len(parts) == 2 and not self._is_sequence(parts):
            got1 = self.one_length(j, strict=False)
            if got1 is None:
                return None
            return [got1[0]], got1[1]
        return out, end

    @staticmethod
    def _is_sequence(parts: list[Qty]) -> bool:
        """Two lengths joined by a dash are a range (`3-4 mi`, `20-25 min`) unless they read as a
        pair of distinct reps (`400-200`, descending or far apart)."""
        if len(parts) != 2:
            return len(parts) > 2
        a, b = _mid(parts[0].value), _mid(parts[1].value)
        return a >= b or b > 2.5 * a

    def segment_after(self, j: int) -> tuple[SegmentKind, int] | None:
        """A segment word within the few words after a length: `3 mi easy warm-up`."""
        k = j
        found: tuple[SegmentKind, int] | None = None
        for _ in range(4):
            t = self.at(k)
            if t is None or t.kind != "word":
                break
            seg = self.segment_word(k)
            if seg is not None:
                kind, end = seg
                if found is None or (found[0] == "easy" and kind != "easy"):
                    found = (kind, end)
                k = end
                continue
            if t.unit not in ("of", "mile", "miles", "min", "mins", "run", "running", "jog",
                              "very", "super", "relaxed", "conversational", "pace", "total",
                              "on", "the", "road", "roads", "grass", "trails", "trail"):
                break
            k += 1
        return found

    def lengths(self, depth: int) -> Item | None:
        j = self.i
        got = self.length_list(j, allow_rest_words=False)
        if got is None:
            return None
        drafts, end = got
        # `3 mi easy warm-up`, `2 mi CD`, `20 min easy`: a segment, not work.
        if len(drafts) == 1:
            seg = self.segment_after(end)
            if seg is not None:
                kind, seg_end = seg
                d = drafts[0]
                self.i = seg_end
                return SegmentItem(kind, d.distance, d.duration)
        self.i = end
        block = Block(drafts, len(drafts), self.toks[j].start, self.toks[end - 1].end)
        t = self.at(j)
        block.bare_single = (
            len(drafts) == 1 and t is not None and t.kind == "num" and not t.unit
            and self.quantity(j) is not None and self.quantity(j).end == j + 1  # type: ignore[union-attr]
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

    def modifiers(self, block: Block, depth: int) -> Block:
        """Targets, recoveries, labels and counts written after an item, in any order."""
        skipped_words = 0
        guard = len(self.toks) + 1
        while self.i < len(self.toks) and guard:
            guard -= 1
            j = self.i
            t = self.toks[j]
            if t.kind == "nl":
                break
            if t.kind == "sym" and t.unit == "@" or (
                t.kind == "word" and t.unit in v.TARGET_LEADS and self._target_follows(j + 1)
            ):
                self.i = j + 1
                if not self.target(block, lead=j):
                    if t.unit == "@":
                        raise self.error("@ needs a target after it: a time, a pace or a race pace",
                                         j, hint="6 x 400 @ 68, @ 3:05/km or @ 5k pace")
                    self.i = j + 1
                block.bare_single = False
                continue
            if t.kind in ("num", "time") and self._named_pace_at(j) is not None:
                named, end = self._named_pace_at(j)  # type: ignore[misc]
                self.set_named(block, named)
                self.i = end
                continue
            if t.kind == "sym" and t.unit == "x":
                ct = self.at(j + 1)
                if ct is not None and ct.kind == "num" and not ct.unit and ct.form == "int":
                    size = len(block.reps)
                    block.reps = self.multiply(block.reps, int(ct.value), j + 1)
                    block.set_size = size
                    self.i = self.skip_words(j + 2, ("sets", "set", "times", "reps"))
                    block.bare_single = False
                    continue
                break
            if t.kind == "sym" and t.unit in "([{":
                paren = self.paren_modifier(block, j)
                if paren:
                    continue
                break
            if t.kind == "word" and t.unit in v.CUTDOWN_WORDS or (
                t.kind == "word" and t.unit == "down" and self._time_at(j + 1)
            ):
                if self.cutdown(block, j):
                    continue
            weak = t.kind == "sym" and t.unit in ",/+&-" or self.is_word(j, "and", "plus", "then")
            rest = self.rest_clause(j, weak_lead=weak)
            if rest is not None:
                self.apply_rest(block, rest)
                self.i = rest.end
                block.bare_single = False
                continue
            if weak:
                # `, @ 68`? rarely; a comma then a target continues the item.
                break
            if t.kind == "word":
                label = v.LABEL_WORDS.get(t.unit, "")
                if label:
                    for d in block.reps:
                        d.label = d.label or label
                    block.bare_single = False
                    self.i = j + 1
                    continue
                if t.unit in v.NAMED_PACES and t.unit in ("mp", "hmp", "gp", "lt", "threshold"):
                    self.set_named(block, v.NAMED_PACES[t.unit])
                    self.i = self.skip_words(j + 1, tuple(v.PACE_SUFFIX_WORDS))
                    continue
                if self.segment_word(j) is not None or t.unit in v.JOIN_WORDS:
                    break
                if t.unit in v.REST_WORDS:
                    break
                # Prose inside an item (`on the grass loop`): pass over a few words.
                skipped_words += 1
                if skipped_words > 6:
                    break
                self.i = j + 1
                continue
            break
        return block

    def _time_at(self, j: int) -> bool:
        t = self.at(j)
        if t is not None and t.kind == "word" and t.unit in ("from", "to"):
            t = self.at(j + 1)
        return t is not None and (t.kind == "time" or (t.kind == "num" and t.unit in ("", "s")))

    def _target_follows(self, j: int) -> bool:
        t = self.at(j)
        if t is None:
            return False
        if t.kind == "time" and t.form in ("clock", "prime"):
            return True
        if t.kind == "num":
            return self._named_pace_at(j) is not None or t.unit in ("", "s", "sec", "secs")
        if t.kind == "word":
            return t.unit in v.NAMED_PACES or t.unit in ("mile", "half", "marathon", "goal", "race")
        return False

    def _named_pace_at(self, j: int) -> tuple[str, int] | None:
        """`5k pace`, `10K effort`, `mile pace`, `3k-5k pace`, `HMP`: (name, index after)."""
        t = self.at(j)
        if t is None:
            return None
        key = None
        k = j + 1
        if t.kind == "num":
            unit = t.unit
            num = f"{t.value:g}"
            if unit.endswith("pace"):
                unit = unit[: -len("pace")]
            if unit in ("k", "km"):
                key = f"{num}k"
            elif unit in ("mi", "mile") or (not unit and self.is_word(k, "mile", "mi")):
                key = "mile" if num == "1" else f"{num}mile"
                if not unit:
                    k += 1
            elif not unit:
                key = num
            if key is None:
                return None
            if self.is_sym(k, "-") and self.at(k + 1) is not None:
                # `3k-5k pace`: the first name stands.
                if self._named_pace_at(k + 1) is not None:
                    return RACE_NAME(key), self._named_pace_at(k + 1)[1]  # type: ignore[index,return-value]
            if not self.is_word(k, *v.PACE_SUFFIX_WORDS) and not t.unit.endswith("pace"):
                return None
        elif t.kind == "word":
            if t.unit in ("mile", "half", "marathon"):
                key = t.unit
                if t.unit == "half" and self.is_word(k, "marathon"):
                    k += 1
                if not self.is_word(k, *v.PACE_SUFFIX_WORDS):
                    return None
            else:
                return None
        else:
            return None
        name = RACE_NAME(key)
        if name is None:
            return None
        return name, self.skip_words(k, tuple(v.PACE_SUFFIX_WORDS))

    def paren_modifier(self, block: Block, j: int) -> bool:
        """`(60s)`, `(200m jog)`, `(3 min between sets)`: a recovery in brackets; `(3:05)` after a
        distance rep: a target."""
        close = j + 1
        while close < len(self.toks) and not self.is_sym(close, ")", "]", "}"):
            if self.is_sym(close, "(", "[", "{") or close - j > 12:
                return False
            close += 1
        if close >= len(self.toks):
            return False
        rest = self.rest_clause(j + 1, weak_lead=False, strong=True)
        if rest is not None and rest.end == close:
            self.apply_rest(block, rest)
            self.i = close + 1
            return True
        q = self.quantity(j + 1)
        if q is not None and q.end == close and q.kind == "t":
            t = self.at(j + 1)
            if t is not None and t.kind == "time" and t.form == "clock" and all(
                d.distance is not None for d in block.reps
            ):
                target = (float(q.value), float(q.value))  # type: ignore[arg-type]
                for d in block.reps:
                    d.target = d.target or target
            else:
                self.apply_rest(block, _RestParse(Rest(duration_s=q.value), "reps", None, close))
            self.i = close + 1
            return True
        return False

    def skip_target_value(self) -> None:
        if self._named_pace_at(self.i) is not None:
            self.i = self._named_pace_at(self.i)[1]  # type: ignore[index]
            return
        q = self.quantity_range(self.i)
        if q is not None:
            self.i = q[1]

    # -- targets ----------------------------------------------------------------------------------

    def set_named(self, block: Block, name: str) -> None:
        for d in block.reps:
            if d.target is None and d.named is None:
                d.named = name

    def target(self, block: Block, lead: int) -> bool:
        j = self.i
        j = self.skip_words(j, ("about", "around", "approx", "approximately", "roughly", "like"))
        if self.is_sym(j, "~"):
            j += 1
        named = self._named_pace_at(j)
        if named is not None:
            self.set_named(block, named[0])
            self.i = named[1]
            return True
        t = self.at(j)
        if t is not None and t.kind == "word":
            if t.unit in v.NAMED_PACES:
                name = v.NAMED_PACES[t.unit]
                if t.unit in ("e", "easy", "r", "rep", "i", "m") and not self.is_word(
                    j + 1, *v.PACE_SUFFIX_WORDS
                ) and self.toks[lead].unit != "@":
                    return False
                self.set_named(block, name)
                self.i = self.skip_words(j + 1, (*v.PACE_SUFFIX_WORDS, "marathon"))
                return True
            if t.unit in v.CUTDOWN_WORDS:
                return self.cutdown(block, j)
            return False
        values: list[Range] = []
        paces: list[float] = []
        k = j
        while len(values) < MAX_REPS:
            got = self.target_value(k)
            if got is None:
                break
            val, k, pace_unit = got
            values.append(val)
            paces.append(pace_unit)
            if self.is_word(k, "down") and self.is_word(k + 1, "to") or self.is_sym(k, ">"):
                # `5:00 down to 4:40`, `72 > 64`: a cut-down.
                k2 = k + (2 if self.is_word(k, "down") else 1)
                end = self.target_value(k2)
                if end is not None:
                    self.spread(block, values[-1][0], end[0][0], pace_unit)
                    self.i = end[1]
                    return True
            if (self.is_sym(k, ",", "/", ";") or self.is_word(k, "then", "and")) and (
                self._target_continues(k + 1)
            ):
                k += 1
                continue
            break
        if not values:
            return False
        self.i = k
        self.assign_targets(block, values, paces, j)
        return True

    def _target_continues(self, j: int) -> bool:
        """After `@ 4:40,` does another target follow, or the next item?"""
        t = self.at(j)
        if t is None or not (t.kind == "time" or (t.kind == "num" and t.unit in ("", "s"))):
            return False
        if t.kind == "time" and t.form not in ("clock", "prime"):
            return False
        nxt = j + 1
        if self.is_sym(nxt, "x", "@") or self.is_word(nxt, *v.TARGET_LEADS):
            return False
        if self.is_word(nxt) and (
            self.at(nxt).unit in v.REST_WORDS  # type: ignore[union-attr]
            or self.at(nxt).unit in DISTANCE_UNITS  # type: ignore[union-attr]
            or self.segment_word(nxt) is not None
        ):
            return False
        return not (t.kind == "num" and t.unit == "" and t.value >= 100 and t.form == "int"
                    and t.value % 50 == 0 and t.value >= 200)

    def target_value(self, j: int, single: bool = False) -> tuple[Range, int, float] | None:
        """A rep time or a pace: `68`, `52-54`, `2:26-2:28`, `3:05/km`, `5:00 mile pace`.
        Returns ((low, high), index after, metres the time is per; 0 for a rep time)."""
        got = self.quantity_range(j)
        if got is None:
            return None
        parts, end = got
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
        per = 0.0
        k = end
        if self.is_sym(k, "/") or self.is_word(k, "per", "a", "each"):
            unit_tok = self.at(k + 1)
            if unit_tok is not None:
                if unit_tok.kind == "word" and unit_tok.unit in ("km", "k", "kilometer", "kilometre",
                                                                  "mi", "mile", "lap"):
                    per = DISTANCE_UNITS.get(unit_tok.unit, 1000.0)
                    k += 2
                elif unit_tok.kind == "num" and unit_tok.value in (200, 400, 1000, 1, 100) and (
                    unit_tok.unit in ("", "m", "k", "km", "mi")
                ):
                    per = unit_tok.value * DISTANCE_UNITS.get(unit_tok.unit or "m", 1.0)
                    k += 2
        elif self.is_word(k, "mile", "mi", "km", "k", "kilometer") and self.is_word(
            k + 1, *v.PACE_SUFFIX_WORDS
        ):
            per = DISTANCE_UNITS[self.at(k).unit]  # type: ignore[union-attr]
            k += 1
        if self.is_word(k, *v.PACE_SUFFIX_WORDS):
            if per == 0.0 and secs[0] >= 150:
                per = MILE_M  # `@ 5:00 pace`: mile pace, as it is said in the US
            k += 1
        lo, hi = min(secs), max(secs)
        return (lo, hi), k, per

    def assign_targets(
        self, block: Block, values: list[Range], paces: list[float], j: int
    ) -> None:
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
            raise self.error(
                f"{len(values)} targets for {n} reps: give one target for all, or one per rep",
                j, self.i, hint="1600, 1200, 800 @ 4:40, 3:27, 2:16",
            )
        for d, val, per in zip(reps, chosen, pers, strict=True):
            self.set_target(d, val, per)

    def set_target(self, d: Draft, val: Range, per: float) -> None:
        if per:
            if d.distance is not None:
                k = _mid(d.distance) / per
                d.target = (round(val[0] * k, 1), round(val[1] * k, 1))
            else:
                k = 1000.0 / per
                d.pace_km = (val[0] * k, val[1] * k)
        else:
            d.target = val

    def cutdown(self, block: Block, j: int) -> bool:
        """`cutting down 5:00 to 4:40`, `descending from 72 to 64`: spread evenly over the reps."""
        k = self.skip_words(j + 1, ("down", "from", "each", "rep", "by", "starting", "at"))
        first = self.target_value(k, single=True)
        if first is None:
            return False
        (a, _), k, per = first
        if not (self.is_word(k, "to", "down") or self.is_sym(k, "-", ">")):
            return False
        k = self.skip_words(k, ("down", "to"))
        if self.is_sym(k, "-", ">"):
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
        `500m in 3:00`, `walk back`, `equal time jog`, `4:00 between sets`, `90sec-2min rest b/w
        everything`. `weak_lead` means j is a joining symbol (`,` `+` `/`) that only leads into a
        recovery when words say so. Returns None when it is not a recovery."""
        k = j
        signal = strong
        if weak_lead:
            k += 1
        if self.is_word(k, "with", "w"):
            k += 1
            signal = True
        elif self.is_sym(k, "+") or self.is_word(k, "plus"):
            k += 1
        kind: str | None = None
        equal: str | None = None
        scope = "reps"
        scope_seen = False
        distance: Amount | None = None
        duration: Amount | None = None
        # Qualifier first: `between sets 3 min`, `b/w reps: 90s`.
        q_end = self._scope_words(k)
        if q_end is not None:
            scope, k = q_end
            scope_seen = True
            if self.is_sym(k, ":", "-"):
                k += 1
        # A recovery word first: `rest 90s`, `jog 200`, `rec. 2 min`.
        if self.is_word(k) and self.at(k).unit in v.REST_WORDS:  # type: ignore[union-attr]
            kind = v.REST_WORDS[self.at(k).unit]  # type: ignore[union-attr]
            signal = True
            k += 1
            if self.is_sym(k, ":", "-", "="):
                k += 1
            k = self.skip_words(k, ("interval", "intervals", "of", "for", "is"))
        elif self.is_word(k, "equal", "same", "equivalent"):
            if self.is_word(k + 1, "time", "duration", "distance", "length"):
                equal = "distance" if self.at(k + 1).unit in ("distance", "length") else "time"  # type: ignore[union-attr]
                k += 2
                signal = True
        elif self.is_word(k, "full", "complete", "short", "long", "active", "easy", "slow"):
            if self.is_word(k + 1) and self.at(k + 1).unit in v.REST_WORDS:  # type: ignore[union-attr]
                kind = v.REST_WORDS[self.at(k + 1).unit]  # type: ignore[union-attr]
                k += 2
                signal = True
        t = self.at(k)
        if t is not None and t.kind == "time" and t.form == "ratio":
            # `1:1 rest`: recovery as long as the rep.
            if abs(t.value - 1.0) < 1e-9:
                equal = "time"
            k += 1
        amount_start = k
        if equal is None:
            if self.is_sym(k, "-") and self.at(k + 1) is not None and self.at(k + 1).kind in (  # type: ignore[union-attr]
                "num", "time"
            ) and signal:
                raise self.error("a recovery can't be negative", k, k + 2, hint="6 x 400 w/ 90s")
            got = self.quantity_range(k)
            if got is not None:
                parts, end = got
                parts = self.unify(parts)
                if len(parts) <= 2:
                    lens = [self.rest_length(p) for p in parts]
                    kinds = {kk for kk, _ in lens}
                    if len(kinds) == 1:
                        kk = kinds.pop()
                        vals = [_mid(val) for _, val in lens]
                        amt: Amount = vals[0] if len(vals) == 1 else (min(vals), max(vals))
                        if _mid(amt) <= 0 and signal:
                            raise self.error("a recovery must be longer than zero", k, end,
                                             hint="6 x 400 w/ 90s")
                        if kk == "d":
                            distance = amt
                        else:
                            duration = amt
                        k = end
        # Trailing words: `jog`, `rest`, `recovery`, `between`, `b/w sets`, `in 3:00`, `back`.
        for _ in range(8):
            tw = self.at(k)
            if tw is None:
                break
            if tw.kind == "word" and tw.unit in v.REST_WORDS:
                kind = kind or v.REST_WORDS[tw.unit]
                signal = True
                k += 1
                continue
            sc = self._scope_words(k)
            if sc is not None:
                scope, k = sc
                scope_seen = True
                continue
            if tw.kind == "word" and tw.unit in ("back", "down", "recovery", "active", "easy",
                                                 "slow", "very", "interval", "intervals", "total",
                                                 "only", "each", "per", "after", "following",
                                                 "standing", "the", "it", "reps", "rep"):
                if tw.unit in ("back",) and kind is not None:
                    signal = True
                if tw.unit == "easy" and (distance is not None or duration is not None) and signal:
                    kind = kind or "jog"
                k += 1
                continue
            if tw.kind == "word" and tw.unit in ("in", "at") and distance is not None and (
                duration is None
            ):
                got2 = self.quantity_range(k + 1)
                if got2 is not None:
                    parts2 = self.unify(got2[0])
                    if len(parts2) <= 2 and all(p.kind in ("t", "bare", "s") for p in parts2):
                        vals2 = [_mid(p.value) for p in parts2]
                        duration = vals2[0] if len(vals2) == 1 else (min(vals2), max(vals2))
                        k = got2[1]
                        continue
            if tw.kind == "sym" and tw.unit == "-" and self.is_word(k + 1):
                k += 1
                continue
            break
        if not signal and not scope_seen:
            return None
        if scope_seen and not signal and distance is None and duration is None:
            return None
        if distance is None and duration is None and kind is None and equal is None:
            return None
        if k == amount_start and kind is None and equal is None and not scope_seen:
            return None
        if self.at(k) is not None and self.is_sym(k, "x"):
            return None  # `w/ 4 x 200 after`: not a recovery
        rest = Rest(distance_m=distance, duration_s=duration, kind=kind)
        return _RestParse(rest, scope, equal, k)

    def _scope_words(self, k: int) -> tuple[str, int] | None:
        """`between sets`, `b/w reps`, `between everything`, `between each`, `between`, `set
        rest`, `after each set`."""
        if self.is_word(k, "between", "btw", "btwn", "bw", "inbetween", "after"):
            m = self.skip_words(k + 1, ("each", "every", "the", "all"))
            if self.is_word(m, *v.SET_WORDS):
                return "sets", m + 1
            if self.is_word(m, "everything", "all", "reps", "rep", "intervals", "efforts"):
                scope = "all" if self.at(m).unit in ("everything", "all") else "reps"  # type: ignore[union-attr]
                return scope, m + 1
            if self.toks[k].unit == "after":
                return None
            if m > k + 1 and self.is_word(m - 1, "all"):
                return "all", m
            return "reps", m
        if self.is_word(k, *v.SET_WORDS) and self.is_word(k + 1, "rest", "break", "recovery"):
            return "sets", k + 2
        return None

    def apply_rest(self, block: Block, rp: _RestParse) -> None:
        reps = block.reps
        if rp.scope == "sets":
            size = block.set_size
            if size >= len(reps):
                return
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
        if known and len(known) == len(reps) and block.set_size < len(reps):
            self.apply_rest(block, _RestParse(rp.rest, "sets", rp.equal, rp.end))
            return
        for d in reps:
            if d.rest is None or not _rest_known(d.rest):
                d.rest, d.equal = rp.rest, rp.equal

    # -- assembling -------------------------------------------------------------------------------

    def flatten(self, items: list[Item]) -> list[Draft]:
        """Blocks in order, with recoveries written between them applied."""
        out: list[Draft] = []
        last_block: Block | None = None
        for idx, it in enumerate(items):
            if isinstance(it, Block):
                last_block = it
                out.extend(it.reps)
            elif isinstance(it, RestItem) and last_block is not None:
                more_work = any(isinstance(x, Block) for x in items[idx + 1 :])
                has_rests = any(d.rest is not None for d in last_block.reps)
                rp = _RestParse(it.rest, it.scope, it.equal, 0)
                if it.after_break and more_work and has_rests and it.scope != "sets":
                    last_block.reps[-1].rest = it.rest
                    last_block.reps[-1].equal = it.equal
                else:
                    self.apply_rest(last_block, rp)
        return out

    def finish(self, items: list[Item]) -> Workout:
        blocks = [it for it in items if isinstance(it, Block)]
        if len(blocks) == 1 and blocks[0].bare_single:
            # A lone number (`400`, `room 101`) is not a workout without anything around it.
            blocks[0].reps = []
        total = sum(len(b.reps) for b in blocks)
        if total == 0:
            raise ParseError(
                "I couldn't find a workout here: no reps such as `6 x 1000m` or `20 min tempo`",
                text=self.text, offset=len(self.text) - len(self.text.lstrip()),
                length=len(self.text.strip()), hint=EXAMPLE,
            )
        if total > MAX_REPS:
            raise ParseError(
                f"this expands to {total:,} reps, more than any real workout "
                f"(at most {MAX_REPS:,})", text=self.text, offset=0, length=len(self.text),
                hint="3 x (4 x 400)",
            )
        segments: list[Segment] = []
        reps: list[Rep] = []
        # Recoveries between blocks need the block list, which flatten() builds in order.
        work_items: list[Item] = [it for it in items if not isinstance(it, SegmentItem)]
        self.flatten(work_items)
        block_index = 0
        work_start: int | None = None
        for it in items:
            if isinstance(it, Block) and it.reps:
                if work_start is None:
                    work_start = len(reps)
                for d in it.reps:
                    reps.append(self.to_rep(d, block_index))
                block_index += 1
            elif isinstance(it, SegmentItem):
                if work_start is not None:
                    segments.append(Segment("work", first_rep=work_start, last_rep=len(reps)))
                    work_start = None
                segments.append(Segment(it.kind, distance_m=it.distance, duration_s=it.duration))
        if work_start is not None:
            segments.append(Segment("work", first_rep=work_start, last_rep=len(reps)))
        if reps:
            reps[-1] = replace(reps[-1], rest=None)
        return Workout(text=self.text, reps=tuple(reps), segments=tuple(segments))

    @staticmethod
    def to_rep(d: Draft, block_index: int) -> Rep:
        rest = d.rest
        if d.equal is not None:
            base = rest or Rest()
            if d.equal == "distance" and d.distance is not None:
                rest = Rest(distance_m=d.distance, kind=base.kind)
            elif d.equal == "time":
                length = d.duration if d.duration is not None else (
                    None if d.target is None else (
                        d.target[0] if d.target[0] == d.target[1] else d.target
                    )
                )
                rest = Rest(duration_s=length, kind=base.kind)
        target = d.target
        return Rep(
            distance_m=d.distance,
            duration_s=d.duration,
            target_s=target,
            target_name=d.named if target is None else None,
            target_pace_s_per_km=d.pace_km,
            rest=rest,
            label=d.label,
            set_index=block_index,
        )


def _rest_known(rest: Rest) -> bool:
    return rest.distance_m is not None or rest.duration_s is not None


def _fmt(x: float) -> str:
    return f"{x:g}"


def RACE_NAME(key: str | None) -> str | None:  # noqa: N802 - a lookup that reads like a table
    if key is None:
        return None
    return v.RACE_PACE_NAMES.get(key.replace(".0", ""))


def read_workout(text: str) -> Workout:
    return Reader(text).read()
