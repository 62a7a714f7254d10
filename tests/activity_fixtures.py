"""Activity files made in the tests: FIT (fit-tool's FitFileBuilder, or framed by hand for
what fit-tool does not write), GPX and TCX (small hand-written XML), Strava export zips.

Shared by the reader tests (tests/store/test_activity_files.py), the use-case and UI tests
of issue 20 and the benchmark. Import it as ``from activity_fixtures import ...`` after
putting ``tests/`` on ``sys.path`` (``tests/conftest.py`` is not needed: the module has no
fixtures), or load it by path.

Every writer takes the start as an aware UTC datetime and durations in seconds, so a test
can state its expected numbers by hand: ``fit_bytes(START, seconds=1800, pauses=[(600,
300)])`` is a 30-minute run with a 5-minute pause at minute 10: elapsed 1800 s, moving 1500
s. fit-tool takes ~0.5 ms a record, so tests record every 10-30 s (``step``).
"""

from __future__ import annotations

import gzip
import io
import struct
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

FIT_EPOCH = datetime(1989, 12, 31, tzinfo=UTC)


@dataclass(frozen=True)
class Leg:
    """One leg of an activity for ``fit_bytes``, ``gpx_text`` and ``tcx_text``.

    Attributes:
        sport: a FIT sport name in lower case ("running", "cycling", "swimming",
            "transition") or, for GPX/TCX, the file's own word ("Running", "Biking").
        sub_sport: a FIT sub-sport name ("trail", "road", "generic").
        seconds: elapsed seconds, pauses included.
        pauses: (at, length) seconds after the leg's start, timer stopped.
        hr: heart rates cycled over the records (None: no heart rate).
        speed: metres a second while moving.
        climb: metres of steady climb over the leg (altitude from 100 m).
        gap: seconds between the previous leg's end and this leg's start.
    """

    sport: str = "running"
    sub_sport: str = "generic"
    seconds: int = 1800
    pauses: Sequence[tuple[int, int]] = ()
    hr: Sequence[int] | None = None
    speed: float = 3.0
    climb: float = 0.0
    gap: int = 0

    @property
    def moving(self) -> int:
        return self.seconds - sum(length for _at, length in self.pauses)

    @property
    def distance(self) -> float:
        return round(self.speed * self.moving, 2)


@dataclass
class _Sample:
    offset: int  # seconds from the leg's start
    distance: float
    hr: int | None
    altitude: float


def _samples(leg: Leg, step: int) -> list[_Sample]:
    """Record samples every ``step`` s while the timer runs (none during pauses), and one
    at each pause's edges and at the end."""
    stops = sorted(leg.pauses)
    offsets = set(range(0, leg.seconds + 1, step)) | {leg.seconds}
    for at, length in stops:
        offsets |= {at, at + length}
    out = []
    moved = 0.0
    last = 0
    index = 0
    for offset in sorted(offsets):
        paused = any(at < offset < at + length for at, length in stops)
        if paused:
            continue
        running = offset - last - sum(
            max(0, min(offset, at + length) - max(last, at)) for at, length in stops)
        moved += leg.speed * running
        last = offset
        hr = leg.hr[index % len(leg.hr)] if leg.hr else None
        index += 1
        out.append(_Sample(offset, round(moved, 2), hr,
                           100 + leg.climb * offset / max(1, leg.seconds)))
    return out


def _legs(sport, sub_sport, seconds, pauses, hr, legs, climb=0.0, speed=3.0) -> list[Leg]:
    if legs is not None:
        return list(legs)
    return [Leg(sport, sub_sport, seconds, tuple(pauses), hr, speed, climb)]


# ---- FIT with fit-tool -------------------------------------------------------------------


def fit_bytes(start_utc: datetime, sport: str = "running", sub_sport: str = "generic", *,
              seconds: int = 1800, pauses: Sequence[tuple[int, int]] = (),
              hr: Sequence[int] | None = None, legs: Sequence[Leg] | None = None,
              records: bool = True, session: bool = True, step: int = 10,
              climb: float = 0.0, speed: float = 3.0, timer_events: bool = True,
              file_type: str = "activity", extra_fields: bool = False) -> bytes:
    """A FIT activity file written with fit-tool's FitFileBuilder.

    Args:
        start_utc: the first leg's start (aware UTC).
        sport, sub_sport, seconds, pauses, hr, climb, speed: the one leg (see ``Leg``),
            unless ``legs`` is given (multisport: one ``session`` message per leg,
            transitions included as legs of sport "transition").
        records: write ``record`` messages every ``step`` seconds (timestamp, distance,
            altitude, heart rate; with ``extra_fields`` also position, speed, cadence,
            power and temperature: ~12 fields as a watch writes).
        session: write ``lap``, ``session`` and ``activity`` messages with the totals (False:
            a file as a crashed watch leaves it, records only).
        timer_events: write timer start/stop events (at the start, each pause and the end).
        file_type: the ``file_id`` type ("activity", "course" ...).
    """
    from fit_tool.fit_file_builder import FitFileBuilder
    from fit_tool.profile.messages.activity_message import ActivityMessage
    from fit_tool.profile.messages.event_message import EventMessage
    from fit_tool.profile.messages.file_id_message import FileIdMessage
    from fit_tool.profile.messages.lap_message import LapMessage
    from fit_tool.profile.messages.record_message import RecordMessage
    from fit_tool.profile.messages.session_message import SessionMessage
    from fit_tool.profile.profile_type import (
        Event,
        EventType,
        FileType,
        Manufacturer,
        Sport,
        SubSport,
    )

    def ms(moment: datetime) -> int:
        return round(moment.timestamp() * 1000)

    all_legs = _legs(sport, sub_sport, seconds, pauses, hr, legs, climb, speed)
    builder = FitFileBuilder(auto_define=True, min_string_size=50)
    file_id = FileIdMessage()
    file_id.type = FileType[file_type.upper()]
    file_id.manufacturer = Manufacturer.GARMIN.value
    file_id.product = 1
    file_id.serial_number = 0x12345678
    file_id.time_created = ms(start_utc)
    builder.add(file_id)

    def event(moment: datetime, kind) -> None:
        if timer_events:
            message = EventMessage()
            message.event = Event.TIMER
            message.event_type = kind
            message.timestamp = ms(moment)
            builder.add(message)

    leg_start = start_utc
    summaries = []
    for index, leg in enumerate(all_legs):
        if index:
            leg_start += timedelta(seconds=leg.gap)
        event(leg_start, EventType.START)
        samples = _samples(leg, step) if records else []
        pause_marks = sorted(leg.pauses)
        for sample in samples:
            for at, length in pause_marks:
                if sample.offset == at + length and length:
                    event(leg_start + timedelta(seconds=at + length), EventType.START)
            message = RecordMessage()
            message.timestamp = ms(leg_start + timedelta(seconds=sample.offset))
            message.distance = sample.distance
            message.enhanced_altitude = sample.altitude
            if sample.hr is not None:
                message.heart_rate = sample.hr
            if extra_fields:
                message.position_lat = 48.0 + sample.distance * 1e-5
                message.position_long = 2.0 + sample.distance * 1e-5
                message.enhanced_speed = leg.speed
                message.cadence = 85
                message.fractional_cadence = 0.5
                message.power = 200 + sample.offset % 40
                message.temperature = 21
                message.vertical_oscillation = 80.0
                message.stance_time = 250.0
            builder.add(message)
            for at, length in pause_marks:
                if sample.offset == at and length:
                    event(leg_start + timedelta(seconds=at), EventType.STOP_ALL)
        end = leg_start + timedelta(seconds=leg.seconds)
        event(end, EventType.STOP_ALL)
        summaries.append((leg, leg_start, end))
        leg_start = end
    if session:
        for leg, begin, end in summaries:
            fit_sport = Sport[leg.sport.upper()]
            fit_sub = SubSport[leg.sub_sport.upper()]
            lap = LapMessage()
            lap.timestamp = ms(end)
            lap.start_time = ms(begin)
            lap.total_elapsed_time = leg.seconds
            lap.total_timer_time = leg.moving
            lap.total_distance = leg.distance
            lap.sport = fit_sport
            builder.add(lap)
            message = SessionMessage()
            message.timestamp = ms(end)
            message.start_time = ms(begin)
            message.sport = fit_sport
            message.sub_sport = fit_sub
            message.total_elapsed_time = leg.seconds
            message.total_timer_time = leg.moving
            message.total_distance = leg.distance
            if leg.climb:
                message.total_ascent = round(leg.climb)
            if leg.hr:
                samples = _samples(leg, step)
                values = [s.hr for s in samples if s.hr is not None] or list(leg.hr)
                message.avg_heart_rate = round(sum(values) / len(values))
                message.max_heart_rate = max(values)
            builder.add(message)
        activity = ActivityMessage()
        activity.timestamp = ms(summaries[-1][2])
        activity.num_sessions = len(summaries)
        builder.add(activity)
    return builder.build().to_bytes()


def write_fit(path: Path | str, start_utc: datetime, sport: str = "running",
              sub_sport: str = "generic", **options) -> Path:
    """``fit_bytes`` written to ``path`` (gzip-compressed when it ends in ".gz")."""
    return write_bytes(path, fit_bytes(start_utc, sport, sub_sport, **options))


def write_bytes(path: Path | str, data: bytes) -> Path:
    """Write bytes, gzip-compressed when the name ends in ".gz"; parents made."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.name.lower().endswith(".gz"):
        data = gzip.compress(data, mtime=0)
    path.write_bytes(data)
    return path


# ---- FIT framed by hand (compressed timestamps, developer fields, big endian) -----------

_CRC_TABLE = []
for _byte in range(256):
    _crc = _byte
    for _ in range(8):
        _crc = (_crc >> 1) ^ 0xA001 if _crc & 1 else _crc >> 1
    _CRC_TABLE.append(_crc)


def fit_crc(data: bytes, crc: int = 0) -> int:
    """The FIT CRC-16 (CRC-16/ARC: polynomial 0x8005 reflected, initial 0)."""
    table = _CRC_TABLE
    for byte in data:
        crc = (crc >> 8) ^ table[(crc ^ byte) & 0xFF]
    return crc


def fit_frame(records: bytes, *, protocol: int = 0x20, profile: int = 2132) -> bytes:
    """A whole FIT file around data records: 14-byte header (with its CRC) and CRC."""
    head = struct.pack("<BBHI4s", 14, protocol, profile, len(records), b".FIT")
    head += struct.pack("<H", fit_crc(head))
    return head + records + struct.pack("<H", fit_crc(head + records))


def _definition(local: int, number: int, fields: Sequence[tuple[int, int, int]], *,
                big: bool = False, dev: Sequence[tuple[int, int, int]] = ()) -> bytes:
    header = 0x40 | local | (0x20 if dev else 0)
    out = struct.pack(">BBBHB" if big else "<BBBHB", header, 0, 1 if big else 0, number,
                      len(fields))
    out += b"".join(bytes(f) for f in fields)
    if dev:
        out += bytes((len(dev),)) + b"".join(bytes(f) for f in dev)
    return out


def fit_seconds(moment: datetime) -> int:
    """A FIT date_time: seconds since 1989-12-31 00:00 UTC."""
    return int((moment - FIT_EPOCH).total_seconds())


def fit_hand_bytes(start_utc: datetime, *, seconds: int = 600, step: int = 5,
                   hr: int = 140, timer: int | None = None, sport: int = 1,
                   sub_sport: int = 0, compressed_records: bool = True,
                   compressed_session: bool = False, big_endian_session: bool = False,
                   developer_fields: bool = True, session: bool = True) -> bytes:
    """A FIT activity framed by hand, with what fit-tool does not write.

    Records every ``step`` s: the first with a normal header and a full timestamp, the
    others (``compressed_records``) with compressed timestamp headers (offset in the
    header's 5 low bits); each record has a developer field (``developer_fields``, with
    its developer_data_id and field_description). The session message may use a
    compressed timestamp header itself (``compressed_session``) or a big-endian
    definition (``big_endian_session``). Sport numbers are FIT's (1 running, 2 cycling).
    """
    uint8, uint16, uint32, enum, string = 0x02, 0x84, 0x86, 0x00, 0x07
    t0 = fit_seconds(start_utc)
    out = bytearray()
    # file_id: type, manufacturer, time_created
    out += _definition(0, 0, [(0, 1, enum), (1, 2, uint16), (4, 4, uint32)])
    out += struct.pack("<BBHI", 0x00, 4, 1, t0)
    dev = ()
    if developer_fields:
        # developer_data_id (207): developer_data_index; field_description (206)
        out += _definition(1, 207, [(3, 1, uint8)])
        out += struct.pack("<BB", 0x01, 0)
        out += _definition(1, 206, [(0, 1, uint8), (1, 1, uint8), (2, 1, uint8),
                                    (3, 16, string)])
        out += struct.pack("<BBBB16s", 0x01, 0, 0, uint8, b"Breath rate")
        dev = ((0, 1, 0),)
    # record (20) with a timestamp (local 1) and without (local 2, compressed headers)
    out += _definition(1, 20, [(253, 4, uint32), (3, 1, uint8), (5, 4, uint32)], dev=dev)
    out += _definition(2, 20, [(3, 1, uint8), (5, 4, uint32)], dev=dev)
    devbytes = b"\x0c" if developer_fields else b""
    for index, offset in enumerate(range(0, seconds + 1, step)):
        moment = t0 + offset
        distance = offset * 300  # 3 m/s, scale 100
        if index == 0 or not compressed_records:
            out += struct.pack("<BIBI", 0x01, moment, hr, distance) + devbytes
        else:
            out += struct.pack("<BBI", 0x80 | (2 << 5) | (moment & 0x1F), hr,
                               distance) + devbytes
    if session:
        timer = seconds if timer is None else timer
        fields = [(2, 4, uint32), (7, 4, uint32), (8, 4, uint32), (9, 4, uint32),
                  (5, 1, enum), (6, 1, enum), (16, 1, uint8), (17, 1, uint8)]
        order = ">" if big_endian_session else "<"
        values = (t0, seconds * 1000, timer * 1000, seconds * 300, sport, sub_sport, hr, hr)
        if compressed_session:
            out += _definition(3, 18, fields, big=big_endian_session)
            end = t0 + seconds
            out += bytes((0x80 | (3 << 5) | (end & 0x1F),))
            out += struct.pack(order + "IIIIBBBB", *values)
        else:
            out += _definition(3, 18, [(253, 4, uint32)] + fields, big=big_endian_session)
            out += bytes((0x03,)) + struct.pack(order + "IIIIIBBBB", t0 + seconds, *values)
    return fit_frame(bytes(out))


_DATE_FIELDS = {0: {4}, 18: {2}, 19: {2}, 34: {5}}
"""date_time fields other than timestamp (253), by global message: file_id.time_created,
session.start_time, lap.start_time, activity.local_timestamp."""


def shift_fit(data: bytes, seconds: int) -> bytes:
    """The same FIT file with every date_time moved by ``seconds`` (timestamps, start
    times, time created), CRCs recomputed: a cheap, valid variant of a file fit-tool took
    seconds to write. Files with compressed timestamp headers are not supported."""
    out = bytearray(data)
    pos = 0
    while len(data) - pos >= 12:
        hsize = data[pos]
        size = int.from_bytes(data[pos + 4:pos + 8], "little")
        body, end = pos + hsize, pos + hsize + size
        layouts: dict[int, tuple[int, str, list[int]]] = {}
        at = body
        while at < end:
            header = data[at]
            if header & 0x80:
                raise ValueError("compressed timestamp headers are not supported")
            local = header & 0x0F
            if header & 0x40:
                order = ">" if data[at + 2] == 1 else "<"
                number = struct.unpack(order + "H", data[at + 3:at + 5])[0]
                count = data[at + 5]
                offsets, offset = [], 0
                dates = _DATE_FIELDS.get(number, set()) | {253}
                for i in range(count):
                    num, fsize = data[at + 6 + 3 * i], data[at + 7 + 3 * i]
                    if num in dates and fsize == 4:
                        offsets.append(offset)
                    offset += fsize
                nxt = at + 6 + 3 * count
                if header & 0x20:
                    dev = data[nxt]
                    offset += sum(data[nxt + 2 + 3 * i] for i in range(dev))
                    nxt += 1 + 3 * dev
                layouts[local] = (offset, order, offsets)
                at = nxt
            else:
                size_of, order, offsets = layouts[local]
                for offset in offsets:
                    spot = at + 1 + offset
                    value = struct.unpack(order + "I", data[spot:spot + 4])[0]
                    if value != 0xFFFFFFFF:
                        out[spot:spot + 4] = struct.pack(order + "I", value + seconds)
                at += 1 + size_of
        if hsize >= 14:
            out[pos + 12:pos + 14] = struct.pack("<H", fit_crc(bytes(out[pos:pos + 12])))
        out[end:end + 2] = struct.pack("<H", fit_crc(bytes(out[pos:end])))
        pos = end + 2
    return bytes(out)

# ---- GPX ---------------------------------------------------------------------------------


def gpx_text(start_utc: datetime | None, sport: str = "running", *, seconds: int = 1800,
             pauses: Sequence[tuple[int, int]] = (), hr: Sequence[int] | None = None,
             legs: Sequence[Leg] | None = None, step: int = 10, climb: float = 0.0,
             speed: float = 3.0, name: str = "Morning Run", times: bool = True,
             leading_blank: bool = False) -> str:
    """A GPX 1.1 file: one ``<trk>`` per leg (each leg's ``sport`` as ``<type>``), a new
    ``<trkseg>`` after each pause (as apps write a pause), heart rate in Garmin's
    TrackPointExtension. The track goes north at ``speed`` m/s; ``times=False`` writes
    no ``<time>`` (a route drawn on a map)."""
    all_legs = _legs(sport, "", seconds, pauses, hr, legs, climb, speed)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<gpx version="1.1" creator="rehabjournal tests" '
             'xmlns="http://www.topografix.com/GPX/1/1" '
             'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">']
    leg_start = start_utc
    for leg in all_legs:
        if leg_start is not None:
            leg_start += timedelta(seconds=leg.gap)
        lines.append(f"<trk><name>{name}</name><type>{leg.sport}</type><trkseg>")
        pause_ends = {at: at + length for at, length in leg.pauses}
        for sample in _samples(leg, step):
            lat = 48.0 + sample.distance / 111_195.0
            parts = [f'<trkpt lat="{lat:.7f}" lon="2.0000000">',
                     f"<ele>{sample.altitude:.1f}</ele>"]
            if times and leg_start is not None:
                moment = leg_start + timedelta(seconds=sample.offset)
                parts.append(f"<time>{moment:%Y-%m-%dT%H:%M:%SZ}</time>")
            if sample.hr is not None:
                parts.append("<extensions><gpxtpx:TrackPointExtension>"
                             f"<gpxtpx:hr>{sample.hr}</gpxtpx:hr>"
                             "</gpxtpx:TrackPointExtension></extensions>")
            parts.append("</trkpt>")
            if sample.offset in pause_ends.values() and sample.offset:
                lines.append("</trkseg><trkseg>")
            lines.append("".join(parts))
        lines.append("</trkseg></trk>")
        if leg_start is not None:
            leg_start += timedelta(seconds=leg.seconds)
    lines.append("</gpx>")
    text = "\n".join(lines) + "\n"
    return ("\n          " + text) if leading_blank else text


# ---- TCX ---------------------------------------------------------------------------------

TCX_NS = "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"


@dataclass(frozen=True)
class Lap:
    """A TCX lap: ``seconds`` of timer (TotalTimeSeconds), then ``pause`` seconds stopped
    before the next lap; heart rates cycled over its trackpoints."""

    seconds: int
    distance: float | None = None
    hr: Sequence[int] | None = None
    pause: int = 0
    climb: float = 0.0


@dataclass(frozen=True)
class TcxActivity:
    sport: str = "Running"
    laps: Sequence[Lap] = field(default_factory=lambda: (Lap(1800, 5400.0),))
    gap: int = 0  # seconds from the previous activity's end (multisport: a transition)


def tcx_text(start_utc: datetime, activities: Sequence[TcxActivity] | None = None, *,
             multisport: bool = False, step: int = 10, trackpoint_times: bool = True,
             lap_times: bool = True, leading_blank: bool = False) -> str:
    """A TCX file: each ``TcxActivity`` an ``<Activity>`` (in a ``<MultiSportSession>``
    with a ``<Transition>`` lap between sports when ``multisport``), laps with
    ``TotalTimeSeconds``, ``DistanceMeters``, heart-rate averages and maxima and
    trackpoints every ``step`` s. ``leading_blank`` starts the file with blanks, as
    Strava's TCX does."""
    acts = list(activities) if activities is not None else [TcxActivity()]
    blocks = []  # (transition or "", activity)
    moment = start_utc
    for index, act in enumerate(acts):
        transition = ""
        if index and act.gap:
            transition = (f'<Transition StartTime="{moment:%Y-%m-%dT%H:%M:%SZ}">'
                          f"<TotalTimeSeconds>{act.gap}</TotalTimeSeconds>"
                          "<DistanceMeters>0</DistanceMeters><Calories>0</Calories>"
                          "<Intensity>Active</Intensity><TriggerMethod>Manual</TriggerMethod>"
                          "</Transition>")
            moment += timedelta(seconds=act.gap)
        laps = []
        first = moment
        for lap in act.laps:
            laps.append(_tcx_lap(lap, moment, step, trackpoint_times, lap_times))
            moment += timedelta(seconds=lap.seconds + lap.pause)
        ident = f"<Id>{first:%Y-%m-%dT%H:%M:%SZ}</Id>" if lap_times else ""
        blocks.append((transition, f'<Activity Sport="{act.sport}">{ident}' + "".join(laps)
                       + "</Activity>"))
    if multisport:
        parts = [f"<Id>{start_utc:%Y-%m-%dT%H:%M:%SZ}</Id>",
                 f"<FirstSport>{blocks[0][1]}</FirstSport>"]
        parts += [f"<NextSport>{transition}{block}</NextSport>" for transition, block in blocks[1:]]
        body = "<MultiSportSession>" + "".join(parts) + "</MultiSportSession>"
    else:
        body = "".join(block for _transition, block in blocks)
    text = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<TrainingCenterDatabase xmlns="{TCX_NS}"><Activities>{body}</Activities>'
            "</TrainingCenterDatabase>\n")
    return ("          " + text) if leading_blank else text


def _tcx_lap(lap: Lap, moment: datetime, step: int, trackpoint_times: bool,
             lap_times: bool) -> str:
    points = []
    hr_values = []
    offsets = sorted(set(range(0, lap.seconds + 1, step)) | {lap.seconds})
    for k, offset in enumerate(offsets):
        hr = lap.hr[k % len(lap.hr)] if lap.hr else None
        parts = ["<Trackpoint>"]
        if trackpoint_times:
            parts.append(f"<Time>{moment + timedelta(seconds=offset):%Y-%m-%dT%H:%M:%S.000Z}"
                         "</Time>")
        parts.append(f"<AltitudeMeters>{100 + lap.climb * offset / max(1, lap.seconds):.1f}"
                     "</AltitudeMeters>")
        if lap.distance is not None:
            parts.append(f"<DistanceMeters>{lap.distance * offset / lap.seconds:.1f}"
                         "</DistanceMeters>")
        if hr is not None:
            hr_values.append(hr)
            parts.append(f"<HeartRateBpm><Value>{hr}</Value></HeartRateBpm>")
        parts.append("</Trackpoint>")
        points.append("".join(parts))
    summary = [f"<TotalTimeSeconds>{lap.seconds}</TotalTimeSeconds>"]
    if lap.distance is not None:
        summary.append(f"<DistanceMeters>{lap.distance}</DistanceMeters>")
    if hr_values:
        summary.append("<AverageHeartRateBpm><Value>"
                       f"{round(sum(hr_values) / len(hr_values))}</Value></AverageHeartRateBpm>")
        summary.append(f"<MaximumHeartRateBpm><Value>{max(hr_values)}</Value>"
                       "</MaximumHeartRateBpm>")
    start_attr = f' StartTime="{moment:%Y-%m-%dT%H:%M:%SZ}"' if lap_times else ""
    return (f"<Lap{start_attr}>" + "".join(summary)
            + "<Intensity>Active</Intensity><TriggerMethod>Manual</TriggerMethod>"
            + "<Track>" + "".join(points) + "</Track></Lap>")


# ---- Strava bulk export ------------------------------------------------------------------

STRAVA_COLUMNS = (
    "Activity ID", "Activity Date", "Activity Name", "Activity Type", "Activity Description",
    "Elapsed Time", "Distance", "Max Heart Rate", "Relative Effort", "Commute",
    "Activity Private Note", "Activity Gear", "Filename", "Athlete Weight", "Bike Weight",
    "Elapsed Time", "Moving Time", "Distance", "Max Speed", "Average Speed", "Elevation Gain",
    "Elevation Loss", "Elevation Low", "Elevation High", "Max Grade", "Average Grade",
    "Average Positive Grade", "Average Negative Grade", "Max Cadence", "Average Cadence",
    "Max Heart Rate", "Average Heart Rate",
)
"""The start of a real export's header: "Elapsed Time", "Distance" and "Max Heart Rate"
appear twice (first the website's display values, distance in km; then raw seconds and
metres)."""


@dataclass(frozen=True)
class StravaRow:
    """One activities.csv row; ``date`` UTC; ``distance_m`` written as km in the first
    "Distance" column and metres in the second."""

    ident: str
    date: datetime
    name: str = "Morning Run"
    kind: str = "Run"
    elapsed: int = 1800
    moving: int | None = None
    distance_m: float | None = 5000.0
    filename: str = ""
    avg_hr: float | None = None
    max_hr: float | None = None
    gain: float | None = None


def strava_date(moment: datetime) -> str:
    """Strava's "Activity Date": "Jan 2, 2024, 7:04:05 AM" (UTC)."""
    hour = moment.hour % 12 or 12
    return (f"{moment:%b} {moment.day}, {moment.year}, {hour}:{moment:%M:%S} "
            f"{'AM' if moment.hour < 12 else 'PM'}")


def strava_csv(rows: Iterable[StravaRow]) -> str:
    """activities.csv text with ``STRAVA_COLUMNS``: repeated columns filled as Strava does
    (first the display values, then the raw ones)."""
    import csv

    def where(name: str) -> tuple[int, int]:
        first = STRAVA_COLUMNS.index(name)
        return first, len(STRAVA_COLUMNS) - 1 - STRAVA_COLUMNS[::-1].index(name)

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(STRAVA_COLUMNS)
    for row in rows:
        values = [""] * len(STRAVA_COLUMNS)
        for name, value in (("Activity ID", row.ident), ("Activity Date", strava_date(row.date)),
                            ("Activity Name", row.name), ("Activity Type", row.kind),
                            ("Filename", row.filename), ("Commute", "false"),
                            ("Moving Time", f"{(row.moving or row.elapsed):.1f}")):
            values[STRAVA_COLUMNS.index(name)] = value
        first, last = where("Elapsed Time")
        values[first], values[last] = str(row.elapsed), f"{row.elapsed:.1f}"
        if row.distance_m is not None:
            first, last = where("Distance")
            values[first], values[last] = f"{row.distance_m / 1000:.2f}", f"{row.distance_m:.1f}"
        if row.max_hr is not None:
            first, last = where("Max Heart Rate")
            values[first], values[last] = f"{row.max_hr:.0f}", f"{row.max_hr:.1f}"
        if row.avg_hr is not None:
            values[STRAVA_COLUMNS.index("Average Heart Rate")] = f"{row.avg_hr:.1f}"
        if row.gain is not None:
            values[STRAVA_COLUMNS.index("Elevation Gain")] = f"{row.gain:.1f}"
        writer.writerow(values)
    return out.getvalue()


def strava_zip(path: Path | str, rows: Iterable[StravaRow],
               files: Mapping[str, bytes] | None = None) -> Path:
    """A Strava bulk-export zip: ``activities.csv`` from ``rows`` and the ``files``
    ({"activities/123.fit.gz": bytes as stored}) beside it."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("activities.csv", strava_csv(rows))
        for name, data in (files or {}).items():
            zf.writestr(name, data)
    return path


def gz(data: bytes | str) -> bytes:
    """gzip-compressed bytes (text encoded as UTF-8), deterministic."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    return gzip.compress(data, mtime=0)
