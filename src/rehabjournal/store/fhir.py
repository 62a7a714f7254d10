"""A FHIR R4 Bundle for a clinician: the patient, pain scores and outcome measures.

Pure JSON building from the open journal; nothing is sent anywhere. The bundle is of
type ``collection`` and holds:

* one ``Patient`` (anonymised: initials only; the journal keeps no birth date);
* one ``Observation`` per pain rating: LOINC 72514-3 (0-10 numeric rating, reported),
  ``valueInteger``, ``effectiveDateTime``, category ``survey``; ``bodySite`` coded with
  SNOMED CT for the knee, hip and ankle regions, with side and area as text. Morning
  check-in pain (of the main site and of further sites) and session pain (before, during,
  after) are included; a session rating says which in ``note``. The next-morning rating
  of a session is the next day's morning pain at its site (one value, schema 4): that
  morning's Observation says so in its ``note`` ("morning pain; the next-morning rating
  after run, 30 min on 2026-03-15");
* one ``QuestionnaireResponse`` per outcome measure (status ``completed``), its
  ``questionnaire`` a canonical URL of rehabjournal's naming
  (``https://rehabjournal.example.org/fhir/Questionnaire/<instrument>``), one item per
  answer plus the total score.

Resource ids are stable UUIDs derived from the table and row id, so exporting the same
journal twice gives the same bundle apart from its timestamp.
"""

from __future__ import annotations

import json
import uuid
from datetime import date, datetime, timedelta
from typing import Any

from ..domain.entities import day_before
from ..i18n import N_
from . import journal_repo
from . import models as m

LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
PAIN_CODE = "72514-3"
PAIN_DISPLAY = "Pain severity - 0-10 verbal numeric rating [Score] - Reported"
QUESTIONNAIRE_BASE = "https://rehabjournal.example.org/fhir/Questionnaire/"
# SNOMED CT body structures we are sure of; other joints go as text only.
BODY_SITES: dict[str, tuple[str, str]] = {
    "knee": ("72696002", "Knee region structure"),
    "hip": ("29836001", "Hip region structure"),
    "ankle": ("344001", "Ankle region structure"),
}
SESSION_PAINS = (
    ("pain_before", "before"),
    ("pain_during", "during"),
    ("pain_after", "after"),
)
_NAMESPACE = uuid.UUID("9a4d7c1e-2f4b-5f7e-8a63-7c9e1b2d3f40")


def _uuid(*parts: object) -> str:
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, '/'.join(map(str, parts)))}"


def initials(name: str) -> str:
    """"Zoë Łukasiewicz" -> "Z. Ł." (empty for an empty name)."""
    return " ".join(f"{word[0].upper()}." for word in name.split() if word[:1].isalpha())


def _patient(profile: m.Profile | None, anonymise: bool, ref: str) -> dict[str, Any]:
    patient: dict[str, Any] = {"resourceType": "Patient", "id": ref.rsplit(":", 1)[1]}
    name = (profile.name if profile else "").strip()
    if name:
        patient["name"] = [{"text": initials(name) if anonymise else name}]
    return patient


def _body_site(site: m.PainSite | None, profile: m.Profile | None) -> dict[str, Any] | None:
    if site is not None:
        joint, side, area = site.joint, site.side, site.area
    elif profile is not None and profile.joint:
        joint, side, area = profile.joint, profile.side, ""
    else:
        return None
    text = " ".join(p for p in (side, joint) if p)
    if area:
        text = f"{text}, {area}"
    concept: dict[str, Any] = {"text": text}
    coded = BODY_SITES.get(joint.strip().lower())
    if coded:
        concept["coding"] = [{"system": SNOMED, "code": coded[0], "display": coded[1]}]
    return concept


def _pain_observation(key: tuple, patient_ref: str, day: date, value: int,
                      body_site: dict | None, note: str = "") -> dict[str, Any]:
    obs: dict[str, Any] = {
        "resourceType": "Observation",
        "id": _uuid(*key).rsplit(":", 1)[1],
        "status": "final",
        "category": [{"coding": [{
            "system": "http://terminology.hl7.org/CodeSystem/observation-category",
            "code": "survey", "display": "Survey"}]}],
        "code": {"coding": [{"system": LOINC, "code": PAIN_CODE, "display": PAIN_DISPLAY}],
                 "text": "Pain (0-10)"},
        "subject": {"reference": patient_ref},
        "effectiveDateTime": day.isoformat(),
        "valueInteger": int(value),
    }
    if body_site:
        obs["bodySite"] = body_site
    if note:
        obs["note"] = [{"text": note}]
    return obs


def _answer(value: Any) -> dict[str, Any] | None:
    if isinstance(value, bool):
        return {"valueBoolean": value}
    if isinstance(value, int):
        return {"valueInteger": value}
    if isinstance(value, float):
        return {"valueDecimal": value}
    if isinstance(value, str) and value.strip():
        return {"valueString": value}
    return None


def _items(answers: Any) -> list[dict[str, Any]]:
    if isinstance(answers, dict):
        pairs = list(answers.items())
    elif isinstance(answers, list):
        pairs = [(str(i), v) for i, v in enumerate(answers, 1)]
    else:
        pairs = []
    items = []
    for link, value in pairs:
        if isinstance(value, dict):  # e.g. PSFS {"activity": ..., "score": ...}
            text = str(value.get("activity") or value.get("text") or link)
            value = value.get("score", value.get("value"))
        else:
            text = None
        answer = _answer(value)
        item: dict[str, Any] = {"linkId": str(link)}
        if text:
            item["text"] = text
        if answer:
            item["answer"] = [answer]
        items.append(item)
    return items


def _questionnaire_response(row: m.OutcomeResponse, patient_ref: str) -> dict[str, Any]:
    try:
        answers = json.loads(row.answers) if row.answers else {}
    except ValueError:
        answers = {}
    items = _items(answers)
    if row.score is not None:
        items.append({"linkId": "total-score", "text": "Score",
                      "answer": [{"valueDecimal": float(row.score)}]})
    resource: dict[str, Any] = {
        "resourceType": "QuestionnaireResponse",
        "id": _uuid("outcome_response", row.id).rsplit(":", 1)[1],
        "questionnaire": QUESTIONNAIRE_BASE + row.instrument.lower(),
        "status": "completed",
        "subject": {"reference": patient_ref},
        "authored": row.day.isoformat(),
    }
    if items:
        resource["item"] = items
    return resource


def build_bundle(*, anonymise: bool = False, start: date | None = None,
                 end: date | None = None, now: datetime | None = None) -> dict[str, Any]:
    """The open journal (optionally only ``start``..``end``) as a FHIR R4 Bundle (dict)."""
    profile = m.Profile.select().first()
    sites = {s.id: s for s in m.PainSite.select()}
    main_id = journal_repo.main_site_id()
    primary = sites.get(main_id) if main_id is not None else None
    patient_ref = _uuid("patient")
    entries = [(patient_ref, _patient(profile, anonymise, patient_ref))]

    def within(query, field):
        if start is not None:
            query = query.where(field >= start)
        if end is not None:
            query = query.where(field <= end)
        return query

    by_day: dict[date, list[m.ActivitySession]] = {}
    earlier = m.ActivitySession.select().order_by(
        m.ActivitySession.day, m.ActivitySession.position, m.ActivitySession.id)
    if start is not None:
        earlier = earlier.where(m.ActivitySession.day >= start - timedelta(days=1))
    if end is not None:
        earlier = earlier.where(m.ActivitySession.day <= end)
    for s in earlier:
        by_day.setdefault(s.day, []).append(s)

    def morning_note(day: date, site_id: int | None) -> str:
        before = [s for s in by_day.get(day_before(day), ())
                  if (s.site_id or main_id) == site_id]
        if not before:
            return "morning pain"
        what = ", ".join(f"{s.kind}, {s.minutes} min" for s in before)
        return (f"morning pain; the next-morning rating after {what} on "
                f"{before[0].day.isoformat()}")

    for c in within(m.CheckIn.select(), m.CheckIn.day).order_by(m.CheckIn.day):
        if c.morning_pain is not None:
            key = ("check_in", c.id)
            entries.append((_uuid(*key), _pain_observation(
                key, patient_ref, c.day, c.morning_pain, _body_site(primary, profile),
                morning_note(c.day, main_id))))
        for p in c.site_pains:
            key = ("check_in_site_pain", p.id)
            entries.append((_uuid(*key), _pain_observation(
                key, patient_ref, c.day, p.pain, _body_site(sites.get(p.site_id), profile),
                morning_note(c.day, p.site_id))))
    sessions = within(m.ActivitySession.select(), m.ActivitySession.day).order_by(
        m.ActivitySession.day, m.ActivitySession.position, m.ActivitySession.id)
    for s in sessions:
        site = sites.get(s.site_id) if s.site_id else primary
        what = f"{s.kind}, {s.minutes} min"
        for column, when in SESSION_PAINS:
            value = getattr(s, column)
            if value is not None:
                key = ("activity_session", s.id, column)
                entries.append((_uuid(*key), _pain_observation(
                    key, patient_ref, s.day, value, _body_site(site, profile),
                    f"pain {when} a session ({what})")))
        for p in s.site_pains:
            for column, when in SESSION_PAINS:
                value = getattr(p, column)
                if value is not None:
                    key = ("session_site_pain", p.id, column)
                    entries.append((_uuid(*key), _pain_observation(
                        key, patient_ref, s.day, value,
                        _body_site(sites.get(p.site_id), profile),
                        f"pain {when} a session ({what})")))
    outcomes = within(m.OutcomeResponse.select(), m.OutcomeResponse.day).order_by(
        m.OutcomeResponse.day, m.OutcomeResponse.id)
    for row in outcomes:
        resource = _questionnaire_response(row, patient_ref)
        entries.append((f"urn:uuid:{resource['id']}", resource))
    stamp = (now or datetime.now().astimezone()).replace(microsecond=0)
    if stamp.tzinfo is None:
        stamp = stamp.astimezone()
    return {
        "resourceType": "Bundle",
        "id": str(uuid.uuid4()),
        "meta": {"lastUpdated": stamp.isoformat()},
        "type": "collection",
        "timestamp": stamp.isoformat(),
        "entry": [{"fullUrl": url, "resource": res} for url, res in entries],
    }


def export_bundle(path, *, anonymise: bool = False, start: date | None = None,
                  end: date | None = None) -> int:
    """Write the bundle to ``path`` (UTF-8 JSON, with ``safe_write``); returns the number of
    entries.

    Raises:
        StorageError: ``path`` is a folder, a device, a pipe or a dangling link (checked
            before the journal is read), its folder is missing or not writable, or the
            disk is full ("No space left on device in FOLDER: the FHIR bundle needs about
            N MB; ..."); no partial file is left.
    """
    from . import safe_write
    from .full_export import write_json_atomic

    path = safe_write.check_kind(path, "write")
    bundle = build_bundle(anonymise=anonymise, start=start, end=end)
    write_json_atomic(path, bundle, doing="write", what=N_("the FHIR bundle"))
    return len(bundle["entry"])
