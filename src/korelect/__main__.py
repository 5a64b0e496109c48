"""``python -m korelect``: the command line."""

from korelect.cli import main

raise SystemExit(main())
