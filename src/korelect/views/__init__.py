"""Layer 5, views: documents made from records and analyses (articles and their summaries)."""
