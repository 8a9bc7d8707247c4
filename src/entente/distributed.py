"""Scale-out on a Dask cluster: the same pipeline, run by the workers, chunk by chunk.

`ClusterPipeline(address).process_pairs(stories)` has the local pipeline's
interface: results come back in input order, with a bounded number of chunks in
flight (constant memory on the client). Each worker loads the spaCy pipeline
once. Stories are keyed by content hash, so a rerun after an interruption only
does what the store does not already hold.
"""
from __future__ import annotations

import functools
from collections import deque
from typing import Iterable, Iterator

from entente.errors import EntenteError
from entente.model import Document, Story
from entente.workers import CHUNK_CHARS, CHUNK_STORIES, chunked


@functools.lru_cache(maxsize=2)
def _worker_pipeline(model: str):
    from entente.pipeline import Pipeline

    return Pipeline.default(model=model)


def run_chunk(stories: list[dict], model: str) -> list[str]:
    """Runs on a worker: stories in, contract JSON out (cheap to ship back)."""
    pipe = _worker_pipeline(model)
    return [doc.model_dump_json() for doc in pipe.process(Story.model_validate(s) for s in stories)]


class ClusterPipeline:
    """`chunk_size` stories or `chunk_chars` characters a task (small tasks keep every worker
    busy to the end of a corpus); `in_flight` tasks at most at once, at least two per worker
    thread the cluster has when the run starts."""

    def __init__(self, address: str, model: str = "md", chunk_size: int = CHUNK_STORIES,
                 in_flight: int = 8, chunk_chars: int = CHUNK_CHARS):
        try:
            from dask.distributed import Client

            self.client = Client(address, timeout="10s")
        except (OSError, TimeoutError, ValueError) as exc:
            raise EntenteError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
        self.model = model
        self.chunk_size, self.chunk_chars = max(1, chunk_size), max(1, chunk_chars)
        threads = sum(w.get("nthreads", 1) for w in self.client.scheduler_info(n_workers=-1)["workers"].values())
        self.in_flight = max(1, in_flight, 2 * threads)

    def _chunks(self, stories: Iterable[Story]) -> Iterator[list[Story]]:
        return chunked(stories, self.chunk_size, self.chunk_chars)

    def process_pairs(self, stories: Iterable[Story]) -> Iterator[tuple[Story, Document]]:
        pending: deque = deque()
        for chunk in self._chunks(stories):
            fut = self.client.submit(run_chunk, [s.model_dump() for s in chunk], self.model, pure=False)
            pending.append((chunk, fut))
            if len(pending) >= self.in_flight:
                yield from self._collect(*pending.popleft())
        while pending:
            yield from self._collect(*pending.popleft())

    def process(self, stories: Iterable[Story]) -> Iterator[Document]:
        for _s, doc in self.process_pairs(stories):
            yield doc

    @staticmethod
    def _collect(chunk: list[Story], fut) -> Iterator[tuple[Story, Document]]:
        from concurrent.futures import CancelledError

        from distributed import KilledWorker

        try:
            raws = fut.result()
        except (KilledWorker, CancelledError, OSError, TimeoutError) as exc:  # lost workers or scheduler
            raise EntenteError(f"the Dask cluster failed this run ({exc.__class__.__name__}: {exc}); stories "
                               "finished before it are kept, run the same command again to resume") from None
        for story, raw in zip(chunk, raws):
            yield story, Document.model_validate_json(raw)

    def close(self) -> None:
        self.client.close()
