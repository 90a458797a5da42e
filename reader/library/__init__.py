"""The library index (issue 5): imported articles, full-text search, figures and entities.

See :mod:`reader.library.sqlite` for the :class:`Library` itself; the other modules are its
parts (schema, codec, indexes, importing, user state).
"""

from reader.library.sqlite import (
    EntityRow,
    FigureRow,
    HeadlineRow,
    ImportProgress,
    ImportResult,
    Library,
)

__all__ = ["EntityRow", "FigureRow", "HeadlineRow", "ImportProgress", "ImportResult", "Library"]
