"""The `dag/diagram` request behind the editor's live preview.

Each answer is the DOT source of the current version and, for every box,
the exact range a click on it goes to, in the negotiated encoding; a
version with syntax errors gives no source, its first error, and the
boxes' ranges in that version.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, cast

import pytest
from lsprotocol import types
from pygls.exceptions import JsonRpcException

from dag_lsp.export import export_text
from dag_lsp.lsp.preview import METHOD

from .helpers import Editor, new_uri
from .trees import lines

pytestmark = pytest.mark.asyncio(loop_scope="session")

BIKE = lines(
    "dag: Which bike should I buy?",  # 0
    "entry: Q1",
    "",
    "Q1: Do you ride on roads only?",
    "  yes -> Q2",
    "  no  -> [GRAVEL]",  # 5
    "",
    'Q2: Do you race — even a "little"?',
    "  yes -> [RACE]",
    "  no  -> [RACE]",
    "  só às vezes 🚲 -> [TOUR]",  # 10
    "",
    "[GRAVEL]: Gravel bike",
    "  color: #a16207",
    "",
    "[RACE]: Race bike",  # 15
    "  color: #dc2626",
)

# What the boxes of BIKE look like in its DOT source; the whole source is
# what `dag-lsp --export dot` writes for the same text.
BIKE_BOXES = [
    '"Q1" [label="Q1: Do you ride on roads only?", shape="box"',
    '"Q2" [label="Q2: Do you race — even a \\"little\\"?", shape="box"',
    '"GRAVEL" [label="Gravel bike", shape="box", style="rounded,filled",'
    ' fillcolor="#a16207"',
    '"RACE" [label="Race bike", shape="box", style="rounded,filled",'
    ' fillcolor="#dc2626"',
    '"TOUR" [label="TOUR (not defined)", shape="hexagon"',
    '"Q2" -> "TOUR" [label="só às vezes 🚲"',
]


def plain(value: Any) -> Any:
    """A result as dicts and lists: pygls gives a custom request's as named tuples."""
    if hasattr(value, "_asdict"):
        return {key: plain(item) for key, item in value._asdict().items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def as_range(found: dict[str, Any]) -> types.Range:
    start, end = found["start"], found["end"]
    return types.Range(
        start=types.Position(line=start["line"], character=start["character"]),
        end=types.Position(line=end["line"], character=end["character"]),
    )


async def request(editor: Editor, params: Any) -> Any:
    """Send a `dag/diagram` request as it is, unconverted."""
    send = cast(
        Callable[[str, Any], Awaitable[Any]], editor.client.protocol.send_request_async
    )
    return await send(METHOD, params)


async def diagram(editor: Editor, uri: str) -> dict[str, Any] | None:
    found: dict[str, Any] | None = plain(
        await request(editor, {"textDocument": {"uri": uri}})
    )
    return found


def boxes(found: dict[str, Any]) -> list[tuple[str, str, types.Range]]:
    return [(n["id"], n["kind"], as_range(n["range"])) for n in found["nodes"]]


def expected_boxes(editor: Editor, uri: str, shift: int = 0) -> list[object]:
    """The boxes of BIKE (with `shift` lines inserted before Q1)."""
    return [
        ("Q1", "question", editor.find(uri, 3 + shift, "Q1")),
        ("Q2", "question", editor.find(uri, 7 + shift, "Q2")),
        ("GRAVEL", "outcome", editor.find(uri, 12 + shift, "GRAVEL")),
        ("RACE", "outcome", editor.find(uri, 15 + shift, "RACE")),
        ("TOUR", "missing", editor.find(uri, 10 + shift, "TOUR")),
    ]


async def test_the_diagram_is_dot_with_a_range_for_each_box(editor: Editor) -> None:
    uri, _ = await editor.open(BIKE, version=4)

    found = await diagram(editor, uri)

    assert found is not None
    assert (found["version"], found["format"], found["error"]) == (4, "dot", None)
    assert found["source"] == export_text(BIKE, "dot")
    assert all(box in found["source"] for box in BIKE_BOXES)
    assert boxes(found) == expected_boxes(editor, uri)
    await editor.close(uri)


async def test_the_diagram_follows_each_edit(editor: Editor) -> None:
    uri, _ = await editor.open(BIKE)
    first = types.Position(line=3, character=0)
    comment = types.TextDocumentContentChangePartial(
        range=types.Range(start=first, end=first), text="# Asked first.\n"
    )
    label = types.TextDocumentContentChangePartial(
        range=editor.find(uri, 15, "Race bike"), text="Road race bike"
    )
    edited = BIKE.replace("Race bike", "Road race bike").replace(
        "Q1: Do", "# Asked first.\nQ1: Do"
    )
    await editor.change(uri, 2, [label, comment], edited)

    found = await diagram(editor, uri)

    assert found is not None and found["version"] == 2
    assert found["source"] == export_text(edited, "dot")
    assert '"RACE" [label="Road race bike"' in found["source"]
    assert boxes(found) == expected_boxes(editor, uri, shift=1)
    await editor.close(uri)


async def test_syntax_errors_give_the_first_error_and_current_boxes(
    editor: Editor,
) -> None:
    broken = BIKE.replace("  no  -> [GRAVEL]", "  no  => [GRAVEL]").replace(
        "  color: #dc2626", "  color #dc2626"
    )
    uri, _ = await editor.open(broken)

    found = await diagram(editor, uri)

    assert found is not None and found["source"] is None
    error = found["error"]
    assert error["message"] == "'=>' is not an arrow: write '->'"
    assert as_range(error["range"]) == editor.find(uri, 5, "=>")
    assert boxes(found) == expected_boxes(editor, uri)
    await editor.close(uri)


async def test_ranges_in_every_encoding(encoded: Editor) -> None:
    uri, _ = await encoded.open(BIKE)

    found = await diagram(encoded, uri)

    assert found is not None
    assert boxes(found)[-1] == ("TOUR", "missing", encoded.find(uri, 10, "TOUR"))
    await encoded.close(uri)


async def test_a_document_that_is_not_open_has_no_diagram(editor: Editor) -> None:
    assert await diagram(editor, new_uri("closed")) is None


async def test_params_without_a_document_are_refused(editor: Editor) -> None:
    with pytest.raises(JsonRpcException) as refused:
        await request(editor, {"uri": "x"})

    assert refused.value.code == -32602
