"""Journal use cases shared by the UI and the command line.

Every function that changes data validates first, writes inside one transaction, and
returns only after the commit: when it returns, the entry is on disk. The queries live in
``store/journal_repo.py``; this module decides what is allowed and what an undo restores.

The ``edit_*`` functions are the UI's way in: each makes one change in one transaction and
returns an ``Edit`` (``services/edit.py``) whose undo and redo put back the exact rows
(same ids). The plain functions (``save_checkin``, ``add_session`` ...) make the same
changes without undo, for the command line, imports, the demo and tests.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from ..domain import light as light_mod
from ..domain import rehab_session as rs
from ..domain import scales, validation
from ..errors import NotFoundError
from ..i18n import N_, _, format_date
from ..store import journal_repo as repo
from . import settings
from .edit import Change, Edit, no_change, perform
from .errors import ValidationError

CHECKIN_FIELDS = (
    "morning_pain", "stiffness_min", "swelling", "sleep_hours", "sleep_quality", "stress", "notes",
)
SESSION_FIELDS = (
    "kind", "minutes", "rpe", "distance_km", "pain_before", "pain_during", "pain_after",
    "site", "notes", "position",
)
PAIN_KEYS = ("pain_before", "pain_during", "pain_after")
#: The fields' labels, in English (marked for translation: show them with ``i18n._()``).
FIELD_LABELS = {
    "morning_pain": N_("Morning pain"),
    "stiffness_min": N_("Morning stiffness"),
    "swelling": N_("Swelling"),
    "sleep_hours": N_("Sleep"),
    "sleep_quality": N_("Sleep quality"),
    "stress": N_("Stress"),
    "notes": N_("Notes"),
    "kind": N_("Activity"),
    "minutes": N_("Duration"),
    "rpe": N_("Effort (CR-10)"),
    "distance_km": N_("Distance"),
    "pain_before": N_("Pain before"),
    "pain_during": N_("Pain during"),
    "pain_after": N_("Pain after"),
    "site": N_("Site"),
}
#: The undo text of a change of one field (English; translated where the edit is made).
CHANGE_LABELS = {
    "morning_pain": N_("change morning pain"),
    "stiffness_min": N_("change morning stiffness"),
    "swelling": N_("change swelling"),
    "sleep_hours": N_("change sleep"),
    "sleep_quality": N_("change sleep quality"),
    "stress": N_("change stress"),
    "notes": N_("change notes"),
    "kind": N_("change activity"),
    "minutes": N_("change duration"),
    "rpe": N_("change effort (CR-10)"),
    "distance_km": N_("change distance"),
    "pain_before": N_("change pain before"),
    "pain_during": N_("change pain during"),
    "pain_after": N_("change pain after"),
    "site": N_("change site"),
}


def _field_error(table: str, field: str, value: Any) -> str | None:
    """The one validation's verdict on a form value (``domain.validation.check_field``:
    the ranges, grades and codes of ``domain.scales``, ASCII digits, finite numbers, text
    without NUL), worded as a form shows it: the CSV import's and import-all's message
    without its place, as a sentence ("Morning pain must be a whole number from 0 to 10
    (got 11)."); None when the value is fine (None and blank mean "not given")."""
    try:
        validation.check_field(table, field, value, "")
    except ValidationError as exc:
        return validation.reason(exc) + "."
    return None


def _checked(table: str, values: dict[str, Any]) -> dict[str, Any]:
    """``values`` (already validated) as the journal stores them: numbers as int or float
    ("7.5" -> 7.5, 3.0 -> 3), grades and codes in their stored form ("Mild" -> "mild"),
    blank -> None; text and fields without a rule unchanged."""
    rules = validation.FIELD_RULES[table]
    return {k: v if k not in rules or rules[k].kind == "text"
            else validation.check_field(table, k, v, "") for k, v in values.items()}


def _check_day(day: date) -> None:
    """Refuse a date outside 1900-01-01..2100-12-31, as every import does.

    Raises:
        ValidationError: {"day": "2101-01-01 is outside the dates the journal accepts
            (1900-01-01 to 2100-12-31)."}
    """
    try:
        validation.check_date(day, "")
    except ValidationError as exc:
        raise ValidationError({"day": validation.reason(exc) + "."}) from None


def validate_checkin(values: dict[str, Any]) -> dict[str, str]:
    """Return {field: message} for every bad value (empty when all are fine).

    Each field is checked by ``domain.validation`` (``_field_error``), so a form, a CSV
    line and an import-all row refuse the same values in the same words.

    Raises:
        KeyError: a key is not a check-in field (a programming error).
    """
    errors: dict[str, str] = {}
    for key, value in values.items():
        if key not in CHECKIN_FIELDS:
            raise KeyError(f"unknown check-in field {key!r}")
        if message := _field_error("check_in", key, value):
            errors[key] = message
    return errors


def _pain_errors(values: dict[str, Any], table: str = "activity_session") -> dict[str, str]:
    return {k: msg for k in PAIN_KEYS if (msg := _field_error(table, k, values.get(k)))}


def validate_session(values: dict[str, Any], *, partial: bool = False) -> dict[str, str]:
    """Return {field: message} for every bad session value (empty when all are fine).

    Args:
        partial: only the fields given are checked (an update); otherwise activity and
            duration are required (a new session).
    """
    errors: dict[str, str] = {}
    if (not partial or "kind" in values) and not str(values.get("kind") or "").strip():
        errors["kind"] = _("Activity needs a name, e.g. run, cycle or rehab exercises.")
    elif "kind" in values and (msg := _field_error("activity_session", "kind",
                                                   values["kind"])):
        errors["kind"] = msg
    if not partial or "minutes" in values:
        minutes = values.get("minutes")
        if minutes is None or (isinstance(minutes, str) and not minutes.strip()):
            errors["minutes"] = _("Duration is needed: how many minutes did it last?")
        elif msg := _field_error("activity_session", "minutes", minutes):
            errors["minutes"] = msg
    errors.update(_pain_errors(values))
    for key in ("rpe", "distance_km", "notes"):
        if msg := _field_error("activity_session", key, values.get(key)):
            errors[key] = msg
    return errors


def _raise(errors: dict[str, str]) -> None:
    if errors:
        raise ValidationError(errors)


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


def _touch(values: dict) -> dict:
    return {**values, "updated": _now()}


def _field_label(values: dict[str, Any], default: str) -> str:
    """The undo text of a change, translated: "change morning pain" for one field (of
    ``CHANGE_LABELS``), else ``default`` ("change check-in", "change session")."""
    if len(values) == 1 and next(iter(values)) in CHANGE_LABELS:
        return _(CHANGE_LABELS[next(iter(values))])
    return default


# ---- check-ins -------------------------------------------------------------------------

def get_checkin(day: date) -> dict[str, Any] | None:
    """The check-in fields of ``day`` ({field: value}), or None when there is none."""
    row = repo.get_checkin(day)
    return {k: row[k] for k in CHECKIN_FIELDS} if row else None


def save_checkin(day: date, values: dict[str, Any]) -> None:
    """Create or update the check-in of ``day`` with ``values`` (a subset of fields).

    Raises:
        ValidationError: nothing was written.
    """
    _check_day(day)
    _raise(validate_checkin(values))
    clean = {k: (None if v == "" and k != "notes" else v)
             for k, v in _checked("check_in", values).items()}
    repo.upsert_checkin(day, _touch(clean))


def _checkin_change(day: date, write) -> Change:
    """Run ``write()`` (which changes the check-in of ``day``) and return how to undo it.

    Undo puts back the columns and site pains that changed, or removes a check-in that
    ``write`` created; redo puts back the rows as ``write`` left them (same ids).
    """
    before, before_pains = repo.get_checkin(day), repo.checkin_site_pain_rows(day)
    write()
    after, after_pains = repo.get_checkin(day), repo.checkin_site_pain_rows(day)
    keys = [k for k in after if k != "id" and (before is None or before[k] != after[k])]
    sites = [s for s in before_pains.keys() | after_pains.keys()
             if before_pains.get(s) != after_pains.get(s)]

    def put(row: dict | None, pains: dict[int, dict]) -> None:
        if row is None:
            repo.delete_checkin(day)
            return
        if repo.get_checkin(day) is None:
            repo.insert_checkin(row)
        else:
            repo.upsert_checkin(day, {k: row[k] for k in keys})
        for site in sites:
            repo.put_checkin_site_pain(day, site, pains.get(site))

    return Change(undo=lambda: put(before, before_pains), redo=lambda: put(after, after_pains))


def edit_checkin(day: date, values: dict[str, Any]) -> Edit:
    """Save check-in fields of ``day`` as one undoable edit (see ``services/edit.py``).

    Raises:
        ValidationError: a value was refused; nothing was written.
        StorageError: the write failed; nothing was written.
    """
    before = get_checkin(day) or {}
    if {k: before.get(k) for k in values} == values:
        return no_change(_("change check-in"), day=day)
    return perform(_field_label(values, _("change check-in")),
                   lambda: _checkin_change(day, lambda: save_checkin(day, values)), day=day)


def checkin_site_pains(day: date) -> dict[int, int]:
    """{site id: morning pain 0-10} of the further pain sites rated on ``day``."""
    return repo.checkin_site_pains(day)


def set_checkin_site_pain(day: date, site_id: int, pain: int | None) -> None:
    """Rate a further pain site's morning pain on ``day`` (None: not rated).

    Raises:
        ValidationError: the pain is not a whole number 0-10 (``domain.validation``, the
            words of the check-in's morning pain); nothing was written.
    """
    if pain == "":
        pain = None
    if pain is not None:
        if msg := _field_error("check_in_site_pain", "pain", pain):
            raise ValidationError({"morning_pain": msg})
        pain = validation.check_field("check_in_site_pain", "pain", pain, "")
    repo.set_checkin_site_pain(day, site_id, pain)


def edit_checkin_site_pain(day: date, site_id: int, pain: int | None) -> Edit:
    """``set_checkin_site_pain`` as one undoable edit.

    Raises:
        ValidationError, StorageError: nothing was written.
    """
    if repo.checkin_site_pains(day).get(site_id) == pain:
        return no_change(_("change morning pain"), day=day)
    return perform(_("change morning pain"),
                   lambda: _checkin_change(day, lambda: set_checkin_site_pain(day, site_id,
                                                                               pain)),
                   day=day)


# ---- sessions --------------------------------------------------------------------------

def list_sessions(day: date) -> list[dict[str, Any]]:
    """The sessions of ``day`` in their order, each a dict of its columns (site = id)."""
    return repo.list_sessions(day)


def get_session(session_id: int) -> dict[str, Any] | None:
    return repo.get_session(session_id)


#: The status text of an add or change that merged a typed "rehab exercises" session
#: with the one the app made from the day's exercise logs (English; ``Edit.saved`` holds
#: it translated: ask :func:`is_merged`).
MERGED_STATUS = N_("Merged with the rehab exercises session made from your exercise log")


def is_merged(edit: Edit) -> bool:
    """True when ``edit`` (of ``edit_add_session`` or ``edit_session``, just made) merged
    the session with the app's rehab session: its status text is ``MERGED_STATUS``."""
    return edit.saved in (MERGED_STATUS, _(MERGED_STATUS))


def _check_session_keys(values: dict[str, Any]) -> None:
    unknown = set(values) - set(SESSION_FIELDS)
    if unknown:
        raise KeyError(f"unknown session fields {sorted(unknown)}")


def app_rehab_session(day: date, kind: object) -> dict[str, Any] | None:
    """The session the app made from ``day``'s exercise logs (``source`` 'programme') when
    a session of activity ``kind`` typed by hand is merged into it (``kind`` is "rehab
    exercises"), else None."""
    return repo.session_with_source(day, rs.SOURCE) if rs.is_rehab_kind(kind) else None


def _sync_exercise_logs(day: date) -> None:
    # services/exercise_logs.py builds on this module; imported here to avoid a cycle.
    from .exercise_logs import sync_session

    sync_session(day)


def add_session(day: date, values: dict[str, Any]) -> int:
    """Log a session at the end of ``day``; returns its id.

    No double counting (issue 13, docs/journal.md): a "rehab exercises" session typed on a
    day that already has the session the app made from the exercise logs is merged into
    that session (``domain.rehab_session.merged_values``: the typed values win, the
    minutes are no longer an estimate, pain during is the worst of the typed and the
    logged); no second session is made and the app's session's id is returned.

    Raises:
        ValidationError: nothing was written.
        KeyError: a key is not a session field (a programming error).
    """
    _check_day(day)
    _raise(validate_session(values))
    _check_session_keys(values)
    values = _checked("activity_session", values)
    app = app_rehab_session(day, values.get("kind"))
    if app is None:
        return repo.append_session(day, _touch(values))
    repo.update_session(app["id"], _touch(rs.merged_values(app, values)))
    _sync_exercise_logs(day)
    return app["id"]


def day_sessions_change(day: date, write: Callable[[], Any]) -> Change:
    """Run ``write()`` and return how to put ``day``'s sessions back as they were (undo)
    or as ``write`` left them (redo): the same rows, ids and further-site ratings.

    ``Change.result`` is what ``write`` returned.
    """
    def state() -> dict[int, dict[str, Any]]:
        return {s["id"]: repo.session_snapshot(s["id"]) for s in repo.list_sessions(day)}

    before = state()
    result = write()
    after = state()
    touched = [sid for sid in before.keys() | after.keys() if before.get(sid) != after.get(sid)]

    def put(target: dict[int, dict[str, Any]]) -> None:
        for sid in sorted(touched):
            snap = target.get(sid)
            if snap is None:
                repo.delete_session(sid)
            elif repo.get_session(sid) is None:
                repo.restore_session(snap)
            else:
                repo.update_session(sid, {k: v for k, v in snap["session"].items()
                                          if k != "id"})
                for site, row in _site_pain_rows(snap).items():
                    repo.put_session_site_pain(sid, site, row)
                for site in set(repo.session_site_pains(sid)) - set(_site_pain_rows(snap)):
                    repo.put_session_site_pain(sid, site, None)

    return Change(undo=lambda: put(before), redo=lambda: put(after), result=result)


def _site_pain_rows(snap: dict[str, Any]) -> dict[int, dict[str, Any]]:
    return {p["site"]: p for p in snap["session_site_pains"]}


def edit_add_session(day: date, values: dict[str, Any]) -> Edit:
    """Log a session as one undoable edit; ``Edit.result`` is its id.

    A "rehab exercises" session on a day with the app's session from the exercise logs
    is merged into it (``add_session``); ``Edit.saved`` is then ``MERGED_STATUS`` and
    ``Edit.result`` the merged session's id. Undo puts the day's sessions back exactly
    (deletes the new session, or gives the app's session its previous values); redo
    restores the same rows (same ids).

    Raises:
        ValidationError, StorageError: nothing was written.
    """
    merging = app_rehab_session(day, values.get("kind")) is not None
    return perform(_("add {kind} session").format(kind=str(values.get("kind") or "").strip()),
                   lambda: day_sessions_change(day, lambda: add_session(day, values)),
                   day=day, saved=_(MERGED_STATUS) if merging else None)


def _merge_target(session: dict[str, Any], values: dict[str, Any]) -> dict[str, Any] | None:
    """The app's session a change of ``session`` (typed by hand) merges with, or None."""
    if "kind" not in values or session["source"] != "":
        return None
    app = app_rehab_session(session["day"], values["kind"])
    return app if app is not None and app["id"] != session["id"] else None


def update_session(session_id: int, values: dict[str, Any]) -> None:
    """Change fields of a session.

    Minutes typed by the person replace the app's estimate for good: a session made
    from programme logs keeps them (``minutes_estimated`` is cleared).

    No double counting: changing the activity of a session typed by hand to "rehab
    exercises" on a day with the app's session from the exercise logs merges the two
    (``domain.rehab_session.merged_values``): this session keeps its values, takes the
    app's where it has none (e.g. the effort), and the app's session is removed; the
    exercises then count in this session (``services/exercise_logs.py``).

    Raises:
        ValidationError: nothing was written.
        KeyError: a key is not a session field (a programming error).
        NotFoundError: there is no such session.
    """
    _raise(validate_session(values, partial=True))
    _check_session_keys(values)
    values = _checked("activity_session", values)
    session = repo.get_session(session_id)
    if session is None:
        raise NotFoundError(_("That session no longer exists."), table="activity_session",
                            row=session_id)
    if "minutes" in values:
        values = {**values, "minutes_estimated": False}
    app = _merge_target(session, values)
    if app is None:
        repo.update_session(session_id, _touch(values))
        return
    repo.delete_session(app["id"])
    repo.update_session(session_id, _touch(rs.merged_values(app, {**session, **values})))
    _sync_exercise_logs(session["day"])


def edit_session(session_id: int, values: dict[str, Any]) -> Edit:
    """``update_session`` as one undoable edit (undo puts back the day's sessions exactly).

    When the change merges the session with the app's rehab session (``update_session``),
    ``Edit.saved`` is ``MERGED_STATUS``.

    Raises:
        ValidationError, StorageError: nothing was written.
        NotFoundError: the session was deleted meanwhile.
    """
    before = repo.get_session(session_id)
    if before is None:
        raise NotFoundError(_("That session no longer exists."), table="activity_session",
                            row=session_id)
    label = _field_label(values, _("change session"))
    if {k: before.get(k) for k in values} == values:
        return no_change(label, day=before["day"])
    merging = _merge_target(before, values) is not None
    return perform(label, lambda: day_sessions_change(
                       before["day"], lambda: update_session(session_id, values)),
                   day=before["day"], saved=_(MERGED_STATUS) if merging else None)


# ---- the next-morning rating -------------------------------------------------------------
# One number per site and morning (schema 4): the next-morning rating of a day's sessions
# is the next day's morning pain at their site, the check-in's "Morning pain" for the main
# site (the primary one; also sessions without a site) or its site pain for another site.
# The Today prompt, the check-in, the Journal, the light, CSV, FHIR and the PDF read and
# write that one value (docs/journal.md).

def next_morning_questions(day: date) -> list[dict[str, Any]]:
    """The next-morning questions of ``day``: one per pain site the day before had sessions at.

    Returns:
        In the order of the sessions, dicts with ``site`` (pain site id; None when the
        journal has no pain site), ``label`` (the site's label, "" without one), ``name``
        (side and joint, "left knee"; the profile's joint without a site), ``main``
        (True for the site "Morning pain" rates), ``sessions`` (the day before's sessions
        at that site, as ``list_sessions`` gives them) and ``value`` (this morning's pain
        at that site, 0-10, or None while not rated).
    """
    sessions = list_sessions(day - timedelta(days=1))
    if not sessions:
        return []
    main = repo.main_site_id()
    labels = repo.site_display_labels()
    joint = (repo.get_profile() or {}).get("joint") or _("joint")
    checkin = repo.get_checkin(day)
    pains = repo.checkin_site_pains(day)
    questions: dict[int | None, dict[str, Any]] = {}
    for s in sessions:
        site = s["site"] if s["site"] is not None else main
        if site not in questions:
            is_main = site == main
            value = (checkin or {}).get("morning_pain") if is_main else pains.get(site)
            row = repo.get_site(site) if site is not None else None
            name = (scales.side_joint_name(row["side"], row["joint"]) if row
                    else scales.joint_name(joint))
            questions[site] = {"site": site, "label": labels.get(site, ""), "name": name,
                               "main": is_main, "sessions": [], "value": value}
        questions[site]["sessions"].append(s)
    return list(questions.values())


def edit_next_morning(day: date, site_id: int | None, pain: int | None) -> Edit:
    """Rate this morning's pain at a site after the day before's sessions: one undo step.

    This writes the one stored value: the check-in's morning pain of ``day`` for the main
    site (or ``site_id`` None), the site's morning pain otherwise, so "Morning pain" on
    the same page shows the same number.

    Raises:
        ValidationError: the pain is not 0-10; nothing was written.
        StorageError: the write failed; nothing was written.
    """
    if site_id is None or site_id == repo.main_site_id():
        return edit_checkin(day, {"morning_pain": pain})
    return edit_checkin_site_pain(day, site_id, pain)


def delete_session(session_id: int) -> dict[str, Any]:
    """Delete a session; returns the snapshot ``restore_session`` takes back.

    Raises:
        NotFoundError: there is no such session.
    """
    snap = repo.session_snapshot(session_id)
    if snap is None:
        raise NotFoundError(_("That session no longer exists."), table="activity_session",
                            row=session_id)
    repo.delete_session(session_id)
    return snap


def restore_session(snap: dict[str, Any]) -> None:
    """Put back a deleted session with its further-site ratings (same ids)."""
    repo.restore_session(snap)


def edit_delete_session(session_id: int) -> Edit:
    """Delete a session as one undoable edit (undo puts back the same rows).

    Raises:
        NotFoundError: the session was deleted meanwhile.
        StorageError: nothing was deleted.
    """
    before = repo.get_session(session_id)
    if before is None:
        raise NotFoundError(_("That session no longer exists."), table="activity_session",
                            row=session_id)

    def do() -> Change:
        snap = delete_session(session_id)
        return Change(undo=lambda: repo.restore_session(snap),
                      redo=lambda: repo.delete_session(session_id))

    return perform(_("delete {kind} session").format(kind=before["kind"]), do,
                   day=before["day"], saved=_("Session deleted"))


# ---- site pains ------------------------------------------------------------------------

def list_sites(include_archived: bool = False) -> list[dict[str, Any]]:
    """Pain sites, the primary first, each a dict with ``id`` and ``label``."""
    return repo.list_sites(include_archived)


def add_site(joint: str, side: str = "", area: str = "", primary: bool = False) -> int:
    """Add a pain site; returns its id.

    The joint, the area and the whole label ("left knee (below the kneecap)") follow the
    one rule of pain-site labels (``domain.validation.check_label``), as a CSV file's
    ``pain_site`` column and import-all's ``pain_site`` rows do: not blank (the joint), no
    control, bidi-control or invisible format characters, at most 100 characters.

    Raises:
        ValidationError: {"joint" | "side" | "area": message}: no joint given ("A pain
            site needs a joint, e.g. knee or hip."), a side not of ``scales.SIDES``, or a
            label the rule refuses ("Pain site is too long (130 characters; at most
            100)."); nothing was written.
    """
    joint = joint.strip() if isinstance(joint, str) else joint
    if joint == "":
        raise ValidationError({"joint": _("A pain site needs a joint, e.g. knee or hip.")})
    if side not in scales.SIDES:
        raise ValidationError({"side": _("Side must be one of {sides} or none.").format(
            sides=", ".join(s for s in scales.SIDES if s))})
    errors: dict[str, str] = {}
    for key, value in (("joint", joint), ("area", area)):
        try:
            validation.check_field("pain_site", key, value, "")
        except ValidationError as exc:
            errors[key] = validation.reason(exc) + "."
    _raise(errors)
    area = area.strip()
    text = " ".join(p for p in (side, joint) if p)
    label = f"{text} ({area})" if area else text
    try:
        validation.check_field("pain_site", "label", label, "")
    except ValidationError as exc:
        raise ValidationError({"area" if area else "joint": validation.reason(exc) + "."}
                              ) from None
    return repo.add_site(joint, side, area, primary)


def edit_add_site(joint: str, side: str = "", area: str = "", primary: bool = False) -> Edit:
    """``add_site`` as one undoable edit; ``Edit.result`` is the new site's id.

    Raises:
        ValidationError, StorageError: nothing was written.
    """
    def do() -> Change:
        primaries = repo.primary_site_ids()
        site_id = add_site(joint, side, area, primary)
        row = repo.get_site(site_id)

        def undo():
            repo.delete_site(site_id)
            repo.set_primary_sites(primaries)

        def redo():
            repo.restore_site(row)
            if row["primary"]:
                repo.set_primary_sites([site_id])

        return Change(undo=undo, redo=redo, result=site_id)

    return perform(_("add pain site"), do, saved=_("Pain site added"))


def set_session_site_pain(session_id: int, site_id: int, values: dict[str, Any]) -> None:
    """Rate a further pain site for a session (pain before, during and after).

    Raises:
        ValidationError: a rating is not 0-10; nothing was written.
    """
    _raise(_pain_errors(values, "session_site_pain"))
    repo.set_session_site_pain(session_id, site_id, _checked("session_site_pain", values))


def edit_session_site_pain(session_id: int, site_id: int, values: dict[str, Any]) -> Edit:
    """``set_session_site_pain`` as one undoable edit (undo puts back the same row).

    Raises:
        ValidationError, StorageError: nothing was written.
    """
    session = repo.get_session(session_id)
    day = session["day"] if session else None
    before = repo.get_session_site_pain(session_id, site_id)
    if before is not None and {k: before.get(k) for k in values} == values:
        return no_change(_("change site pain"), day=day)

    def do() -> Change:
        set_session_site_pain(session_id, site_id, values)
        after = repo.get_session_site_pain(session_id, site_id)
        return Change(
            undo=lambda: repo.put_session_site_pain(session_id, site_id, before),
            redo=lambda: repo.put_session_site_pain(session_id, site_id, after),
        )

    return perform(_("change site pain"), do, day=day)


def session_site_pains(session_id: int) -> dict[int, dict[str, Any]]:
    """{site id: {pain_before, pain_during, pain_after ...}} of a session's further sites."""
    return repo.session_site_pains(session_id)


# ---- red flags and events --------------------------------------------------------------

def red_flags(day: date) -> set[str]:
    """The codes (``domain.scales.RED_FLAGS``) ticked on ``day``."""
    return repo.red_flags(day)


def set_red_flag(day: date, code: str, on: bool, note: str = "") -> None:
    """Tick (``on``) or untick a red flag on ``day``.

    Raises:
        ValidationError: unknown code; nothing was written.
    """
    _check_day(day)
    if msg := _field_error("red_flag", "code", code) or _field_error("red_flag", "note", note):
        raise ValidationError({"red_flags": msg})
    repo.set_red_flag(day, validation.check_field("red_flag", "code", code, ""), on, note)


def edit_red_flag(day: date, code: str, on: bool) -> Edit:
    """``set_red_flag`` as one undoable edit (undo puts back the same row, note and all).

    Raises:
        ValidationError, StorageError: nothing was written.
    """
    label = _("tick red flag") if on else _("untick red flag")
    if (code in repo.red_flags(day)) == on:
        return no_change(label, day=day)

    def do() -> Change:
        before = repo.get_red_flag(day, code)
        set_red_flag(day, code, on)
        after = repo.get_red_flag(day, code)
        return Change(undo=lambda: repo.put_red_flag(day, code, before),
                      redo=lambda: repo.put_red_flag(day, code, after))

    saved = (_("Red flag recorded: {flag}.") if on else _("Red flag removed: {flag}.")).format(
        flag=scales.red_flag_label(code))
    return perform(label, do, day=day, saved=saved)


def list_events(day: date) -> list[dict[str, Any]]:
    """The events of ``day`` in the order they were added."""
    return repo.list_events(day)


def add_event(day: date, kind: str, label: str = "", notes: str = "") -> int:
    """Record an event (``domain.scales.EVENT_KINDS``) on ``day``; returns its id.

    Raises:
        ValidationError: unknown kind, or a custom event without a label.
    """
    _check_day(day)
    for key, value in (("kind", kind), ("label", label), ("notes", notes)):
        if msg := _field_error("event", key, value):
            raise ValidationError({key: msg})
    kind = validation.check_field("event", "kind", kind, "")
    if kind == "custom" and not label.strip():
        raise ValidationError({"label": _("A custom event needs a short label.")})
    return repo.add_event(day, kind, label.strip(), notes)


def edit_add_event(day: date, kind: str, label: str = "", notes: str = "") -> Edit:
    """``add_event`` as one undoable edit; ``Edit.result`` is the event's id.

    Raises:
        ValidationError, StorageError: nothing was written.
    """
    def do() -> Change:
        event_id = add_event(day, kind, label, notes)
        row = repo.get_event(event_id)
        return Change(undo=lambda: repo.delete_event(event_id),
                      redo=lambda: repo.restore_event(row), result=event_id)

    return perform(_("add event"), do, day=day, saved=_("Event added"))


def delete_event(event_id: int) -> None:
    repo.delete_event(event_id)


def edit_remove_event(event_id: int) -> Edit:
    """Remove an event as one undoable edit (undo puts back the same row).

    Raises:
        NotFoundError: the event was removed meanwhile.
        StorageError: nothing was removed.
    """
    row = repo.get_event(event_id)
    if row is None:
        raise NotFoundError(_("That event no longer exists."), table="event", row=event_id)

    def do() -> Change:
        repo.delete_event(event_id)
        return Change(undo=lambda: repo.restore_event(row),
                      redo=lambda: repo.delete_event(event_id))

    return perform(_("remove event"), do, day=row["day"], saved=_("Event removed"))


# ---- whole days (for delete with undo) -------------------------------------------------

def day_snapshot(day: date) -> dict[str, Any]:
    """Everything stored for ``day``, enough to recreate it exactly with restore_day."""
    return repo.day_snapshot(day)


def delete_day(day: date) -> dict[str, Any]:
    """Delete everything of ``day``; returns the snapshot that restore_day takes back."""
    snap = repo.day_snapshot(day)
    repo.delete_day(day)
    return snap


def restore_day(snap: dict[str, Any]) -> None:
    """Put back a deleted day exactly (same rows, same ids)."""
    repo.restore_day(snap)


def edit_delete_day(day: date) -> Edit:
    """Delete everything of ``day`` as one undoable edit (undo puts back the same rows).

    Raises:
        NotFoundError: nothing is stored for ``day`` (deleted meanwhile); nothing changed.
        StorageError: nothing was deleted.
    """
    def do() -> Change:
        snap = delete_day(day)
        if repo.snapshot_is_empty(snap):
            raise NotFoundError(_("Nothing is stored for {day} any more.")
                                .format(day=format_date(day, "date")))
        return Change(undo=lambda: repo.restore_day(snap), redo=lambda: repo.delete_day(day))

    shown = format_date(day, "date")
    return perform(_("delete {day}").format(day=shown), do, day=day,
                   saved=_("Deleted {day} (Edit > Undo brings it back)").format(day=shown))


# ---- profile and settings --------------------------------------------------------------

def get_profile() -> dict[str, Any] | None:
    return repo.get_profile()


def save_profile(values: dict[str, Any]) -> None:
    """Create or update the profile.

    Raises:
        ValidationError: an empty name; nothing was written.
    """
    if "name" in values and not str(values["name"]).strip():
        raise ValidationError({"name": _("Please enter a name (or initials).")})
    repo.save_profile(values)


def thresholds() -> light_mod.Thresholds:
    """The pain-monitoring thresholds (the settings registry: ``services/settings.py``)."""
    return settings.thresholds()


def load_journal(start: date | None = None, end: date | None = None, site_id: int | None = None):
    """The days from ``start`` to ``end`` as a ``domain.entities.Journal``."""
    return repo.load_journal(start, end, site_id)


def is_empty() -> bool:
    """True for a new journal: no profile and no entry."""
    return not repo.has_profile() and repo.journal_span() is None


# ---- the journal list (lazy, filtered) -------------------------------------------------

def count_days(start=None, end=None, kind=None, flags_only=False, text="") -> int:
    """How many days with any entry match the filters (see ``list_days``)."""
    return repo.count_days(start, end, kind, flags_only, text)


def list_days(start=None, end=None, kind=None, flags_only=False, text="",
              offset: int = 0, limit: int = 200) -> list[dict[str, Any]]:
    """One summary row per day with any entry, newest first (``journal_repo.list_days``)."""
    return repo.list_days(start, end, kind, flags_only, text, offset, limit)


def activity_kinds() -> list[str]:
    """Every activity kind used in the journal, most used first."""
    return repo.activity_kinds()


def custom_event_labels() -> list[str]:
    """The labels of the journal's own ("Other") events, most used first; labels that
    differ only in case or spaces once (the pattern finder takes them as one factor)."""
    seen: dict[str, str] = {}
    for label in repo.custom_event_labels():
        seen.setdefault(" ".join(label.split()).casefold(), " ".join(label.split()))
    return list(seen.values())
