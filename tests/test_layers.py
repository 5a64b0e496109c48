"""The architecture as a test: layers import only downward, and nothing imports in a cycle.

Every ``import`` in ``src/korelect`` counts, those inside functions and under
``TYPE_CHECKING`` included: a cycle kept apart by an import inside a function is
still a cycle. The layers are drawn in ``docs/ARCHITECTURE.md``.
"""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

import pytest

import korelect
from korelect import errors

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = SRC / "korelect"

# Lowest first. A module may import modules of its own rank or below.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("base", ("korelect.errors", "korelect.base")),
    ("law", ("korelect.law",)),
    ("engine", ("korelect.engine",)),
    ("record", ("korelect.record",)),
    ("analysis", ("korelect.analysis",)),
    ("views", ("korelect.views",)),
    ("interfaces: charts", ("korelect.charts",)),
    ("interfaces: web", ("korelect.web",)),
    ("interfaces: cli", ("korelect.cli", "korelect.__main__")),
    ("the public API", ("korelect",)),
)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def rank(module: str) -> int:
    best = (-1, -1)
    for i, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if module == prefix or module.startswith(prefix + "."):
                best = max(best, (len(prefix), i))
    assert best[1] >= 0, f"{module} belongs to no layer: add it to LAYERS and ARCHITECTURE.md"
    return best[1]


def imports(module: str) -> set[str]:
    """Every korelect module that ``module`` imports, wherever the import statement is."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "korelect")
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            if target.split(".")[0] != "korelect":
                continue
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.add(sub if sub in MODULES else target)
    found.discard(module)
    return {m for m in found if m in MODULES}


GRAPH = {m: imports(m) for m in MODULES}


def test_every_module_belongs_to_a_layer() -> None:
    for module in MODULES:
        rank(module)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_only_downward(module: str) -> None:
    upward = sorted(m for m in GRAPH[module] if rank(m) > rank(module))
    assert not upward, (
        f"{module} ({LAYERS[rank(module)][0]}) imports from a layer above it: "
        + ", ".join(f"{m} ({LAYERS[rank(m)][0]})" for m in upward)
    )


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_no_import_cycles() -> None:
    assert cycles(GRAPH) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_every_error_class_lives_in_errors() -> None:
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and module != "korelect.errors":
                bases = {ast.unparse(b) for b in node.bases}
                assert not any(b.endswith(("Error", "Exception")) for b in bases), (
                    f"{module}.{node.name} is an exception class outside korelect.errors"
                )


def returned_types(function: object) -> set[type]:
    """The korelect classes named in a function's return annotation."""
    annotation = inspect.signature(function).return_annotation  # type: ignore[arg-type]
    text = annotation if isinstance(annotation, str) else inspect.formatannotation(annotation)
    found: set[type] = set()
    for token in re.findall(r"[A-Za-z_][\w.]*", text):
        value: object = function.__globals__  # type: ignore[attr-defined]
        for part in token.split("."):
            value = value.get(part) if isinstance(value, dict) else getattr(value, part, None)
        if isinstance(value, type) and value.__module__.startswith("korelect"):
            found.add(value)
    return found


def test_types_returned_by_public_functions_are_exported() -> None:
    exported = {getattr(korelect, name) for name in korelect.__all__}
    missing = sorted(
        f"korelect.{name} returns {t.__module__}.{t.__qualname__}"
        for name in korelect.__all__
        if inspect.isfunction(getattr(korelect, name))
        for t in returned_types(getattr(korelect, name))
        if t not in exported
    )
    assert not missing, "not exported by korelect: " + "; ".join(missing)


def test_errors_module_lists_the_tree() -> None:
    classes = [c for c in vars(errors).values() if isinstance(c, type)]
    assert all(
        issubclass(c, errors.KorelectError) for c in classes if c.__module__ == errors.__name__
    )
