"""entente: who did what to whom, when, where and about what, with the sentence that proves it."""
__version__ = "0.1.0"

from entente.model import Document, Story  # noqa: E402

__all__ = ["Document", "Story", "__version__", "extract"]


def extract(text: str, published: str | None = None, **kwargs) -> Document:
    """Extract one story: the Python API twin of `entente extract`."""
    from entente.pipeline import Pipeline

    return Pipeline.default(**{k: v for k, v in kwargs.items() if k == "model"}).extract(
        text, published=published, **{k: v for k, v in kwargs.items() if k != "model"}
    )
