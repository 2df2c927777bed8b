"""Operator side: storing reviewed recommendations, the review queue, operator actions, the audit log, feedback."""
