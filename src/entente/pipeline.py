"""Runs the stages in order over a batch of stories.

spaCy is loaded once and fed in batches (`nlp.pipe`); each parsed story then
passes through the ordered stages in `entente.stages.ORDER`.
"""
from __future__ import annotations

import datetime as dt
import gc
import re
from typing import Callable, Iterable, Iterator, Optional, Sequence

from entente import __version__, doc_cache, parsing
from entente.analysis import Analysis
from entente.errors import InputError
from entente.model import Document, Story
from entente.text import clean_optional, content_id, normalise

Stage = Callable[[Analysis], None]

# Longer stories are refused with an InputError (a book or a dump, not a news story);
# shorter ones are parsed in bounded pieces (see entente.parsing).
MAX_STORY_CHARS = 1_000_000
# Publication dates outside these years are refused: date arithmetic must not overflow.
YEARS = (1600, 2399)
_WORD = re.compile(r"[^\W_]")


def parse_date(value: Optional[str]) -> Optional[dt.date]:
    """An ISO-ish publication date or timestamp -> date (None for None or blank).
    Raises InputError for anything else, or a year outside YEARS."""
    if value is None or str(value).strip() == "":
        return None
    s = str(value).strip()
    date = _parse_date(s)
    if not YEARS[0] <= date.year <= YEARS[1]:
        raise InputError(f"publication date {s!r} is out of range (years {YEARS[0]}-{YEARS[1]})")
    return date


def _parse_date(s: str) -> dt.date:
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
    except (TypeError, ValueError, IndexError, OverflowError):
        raise InputError(f"unparseable publication date {s!r} (expected YYYY-MM-DD)") from None


def make_story(text: str, *, id: Optional[str] = None, **meta) -> Story:
    """A Story with normalised text, a content-hash id unless one is given, and an ISO
    publication date. Raises InputError for text that is not a string, empty (or only
    spaces and symbols) or over MAX_STORY_CHARS, and for an unparseable date."""
    if not isinstance(text, str):
        raise InputError(f"text must be a string, not {type(text).__name__}")
    text = normalise(text)
    if not _WORD.search(text):
        raise InputError("empty text" if not text else "text has no letters or digits")
    if len(text) > MAX_STORY_CHARS:
        raise InputError(f"story of {len(text):,} characters is over the limit of {MAX_STORY_CHARS:,}; "
                         "split it into several stories")
    if meta.get("published") is not None:
        date = parse_date(str(meta["published"]))
        meta["published"] = date.isoformat() if date else None
    meta = {k: clean_optional(None if v is None else str(v)) for k, v in meta.items()}
    story_id = clean_optional(None if id is None else str(id))
    return Story(id=story_id if story_id else content_id(text), text=text, **meta)


def _freeze_long_lived() -> None:
    """Once per process, after a first story has loaded the model and the stages' lazy tables
    (codebook, office holders, gazetteer: ~0.4 million Python objects that live as long as the
    process), move them out of the cyclic collector's view: otherwise every full collection
    walks them all again, ~0.4 s each, about one per hundred stories. Frozen objects are still
    freed by reference counting; only cyclic garbage of that first story is kept."""
    if gc.get_freeze_count() == 0:
        gc.freeze()


class Pipeline:
    """spaCy once, then the stages in order, in this process.

    `strict` lets a stage's exception propagate; otherwise it becomes a warning on
    that story's document and the run goes on. `freeze_gc` is for processes entente owns
    (the CLI, its worker processes): after the first story it moves the long-lived model
    and tables out of the cyclic collector's view (see `_freeze_long_lived`); a library
    caller's process is left as it is. Several processes on one machine:
    `entente.workers.ProcessPipeline`; a Dask cluster: `entente.distributed`.
    """

    def __init__(self, nlp, stages: Sequence[tuple[str, Stage]], batch_size: int = 32,
                 strict: bool = False, freeze_gc: bool = False):
        self.nlp = nlp
        self.stages = list(stages)
        self.batch_size = batch_size
        self.strict = strict
        self.freeze_gc = freeze_gc
        self._frozen = False

    @classmethod
    def default(cls, model: str = "md", only: Optional[Sequence[str]] = None, batch_size: int = 32,
                strict: bool = False, freeze_gc: bool = False) -> "Pipeline":
        from entente import nlp as nlp_loader
        from entente.stages import build

        return cls(nlp_loader.load(model), build(only), batch_size=batch_size, strict=strict, freeze_gc=freeze_gc)

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
        """Stream stories through spaCy in batches and the stages one by one. A long story
        goes to spaCy in pieces that are joined again before the stages (entente.parsing)."""
        parsed: list = []
        for doc, (story, last) in self._parsed(stories):
            parsed.append(doc)
            if last:
                doc, parsed = parsing.join(parsed), []
                doc_cache.known_text(doc, story.text)  # its pieces' texts concatenate to the story's
                analysis = self.analyse(story, doc)
                if self.freeze_gc and not self._frozen:
                    # once per pipeline: gc.get_freeze_count() walks every frozen object
                    # (~35 ms a call once the model is frozen: as long as a story's stages)
                    _freeze_long_lived()
                    self._frozen = True
                yield story, analysis.result

    def _parsed(self, stories: Iterable[Story]) -> Iterator[tuple]:
        """(doc, (story, last piece?)) in input order. In one process, each spaCy batch
        holds at most `batch_size` pieces and BATCH_CHARS characters, which bounds memory."""
        pieces = ((part, (story, i + 1 == len(parts))) for story in stories
                  for parts in [parsing.pieces(self.nlp, story.text)] for i, part in enumerate(parts))
        for batch in parsing.batches(pieces, self.batch_size, parsing.BATCH_CHARS):
            yield from self.nlp.pipe(batch, as_tuples=True, batch_size=len(batch))

    def process(self, stories: Iterable[Story]) -> Iterator[Document]:
        for _story, doc in self.process_pairs(stories):
            yield doc

    def close(self) -> None:
        """Nothing to release locally; the cluster pipeline closes its client here."""

    def extract(self, text: str, published: Optional[str] = None, **meta) -> Document:
        story = make_story(text, published=published, **meta)
        return next(self.process([story]))
