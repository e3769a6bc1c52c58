"""Search text preparation that needs no PostgreSQL extension.

The embedded PostgreSQL has neither pg_trgm nor unaccent, so accents are
removed in Python and names are stored with their trigrams in an array
column. A GIN index on that array finds candidate rows by overlap, and the
share of the query's trigrams found in a name ranks them, much as pg_trgm's
word similarity does.
"""

import re
import unicodedata

_NON_WORD = re.compile(r"[^0-9a-z]+")


def normalise(text: str) -> str:
    """Lower-case, strip accents and reduce the text to words and spaces."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _NON_WORD.sub(" ", plain.lower()).strip()


def trigrams(text: str) -> list[str]:
    """Return the sorted distinct trigrams of each word, padded like pg_trgm."""
    found: set[str] = set()
    for word in normalise(text).split():
        padded = f"  {word} "
        found.update(padded[index : index + 3] for index in range(len(padded) - 2))
    return sorted(found)
