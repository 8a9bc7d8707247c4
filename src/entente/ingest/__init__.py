"""Ingest: files, folders and standard input -> `Story` objects.

One module per input kind (text, jsonl/csv, html, feeds); `sources.iter_stories`
picks the reader for each path and streams stories, reporting bad records as
`Problem`s without stopping the others.
"""
from entente.ingest.sources import FORMATS, Problem, iter_located, iter_stories

__all__ = ["FORMATS", "Problem", "iter_located", "iter_stories"]
