"""The clinician FHIR bundle: structure checked by fhir.resources' R4B models."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from rehabjournal.services import journal as js
from rehabjournal.store import fhir
from rehabjournal.store import models as m

NOW = datetime(2026, 3, 18, 9, 0, tzinfo=UTC)


@pytest.fixture
def filled(journal):
    js.save_profile({"name": "Zoë Łukasiewicz", "condition": "patellofemoral_pain",
                     "joint": "knee", "side": "left"})
    knee = js.add_site("knee", "left", "around the kneecap", primary=True)
    hip = js.add_site("hip", "right", "")
    foot = js.add_site("foot", "left", "arch")
    js.save_checkin(date(2026, 3, 16), {"morning_pain": 3})
    js.save_checkin(date(2026, 3, 17), {"stress": 2})  # no pain: no observation
    js.set_checkin_site_pain(date(2026, 3, 16), hip, 1)
    sid = js.add_session(date(2026, 3, 16), {"kind": "run", "minutes": 30, "pain_during": 4,
                                             "pain_after": 2})
    js.set_session_site_pain(sid, foot, {"pain_during": 5})
    m.OutcomeResponse.create(instrument="PSFS", day=date(2026, 3, 1), score=4.5,
                             answers=json.dumps({"stairs": 6, "running": 3}))
    m.OutcomeResponse.create(instrument="lefs", day=date(2026, 3, 2), score=55.0,
                             answers=json.dumps([3, 4, 2.5]))
    return {"knee": knee, "hip": hip, "foot": foot}


def _resources(bundle, kind):
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def test_bundle_content(filled):
    bundle = fhir.build_bundle(now=NOW)
    assert bundle["resourceType"] == "Bundle" and bundle["type"] == "collection"
    (patient,) = _resources(bundle, "Patient")
    assert patient["name"] == [{"text": "Zoë Łukasiewicz"}]
    assert "birthDate" not in patient
    obs = _resources(bundle, "Observation")
    assert len(obs) == 5  # morning knee, morning hip, run during/after, foot during
    for o in obs:
        assert o["code"]["coding"][0] == {"system": "http://loinc.org", "code": "72514-3",
                                          "display": fhir.PAIN_DISPLAY}
        assert o["category"][0]["coding"][0]["code"] == "survey"
        assert o["subject"]["reference"] == bundle["entry"][0]["fullUrl"]
    knee = obs[0]
    assert knee["valueInteger"] == 3 and knee["effectiveDateTime"] == "2026-03-16"
    assert knee["bodySite"]["coding"][0]["code"] == "72696002"
    assert knee["bodySite"]["text"] == "left knee, around the kneecap"
    assert obs[1]["bodySite"]["coding"][0]["code"] == "29836001"
    foot = [o for o in obs if "foot" in o["bodySite"]["text"]]
    assert foot and "coding" not in foot[0]["bodySite"]  # not sure of a code: text only
    assert "during" in foot[0]["note"][0]["text"]
    qrs = _resources(bundle, "QuestionnaireResponse")
    assert [q["questionnaire"] for q in qrs] == [
        fhir.QUESTIONNAIRE_BASE + "psfs", fhir.QUESTIONNAIRE_BASE + "lefs"]
    assert all(q["status"] == "completed" for q in qrs)
    assert qrs[0]["item"][0] == {"linkId": "stairs", "answer": [{"valueInteger": 6}]}
    assert qrs[0]["item"][-1]["answer"] == [{"valueDecimal": 4.5}]
    assert qrs[1]["item"][2]["answer"] == [{"valueDecimal": 2.5}]
    # stable ids
    again = fhir.build_bundle(now=NOW)
    assert [e["fullUrl"] for e in again["entry"]] == [e["fullUrl"] for e in bundle["entry"]]
    assert len({e["fullUrl"] for e in bundle["entry"]}) == len(bundle["entry"])


def test_anonymised_bundle_has_initials_only(filled, tmp_path):
    out = tmp_path / "fhir.json"
    n = fhir.export_bundle(out, anonymise=True)
    text = out.read_text(encoding="utf-8")
    bundle = json.loads(text)
    assert len(bundle["entry"]) == n
    (patient,) = _resources(bundle, "Patient")
    assert patient["name"] == [{"text": "Z. Ł."}]
    assert "Łukasiewicz" not in text and "birthDate" not in text


def test_period_filter(filled):
    bundle = fhir.build_bundle(start=date(2026, 3, 2), end=date(2026, 3, 16))
    assert len(_resources(bundle, "QuestionnaireResponse")) == 1
    assert len(_resources(bundle, "Observation")) == 5


def test_validates_against_fhir_r4_models(filled):
    r4 = pytest.importorskip("fhir.resources.R4B.bundle")
    bundle = fhir.build_bundle(now=NOW)
    parsed = r4.Bundle.model_validate(bundle)
    assert parsed.type == "collection"
    kinds = [e.resource.__resource_type__ for e in parsed.entry]
    assert kinds.count("Observation") == 5 and kinds.count("QuestionnaireResponse") == 2
    anonymous = fhir.build_bundle(anonymise=True, now=NOW)
    r4.Bundle.model_validate(anonymous)


def test_empty_journal_bundle_is_valid(journal):
    bundle = fhir.build_bundle(now=NOW)
    assert [e["resource"]["resourceType"] for e in bundle["entry"]] == ["Patient"]
    r4 = pytest.importorskip("fhir.resources.R4B.bundle")
    r4.Bundle.model_validate(bundle)


def test_the_next_morning_rating_is_the_next_mornings_observation(filled):
    """One value (schema 4): no session 'next morning' Observation, the morning says it."""
    js.save_checkin(date(2026, 3, 17), {"morning_pain": 2})
    js.set_checkin_site_pain(date(2026, 3, 17), filled["foot"], 4)
    obs = _resources(fhir.build_bundle(now=NOW), "Observation")
    notes = {(o["effectiveDateTime"], o["bodySite"]["text"]): o["note"][0]["text"]
             for o in obs if o["note"][0]["text"].startswith("morning")}
    assert notes[("2026-03-17", "left knee, around the kneecap")] == (
        "morning pain; the next-morning rating after run, 30 min on 2026-03-16")
    assert notes[("2026-03-17", "left foot, arch")] == "morning pain"  # no session there
    assert notes[("2026-03-16", "left knee, around the kneecap")] == "morning pain"
    assert not any("next morning" in o["note"][0]["text"] for o in obs)
