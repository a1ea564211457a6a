"""Singular and plural right everywhere: one helper, exact values."""

from drill.wording import count, in_days


def test_count_singular_and_plural():
    assert count(1, "check") == "1 check"
    assert count(0, "check") == "0 checks"
    assert count(2, "submission") == "2 submissions"
    assert count(1, "day") == "1 day" and count(7, "day") == "7 days"
    assert count(3, "entry") == "3 entries"
    assert count(1.0, "hour") == "1 hour" and count(1.5, "hour") == "1.5 hours"


def test_in_days():
    assert [in_days(d) for d in (0, 1, -1, 2, -3)] == ["today", "tomorrow", "yesterday", "in 2 days", "3 days ago"]
