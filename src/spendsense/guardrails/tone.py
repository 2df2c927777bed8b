"""Tone: no shaming or judgmental language in anything a customer reads.

The patterns are data (`tone_patterns.json`), each with an example sentence it must catch;
the file is validated at load, so a broken or toothless pattern never ships.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from pydantic import BaseModel, ConfigDict, Field, model_validator

from spendsense.guardrails.types import Candidate, Check, ReviewContext

MIN_PATTERNS = 30


class TonePattern(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(min_length=1)
    pattern: str = Field(min_length=1)
    example: str = Field(min_length=1)

    @model_validator(mode="after")
    def _catches_its_example(self) -> TonePattern:
        if not re.search(self.pattern, normalize(self.example), re.IGNORECASE):
            raise ValueError(f"tone pattern {self.id!r} does not match its own example")
        return self


class ToneRules(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    patterns: tuple[TonePattern, ...] = Field(min_length=MIN_PATTERNS)


def normalize(text: str) -> str:
    """Curly apostrophes are common in copied text; match them like straight ones."""
    return text.replace("\u2019", "'").replace("\u2018", "'")


@lru_cache(maxsize=1)
def compiled_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    raw = resources.files("spendsense.guardrails").joinpath("tone_patterns.json").read_text(encoding="utf-8")
    rules = ToneRules.model_validate(json.loads(raw))
    return tuple((p.id, re.compile(p.pattern, re.IGNORECASE)) for p in rules.patterns)


@lru_cache(maxsize=1)
def _screen() -> re.Pattern[str]:
    """All patterns as one alternation: one scan tells whether any pattern matches at all."""
    return re.compile("|".join(f"(?:{regex.pattern})" for _, regex in compiled_patterns()), re.IGNORECASE)


@lru_cache(maxsize=8192)
def _violations(text: str) -> tuple[tuple[str, str], ...]:
    # Cached: catalog titles and paragraphs repeat for every user; only rationales vary.
    normalized = normalize(text)
    if not _screen().search(normalized):
        return ()
    return tuple(
        (pattern_id, match.group(0)) for pattern_id, regex in compiled_patterns() if (match := regex.search(normalized))
    )


def tone_violations(text: str) -> list[dict[str, str]]:
    """Every pattern the text matches, with the words that matched."""
    return [{"pattern": pattern_id, "match": words} for pattern_id, words in _violations(text)]


def check_tone(candidate: Candidate, _context: ReviewContext) -> Check:
    hits = [hit for text in candidate.texts() for hit in tone_violations(text)]
    if not hits:
        return Check("tone", True)
    words = ", ".join(sorted({hit["match"] for hit in hits}))
    return Check("tone", False, f"judgmental language: {words}", {"violations": hits})
