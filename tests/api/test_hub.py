"""The in-process hub and the commit-bound event outbox, without HTTP."""

from __future__ import annotations

import asyncio
import threading

from sqlalchemy import Engine

from spendsense.api.events import Event, bind_publisher, emit
from spendsense.api.hub import EventHub
from spendsense.auth.tokens import Principal
from spendsense.kit.clock import utcnow
from spendsense.kit.db import session_scope
from spendsense.models import User

ALICE, BOB, OPS = Principal("customer", "alice"), Principal("customer", "bob"), Principal("operator", "ops")


class Recorder:
    def __init__(self) -> None:
        self.events: list[Event] = []

    def publish(self, event: Event) -> None:
        self.events.append(event)


class TestEventHub:
    def test_operator_gets_everything_and_a_customer_only_their_own(self) -> None:
        async def scenario() -> tuple[list[str], list[str]]:
            hub = EventHub()
            alice, ops = hub.subscribe(ALICE), hub.subscribe(OPS)
            for user in ("bob", "alice", "bob"):
                hub.publish(Event("consent.changed", user))
            await asyncio.sleep(0)  # deliveries are scheduled on this loop
            drained = ([], [])
            for queue, out in ((alice.queue, drained[0]), (ops.queue, drained[1])):
                while not queue.empty():
                    out.append(queue.get_nowait().user_id)
            return drained

        assert asyncio.run(scenario()) == (["alice"], ["bob", "alice", "bob"])

    def test_publish_from_another_thread_reaches_the_loop(self) -> None:
        async def scenario() -> str:
            hub = EventHub()
            subscription = hub.subscribe(OPS)
            worker = threading.Thread(target=hub.publish, args=(Event("feedback.received", "alice"),))
            worker.start()
            event = await subscription.queue.get()
            worker.join()
            return event.type

        assert asyncio.run(scenario()) == "feedback.received"

    def test_a_subscriber_that_falls_behind_is_marked_overflowed(self) -> None:
        async def scenario() -> tuple[bool, int]:
            hub = EventHub(max_queue=2)
            subscription = hub.subscribe(OPS)
            for _ in range(3):
                hub.publish(Event("consent.changed", "alice"))
            await asyncio.sleep(0)
            return subscription.overflowed, subscription.queue.qsize()

        assert asyncio.run(scenario()) == (True, 2)

    def test_unsubscribed_connections_get_nothing(self) -> None:
        async def scenario() -> int:
            hub = EventHub()
            subscription = hub.subscribe(OPS)
            hub.unsubscribe(subscription)
            hub.publish(Event("consent.changed", "alice"))
            await asyncio.sleep(0)
            return subscription.queue.qsize()

        assert asyncio.run(scenario()) == 0


class TestEmit:
    def test_events_are_published_after_commit(self, engine: Engine) -> None:
        recorder = Recorder()
        with session_scope(engine) as session:
            bind_publisher(session, recorder)
            emit(session, Event("consent.changed", "alice"))
            assert recorder.events == []
        assert [event.user_id for event in recorder.events] == ["alice"]

    def test_events_are_dropped_on_rollback(self, engine: Engine) -> None:
        recorder = Recorder()
        try:
            with session_scope(engine) as session:
                bind_publisher(session, recorder)
                emit(session, Event("consent.changed", "alice"))
                raise RuntimeError("the change failed")
        except RuntimeError:
            pass
        assert recorder.events == []

    def test_a_failing_publisher_does_not_undo_the_commit(self, engine: Engine) -> None:
        attempts: list[Event] = []

        class Broken:
            def publish(self, event: Event) -> None:
                attempts.append(event)
                raise ConnectionError("transport down")

        with session_scope(engine) as session:
            bind_publisher(session, Broken())
            session.add(User(user_id="alice", name="Ada Example", created_at=utcnow()))
            emit(session, Event("consent.changed", "alice"))
        with session_scope(engine) as session:
            assert session.get(User, "alice") is not None
        assert len(attempts) == 1
