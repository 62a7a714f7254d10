"""The journal's English keywords as the pages show them: activities, joints, sides, swelling.

The journal keeps these values in English (``domain.scales``: "run", "knee", "left",
"mild"); services and reports compare them as such. The pages show them in the UI's
language and, where a person may type one (the editable Activity and Joint boxes), read a
shown word back as the key it stands for, so "course" typed in French is saved as "run".
A word the person made up is kept as typed.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ... import i18n

#: ``scales.ACTIVITY_KINDS`` as shown.
ACTIVITIES = {
    "run": QT_TRANSLATE_NOOP("Activities", "run"),
    "walk": QT_TRANSLATE_NOOP("Activities", "walk"),
    "cycle": QT_TRANSLATE_NOOP("Activities", "cycle"),
    "swim": QT_TRANSLATE_NOOP("Activities", "swim"),
    "rehab exercises": QT_TRANSLATE_NOOP("Activities", "rehab exercises"),
    "gym": QT_TRANSLATE_NOOP("Activities", "gym"),
    "sport": QT_TRANSLATE_NOOP("Activities", "sport"),
    "hike": QT_TRANSLATE_NOOP("Activities", "hike"),
    "other": QT_TRANSLATE_NOOP("Activities", "other"),
}

#: ``scales.JOINTS`` as shown.
JOINTS = {
    "knee": QT_TRANSLATE_NOOP("Joints", "knee"),
    "hip": QT_TRANSLATE_NOOP("Joints", "hip"),
    "ankle": QT_TRANSLATE_NOOP("Joints", "ankle"),
    "foot": QT_TRANSLATE_NOOP("Joints", "foot"),
    "lower leg": QT_TRANSLATE_NOOP("Joints", "lower leg"),
    "thigh": QT_TRANSLATE_NOOP("Joints", "thigh"),
    "lower back": QT_TRANSLATE_NOOP("Joints", "lower back"),
    "other": QT_TRANSLATE_NOOP("Joints", "other"),
}

#: ``scales.SIDES`` as shown ("" is "not applicable").
SIDES = {
    "left": QT_TRANSLATE_NOOP("Sides", "left"),
    "right": QT_TRANSLATE_NOOP("Sides", "right"),
    "both": QT_TRANSLATE_NOOP("Sides", "both"),
    "": QT_TRANSLATE_NOOP("Sides", "not applicable"),
}

#: ``scales.SWELLING_GRADES`` as shown.
SWELLING = {
    "none": QT_TRANSLATE_NOOP("Swelling", "none"),
    "mild": QT_TRANSLATE_NOOP("Swelling", "mild"),
    "moderate": QT_TRANSLATE_NOOP("Swelling", "moderate"),
    "severe": QT_TRANSLATE_NOOP("Swelling", "severe"),
}


def _shown(context: str, table: dict[str, str], key: str) -> str:
    return QCoreApplication.translate(context, table[key]) if key in table else key


def _key(context: str, table: dict[str, str], text: str) -> str:
    for key, source in table.items():
        if text in (source, QCoreApplication.translate(context, source)):
            return key
    return text


def kind_text(kind: str) -> str:
    """An activity as shown ("run" -> "course" / "Laufen"); one typed by the person as is."""
    return _shown("Activities", ACTIVITIES, kind)


def kind_value(text: str) -> str:
    """The activity to save for a shown word ("course" -> "run"); other words as typed."""
    return _key("Activities", ACTIVITIES, text)


def joint_text(joint: str) -> str:
    """A joint as shown ("knee" -> "genou" / "Knie")."""
    return _shown("Joints", JOINTS, joint)


def joint_value(text: str) -> str:
    """The joint to save for a shown word ("genou" -> "knee"); other words as typed."""
    return _key("Joints", JOINTS, text)


def side_text(side: str) -> str:
    """A side as shown ("left" -> "gauche"; "" -> "not applicable")."""
    return _shown("Sides", SIDES, side)


def swelling_text(grade: str) -> str:
    """A swelling grade as shown ("mild" -> "léger" / "leicht")."""
    return _shown("Swelling", SWELLING, grade)


def english_original(text: str) -> str:
    """A questionnaire's English name or item as shown: the outcome questionnaires (KOOS,
    LEFS, PSFS) are validated in English and stay so, marked "(English original)" when the
    UI speaks another language."""
    if i18n.current() == "en" or not text:
        return text
    return QCoreApplication.translate("Questionnaires", "{text} (English original)").format(
        text=text)
