"""Completion inside ids that hold `-` and `_`: the whole id is replaced.

With the cursor in the middle of `POUR-OVER`, `COLD_BREW` or
`ICED_OR-COLD` (after an arrow, inside brackets, after `entry:`, in a
`when:` and in a route), every item's edit covers the whole id, neither
less (the part after a `-` or `_`) nor more (the `]` or `=` after it), and
an outcome chosen inside brackets that are already closed gets no second
`]`. The labels before some targets hold an emoji, so the columns differ
between the client profiles' encodings.
"""

from __future__ import annotations

import pytest
from lsprotocol import types

from .helpers import Editor, apply_edits, split, text_edit
from .trees import lines

pytestmark = pytest.mark.asyncio(loop_scope="session")

HOT = lines(
    "dag: Which coffee on a hot day?",  # 0
    "entry: HOT-DAY",
    "",
    "HOT-DAY: Is it above 25 °C — really hot?",
    "  yes -> ICED_OR-COLD",
    "  no  -> [POUR-OVER]",  # 5
    "",
    "ICED_OR-COLD: Iced — or cold brew? ☕",
    "  when: HOT-DAY=yes",
    "  A: Iced 🧊 -> [ICED_LATTE]",
    "  B: Cold ❄ -> [COLD_BREW]",  # 10
    "",
    "[POUR-OVER]: Pour-over",
    "",
    "[COLD_BREW]: Cold brew",
    "",  # 15
    "[ICED_LATTE]: Iced latte",
    "",
    "routes:",
    "  cold-brew: HOT-DAY=yes, ICED_OR-COLD=B -> [COLD_BREW]",
)


def with_line(text: str, number: int, new: str) -> str:
    rows = text.split("\n")
    rows[number] = new
    return "\n".join(rows)


async def completed(
    editor: Editor, text: str, line: int, column: int
) -> tuple[str, types.CompletionList]:
    """Completion invoked at a place of a text opened for the call."""
    uri, _ = await editor.open(text)
    result = await editor.complete(uri, line, column)
    await editor.close(uri)
    return uri, result


def chosen(
    editor: Editor, text: str, result: types.CompletionList, label: str, line: int
) -> str:
    """The line after the item with `label` is accepted."""
    (item,) = [item for item in result.items if item.label == label]
    return split(apply_edits(text, [text_edit(item)], editor.encoding))[line]


@pytest.mark.parametrize(
    ("line", "column", "start", "end", "label"),
    [
        (5, 15, 10, 19, "POUR-OVER"),  # [POUR-|OVER]
        (10, 21, 16, 25, "COLD_BREW"),  # [COLD_|BREW], after an emoji
        (9, 20, 16, 26, "ICED_LATTE"),  # [ICED|_LATTE], after an emoji
        (4, 17, 9, 21, "ICED_OR-COLD"),  # -> ICED_OR-|COLD
        (1, 11, 7, 14, "HOT-DAY"),  # entry: HOT-|DAY
        (8, 12, 8, 15, "HOT-DAY"),  # when: HOT-|DAY=yes
        (19, 34, 26, 38, "ICED_OR-COLD"),  # route: ICED_OR-|COLD=B
        (19, 50, 45, 54, "COLD_BREW"),  # route: -> [COLD_|BREW]
    ],
)
async def test_every_item_replaces_the_whole_id_under_the_cursor(
    editor: Editor, line: int, column: int, start: int, end: int, label: str
) -> None:
    uri, result = await completed(editor, HOT, line, column)

    ranges = [text_edit(item).range for item in result.items]
    assert ranges
    assert ranges == [editor.range(uri, line, start, end)] * len(ranges)
    assert chosen(editor, HOT, result, label, line) == split(HOT)[line]


async def test_another_outcome_inside_closed_brackets_gets_one_bracket(
    editor: Editor,
) -> None:
    _, result = await completed(editor, HOT, 10, 21)

    assert chosen(editor, HOT, result, "ICED_LATTE", 10) == (
        "  B: Cold ❄ -> [ICED_LATTE]"
    )
    assert chosen(editor, HOT, result, "POUR-OVER", 10) == "  B: Cold ❄ -> [POUR-OVER]"
    assert not any(text_edit(item).new_text.endswith("]") for item in result.items)


async def test_after_a_dash_just_typed_before_a_closing_bracket(
    editor: Editor,
) -> None:
    text = with_line(HOT, 5, "  no  -> [POUR-]")
    uri, result = await completed(editor, text, 5, 15)

    (item,) = [item for item in result.items if item.label == "POUR-OVER"]
    assert text_edit(item) == types.TextEdit(
        range=editor.range(uri, 5, 10, 15), new_text="POUR-OVER"
    )
    assert chosen(editor, text, result, "POUR-OVER", 5) == "  no  -> [POUR-OVER]"


async def test_right_before_a_bracketed_outcome_the_whole_target_is_replaced(
    editor: Editor,
) -> None:
    """At `-> |[POUR-OVER]` a choice takes the place of `[POUR-OVER]`, not
    of nothing (which left `[COLD_BREW][POUR-OVER]`)."""
    uri, result = await completed(editor, HOT, 5, 9)

    whole = editor.range(uri, 5, 9, 20)
    assert result.items
    assert all(text_edit(item).range == whole for item in result.items)
    assert chosen(editor, HOT, result, "[COLD_BREW]", 5) == "  no  -> [COLD_BREW]"
    assert chosen(editor, HOT, result, "ICED_OR-COLD", 5) == "  no  -> ICED_OR-COLD"


async def test_right_after_the_arrow_a_choice_replaces_the_target_after_it(
    editor: Editor,
) -> None:
    """At `->| ICED_OR-COLD` (no space typed yet) the target is replaced,
    not followed by a second one."""
    uri, result = await completed(editor, HOT, 4, 8)

    whole = editor.range(uri, 4, 8, 21)
    assert result.items
    assert all(text_edit(item).range == whole for item in result.items)
    assert chosen(editor, HOT, result, "[POUR-OVER]", 4) == "  yes -> [POUR-OVER]"
