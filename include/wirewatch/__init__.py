"""Wirewatch: scheduled news monitoring."""
