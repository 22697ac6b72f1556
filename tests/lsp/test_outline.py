"""The outline (document symbols), folding ranges and inlay hints."""

from __future__ import annotations

import pytest
from lsprotocol import types

from .helpers import Editor
from .trees import BREW, CAFE

pytestmark = pytest.mark.asyncio(loop_scope="session")


def lines_of(found: object) -> list[tuple[int, int]]:
    assert isinstance(found, (list, tuple))
    return [(item.start_line, item.end_line) for item in found]


async def test_the_outline_lists_questions_and_outcomes(editor: Editor) -> None:
    uri, _ = await editor.open(BREW)
    params = types.DocumentSymbolParams(text_document=editor.doc(uri))

    found = await editor.client.text_document_document_symbol_async(params)

    assert found is not None
    symbols = [s for s in found if isinstance(s, types.DocumentSymbol)]
    assert [(s.name, s.detail) for s in symbols] == [
        ("Q1", "Do you have more than five minutes?"),
        ("Q2", "Is there a grinder at hand?"),
        ("Q21", "Do you want something strong?"),
        ("[INSTANT]", "Instant coffee"),
        ("[FRENCH_PRESS]", "French press"),
        ("[ESPRESSO]", "Moka pot espresso"),
        ("[POUR-OVER]", "Pour-over"),
    ]
    q21 = symbols[2]
    assert q21.range == editor.between(uri, (16, 0), (20, 20))
    assert q21.selection_range == editor.range(uri, 16, 0, 3)
    assert symbols[3].selection_range == editor.range(uri, 22, 1, 8)
    assert {s.kind for s in symbols[:3]} == {types.SymbolKind.Function}
    assert {s.kind for s in symbols[3:]} == {types.SymbolKind.EnumMember}
    await editor.close(uri)


async def test_symbols_in_wide_characters(editor: Editor) -> None:
    uri, _ = await editor.open(CAFE)
    params = types.DocumentSymbolParams(text_document=editor.doc(uri))

    found = await editor.client.text_document_document_symbol_async(params)

    assert found is not None
    tea = [s for s in found if s.name == "[TEA]"]
    assert isinstance(tea[0], types.DocumentSymbol)
    assert tea[0].range == editor.between(
        uri, (12, 0), (12, len("[TEA]: 茶 — green tea 🍵"))
    )
    await editor.close(uri)


async def test_one_fold_per_block(editor: Editor) -> None:
    uri, _ = await editor.open(BREW)
    params = types.FoldingRangeParams(text_document=editor.doc(uri))

    found = await editor.client.text_document_folding_range_async(params)

    assert lines_of(found) == [
        (6, 9),
        (12, 14),
        (16, 20),
        (22, 25),
        (27, 29),
        (31, 32),
        (34, 35),
        (37, 39),
    ]
    await editor.close(uri)


async def test_inlay_hints_after_each_target(editor: Editor) -> None:
    text = BREW.replace(
        "Do you want something strong?",
        "Do you want something strong enough to wake the whole house?",
    )
    uri, _ = await editor.open(text)
    params = types.InlayHintParams(
        text_document=editor.doc(uri), range=editor.between(uri, (8, 0), (14, 0))
    )

    found = await editor.client.text_document_inlay_hint_async(params)

    assert found is not None
    assert [(h.position, h.label) for h in found] == [
        (editor.position(uri, 8, 11), "Is there a grinder at hand?"),
        (editor.position(uri, 9, 18), "Instant coffee"),
        (editor.position(uri, 13, 12), "Do you want something strong enough to w…"),
        (editor.position(uri, 14, 23), "French press"),
    ]
    assert all(h.padding_left for h in found)
    await editor.close(uri)


async def test_inlay_hints_in_wide_characters_skip_undefined_targets(
    editor: Editor,
) -> None:
    text = CAFE.replace("-> Q2\n", "-> Q2\n  C: Neither 🤷 -> [NOWHERE]\n", 1)
    uri, _ = await editor.open(text)
    whole = types.Range(
        start=types.Position(line=0, character=0),
        end=types.Position(line=40, character=0),
    )
    params = types.InlayHintParams(text_document=editor.doc(uri), range=whole)

    found = await editor.client.text_document_inlay_hint_async(params)

    assert found is not None
    assert [(h.position, h.label) for h in found] == [
        (editor.position(uri, 5, 26), "Sweet 🍩 or savoury?"),
        (editor.position(uri, 7, 24), "茶 — green tea 🍵"),
        (editor.position(uri, 10, 22), "Cake 🎂"),
        (editor.position(uri, 11, 26), "Sandwich — 🥪"),
    ]
    await editor.close(uri)
