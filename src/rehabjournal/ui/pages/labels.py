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
from ...domain import scales
from ...services import journal as js

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
    """An activity as shown ("run" -> "course" / "Laufen"); one typed by the person as is.
    The same words as the advice and the PDF (``domain.scales.activity_name``)."""
    return scales.activity_name(kind)


def kind_value(text: str) -> str:
    """The activity to save for a shown word ("course" -> "run"); other words as typed."""
    return _domain_key(ACTIVITIES, scales.activity_name, text)


def _domain_key(table: dict[str, str], name, text: str) -> str:
    for key in table:
        if text in (key, name(key)):
            return key
    return text


def joint_text(joint: str) -> str:
    """A joint as shown ("knee" -> "genou" / "Knie")."""
    return scales.joint_name(joint)


def joint_value(text: str) -> str:
    """The joint to save for a shown word ("genou" -> "knee"); other words as typed."""
    return _domain_key(JOINTS, scales.joint_name, text)


def side_text(side: str) -> str:
    """A side as shown ("left" -> "gauche"; "" -> "not applicable")."""
    return scales.side_name(side) if side else _shown("Sides", SIDES, side)


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


#: The exercise library's categories (``services.programme.CATEGORIES``) as shown.
CATEGORIES = {
    "strength": QT_TRANSLATE_NOOP("Categories", "strength"),
    "isometric": QT_TRANSLATE_NOOP("Categories", "isometric"),
    "mobility": QT_TRANSLATE_NOOP("Categories", "mobility"),
    "conditioning": QT_TRANSLATE_NOOP("Categories", "conditioning"),
}

#: The exercise library's body regions (``services.programme.REGIONS``) as shown.
REGIONS = {
    "knee": QT_TRANSLATE_NOOP("Regions", "knee"),
    "hip": QT_TRANSLATE_NOOP("Regions", "hip"),
    "ankle": QT_TRANSLATE_NOOP("Regions", "ankle"),
    "whole leg": QT_TRANSLATE_NOOP("Regions", "whole leg"),
    "core": QT_TRANSLATE_NOOP("Regions", "core"),
}

#: An exercise's side (``domain.progression.SIDES``) as a choice in a form.
EXERCISE_SIDES = {
    "both": QT_TRANSLATE_NOOP("ExerciseSides", "both"),
    "each side": QT_TRANSLATE_NOOP("ExerciseSides", "each side"),
    "affected side": QT_TRANSLATE_NOOP("ExerciseSides", "affected side"),
    "left": QT_TRANSLATE_NOOP("ExerciseSides", "left"),
    "right": QT_TRANSLATE_NOOP("ExerciseSides", "right"),
}

#: Load units that are words (``services.programme.LOAD_UNITS``); kg and lb are symbols.
UNITS = {
    "band": QT_TRANSLATE_NOOP("Units", "band"),
    "bodyweight": QT_TRANSLATE_NOOP("Units", "bodyweight"),
    "seconds": QT_TRANSLATE_NOOP("Units", "seconds"),
    "minutes": QT_TRANSLATE_NOOP("Units", "minutes"),
}

#: The pain rules (``domain.progression.PAIN_RULES``): their name, and in a form's words.
PAIN_RULES = {
    "standard": QT_TRANSLATE_NOOP("PainRules", "standard"),
    "tendon": QT_TRANSLATE_NOOP("PainRules", "tendon"),
}
PAIN_RULE_CHOICES = {
    "standard": QT_TRANSLATE_NOOP("PainRules", "standard (little pain during)"),
    "tendon": QT_TRANSLATE_NOOP("PainRules",
                                "tendon loading (more, if settled by the next morning)"),
}


def category_text(category: str) -> str:
    """An exercise category as shown ("mobility" -> "mobilité" / "Mobilität")."""
    return _shown("Categories", CATEGORIES, category)


def region_text(region: str) -> str:
    """A body region of the library as shown ("whole leg" -> "jambe entière")."""
    return _shown("Regions", REGIONS, region)


def exercise_side_text(side: str) -> str:
    """An exercise's side as a form's choice ("each side" -> "chaque côté")."""
    return _shown("ExerciseSides", EXERCISE_SIDES, side)


def unit_text(unit: str) -> str:
    """A load unit as shown: the words translated ("bodyweight" -> "poids du corps"), kg and
    lb as they are."""
    return _shown("Units", UNITS, unit)


def pain_rule_text(rule: str) -> str:
    """A pain rule's name ("standard", "tendon") as shown."""
    return _shown("PainRules", PAIN_RULES, rule)


def pain_rule_choice(rule: str) -> str:
    """A pain rule as a form's choice: "standard (little pain during)" ..."""
    return _shown("PainRules", PAIN_RULE_CHOICES, rule)


def field_label(key: str) -> str:
    """The journal field's label in the UI's language ("Effort (CR-10)"). (A name, not a
    string, inside ``_()``: Babel before 2.19 took the key in ``_(LABELS["rpe"])`` for a
    message of its own.)"""
    return i18n._(js.FIELD_LABELS[key])
