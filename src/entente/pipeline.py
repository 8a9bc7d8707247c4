"""Runs the stages in order over a batch of stories.

spaCy is loaded once and fed in batches (`nlp.pipe`); each parsed story then
passes through the ordered stages in `entente.stages.ORDER`.
"""
from __future__ import annotations

import datetime as dt
from typing import Callable, Iterable, Iterator, Optional, Sequence

from entente import __version__
from entente.analysis import Analysis
from entente.errors import InputError
from entente.model import Document, Story
from entente.text import content_id, normalise

Stage = Callable[[Analysis], None]


def parse_date(value: Optional[str]) -> Optional[dt.date]:
    """An ISO-ish publication date or timestamp -> date. Raises InputError."""
    if value is None or str(value).strip() == "":
        return None
    s = str(value).strip()
    try:
        return dt.date.fromisoformat(s[:10])
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(s.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(s).date()
    except (TypeError, ValueError):
        raise InputError(f"unparseable publication date {s!r} (expected YYYY-MM-DD)") from None


def make_story(text: str, *, id: Optional[str] = None, **meta) -> Story:
    """A Story with normalised text, a content-hash id unless one is given, and an ISO
    publication date (an unparseable date raises InputError)."""
    text = normalise(text)
    if meta.get("published") is not None:
        date = parse_date(str(meta["published"]))
        meta["published"] = date.isoformat() if date else None
    return Story(id=str(id) if id not in (None, "") else content_id(text), text=text,
                 **{k: (None if v is None else str(v)) for k, v in meta.items()})


class Pipeline:
    """spaCy once, then the stages in order, in this process.

    `strict` lets a stage's exception propagate; otherwise it becomes a warning on
    that story's document and the run goes on. Several processes on one machine:
    `entente.workers.ProcessPipeline`; a Dask cluster: `entente.distributed`.
    """

    def __init__(self, nlp, stages: Sequence[tuple[str, Stage]], batch_size: int = 32,
                 strict: bool = False):
        self.nlp = nlp
        self.stages = list(stages)
        self.batch_size = batch_size
        self.strict = strict

    @classmethod
    def default(cls, model: str = "md", only: Optional[Sequence[str]] = None, batch_size: int = 32,
                strict: bool = False) -> "Pipeline":
        from entente import nlp as nlp_loader
        from entente.stages import build

        return cls(nlp_loader.load(model), build(only), batch_size=batch_size, strict=strict)

    # ------------------------------------------------------------------
    def analyse(self, story: Story, doc) -> Analysis:
        reference = parse_date(story.published) if story.published else None
        result = Document(
            id=story.id, title=story.title,
            published=reference.isoformat() if reference else None,
            published_source="input" if reference else None,
            source=story.source, url=story.url, version=__version__,
        )
        analysis = Analysis(story=story, doc=doc, result=result, reference=reference)
        for name, stage in self.stages:
            try:
                stage(analysis)
            except Exception as exc:  # one story's failure must not end a corpus run
                if self.strict:
                    raise
                analysis.warn(f"stage {name} failed on this story: {exc.__class__.__name__}: {exc}")
        if analysis.reference is None:
            analysis.warn("no publication date: relative time expressions are left unresolved")
        return analysis

    def process_pairs(self, stories: Iterable[Story]) -> Iterator[tuple[Story, Document]]:
        """Stream stories through spaCy in batches and the stages one by one."""
        pairs = ((s.text, s) for s in stories)
        for doc, story in self.nlp.pipe(pairs, as_tuples=True, batch_size=self.batch_size):
            yield story, self.analyse(story, doc).result

    def process(self, stories: Iterable[Story]) -> Iterator[Document]:
        for _story, doc in self.process_pairs(stories):
            yield doc

    def close(self) -> None:
        """Nothing to release locally; the cluster pipeline closes its client here."""

    def extract(self, text: str, published: Optional[str] = None, **meta) -> Document:
        story = make_story(text, published=published, **meta)
        return next(self.process([story]))
