"""Choosing who plays which part, from the running API (the generator decides who exists)."""

from __future__ import annotations

import httpx

PREFERRED_PERSONAS = ("high_utilization", "subscription_heavy", "fee_saver", "savings_builder", "variable_income")
FULL_HISTORY = 150  # transactions: months of data, so every chart has something to show


def choose(url: str, operator_token: str) -> tuple[str, str, str]:
    """(star, newcomer, other): two consenting customers with a full history, and a third customer."""
    headers = {"Authorization": f"Bearer {operator_token}"}
    with httpx.Client(base_url=url, headers=headers, timeout=10) as api:
        users = api.get("/api/users", params={"limit": 200}).json()["items"]

        def history(user_id: str) -> int:
            return int(api.get(f"/api/users/{user_id}/transactions", params={"limit": 1}).json()["total"])

        rich = [u for u in users if u["consent_granted"] and history(u["user_id"]) >= FULL_HISTORY]
    rank = {persona: i for i, persona in enumerate(PREFERRED_PERSONAS)}
    rich.sort(key=lambda u: (rank.get(u["persona_30d"], len(rank)), u["user_id"]))
    if len(rich) < 2:
        raise RuntimeError(f"the demo data has {len(rich)} consenting customers with a full history; 2 are needed")
    star, newcomer = rich[0]["user_id"], rich[-1]["user_id"]
    other = next(u["user_id"] for u in users if u["user_id"] not in {star, newcomer})
    return star, newcomer, other


def approve_an_offer(url: str, operator_token: str, user_id: str) -> None:
    """What an operator does before a customer sees a partner offer."""
    headers = {"Authorization": f"Bearer {operator_token}"}
    with httpx.Client(base_url=url, headers=headers, timeout=10) as api:
        query = {"user_id": user_id, "kind": "offer", "status": "pending", "limit": 1}
        pending = api.get("/api/operator/review", params=query).json()["items"]
        for item in pending:
            api.post(f"/api/operator/recommendations/{item['id']}/approve", json={"reason": ""}).raise_for_status()
