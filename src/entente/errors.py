"""Errors a user can act on. The CLI prints them as one line, never a traceback."""


class EntenteError(Exception):
    """Base class: the message is shown to the user as it is."""


class InputError(EntenteError):
    """Bad input: a missing, empty, binary or undecodable file, a malformed record."""


class ModelError(EntenteError):
    """The spaCy pipeline cannot be loaded."""


def redact(message: str) -> str:
    """The message without passwords: 'postgresql://user:secret@host' -> 'postgresql://user:***@host'."""
    import re

    return re.sub(r"(\w[\w+.-]*://[^:/@\s]*):[^@\s]*@", r"\1:***@", message)
