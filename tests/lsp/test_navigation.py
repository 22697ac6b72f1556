"""Go to definition, find references and highlights, from an id's exact span."""

from __future__ import annotations

import pytest
from lsprotocol import types

from .helpers import Editor
from .trees import BREW, BROKEN, NOTES

pytestmark = pytest.mark.asyncio(loop_scope="session")


def spans(locations: object) -> list[tuple[int, int, int]]:
    """(line, start, end) of each location or highlight, ASCII text only."""
    assert isinstance(locations, (list, tuple))
    return [
        (item.range.start.line, item.range.start.character, item.range.end.character)
        for item in locations
    ]


@pytest.mark.parametrize("column", [9, 10, 11])
async def test_definition_from_the_first_character_to_just_after(
    editor: Editor, column: int
) -> None:
    uri, _ = await editor.open(BREW)

    found = await editor.definition(uri, 8, column)

    assert spans(found) == [(12, 0, 2)]
    assert found[0].uri == uri
    await editor.close(uri)


@pytest.mark.parametrize(("line", "column"), [(8, 8), (8, 5), (13, 8), (6, 3)])
async def test_no_definition_on_the_blanks_around_an_id(
    editor: Editor, line: int, column: int
) -> None:
    uri, _ = await editor.open(BREW)

    assert await editor.definition(uri, line, column) is None
    await editor.close(uri)


async def test_definition_of_an_outcome_and_from_a_definition(editor: Editor) -> None:
    uri, _ = await editor.open(BREW)

    assert spans(await editor.definition(uri, 39, 40)) == [(31, 1, 9)]
    assert spans(await editor.definition(uri, 16, 1)) == [(16, 0, 3)]
    assert spans(await editor.definition(uri, 18, 9)) == [(12, 0, 2)]
    await editor.close(uri)


async def test_an_id_defined_twice_has_two_definitions(editor: Editor) -> None:
    uri, _ = await editor.open(BROKEN)

    assert spans(await editor.definition(uri, 8, 12)) == [(15, 1, 5), (19, 1, 5)]
    assert list(await editor.definition(uri, 4, 10)) == []
    await editor.close(uri)


async def test_references_everywhere_the_id_is_used(editor: Editor) -> None:
    uri, _ = await editor.open(BREW)

    with_definition = await editor.references(uri, 12, 1)
    without = await editor.references(uri, 12, 1, declaration=False)

    assert spans(with_definition) == [(8, 9, 11), (12, 0, 2), (18, 8, 10), (39, 18, 20)]
    assert spans(without) == [(8, 9, 11), (18, 8, 10), (39, 18, 20)]
    await editor.close(uri)


async def test_references_of_an_outcome_in_elimination_lists(editor: Editor) -> None:
    uri, _ = await editor.open(NOTES)

    found = await editor.references(uri, 10, 3)

    assert spans(found) == [(5, 20, 26), (6, 16, 22), (10, 1, 7)]
    await editor.close(uri)


async def test_highlights_mark_the_definition_as_written(editor: Editor) -> None:
    uri, _ = await editor.open(BREW)
    params = types.DocumentHighlightParams(
        text_document=editor.doc(uri), position=editor.position(uri, 4, 7)
    )

    found = await editor.client.text_document_document_highlight_async(params)

    assert spans(found) == [(4, 7, 9), (6, 0, 2), (38, 9, 11), (39, 10, 12)]
    kinds = [item.kind for item in found or []]
    Read, Write = types.DocumentHighlightKind.Read, types.DocumentHighlightKind.Write
    assert kinds == [Read, Write, Read, Read]
    await editor.close(uri)
