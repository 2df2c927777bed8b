"""Is a sandbox account a business account? Configurations have no holder_category, so we infer it.

A personal account pays a merchant now and then; a business account pays business vendors
(payroll processors, SBA loans, SaaS, business insurance) again and again. An explicit
`holder_category` in the configuration always wins over this inference.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spendsense.ingest.sandbox_payloads import SandboxAccount

# Outflows only a business makes. Payroll paid *to* a payroll processor, not received from one.
_MARKERS = re.compile(
    r"\b(gusto|paychex|adp payroll|sba loan|brex|hubspot|twilio|calendly|typeform|amazon web services|hiscox"
    r"|labor&industries|intuit)\b",
    re.IGNORECASE,
)
MIN_DISTINCT_MARKERS = 3
MIN_MARKED_SHARE = 0.25


def _marker_hits(descriptions: Sequence[str]) -> tuple[int, set[str]]:
    hits, distinct = 0, set()
    for description in descriptions:
        found = {match.lower() for match in _MARKERS.findall(description)}
        if found:
            hits += 1
            distinct |= found
    return hits, distinct


def holder_category(account: SandboxAccount) -> str:
    """`business` or `personal`: the configuration's own value if it has one, else inferred."""
    if account.holder_category:
        return account.holder_category
    outflows = [t.description for t in account.transactions if t.description and (t.amount or 0) > 0]
    hits, distinct = _marker_hits(outflows)
    is_business = len(distinct) >= MIN_DISTINCT_MARKERS and hits >= MIN_MARKED_SHARE * max(len(outflows), 1)
    return "business" if is_business else "personal"
