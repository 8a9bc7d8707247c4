"""The REST API (FastAPI): thin routes over entente.store and entente.pipeline."""
from entente.api.app import create_app

__all__ = ["create_app"]
