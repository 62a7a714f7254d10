"""The activity-file readers (store/activity_files.py) on files made here: FIT written with
fit-tool (and framed by hand for compressed timestamps), GPX and TCX as small XML, Strava
export zips. Expected numbers are worked out by hand from what each file was written with.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import os
import sys
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from activity_fixtures import (  # noqa: E402
    Lap,
    Leg,
    StravaRow,
    TcxActivity,
    fit_bytes,
    fit_hand_bytes,
    gpx_text,
    gz,
    strava_csv,
    strava_date,
    strava_zip,
    tcx_text,
    write_bytes,
    write_fit,
)
from rehabjournal.domain.activities import kind_for, local_start  # noqa: E402
from rehabjournal.store import activity_files as af  # noqa: E402
from rehabjournal.store.activity_files import (  # noqa: E402
    ImportCancelled,
    activity_file_paths,
    file_key,
    read_paths,
)

START = datetime(2026, 6, 1, 7, 0, tzinfo=UTC)
LATE = datetime(2026, 6, 1, 23, 30, tzinfo=UTC)
UTC_PLUS_2 = ZoneInfo("Etc/GMT-2")  # POSIX signs: "GMT-2" is two hours east of UTC


def read_one(path):
    activities, problems = read_paths([path])
    assert problems == []
    assert len(activities) == 1
    return activities[0]


def refused(path) -> str:
    activities, problems = read_paths([path])
    assert activities == []
    assert len(problems) == 1
    assert problems[0].path == str(path)
    return problems[0].reason


# ---- FIT -----------------------------------------------------------------------------------


def test_fit_run_with_a_pause_counts_moving_time_only(tmp_path):
    # 30 min elapsed, timer stopped 5 min at minute 10: 25 min moving at 3 m/s = 4500 m
    path = write_fit(tmp_path / "run.fit", START, "running", "trail", seconds=1800,
                     pauses=[(600, 300)], step=20)
    run = read_one(path)
    assert (run.fmt, run.sport, run.sub_sport, run.leg) == ("fit", "running", "trail", 0)
    assert run.start_utc == START and run.start_utc.tzinfo is not None
    assert run.elapsed_s == 1800
    assert run.moving_s == 1500
    assert run.minutes == 25 and run.elapsed_minutes == 30
    assert run.distance_m == 4500
    assert run.source == "run.fit"
    assert run.key == hashlib.sha256(path.read_bytes()).hexdigest()
    assert kind_for(run.sport, run.sub_sport) == "run"


def test_fit_ride_with_heart_rate(tmp_path):
    # heart rates 130 and 150 alternate: mean 140, maximum 150 (the session's own totals)
    path = write_fit(tmp_path / "ride.fit", START, "cycling", "road", seconds=3600,
                     hr=[130, 150], speed=8.0, climb=120, step=30)
    ride = read_one(path)
    assert (ride.sport, ride.sub_sport) == ("cycling", "road")
    assert (ride.avg_hr, ride.max_hr) == (140, 150)
    assert ride.distance_m == 28800 and ride.ascent_m == 120
    assert ride.moving_s == ride.elapsed_s == 3600
    assert kind_for(ride.sport, ride.sub_sport) == "cycle"


def test_fit_multisport_gives_one_activity_per_leg_and_skips_transitions(tmp_path):
    legs = [Leg("swimming", "open_water", 900, speed=1.0), Leg("transition", seconds=120),
            Leg("cycling", "road", 3600, hr=[140], speed=8.0), Leg("transition", seconds=60),
            Leg("running", "generic", 1800, hr=[150, 160])]
    path = write_fit(tmp_path / "tri.fit", START, legs=legs, step=30)
    swim, bike, run = read_paths([path])[0]
    assert [a.leg for a in (swim, bike, run)] == [0, 1, 2]
    assert [a.sport for a in (swim, bike, run)] == ["swimming", "cycling", "running"]
    assert swim.sub_sport == "open_water" and run.sub_sport == ""
    # each leg starts when the one before it (transitions included) ended
    assert swim.start_utc == START
    assert bike.start_utc == START + timedelta(seconds=900 + 120)
    assert run.start_utc == START + timedelta(seconds=900 + 120 + 3600 + 60)
    assert (swim.moving_s, bike.moving_s, run.moving_s) == (900, 3600, 1800)
    assert (bike.avg_hr, run.avg_hr, run.max_hr) == (140, 155, 160)
    assert swim.key == bike.key == run.key


def test_fit_cut_short_is_refused(tmp_path):
    whole = fit_bytes(START, seconds=1200, step=20)
    for cut in (len(whole) - 300, len(whole) // 2, 20, 13):
        path = write_bytes(tmp_path / f"cut{cut}.fit", whole[:cut])
        assert refused(path) == (
            "the FIT file is cut short (it ends before its own stated length)")


def test_fit_without_its_last_crc_bytes_is_still_read(tmp_path):
    # all the data is there; only the 2-byte checksum at the very end is missing
    path = write_bytes(tmp_path / "nocrc.fit", fit_bytes(START, seconds=600, step=30)[:-2])
    assert read_one(path).moving_s == 600


def test_fit_compressed_timestamps_and_developer_fields(tmp_path):
    # records with compressed timestamp headers (which garmin-fit-sdk refuses) and a
    # developer field; the session read through the fast path
    path = write_bytes(tmp_path / "hand.fit", fit_hand_bytes(START, seconds=600, timer=550))
    run = read_one(path)
    assert (run.sport, run.elapsed_s, run.moving_s, run.distance_m) == ("running", 600, 550, 1800)
    assert run.avg_hr == run.max_hr == 140


def test_fit_session_with_compressed_header_and_big_endian_is_read_whole(tmp_path):
    data = fit_hand_bytes(START, seconds=900, sport=2, compressed_session=True,
                          big_endian_session=True)
    ride = read_one(write_bytes(tmp_path / "ride.fit", data))
    assert (ride.sport, ride.start_utc, ride.elapsed_s) == ("cycling", START, 900)


def test_fit_without_a_session_is_summed_from_records(tmp_path):
    # a watch that crashed: records only; 20 min with a 2-min pause (timer events)
    path = write_fit(tmp_path / "crash.fit", START, seconds=1200, pauses=[(300, 120)],
                     hr=[120, 140], climb=50, session=False, step=10)
    run = read_one(path)
    assert run.start_utc == START
    assert (run.elapsed_s, run.moving_s) == (1200, 1080)
    assert run.distance_m == 3 * 1080
    assert (run.avg_hr, run.max_hr) == (130, 140)
    assert run.ascent_m == pytest.approx(50, abs=1)
    # without timer events a gap of over a minute between records is the pause
    path = write_fit(tmp_path / "crash2.fit", START, seconds=1200, pauses=[(300, 120)],
                     session=False, timer_events=False, step=10)
    assert read_one(path).moving_s == 1080


def test_fit_handmade_without_a_session_is_summed_from_compressed_records(tmp_path):
    path = write_bytes(tmp_path / "nos.fit", fit_hand_bytes(START, seconds=600, session=False))
    run = read_one(path)
    assert (run.start_utc, run.elapsed_s, run.moving_s) == (START, 600, 600)
    assert run.distance_m == 1800 and run.avg_hr == 140


def test_chained_fit_files_give_both_activities(tmp_path):
    data = (fit_bytes(START, seconds=600, step=60)
            + fit_bytes(START + timedelta(hours=2), "cycling", seconds=1200, step=60)
            + b"\x00" * 16)  # padding after the last file is ignored
    first, second = read_paths([write_bytes(tmp_path / "chained.fit", data)])[0]
    assert (first.sport, first.moving_s, first.leg) == ("running", 600, 0)
    assert (second.sport, second.moving_s, second.leg) == ("cycling", 1200, 1)


def test_fit_course_file_is_not_an_activity(tmp_path):
    path = write_fit(tmp_path / "course.fit", START, seconds=600, step=60, file_type="course")
    assert refused(path) == (
        "the FIT file holds no activity (it is a course, workout or settings file)")


# ---- GPX -----------------------------------------------------------------------------------


def test_gpx_run_with_a_pause_between_segments(tmp_path):
    text = gpx_text(START, "running", seconds=1800, pauses=[(600, 300)], hr=[130, 150],
                    climb=30, step=10, name="Lunch Run")
    run = read_one(write_bytes(tmp_path / "run.gpx", text.encode()))
    assert (run.fmt, run.sport, run.name) == ("gpx", "running", "Lunch Run")
    assert run.start_utc == START
    assert run.elapsed_s == 1800
    assert run.moving_s == 1500  # the 5 minutes between the two segments are not counted
    assert run.distance_m == pytest.approx(4500, rel=0.01)
    # 30 m of steady climb over 30 min; the 5 m "climbed" between the segments (the
    # pause) is in no segment
    assert run.ascent_m == pytest.approx(25, abs=0.5)
    assert (run.avg_hr, run.max_hr) == (140, 150)


def test_gpx_stopped_time_in_one_segment_is_not_counted(tmp_path):
    # 10 min moving, then 10 min standing still in the same segment (no new trkseg)
    still = Leg("running", seconds=600, speed=3.0)
    text = gpx_text(START, legs=[still], step=10)
    head, tail = text.split("</trkseg>")
    points = "".join(
        f'<trkpt lat="{48.0 + 1800 / 111_195.0:.7f}" lon="2.0000000"><ele>100.0</ele>'
        f"<time>{START + timedelta(seconds=600 + k * 10):%Y-%m-%dT%H:%M:%SZ}</time></trkpt>"
        for k in range(1, 61))
    run = read_one(write_bytes(tmp_path / "still.gpx", (head + points + "</trkseg>"
                                                        + tail).encode()))
    assert run.elapsed_s == 1200
    assert run.moving_s == 600


def test_gpx_without_times_is_refused(tmp_path):
    path = write_bytes(tmp_path / "route.gpx", gpx_text(START, times=False).encode())
    assert refused(path) == "the GPX file has no times: a session needs its start and duration"


def test_gpx_one_activity_per_track(tmp_path):
    text = gpx_text(START, legs=[Leg("running", seconds=600), Leg("cycling", seconds=900,
                                                                  speed=7.0, gap=300)])
    run, ride = read_paths([write_bytes(tmp_path / "two.gpx", text.encode())])[0]
    assert (run.sport, run.leg, ride.sport, ride.leg) == ("running", 0, "cycling", 1)
    assert ride.start_utc == START + timedelta(seconds=900)


def test_strava_gpx_numbered_sports(tmp_path):
    text = gpx_text(START, "9", seconds=600, step=60).replace(
        'creator="rehabjournal tests"', 'creator="StravaGPX Android"')
    assert read_one(write_bytes(tmp_path / "strava.gpx", text.encode())).sport == "running"
    ride = gpx_text(START, "1", seconds=600, step=60).replace(
        'creator="rehabjournal tests"', 'creator="StravaGPX"')
    assert read_one(write_bytes(tmp_path / "ride.gpx", ride.encode())).sport == "cycling"
    # another app's number is left as it is
    assert read_one(write_bytes(tmp_path / "other.gpx", gpx_text(
        START, "9", seconds=600, step=60).encode())).sport == "9"


# ---- TCX -----------------------------------------------------------------------------------


def test_tcx_moving_time_is_the_laps_time(tmp_path):
    # three laps of 600, 620 and 580 s of timer, a 2-min stop after the first
    laps = [Lap(600, 2000, [140], pause=120), Lap(620, 2000, [150]), Lap(580, 2000, [160])]
    text = tcx_text(START, [TcxActivity("Running", laps)])
    run = read_one(write_bytes(tmp_path / "laps.tcx", text.encode()))
    assert (run.fmt, run.sport) == ("tcx", "running")
    assert run.moving_s == 600 + 620 + 580
    assert run.elapsed_s == 600 + 120 + 620 + 580
    assert run.distance_m == 6000
    # the laps' averages weighted by their time
    assert run.avg_hr == pytest.approx((140 * 600 + 150 * 620 + 160 * 580) / 1800, abs=0.05)
    assert run.max_hr == 160


def test_tcx_from_strava_with_blanks_before_the_declaration(tmp_path):
    text = tcx_text(START, leading_blank=True)
    assert text.startswith("  ")
    assert read_one(write_bytes(tmp_path / "strava.tcx", text.encode())).moving_s == 1800


def test_tcx_multisport_session_gives_one_activity_per_sport(tmp_path):
    acts = [TcxActivity("Running", [Lap(600, 2000)]),
            TcxActivity("Biking", [Lap(1200, 10000)], gap=90),
            TcxActivity("Running", [Lap(600, 2000)], gap=60)]
    text = tcx_text(START, acts, multisport=True)
    assert "<Transition" in text
    run1, bike, run2 = read_paths([write_bytes(tmp_path / "duathlon.tcx", text.encode())])[0]
    assert [a.sport for a in (run1, bike, run2)] == ["running", "biking", "running"]
    assert [a.leg for a in (run1, bike, run2)] == [0, 1, 2]
    assert bike.start_utc == START + timedelta(seconds=600 + 90)
    assert run2.start_utc == START + timedelta(seconds=600 + 90 + 1200 + 60)
    assert kind_for(bike.sport) == "cycle"


def test_tcx_several_activities(tmp_path):
    acts = [TcxActivity("Running", [Lap(900, 3000)]),
            TcxActivity("Other", [Lap(1800, None)], gap=3600)]
    run, other = read_paths([write_bytes(tmp_path / "two.tcx", tcx_text(START, acts).encode())])[0]
    assert (run.sport, run.moving_s, other.sport, other.moving_s) == (
        "running", 900, "other", 1800)
    assert other.distance_m is None


def test_tcx_without_times_is_refused(tmp_path):
    text = tcx_text(START, trackpoint_times=False, lap_times=False)
    assert refused(write_bytes(tmp_path / "t.tcx", text.encode())) == (
        "the TCX file has no times: a session needs its start and duration")


def test_tcx_agrees_with_tcxreader_on_a_single_activity(tmp_path):
    import io

    from tcxreader.tcxreader import TCXReader

    laps = [Lap(600, 2000, [130, 150], climb=20), Lap(900, 3000, [150, 170], climb=40)]
    text = tcx_text(START, [TcxActivity("Running", laps)], step=10)
    ours = read_one(write_bytes(tmp_path / "one.tcx", text.encode()))
    theirs = TCXReader().read(io.BytesIO(text.encode()), only_gps=False)
    assert theirs.start_time.replace(tzinfo=UTC) == ours.start_utc
    assert theirs.duration == ours.elapsed_s
    assert theirs.distance == ours.distance_m
    assert theirs.hr_max == ours.max_hr
    assert theirs.ascent == pytest.approx(ours.ascent_m, abs=1)


# ---- time zones ----------------------------------------------------------------------------


@pytest.mark.parametrize("name, data", [
    ("late.fit", lambda: fit_bytes(LATE, seconds=1800, step=60)),
    ("late.gpx", lambda: gpx_text(LATE, seconds=1800, step=60).encode()),
    ("late.tcx", lambda: tcx_text(LATE, step=60).encode()),
])
def test_a_start_at_2330_utc_is_the_next_local_day_two_hours_east(tmp_path, name, data):
    activity = read_one(write_bytes(tmp_path / name, data()))
    assert activity.start_utc == LATE  # the reader keeps UTC
    assert local_start(activity.start_utc, UTC_PLUS_2) == datetime(2026, 6, 2, 1, 30)


# ---- compressed, folders, keys ---------------------------------------------------------------


def test_gz_files_of_each_format(tmp_path):
    fit = write_fit(tmp_path / "a.fit.gz", START, seconds=600, step=60)
    gpx = write_bytes(tmp_path / "b.GPX.GZ", gpx_text(START, seconds=600, step=60).encode())
    tcx = write_bytes(tmp_path / "c.tcx.gz", tcx_text(START, step=60).encode())
    assert fit.read_bytes()[:2] == b"\x1f\x8b"
    activities, problems = read_paths([fit, gpx, tcx])
    assert problems == []
    assert [a.fmt for a in activities] == ["fit", "gpx", "tcx"]
    # the key is of the file as on disk (compressed)
    assert activities[0].key == hashlib.sha256(fit.read_bytes()).hexdigest()


def test_a_folder_with_junk_reads_only_activity_files(tmp_path):
    folder = tmp_path / "sync"
    write_fit(folder / "2026" / "06" / "run.FIT", START, seconds=600, step=60)
    write_bytes(folder / "ride.gpx", gpx_text(START, "cycling", seconds=600, step=60).encode())
    write_fit(folder / ".hidden.fit", START, seconds=600, step=60)
    write_fit(folder / ".cache" / "old.fit", START, seconds=600, step=60)
    (folder / "notes.txt").write_text("not an activity")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff" + os.urandom(100))
    (folder / "2026" / "loop").symlink_to(folder, target_is_directory=True)  # a link loop
    assert [p.relative_to(folder).as_posix() for p in activity_file_paths(folder)] == [
        "2026/06/run.FIT", "ride.gpx"]
    activities, problems = read_paths([folder])
    assert problems == []
    assert sorted(a.sport for a in activities) == ["cycling", "running"]


def test_an_empty_folder_and_a_missing_path_are_problems(tmp_path):
    (tmp_path / "empty").mkdir()
    activities, problems = read_paths([tmp_path / "empty", tmp_path / "gone.fit"])
    assert activities == []
    assert [p.reason for p in problems] == ["no FIT, GPX or TCX file in this folder",
                                            "the file or folder does not exist"]


def test_the_same_file_twice_has_the_same_key(tmp_path):
    first = write_fit(tmp_path / "a.fit", START, seconds=600, step=60)
    copy = write_bytes(tmp_path / "copy" / "renamed.fit", first.read_bytes())
    a, b = read_paths([first, copy])[0]
    assert a.key == b.key == file_key(first) == file_key(copy)
    assert a.source == "a.fit" and b.source == "renamed.fit"
    # the same path given twice (or inside a folder also given) is read once
    assert len(read_paths([first, first, tmp_path / "copy", copy])[0]) == 2


def test_file_key_is_the_sha256_of_the_bytes(tmp_path):
    path = write_bytes(tmp_path / "x.gpx", b"<gpx/>")
    assert file_key(path) == hashlib.sha256(b"<gpx/>").hexdigest()
    with pytest.raises(OSError):
        file_key(tmp_path / "missing.fit")


def test_a_file_given_by_name_is_read_by_its_content(tmp_path):
    # a GPX saved without its extension, and a TCX named .gpx
    gpx = write_bytes(tmp_path / "download", gpx_text(START, seconds=600, step=60).encode())
    tcx = write_bytes(tmp_path / "wrong.gpx", tcx_text(START, step=60).encode())
    activities, problems = read_paths([gpx, tcx])
    assert problems == [] and [a.fmt for a in activities] == ["gpx", "tcx"]


# ---- bad files -------------------------------------------------------------------------------


def test_bad_files_are_refused_with_a_plain_reason(tmp_path):
    fit = fit_bytes(START, seconds=600, step=60)
    cases = {
        "empty.gpx": (b"", "the file is empty"),
        "text.fit": (b"hello, I am not a FIT file\n", "not a FIT file: its header is missing "
                                                      "or damaged"),
        "random.tcx": (os.urandom(2000).replace(b"<", b"."), "not a FIT, GPX or TCX file"),
        "page.gpx": (b"<html><body>Not found</body></html>", "not a FIT, GPX or TCX file"),
        "broken.gpx": (b'<?xml version="1.0"?><gpx><trk><trkseg><trkpt lat="1"',
                       "the GPX file is damaged (not valid XML)"),
        "broken.tcx": (b"<TrainingCenterDatabase><Activities><Activity>",
                       "the TCX file is damaged (not valid XML)"),
        "bad.fit.gz": (b"\x1f\x8b\x08\x00" + os.urandom(50), "the compressed (.gz) file is "
                                                              "damaged"),
        "zero.fit": (fit[:4] + b"\x00\x00\x00\x00" + fit[8:], "the FIT file was not finished "
                                                              "by the device (its stated "
                                                              "length is 0)"),
        "latin.gpx": ('<?xml version="1.0" encoding="UTF-8"?><gpx>\xe9</gpx>'.encode("latin-1"),
                      "the GPX file is damaged (not valid XML)"),
        "nothing.gpx": (b'<gpx version="1.1"><wpt lat="1" lon="2"/></gpx>',
                        "no activity in the file"),
        "workout.tcx": (b'<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/'
                        b'TrainingCenterDatabase/v2"><Workouts/></TrainingCenterDatabase>',
                        "no activity in the file"),
    }
    for name, (data, _reason) in cases.items():
        (tmp_path / name).write_bytes(data)
    activities, problems = read_paths([tmp_path / name for name in cases])
    assert activities == []
    assert {Path(p.path).name: p.reason for p in problems} == {
        name: reason for name, (_data, reason) in cases.items()}


def test_xml_with_entities_is_not_parsed(tmp_path):
    laughs = (b'<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY a "aaaaaaaaaa">'
              b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
              b'<gpx version="1.1"><trk><name>&b;</name></trk></gpx>')
    path = write_bytes(tmp_path / "laughs.gpx", laughs)
    assert refused(path) == ("the GPX file declares a document type (<!DOCTYPE>), which "
                             "activity files never do; it is not read")


def test_an_unreadable_file_is_a_problem(tmp_path, monkeypatch):
    path = write_fit(tmp_path / "locked.fit", START, seconds=600, step=60)

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(af, "open", denied, raising=False)  # root could read a chmod 0 file
    assert refused(path) == "the file cannot be read (no permission, or a disk error)"


def test_size_limits_stop_compressed_bombs(tmp_path, monkeypatch):
    monkeypatch.setattr(af, "MAX_FILE_BYTES", 10_000)
    bomb = write_bytes(tmp_path / "bomb.gpx.gz", b"<gpx>" + b" " * 2_000_000)
    assert bomb.stat().st_size < 10_000
    assert refused(bomb).startswith("the file is too large for an activity file")
    with zipfile.ZipFile(tmp_path / "bomb.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("activities/huge.fit", b"\x00" * 2_000_000)
    activities, problems = read_paths([tmp_path / "bomb.zip"])
    assert activities == []
    assert [p.path for p in problems] == [f"{tmp_path / 'bomb.zip'}: activities/huge.fit"]
    assert problems[0].reason.startswith("the file is too large for an activity file")
    big = write_bytes(tmp_path / "big.fit", b"\x00" * 20_000)
    assert refused(big).startswith("the file is too large")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400), st.sampled_from(["fit", "gpx", "tcx", None]))
def test_random_bytes_never_raise(data, hint):
    # only a reason comes out (read_paths turns it into a FileProblem)
    with contextlib.suppress(af._Refused):
        af._read_bytes(data, hint)


_VALID_FIT = fit_bytes(START, seconds=300, step=30, hr=[140])
_VALID_HAND = fit_hand_bytes(START, seconds=120, step=10)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([_VALID_FIT, _VALID_HAND]),
       st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), max_size=6),
       st.integers(min_value=0))
def test_damaged_fit_files_never_raise(base, flips, cut):
    data = bytearray(base)
    for at, value in flips:
        data[at % len(data)] = value
    data = bytes(data[: max(12, cut % (len(data) + 1))])
    try:
        legs = af._read_bytes(data, "fit")
    except af._Refused:
        return
    assert legs and all(leg["elapsed_s"] >= leg["moving_s"] >= 0 for _fmt, leg in legs)


_VALID_XML = [gpx_text(START, seconds=300, step=30, hr=[140]).encode(),
              tcx_text(START, [TcxActivity("Running", [Lap(300, 900, [140])])], step=30).encode()]
_XML_BYTES = b'<>/="0123456789.-:TZ abcxyz\n'


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(_VALID_XML),
       st.lists(st.tuples(st.integers(min_value=0), st.sampled_from(list(_XML_BYTES)),
                          st.integers(0, 12)), min_size=1, max_size=5))
def test_damaged_gpx_and_tcx_files_never_raise(base, edits):
    data = bytearray(base)
    for at, value, drop in edits:
        at %= len(data)
        data[at:at + drop] = bytes((value,))
    with contextlib.suppress(af._Refused):
        af._read_bytes(bytes(data), None)


def test_gpx_with_times_with_and_without_a_zone(tmp_path):
    text = gpx_text(START, seconds=600, step=60)
    first = f"{START:%Y-%m-%dT%H:%M:%SZ}"
    text = text.replace(first, first[:-1])  # "2026-06-01T07:00:00": read as UTC
    run = read_one(write_bytes(tmp_path / "mixed.gpx", text.encode()))
    assert (run.start_utc, run.elapsed_s) == (START, 600)


def test_an_unexpected_error_becomes_a_problem_not_a_traceback(tmp_path, monkeypatch):
    path = write_fit(tmp_path / "run.fit", START, seconds=600, step=60)

    def boom(data):
        raise ZeroDivisionError("a bug in a reader")

    monkeypatch.setattr(af, "_read_fit", boom)
    assert refused(path) == "the file cannot be read: its content is not as expected"


# ---- Strava export and other zips ------------------------------------------------------------


def test_strava_zip_reads_the_file_rows_and_the_manual_rows(tmp_path):
    fit = fit_bytes(START, "running", "generic", seconds=1800, step=60)
    rows = [
        StravaRow("101", START, name="Hill reps", kind="Trail Run",
                  filename="activities/101.fit.gz"),
        StravaRow("102", datetime(2026, 6, 2, 17, 15, tzinfo=UTC), name="Spin class",
                  kind="Ride", elapsed=3600, moving=3000, distance_m=20000, avg_hr=132,
                  max_hr=161, gain=0),
    ]
    path = strava_zip(tmp_path / "export_1.zip", rows, {"activities/101.fit.gz": gz(fit)})
    from_file, manual = read_one_zip(path)
    # the row's type and name win over the file's
    assert (from_file.fmt, from_file.sport, from_file.sub_sport, from_file.name) == (
        "fit", "trail_run", "", "Hill reps")
    assert from_file.source == "export_1.zip: activities/101.fit.gz"
    assert from_file.key == hashlib.sha256(gz(fit)).hexdigest()
    assert kind_for(from_file.sport) == "run"
    # a row without a file: the CSV's own columns (the second Distance is in metres)
    assert (manual.fmt, manual.key, manual.sport, manual.name) == (
        "strava", "strava:102", "ride", "Spin class")
    assert manual.start_utc == datetime(2026, 6, 2, 17, 15, tzinfo=UTC)  # "5:15:00 PM"
    assert (manual.elapsed_s, manual.moving_s, manual.distance_m) == (3600, 3000, 20000)
    assert (manual.avg_hr, manual.max_hr, manual.ascent_m) == (132, 161, 0)


def read_one_zip(path):
    activities, problems = read_paths([path])
    assert problems == []
    return activities


def test_strava_row_whose_file_is_missing_or_damaged_uses_the_csv(tmp_path):
    bad_day = START + timedelta(days=3)
    rows = [StravaRow("1", START, filename="activities/1.gpx"),  # not in the zip
            StravaRow("2", START + timedelta(days=1), filename="activities/2.fit"),  # damaged
            StravaRow("3", START + timedelta(days=2)),  # typed on Strava
            StravaRow("4", bad_day)]  # its date spoiled below
    text = strava_csv(rows).replace(strava_date(bad_day), "soon")
    with zipfile.ZipFile(tmp_path / "export.zip", "w") as zf:
        zf.writestr("activities.csv", text)
        zf.writestr("activities/2.fit", b"garbage")
    activities, problems = read_paths([tmp_path / "export.zip"])
    assert [a.key for a in activities] == ["strava:1", "strava:2", "strava:3"]
    assert [p.reason for p in problems] == [
        "activities.csv, row 5: the date or the elapsed time cannot be read"]
    assert problems[0].path == f"{tmp_path / 'export.zip'}: activities.csv"


def test_strava_export_with_one_distance_column_is_in_km(tmp_path):
    text = ("Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance,"
            "Filename\n7,2019-03-04 06:05:00,Old run,Run,2400,8.25,\n")
    with zipfile.ZipFile(tmp_path / "old.zip", "w") as zf:
        zf.writestr("activities.csv", text)
    (run,) = read_one_zip(tmp_path / "old.zip")
    assert run.distance_m == 8250 and run.moving_s == run.elapsed_s == 2400
    assert run.start_utc == datetime(2019, 3, 4, 6, 5, tzinfo=UTC)


def test_a_zip_without_activities_csv_is_read_member_by_member(tmp_path):
    # Garmin Connect's "Export Original": a zip holding the FIT file
    with zipfile.ZipFile(tmp_path / "123456.zip", "w") as zf:
        zf.writestr("123456_ACTIVITY.fit", fit_bytes(START, seconds=600, step=60))
        zf.writestr("__MACOSX/._123456_ACTIVITY.fit", b"junk")
        zf.writestr("readme.txt", b"hello")
    (run,) = read_one_zip(tmp_path / "123456.zip")
    assert run.source == "123456.zip: 123456_ACTIVITY.fit"
    with zipfile.ZipFile(tmp_path / "photos.zip", "w") as zf:
        zf.writestr("a.jpg", b"\xff\xd8")
    assert refused(tmp_path / "photos.zip") == (
        "the zip file holds no FIT, GPX or TCX file and no Strava activities.csv")
    (tmp_path / "broken.zip").write_bytes(b"PK\x03\x04 not really")
    assert refused(tmp_path / "broken.zip") == "the zip file is damaged or encrypted"


# ---- progress, cancelling, worker processes ------------------------------------------------


def test_progress_is_reported_and_false_cancels(tmp_path):
    paths = [write_fit(tmp_path / f"{i}.fit", START + timedelta(days=i), seconds=600, step=60)
             for i in range(3)]
    calls = []
    read_paths(paths, lambda done, total: calls.append((done, total)))
    assert calls == [(0, 3), (1, 3), (2, 3), (3, 3)]
    with pytest.raises(ImportCancelled):
        read_paths(paths, lambda done, total: done < 2)


def test_a_large_batch_is_read_in_worker_processes(tmp_path, monkeypatch):
    monkeypatch.setattr(af, "POOL_MIN_COST_MS", 0)
    monkeypatch.setattr(af, "MAX_WORKERS", 2)
    monkeypatch.setattr(af, "_worker_count", lambda: 2)
    data = fit_bytes(START, seconds=600, step=60)
    paths = [write_bytes(tmp_path / f"{i:02}.fit", data) for i in range(10)]
    paths.append(write_bytes(tmp_path / "zz.fit", b"text"))
    pooled = []
    in_pool = af._run_in_pool
    monkeypatch.setattr(af, "_run_in_pool", lambda *a: pooled.append(in_pool(*a)) or pooled[-1])
    calls = []
    activities, problems = read_paths(paths, lambda done, total: calls.append((done, total)))
    assert pooled == [11]  # all read by the workers
    assert [a.source for a in activities] == [f"{i:02}.fit" for i in range(10)]
    assert [p.reason for p in problems] == ["not a FIT file: its header is missing or damaged"]
    assert calls[0] == (0, 11) and calls[-1] == (11, 11)


def test_a_pool_that_cannot_start_falls_back_to_this_process(tmp_path, monkeypatch):
    import concurrent.futures

    monkeypatch.setattr(af, "POOL_MIN_UNITS", 2)
    monkeypatch.setattr(af, "POOL_MIN_COST_MS", 0)
    monkeypatch.setattr(af, "_worker_count", lambda: 2)

    def no_pool(*args, **kwargs):
        raise OSError("no processes here")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", no_pool)
    paths = [write_fit(tmp_path / f"{i}.fit", START, seconds=600, step=60) for i in range(3)]
    assert len(read_paths(paths)[0]) == 3


def test_gzip_member_inside_the_strava_zip_is_checked_too(tmp_path, monkeypatch):
    monkeypatch.setattr(af, "MAX_FILE_BYTES", 50_000)
    rows = [StravaRow("9", START, filename="activities/9.gpx.gz")]
    bomb = gzip.compress(b"<gpx>" + b" " * 1_000_000)
    path = strava_zip(tmp_path / "export.zip", rows, {"activities/9.gpx.gz": bomb})
    (row,) = read_one_zip(path)
    assert row.fmt == "strava"  # the file was refused; the row's columns stand in


# ---- encodings (review finding 13) -----------------------------------------------------------


def _encoded(text: str, encoding: str, *, mark: bool) -> bytes:
    """``text`` with its XML declaration saying ``encoding``, encoded so, with or without
    a byte-order mark."""
    name = {"utf-8-sig": "UTF-8"}.get(encoding, encoding.upper().replace("-LE", "")
                                      .replace("-BE", ""))
    text = text.replace('encoding="UTF-8"', f'encoding="{name}"')
    data = text.encode(encoding)
    if mark and encoding in ("utf-16-le", "utf-16-be"):
        data = "\ufeff".encode(encoding) + data
    return data


@pytest.mark.parametrize(("encoding", "mark"), [
    ("utf-16", True),  # the machine's byte order, with a mark (Windows' "Unicode")
    ("utf-16-le", True), ("utf-16-be", True),
    ("utf-16-le", False), ("utf-16-be", False),  # no mark: "<" and a zero byte
    ("utf-8-sig", True),  # UTF-8 with a mark (Notepad)
    ("utf-32", True),
])
def test_gpx_and_tcx_in_utf16_or_with_a_byte_order_mark_are_read(tmp_path, encoding, mark):
    gpx = gpx_text(START, seconds=600, step=60, hr=[140], name="Caf\u00e9 \u8def")
    tcx = tcx_text(START, step=60)
    plain = read_paths([write_bytes(tmp_path / "plain.gpx", gpx.encode()),
                        write_bytes(tmp_path / "plain.tcx", tcx.encode())])[0]
    wide = [write_bytes(tmp_path / "wide.gpx", _encoded(gpx, encoding, mark=mark)),
            write_bytes(tmp_path / "wide.tcx", _encoded(tcx, encoding, mark=mark))]
    assert wide[0].read_bytes()[:5] != b"<?xml"  # not as ASCII text starts
    activities, problems = read_paths(wide)
    assert problems == []
    assert [a.fmt for a in activities] == ["gpx", "tcx"]
    assert activities[0].name == "Caf\u00e9 \u8def"
    fields = ("sport", "start_utc", "elapsed_s", "moving_s", "distance_m", "avg_hr")
    assert [[getattr(a, f) for f in fields] for a in activities] == [
        [getattr(a, f) for f in fields] for a in plain]


def test_a_declared_8_bit_encoding_is_read_and_a_doctype_refused_in_any_encoding(tmp_path):
    latin = gpx_text(START, seconds=600, step=60, name="Mont\u00e9e").replace(
        'encoding="UTF-8"', 'encoding="ISO-8859-1"').encode("latin-1")
    assert read_one(write_bytes(tmp_path / "latin.gpx", latin)).name == "Mont\u00e9e"
    doctype = ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE gpx [<!ENTITY a "x">]>'
               '<gpx version="1.1"><trk><name>&a;</name></trk></gpx>')
    for encoding in ("utf-16", "utf-16-le", "utf-32"):
        path = write_bytes(tmp_path / f"{encoding}.gpx", doctype.encode(encoding))
        assert refused(path) == ("the GPX file declares a document type (<!DOCTYPE>), which "
                                 "activity files never do; it is not read")
    tcx = tcx_text(START, step=60).replace("<TrainingCenterDatabase",
                                           "<!DOCTYPE t><TrainingCenterDatabase", 1)
    path = write_bytes(tmp_path / "doctype.tcx", _encoded(tcx, "utf-16-be", mark=False))
    assert refused(path).startswith("the TCX file declares a document type")
    # UTF-16 bytes cut in the middle of a character: damaged, never parsed
    cut = write_bytes(tmp_path / "cut.gpx", _encoded(gpx_text(START), "utf-16", mark=True)[:-1])
    assert refused(cut) == "the GPX file is damaged (not valid XML)"


# ---- Strava exports in a folder (review finding 12) ---------------------------------------


def test_a_folder_reads_the_strava_exports_in_it_and_passes_other_zips_over(tmp_path):
    downloads = tmp_path / "Downloads"
    write_fit(downloads / "run.fit", START, seconds=600, step=60)
    rows = [StravaRow("7", START + timedelta(days=1), kind="Ride", elapsed=3600),
            StravaRow("8", START + timedelta(days=2), filename="activities/8.gpx")]
    strava_zip(downloads / "old" / "export_123.zip", rows, {
        "activities/8.gpx": gpx_text(START + timedelta(days=2), seconds=900).encode()})
    with zipfile.ZipFile(downloads / "photos.zip", "w") as zf:
        zf.writestr("a.jpg", b"\xff\xd8")
    with zipfile.ZipFile(downloads / "garmin.zip", "w") as zf:  # not an export: passed over
        zf.writestr("1_ACTIVITY.fit", fit_bytes(START, seconds=600, step=60))
    (downloads / "broken.zip").write_bytes(b"PK\x03\x04 not really")
    activities, problems = read_paths([downloads])
    assert problems == []
    assert [(a.source, a.fmt) for a in activities] == [
        ("export_123.zip: activities.csv (7)", "strava"),
        ("export_123.zip: activities/8.gpx", "gpx"),
        ("run.fit", "fit")]
    # the watched folder lists only activity files, never a zip
    assert [p.name for p in activity_file_paths(downloads)] == ["run.fit"]
    assert af.is_strava_export(downloads / "old" / "export_123.zip")
    assert not af.is_strava_export(downloads / "garmin.zip")
    assert not af.is_strava_export(downloads / "broken.zip")
    # a folder holding only an export is not "empty"; one with only other zips is
    only = tmp_path / "only"
    strava_zip(only / "export_9.zip", rows[:1])
    assert [a.key for a in read_paths([only])[0]] == ["strava:7"]
    (downloads / "run.fit").unlink()
    (downloads / "old" / "export_123.zip").unlink()
    assert [p.reason for p in read_paths([downloads])[1]] == [
        "no FIT, GPX or TCX file in this folder"]
    # an export also given by name is read once
    assert len(read_paths([only, only / "export_9.zip"])[0]) == 1


# ---- the keys of refused files (review finding 5) -----------------------------------------


def test_refused_files_keys_are_those_of_the_bytes_read(tmp_path):
    cut = write_bytes(tmp_path / "cut.fit", fit_bytes(START, seconds=600, step=60)[:100])
    untimed = write_bytes(tmp_path / "route.gpx", gpx_text(None).encode())
    good = write_fit(tmp_path / "run.fit", START, seconds=600, step=60)
    keys: dict[str, str] = {}
    activities, problems = read_paths([cut, untimed, good, tmp_path / "gone.fit"],
                                      refused_keys=keys)
    assert len(activities) == 1 and len(problems) == 3
    assert keys == {str(cut): file_key(cut), str(untimed): file_key(untimed)}
