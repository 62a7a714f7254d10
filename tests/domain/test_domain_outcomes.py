"""Outcome-measure scoring against hand-computed examples (domain.md section 4)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rehabjournal.domain import outcomes as o

RES = Path(__file__).resolve().parents[2] / "resources" / "instruments"


def load(key: str) -> o.Instrument:
    return o.instrument_from_dict(json.loads((RES / f"{key}.json").read_text("utf-8")))


KOOS = load("koos")
LEFS = load("lefs")
PSFS = load("psfs")

PAIN = [f"P{i}" for i in range(1, 10)]


def koos_answers(**subs) -> dict:
    """All 42 KOOS items 0, with the given items overridden."""
    answers = {i: 0 for i in KOOS.item_ids}
    answers.update(subs)
    return answers


def test_definitions_have_sources_and_published_shape():
    assert len(KOOS.items) == 42 and len(LEFS.items) == 20
    assert [len(s.items) for s in KOOS.subscales] == [9, 7, 17, 5, 4]
    assert [s.min_answered for s in KOOS.subscales] == [5, 4, 9, 3, 2]
    for inst in (KOOS, LEFS, PSFS):
        assert inst.sources and inst.licence and inst.reference
    assert "APTA" in LEFS.licence or "American Physical Therapy" in LEFS.licence
    assert all(len(i.options) == 5 for i in KOOS.items + LEFS.items)


def test_koos_pain_test_vector_is_75():
    answers = koos_answers(**dict(zip(PAIN, [1, 2, 1, 0, 1, 2, 0, 1, 1], strict=True)))
    result = o.score(KOOS, answers)
    # sum 9 over 9 items: mean 1 -> 100 - 1 * 100 / 4 = 75
    assert result.subscores["pain"] == 75.0
    assert result.total == 75.0  # the headline is the Pain subscale
    assert result.subscores["symptoms"] == 100.0


def test_koos_subscale_with_allowed_missing_items_uses_the_answered_mean():
    answers = koos_answers(P1=4, P2=2, P3=0, P4=2, P5=2)
    for i in ("P6", "P7", "P8", "P9"):
        answers[i] = None  # 5 of 9 answered: allowed
    # mean (4+2+0+2+2)/5 = 2 -> 50
    assert o.score(KOOS, answers).subscores["pain"] == 50.0
    assert o.missing_problems(KOOS, answers) == []


def test_koos_too_few_answers_leaves_the_subscale_unscored():
    answers = koos_answers(Q1=None, Q2=None, Q3=None, Q4=2)  # QOL 1 of 4 (needs 2)
    result = o.score(KOOS, answers)
    assert result.subscores["qol"] is None
    assert any("QOL" in p for p in o.missing_problems(KOOS, answers))
    assert "answers" in o.validate(KOOS, answers)


def test_koos_reverse_worded_items_score_as_published():
    # S4 "Can you straighten your knee fully?" Always = 0 ... Never = 4
    assert [(opt.label, opt.score) for opt in KOOS.item("S4").options][0] == ("Always", 0)
    answers = koos_answers(S1=4, S4=4)  # symptoms mean 8/7
    assert o.score(KOOS, answers).subscores["symptoms"] == round(100 - (8 / 7) * 25, 2)


def test_koos_can_skip_follows_the_rule():
    answers = {}
    assert o.can_skip(KOOS, answers, "P1")
    answers = {f"P{i}": None for i in range(1, 5)}  # four pain items skipped already
    assert not o.can_skip(KOOS, answers, "P5")  # a fifth would leave 4 of 9
    assert not o.can_skip(LEFS, {}, "L1")


def test_lefs_sum_and_refuses_missing_items():
    answers = {f"L{i}": (i % 5) for i in range(1, 21)}  # 0..4 four times = 40
    assert o.score(LEFS, answers).total == 40.0
    answers["L20"] = None
    assert o.score(LEFS, answers).total is None
    assert o.validate(LEFS, answers)["answers"].startswith("LEFS is scored only")


def test_lefs_rejects_out_of_range_answers():
    errors = o.validate(LEFS, {"L1": 5, "L99": 1})
    assert "L1" in errors and "L99" in errors


def test_psfs_mean_of_rated_activities():
    answers = {"activities": [{"name": "Running", "score": 3},
                              {"name": "Stairs", "score": 6},
                              {"name": "Kneeling", "score": 4}]}
    assert o.validate(PSFS, answers) == {}
    assert o.score(PSFS, answers).total == pytest.approx(13 / 3, abs=0.01)
    assert "activity1" in o.validate(PSFS, {"activities": [{"name": "", "score": 3}]})
    assert "activity1" in o.validate(PSFS, {"activities": [{"name": "Run", "score": 11}]})
    six = {"activities": [{"name": f"a{k}", "score": 5} for k in range(6)]}
    assert "activities" in o.validate(PSFS, six)


@pytest.mark.parametrize(("key", "first", "latest", "meaningful", "direction"), [
    ("lefs", 40, 49, True, "better"),
    ("lefs", 40, 48, False, "no meaningful change"),
    ("koos", 75, 65, True, "worse"),
    ("koos", 75, 82, False, "no meaningful change"),
    ("psfs", 3, 5, True, "better"),
])
def test_meaningful_change(key, first, latest, meaningful, direction):
    inst = {"lefs": LEFS, "koos": KOOS, "psfs": PSFS}[key]
    change = o.meaningful_change(first, latest, inst.mcid)
    assert change.meaningful is meaningful
    assert change.direction == direction


def test_mcid_table_matches_domain_md():
    assert o.MCID == {"nprs": 2, "psfs": 2, "lefs": 9, "koos": 8, "visa_p": 13, "kujala": 10,
                      "tsk11": 4}
    assert (KOOS.mcid, LEFS.mcid, PSFS.mcid) == (8, 9, 2)
    assert o.band(75, 8, 0, 100) == (67, 83)
    assert o.band(96, 8, 0, 100) == (88, 100)


def test_what_the_ui_shows_comes_from_the_definition():
    assert (KOOS.score_label, LEFS.score_label, PSFS.score_label) == ("KOOS Pain", "LEFS",
                                                                     "PSFS")
    assert KOOS.headline_subscale.name == "Pain" and LEFS.headline_subscale is None
    assert (KOOS.item_label(0), KOOS.item_label(41)) == ("S1", "Q4")  # numbered by id
    assert (LEFS.item_label(0), LEFS.item_label(19)) == ("1", "20")  # by position
    assert KOOS.reading.startswith("100 = no knee problems")
    assert LEFS.reading == "Scale 0-80; higher is better."
    assert PSFS.reading == "Scale 0-10; higher is better."
    assert all(i.blurb for i in (KOOS, LEFS, PSFS))


def test_subscale_score_uses_the_items_maximum():
    assert o.subscale_score([2, 2], 2) == 50.0  # 100 - 2 * 100 / 4
    assert o.subscale_score([2, 2], 2, item_max=10) == 80.0
    assert o.subscale_score([2], 2) is None  # too few answered
    assert (o.fmt_score(75.0), o.fmt_score(66.666), o.fmt_score(None)) == ("75", "66.7", "-")


def test_no_code_tests_an_instrument_by_name():
    """Behaviour comes from the instrument's data: no "koos" (or other key) literal outside
    the list of shipped instruments and the published meaningful-change table."""
    import ast

    src = Path(o.__file__).resolve().parents[1]
    allowed = {src / "services" / "outcomes.py", src / "domain" / "outcomes.py"}
    keys = {p.stem for p in RES.glob("*.json")}
    found = []
    for path in sorted(src.rglob("*.py")):
        if path in allowed:
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Constant) and node.value in keys:
                found.append(f"{path.relative_to(src)}:{node.lineno}: {node.value!r}")
    assert not found, "\n".join(found)


def test_every_instrument_states_its_own_meaningful_change():
    """No fallback by instrument name: a file without mcid.value is refused."""
    import copy
    import json

    from rehabjournal.paths import resource

    data = json.loads(resource("instruments", "psfs.json").read_text("utf-8"))
    del data["mcid"]
    with pytest.raises(ValueError, match="meaningful change"):
        o.instrument_from_dict(copy.deepcopy(data))
