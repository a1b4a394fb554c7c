"""Side-by-side performance measurements of podium; run them all with `python -m benchmarks`."""
