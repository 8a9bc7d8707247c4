"""A small per-app cache for aggregates that scan the whole table (network, dyads, timeline):
the dashboard asks for the same ones again and again; stored data changes only by ingest.
One computation per key at a time: concurrent askers wait for it instead of repeating it."""
from __future__ import annotations

import threading
import time
from collections import OrderedDict
from typing import Any, Callable, Hashable


class TTLCache:
    def __init__(self, seconds: float = 30.0, size: int = 256):
        self.seconds, self.size = seconds, size
        self._items: OrderedDict = OrderedDict()
        self._lock = threading.Lock()
        self._busy: dict[Hashable, threading.Lock] = {}

    def _fresh(self, key: Hashable):
        hit = self._items.get(key)
        if hit is not None and time.monotonic() - hit[0] < self.seconds:
            self._items.move_to_end(key)
            return hit
        return None

    def __call__(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        with self._lock:
            hit = self._fresh(key)
            if hit is not None:
                return hit[1]
            busy = self._busy.setdefault(key, threading.Lock())
        with busy:
            with self._lock:
                hit = self._fresh(key)
            if hit is not None:
                return hit[1]
            value = compute()
            with self._lock:
                self._items[key] = (time.monotonic(), value)
                self._items.move_to_end(key)
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
                self._busy.pop(key, None)
        return value
