"""HTTP API: create_app() and routers per domain."""
