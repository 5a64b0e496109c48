"""The engine's vectorised paths: many allocations at once in NumPy, exact in integers."""
