"""Who a token names, and the claims every SpendSense token carries (standard library only)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

Role = Literal["customer", "operator"]
ROLES: tuple[Role, ...] = get_args(Role)
ALGORITHM = "HS256"
ISSUER = "spendsense"
AUDIENCE = "spendsense-api"
REQUIRED_CLAIMS = ["exp", "iat", "sub", "role", "iss", "aud"]


@dataclass(frozen=True)
class Principal:
    role: Role
    subject: str

    @property
    def is_operator(self) -> bool:
        return self.role == "operator"

    def may_read(self, user_id: str) -> bool:
        """Operators read every customer; a customer reads only their own data."""
        return self.is_operator or self.subject == user_id

    @property
    def actor(self) -> str:
        """How audit and consent histories name this principal."""
        return f"{self.role}:{self.subject}"
