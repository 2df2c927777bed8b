"""Logins against the store: authenticate, operators, customer passwords."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from spendsense.auth import service
from spendsense.auth.errors import InvalidCredentials
from spendsense.auth.tokens import Principal
from spendsense.kit.db import session_scope
from spendsense.kit.errors import InvalidInput, NotFound
from tests.api.factories import PASSWORD, add_customer


class TestAuthenticate:
    def test_customer_and_operator(self, engine: Engine) -> None:
        add_customer(engine, "alice")
        with session_scope(engine) as session:
            service.set_operator_password(session, "ops", "an operator passphrase")
        with session_scope(engine) as session:
            assert service.authenticate(session, "alice", PASSWORD, "customer") == Principal("customer", "alice")
            assert service.authenticate(session, "ops", "an operator passphrase", "operator").is_operator

    def test_a_role_mismatch_is_refused(self, engine: Engine) -> None:
        add_customer(engine, "alice")
        with session_scope(engine) as session, pytest.raises(InvalidCredentials):
            service.authenticate(session, "alice", PASSWORD, "operator")


class TestOperators:
    def test_ensure_creates_once_with_an_unknown_password(self, engine: Engine) -> None:
        with session_scope(engine) as session:
            assert service.ensure_operator(session, "ops") is True
            assert service.ensure_operator(session, "ops") is False
            with pytest.raises(InvalidCredentials):
                service.authenticate(session, "ops", "spendsense-demo", "operator")

    @pytest.mark.parametrize("name", ["", "Ops", "o", "has space", "x" * 65])
    def test_bad_names_are_refused(self, engine: Engine, name: str) -> None:
        with session_scope(engine) as session, pytest.raises(InvalidInput):
            service.ensure_operator(session, name)

    def test_login_names_lists_operators_and_customers_with_a_password(self, engine: Engine) -> None:
        for user in ("c", "a", "b"):
            add_customer(engine, user)
        with session_scope(engine) as session:
            service.ensure_operator(session, "ops")
            assert service.login_names(session, 2) == (["ops"], ["a", "b"])


class TestCustomerPasswords:
    def test_setting_a_new_password_replaces_the_old(self, engine: Engine) -> None:
        add_customer(engine, "alice")
        with session_scope(engine) as session:
            service.set_customer_password(session, "alice", "a brand new passphrase")
        with session_scope(engine) as session:
            assert service.authenticate(session, "alice", "a brand new passphrase", "customer")
            with pytest.raises(InvalidCredentials):
                service.authenticate(session, "alice", PASSWORD, "customer")

    def test_an_unknown_customer_is_refused(self, engine: Engine) -> None:
        with session_scope(engine) as session, pytest.raises(NotFound):
            service.set_customer_password(session, "nobody", "a long passphrase")
