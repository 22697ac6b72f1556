"""Hover: questions, outcomes and answers, in Markdown, over the exact range."""

from __future__ import annotations

import pytest
from lsprotocol import types

from .helpers import Editor, markdown
from .trees import BREW, BROKEN, NOTES

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def hover_at(
    editor: Editor, text: str, line: int, column: int
) -> types.Hover | None:
    uri, _ = await editor.open(text)
    found = await editor.hover(uri, line, column)
    if found is not None:
        assert isinstance(found.contents, types.MarkupContent)
        assert found.contents.kind == types.MarkupKind.Markdown
    await editor.close(uri)
    return found


async def test_a_question_reference_shows_its_text_and_hint(editor: Editor) -> None:
    hover = await hover_at(editor, BREW, 17, 26)

    assert hover is None
    reference = await hover_at(editor, BREW, 4, 8)
    assert markdown(reference) == (
        "**Q1**: Do you have more than five minutes?\n\n"
        "*Hint:* Count the time until you must leave — roughly."
    )
    assert reference is not None and reference.range == types.Range(
        start=types.Position(line=4, character=7),
        end=types.Position(line=4, character=9),
    )


async def test_a_question_definition_shows_the_same(editor: Editor) -> None:
    hover = await hover_at(editor, BREW, 16, 0)

    assert markdown(hover) == (
        "**Q21**: Do you want something strong?\n\n"
        "*Hint:* Only asked after Q2 — when a grinder is there."
    )


async def test_an_outcome_shows_label_description_code_and_color(
    editor: Editor,
) -> None:
    hover = await hover_at(editor, BREW, 9, 12)

    assert markdown(hover).startswith(
        "**\\[INSTANT\\]**: Instant coffee\n\n"
        "Boil the kettle and stir; no Q2 needed.\n\n"
        "*Code:* `BREW_INSTANT` · *Color:* `#888`"
    )
    assert hover is not None and hover.range is not None
    assert hover.range.start.character == 10


async def test_an_answer_shows_where_it_leads(editor: Editor) -> None:
    label = await hover_at(editor, BREW, 13, 3)
    assert markdown(label) == (
        "Answer **yes** of **Q2** leads to:\n\n- **Q21**: Do you want something strong?"
    )

    condition = await hover_at(editor, BREW, 18, 12)
    assert markdown(condition) == markdown(label)
    route = await hover_at(editor, BREW, 38, 14)
    assert markdown(route) == (
        "Answer **no** of **Q1** leads to:\n\n- **\\[INSTANT\\]**: Instant coffee"
    )


async def test_an_elimination_answer_shows_what_it_keeps(editor: Editor) -> None:
    hover = await hover_at(editor, NOTES, 5, 4)

    assert markdown(hover) == (
        "Answer **A: Phone** of **Q1** keeps:\n\n"
        "- **\\[POCKET\\]**: A pocket notebook app\n"
        "- **\\[SYNCED\\]**: A synced notes service"
    )


async def test_an_undefined_id_says_so(editor: Editor) -> None:
    hover = await hover_at(editor, BROKEN, 4, 10)

    assert markdown(hover) == "**Q22** is not defined"


async def test_markdown_in_the_text_is_shown_literally(editor: Editor) -> None:
    text = BREW.replace("Is there a grinder at hand?", "Is there a *grinder* [x]?")
    hover = await hover_at(editor, text, 8, 10)

    assert markdown(hover) == "**Q2**: Is there a \\*grinder\\* \\[x\\]?"


@pytest.mark.parametrize(("line", "column"), [(8, 8), (9, 7), (6, 10), (5, 0)])
async def test_nothing_on_blanks_and_text(
    editor: Editor, line: int, column: int
) -> None:
    assert await hover_at(editor, BREW, line, column) is None
