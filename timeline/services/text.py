"""Cleaning of text that users paste or type: the same bytes on every database."""

from __future__ import annotations

import hashlib
import re
import unicodedata

# C0/C1 control characters except tab and newline, plus NUL. PostgreSQL refuses NUL in
# text, SQLite stores it: stripping in Python keeps both databases identical.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_WS = re.compile(r"\s+")


def text_clean(text: str) -> str:
    """Normalise pasted text: Unicode NFC, ``\\n`` line ends, no control characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    # Lone surrogates (from broken copy-paste) cannot be encoded as UTF-8 by either database.
    text = text.encode("utf-8", "replace").decode("utf-8")
    return unicodedata.normalize("NFC", text)


def line_clean(text: str) -> str:
    """A one-line field (title, outlet): cleaned, with runs of white space folded."""
    return _WS.sub(" ", text_clean(text)).strip()


def content_hash(text: str) -> str:
    """Hash of a text that ignores case and white-space differences (the duplicate guard)."""
    normalised = _WS.sub(" ", text_clean(text)).strip().casefold()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()
