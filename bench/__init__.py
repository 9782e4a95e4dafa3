"""Benchmark harness: see bench/README.md. Not imported by the site itself."""
