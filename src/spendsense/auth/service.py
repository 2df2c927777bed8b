"""Logins: check a password, create operators, set passwords. Services never commit (the caller does)."""

from __future__ import annotations

import re
import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from spendsense.auth.errors import InvalidCredentials
from spendsense.auth.passwords import hash_password, needs_rehash, verify_password
from spendsense.auth.tokens import Principal, Role
from spendsense.kit.clock import utcnow
from spendsense.kit.errors import InvalidInput, NotFound
from spendsense.models import CustomerCredential, Operator, User

OPERATOR_NAME = re.compile(r"^[a-z][a-z0-9_.-]{1,63}$")
# One message for an unknown name and a wrong password, so a login form cannot be used to find accounts.
BAD_LOGIN = "the name or the password is not right"


def _stored_hash(session: Session, username: str, role: Role) -> CustomerCredential | Operator | None:
    if role == "operator":
        return session.get(Operator, username)
    return session.get(CustomerCredential, username)


def authenticate(session: Session, username: str, password: str, role: Role) -> Principal:
    """The principal for a right password; InvalidCredentials otherwise (same cost whether or not the name exists)."""
    row = _stored_hash(session, username, role)
    if not verify_password(row.password_hash if row else None, password) or row is None:
        raise InvalidCredentials(BAD_LOGIN)
    if needs_rehash(row.password_hash):
        row.password_hash = hash_password(password)
    return Principal(role=role, subject=username)


def check_operator_name(name: str) -> None:
    if not OPERATOR_NAME.match(name):
        raise InvalidInput(f"operator name {name!r} must be 2-64 lower-case letters, digits, '.', '_' or '-'")


def set_operator_password(session: Session, name: str, password: str) -> Operator:
    """Create the operator, or give an existing one a new password."""
    check_operator_name(name)
    password_hash = hash_password(password)
    operator = session.get(Operator, name)
    if operator is None:
        operator = Operator(name=name, password_hash=password_hash, created_at=utcnow())
        session.add(operator)
    else:
        operator.password_hash = password_hash
    session.flush()
    return operator


def ensure_operator(session: Session, name: str) -> bool:
    """Create the operator if missing (True when created), with a random password nobody knows.

    Such an operator works through issued tokens only until a password is set.
    """
    check_operator_name(name)
    if session.get(Operator, name) is not None:
        return False
    set_operator_password(session, name, secrets.token_urlsafe(32))
    return True


def operator_exists(session: Session, name: str) -> bool:
    return session.get(Operator, name) is not None


def set_customer_password(session: Session, user_id: str, password: str) -> None:
    if session.get(User, user_id) is None:
        raise NotFound(f"no user {user_id!r}", user_id=user_id)
    password_hash = hash_password(password)
    credential = session.get(CustomerCredential, user_id)
    if credential is None:
        session.add(CustomerCredential(user_id=user_id, password_hash=password_hash, updated_at=utcnow()))
    else:
        credential.password_hash, credential.updated_at = password_hash, utcnow()
    session.flush()


def login_names(session: Session, customers: int) -> tuple[list[str], list[str]]:
    """Operator names, and the first `customers` user ids that have a password (for `spendsense serve`)."""
    operators = list(session.scalars(select(Operator.name).order_by(Operator.name)))
    query = select(CustomerCredential.user_id).order_by(CustomerCredential.user_id).limit(customers)
    return operators, list(session.scalars(query))
