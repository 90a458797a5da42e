"""Tests for the query syntax: every construct, literal fallbacks, and that it never raises."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.search.query import FieldTerm, Query, as_query, parse


def test_terms_are_split_on_ascii_and_ideographic_spaces() -> None:
    assert parse("珠海  高新区\u3000产业").terms == ("珠海", "高新区", "产业")


def test_phrase_keeps_its_spaces() -> None:
    q = parse('"1000 亿元" 珠海')
    assert q.phrases == ("1000 亿元",)
    assert q.terms == ("珠海",)


def test_excludes_terms_and_phrases() -> None:
    q = parse('高新区 -大连 -"科技 新政"')
    assert q.terms == ("高新区",)
    assert q.excludes == ("大连", "科技 新政")


def test_fields_and_negated_fields() -> None:
    q = parse('title:珠海 kind:photo -byline:张三 source:"p1 page" TITLE:园区')
    assert q.fields == (
        FieldTerm("title", "珠海"),
        FieldTerm("kind", "photo"),
        FieldTerm("byline", "张三", negated=True),
        FieldTerm("source", "p1 page"),
        FieldTerm("title", "园区"),
    )
    assert q.terms == () and q.excludes == ()


def test_unknown_field_and_times_stay_literal() -> None:
    assert parse("foo:bar 10:30").terms == ("foo:bar", "10:30")


def test_empty_field_value_is_literal() -> None:
    assert parse("title:").terms == ("title:",)


def test_unbalanced_quote_is_literal() -> None:
    assert parse('"产业 第一').terms == ('"产业', "第一")


def test_quote_inside_a_word_is_literal() -> None:
    assert parse('a"b c"').terms == ('a"b', 'c"')


def test_quoted_field_syntax_is_a_phrase() -> None:
    q = parse('"title:x"')
    assert q.phrases == ("title:x",) and q.fields == ()


def test_lone_dash_is_a_term_and_empty_phrase_is_dropped() -> None:
    q = parse('- "" -""')
    assert q.terms == ("-",)
    assert q.phrases == () and q.excludes == ()


def test_duplicates_are_dropped_in_order() -> None:
    assert parse("b a b a").terms == ("b", "a")


def test_blank_is_empty() -> None:
    assert parse("  \u3000 ").is_empty
    assert not parse("x").is_empty


def test_as_query_passes_parsed_queries_through() -> None:
    q = Query(terms=("x",))
    assert as_query(q) is q
    assert as_query("x") == q


def test_positives_are_terms_then_phrases() -> None:
    assert parse('"a b" c').positives == ("c", "a b")


@given(st.text())
def test_parse_never_raises_and_keeps_non_space_text(text: str) -> None:
    q = parse(text)
    pieces = [*q.terms, *q.phrases, *q.excludes, *(f.value for f in q.fields)]
    # Nothing is invented: every piece of the query comes from the input.
    for piece in pieces:
        assert piece
        assert piece in text


_word = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Zs", "Cc"), blacklist_characters='"-:'),
    min_size=1,
)


@given(st.lists(_word, max_size=6))
def test_plain_words_round_trip(words: list[str]) -> None:
    assert parse(" ".join(words)).terms == tuple(dict.fromkeys(words))


@given(st.lists(_word, max_size=4), st.lists(_word, max_size=4))
def test_excludes_round_trip(keep: list[str], drop: list[str]) -> None:
    text = " ".join([*keep, *(f"-{w}" for w in drop)])
    q = parse(text)
    assert q.terms == tuple(dict.fromkeys(keep))
    assert q.excludes == tuple(dict.fromkeys(drop))
