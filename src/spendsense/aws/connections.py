"""WebSocket connections of the API Gateway WebSocket API: kept in DynamoDB, written to through its management API.

A connection is stored with its audience: `customer#<user id>` for a customer, `operator`
for an operator, the rule of `spendsense.api.hub` (an event about a user reaches that
customer and every operator). A post that answers 410 Gone means the client left without
a $disconnect; its row is removed then.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from spendsense.aws.clients import error_code, http_status
from spendsense.kit.logging import get_logger

if TYPE_CHECKING:
    from spendsense.api.events import Event
    from spendsense.auth.tokens import Principal

log = get_logger(__name__)
AUDIENCE_INDEX = "audience"
OPERATORS = "operator"
# API Gateway closes a WebSocket connection after two hours; the row expires a little later.
TTL_SECONDS = 3 * 3600


def audience_of(role: str, subject: str) -> str:
    return OPERATORS if role == "operator" else f"customer#{subject}"


@dataclass(frozen=True)
class Connections:
    dynamodb: Any  # a boto3 DynamoDB client
    table: str

    def add(self, connection_id: str, principal: Principal, now: float | None = None) -> None:
        now = time.time() if now is None else now
        item = {
            "connection_id": {"S": connection_id},
            "audience": {"S": audience_of(principal.role, principal.subject)},
            "role": {"S": principal.role},
            "subject": {"S": principal.subject},
            "connected_at": {"N": str(int(now))},
            "expires_at": {"N": str(int(now) + TTL_SECONDS)},
        }
        self.dynamodb.put_item(TableName=self.table, Item=item)

    def remove(self, connection_id: str) -> None:
        self.dynamodb.delete_item(TableName=self.table, Key={"connection_id": {"S": connection_id}})

    def audience(self, user_id: str) -> list[str]:
        """Connections that may see an event about `user_id`: that customer's and every operator's."""
        return [
            connection_id
            for audience in (audience_of("customer", user_id), OPERATORS)
            for connection_id in self._query(audience)
        ]

    def _query(self, audience: str) -> list[str]:
        found: list[str] = []
        pages = self.dynamodb.get_paginator("query").paginate(
            TableName=self.table,
            IndexName=AUDIENCE_INDEX,
            KeyConditionExpression="audience = :audience",
            ExpressionAttributeValues={":audience": {"S": audience}},
            ProjectionExpression="connection_id",
        )
        for page in pages:
            found.extend(item["connection_id"]["S"] for item in page["Items"])
        return found


@dataclass(frozen=True)
class Pusher:
    connections: Connections
    management: Any  # a boto3 apigatewaymanagementapi client for the WebSocket API's stage

    def send(self, connection_id: str, message: dict[str, Any]) -> bool:
        """Post one message; False (and the connection forgotten) when the client is gone."""
        try:
            self.management.post_to_connection(ConnectionId=connection_id, Data=json.dumps(message).encode())
        except Exception as exc:
            if error_code(exc) == "GoneException" or http_status(exc) == 410:
                self.connections.remove(connection_id)
                log.info("websocket_gone", connection_id=connection_id)
                return False
            raise
        return True

    def publish(self, event: Event) -> int:
        """Send `event` to everyone who may see it; the number of clients reached."""
        message = event.to_json()
        return sum(self.send(connection_id, message) for connection_id in self.connections.audience(event.user_id))
