"""First and last day of an ISO 8601 value at each granularity (entente.date_bounds)."""
from __future__ import annotations

import datetime as dt

import pytest

from entente.date_bounds import bounds


@pytest.mark.parametrize("value, first, last", [
    ("2026-02-12", "2026-02-12", "2026-02-12"),
    ("2026-02-12T15:00", "2026-02-12", "2026-02-12"),
    ("2024-02", "2024-02-01", "2024-02-29"),
    ("2026", "2026-01-01", "2026-12-31"),
    ("202", "2020-01-01", "2029-12-31"),
    ("2026-Q1", "2026-01-01", "2026-03-31"),
    ("2026-Q4", "2026-10-01", "2026-12-31"),
    ("2026-H2", "2026-07-01", "2026-12-31"),
    ("2026-W07", "2026-02-09", "2026-02-15"),
    ("2026-SU", "2026-06-01", "2026-08-31"),
    ("2023-WI", "2023-12-01", "2024-02-29"),
    ("9999-12", "9999-12-01", "9999-12-31"),
])
def test_bounds(value, first, last):
    assert bounds(value) == (dt.date.fromisoformat(first), dt.date.fromisoformat(last))


@pytest.mark.parametrize("value", [None, "", "P3D", "PRESENT_REF", "2026-13", "2026-02-30", "2026-Q5", "9999-W52"])
def test_no_bounds(value):
    assert bounds(value) == (None, None)
