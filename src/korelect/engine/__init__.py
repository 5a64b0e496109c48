"""Layer 2, the engine: pure, exact seat arithmetic under a :class:`~korelect.Rules`.

Entries in, an :class:`~korelect.Allocation` with its audit trail out: apportionment
methods, thresholds, ties settled by the law's rule, the list-tier formula families
(one registry, :mod:`korelect.engine.formulas.registry`) and their vectorised batch
paths. The engine reads no files and knows no election's data; it imports only the law
and the base.
"""
