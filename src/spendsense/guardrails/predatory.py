"""Predatory products: a blocklist in code, not in data, so that no catalog or setting can serve one.

The catalog loader rejects a file that lists such an offer, and `review` blocks one all
the same, in case a candidate is ever built some other way.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spendsense.guardrails.types import Candidate, Check, ReviewContext

BLOCKED_CATEGORIES = frozenset(
    {
        "payday_loan",
        "title_loan",
        "auto_title_loan",
        "cash_advance",
        "merchant_cash_advance",
        "rent_to_own",
        "lease_to_own",
        "pawn_loan",
        "check_cashing",
        "refund_anticipation_loan",
        "debt_settlement",
        "credit_repair",
    }
)

BLOCKED_KEYWORDS = re.compile(
    r"\b(?:payday|pay\s*day\s+loan|title\s+loans?|car\s+title|auto\s+title|cash\s+advances?|"
    r"rent[\s-]+to[\s-]+own|lease[\s-]+to[\s-]+own|pawn(?:shop|\s+loans?)?|check[\s-]+cashing|"
    r"refund\s+anticipation|no[\s-]+credit[\s-]+check\s+loans?|guaranteed\s+approval|debt\s+settlement|"
    r"credit\s+repair)\b",
    re.IGNORECASE,
)

# Above 36% APR a loan is high-cost under the Military Lending Act and most state usury caps.
MAX_APR_PCT = 36.0


@lru_cache(maxsize=1024)
def _reasons(category: str, texts: tuple[str, ...], apr_max_pct: float | None) -> tuple[str, ...]:
    reasons = []
    if category.strip().lower() in BLOCKED_CATEGORIES:
        reasons.append(f"category {category!r} is blocked")
    words = sorted(
        {m.group(0).lower() for text in (category.replace("_", " "), *texts) for m in BLOCKED_KEYWORDS.finditer(text)}
    )
    if words:
        reasons.append(f"blocked wording: {', '.join(words)}")
    if apr_max_pct is not None and apr_max_pct > MAX_APR_PCT:
        reasons.append(f"APR up to {apr_max_pct:g}% is above the {MAX_APR_PCT:g}% cap")
    return tuple(reasons)


def predatory_reasons(category: str, texts: tuple[str, ...], apr_max_pct: float | None) -> list[str]:
    """Why an offer counts as predatory (empty when it does not). Cached: offers repeat for every user."""
    return list(_reasons(category, texts, apr_max_pct))


def check_predatory(candidate: Candidate, _context: ReviewContext) -> Check:
    # Education may discuss payday loans (how to avoid them); only products are blocked.
    if candidate.kind != "offer":
        return Check("predatory", True)
    texts = (candidate.title, candidate.summary, *candidate.body, candidate.partner or "")
    reasons = predatory_reasons(candidate.category, texts, candidate.apr_max_pct)
    if not reasons:
        return Check("predatory", True)
    return Check("predatory", False, "; ".join(reasons), {"category": candidate.category})
