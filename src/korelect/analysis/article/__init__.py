"""Election articles: read them, check them, write them (see ``model`` for the format)."""
