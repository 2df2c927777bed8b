"""The OpenAPI document: every operation has a success schema with an example, errors use the one error body,
and every example still validates against the model it documents."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute, iter_route_contexts
from fastapi.testclient import TestClient
from pydantic import TypeAdapter
from sqlalchemy import Engine

from spendsense.api.app import create_app
from spendsense.config import Settings

ERROR_BODY = "#/components/schemas/ErrorBody"


@pytest.fixture
def app(sqlite_engine: Engine, settings: Settings) -> FastAPI:
    """The document does not depend on the store: SQLite only."""
    return create_app(settings, sqlite_engine)


def operations(app: FastAPI) -> list[tuple[str, str, dict[str, Any]]]:
    paths = app.openapi()["paths"]
    return [(method.upper(), path, operation) for path, item in paths.items() for method, operation in item.items()]


def resolve(schema: dict[str, Any], components: dict[str, Any]) -> dict[str, Any]:
    ref = schema.get("$ref")
    return components[ref.rsplit("/", 1)[1]] if ref else schema


def success_examples(app: FastAPI, operation: dict[str, Any]) -> list[Any]:
    components = app.openapi()["components"]["schemas"]
    status = next(code for code in operation["responses"] if code.startswith("2"))
    content = operation["responses"][status].get("content", {}).get("application/json", {})
    if "example" in content:
        return [content["example"]]
    return list(resolve(content.get("schema", {}), components).get("examples", []))


class TestOpenApi:
    def test_every_operation_documents_a_success_example(self, app: FastAPI) -> None:
        missing = [f"{method} {path}" for method, path, op in operations(app) if not success_examples(app, op)]
        assert missing == []

    def test_every_error_response_is_the_error_body(self, app: FastAPI) -> None:
        wrong = []
        for method, path, operation in operations(app):
            for status, response in operation["responses"].items():
                schema = response.get("content", {}).get("application/json", {}).get("schema", {})
                if status.startswith(("4", "5")) and schema.get("$ref") != ERROR_BODY:
                    wrong.append(f"{method} {path} {status}")
        assert wrong == []

    def test_every_protected_operation_declares_bearer_auth(self, app: FastAPI) -> None:
        public = {("GET", "/api/health"), ("POST", "/api/auth/login")}
        unsecured = [
            f"{method} {path}"
            for method, path, operation in operations(app)
            if (method, path) not in public and not operation.get("security")
        ]
        assert unsecured == []


def source_examples(route: APIRoute) -> list[Any]:
    """The examples as written, before FastAPI renders them (it drops nulls from the document it serves)."""
    content = route.responses.get(200, {}).get("content", {}).get("application/json", {})
    if "example" in content:
        return [content["example"]]
    return list(TypeAdapter(route.response_model).json_schema().get("examples", []))


def test_every_example_validates_against_its_response_model(app: FastAPI) -> None:
    routes = [c.original_route for c in iter_route_contexts(app.routes) if isinstance(c.original_route, APIRoute)]
    checked = 0
    for route in routes:
        for example in source_examples(route):
            TypeAdapter(route.response_model).validate_python(example)
            checked += 1
    assert checked >= len(routes)


@pytest.mark.parametrize("path", ["/openapi.json", "/docs"])
def test_documentation_is_served(app: FastAPI, path: str) -> None:
    with TestClient(app) as client:
        assert client.get(path).status_code == 200
