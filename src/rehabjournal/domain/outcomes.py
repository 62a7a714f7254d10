"""Outcome measures (PROMs): instrument definitions, scoring, missing items, meaningful change.

Pure Python: an instrument is built from the dict stored in
``resources/instruments/<key>.json`` (the services layer reads the file). Scoring follows
each instrument's published rule (domain.md section 4):

* ``"subscales"`` (KOOS): each subscale ``100 - mean * 100 / item maximum`` over the
  answered items, scored only when enough items are answered (KOOS: Pain 5 of 9, Symptoms
  4 of 7, ADL 9 of 17, Sport/Rec 3 of 5, QOL 2 of 4). No total; the ``headline`` subscale
  (KOOS: Pain) is the score shown on charts.
* ``"sum"`` (LEFS): the sum of the items (0-80), only when every item is answered.
* ``"mean"`` (PSFS): the mean of the rated activities (0-10).

Nothing here or above tests an instrument by name: how an instrument is numbered, scored,
labelled and explained comes from its definition (``numbering``, ``headline``,
``scoring.note``, ``blurb`` ...).

Answers are ``{item id: score}`` for item instruments (a missing key or ``None`` is a
skipped item) and ``{"activities": [{"name": str, "score": int}, ...]}`` for the PSFS.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..i18n import _, decimal_separator, format_number
from .scales import general

# Meaningful change by instrument (domain.md section 4): points on the instrument's scale.
# Reference only: each instrument file states its own (a test checks they agree).
MCID: dict[str, float] = {
    "nprs": 2, "psfs": 2, "lefs": 9, "koos": 8, "visa_p": 13, "kujala": 10, "tsk11": 4,
}


#: Instrument kinds: fixed items with answer options, or activities the person names and
#: rates (answers ``{"activities": [{"name": str, "score": int}, ...]}``).
ITEMS = "items"
ACTIVITIES = "activities"


@dataclass(frozen=True, slots=True)
class Option:
    label: str
    score: int


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    text: str
    options: tuple[Option, ...]
    section: str = ""


@dataclass(frozen=True, slots=True)
class Section:
    key: str
    title: str
    instruction: str = ""


@dataclass(frozen=True, slots=True)
class Subscale:
    key: str
    name: str
    items: tuple[str, ...]
    min_answered: int


@dataclass(frozen=True, slots=True)
class Instrument:
    """One questionnaire as published: its items, scoring rule and attribution."""

    key: str
    name: str
    short: str
    kind: str  # ITEMS, or ACTIVITIES (the person names activities and rates each)
    instructions: str
    items: tuple[Item, ...]
    sections: tuple[Section, ...]
    subscales: tuple[Subscale, ...]
    rule: str  # "subscales", "sum" or "mean"
    score_range: tuple[float, float]
    higher_is_better: bool
    missing_rule: str
    missing_text: str
    mcid: float
    mcid_note: str
    licence: str
    reference: str
    sources: tuple[tuple[str, str], ...]
    headline: str = ""  # the subscale that is the score of a "subscales" instrument
    anchors: dict[str, str] = field(default_factory=dict)
    min_activities: int = 1
    max_activities: int = 5
    blurb: str = ""  # one line on what it asks and how long it takes
    numbering: str = "position"  # items shown as "1. ..." ("position") or "S1. ..." ("id")
    scale_note: str = ""  # how to read the score; default "Scale lo-hi; higher is better."

    @property
    def item_ids(self) -> tuple[str, ...]:
        return tuple(i.id for i in self.items)

    @property
    def rates_activities(self) -> bool:
        """True for an instrument of named, rated activities (the PSFS) rather than items."""
        return self.kind == ACTIVITIES

    @property
    def headline_subscale(self) -> Subscale | None:
        """The subscale whose score is the instrument's score (KOOS: Pain), or None."""
        return next((s for s in self.subscales if s.key == self.headline), None)

    @property
    def score_label(self) -> str:
        """What the score is called on charts and in tables: "LEFS", "KOOS Pain"."""
        head = self.headline_subscale
        return f"{self.short} {head.name}" if head else self.short

    @property
    def reading(self) -> str:
        """How to read a score: the instrument's note, or its range and direction."""
        if self.scale_note:
            return self.scale_note
        lo, hi = (fmt_score(v) for v in self.score_range)
        if self.higher_is_better:
            return _("Scale {low}-{high}; higher is better.").format(low=lo, high=hi)
        return _("Scale {low}-{high}; lower is better.").format(low=lo, high=hi)

    def item_label(self, position: int) -> str:
        """The number shown before the item at ``position`` (0-based): "1" or "S1"."""
        return self.items[position].id if self.numbering == "id" else str(position + 1)

    def item(self, item_id: str) -> Item:
        for it in self.items:
            if it.id == item_id:
                return it
        raise KeyError(item_id)

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)


@dataclass(frozen=True, slots=True)
class Score:
    """A scored response: ``total`` is the headline (None when it cannot be scored)."""

    total: float | None
    subscores: dict[str, float | None]
    answered: int
    problems: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Change:
    """The change from a first score to a later one, judged against the meaningful change."""

    delta: float
    mcid: float
    meaningful: bool
    direction: str  # "better", "worse" or "no meaningful change"

    @property
    def text(self) -> str:
        """"+9.0: meaningfully better", "-2.0: within the meaningful change of 8" (current
        language)."""
        delta = f"{self.delta:+.1f}".replace(".", decimal_separator())
        if not self.meaningful:
            return _("{delta}: within the meaningful change of {mcid}").format(
                delta=delta, mcid=general(self.mcid))
        if self.direction == "better":
            return _("{delta}: meaningfully better").format(delta=delta)
        return _("{delta}: meaningfully worse").format(delta=delta)


def instrument_from_dict(d: dict[str, Any]) -> Instrument:
    """Build an ``Instrument`` from its JSON definition."""
    items = tuple(
        Item(it["id"], it["text"], tuple(Option(o["label"], int(o["score"]))
                                         for o in it["options"]), it.get("section", ""))
        for it in d.get("items", [])
    )
    sections = tuple(Section(s["key"], s.get("title", ""), s.get("instruction", ""))
                     for s in d.get("sections", []))
    subscales = tuple(Subscale(s["key"], s["name"], tuple(s["items"]), int(s["min_answered"]))
                      for s in d.get("subscales", []))
    scoring = d["scoring"]
    acts = d.get("activities", {})
    mcid = d.get("mcid") or {}
    if "value" not in mcid:  # each instrument file states its own, with its source
        raise ValueError(f"instrument {d['key']!r} gives no meaningful change (mcid.value)")
    return Instrument(
        key=d["key"], name=d["name"], short=d.get("short", d["key"].upper()),
        kind=d.get("kind", ITEMS), instructions=d.get("instructions", ""), items=items,
        sections=sections, subscales=subscales, rule=scoring["rule"],
        score_range=(float(scoring["range"][0]), float(scoring["range"][1])),
        higher_is_better=bool(scoring.get("higher_is_better", True)),
        missing_rule=d.get("missing", {}).get("rule", "all_required"),
        missing_text=d.get("missing", {}).get("description", ""),
        mcid=float(mcid["value"]), mcid_note=mcid.get("note", ""),
        licence=d.get("licence", ""), reference=d.get("reference", ""),
        sources=tuple((s["what"], s["where"]) for s in d.get("source", [])),
        headline=d.get("headline", ""), anchors=dict(d.get("anchors", {})),
        min_activities=int(acts.get("min", 1)), max_activities=int(acts.get("max", 5)),
        blurb=d.get("blurb", ""), numbering=d.get("numbering", "position"),
        scale_note=scoring.get("note", ""),
    )


# ---- validation and missing items ------------------------------------------------------

def validate(instrument: Instrument, answers: dict[str, Any]) -> dict[str, str]:
    """{field: message} for every bad answer (empty when the answers can be stored)."""
    errors: dict[str, str] = {}
    if instrument.rates_activities:
        acts = answers.get("activities")
        if not isinstance(acts, list):
            return {"activities": _("Name at least one activity and rate it from 0 to 10.")}
        named = 0
        for k, a in enumerate(acts, start=1):
            name = str((a or {}).get("name") or "").strip()
            value = (a or {}).get("score")
            if not name:
                errors[f"activity{k}"] = _("Activity {n} needs a name.").format(n=k)
            elif isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
                errors[f"activity{k}"] = _("Rate \u201c{name}\u201d with a whole number from 0 "
                                           "to 10 (got {value}).").format(name=name,
                                                                         value=repr(value))
            else:
                named += 1
        if not errors and not (instrument.min_activities <= named
                               <= instrument.max_activities):
            errors["activities"] = _("Name and rate {low} to {high} activities (got "
                                     "{n}).").format(low=instrument.min_activities,
                                                    high=instrument.max_activities, n=named)
        return errors
    known = set(instrument.item_ids)
    for key, value in answers.items():
        if key not in known:
            errors[key] = _("{instrument} has no item {item}.").format(
                instrument=instrument.short, item=repr(key))
            continue
        if value is None:
            continue
        allowed = {o.score for o in instrument.item(key).options}
        if isinstance(value, bool) or not isinstance(value, int) or value not in allowed:
            errors[key] = _("{instrument} {item}: the answer must be one of {allowed} (got "
                            "{value}).").format(instrument=instrument.short, item=key,
                                               allowed=sorted(allowed), value=repr(value))
    if not errors:
        problems = missing_problems(instrument, answers)
        if problems:
            errors["answers"] = " ".join(problems)
    return errors


def _answered(answers: dict[str, Any], ids) -> list[int]:
    return [answers[i] for i in ids if answers.get(i) is not None]


def missing_problems(instrument: Instrument, answers: dict[str, Any]) -> list[str]:
    """Why these answers cannot be scored under the missing-item rule ([] when they can)."""
    if instrument.rates_activities:
        return []
    if instrument.missing_rule == "half_per_subscale":
        out = []
        for s in instrument.subscales:
            n = len(_answered(answers, s.items))
            if n < s.min_answered:
                out.append(_("{subscale} needs at least {needed} of {total} items answered "
                             "({n} so far).").format(subscale=s.name, needed=s.min_answered,
                                                    total=len(s.items), n=n))
        return out
    missing = [i for i in instrument.item_ids if answers.get(i) is None]
    if missing:
        return [_("{instrument} is scored only when every item is answered ({n} "
                  "missing).").format(instrument=instrument.short, n=len(missing))]
    return []


def can_skip(instrument: Instrument, answers: dict[str, Any], item_id: str) -> bool:
    """Whether ``item_id`` may be left unanswered and the response still be scored.

    True when, with this item skipped (and every later item answered), the missing-item
    rule can still be met: when the item's subscale keeps enough items; items
    before ``item_id`` without an answer count as skipped.
    """
    if instrument.rates_activities or instrument.missing_rule != "half_per_subscale":
        return False
    ids = instrument.item_ids
    pos = ids.index(item_id)
    before = set(ids[:pos])
    for s in instrument.subscales:
        if item_id in s.items:
            skipped = sum(1 for i in s.items if i in before and answers.get(i) is None)
            return len(s.items) - skipped - 1 >= s.min_answered
    return False


# ---- scoring -----------------------------------------------------------------------------

def subscale_score(values: list[int], min_answered: int, item_max: int = 4) -> float | None:
    """One subscale on 0-100 (100 = no problems): ``100 - mean * 100 / item_max``.

    Args:
        values: the answered items' scores (0 to ``item_max``).
        min_answered: fewer answers than this give None.
        item_max: the highest score an item can have (KOOS: 4).
    """
    if len(values) < min_answered or not values:
        return None
    return round(100 - (sum(values) / len(values)) * 100 / item_max, 2)


def fmt_score(value: float | None) -> str:
    """A score for people: 75.0 -> "75", 66.67 -> "66.7" ("66,7" in French and German),
    None -> "-"."""
    return format_number(value, 1)


def _item_max(instrument: Instrument, ids) -> int:
    return max((o.score for i in ids for o in instrument.item(i).options), default=4) or 4


def score(instrument: Instrument, answers: dict[str, Any]) -> Score:
    """Score ``answers`` by the instrument's published rule."""
    if instrument.rates_activities:
        acts = [a for a in answers.get("activities", []) if a and a.get("score") is not None]
        values = [int(a["score"]) for a in acts]
        total = round(sum(values) / len(values), 2) if values else None
        return Score(total, {}, len(values), () if values else (_("No activity rated."),))
    answered = len(_answered(answers, instrument.item_ids))
    problems = tuple(missing_problems(instrument, answers))
    if instrument.rule == "subscales":
        subs = {s.key: subscale_score(_answered(answers, s.items), s.min_answered,
                                      _item_max(instrument, s.items))
                for s in instrument.subscales}
        return Score(subs.get(instrument.headline), subs, answered, problems)
    if instrument.rule == "sum":
        total = None if problems else float(sum(_answered(answers, instrument.item_ids)))
        return Score(total, {}, answered, problems)
    if instrument.rule == "mean":
        vals = _answered(answers, instrument.item_ids)
        total = None if problems or not vals else round(sum(vals) / len(vals), 2)
        return Score(total, {}, answered, problems)
    raise ValueError(f"unknown scoring rule {instrument.rule!r}")


# ---- meaningful change ---------------------------------------------------------------------

def meaningful_change(first: float, latest: float, mcid: float, *,
                      higher_is_better: bool = True) -> Change:
    """Judge ``latest - first`` against the meaningful change ``mcid`` (same units)."""
    delta = latest - first
    meaningful = abs(delta) >= mcid
    better = delta > 0 if higher_is_better else delta < 0
    direction = ("better" if better else "worse") if meaningful else "no meaningful change"
    return Change(round(delta, 2), mcid, meaningful, direction)


def band(first: float, mcid: float, lo: float, hi: float) -> tuple[float, float]:
    """The no-meaningful-change band around a first score, clipped to the scale."""
    return max(lo, first - mcid), min(hi, first + mcid)
