"""The word lists behind the entity finder: names, surnames and the words that drive its rules.

They are data, not code, so a user can extend them without touching the package: the files in
``reader/data/`` ship with it, and an optional ``entities.txt`` in the user's config directory
(``platformdirs.user_config_dir("hitech-reader")``, or ``$HITECH_READER_CONFIG_DIR``) is read
after them. Nothing here runs at import time; :func:`load_gazetteer` is called by the NLP loader.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reader import paths

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
PACKAGE_FILES = ("places.txt", "surnames.txt", "affixes.txt", "entities.txt")
USER_FILE = "entities.txt"

#: Kinds a line of entities.txt or affixes.txt may carry besides person/place/org/ignore.
RULE_KINDS = frozenset(
    {
        "title", "org_suffix", "gov_suffix", "zone_suffix", "place_suffix", "speech", "surname",
        "industry", "holding", "abbrev", "not_org", "byline", "term",
    }
)
NAME_KINDS = frozenset({"person", "place", "org", "ignore"})


def user_config_dir() -> Path:
    """The directory holding the user's ``entities.txt`` ($HITECH_READER_CONFIG_DIR wins)."""
    return paths.config_dir()


def data_files() -> list[Path]:
    """The files the gazetteer is read from, in reading order (later entries win)."""
    files = [DATA_DIR / name for name in PACKAGE_FILES]
    user = user_config_dir() / USER_FILE
    if user.is_file():
        files.append(user)
    return files


@dataclass(slots=True)
class Gazetteer:
    """Everything the rules look words up in."""

    #: text → "person" | "place" | "org" | "ignore"
    names: dict[str, str] = field(default_factory=dict)
    #: surname → True when it is rarely anything but a surname ("strong")
    surnames: dict[str, bool] = field(default_factory=dict)
    titles: set[str] = field(default_factory=set)
    org_suffixes: set[str] = field(default_factory=set)
    gov_suffixes: set[str] = field(default_factory=set)
    zone_suffixes: set[str] = field(default_factory=set)
    #: words of no name the segmenter must keep whole (人均可支配收入, 规模以上)
    terms: set[str] = field(default_factory=set)
    place_suffixes: set[str] = field(default_factory=set)
    speech: set[str] = field(default_factory=set)
    #: words that make a company of the brand before them (科技, 生物, 股份)
    industry: set[str] = field(default_factory=set)
    #: industry words that also make a company of a place before them (城投, 控股, 集团)
    holding: set[str] = field(default_factory=set)
    #: one-character abbreviations of provinces and cities (滇, 黔, 渝): True for each
    abbrevs: dict[str, bool] = field(default_factory=dict)
    #: generic words ending like an organisation that name none (科研院所, 指挥部)
    not_org: set[str] = field(default_factory=set)
    #: titles that open a byline (记者, 通讯员): the names after them are the authors
    byline_titles: set[str] = field(default_factory=set)
    #: last characters of the organisation suffixes: a cheap test before the suffix search
    suffix_ends: set[str] = field(default_factory=set)
    #: last characters of multi-character place and zone suffixes (高新区 → 区)
    place_ends: set[str] = field(default_factory=set)
    #: industry words of two characters or more, for str.endswith (某某资本, 某某创投)
    industry_ends: tuple[str, ...] = ()

    #: last characters of the titles (书记 → 记): a cheap test before the title search
    title_ends: set[str] = field(default_factory=set)
    #: first characters of the surnames
    surname_firsts: set[str] = field(default_factory=set)

    def finish(self) -> None:
        """Derive the lookup helpers once every file is read."""
        self.title_ends = {w[-1] for w in (*self.titles, *self.byline_titles)}
        self.surname_firsts = {w[0] for w in self.surnames}
        self.suffix_ends = {w[-1] for w in (*self.org_suffixes, *self.gov_suffixes)}
        self.place_ends = {w[-1] for w in (*self.zone_suffixes, *self.place_suffixes) if len(w) > 1}
        self.industry_ends = tuple(w for w in self.industry if len(w) >= 2)

    def add(self, text: str, kind: str) -> None:
        """Record one line's entry; unknown kinds are ignored so old readers survive new files."""
        if kind in NAME_KINDS:
            self.names[text] = kind
        elif kind == "surname" or kind in ("strong", "weak"):
            self.surnames[text] = kind != "weak"
        elif kind == "title":
            self.titles.add(text)
        elif kind == "org_suffix":
            self.org_suffixes.add(text)
        elif kind == "gov_suffix":
            self.gov_suffixes.add(text)
        elif kind == "zone_suffix":
            self.zone_suffixes.add(text)
        elif kind == "place_suffix":
            self.place_suffixes.add(text)
        elif kind == "speech":
            self.speech.add(text)
        elif kind in ("industry", "holding"):
            self.industry.add(text)
            if kind == "holding":
                self.holding.add(text)
        elif kind == "abbrev":
            self.abbrevs[text] = True
        elif kind == "not_org":
            self.not_org.add(text)
        elif kind == "byline":
            self.byline_titles.add(text)
        elif kind == "term":
            self.terms.add(text)

    def words(self) -> Iterable[str]:
        """Words the segmenter must keep whole: names and the multi-character rule words."""
        yield from (w for w, kind in self.names.items() if kind != "ignore")
        groups = (
            self.titles, self.byline_titles, self.org_suffixes, self.gov_suffixes, self.holding
        )
        for group in (*groups, self.zone_suffixes, self.terms):
            yield from (w for w in group if len(w) > 1)


def _parse(path: Path, gaz: Gazetteer) -> None:
    default = "place" if path.name == "places.txt" else "surname"
    with path.open(encoding="utf-8") as f:
        for raw in f:
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) >= 2:
                gaz.add(parts[0].strip(), parts[1].strip())
            elif path.name in ("places.txt", "surnames.txt"):
                gaz.add(parts[0], default)


def load_gazetteer(files: Iterable[Path] | None = None) -> Gazetteer:
    """Read the word lists; a missing or unreadable user file is skipped, not fatal."""
    gaz = Gazetteer()
    for path in data_files() if files is None else files:
        try:
            _parse(path, gaz)
        except (OSError, UnicodeDecodeError):
            if path.parent == DATA_DIR:
                raise
    gaz.finish()
    return gaz
