"""POST /api/extract: run the pipeline on one story sent in the request. Bounded (a size
limit, one extraction at a time) and, when served beyond loopback, behind a bearer token."""
from __future__ import annotations

import functools
import secrets
import threading
from typing import Optional

from fastapi import APIRouter, Depends, HTTPException
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field

from entente.api.params import DAY, invalid
from entente.api.schemas import Message
from entente.errors import EntenteError
from entente.model import Document


class ExtractRequest(BaseModel):
    text: str = Field(min_length=1, pattern=r"\S", description="The story text (size-limited; see the 413 response)")
    published: Optional[str] = Field(None, pattern=DAY, description="Publication date, YYYY-MM-DD")
    title: Optional[str] = None


def router(model: str, max_chars: int, token: Optional[str]) -> APIRouter:
    r = APIRouter(prefix="/api")
    lock = threading.Lock()  # one extraction at a time: bounded memory, and spaCy is not shared across threads
    bearer = HTTPBearer(auto_error=False, description="The token `entente serve` printed at start")

    @functools.lru_cache(maxsize=1)
    def pipeline():
        from entente.pipeline import Pipeline

        return Pipeline.default(model=model)

    def authorised(cred: Optional[HTTPAuthorizationCredentials] = Depends(bearer)) -> None:
        if cred is None or not secrets.compare_digest(cred.credentials.encode(), token.encode()):
            raise HTTPException(401, "a bearer token is required: Authorization: Bearer <token printed by entente serve>",
                                headers={"WWW-Authenticate": "Bearer"})

    responses = {400: {"model": Message, "description": "The body is not JSON"},
                 413: {"model": Message, "description": f"Text over {max_chars} characters"}}
    if token:
        responses[401] = {"model": Message, "description": "Missing or wrong bearer token"}

    @r.post("/extract", response_model=Document, responses=responses, tags=["extract"],
            dependencies=[Depends(authorised)] if token else [])
    def extract(req: ExtractRequest) -> Document:
        """Extract actors, events, time, statements and agreements from one story (the output contract)."""
        if len(req.text) > max_chars:
            raise HTTPException(413, f"text has {len(req.text)} characters; at most {max_chars} "
                                     "(split the story, or use `entente extract` on the command line)")
        try:
            with lock:
                return pipeline().extract(req.text, published=req.published, title=req.title)
        except EntenteError as exc:
            raise invalid("body", "published" if "date" in str(exc).lower() else "text", str(exc)) from None

    return r
