"""Rule-based categories and merchant names for descriptions that arrive without Plaid's enrichment.

Sandbox configurations carry only a free-text description; the signals need a
`personal_finance_category` and a stable merchant name to group recurring payments by.
The rules themselves are data in `category_rules`; this module only applies them.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from functools import lru_cache

from spendsense.ingest import category_rules as data


@dataclass(frozen=True)
class Described:
    pfc_primary: str
    pfc_detailed: str
    merchant_name: str | None
    payment_channel: str


@dataclass(frozen=True)
class _Rule:
    direction: str
    pattern: re.Pattern[str]
    detailed: str
    merchant: str | None


@lru_cache(maxsize=1)
def _rules() -> tuple[_Rule, ...]:
    return tuple(_Rule(d, re.compile(p, re.IGNORECASE), det, m) for d, p, det, m in data.RULES)


_REFUND = re.compile(data.REFUND_PATTERN, re.IGNORECASE)
_MERCHANT_FIELD = re.compile(r"merchant name:\s*(?P<name>.+)$", re.IGNORECASE)
# Bank-statement boilerplate in front of the merchant ("PURCHASE AUTHORIZED ON XX/XX ...").
_BOILERPLATE = re.compile(
    r"^(purchase authorized on \S+|checkcard \S+|mobile purchase \S+|pos purchase( tx)?|pos debit-?|debit:"
    r"|visa dda pur \S+|debit card purchase( at)?|dbt crd|debit card payment,?|ach (withdrawal|debit|payment)"
    r"|ccd debit,|bill pay|withdrawal|ckcd debit \S+|ach deposit,|now withdrawal|/)\s*",
    re.IGNORECASE,
)
_NOISE = re.compile(r"\d|X{2,}|•")
_ONLINE = re.compile(r"\bonline\b|\.com\b|\bweb\b|internet|\bamzn\b|paypal", re.IGNORECASE)
_IN_STORE = re.compile(r"\bpos\b|purchase|checkcard|debit card|dbt crd|\bstore\b|#\s?\d", re.IGNORECASE)
MAX_MERCHANT_WORDS = 5


def primary_of(detailed: str) -> str:
    """Plaid's detailed categories start with their primary; the longest matching primary wins."""
    matches = [primary for primary in data.PRIMARIES if detailed.startswith(primary + "_")]
    if not matches:
        raise ValueError(f"{detailed!r} starts with no known primary category")
    return max(matches, key=len)


def _match(description: str, amount_cents: int) -> _Rule | None:
    direction = "in" if amount_cents < 0 else "out"
    for rule in _rules():
        if rule.direction in (direction, "any") and rule.pattern.search(description):
            return rule
    return None


def _detailed(rule: _Rule | None, description: str, amount_cents: int) -> str:
    if rule is not None:
        return rule.detailed
    if amount_cents >= 0 or _REFUND.search(description):
        return data.UNKNOWN_OUTFLOW
    return data.UNKNOWN_INFLOW


def categorize(description: str, amount_cents: int) -> tuple[str, str]:
    """(primary, detailed) for a description and its Plaid-signed amount; unknowns by direction."""
    detailed = _detailed(_match(description, amount_cents), description, amount_cents)
    return primary_of(detailed), detailed


def clean_merchant_name(description: str) -> str | None:
    """A readable, stable merchant name: boilerplate, masked numbers, store numbers and codes removed."""
    named = _MERCHANT_FIELD.search(description)
    text = named.group("name") if named else description
    text = text.replace("\u00ac\u2020", " ").replace(
        "\xa0", " "
    )  # a mis-decoded no-break space, as seen in bank exports
    text = re.split(r"[*#;]", text, maxsplit=1)[0]
    previous = None
    while previous != text:
        previous, text = text, _BOILERPLATE.sub("", text.strip())
    kept: list[str] = []
    for word in (word for word in text.split() if word not in {"-", "/"}):
        if _NOISE.search(word):
            if kept:
                break
            continue  # leading masked numbers ("XXXX Sprint Wireless"): skip, the name follows
        kept.append(word.strip(",:"))
    kept = [word for word in kept if word][:MAX_MERCHANT_WORDS]
    if not kept:
        return None
    name = " ".join(kept)
    return string.capwords(name) if name.isupper() else name


def payment_channel(description: str, pfc_primary: str) -> str:
    if pfc_primary in data.NO_CHANNEL_PRIMARIES:
        return "other"
    if _ONLINE.search(description):
        return "online"
    return "in store" if _IN_STORE.search(description) else "other"


def describe(description: str, amount_cents: int) -> Described:
    """Category, merchant name and payment channel, as Plaid's enrichment would have supplied them."""
    rule = _match(description, amount_cents)
    detailed = _detailed(rule, description, amount_cents)
    merchant = rule.merchant if rule is not None and rule.merchant else clean_merchant_name(description)
    primary = primary_of(detailed)
    return Described(primary, detailed, merchant, payment_channel(description, primary))
