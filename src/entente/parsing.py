"""How a story's text reaches spaCy without one story hurting the run.

* A long story is parsed in pieces of at most `PIECE` characters, cut at a blank
  line, a line break, a sentence end or a space, and the pieces' docs are joined
  back into one `Doc` whose text is the story's. The parser's working memory
  grows with the text it is given at once (about 3.5 kB a character for the md
  model), so this bounds it whatever the story's length; spaCy's own
  `max_length` is never reached.
* A run of more than `MAX_RUN` characters without a space (16,000 quotes, a
  base64 blob) takes the tokenizer quadratic time, one prefix or suffix at a
  time. Such a run is tokenised as one token: the tokenizer sees its inside
  masked as letters, and the doc is rebuilt with the real characters.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable, Iterator, Union

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

PIECE = 10_000
BATCH_CHARS = 100_000  # characters in one spaCy batch (about 350 MB of parser memory)
MAX_RUN = 200
_EDGE = 16  # characters left unmasked at each end of a long run, so brackets and stops still split off
_LONG_RUN = re.compile(r"\S{%d,}" % (MAX_RUN + 1))
# Where to cut a piece, best first: after a blank line, a line break, a sentence end, any space.
_CUTS = [re.compile(p) for p in (r"\n[^\S\n]*\n\s*", r"\n\s*", r"[.!?][\"'”’)\]]*\s+", r"\s+")]


def pieces(nlp, text: str) -> list[Union[str, "Doc"]]:
    """What to hand to `nlp.pipe` for this text, in order: strings, or pre-tokenised
    docs where a long run had to be masked. Their texts concatenate to `text`."""
    return [_tokenised(nlp, p) if _LONG_RUN.search(p) else p for p in split(text, PIECE)]


def split(text: str, size: int = PIECE) -> list[str]:
    if len(text) <= size:
        return [text]
    out, start = [], 0
    while len(text) - start > size:
        end = _cut(text, start, start + size)
        out.append(text[start:end])
        start = end
    out.append(text[start:])
    return out


def _cut(text: str, lo: int, hi: int) -> int:
    """The end of the best cut in the second half of text[lo:hi] (hi when there is none)."""
    floor = lo + (hi - lo) // 2
    window = text[floor:hi]
    for pattern in _CUTS:
        last = None
        for last in pattern.finditer(window):
            pass
        if last is not None and floor + last.end() < hi:
            return floor + last.end()
    return hi


def _tokenised(nlp, text: str) -> "Doc":
    from spacy.tokens import Doc

    def mask(m: re.Match) -> str:
        run = m.group()
        return run[:_EDGE] + "x" * (len(run) - 2 * _EDGE) + run[-_EDGE:]

    masked = nlp.make_doc(_LONG_RUN.sub(mask, text))
    words = [text[t.idx:t.idx + len(t)] for t in masked]
    spaces = [bool(t.whitespace_) for t in masked]
    return Doc(nlp.vocab, words=words, spaces=spaces)


def join(docs: list["Doc"]) -> "Doc":
    """One doc from the parsed pieces of one story (offsets shift; the text is the story's)."""
    from spacy.tokens import Doc

    return docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)


def batches(items: Iterable[tuple], size: int, chars: int) -> Iterator[list[tuple]]:
    """(piece, context) pairs grouped into lists of at most `size` pairs and, unless one
    piece is longer, `chars` characters."""
    batch: list[tuple] = []
    total = 0
    for item in items:
        n = len(item[0]) if isinstance(item[0], str) else len(item[0].text)
        if batch and (len(batch) >= size or total + n > chars):
            yield batch
            batch, total = [], 0
        batch.append(item)
        total += n
    if batch:
        yield batch
