from ar_desktop.domain.aging import MILD, SERIOUS, SEVERE, overdue_severity


def test_severity_steps_at_30_and_90_days():
    assert [overdue_severity(d) for d in (None, -5, 0)] == [None, None, None]
    assert [overdue_severity(d) for d in (1, 30)] == [MILD, MILD]
    assert [overdue_severity(d) for d in (31, 90)] == [SERIOUS, SERIOUS]
    assert [overdue_severity(d) for d in (91, 5000)] == [SEVERE, SEVERE]
