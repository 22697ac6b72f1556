"""Completion stays out of prose: no letters trigger it, no text offers it.

The trigger characters the server advertises in its `initialize` result,
to each client profile, hold no letter or digit, so typing words never
asks for completion. Right after `hint: ` or `description: ` (in a block
or in the header), where prose starts, nothing is offered, whether a space
was typed or completion was invoked. (Completion further inside a hint or
a description is in test_completion.py.)
"""

from __future__ import annotations

import pytest
from lsprotocol.converters import get_converter
from pytest_lsp import client_capabilities

from .conftest import PROFILES
from .helpers import Editor
from .raw import Raw
from .trees import BREW

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def advertised_triggers(profile: str) -> list[str]:
    """The completion trigger characters a fresh server tells a profile."""
    capabilities = get_converter().unstructure(client_capabilities(profile))
    server = await Raw.start()
    answer = await server.request(
        "initialize", {"processId": None, "capabilities": capabilities}
    )
    await server.request("shutdown", None)
    server.notify("exit", None)
    assert await server.end() == 0
    triggers: list[str] = answer["result"]["capabilities"]["completionProvider"][
        "triggerCharacters"
    ]
    return triggers


@pytest.mark.parametrize("profile", PROFILES)
async def test_no_letter_or_digit_triggers_completion(profile: str) -> None:
    triggers = await advertised_triggers(profile)

    assert triggers
    assert [c for c in triggers if len(c) != 1 or c.isalnum()] == []


def with_line(text: str, number: int, new: str) -> str:
    rows = text.split("\n")
    rows[number] = new
    return "\n".join(rows)


@pytest.mark.parametrize(
    ("line", "row"),
    [
        (7, "  hint: "),  # a question's hint, as it is being typed
        (24, "  description: "),  # an outcome's description
        (3, "description: "),  # the tree's description, in the header
    ],
)
@pytest.mark.parametrize("trigger", [" ", None])
async def test_nothing_right_after_a_prose_key(
    editor: Editor, line: int, row: str, trigger: str | None
) -> None:
    uri, _ = await editor.open(with_line(BREW, line, row))

    result = await editor.complete(uri, line, len(row), trigger)

    assert (result.is_incomplete, list(result.items)) == (False, [])
    await editor.close(uri)
