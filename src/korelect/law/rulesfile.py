"""Rules files: a reform scenario in TOML, with the same fields as :class:`korelect.Rules`.

A file may start from an election's law with ``base = YEAR`` and change only
what differs; every field it names is checked, and an unknown or invalid one
is reported with the file and the field::

    name = "2024 with a 5% threshold"
    base = 2024
    threshold = "5% OR 5 seats"

    # or a whole system:
    name = "200 districts + 100 compensatory list seats"
    total_seats = 300
    district_seats = 200
    district_magnitude = 1    # members per district (1973–1985: 2)
    threshold = "3%"
    vote_basis = "list"
    ties = "lot"
    [list_tier]
    formula = "linked"        # none | first-party-bounds | appointed |
                              # first-party-fixed-share | seat-share | proportional | linked
    compensation = "1"        # 1/2 in 2020 and 2024; 1 is fully compensatory

``rules_to_toml`` writes any rules in this format, and reading it back gives
the same rules.

A rules file must be a regular file of at most 1 MiB
(:data:`~korelect.base.files.MAX_TOML_BYTES`), in UTF-8, whose arrays and tables nest
at most 32 deep (:data:`~korelect.base.files.MAX_TOML_DEPTH`); anything else is one
:class:`~korelect.errors.RulesFileError` naming the file and the limit.
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Mapping
from dataclasses import fields
from fractions import Fraction
from pathlib import Path

from korelect.base.files import MAX_TOML_BYTES, MAX_TOML_DEPTH, read_bytes, toml_depth
from korelect.base.numbers import exact_str
from korelect.errors import FileFormatError, RulesError, RulesFileError
from korelect.law.registry import rules_for
from korelect.law.rules import FORMULAS, FirstPartyBonus, Rules, tier_from_mapping
from korelect.law.thresholds import Condition

_TOP = (
    "name",
    "base",
    "year",
    "assembly",
    "total_seats",
    "district_seats",
    "district_magnitude",
    "threshold",
    "vote_basis",
    "ties",
    "law",
    "sources",
    "open_points",
    "list_tier",
)
_OPTIONAL_NONE = (
    "cap",
    "share_decimals",
    "bonus",
    "minor_party_seat",
    "threshold",
    "year",
    "assembly",
)


def _suggest(word: str, choices: tuple[str, ...] | list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _clean(data: Mapping[str, object], path: str, prefix: str = "") -> dict[str, object]:
    """Turn TOML's "none" strings into None where a field may be absent; refuse floats."""
    out: dict[str, object] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, float):
            raise RulesFileError(
                f'must be exact: write it as a string such as "3%" or "1/2" (got {value!r})',
                path=path,
                field=name,
            )
        if isinstance(value, str) and value.strip().lower() == "none" and key in _OPTIONAL_NONE:
            out[key] = None
        elif isinstance(value, Mapping):
            out[key] = _clean(value, path, f"{name}.")
        else:
            out[key] = value
    return out


def load_rules(source: str | Path, *, text: str | None = None) -> Rules:
    r"""Read rules from a TOML file (or from ``text``, reported under the name ``source``).

    >>> r = load_rules("scenario.toml", text='name = "2024, 5%"\nbase = 2024\nthreshold = "5%"')
    >>> r.name, str(r.threshold), r.list_seats
    ('2024, 5%', '5%', 46)
    >>> load_rules("bad.toml", text='base = 2024\ntreshold = "5%"')
    Traceback (most recent call last):
    ...
    korelect.errors.RulesFileError: bad.toml: field 'treshold':
    unknown field (did you mean 'threshold'?)
    """
    path = str(source)
    if text is None:
        try:
            raw_bytes = read_bytes(source, limit=MAX_TOML_BYTES, what="a rules file")
        except FileFormatError as exc:
            raise RulesFileError(exc.detail, path=path) from None
        try:
            text = raw_bytes.decode("utf-8")
        except UnicodeDecodeError:
            raise RulesFileError("is not UTF-8 text", path=path) from None
    return rules_from_mapping(_parse_toml(text, path), path=path)


def _parse_toml(text: str, path: str) -> dict[str, object]:
    """TOML ``text`` from ``path``, nested at most :data:`~korelect.base.files.MAX_TOML_DEPTH`.

    Raises :class:`~korelect.errors.RulesFileError` for text that is not TOML or is nested
    too deeply to parse safely, before the parser recurses into it.

    >>> _parse_toml("x = " + "[" * 5000 + "]" * 5000, "deep.toml")
    Traceback (most recent call last):
    ...
    korelect.errors.RulesFileError: deep.toml: nests arrays or tables 5000 deep;
    the limit is 32
    """
    depth = toml_depth(text)
    if depth > MAX_TOML_DEPTH:
        raise RulesFileError(
            f"nests arrays or tables {depth} deep; the limit is {MAX_TOML_DEPTH}", path=path
        )
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RulesFileError(f"not valid TOML: {exc}", path=path) from None
    except RecursionError:  # only if the depth scan and the parser ever disagree
        raise RulesFileError(
            f"nests too deeply to read (the limit is {MAX_TOML_DEPTH})", path=path
        ) from None


def rules_from_mapping(raw: Mapping[str, object], *, path: str = "<rules>") -> Rules:
    """Build rules from a mapping with the fields of a rules file."""
    for key in raw:
        if key not in _TOP:
            raise RulesFileError(f"unknown field{_suggest(key, _TOP)}", path=path, field=key)
    data = _clean(raw, path)
    base_year = data.pop("base", None)
    tier_data = data.pop("list_tier", None)
    if tier_data is not None and not isinstance(tier_data, Mapping):
        raise RulesFileError("must be a table ([list_tier])", path=path, field="list_tier")
    try:
        if base_year is not None:
            if isinstance(base_year, bool) or not isinstance(base_year, int):
                raise RulesFileError(
                    f"must be an election year such as 2024 (got {base_year!r})",
                    path=path,
                    field="base",
                )
            try:
                base = rules_for(base_year)
            except RulesError as exc:
                raise RulesFileError(str(exc), path=path, field="base") from None
            changes: dict[str, object] = {"year": None, "assembly": None, **data}
            if "name" not in changes:
                changes["name"] = f"{base.name}, modified"
            if tier_data is not None:
                changes["list_tier"] = _merged_tier(base, tier_data)
            for key in ("sources", "open_points"):
                if key in changes:
                    changes[key] = _strings(changes[key], path, key)
            return base.replace(**changes)
        for key in ("name", "total_seats", "district_seats"):
            if key not in data:
                raise RulesFileError(
                    "is required (or start from an election with base = YEAR)",
                    path=path,
                    field=key,
                )
        if tier_data is None:
            raise RulesFileError(
                "is required: a [list_tier] table with formula = "
                + ", ".join(f'"{name}"' for name in FORMULAS),
                path=path,
                field="list_tier",
            )
        for key in ("sources", "open_points"):
            if key in data:
                data[key] = _strings(data[key], path, key)
        return Rules(list_tier=tier_from_mapping(tier_data), **data)  # type: ignore[arg-type]
    except RulesFileError:
        raise
    except RulesError as exc:
        raise RulesFileError(str(exc), path=path) from None
    except TypeError as exc:
        raise RulesFileError(f"invalid value: {exc}", path=path) from None


def _strings(value: object, path: str, field: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RulesFileError(
            f'must be a list of strings such as ["S1 ..."] (got {value!r})', path=path, field=field
        )
    return tuple(value)


def _merged_tier(base: Rules, tier_data: Mapping[str, object]) -> object:
    formula = tier_data.get("formula", base.formula)
    merged: dict[str, object] = {}
    if formula == base.formula:
        for f in fields(base.list_tier):
            merged[f.name] = getattr(base.list_tier, f.name)
    merged.update(tier_data)
    merged["formula"] = formula
    return tier_from_mapping(merged)


def _toml_value(value: object) -> str:
    if value is None:
        return '"none"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Fraction):
        return f'"{exact_str(value)}"'
    if isinstance(value, Condition):
        return f'"{value}"'
    if isinstance(value, tuple | list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return _toml_string(str(getattr(value, "value", value)))


def _toml_string(text: str) -> str:
    """A TOML basic string: backslash, quote and control characters escaped."""
    out = []
    for ch in text:
        if ch in ('"', "\\"):
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def rules_to_toml(rules: Rules) -> str:
    """Write rules as a rules file that :func:`load_rules` reads back to the same rules.

    >>> from korelect import rules_for
    >>> text = rules_to_toml(rules_for(2020))
    >>> load_rules("x.toml", text=text) == rules_for(2020)
    True
    >>> print(rules_to_toml(rules_for(1981)).split("[list_tier]")[1].strip())
    formula = "first-party-fixed-share"
    share = "2/3"
    rounding = "down"
    basis = "district seats"
    method = "hare"
    """
    lines = [
        "# korelect rules file: edit any field and run",
        "#   korelect allocate FILE.csv --rules THIS.toml",
        "",
    ]
    names = [f.name for f in fields(rules) if f.name not in ("list_tier", "district_magnitude")]
    names.insert(names.index("district_seats") + 1, "district_magnitude")
    lines += [f"{name} = {_toml_value(getattr(rules, name))}" for name in names]
    lines += ["", "[list_tier]", f'formula = "{rules.formula}"']
    bonus: FirstPartyBonus | None = None
    for f in fields(rules.list_tier):
        value = getattr(rules.list_tier, f.name)
        if isinstance(value, FirstPartyBonus):
            bonus = value
            continue
        lines.append(f"{f.name} = {_toml_value(value)}")
    if bonus is not None:
        lines += ["", "[list_tier.bonus]"]
        lines += [f"{f.name} = {_toml_value(getattr(bonus, f.name))}" for f in fields(bonus)]
    return "\n".join(lines) + "\n"
