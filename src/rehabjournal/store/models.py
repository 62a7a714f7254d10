"""Peewee models: the whole journal schema.

The tables are created by the migration chain in ``migrations.py`` (frozen SQL per
version), never by ``create_tables``; a test checks that every model here matches the
tables the chain makes.
"""

from __future__ import annotations

from datetime import datetime

from peewee import (
    BooleanField,
    CharField,
    DatabaseProxy,
    DateField,
    DateTimeField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
    TimeField,
)

database = DatabaseProxy()


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class Profile(BaseModel):
    """The person whose journal this is (one row)."""

    name = CharField(default="")
    condition = CharField(default="")  # key from domain.scales.CONDITIONS, or free text
    joint = CharField(default="knee")
    side = CharField(default="")
    onset_date = DateField(null=True)
    goal = TextField(default="")
    clinician = CharField(default="")
    created = DateTimeField(default=_now)


class PainSite(BaseModel):
    """A place that hurts: joint, side and area, e.g. left knee, below the kneecap."""

    joint = CharField()
    side = CharField(default="")
    area = CharField(default="")
    primary = BooleanField(default=False)
    archived = BooleanField(default=False)

    @property
    def label(self) -> str:
        """"left knee (medial)": English words, the key CSV columns and the domain use."""
        text = " ".join(p for p in (self.side, self.joint) if p)
        return f"{text} ({self.area})" if self.area else text

    @property
    def display_label(self) -> str:
        """The label in the current language, for the window and the PDF."""
        from ..domain.scales import site_label

        return site_label(self.side, self.joint, self.area)


class CheckIn(BaseModel):
    """The morning check-in: one per date."""

    day = DateField(unique=True)
    morning_pain = IntegerField(null=True)
    stiffness_min = IntegerField(null=True)
    swelling = CharField(null=True)
    sleep_hours = FloatField(null=True)
    sleep_quality = IntegerField(null=True)
    stress = IntegerField(null=True)
    notes = TextField(default="")
    updated = DateTimeField(default=_now)


class CheckInSitePain(BaseModel):
    """Morning pain of a further pain site on a check-in."""

    checkin = ForeignKeyField(CheckIn, backref="site_pains", on_delete="CASCADE")
    site = ForeignKeyField(PainSite, on_delete="CASCADE")
    pain = IntegerField()

    class Meta:
        indexes = ((("checkin", "site"), True),)


class ActivityFile(BaseModel):
    """A watch or app file read by an activity import (schema 6).

    ``sha256`` identifies the file's bytes ("strava:ID" for a Strava row without a file);
    ``status`` is one of ``activity_repo.STATUSES``: 'imported' (a session was imported
    from it), 'dismissed' (offered from the watched folder and declined), 'skipped' (in a
    batch the person reviewed, it gave no session: every activity skipped) or 'refused'
    (in such a batch, it could not be read). Free text: the last two needed no migration.
    """

    sha256 = CharField(unique=True)
    name = TextField(default="")
    format = CharField(default="")
    status = CharField(default="imported")
    seen = DateTimeField(default=_now)


class ActivitySession(BaseModel):
    """One activity session and its pain response.

    Its next-morning rating is not stored here (schema 4): it is the next day's check-in
    ``morning_pain`` for the main pain site, or that day's ``CheckInSitePain`` for another.
    ``source`` is '' for a session typed by hand and 'programme' for one the app made from
    the day's exercise logs; ``minutes_estimated`` is true while ``minutes`` is the app's
    estimate from the prescriptions (editing the minutes clears it).
    """

    day = DateField(index=True)
    position = IntegerField(default=0)
    kind = CharField()
    minutes = IntegerField()
    rpe = IntegerField(null=True)
    distance_km = FloatField(null=True)
    pain_before = IntegerField(null=True)
    pain_during = IntegerField(null=True)
    pain_after = IntegerField(null=True)
    site = ForeignKeyField(PainSite, null=True, on_delete="SET NULL")
    notes = TextField(default="")
    updated = DateTimeField(default=_now)
    source = TextField(default="")  # '' by hand, 'programme' from exercise logs (schema 4),
    # 'file' from an activity file (schema 6; a hand-typed session merged with a file keeps '')
    minutes_estimated = BooleanField(default=False)
    # schema 6: what a watch or app file recorded (None for sessions typed by hand)
    activity_file = ForeignKeyField(ActivityFile, null=True, on_delete="SET NULL")
    leg = IntegerField(null=True)
    sport = TextField(default="")  # the file's sport, "running/trail"
    start_time = TimeField(null=True)  # local wall-clock start
    elapsed_s = IntegerField(null=True)
    moving_s = IntegerField(null=True)
    ascent_m = FloatField(null=True)
    avg_hr = IntegerField(null=True)
    max_hr = IntegerField(null=True)


class SessionSitePain(BaseModel):
    """Pain ratings of a further pain site for one session."""

    session = ForeignKeyField(ActivitySession, backref="site_pains", on_delete="CASCADE")
    site = ForeignKeyField(PainSite, on_delete="CASCADE")
    pain_before = IntegerField(null=True)
    pain_during = IntegerField(null=True)
    pain_after = IntegerField(null=True)

    class Meta:
        indexes = ((("session", "site"), True),)


class RedFlag(BaseModel):
    """A red flag (code from domain.scales.RED_FLAGS) ticked on a date."""

    day = DateField(index=True)
    code = CharField()
    note = TextField(default="")

    class Meta:
        indexes = ((("day", "code"), True),)


class Event(BaseModel):
    """Flare, deload start, new shoes or surface, injection, appointment, custom."""

    day = DateField(index=True)
    kind = CharField()
    label = CharField(default="")
    notes = TextField(default="")


class Exercise(BaseModel):
    """An exercise of the library: shipped (from resources/) or the user's own."""

    slug = CharField(unique=True)
    name = CharField()
    category = CharField()  # strength, isometric, mobility, conditioning
    region = CharField(default="")
    instructions = TextField(default="")
    cues = TextField(default="")
    default_sets = IntegerField(null=True)
    default_reps = IntegerField(null=True)
    default_hold_s = IntegerField(null=True)
    load_unit = CharField(default="bodyweight")  # kg, lb, band, bodyweight, seconds, minutes
    progression = TextField(default="")  # JSON: progression model (object) or v1 step list
    side = CharField(default="")  # "", both, each side, left, right, affected side
    tempo = CharField(default="")
    rest_s = IntegerField(null=True)
    days_per_week = IntegerField(null=True)
    times_per_day = IntegerField(null=True)
    pain_rule = CharField(default="")  # "" standard (domain.md 2), "tendon" (Silbernagel 2007)
    media = TextField(default="")  # a picture or video: local file path or https link
    source = TextField(default="")  # where the dose and progression come from
    shipped = BooleanField(default=False)
    archived = BooleanField(default=False)
    copied_from = ForeignKeyField("self", null=True, on_delete="SET NULL")


class Programme(BaseModel):
    name = CharField()
    notes = TextField(default="")
    active = BooleanField(default=False)
    start_date = DateField(null=True)
    template = CharField(default="")
    created = DateTimeField(default=_now)
    review_date = DateField(null=True)
    clinician_name = CharField(default="")
    clinician_contact = CharField(default="")


class Phase(BaseModel):
    programme = ForeignKeyField(Programme, backref="phases", on_delete="CASCADE")
    position = IntegerField(default=0)
    name = CharField()
    weeks = IntegerField(default=1)
    deload = BooleanField(default=False)
    goal = TextField(default="")
    criteria = TextField(default="")  # what to reach before the next phase
    carry_progress = BooleanField(default=True)  # accepted progress carries into this phase


class Prescription(BaseModel):
    """A dose of one exercise within a phase."""

    phase = ForeignKeyField(Phase, backref="prescriptions", on_delete="CASCADE")
    exercise = ForeignKeyField(Exercise, on_delete="RESTRICT")
    position = IntegerField(default=0)
    sets = IntegerField(default=3)
    reps = IntegerField(null=True)
    hold_s = IntegerField(null=True)
    load = FloatField(null=True)
    load_unit = CharField(default="bodyweight")
    tempo = CharField(default="")
    rest_s = IntegerField(null=True)
    days_per_week = IntegerField(null=True)
    weekdays = CharField(default="")  # "0,2,4" = Mon, Wed, Fri
    notes = TextField(default="")
    side = CharField(default="")  # "" = the exercise's
    times_per_day = IntegerField(null=True)
    effort_target = CharField(default="")  # e.g. "about 70 % effort", "CR-10 3-4"
    pain_rule = CharField(default="")  # "" = the exercise's
    media = TextField(default="")


class PrescriptionChange(BaseModel):
    """History of a prescription: what changed, when and why (progression advice)."""

    prescription = ForeignKeyField(Prescription, backref="changes", on_delete="CASCADE")
    day = DateField()
    field_name = CharField()
    old_value = CharField(default="")
    new_value = CharField(default="")
    reason = TextField(default="")


class ExerciseLog(BaseModel):
    """What was done of a prescription on a date."""

    day = DateField(index=True)
    prescription = ForeignKeyField(Prescription, backref="logs", on_delete="CASCADE")
    sets_done = IntegerField(null=True)
    reps_done = IntegerField(null=True)
    hold_s_done = IntegerField(null=True)
    load_done = FloatField(null=True)
    pain_during = IntegerField(null=True)
    status = CharField(default="done")  # done, partial, skipped
    notes = TextField(default="")

    class Meta:
        indexes = ((("day", "prescription"), True),)


class OutcomeResponse(BaseModel):
    """A filled-in outcome measure (PSFS, LEFS, KOOS ...)."""

    instrument = CharField()
    day = DateField(index=True)
    answers = TextField()  # JSON
    score = FloatField(null=True)
    subscores = TextField(default="")  # JSON, e.g. KOOS subscales


class Question(BaseModel):
    """A question for the next appointment."""

    text = TextField()
    created = DateTimeField(default=_now)
    answered = BooleanField(default=False)


class Setting(BaseModel):
    """Journal-wide settings that travel with the journal: one row per option of the
    settings registry (``services/settings.py``), the value as JSON (schema v3)."""

    key = CharField(primary_key=True)
    value = TextField()


ALL_MODELS: tuple[type[BaseModel], ...] = (
    Profile,
    PainSite,
    CheckIn,
    CheckInSitePain,
    ActivityFile,
    ActivitySession,
    SessionSitePain,
    RedFlag,
    Event,
    Exercise,
    Programme,
    Phase,
    Prescription,
    PrescriptionChange,
    ExerciseLog,
    OutcomeResponse,
    Question,
    Setting,
)
