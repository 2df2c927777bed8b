"""A bounded LRU, shared by the worker threads and the event loop of one app (hence the lock).

It holds what `api.views` remembers: bodies made at a store generation under the version
of the data they were made from, and the access verdicts reached at a generation. Every
entry says when it was true, so nothing here is ever evicted for being stale; old entries
simply age out.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Generic, TypeVar

MAX_ENTRIES = 8192
V = TypeVar("V")


class ResponseCache(Generic[V]):
    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self._entries: OrderedDict[Hashable, V] = OrderedDict()
        self._max = max_entries
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> V | None:
        with self._lock:
            value = self._entries.get(key)
            if value is not None:
                self._entries.move_to_end(key)
            return value

    def put(self, key: Hashable, value: V) -> None:
        with self._lock:
            self._entries[key] = value
            self._entries.move_to_end(key)
            while len(self._entries) > self._max:
                self._entries.popitem(last=False)
