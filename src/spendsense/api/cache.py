"""A bounded LRU of response bodies, for answers keyed by a version of the data they were made from.

Callers put the version in the key (see `insights.cache` and `recommendations.cache`): a
change to the data gives a new key, so a hit is never stale, and old entries simply age
out. Shared by the worker threads of one app, hence the lock.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

MAX_ENTRIES = 4096


class ResponseCache:
    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self._entries: OrderedDict[Hashable, bytes] = OrderedDict()
        self._max = max_entries
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> bytes | None:
        with self._lock:
            body = self._entries.get(key)
            if body is not None:
                self._entries.move_to_end(key)
            return body

    def put(self, key: Hashable, body: bytes) -> None:
        with self._lock:
            self._entries[key] = body
            self._entries.move_to_end(key)
            while len(self._entries) > self._max:
                self._entries.popitem(last=False)

    def get_or_make(self, key: Hashable, make: Callable[[], bytes]) -> bytes:
        body = self.get(key)
        if body is None:
            body = make()
            self.put(key, body)
        return body
