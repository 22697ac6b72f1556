"""Positions in every encoding, line endings, batched and emptying changes.

The expected ranges are code point columns converted with Python's codecs
to the encoding each client negotiated (UTF-16 for VS Code, UTF-8 for
Neovim, and each of the three for the clients offering one encoding).
"""

from __future__ import annotations

import pytest
from lsprotocol import types

from dag_lsp.checks import check
from dag_lsp.reader import read

from .helpers import Editor, markdown, new_uri, text_edit
from .trees import BREW, CAFE, lines

pytestmark = pytest.mark.asyncio(loop_scope="session")


def position(line: int, character: int) -> types.Position:
    return types.Position(line=line, character=character)


def replace(
    start: tuple[int, int], end: tuple[int, int], text: str
) -> types.TextDocumentContentChangePartial:
    where = types.Range(start=position(*start), end=position(*end))
    return types.TextDocumentContentChangePartial(range=where, text=text)


async def check_wide_characters(editor: Editor) -> None:
    """Hover, definition and completion after em-dashes, CJK and emoji."""
    uri, diagnostics = await editor.open(CAFE)
    assert diagnostics == []

    hover = await editor.hover(uri, 5, 25)
    assert hover is not None and hover.range == editor.find(uri, 5, "Q2")
    definition = await editor.definition(uri, 5, 24)
    assert [d.range for d in definition] == [editor.range(uri, 8, 0, 2)]

    tea = await editor.hover(uri, 6, 20)
    assert tea is not None and tea.range == editor.find(uri, 6, "TEA")
    cake = await editor.references(uri, 9, 17)
    assert [r.range for r in cake] == [
        editor.find(uri, 9, "CAKE"),
        editor.find(uri, 14, "CAKE"),
    ]

    items = await editor.complete(uri, 10, 20)
    sandwich = editor.find(uri, 10, "SANDWICH")
    assert [text_edit(item).range for item in items.items] == [sandwich] * 3
    await editor.close(uri)


async def test_wide_characters_in_the_client_encoding(editor: Editor) -> None:
    await check_wide_characters(editor)


async def test_wide_characters_in_each_negotiated_encoding(encoded: Editor) -> None:
    await check_wide_characters(encoded)


async def test_positions_inside_a_wide_character_round_up(encoded: Editor) -> None:
    uri, _ = await encoded.open(CAFE)
    after = encoded.position(uri, 3, 31).character
    inside = types.Range(start=position(3, after - 1), end=position(3, after - 1))
    change = types.TextDocumentContentChangePartial(range=inside, text="x")
    rounded = "🍰x" if encoded.encoding != "utf-32" else "x🍰"

    await encoded.change(uri, 2, [change], CAFE.replace("🍰\n", rounded + "\n", 1))

    hover = await encoded.hover(uri, 1, 7)
    first = markdown(hover).split("\n")[0]
    assert first == f"**Q1**: Hungry — or just thirsty? {rounded}"
    await encoded.close(uri)


async def test_a_crlf_file(editor: Editor) -> None:
    text = BREW.replace("\n", "\r\n")
    uri, diagnostics = await editor.open(text)
    assert diagnostics == []

    hover = await editor.hover(uri, 13, 9)
    assert hover is not None and hover.range == editor.range(uri, 13, 9, 12)
    changed = text.replace("yes -> Q21", "yes -> Q21x")
    diagnostics = await editor.change(
        uri, 2, [replace((13, 12), (13, 12), "x")], changed
    )
    found = [(d.code, d.range) for d in diagnostics]
    assert found[0] == ("DAG002", editor.range(uri, 13, 9, 13))
    assert found == expected(editor, uri)
    await editor.close(uri)


async def test_a_line_break_joining_a_cr_into_crlf(editor: Editor) -> None:
    uri, _ = await editor.open("dag: Lone CR\rentry: Q1\r\rQ1: Where?\r  a -> [X]\r")
    joined = "dag: Lone CR\r\nentry: Q1\r\rQ1: Where?\r  a -> [X]\r"
    await editor.change(uri, 2, [replace((1, 0), (1, 0), "\n")], joined)

    renamed = joined.replace("[X]", "[Y]")
    diagnostics = await editor.change(uri, 3, [replace((4, 8), (4, 9), "Y")], renamed)

    assert [(d.code, d.range) for d in diagnostics] == [
        ("DAG019", editor.find(uri, 4, "Y"))
    ]
    await editor.close(uri)


def expected(editor: Editor, uri: str) -> list[tuple[str, types.Range]]:
    """The findings of the text the document should now hold."""
    findings = check(read(editor.texts[uri]))
    return [
        (f.code, editor.range(uri, f.span.line, f.span.start, f.span.end))
        for f in findings
    ]


async def test_changes_in_one_notification_apply_in_order(editor: Editor) -> None:
    uri, _ = await editor.open(BREW)
    changes = [
        replace((0, 0), (0, 0), "# 🍵 first\n"),
        replace((9, 9), (9, 11), "Q7"),
        replace((14, 9), (14, 12), "[ESPRESSO]"),
    ]
    text = "# 🍵 first\n" + BREW.replace("  yes -> Q2\n", "  yes -> Q7\n")
    text = text.replace("  yes -> Q21\n", "  yes -> [ESPRESSO]\n")

    diagnostics = await editor.change(uri, 2, changes, text)

    found = [(d.code, d.range) for d in diagnostics]
    assert found[0] == ("DAG002", editor.range(uri, 9, 9, 11))
    assert found == expected(editor, uri)
    await editor.close(uri)


async def test_a_change_that_empties_the_document(editor: Editor) -> None:
    uri, _ = await editor.open(CAFE)
    everything = replace((0, 0), (17, 0), "")

    diagnostics = await editor.change(uri, 2, [everything], "")

    assert [(d.code, d.range) for d in diagnostics] == [
        ("DAG004", editor.range(uri, 0, 0, 0)),
        ("DAG005", editor.range(uri, 0, 0, 0)),
    ]
    assert await editor.hover(uri, 0, 0) is None
    items = await editor.complete(uri, 0, 0)
    assert "dag" in [item.label for item in items.items]
    typed = await editor.change(uri, 3, [replace((0, 0), (0, 0), "dag: x")], "dag: x")
    assert [d.code for d in typed] == ["DAG005"]
    await editor.close(uri)


async def test_positions_past_the_end_are_clamped(editor: Editor) -> None:
    uri, _ = await editor.open(BREW)
    doc = editor.doc(uri)

    past_line = types.HoverParams(text_document=doc, position=position(8, 500))
    hover = await editor.client.text_document_hover_async(past_line)
    assert hover is not None and hover.range == editor.range(uri, 8, 9, 11)

    for where in (position(40, 0), position(41, 3), position(5000, 5000)):
        params = types.HoverParams(text_document=doc, position=where)
        assert await editor.client.text_document_hover_async(params) is None

    appended = BREW + "# the end\n"
    at_end = replace((40, 0), (40, 0), "# the end\n")
    assert await editor.change(uri, 2, [at_end], appended) == []
    beyond = replace((900, 3), (901, 0), "\n[EXTRA]: more")
    diagnostics = await editor.change(uri, 3, [beyond], appended + "\n[EXTRA]: more")
    assert [(d.code, d.range) for d in diagnostics] == [
        ("DAG003", editor.range(uri, 42, 1, 6))
    ]
    await editor.close(uri)


async def test_a_byte_order_mark_shifts_line_0(editor: Editor) -> None:
    text = lines(
        "\ufeffentry: Q9",
        "dag: With a BOM",
        "",
        "Q1: First?",
        "  yes -> [DONE]",
        "",
        "[DONE]: Done",
    )
    uri, diagnostics = await editor.open(text)

    assert [(d.code, d.range) for d in diagnostics] == [
        ("DAG006", editor.find(uri, 0, "Q9")),
    ]
    hover = await editor.hover(uri, 0, 9)
    assert hover is not None and hover.range == editor.find(uri, 0, "Q9")
    await editor.close(uri)


async def test_unicode_line_separators_do_not_break_lines(editor: Editor) -> None:
    text = BREW.replace("roughly.", "roughly\u2028— or\x0cless.")
    uri, diagnostics = await editor.open(text)
    assert diagnostics == []

    hover = await editor.hover(uri, 8, 10)
    assert hover is not None and hover.range == editor.range(uri, 8, 9, 11)
    changed = text.replace("  yes -> Q2\n", "  yes -> Q5\n")
    diagnostics = await editor.change(uri, 2, [replace((8, 10), (8, 11), "5")], changed)
    assert (diagnostics[0].code, diagnostics[0].range) == (
        "DAG002",
        editor.range(uri, 8, 9, 11),
    )
    await editor.close(uri)


async def test_an_untitled_document_in_wide_characters(editor: Editor) -> None:
    uri = new_uri("untitled").replace("file:///tmp/dag-lsp-tests/", "untitled:")
    _, diagnostics = await editor.open(CAFE, uri=uri)

    assert diagnostics == []
    hover = await editor.hover(uri, 6, 20)
    assert hover is not None and hover.range == editor.find(uri, 6, "TEA")
    await editor.close(uri)


async def test_thousands_of_spans_on_one_wide_line_are_all_placed(
    encoded: Editor,
) -> None:
    """Each span's columns come from one pass over the line (they once took
    a pass each: seconds for a line like this); no time is asserted."""
    conditions = ", ".join(["Q9=是😋"] * 4000)
    rows = ["dag: Wide", "entry: Q1", "", "Q1: é?", f"  when: {conditions}"]
    text = lines(*rows, "  yes -> [A]", "  no -> [A]", "", "[A]: a")

    uri, diagnostics = await encoded.open(text)
    params = types.DocumentHighlightParams(
        text_document=encoded.doc(uri), position=encoded.position(uri, 4, 8)
    )
    found = await encoded.client.text_document_document_highlight_async(params)

    last = encoded.find(uri, 4, "Q9", nth=3999)
    assert [d.code for d in diagnostics] == ["DAG016"] * 4000
    assert diagnostics[-1].range == last
    assert found is not None and len(found) == 4000 and found[-1].range == last
    await encoded.close(uri)
