"""Store: stories and their facts in SQLite (default) or PostgreSQL, via SQLAlchemy Core."""
from entente.store.database import Database, EventFilter

__all__ = ["Database", "EventFilter"]
