"""Layer 6, interfaces: the ``korelect`` command line, one module per command group."""

from korelect.cli.main import main

__all__ = ["main"]
