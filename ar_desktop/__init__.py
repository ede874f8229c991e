"""AR Desktop: accounts receivable and collections for small-business bookkeepers."""

__version__ = "0.1.0"
