"""hitech-reader: a terminal reader for Chinese news about China's high-tech zones.

The package is split into a UI-free domain core (parsing pages, annotating figures and
entities, search and storage) and a Textual shell in :mod:`reader.ui`. Nothing outside
``reader.ui`` may import textual.
"""

__version__ = "0.1.0"
