"""SpendSense: explainable, consent-aware financial education from Plaid-style data."""

__version__ = "0.1.0"
