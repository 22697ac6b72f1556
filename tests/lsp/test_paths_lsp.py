"""Answer paths in the editor: hover over an outcome, code lens over each.

Every count and path is written out by hand for these small trees; the
large tree checks that both stay fast (counted once per version, in time
linear in the tree) and that a count too large to read, and a path too
long to read, are shortened.
"""

from __future__ import annotations

import math

import pytest
from lsprotocol import types

from .helpers import Editor
from .trees import lines

pytestmark = pytest.mark.asyncio(loop_scope="session")

PLANTS = lines(
    "dag: Which houseplant suits my flat?",  # 0
    "entry: Q1",
    "",
    "Q1: Does the room get direct sun — most days?",
    "  yes -> Q2",
    "  no  -> Q3",  # 5
    "",
    "Q2: Do you travel often?",
    "  yes -> [CACTUS]",
    "  no  -> [HERBS]",
    "",  # 10
    "Q3: Is the air humid?",
    "  yes -> [FERN]",
    "  no  -> [CACTUS]",
    "  not sure -> [CACTUS]",
    "",  # 15
    "[CACTUS]: A cactus",
    "  color: #16a34a",
    "",
    "[HERBS]: Kitchen herbs",
    "",  # 20
    "[FERN]: A Boston fern",
    "",
    "[ORCHID]: An orchid",
)

# Three questions of two answers each, all leading on: eight paths.
CHAIN = lines(
    "dag: How do I pack for a weekend?",  # 0
    "entry: Q1",
    "",
    "Q1: Will it rain?",
    "  yes -> Q2",
    "  no  -> Q2",  # 5
    "",
    "Q2: Is it cold?",
    "  yes -> Q3",
    "  no  -> Q3",
    "",  # 10
    "Q3: Are you flying?",
    "  yes -> [BAG]",
    "  no  -> [BAG]",
    "",
    "[BAG]: One small bag",  # 15
)

# Q1 and Q2 lead to each other: the counts through them are a floor.
LOOP = lines(
    "dag: Should I call back?",  # 0
    "entry: Q0",
    "",
    "Q0: Is it urgent?",
    "  yes -> Q1",
    "  no  -> [LATER]",  # 5
    "",
    "Q1: Do you know the caller?",
    "  yes -> Q2",
    "  no  -> [LATER]",
    "",  # 10
    "Q2: Did they leave a message?",
    "  yes -> Q1",
    "  no  -> [NOW]",
    "",
    "[LATER]: Call back later",  # 15
    "",
    "[NOW]: Call back now",
)

# Elimination mode: every question asked; an answer keeps some outcomes.
SNACKS = lines(
    "dag: Which snack?",  # 0
    "mode: elimination",
    "entry: Q1",
    "",
    "Q1: Sweet or salty?",
    "  A: Sweet -> [FRUIT, CAKE]",  # 5
    "  B: Salty -> [NUTS]",
    "",
    "Q2: Baked?",
    "  A: Yes -> [CAKE, NUTS]",
    "  B: No -> [FRUIT, NUTS]",  # 10
    "",
    "[FRUIT]: An apple",
    "[CAKE]: A muffin",
    "[NUTS]: Almonds",
)


async def lenses(editor: Editor, uri: str) -> list[tuple[types.Range, str, str]]:
    params = types.CodeLensParams(text_document=editor.doc(uri))
    found = await editor.client.text_document_code_lens_async(params)
    assert found is not None
    return [
        (lens.range, lens.command.title, lens.command.command)
        for lens in found
        if lens.command is not None
    ]


async def hover_text(editor: Editor, uri: str, line: int, column: int) -> str:
    found = await editor.hover(uri, line, column)
    assert found is not None and isinstance(found.contents, types.MarkupContent)
    return found.contents.value


async def test_a_lens_over_each_outcome_counts_its_paths(editor: Editor) -> None:
    uri, _ = await editor.open(PLANTS)

    found = await lenses(editor, uri)

    assert found == [
        (editor.find(uri, 16, "CACTUS"), "3 paths reach this outcome", ""),
        (editor.find(uri, 19, "HERBS"), "1 path reaches this outcome", ""),
        (editor.find(uri, 21, "FERN"), "1 path reaches this outcome", ""),
        (editor.find(uri, 23, "ORCHID"), "no path reaches this outcome", ""),
    ]
    await editor.close(uri)


async def test_hover_on_an_outcome_lists_its_paths(editor: Editor) -> None:
    uri, _ = await editor.open(PLANTS)

    definition = await editor.hover(uri, 16, 3)
    reference = await hover_text(editor, uri, 13, 12)

    assert definition is not None and isinstance(
        definition.contents, types.MarkupContent
    )
    assert definition.range == editor.find(uri, 16, "CACTUS")
    assert definition.contents.value == (
        "**\\[CACTUS\\]**: A cactus\n\n"
        "*Color:* `#16a34a`\n\n"
        "3 paths reach this outcome:\n\n"
        "- `Q1=yes, Q2=yes`\n"
        "- `Q1=no, Q3=no`\n"
        "- `Q1=no, Q3=not sure`"
    )
    assert reference == definition.contents.value
    await editor.close(uri)


async def test_hover_on_an_outcome_no_path_reaches(editor: Editor) -> None:
    uri, _ = await editor.open(PLANTS)

    text = await hover_text(editor, uri, 23, 1)

    assert text == "**\\[ORCHID\\]**: An orchid\n\nNo path reaches this outcome."
    await editor.close(uri)


async def test_many_paths_are_shortened_to_the_first_five(editor: Editor) -> None:
    uri, _ = await editor.open(CHAIN)

    text = await hover_text(editor, uri, 12, 12)

    assert text == (
        "**\\[BAG\\]**: One small bag\n\n"
        "8 paths reach this outcome:\n\n"
        "- `Q1=yes, Q2=yes, Q3=yes`\n"
        "- `Q1=yes, Q2=yes, Q3=no`\n"
        "- `Q1=yes, Q2=no, Q3=yes`\n"
        "- `Q1=yes, Q2=no, Q3=no`\n"
        "- `Q1=no, Q2=yes, Q3=yes`\n"
        "- … and 3 more"
    )
    await editor.close(uri)


async def test_counts_through_a_cycle_are_a_floor(editor: Editor) -> None:
    uri, _ = await editor.open(LOOP)

    found = await lenses(editor, uri)
    text = await hover_text(editor, uri, 15, 2)

    assert [title for _, title, _ in found] == [
        "at least 2 paths reach this outcome",
        "at least 1 path reaches this outcome",
    ]
    assert text.endswith(
        "At least 2 paths reach this outcome:\n\n- `Q0=yes, Q1=no`\n- `Q0=no`"
    )
    await editor.close(uri)


async def test_elimination_paths_are_answers_that_keep_the_outcome(
    editor: Editor,
) -> None:
    uri, _ = await editor.open(SNACKS)

    found = await lenses(editor, uri)
    text = await hover_text(editor, uri, 6, 16)

    assert found == [
        (editor.find(uri, 12, "FRUIT"), "1 path reaches this outcome", ""),
        (editor.find(uri, 13, "CAKE"), "1 path reaches this outcome", ""),
        (editor.find(uri, 14, "NUTS"), "2 paths reach this outcome", ""),
    ]
    assert text.endswith(
        "2 paths reach this outcome:\n\n- `Q1=B, Q2=A`\n- `Q1=B, Q2=B`"
    )
    await editor.close(uri)


async def test_a_lens_follows_an_edit(editor: Editor) -> None:
    uri, _ = await editor.open(PLANTS)
    edited = PLANTS.replace("  no  -> [HERBS]", "  no  -> [ORCHID]")
    await editor.change(
        uri,
        2,
        [
            types.TextDocumentContentChangePartial(
                range=editor.find(uri, 9, "HERBS"), text="ORCHID"
            )
        ],
        edited,
    )

    found = await lenses(editor, uri)

    assert [title for _, title, _ in found] == [
        "3 paths reach this outcome",
        "no path reaches this outcome",
        "1 path reaches this outcome",
        "1 path reaches this outcome",
    ]
    await editor.close(uri)


def ladder(size: int) -> str:
    """`size` questions, each leading to the next two: Fibonacci many paths."""
    rows = ["dag: A long ladder", "entry: Q1", ""]
    for number in range(1, size + 1):
        yes = f"Q{number + 1}" if number < size else "[TOP]"
        no = f"Q{number + 2}" if number < size - 1 else "[BOTTOM]"
        rows += [f"Q{number}: Step {number}?", f"  yes -> {yes}", f"  no  -> {no}"]
    rows += ["", "[TOP]: The top", "", "[BOTTOM]: The bottom"]
    return lines(*rows)


def ladder_counts(size: int) -> tuple[int, int]:
    """The paths to [TOP] and [BOTTOM] in `ladder(size)`, counted forwards."""
    ways = [0] * (size + 2)
    ways[1] = 1
    for number in range(1, size):
        ways[number + 1] += ways[number]
        if number < size - 1:
            ways[number + 2] += ways[number]
    return ways[size], ways[size - 1] + ways[size]


def over(count: int) -> str:
    return f"over 10^{int((count.bit_length() - 1) * math.log10(2))}"


async def test_a_5000_question_tree_has_its_huge_counts_written_short(
    editor: Editor,
) -> None:
    text = ladder(5000)
    uri, _ = await editor.open(text)
    top, bottom = ladder_counts(5000)

    found = await lenses(editor, uri)
    hover = await hover_text(editor, uri, len(text.splitlines()) - 3, 2)

    assert [title for _, title, _ in found] == [
        f"{over(top)} paths reach this outcome",
        f"{over(bottom)} paths reach this outcome",
    ]
    assert 10 ** int(over(top)[8:]) < top < 10 ** (int(over(top)[8:]) + 2)
    assert hover.endswith(f"- … and {over(top - 5)} more")
    first = "Q1=yes, Q2=yes, Q3=yes, Q4=yes, … 4992 more …, "
    last = "Q4997=yes, Q4998=yes, Q4999=yes, Q5000=yes"
    assert f"- `{first}{last}`\n" in hover
    await editor.close(uri)
