"""Chart geometry for the templates (SVG drawn on the server, so charts need no script):
a true time axis of months or years with counts, heat maps, and the colour scales."""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Callable, Optional

TEAL, GREY, RED = (15, 118, 110), (148, 156, 168), (194, 65, 12)
COOP, OTHER, CONFLICT = "#0f766e", "#a3acb9", "#c2410c"


def _mix(a, b, t: float) -> str:
    return "#%02x%02x%02x" % tuple(round(x + (y - x) * t) for x, y in zip(a, b))


def balance_colour(cooperative: int, conflictual: int) -> str:
    """Teal for cooperation, red-orange for conflict, grey between (or when neither)."""
    n = cooperative + conflictual
    if not n:
        return _mix(GREY, GREY, 0)
    s = (cooperative - conflictual) / n
    return _mix(GREY, TEAL, s) if s >= 0 else _mix(GREY, RED, -s)


def heat_colour(value: int, top: int) -> str:
    """Light to dark blue on a log scale."""
    if value <= 0:
        return "#f4f6f9"
    t = math.log1p(value) / math.log1p(max(top, 1))
    return _mix((219, 234, 254), (30, 64, 175), t)


def periods(lo: str, hi: str, period: str) -> list[str]:
    """Every month (YYYY-MM) or year (YYYY) from lo to hi inclusive: a continuous axis."""
    if period == "year":
        return [str(y) for y in range(int(lo[:4]), int(hi[:4]) + 1)]
    y, m = int(lo[:4]), int(lo[5:7])
    out = []
    while (y, m) <= (int(hi[:4]), int(hi[5:7])):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _shift(key: str, period: str, n: int) -> str:
    if period == "year":
        return str(int(key) + n)
    months = int(key[:4]) * 12 + int(key[5:7]) - 1 + n
    return f"{months // 12:04d}-{months % 12 + 1:02d}"


def focus(buckets: list[dict], tail: float = 0.01, min_periods: int = 36) -> Optional[tuple[str, str]]:
    """A window leaving out the thinnest 1% at each end when outliers (a stray 1970) would
    squeeze the rest of a long axis into a sliver; None when the whole span reads well."""
    keys = [b["period"] for b in buckets]
    if len(keys) < 2 or len(periods(keys[0], keys[-1], "month" if len(keys[0]) == 7 else "year")) <= min_periods:
        return None
    total = sum(b["events"] for b in buckets)
    run, lo, hi = 0, keys[0], keys[-1]
    for b in buckets:
        run += b["events"]
        if run > total * tail:
            lo = b["period"]
            break
    run = 0
    for b in reversed(buckets):
        run += b["events"]
        if run > total * tail:
            hi = b["period"]
            break
    unit = "month" if len(keys[0]) == 7 else "year"
    if len(periods(lo, hi, unit)) * 2 > len(periods(keys[0], keys[-1], unit)):
        return None
    return lo, hi


def nice_ticks(top: int, n: int = 4) -> list[int]:
    if top <= 0:
        return [0]
    raw = top / n
    mag = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    step = next(s * mag for s in (1, 2, 5, 10) if s * mag >= raw)
    step = max(1, int(step))
    return list(range(0, top + step, step))


@dataclass
class Rect:
    x: float
    y: float
    w: float
    h: float
    fill: str
    title: str = ""
    href: str = ""


@dataclass
class Label:
    x: float
    y: float
    text: str
    anchor: str = "middle"


@dataclass
class Chart:
    width: int
    height: int
    left: float
    top: float
    bottom: float      # y of the baseline
    right: float
    rects: list[Rect] = field(default_factory=list)
    xlabels: list[Label] = field(default_factory=list)
    ylabels: list[Label] = field(default_factory=list)
    grid: list[float] = field(default_factory=list)
    spans: list[Rect] = field(default_factory=list)
    spans_outside: int = 0   # coarse-dated events not drawn (outside the axis, or beyond three rows)


def _pack(spans: list[dict], first: dt.date, last: dt.date, rows: int = 3) -> list[list[dict]]:
    """Greedy rows of non-overlapping spans, at most `rows` rows."""
    out: list[list[dict]] = []
    for span in spans:
        for row in out:
            if all(span["end"] < x["start"] or span["start"] > x["end"] for x in row):
                row.append(span)
                break
        else:
            if len(out) < rows:
                out.append([span])
    return out


def _period_bounds(key: str, period: str) -> tuple[dt.date, dt.date]:
    if period == "year":
        return dt.date(int(key), 1, 1), dt.date(int(key), 12, 31)
    y, m = int(key[:4]), int(key[5:7])
    nxt = dt.date(y + (m == 12), 1 if m == 12 else m + 1, 1)
    return dt.date(y, m, 1), nxt - dt.timedelta(days=1)


def timeline(buckets: list[dict], coarse: list[dict], period: str, href: Callable[[str, str], str],
             lo: Optional[str] = None, hi: Optional[str] = None, width: int = 1000, height: int = 210) -> Optional[Chart]:
    """Stacked bars per period (cooperative, other, conflictual) on a continuous axis from lo to
    hi (default: the data's range); coarser-dated events as spans in a band under the axis."""
    keys = [b["period"] for b in buckets]
    if not keys and not coarse:
        return None
    cut = 4 if period == "year" else 7
    # The axis follows the events dated inside one period; coarser spans only where they overlap it.
    ends = keys or [c["start"][:cut] for c in coarse] + [c["end"][:cut] for c in coarse]
    from entente import dates

    lo = dates.bounds(lo)[0].isoformat()[:cut] if lo and dates.bounds(lo)[0] else min(ends)  # a window asked for
    hi = dates.bounds(hi)[1].isoformat()[:cut] if hi and dates.bounds(hi)[1] else max(ends)  # is shown whole
    if lo > hi:
        lo, hi = min(ends), max(ends)
    axis = periods(lo, hi, period)
    while len(axis) < 12:  # a short axis still reads as time, not as one fat bar
        axis = periods(_shift(axis[0], period, -1), axis[-1], period) if len(axis) % 2 else \
            periods(axis[0], _shift(axis[-1], period, 1), period)
    first_day, last_day = _period_bounds(axis[0], period)[0], _period_bounds(axis[-1], period)[1]
    inside = [x for x in coarse if x["start"] <= last_day.isoformat() and x["end"] >= first_day.isoformat()]
    rows = _pack(sorted(inside, key=lambda x: -x["events"])[:24], first_day, last_day)
    band = 14 * len(rows) + (8 if rows else 0)
    c = Chart(width, height + band, left=44, top=10, bottom=height - 28, right=width - 10)
    slot = (c.right - c.left) / max(1, len(axis))
    by = {b["period"]: b for b in buckets}
    top = max([b["events"] for b in buckets] or [1])
    ticks = nice_ticks(top)
    scale = (c.bottom - c.top) / max(ticks[-1], 1)
    for t in ticks:
        y = c.bottom - t * scale
        c.grid.append(y)
        c.ylabels.append(Label(c.left - 6, y + 4, f"{t:,}", "end"))
    for i, key in enumerate(axis):
        x = c.left + i * slot
        b = by.get(key)
        if b:
            other = b["events"] - b["cooperative"] - b["conflictual"]
            y = c.bottom
            title = (f"{key}: {b['events']:,} events ({b['cooperative']:,} cooperative, "
                     f"{b['conflictual']:,} conflictual)")
            for n, fill in ((b["cooperative"], COOP), (other, OTHER), (b["conflictual"], CONFLICT)):
                if n > 0:
                    h = n * scale
                    y -= h
                    bw = min(max(slot * 0.8, 1), 36)
                    c.rects.append(Rect(x + (slot - bw) / 2, y, bw, h, fill, title, href(key, key)))
    for i, text in axis_labels(axis, period).items():
        c.xlabels.append(Label(c.left + i * slot + (slot / 2 if len(axis) <= 14 else 0), c.bottom + 16, text,
                               "middle" if len(axis) <= 14 else "start"))
    span_days = max(1, (last_day - first_day).days + 1)
    x_of = lambda d: c.left + (c.right - c.left) * max(0, min(span_days, (d - first_day).days)) / span_days  # noqa: E731
    for row, spans in enumerate(rows):
        for span in spans:
            a, b = dt.date.fromisoformat(span["start"]), dt.date.fromisoformat(span["end"])
            c.spans.append(Rect(x_of(a), c.bottom + 30 + row * 14, max(2.0, x_of(b) - x_of(a)), 8,
                                balance_colour(span["cooperative"], span["conflictual"]),
                                f"{span['start']} to {span['end']}: {span['events']:,} events dated only to this span",
                                href(span["start"], span["end"])))
    c.spans_outside = sum(x["events"] for x in coarse) - sum(x["events"] for r in rows for x in r)
    return c


def axis_labels(axis: list[str], period: str, most: int = 14) -> dict[int, str]:
    """Which ticks of a period axis get a label: all when few; else years, thinned to `most`."""
    if len(axis) <= most:
        return dict(enumerate(axis))
    first: dict[str, int] = {}
    for i, key in enumerate(axis):
        first.setdefault(key[:4], i)
    years = sorted(first)
    step = max(1, math.ceil(len(years) / most))
    return {first[y]: y if axis[first[y]].endswith("-01") or period == "year" else axis[first[y]] for y in years[::step]}


@dataclass
class HeatMap:
    width: int
    height: int
    left: float
    top: float
    cell_w: float
    cell_h: float
    cells: list[Rect]
    rows: list[Label]
    cols: list[Label]
    counts: list[Label]


def heatmap(rows: list[str], cols: list[str], values: dict, href: Callable[[str, str], str],
            row_label: Callable[[str], str] = str, col_label: Callable[[str], str] = str,
            rotate_cols: bool = True, width: int = 1000) -> Optional[HeatMap]:
    """A grid of rows x columns; values[(row, col)] = {"events", "cooperative", "conflictual"}."""
    if not rows or not cols:
        return None
    left = 14 + 8.5 * max(len(row_label(r)) for r in rows)
    top = 14 + (5.5 * max(len(col_label(x)) for x in cols) if rotate_cols else 18)
    cell_w = max(8.0, min(56.0, (width - left - 10) / len(cols)))
    cell_h = 22.0
    peak = max([v["events"] for v in values.values()] or [1])
    h = HeatMap(int(left + cell_w * len(cols) + 10), int(top + cell_h * len(rows) + 10), left, top, cell_w, cell_h,
                [], [], [], [])
    every = max(1, math.ceil(len(cols) * 14 / (cell_w * len(cols))))
    for j, col in enumerate(cols):
        if j % every == 0:
            h.cols.append(Label(left + j * cell_w + cell_w / 2, top - 6, col_label(col), "start" if rotate_cols else "middle"))
    for i, row in enumerate(rows):
        y = top + i * cell_h
        h.rows.append(Label(left - 6, y + cell_h / 2 + 4, row_label(row), "end"))
        for j, col in enumerate(cols):
            v = values.get((row, col))
            n = v["events"] if v else 0
            title = (f"{row_label(row)} · {col_label(col)}: {n:,} events" +
                     (f" ({v['cooperative']:,} cooperative, {v['conflictual']:,} conflictual)" if v else ""))
            h.cells.append(Rect(left + j * cell_w, y, cell_w - 1, cell_h - 1, heat_colour(n, peak), title,
                                href(row, col) if n else ""))
            if n and cell_w >= 24:
                h.counts.append(Label(left + j * cell_w + cell_w / 2, y + cell_h / 2 + 4,
                                      f"{n:,}" if n < 10000 else f"{n // 1000}k",
                                      "light" if math.log1p(n) / math.log1p(max(peak, 1)) > 0.55 else "dark"))
    return h
