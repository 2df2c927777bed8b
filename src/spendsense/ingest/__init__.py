"""Ingest: Plaid payloads (kept raw, then normalized), sandbox configurations, generator output.

Entry points (`service`): `ingest_paths(engine, paths, user_id=None)` for files and
directories, `ingest_payload(session, user_id, body)` for one body in the caller's
transaction. Module roles: `payloads` / `sandbox_payloads` (pydantic models), `detect`
(which body is it), `parse` (phase one: bytes -> validated rows), `sandbox` (configuration ->
Plaid view), `categorize` + `category_rules` (categories and merchant names for raw
descriptions), `business` (holder category of sandbox accounts), `normalize` (models -> rows),
`load` (rows -> store), `generator` (output directories), `bulk*` (the Parquet scale path).

Decisions worth knowing:
- Two phases: every input is validated and normalized before anything is written; then one
  transaction stores each raw payload (exact text, SHA-256) before its rows. A payload whose
  (user, source, SHA-256) is already stored is skipped, so a repeated ingest changes nothing.
- Sign: Plaid's (positive = money out), everywhere. The sandbox configurations use the same
  sign (paychecks, benefits and refunds are negative), so their amounts are kept as given.
- Sandbox dates: `date` is `date_posted`, `authorized_date` is `date_transacted`; a posted date
  before the transacted one (selfEmployedGiguser's fees, posted a year early) is a typo in the
  file and the transacted date is used, so those fees fall inside the file's own history.
- Pending -> posted: a posted transaction naming a stored pending one deletes it, on both paths.
- Bulk raw payloads: one `raw_payloads` row per user (source `generator:parquet`) recording the
  manifest entry and each file's SHA-256, rather than gigabytes of Parquet as text; the store
  requires a user for every raw payload, and per-user provenance is what a rebuild needs.
"""
