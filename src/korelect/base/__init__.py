"""Layer 0, the base: exact numbers, safe file reading and the one table model.

Nothing here knows about elections; every other layer may import it.
"""
