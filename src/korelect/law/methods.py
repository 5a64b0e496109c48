"""The apportionment methods the law and reforms name, by canonical name and alias.

The law since 1988 uses the Hare quota with largest remainders (공직선거법 art. 189);
reforms name others. The arithmetic of each lives in :mod:`korelect.engine.apportion`.
"""

from __future__ import annotations

from korelect.errors import InputError

QUOTA_METHODS = ("hare", "droop", "hagenbach-bischoff", "imperiali")
DIVISOR_METHODS = (
    "dhondt",
    "sainte-lague",
    "modified-sainte-lague",
    "adams",
    "huntington-hill",
    "dean",
)
METHODS = QUOTA_METHODS + DIVISOR_METHODS

_ALIASES = {
    "largest-remainder": "hare",
    "hamilton": "hare",
    "hare-niemeyer": "hare",
    "hb": "hagenbach-bischoff",
    "d'hondt": "dhondt",
    "jefferson": "dhondt",
    "webster": "sainte-lague",
    "saint-lague": "sainte-lague",
    "hill": "huntington-hill",
    "equal-proportions": "huntington-hill",
}


def method_name(method: str) -> str:
    """Return the canonical name of an apportionment method.

    >>> method_name("D'Hondt"), method_name("Hare_Niemeyer")
    ('dhondt', 'hare')
    """
    if not isinstance(method, str):
        raise InputError(f"'method' must be a string (got {method!r})")
    key = method.strip().lower().replace("_", "-").replace(" ", "-")
    key = _ALIASES.get(key, key)
    if key not in METHODS:
        raise InputError(f"'method' must be one of {', '.join(METHODS)} (got {method!r})")
    return key
