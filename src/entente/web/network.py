"""The actor network's drawing: a deterministic force layout of countries, directed curved
edges (A->B and B->A apart), width by events, colour by cooperation against conflict."""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

import numpy as np

from entente.web.charts import balance_colour

CLASSES = ("conflict", "leans-conflict", "mixed", "leans-coop", "coop")


def balance_class(cooperative: int, conflictual: int) -> str:
    n = cooperative + conflictual
    s = (cooperative - conflictual) / n if n else 0.0
    return CLASSES[min(4, int((s + 1) / 2 * 5))]


@dataclass
class Node:
    code: str
    name: str
    x: float
    y: float
    r: float
    events: int
    href: str


@dataclass
class EdgePath:
    source: str
    target: str
    d: str
    width: float
    css: str
    colour: str
    title: str
    href: str


def layout(codes: list[str], weights: dict[tuple[str, str], int], size: tuple[int, int], steps: int = 300) -> dict:
    """Fruchterman-Reingold from a fixed start (a circle in input order): same input, same picture."""
    n = len(codes)
    w, h = size
    if n == 0:
        return {}
    angle = np.linspace(0, 2 * np.pi, n, endpoint=False)
    pos = np.stack([np.cos(angle), np.sin(angle)], axis=1) * 0.8
    if n > 2:
        index = {c: i for i, c in enumerate(codes)}
        adj = np.zeros((n, n))
        for (a, b), v in weights.items():
            adj[index[a], index[b]] += v
            adj[index[b], index[a]] += v
        adj = np.log1p(adj) / max(np.log1p(adj).max(), 1e-9)  # a hub must not swallow its neighbours
        k = 2.0 / math.sqrt(n)
        temp = 0.1
        for _ in range(steps):
            delta = pos[:, None, :] - pos[None, :, :]
            dist = np.maximum(np.linalg.norm(delta, axis=2), 1e-3)
            force = (k * k / dist ** 2 - adj * dist / k)[:, :, None] * delta
            move = force.sum(axis=1)
            length = np.maximum(np.linalg.norm(move, axis=1), 1e-9)[:, None]
            pos += move / length * np.minimum(length, temp)
            pos -= pos.mean(axis=0)
            temp *= 0.985
    span = np.maximum(np.abs(pos).max(axis=0), 1e-9)
    pos = pos / span
    return {c: (w / 2 + pos[i, 0] * (w / 2 - 60), h / 2 + pos[i, 1] * (h / 2 - 40)) for i, c in enumerate(codes)}


def draw(edges: list[dict], names: dict[str, str], node_href: Callable[[str], str],
         edge_href: Callable[[str, str], str], size: tuple[int, int] = (1000, 640)) -> tuple[list[Node], list[EdgePath]]:
    totals: dict[str, int] = {}
    for e in edges:
        for c in (e["source"], e["target"]):
            totals[c] = totals.get(c, 0) + e["events"]
    codes = sorted(totals, key=lambda c: (-totals[c], c))
    pos = layout(codes, {(e["source"], e["target"]): e["events"] for e in edges}, size)
    top_node = max(totals.values() or [1])
    nodes = [Node(c, names.get(c, c), *pos[c], 9 + 13 * math.sqrt(totals[c] / top_node), totals[c], node_href(c))
             for c in codes]
    radius = {n.code: n.r for n in nodes}
    top_edge = max([e["events"] for e in edges] or [1])
    paths = []
    for e in sorted(edges, key=lambda e: e["events"]):  # the busiest drawn last, on top
        (x1, y1), (x2, y2) = pos[e["source"]], pos[e["target"]]
        dx, dy = x2 - x1, y2 - y1
        length = math.hypot(dx, dy) or 1.0
        ux, uy = dx / length, dy / length
        # Bend to the left of the direction of travel, so A->B and B->A take different arcs.
        cx, cy = (x1 + x2) / 2 - uy * length * 0.15, (y1 + y2) / 2 + ux * length * 0.15
        sx, sy = _towards(x1, y1, cx, cy, radius[e["source"]] + 1)
        tx, ty = _towards(x2, y2, cx, cy, radius[e["target"]] + 4)
        coop, conf = e["cooperative"], e["conflictual"]
        paths.append(EdgePath(
            e["source"], e["target"], f"M{sx:.1f},{sy:.1f} Q{cx:.1f},{cy:.1f} {tx:.1f},{ty:.1f}",
            1.2 + 7 * math.sqrt(e["events"] / top_edge), balance_class(coop, conf), balance_colour(coop, conf),
            f"{names.get(e['source'], e['source'])} → {names.get(e['target'], e['target'])}: {e['events']:,} events "
            f"({coop:,} cooperative, {conf:,} conflictual; mean Goldstein {e['goldstein_mean']})",
            edge_href(e["source"], e["target"])))
    return nodes, paths


def _towards(x: float, y: float, cx: float, cy: float, d: float) -> tuple[float, float]:
    """The point at distance d from (x, y) towards (cx, cy): where an edge meets a node's rim."""
    length = math.hypot(cx - x, cy - y) or 1.0
    return x + (cx - x) / length * d, y + (cy - y) / length * d
