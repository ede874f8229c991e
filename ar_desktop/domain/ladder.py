"""The collection ladder: ordered dunning steps, the defaults per credit class, validation.

A ladder is an ordered list of steps. Each step fires once the customer's oldest considered
invoice is ``threshold_days`` past its due date (negative = before the due date). A step may
require an earlier step to have been *done* at least ``wait_days`` before (e.g. legal action
only 14 days after the formal demand letter was posted). Letter steps name the letter template.

The rule that picks the next step lives in :mod:`ar_desktop.domain.next_step`; the text for
bookkeepers is ``docs/collections-rule.md``.

Stdlib only. Serialisation is to plain JSON-compatible lists of dicts (the storage layer keeps
one ladder per credit class and an optional per-customer override).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.text import Text, joined, listed, name_text, translate, verbatim

# Letter templates the PDF layer knows (mirrors ar_desktop.domain.letters.TEMPLATE_KEYS).
LETTER_TEMPLATES: tuple[str, ...] = ("courtesy_reminder", "reminder", "demand_letter", "final_notice",
                                     "legal_notice", "agency_notice")
# Steps that are not letters themselves may announce themselves by a notice letter.
NOTICE_TEMPLATES = {"legal_action": "legal_notice", "agency": "agency_notice"}

CREDIT_CLASSES: tuple[str, ...] = ("A", "B", "C")

# Shown in the settings next to each class (the window renders them as Texts), followed by what the class's
# ladder, as stored, does (``ladder_summary``): an edited ladder is never described by the shipped one's days.
CLASS_EXPLANATIONS: dict[str, str] = {
    "A": translate("Messages", "Class A - gentle: for customers who pay reliably."),
    "B": translate("Messages", "Class B - standard: for most customers."),
    "C": translate("Messages", "Class C - strict: for customers who often pay late."),
}


def step_timing(step: Step) -> Text:
    """When a step comes, as the user reads it: '3 days before the due date', 'on the due date', '15 days after'."""
    days = step.threshold_days
    if days < 0:
        return Text(translate("Messages", "{days} days before the due date"), days=-days)
    if days == 0:
        return Text(translate("Messages", "on the due date"))
    return Text(translate("Messages", "{days} days after the due date"), days=days)


def ladder_summary(ladder: Ladder | Iterable[Step]) -> Text:
    """Each step of ``ladder`` by its name and when it comes: 'Reminder: 3 days after the due date; …'."""
    return joined([Text(translate("Messages", "{step}: {when}"), step=step_name_text(s.key, s.name), when=step_timing(s))
                   for s in ladder], "; ")


def class_explanation(credit_class: str, ladder: Ladder | Iterable[Step]) -> Text:
    return Text(translate("Messages", "{flavour} {steps}."), flavour=Text(CLASS_EXPLANATIONS[credit_class]),
                steps=ladder_summary(ladder))


_KEY_RE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
MIN_THRESHOLD = -90
MAX_THRESHOLD = 3650
MAX_WAIT = 365
MAX_NAME = 80


class ActionKind(str, Enum):
    """What a step does. The values are stable strings (stored, used by the CLI)."""

    COURTESY_REMINDER = "courtesy_reminder"
    REMINDER = "reminder"
    PHONE_CALL = "phone_call"
    DEMAND_LETTER = "demand_letter"      # formal demand letter, by registered mail
    FINAL_NOTICE = "final_notice"        # letter
    LEGAL_ACTION = "legal_action"
    AGENCY = "agency"                    # hand-over to a collection agency
    CREDIT_HOLD = "credit_hold"

    @property
    def is_letter(self) -> bool:
        """True when the step produces a letter (and so needs a letter template)."""
        return self in _LETTER_KINDS

    @property
    def default_template(self) -> str | None:
        """The template a new letter step of this kind starts with (None for non-letters)."""
        return _DEFAULT_TEMPLATE.get(self)


_LETTER_KINDS = frozenset({ActionKind.COURTESY_REMINDER, ActionKind.REMINDER,
                           ActionKind.DEMAND_LETTER, ActionKind.FINAL_NOTICE})
# What the user reads for an action kind and a letter template (the values above are keys).
ACTION_NAMES: dict[ActionKind, str] = {
    ActionKind.COURTESY_REMINDER: translate("Messages", "Courtesy reminder"),
    ActionKind.REMINDER: translate("Messages", "Reminder"),
    ActionKind.PHONE_CALL: translate("Messages", "Phone call"),
    ActionKind.DEMAND_LETTER: translate("Messages", "Formal demand letter"),
    ActionKind.FINAL_NOTICE: translate("Messages", "Final notice"),
    ActionKind.LEGAL_ACTION: translate("Messages", "Legal action"),
    ActionKind.AGENCY: translate("Messages", "Collection agency"),
    ActionKind.CREDIT_HOLD: translate("Messages", "Credit hold"),
}
TEMPLATE_NAMES: dict[str, str] = {
    "courtesy_reminder": translate("Messages", "Courtesy note"),
    "reminder": translate("Messages", "Reminder letter"),
    "demand_letter": translate("Messages", "Formal demand letter"),
    "final_notice": translate("Messages", "Final notice"),
    "legal_notice": translate("Messages", "Notice before legal action"),
    "agency_notice": translate("Messages", "Notice of hand-over to a collection agency"),
}


# The names the shipped ladders give their steps, so they read in the interface language; a step the
# user named or added shows as typed.
SHIPPED_STEP_NAMES: dict[str, str] = {
    "courtesy_reminder": translate("Steps", "Courtesy reminder"),
    "reminder": translate("Steps", "Reminder"),
    "phone_call": translate("Steps", "Phone call"),
    "demand_letter": translate("Steps", "Formal demand letter (registered mail)"),
    "legal_action": translate("Steps", "Legal action"),
    "agency": translate("Steps", "Hand over to a collection agency"),
}


def step_name_text(key: str | None, name: str | None = None) -> Text:
    """A step by its name: a shipped step's own name in the reader's language, else the name as typed
    (the key when the step has no name)."""
    shipped = SHIPPED_STEP_NAMES.get(key or "")
    if shipped is not None and (name is None or name == shipped):
        return Text(shipped)
    return verbatim(name or key or "")


def action_name(kind: ActionKind | str) -> Text:
    """An action kind as the user reads it (an unknown value as it is)."""
    try:
        return Text(ACTION_NAMES[ActionKind(kind)])
    except ValueError:
        return verbatim(str(kind))


def template_name(key: str | None) -> Text:
    """A letter template as the user reads it (an unknown value as it is)."""
    name = TEMPLATE_NAMES.get(key or "")
    return Text(name) if name else verbatim(key or "")


_DEFAULT_TEMPLATE = {ActionKind.COURTESY_REMINDER: "reminder", ActionKind.REMINDER: "reminder",
                     ActionKind.DEMAND_LETTER: "demand_letter",
                     ActionKind.FINAL_NOTICE: "final_notice"}


def is_letter(kind: ActionKind | str) -> bool:
    """Function form of :attr:`ActionKind.is_letter` (accepts the stored string too)."""
    return _kind(kind, "?").is_letter


def _kind(value: ActionKind | str, key: str) -> ActionKind:
    if isinstance(value, ActionKind):
        return value
    try:
        return ActionKind(str(value))
    except ValueError:
        raise UserError(
            Text(translate("Messages", "Step '{key}': '{value}' is not a known action. Choose one of: {actions}."),
                 key=key, value=value, actions=", ".join(k.value for k in ActionKind))) from None


@dataclass(frozen=True)
class Step:
    """One rung of the ladder.

    ``threshold_days`` is relative to the due date (negative = before it). ``requires`` names an
    earlier step that must have been *done* (not skipped) at least ``wait_days`` days before this
    step may be taken. ``template`` is the letter template of a letter step (None otherwise).
    """

    key: str
    name: str
    threshold_days: int
    action: ActionKind
    requires: str | None = None
    wait_days: int = 0
    template: str | None = None
    registered_mail: bool = False

    def __post_init__(self) -> None:
        # Accept the stored string form of the action kind.
        if not isinstance(self.action, ActionKind):
            object.__setattr__(self, "action", _kind(self.action, str(self.key)))

    @property
    def is_letter(self) -> bool:
        """A letter step, or a legal-action / agency step that sends its notice letter."""
        return self.action.is_letter or (self.template is not None
                                         and NOTICE_TEMPLATES.get(self.action.value) == self.template)

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "name": self.name, "threshold_days": self.threshold_days,
                "action": self.action.value, "requires": self.requires,
                "wait_days": self.wait_days, "template": self.template,
                "registered_mail": self.registered_mail}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Step:
        if not isinstance(data, Mapping):
            raise UserError(Text(translate("Messages", "A ladder step must be a record with a key and a name, not "
                                                       "{data!r}. Reset the ladder to its default and edit it again."),
                                 data=data))
        key = data.get("key")
        label = key if isinstance(key, str) and key else Text(translate("Messages", "(no key)"))
        for field in ("key", "name", "threshold_days", "action"):
            if data.get(field) is None:
                raise UserError(Text(translate("Messages", "Step '{label}': the field '{field}' is missing. Reset "
                                                           "the ladder to its default and edit it again."),
                                     label=label, field=field))
        threshold = _int(data["threshold_days"], label, translate("Messages", "day threshold"))
        wait = _int(data.get("wait_days") or 0, label, translate("Messages", "waiting period"))
        return cls(key=str(key), name=str(data["name"]), threshold_days=threshold,
                   action=_kind(data["action"], label), requires=data.get("requires") or None,
                   wait_days=wait, template=data.get("template") or None,
                   registered_mail=bool(data.get("registered_mail", False)))


def _int(value: Any, key: str | Text, what: str) -> int:
    """A whole number from stored data: an int, or a string of one (never a bool or a float)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and re.fullmatch(r"\s*-?\d+\s*", value):
        return int(value)
    raise UserError(Text(translate("Messages", "Step '{key}': the {what} '{value}' is not a whole number of days. "
                                               "Type a whole number such as 7 or -3."),
                         key=key, what=name_text(what), value=value))


@dataclass(frozen=True)
class Ladder:
    """An ordered, validated list of steps (construction raises UserError when invalid)."""

    steps: tuple[Step, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "steps", tuple(self.steps))
        _validate(self.steps)

    def __iter__(self) -> Iterator[Step]:
        return iter(self.steps)

    def __len__(self) -> int:
        return len(self.steps)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(s.key for s in self.steps)

    @property
    def first_threshold(self) -> int:
        return self.steps[0].threshold_days

    @property
    def pre_due_days(self) -> int:
        """How many days before the due date the ladder starts (0 when it starts after)."""
        return max(0, -self.first_threshold)

    def get(self, key: str) -> Step | None:
        for s in self.steps:
            if s.key == key:
                return s
        return None

    def index(self, key: str) -> int:
        """Position of the step (its severity: higher = more severe). KeyError when unknown."""
        for i, s in enumerate(self.steps):
            if s.key == key:
                return i
        raise KeyError(key)

    def reached(self, age_days: int) -> Step | None:
        """The most severe step whose threshold is <= age_days (None below the first)."""
        i = self.position(age_days)
        return self.steps[i] if i >= 0 else None

    def position(self, age_days: int) -> int:
        """The index of ``reached(age_days)`` in the ladder, its severity (-1: none is reached)."""
        i = -1
        for s in self.steps:
            if s.threshold_days > age_days:
                break
            i += 1
        return i

    def after(self, step: Step) -> tuple[Step, ...]:
        """The steps that come after ``step``, in order."""
        return self.steps[self.index(step.key) + 1:]

    def to_data(self) -> list[dict[str, Any]]:
        return ladder_to_data(self)


def _validate(steps: tuple[Step, ...]) -> None:
    if not steps:
        raise UserError(Text(translate("Messages", "The collection ladder has no steps. Add at least one step, or "
                                                   "reset the ladder to its default.")))
    seen: dict[str, int] = {}
    for i, s in enumerate(steps):
        if not isinstance(s, Step):
            raise UserError(Text(translate("Messages", "Ladder entry {i} is not a step. Reset the ladder to its "
                                                       "default."), i=i + 1))
    for i, s in enumerate(steps):
        # a step by the name the ladder editor shows (its key is never shown there)
        label = Text(translate("Messages", "Step {number} '{name}'"), number=i + 1, name=_step_name(s))
        if not isinstance(s.key, str) or not _KEY_RE.match(s.key):
            raise UserError(Text(translate("Messages", "{label}: the key must start with a lower-case letter and "
                                                       "contain only lower-case letters, digits and '_' (at most 40 "
                                                       "characters), e.g. 'second_reminder'."), label=label))
        if s.key in seen:
            raise UserError(Text(translate("Messages", "{label}: the key '{key}' is used twice (also by step "
                                                       "{seen}). Give every step its own key."),
                                 label=label, key=s.key, seen=seen[s.key] + 1))
        if not isinstance(s.name, str) or not s.name.strip():
            raise UserError(Text(translate("Messages", "{label}: the name is empty. Type a short name such as "
                                                       "'Phone call'."), label=label))
        if len(s.name) > MAX_NAME:
            raise UserError(Text(translate("Messages", "{label}: the name is longer than {max_name} characters. "
                                                       "Shorten it."), label=label, max_name=MAX_NAME))
        if isinstance(s.threshold_days, bool) or not isinstance(s.threshold_days, int):
            raise UserError(Text(translate("Messages", "{label}: the day threshold must be a whole number of days."),
                                 label=label))
        if not MIN_THRESHOLD <= s.threshold_days <= MAX_THRESHOLD:
            raise UserError(Text(translate("Messages", "{label}: the day threshold {threshold_days} is out of "
                                                       "range. Use a number from {min_threshold} (days before the "
                                                       "due date) to {max_threshold} (days after)."),
                                 label=label, threshold_days=s.threshold_days, min_threshold=MIN_THRESHOLD,
                                 max_threshold=MAX_THRESHOLD))
        if i > 0 and s.threshold_days <= steps[i - 1].threshold_days:
            prev = steps[i - 1]
            raise UserError(Text(translate("Messages", "{label}: its day threshold {threshold_days} must be "
                                                       "greater than that of the step before it, '{key}' "
                                                       "({threshold_days2}). Make the thresholds increase from the "
                                                       "first step to the last."),
                                 label=label, threshold_days=s.threshold_days, key=_step_name(prev),
                                 threshold_days2=prev.threshold_days))
        if s.requires is not None:
            if s.requires == s.key:
                raise UserError(Text(translate("Messages", "{label}: a step cannot require itself. Choose an "
                                                           "earlier step or no prerequisite."), label=label))
            if s.requires not in seen:
                raise UserError(Text(translate("Messages", "{label}: the prerequisite '{requires}' is not an "
                                                           "earlier step of this ladder. Choose a step above it or "
                                                           "no prerequisite."), label=label,
                                     requires=next((_step_name(t) for t in steps if t.key == s.requires),
                                                   verbatim(str(s.requires)))))
        if isinstance(s.wait_days, bool) or not isinstance(s.wait_days, int):
            raise UserError(Text(translate("Messages", "{label}: the waiting period must be a whole number of days."),
                                 label=label))
        if s.wait_days and s.requires is None:
            raise UserError(Text(translate("Messages", "{label}: it has a waiting period of {wait_days} days but "
                                                       "no prerequisite step. Choose the step to wait for, or set "
                                                       "the wait to 0."), label=label, wait_days=s.wait_days))
        if not 0 <= s.wait_days <= MAX_WAIT:
            raise UserError(Text(translate("Messages", "{label}: the waiting period {wait_days} must be from 0 to "
                                                       "{max_wait} days."),
                                 label=label, wait_days=s.wait_days, max_wait=MAX_WAIT))
        if s.action.is_letter:
            allowed = [t for t in LETTER_TEMPLATES if t not in NOTICE_TEMPLATES.values()]
            if s.template not in allowed:
                what = (Text(translate("Messages", "'{template}' is not a letter template"), template=s.template)
                        if s.template else Text(translate("Messages", "no letter template is chosen")))
                raise UserError(Text(translate("Messages", "{label}: {what}. Choose one of: {allowed}."),
                                     label=label, what=what, allowed=listed([template_name(t) for t in allowed])))
        elif s.template is not None and NOTICE_TEMPLATES.get(s.action.value) != s.template:
            notice = NOTICE_TEMPLATES.get(s.action.value)
            if notice:
                raise UserError(Text(translate("Messages", "{label}: a '{action}' step can only send its notice "
                                                           "letter '{notice}', not '{template}'. Choose '{notice}' "
                                                           "or no template."),
                                     label=label, action=action_name(s.action), notice=template_name(notice),
                                     template=template_name(s.template)))
            raise UserError(Text(translate("Messages", "{label}: a '{action}' step sends no letter, so it cannot "
                                                       "have the template '{template}'. Clear the template."),
                                 label=label, action=action_name(s.action), template=template_name(s.template)))
        elif s.template is None:
            if s.registered_mail:
                raise UserError(Text(translate("Messages", "{label}: a '{action}' step sends no letter, so it "
                                                           "cannot go by registered mail. Untick registered mail."),
                                     label=label, action=action_name(s.action)))
        seen[s.key] = i


def _step_name(step: Step) -> Text:
    """A step as the ladder editor names it: a shipped step's name in the reader's language, else as typed (its
    key while it has no name)."""
    typed = isinstance(step.name, str) and step.name.strip()
    return step_name_text(str(step.key), step.name if typed else None)


def validate_ladder(steps: Iterable[Step]) -> Ladder:
    """Check a ladder the user edited; return it as a Ladder or raise UserError naming the step."""
    return Ladder(tuple(steps))


def ladder_to_data(ladder: Ladder) -> list[dict[str, Any]]:
    """JSON-compatible form: a list of plain dicts, in ladder order."""
    return [s.to_dict() for s in ladder.steps]


def ladder_from_data(data: Any) -> Ladder:
    """Inverse of :func:`ladder_to_data`; raises UserError for malformed or invalid data."""
    if not isinstance(data, list | tuple):
        raise UserError(Text(translate("Messages", "The stored collection ladder is not a list of steps. Reset the "
                                                   "ladder to its default.")))
    return Ladder(tuple(Step.from_dict(d) for d in data))


def ladder_in_force(credit_class: str, own: Any = None, class_data: Any = None) -> Ladder:
    """A customer's ladder: its own (``own``, ladder data) when it has one, else its class's as the company set
    it (``class_data``), else the shipped ladder of its class."""
    if own is not None:
        return ladder_from_data(own)
    return default_ladder(credit_class) if class_data is None else ladder_from_data(class_data)


# Stable step keys (a CLI contract) shared by all default ladders.
DEFAULT_KEYS = ("courtesy_reminder", "reminder", "phone_call", "demand_letter",
                "legal_action", "agency")

_DEFAULT_THRESHOLDS: dict[str, tuple[int, int, int, int, int, int]] = {
    "A": (-3, 7, 14, 30, 45, 90),
    "B": (-3, 3, 7, 15, 30, 60),
    "C": (-5, 1, 5, 10, 24, 45),
}
PREREQUISITE_WAIT_DAYS = 14


def default_ladder(credit_class: str) -> Ladder:
    """The shipped ladder of credit class 'A' (gentle), 'B' (standard) or 'C' (strict)."""
    cls = (credit_class or "").strip().upper()
    if cls not in _DEFAULT_THRESHOLDS:
        raise UserError(Text(translate("Messages", "'{credit_class}' is not a credit class. Use A, B or C."),
                             credit_class=credit_class))
    t = _DEFAULT_THRESHOLDS[cls]
    w = PREREQUISITE_WAIT_DAYS
    return Ladder((
        Step("courtesy_reminder", "Courtesy reminder", t[0], ActionKind.COURTESY_REMINDER,
             template="courtesy_reminder"),
        Step("reminder", "Reminder", t[1], ActionKind.REMINDER, template="reminder"),
        Step("phone_call", "Phone call", t[2], ActionKind.PHONE_CALL),
        Step("demand_letter", "Formal demand letter (registered mail)", t[3],
             ActionKind.DEMAND_LETTER, template="demand_letter", registered_mail=True),
        Step("legal_action", "Legal action", t[4], ActionKind.LEGAL_ACTION,
             requires="demand_letter", wait_days=w, template="legal_notice", registered_mail=True),
        Step("agency", "Hand over to a collection agency", t[5], ActionKind.AGENCY,
             requires="demand_letter", wait_days=w, template="agency_notice", registered_mail=True),
    ))
