"""JSON Resume publications written as BibTeX and read back from what pybtex
(sphinxcontrib-bibtex's parser) makes of them, and the texts kept out of BibTeX."""

from __future__ import annotations

from pybtex.database import parse_string

from resume.jsonresume.bibtex import bib_text, is_publication, publication_of, unwritable

PUBLICATIONS = [
    {
        "name": "Scheduling at Scale: 100% of the Time",
        "publisher": "ACM Queue",
        "releaseDate": "2014-10-01",
        "url": "https://example.org/paper?id=7&x=1",
        "summary": 'A "middle-out" look — in Ünïcode, with commas, and (parentheses).',
    },
    {"name": "A Talk", "releaseDate": "2019"},
    {"name": "Undated notes"},
]


def test_each_field_comes_back_as_written() -> None:
    parsed = parse_string(bib_text(PUBLICATIONS, "Ada Author", ["a", "b", "c"]), "bibtex")
    assert list(parsed.entries) == ["a", "b", "c"]
    assert [publication_of(entry.fields) for entry in parsed.entries.values()] == PUBLICATIONS
    assert all(is_publication(entry.fields) for entry in parsed.entries.values())
    first = parsed.entries["a"]
    assert str(first.persons["author"][0]) == "Author, Ada"
    assert (first.fields["year"], first.fields["month"]) == ("2014", "October")  # the styles' date


def test_markup_characters_are_named_and_an_entry_of_sources_is_no_publication() -> None:
    assert unwritable(PUBLICATIONS) is None
    assert unwritable([{"name": "Fine"}, {"name": "Cost: $5"}]) == (1, "name")
    assert unwritable([{"name": "x", "summary": "a {brace}"}]) == (0, "summary")
    assert unwritable([{"name": "x", "publisher": 7}]) == (0, "publisher")
    assert not is_publication({"title": "A source", "keywords": "history, kernel"})
    assert is_publication({"keywords": "kernel, publication"})
