"""The public surface is exactly ``korelect.__all__``."""

from __future__ import annotations

import importlib.metadata
import types

import korelect

# Submodules that are public on purpose: the error tree, the law by year, the command line,
# the web explorer (korelect.web.app.create_app), the charts; and the layers the code lives in
# (docs/ARCHITECTURE.md), named so that a reader finds a rule by its name.
PUBLIC_MODULES = {"errors", "law", "cli", "web", "charts"}
LAYERS = {"base", "engine", "record", "analysis", "views"}


def test_all_is_the_public_surface() -> None:
    public = {
        name
        for name, value in vars(korelect).items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType)
    }
    lazy = set(korelect._LAZY)
    assert public | lazy == set(korelect.__all__) - {"errors", "__version__"}


def test_every_name_in_all_exists() -> None:
    for name in korelect.__all__:
        assert hasattr(korelect, name), name


def test_modules_are_private_or_named() -> None:
    modules = {
        name
        for name, value in vars(korelect).items()
        if isinstance(value, types.ModuleType) and not name.startswith("_")
    }
    assert modules <= PUBLIC_MODULES | LAYERS


def test_error_tree() -> None:
    errors = korelect.errors
    assert issubclass(errors.InputError, ValueError)
    assert issubclass(errors.FileFormatError, errors.InputError)
    assert issubclass(errors.RulesFileError, errors.RulesError)
    assert issubclass(errors.UnknownElectionError, LookupError)
    assert issubclass(errors.TieError, errors.AllocationError)
    for name in errors.__all__:
        assert issubclass(getattr(errors, name), errors.KorelectError)


def test_version_matches_the_package_metadata() -> None:
    assert korelect.__version__ == importlib.metadata.version("korelect")
