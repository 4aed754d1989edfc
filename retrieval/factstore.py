"""Placeholder until the fact store lands (documents, obligations, subscriptions).

`retrieval.db.init_schema` imports this module; it only needs to exist.
"""

from .db import Base  # noqa: F401
