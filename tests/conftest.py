"""Shared fixtures: one real spaCy pipeline per test session, real gold paths."""
from __future__ import annotations

import pathlib

import pytest

REPO = pathlib.Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED_DIR = SHARED / "gold" / "seed"


@pytest.fixture(scope="session")
def pipeline():
    from entente.pipeline import Pipeline

    return Pipeline.default(strict=True)


@pytest.fixture(scope="session")
def nlp(pipeline):
    return pipeline.nlp


@pytest.fixture(scope="session")
def analyse(pipeline):
    """analyse(text, published=None) -> Analysis after all stages."""
    from entente.pipeline import make_story

    def _analyse(text: str, published: str | None = None, **meta):
        story = make_story(text, published=published, **meta)
        return pipeline.analyse(story, pipeline.nlp(story.text))

    return _analyse


@pytest.fixture(scope="session")
def seed_text() -> str:
    path = SEED_DIR / "article.txt"
    if not path.exists():
        pytest.skip("shared/gold/seed is not beside this checkout")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_result(pipeline, seed_text):
    return pipeline.extract(seed_text, published="2026-02-12")


# -- databases: the same test on a real SQLite file and a real PostgreSQL ---------------
import os  # noqa: E402

PG_URL = os.environ.get("ENTENTE_TEST_POSTGRES")


def plain_engine(target: str):
    """A bare SQLAlchemy engine on a `--db` target, for tests to look at the database directly."""
    from sqlalchemy import create_engine

    if "://" not in target:
        target = f"sqlite:///{target}"
    return create_engine(target.replace("postgresql://", "postgresql+psycopg://", 1))


def fresh_postgres() -> str:
    """The test PostgreSQL database, emptied of entente's tables."""
    from entente.store import schema

    engine = plain_engine(PG_URL)
    schema.metadata.drop_all(engine)
    engine.dispose()
    return PG_URL


@pytest.fixture(params=["sqlite", "postgresql"])
def db_target(request, tmp_path) -> str:
    """A database target for `--db` that does not exist yet (SQLite) or holds no tables
    (PostgreSQL, when ENTENTE_TEST_POSTGRES is set; CI sets it)."""
    if request.param == "sqlite":
        return str(tmp_path / "entente.db")
    if not PG_URL:
        pytest.skip("set ENTENTE_TEST_POSTGRES=postgresql://… to run the PostgreSQL store tests")
    return fresh_postgres()


def dump(target: str) -> dict:
    """Every row of every entente table, sorted: two databases with the same dump hold the same facts."""
    from sqlalchemy import select

    from entente.store import schema

    engine = plain_engine(target)
    out = {}
    with engine.connect() as conn:
        for name, table in schema.metadata.tables.items():
            out[name] = sorted((tuple(map(repr, row)) for row in conn.execute(select(table))))
    engine.dispose()
    return out
