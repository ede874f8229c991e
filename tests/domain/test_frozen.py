"""domain.frozen.maker builds what the frozen dataclass's own __init__ builds: equal, hashed, shown and still
frozen the same; and it refuses a class whose __init__ does more than set its fields."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from ar_desktop.domain.frozen import maker
from ar_desktop.domain.ladder import default_ladder
from ar_desktop.domain.next_step import CollectionStatus, Promise
from ar_desktop.services.worklist import PromiseInfo, WorklistRow

D = dt.date(2026, 3, 31)


def _status() -> dict:
    ladder = default_ladder("B")
    return dict(age_days=40, overdue_amount=Decimal("120.50"), oldest_days_overdue=40, reached_step=ladder.steps[3],
                next_step=ladder.steps[4], next_step_date=D + dt.timedelta(days=5), state="waiting",
                last_step="reminder", last_step_date=D - dt.timedelta(days=20), episode_start=D - dt.timedelta(days=39),
                broken_promise=Promise(D - dt.timedelta(days=30), D - dt.timedelta(days=10), Decimal("50.00")),
                severity=3, chased_invoices=("I1", "I2"), disputed_amount=Decimal("0.00"), steps_from=D)


def _row(status: CollectionStatus) -> dict:
    return dict(customer_id=7, customer_code="C7", customer_name="Seven", credit_class="B", currency="EUR",
                overdue_amount=status.overdue_amount, oldest_days_overdue=40, reached_step="demand_letter",
                reached_step_name="Formal demand letter", next_step="legal_action", next_step_name="Legal action",
                next_step_date=status.next_step_date, state="waiting", last_step="reminder",
                last_step_date=status.last_step_date,
                promise=PromiseInfo(3, D, D, Decimal("10.00"), Decimal("0.00"), "open"), broken_promise=True,
                hold_until=None, hold_reason="", credit_review=False, credit_limit=Decimal("1000.00"),
                suggested_class="C", chased_invoices=("I1", "I2"), episode_start=status.episode_start, status=status)


@pytest.mark.parametrize("cls, values", [(CollectionStatus, _status()),
                                          (WorklistRow, _row(CollectionStatus(**_status())))])
def test_made_as_the_class_makes_it(cls, values):
    made, built = maker(cls)(**values), cls(**values)
    assert type(made) is cls
    assert made == built and hash(made) == hash(built) and repr(made) == repr(built)
    assert dataclasses.astuple(made) == dataclasses.astuple(built)
    assert {f.name: getattr(made, f.name) for f in dataclasses.fields(cls)} == values
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.state = "changed"
    assert made != maker(cls)(**{**values, "state": "action_due"})


def test_every_field_named_once():
    make, values = maker(CollectionStatus), _status()
    with pytest.raises(TypeError):
        make(**{k: v for k, v in values.items() if k != "severity"})   # a default would not be applied
    with pytest.raises(TypeError):
        make(**values, colour="red")


@dataclasses.dataclass(frozen=True)
class _Checked:
    n: int

    def __post_init__(self) -> None:
        if self.n < 0:
            raise ValueError(self.n)


@dataclasses.dataclass(frozen=True, slots=True)
class _Slotted:
    n: int


@dataclasses.dataclass(frozen=True)
class _Derived:
    n: int
    twice: int = dataclasses.field(init=False, default=0)


@dataclasses.dataclass
class _Mutable:
    n: int


@pytest.mark.parametrize("cls", [_Checked, _Slotted, _Derived, _Mutable])
def test_refuses_a_class_whose_init_does_more(cls):
    with pytest.raises(TypeError):
        maker(cls)
