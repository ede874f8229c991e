import json
from dataclasses import replace

import pytest

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.ladder import (
    CLASS_EXPLANATIONS,
    CREDIT_CLASSES,
    DEFAULT_KEYS,
    ActionKind,
    Ladder,
    Step,
    default_ladder,
    is_letter,
    ladder_from_data,
    ladder_to_data,
    validate_ladder,
)


def test_default_ladder_b_is_the_documented_contract():
    lad = default_ladder("B")
    assert [(s.key, s.threshold_days, s.action.value) for s in lad] == [
        ("courtesy_reminder", -3, "courtesy_reminder"),
        ("reminder", 3, "reminder"),
        ("phone_call", 7, "phone_call"),
        ("demand_letter", 15, "demand_letter"),
        ("legal_action", 30, "legal_action"),
        ("agency", 60, "agency"),
    ]
    dl = lad.get("demand_letter")
    assert dl.template == "demand_letter" and dl.registered_mail is True
    assert lad.get("reminder").template == "reminder"
    assert lad.get("phone_call").template is None
    for key in ("legal_action", "agency"):
        assert (lad.get(key).requires, lad.get(key).wait_days) == ("demand_letter", 14)
    assert lad.get("demand_letter").requires is None


def test_default_ladders_a_and_c():
    assert [s.threshold_days for s in default_ladder("A")] == [-3, 7, 14, 30, 45, 90]
    assert [s.threshold_days for s in default_ladder("C")] == [-5, 1, 5, 10, 24, 45]
    for cls in CREDIT_CLASSES:
        lad = default_ladder(cls)
        assert lad.keys == DEFAULT_KEYS
        assert CLASS_EXPLANATIONS[cls].startswith(f"Class {cls}")
        # legal action can always be taken on its own threshold when the demand letter was sent
        # on time: its threshold is at least 14 days after the demand letter's.
        assert lad.get("legal_action").threshold_days - lad.get("demand_letter").threshold_days >= 14


def test_default_ladder_class_is_case_and_space_insensitive_and_unknown_refused():
    assert default_ladder(" c ") == default_ladder("C")
    with pytest.raises(UserError, match="'D' is not a credit class"):
        default_ladder("D")


def test_is_letter():
    letters = {k for k in ActionKind if k.is_letter}
    assert letters == {ActionKind.COURTESY_REMINDER, ActionKind.REMINDER,
                       ActionKind.DEMAND_LETTER, ActionKind.FINAL_NOTICE}
    assert is_letter("final_notice") is True
    assert is_letter(ActionKind.PHONE_CALL) is False
    assert is_letter("credit_hold") is False
    assert ActionKind.FINAL_NOTICE.default_template == "final_notice"
    assert ActionKind.AGENCY.default_template is None


def test_reached_per_age():
    lad = default_ladder("B")
    assert lad.reached(-4) is None
    assert lad.reached(-3).key == "courtesy_reminder"
    assert lad.reached(2).key == "courtesy_reminder"
    assert lad.reached(3).key == "reminder"
    assert lad.reached(40).key == "legal_action"
    assert lad.reached(400).key == "agency"
    assert lad.index("agency") == 5
    assert lad.pre_due_days == 3
    assert [s.key for s in lad.after(lad.get("legal_action"))] == ["agency"]


def test_round_trip_through_json():
    for cls in CREDIT_CLASSES:
        lad = default_ladder(cls)
        data = json.loads(json.dumps(ladder_to_data(lad)))
        assert ladder_from_data(data) == lad
    assert ladder_to_data(default_ladder("B"))[3] == {
        "key": "demand_letter", "name": "Formal demand letter (registered mail)",
        "threshold_days": 15, "action": "demand_letter", "requires": None, "wait_days": 0,
        "template": "demand_letter", "registered_mail": True}


def _s(key, days, action=ActionKind.PHONE_CALL, **kw):
    return Step(key, key.replace("_", " ").title(), days, action, **kw)


def test_validation_accepts_a_custom_ladder():
    lad = validate_ladder([
        _s("call", 5),
        _s("final", 20, ActionKind.FINAL_NOTICE, template="final_notice"),
        _s("hold", 25, ActionKind.CREDIT_HOLD, requires="final", wait_days=5),
    ])
    assert isinstance(lad, Ladder) and lad.keys == ("call", "final", "hold")


@pytest.mark.parametrize("steps, message", [
    ([], "has no steps"),
    ([_s("a", 1), _s("a", 2)], "Step 2 'A': the key 'a' is used twice"),
    ([_s("a", 1), _s("b", 1)], "Step 2 'B': its day threshold 1 must be greater than .*'A' \\(1\\)"),
    ([_s("a", 5), _s("b", 2)], "Step 2 'B': its day threshold 2"),
    ([_s("a", 1, requires="b"), _s("b", 2)], "Step 1 'A': the prerequisite 'B' is not an earlier step"),
    ([_s("a", 1), _s("b", 2, requires="zzz")], "Step 2 'B': the prerequisite 'zzz'"),
    ([_s("a", 1, requires="a")], "Step 1 'A': a step cannot require itself"),
    ([_s("a", 1, wait_days=3)], "Step 1 'A': it has a waiting period of 3 days but no prerequisite"),
    ([_s("a", 1), _s("b", 2, requires="a", wait_days=-1)], "Step 2 'B': the waiting period -1"),
    ([_s("a", 1, ActionKind.REMINDER)], "Step 1 'A': no letter template is chosen"),
    ([_s("a", 1, ActionKind.REMINDER, template="x")], "Step 1 'A': 'x' is not a letter template"),
    ([_s("a", 1, template="reminder")], "Step 1 'A': a 'Phone call' step sends no letter"),
    ([_s("a", 1, registered_mail=True)], "Step 1 'A': .*cannot go by registered mail"),
    ([_s("Bad Key", 1)], "Step 1 'Bad Key': the key must start with a lower-case letter"),
    ([Step("a", "  ", 1, ActionKind.AGENCY)], "Step 1 'a': the name is empty"),
    ([_s("a", -91)], "Step 1 'A': the day threshold -91 is out of range"),
])
def test_validation_names_the_offending_step(steps, message):
    with pytest.raises(UserError, match=message):
        validate_ladder(steps)


def test_a_refused_step_is_named_as_the_ladder_editor_names_it():
    """By its name, a shipped step's in the reader's language (tests/ui/test_translation.py: in Chinese), never
    by its key (the editor never shows keys)."""
    steps = list(default_ladder("B").steps)
    steps[-1] = replace(steps[-1], threshold_days=steps[-2].threshold_days)
    with pytest.raises(UserError) as e:
        validate_ladder(steps)
    assert str(e.value.message).startswith("Step 6 'Hand over to a collection agency': its day threshold 30 must "
                                           "be greater than that of the step before it, 'Legal action' (30).")
    steps = [_s("a", 1, requires="b"), replace(_s("b", 2), name="Visit the customer")]
    with pytest.raises(UserError, match="Step 1 'A': the prerequisite 'Visit the customer' is not an earlier"):
        validate_ladder(steps)


def test_from_data_refuses_malformed_data_plainly():
    with pytest.raises(UserError, match="not a list of steps"):
        ladder_from_data({"key": "a"})
    with pytest.raises(UserError, match="Step 'a': the field 'threshold_days' is missing"):
        ladder_from_data([{"key": "a", "name": "A", "action": "agency"}])
    with pytest.raises(UserError, match="Step 'a': the day threshold '2.5' is not a whole number"):
        ladder_from_data([{"key": "a", "name": "A", "action": "agency", "threshold_days": 2.5}])
    with pytest.raises(UserError, match="Step 'a': 'fax' is not a known action"):
        ladder_from_data([{"key": "a", "name": "A", "action": "fax", "threshold_days": 2}])
    lad = ladder_from_data([{"key": "a", "name": "A", "action": "agency", "threshold_days": "-2"}])
    assert lad.steps[0].threshold_days == -2 and lad.steps[0].action is ActionKind.AGENCY
