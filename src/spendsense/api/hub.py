"""The in-process event hub behind `/ws`: each connection subscribes with its principal.

An operator receives every event; a customer only events about their own user id.
`publish` may be called from any thread (routes run in a thread pool): delivery is
handed to each subscriber's event loop. A subscriber that falls `max_queue` events
behind is marked overflowed, and its connection is closed so the client reloads.
"""

from __future__ import annotations

import asyncio
import threading
from dataclasses import dataclass, field

from spendsense.api.events import Event
from spendsense.auth.tokens import Principal


@dataclass(eq=False)
class Subscription:
    principal: Principal
    loop: asyncio.AbstractEventLoop
    queue: asyncio.Queue[Event]
    overflowed: bool = field(default=False)

    def wants(self, event: Event) -> bool:
        return self.principal.may_read(event.user_id)

    def offer(self, event: Event) -> None:
        """Runs on the subscriber's loop."""
        try:
            self.queue.put_nowait(event)
        except asyncio.QueueFull:
            self.overflowed = True


class EventHub:
    def __init__(self, max_queue: int = 256) -> None:
        self._max_queue = max_queue
        self._subscriptions: set[Subscription] = set()
        self._lock = threading.Lock()

    def subscribe(self, principal: Principal) -> Subscription:
        """Call from the connection's event loop."""
        subscription = Subscription(principal, asyncio.get_running_loop(), asyncio.Queue(self._max_queue))
        with self._lock:
            self._subscriptions.add(subscription)
        return subscription

    def unsubscribe(self, subscription: Subscription) -> None:
        with self._lock:
            self._subscriptions.discard(subscription)

    def publish(self, event: Event) -> None:
        with self._lock:
            targets = [s for s in self._subscriptions if s.wants(event)]
        for subscription in targets:
            try:
                subscription.loop.call_soon_threadsafe(subscription.offer, event)
            except RuntimeError:  # its loop has closed: the connection is gone
                self.unsubscribe(subscription)

    @property
    def subscriber_count(self) -> int:
        with self._lock:
            return len(self._subscriptions)
