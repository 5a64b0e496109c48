"""Layer 4, analysis: what is computed from elections.

Indices, comparisons under other rules, swings, simulations (and their Dask cluster),
the audit of the sources against each other, and the article reader and checker.
"""
