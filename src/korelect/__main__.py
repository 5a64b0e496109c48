"""``python -m korelect``: the command line."""

from .cli import main

raise SystemExit(main())
