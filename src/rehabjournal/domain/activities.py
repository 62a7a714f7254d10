"""Activities recorded by a watch or an app (FIT, GPX, TCX files): pure rules.

What a file gives (kind, local start, minutes, distance, heart rate) and what the journal
does with it: the sport-to-kind mapping, the local date of a UTC start, duplicate
matching, and the heart-rate load (Banister's TRIMP) shown beside session-RPE load.
The readers live in ``store/activity_files.py``; see docs/activity-files.md.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

# ---- what a file gives -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Activity:
    """One activity (one leg of a multisport file) read from a file.

    Attributes:
        source: the file's name as shown to the person ("Morning_Run.fit", or
            "export.zip: activities/123.fit.gz").
        fmt: "fit", "gpx", "tcx" or "strava" (a Strava export row without a file).
        key: what makes this activity the same on a second import: the SHA-256 of the
            file's bytes (hex), or "strava:ID" for a Strava row without a file.
        leg: 0 for a single activity; 0, 1, ... for the legs of a multisport file.
        sport: the file's sport, normalised by ``normalise_sport`` ("running",
            "cycling", "swimming", "walking", "hiking", "training", "generic" ...).
        sub_sport: the file's sub-sport, normalised the same way ("trail", "treadmill",
            "indoor_cycling"), or "".
        start_utc: the start, an aware datetime in UTC.
        elapsed_s: seconds from start to finish, pauses included.
        moving_s: seconds with the timer running, pauses excluded (FIT ``total_timer_time``,
            TCX laps' ``TotalTimeSeconds``, GPX moving time); the journal's minutes.
        distance_m: metres, or None when the file has none.
        ascent_m: elevation gain in metres, or None.
        avg_hr: mean heart rate in beats per minute, or None.
        max_hr: highest heart rate in beats per minute, or None.
        name: the activity's title in the file ("Lunch Run"), or "".
    """

    source: str
    fmt: str
    key: str
    leg: int
    sport: str
    sub_sport: str
    start_utc: datetime
    elapsed_s: float
    moving_s: float
    distance_m: float | None = None
    ascent_m: float | None = None
    avg_hr: float | None = None
    max_hr: float | None = None
    name: str = ""

    @property
    def minutes(self) -> int:
        """Moving minutes, rounded (at least 1 for any activity with moving time)."""
        return max(1, round(self.moving_s / 60)) if self.moving_s > 0 else 0

    @property
    def elapsed_minutes(self) -> int:
        return round(self.elapsed_s / 60)

    @property
    def distance_km(self) -> float | None:
        return None if self.distance_m is None else round(self.distance_m / 1000, 2)


@dataclass(frozen=True, slots=True)
class FileProblem:
    """A file (or a zip member) that could not be read: its path as given, and why.

    E.g. ("/home/a/track.gpx", "the GPX file has no times: a session needs its start and
    duration"). ``reason`` is in the current language, in plain words, never a traceback.
    """

    path: str
    reason: str


# ---- sport -> journal kind -------------------------------------------------------------


def normalise_sport(text: str | None) -> str:
    """A file's sport or sub-sport as a key: lower case, words joined by "_".

    "Running" -> "running", "Trail Run" -> "trail_run", "VirtualRide" -> "virtual_ride",
    "e_biking" -> "e_biking"; None or blank -> "".
    """
    if not text:
        return ""
    out = []
    prev = ""
    for ch in str(text).strip():
        if ch.isupper() and prev and (prev.islower() or prev.isdigit()):
            out.append("_")
        out.append("_" if ch in " -/." else ch.lower())
        prev = ch
    key = "".join(out)
    while "__" in key:
        key = key.replace("__", "_")
    return key.strip("_")


DEFAULT_SPORT_KINDS: Mapping[str, str] = {
    # FIT profile sports (Garmin FIT SDK, Profile.xlsx "sport") and sub-sports
    "running": "run", "running/treadmill": "run", "running/trail": "run",
    "running/track": "run", "running/street": "run", "running/indoor_running": "run",
    "running/virtual_activity": "run",
    "cycling": "cycle", "cycling/indoor_cycling": "cycle", "cycling/spin": "cycle",
    "cycling/virtual_activity": "cycle", "cycling/road": "cycle",
    "cycling/mountain": "cycle", "cycling/gravel_cycling": "cycle",
    "cycling/e_bike_fitness": "cycle", "e_biking": "cycle",
    "swimming": "swim", "swimming/lap_swimming": "swim",
    "swimming/open_water": "swim",
    "walking": "walk", "walking/indoor_walking": "walk", "hiking": "hike",
    "training": "gym", "training/strength_training": "gym",
    "training/cardio_training": "gym", "fitness_equipment": "gym",
    "fitness_equipment/elliptical": "gym", "fitness_equipment/stair_climbing": "gym",
    "fitness_equipment/indoor_rowing": "gym",
    "soccer": "sport", "tennis": "sport", "basketball": "sport", "american_football": "sport",
    "racket": "sport", "volleyball": "sport", "rugby": "sport", "hockey": "sport",
    "cross_country_skiing": "sport", "alpine_skiing": "sport", "rowing": "sport",
    "paddling": "sport", "climbing": "sport",
    # GPX <type> words (Strava, Garmin Connect, OpenTracks) and TCX Sport attributes
    "run": "run", "trail_run": "run", "virtual_run": "run", "treadmill": "run",
    "trail_running": "run", "treadmill_running": "run", "track_running": "run",
    "street_running": "run", "indoor_running": "run", "ultra_run": "run",
    "lap_swimming": "swim", "open_water_swimming": "swim", "pool_swimming": "swim",
    "gravel_cycling": "cycle", "road_cycling": "cycle", "mountain_biking_cycling": "cycle",
    "virtual_cycling": "cycle", "cyclocross": "cycle", "bmx": "cycle",
    "indoor_rowing": "gym", "stair_climbing": "gym", "cardio": "gym", "hiit": "gym",
    "speed_walking": "walk", "casual_walking": "walk", "nordic_walking": "walk",
    "mountaineering": "hike", "trekking": "hike",
    "ride": "cycle", "biking": "cycle", "bike": "cycle", "virtual_ride": "cycle",
    "e_bike_ride": "cycle", "mountain_bike_ride": "cycle", "gravel_ride": "cycle",
    "road_biking": "cycle", "mountain_biking": "cycle", "indoor_cycling": "cycle",
    "swim": "swim", "walk": "walk", "hike": "hike",
    "weight_training": "gym", "workout": "gym", "crossfit": "gym", "elliptical": "gym",
    "strength_training": "gym",
}
"""Default mapping from a file's sport ("sport" or "sport/sub_sport" keys, as made by
``normalise_sport``) to the journal's activity kinds (``domain.scales.ACTIVITY_KINDS``).
A design choice, editable in Preferences > Activity files; unknown sports become "other"."""


def mapping_key(text: str) -> str:
    """A mapping entry's key normalised part by part: "Running / Trail" -> "running/trail"."""
    return "/".join(p for p in (normalise_sport(part) for part in str(text).split("/")) if p)


def kind_for(sport: str, sub_sport: str = "",
             mapping: Mapping[str, str] | None = None) -> str:
    """The journal kind for a file's sport: "sport/sub_sport", then "sport", else "other".

    Args:
        sport: ``Activity.sport`` (already normalised).
        sub_sport: ``Activity.sub_sport`` or "".
        mapping: the person's mapping (Preferences); its entries win over
            ``DEFAULT_SPORT_KINDS``.
    """
    table = dict(DEFAULT_SPORT_KINDS)
    if mapping:
        table.update({mapping_key(k): v for k, v in mapping.items()})
    sport = normalise_sport(sport)
    sub = normalise_sport(sub_sport)
    if sub and sub != "generic" and f"{sport}/{sub}" in table:
        return table[f"{sport}/{sub}"]
    return table.get(sport, "other")


def sport_label(sport: str, sub_sport: str = "") -> str:
    """"running / trail" for display and the mapping's keys; "running" without a sub-sport."""
    return f"{sport}/{sub_sport}" if sub_sport and sub_sport != "generic" else sport


# ---- time ------------------------------------------------------------------------------


def local_start(start_utc: datetime, tz: tzinfo | None = None) -> datetime:
    """The local wall-clock start (naive) of a UTC start.

    Args:
        start_utc: aware datetime (a naive one is taken as UTC, as FIT, GPX and TCX
            times are).
        tz: the zone; None uses the machine's zone and its rules *at that date*
            (summer time included), as ``datetime.astimezone`` does.
    """
    if start_utc.tzinfo is None:
        start_utc = start_utc.replace(tzinfo=UTC)
    local = start_utc.astimezone(tz) if tz is not None else start_utc.astimezone()
    return local.replace(tzinfo=None, microsecond=0)


# ---- duplicates ------------------------------------------------------------------------

START_WINDOW = timedelta(minutes=2)
"""Two activities are the same when they start within this of each other (issue 20)."""
DURATION_TOLERANCE_MIN = 5
DURATION_TOLERANCE_FRACTION = 0.15
"""Durations are similar when they differ by at most the larger of 5 minutes and 15 %
(a design choice: a hand-typed duration is a rounded estimate)."""


@dataclass(frozen=True, slots=True)
class KnownSession:
    """A session already in the journal, as duplicate matching needs it.

    Attributes:
        id: the session's row id.
        day: its date.
        kind: its activity kind.
        minutes: its minutes.
        start: its local start time, or None (typed by hand without a time).
        imported: True when it came from (or was merged with) an activity file.
    """

    id: int
    day: date
    kind: str
    minutes: int
    start: time | None = None
    imported: bool = False


def similar_duration(a_min: float, b_min: float) -> bool:
    """True when two durations (minutes) differ by at most max(5 min, 15 %)."""
    tolerance = max(DURATION_TOLERANCE_MIN, DURATION_TOLERANCE_FRACTION * max(a_min, b_min))
    return abs(a_min - b_min) <= tolerance


def find_duplicate(start: datetime, activity: Activity, kind: str,
                   known: Iterable[KnownSession]) -> KnownSession | None:
    """The journal session this activity duplicates, or None.

    A session with a start time matches when it starts within ``START_WINDOW`` of
    ``start`` and its minutes are similar to the activity's moving or elapsed minutes. A
    session without a start time (typed by hand) matches when it is on the same local day,
    of the same kind, with similar minutes; among several, the closest in minutes wins.

    Args:
        start: the activity's local start (``local_start``).
        activity: the activity.
        kind: its journal kind (``kind_for``).
        known: the sessions of that day and its neighbours.
    """
    best: tuple[float, KnownSession] | None = None
    moving = activity.moving_s / 60
    elapsed = activity.elapsed_s / 60
    for s in known:
        closeness = min(abs(s.minutes - moving), abs(s.minutes - elapsed))
        if not (similar_duration(s.minutes, moving) or similar_duration(s.minutes, elapsed)):
            continue
        if s.start is not None:
            their = datetime.combine(s.day, s.start)
            if abs(their - start) > START_WINDOW:
                continue
        elif s.day != start.date() or s.kind != kind:
            continue
        if best is None or closeness < best[0]:
            best = (closeness, s)
    return best[1] if best else None


# ---- heart-rate load -------------------------------------------------------------------

BANISTER_WEIGHTING: Mapping[str, tuple[float, float]] = {
    "male": (0.64, 1.92),
    "female": (0.86, 1.67),
}
"""Banister's weighting y = a * e^(b * x) of the heart-rate reserve fraction x, by sex
(Banister 1991; Morton, Fitz-Clarke & Banister 1990)."""


def banister_trimp(minutes: float, avg_hr: float | None, rest_hr: float | None,
                   max_hr: float | None, weighting: str = "male") -> float | None:
    """Banister's training impulse (TRIMP) of one session, in arbitrary units.

    TRIMP = minutes * x * a * e^(b * x), with x = (mean HR - resting HR) / (maximum HR -
    resting HR) clamped to 0..1, and (a, b) = (0.64, 1.92) for men, (0.86, 1.67) for
    women. Source: Banister EW (1991) Modeling elite athletic performance, in MacDougall,
    Wenger & Green (eds) *Physiological testing of the high-performance athlete*, 2nd ed.,
    Human Kinetics, pp. 403-424; Morton RH, Fitz-Clarke JR, Banister EW (1990) J Appl
    Physiol 69:1171-1177. This is another estimate of load beside session RPE, which stays
    the primary load (Foster 2001; domain.md).

    Args:
        minutes: moving minutes.
        avg_hr: mean heart rate (bpm) of the session; None gives None.
        rest_hr: resting heart rate (bpm, a profile setting); None or 0 gives None.
        max_hr: maximum heart rate (bpm, a profile setting); None, 0 or not above
            ``rest_hr`` gives None.
        weighting: "male" or "female" (``BANISTER_WEIGHTING``).

    Returns:
        The TRIMP rounded to 0.1, or None when it cannot be computed.
    """
    if not avg_hr or not rest_hr or not max_hr or max_hr <= rest_hr or minutes <= 0:
        return None
    a, b = BANISTER_WEIGHTING.get(weighting, BANISTER_WEIGHTING["male"])
    x = min(1.0, max(0.0, (avg_hr - rest_hr) / (max_hr - rest_hr)))
    return round(minutes * x * a * math.exp(b * x), 1)
