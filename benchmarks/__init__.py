"""Benchmarks: each prints measured figures and a ratio against a baseline run side by side."""
