"""Login request and response."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from spendsense.auth.passwords import MAX_LENGTH
from spendsense.auth.tokens import Role


class LoginRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"username": "user_0001", "password": "a long passphrase", "role": "customer"},
                {"username": "ops", "password": "another long passphrase", "role": "operator"},
            ]
        },
    )

    username: str = Field(min_length=1, max_length=64, description="A customer's user id, or an operator's name.")
    password: str = Field(min_length=1, max_length=MAX_LENGTH)
    role: Role = Field(default="customer", description="Which kind of login `username` names.")


class Token(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "access_token": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...",
                    "token_type": "bearer",
                    "expires_in": 3600,
                    "role": "customer",
                    "subject": "user_0001",
                }
            ]
        }
    )

    access_token: str
    token_type: Literal["bearer"] = "bearer"  # noqa: S105  (OAuth 2 token type, not a secret)
    expires_in: int = Field(description="Seconds until the token expires.")
    role: Role
    subject: str = Field(description="The user id (customer) or operator name the token speaks for.")
