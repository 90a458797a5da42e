"""Annotate articles: figures, named entities and key figures, block by block.

Figures come from a pure regular-expression finder and are cheap, so the app can show
them on its first paint (:func:`figure_annotations`). Entities need jieba's dictionary,
which takes a moment to load the first time: :func:`annotate` does everything and is
meant for worker threads and batch jobs.
"""

from __future__ import annotations

from collections.abc import Callable

from reader.model import Annotations, Article, Entity, Figure, Located


def figure_annotations(article: Article) -> list[Located[Figure]]:
    """The figures of every block of ``article`` (fast; no NLP dictionary needed)."""
    return quick_figure_annotations(article, budget=sum(len(b.text) for b in article.blocks))


#: How much text :func:`quick_figure_annotations` reads: enough for the first screens of any
#: article, bounded so that a 1 MB text does not hold up the first paint for seconds.
QUICK_CHARS = 20_000
#: Figures ending this close to the cut may be cut short themselves (1000 亿元 → 1000 亿).
_CUT_MARGIN = 32
#: How often the segmenter's dictionary has a word for it to be an ordinary word, not a brand.
_COMMON_WORD = 20
#: The short-forms function of the NLP stack it was built with (rebuilt when the stack is).
_brands: list[tuple[object, Callable[[str], list[str]]]] = []


def quick_figure_annotations(
    article: Article, budget: int = QUICK_CHARS
) -> list[Located[Figure]]:
    """The figures of the first ``budget`` characters of the body (for the first paint)."""
    from reader.annotate.figures import find_figures

    found: list[Located[Figure]] = []
    for index, block in enumerate(article.blocks):
        if budget <= 0:
            break
        text = block.text
        if len(text) <= budget:
            found.extend(Located(index, figure) for figure in find_figures(text))
        else:
            found.extend(
                Located(index, figure)
                for figure in find_figures(text[:budget])
                if figure.end <= budget - _CUT_MARGIN
            )
        budget -= len(text)
    return found


def entity_annotations(article: Article) -> list[Located[Entity]]:
    """The people, places and organisations of every block (loads the NLP stack once), with
    short names linked to the full names they stand for (see :mod:`.aliases`)."""
    from reader.annotate.aliases import link_aliases
    from reader.annotate.entities import find_entities
    from reader.annotate.ner_spread import spread_persons

    persons = tuple(article.byline)
    found = [
        Located(index, entity)
        for index, block in enumerate(article.blocks)
        for entity in find_entities(block.text, persons=persons)
    ]
    texts = [b.text for b in article.blocks]
    beside = titled()
    return link_aliases(texts, spread_persons(texts, found, beside), brand_forms_of(), beside)


def titled() -> Callable[[str, int, int], bool]:
    """Whether a title stands right before a name at ``text[start:end]``, or a title or a
    speech verb right after it (市长孙某, 孙某说); loads the NLP stack."""
    from reader.annotate import nlp

    gaz = nlp.load().gazetteer
    before, after = tuple(gaz.titles), (*gaz.titles, *gaz.speech)

    def beside(text: str, start: int, end: int) -> bool:
        return text[max(0, start - 8) : start].endswith(before) or text.startswith(after, end)

    return beside


def brand_forms_of() -> Callable[[str], list[str]]:
    """A registered company name → its short forms (:func:`.aliases.brand_forms`), read with
    the NLP stack's places, industry words and dictionary (loaded by the entity finder)."""
    from functools import lru_cache

    from reader.annotate import nlp
    from reader.annotate.aliases import brand_forms

    stack = nlp.load()
    if _brands and _brands[0][0] is stack:
        return _brands[0][1]
    names, industry, freq = stack.gazetteer.names, stack.gazetteer.industry, stack.freq

    def is_place(word: str) -> bool:
        return names.get(word) == "place" or (
            len(word) > 2 and word[-1] in "省市区县" and names.get(word[:-1]) == "place")

    def common(word: str) -> bool:
        return freq.get(word, 0) >= _COMMON_WORD

    def forms(full: str) -> list[str]:
        stack.ensure(full)  # (the dictionary's words of these characters, for ``common``)
        return brand_forms(full, is_place, industry, common)

    _brands[:] = [(stack, lru_cache(maxsize=4096)(forms))]
    return _brands[0][1]


def annotate(article: Article) -> Annotations:
    """Figures, entities and key figures of ``article``."""
    from reader.annotate.keyfigures import labelled_figures

    figures = figure_annotations(article)
    entities = entity_annotations(article)
    key, labels = labelled_figures(article, figures, entities=entities)
    return Annotations(figures=figures, entities=entities, key_figures=key, labels=labels)


def annotate_text(text: str) -> tuple[list[Figure], list[Entity]]:
    """Figures and entities of a bare text (offsets into ``text``), short names linked to the
    full names named before them in it (``Entity.canonical``), as in an article."""
    from reader.annotate.aliases import link_aliases
    from reader.annotate.entities import find_entities
    from reader.annotate.figures import find_figures
    from reader.annotate.ner_spread import spread_persons

    beside = titled()
    found = spread_persons([text], [Located(0, e) for e in find_entities(text)], beside)
    linked = link_aliases([text], found, brand_forms_of(), beside)
    return find_figures(text), [loc.span for loc in linked]
