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

    def _analyse(text: str, published: str | None = None):
        story = make_story(text, published=published)
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
