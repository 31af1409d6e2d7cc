"""Events (stub)."""
from __future__ import annotations


def extract_events(context):
    return []
