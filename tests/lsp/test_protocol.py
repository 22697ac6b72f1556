"""The protocol around the features: lifecycle, robustness, transports."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from websockets.asyncio.client import connect

from .raw import WAIT, Raw, framed, read_message
from .trees import BREW

URI = "file:///tmp/dag-lsp-tests/protocol.dag"


def opened(text: str = BREW, uri: str = URI) -> dict[str, Any]:
    item = {"uri": uri, "languageId": "dag", "version": 1, "text": text}
    return {"textDocument": item}


def at(line: int, character: int, uri: str = URI) -> dict[str, Any]:
    where = {"line": line, "character": character}
    return {"textDocument": {"uri": uri}, "position": where}


async def test_shutdown_then_exit_ends_with_status_0() -> None:
    server = await Raw.start()
    await server.initialize()

    answer = await server.request("shutdown", None)
    server.notify("exit", None)

    assert answer["result"] is None
    assert await server.end() == 0


async def test_exit_without_shutdown_ends_with_status_1() -> None:
    server = await Raw.start()
    await server.initialize()

    server.notify("exit", None)

    assert await server.end() == 1


async def test_the_server_ends_when_its_input_closes() -> None:
    server = await Raw.start()
    await server.initialize()
    server.notify("textDocument/didOpen", opened())

    assert await server.end() == 0
    assert not any("Traceback" in line for line in server.stderr)


async def test_garbage_is_answered_and_the_server_goes_on() -> None:
    server = await Raw.start()
    await server.initialize()
    server.notify("textDocument/didOpen", opened())

    unknown_uri = await server.request("textDocument/hover", at(0, 0, "not a uri"))
    far = await server.request("textDocument/hover", at(2**31 - 1, 2**31 - 1))
    negative = await server.request("textDocument/hover", at(-1, 0))
    missing = await server.request("textDocument/definition", {"textDocument": {}})
    method = await server.request("dag/noSuchRequest", {})
    server.notify("dag/noSuchNotification", {"x": 1})
    server.notify("$/cancelRequest", {"id": 999})
    hover = await server.request("textDocument/hover", at(8, 10))

    assert unknown_uri["result"] is None and far["result"] is None
    assert negative["error"]["code"] == -32602
    assert missing["error"]["code"] == -32602
    assert method["error"]["code"] == -32601
    assert hover["result"]["range"]["start"] == {"line": 8, "character": 9}
    assert await server.end() == 0


async def test_a_failing_handler_is_answered_logged_and_survived() -> None:
    server = await Raw.start()
    await server.initialize()
    server.notify("textDocument/didOpen", opened())

    failed = await server.request(
        "workspace/executeCommand", {"command": "no.such.command", "arguments": []}
    )
    hover = await server.request("textDocument/hover", at(8, 10))

    assert failed["error"]["code"] == -32602
    assert "no.such.command" in failed["error"]["message"]
    logs = [n for n in server.notes if n.get("method") == "window/logMessage"]
    assert any("Traceback" in n["params"]["message"] for n in logs)
    assert "Traceback" in "".join(server.stderr)
    assert hover["result"] is not None
    assert await server.end() == 0


async def test_diagnostics_reach_a_client_over_tcp() -> None:
    server = await Raw.start("--tcp", "--host", "127.0.0.1", "--port", "0")
    serving = await server.logged(r"Serving on \('127\.0\.0\.1', (\d+)\)")
    reader, writer = await asyncio.open_connection("127.0.0.1", int(serving[1]))

    for message in (
        {"id": 1, "method": "initialize", "params": {"capabilities": {}}},
        {"method": "initialized", "params": {}},
        {"method": "textDocument/didOpen", "params": opened("dag: x\n")},
    ):
        writer.write(framed(message))
    received = [await read_message(reader) for _ in range(2)]
    writer.write(framed({"id": 2, "method": "shutdown", "params": None}))
    writer.write(framed({"method": "exit", "params": None}))

    assert received[0] is not None and "capabilities" in received[0]["result"]
    assert received[1] is not None and received[1]["method"] == (
        "textDocument/publishDiagnostics"
    )
    assert [d["code"] for d in received[1]["params"]["diagnostics"]] == ["DAG005"]
    writer.close()
    assert await server.end() == 0


async def test_diagnostics_reach_a_client_over_websocket() -> None:
    server = await Raw.start("--ws", "--host", "127.0.0.1", "--port", "0")
    serving = await server.logged(r"Serving on \('127\.0\.0\.1', (\d+)\)")

    async with connect(f"ws://127.0.0.1:{serving[1]}") as socket:
        for message in (
            {"id": 1, "method": "initialize", "params": {"capabilities": {}}},
            {"method": "initialized", "params": {}},
            {"method": "textDocument/didOpen", "params": opened("entry: Q1\n")},
        ):
            await socket.send(json.dumps({"jsonrpc": "2.0", **message}))
        received = [
            json.loads(await asyncio.wait_for(socket.recv(), WAIT)) for _ in range(2)
        ]
        await socket.send(json.dumps({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}))
        await socket.send(json.dumps({"jsonrpc": "2.0", "method": "exit"}))

    assert "capabilities" in received[0]["result"]
    codes = [d["code"] for d in received[1]["params"]["diagnostics"]]
    assert codes == ["DAG004", "DAG006"]
    assert await server.end() == 0


async def test_a_client_without_optional_capabilities() -> None:
    server = await Raw.start()
    await server.initialize()
    server.notify("textDocument/didOpen", opened(BREW + "\n[INSTANT]: Twice\n\n"))

    blocks = await server.request("textDocument/completion", at(42, 0))
    outline = await server.request(
        "textDocument/documentSymbol", {"textDocument": {"uri": URI}}
    )
    rename = await server.request(
        "textDocument/rename", {**at(12, 0), "newName": "GRINDER"}
    )

    diagnostics = next(
        n["params"]["diagnostics"]
        for n in server.notes
        if n.get("method") == "textDocument/publishDiagnostics"
    )
    assert [d["code"] for d in diagnostics] == ["DAG007"]
    assert "relatedInformation" not in diagnostics[0]
    question = blocks["result"]["items"][0]
    assert question["insertTextFormat"] == 1
    assert question["textEdit"]["newText"] == "Q22: \n  yes -> \n  no -> "
    first = outline["result"][0]
    assert first["name"] == "Q1: Do you have more than five minutes?"
    assert first["location"]["range"]["start"] == {"line": 6, "character": 0}
    assert list(rename["result"]["changes"]) == [URI]
    assert await server.end() == 0


def _shown(server: Raw) -> list[str]:
    """The messages the server asked the client to show in a window."""
    return [
        note["params"]["message"]
        for note in server.notes
        if note.get("method") == "window/showMessage"
    ]


async def test_requests_after_shutdown_are_invalid_requests() -> None:
    server = await Raw.start()
    await server.initialize()
    await server.request("shutdown", None)

    hover = await server.request("textDocument/hover", at(8, 10))
    again = await server.request("shutdown", None)
    server.notify("exit", None)

    assert hover["error"]["code"] == -32600
    assert "after shutdown" in hover["error"]["message"]
    assert again["error"]["code"] == -32600
    assert await server.end() == 0


async def test_before_initialize_only_initialize_is_taken() -> None:
    server = await Raw.start()

    server.notify("textDocument/didOpen", opened())
    early = await server.request("textDocument/hover", at(8, 10))
    again = await server.request("initialize", {"capabilities": {}})
    twice = await server.request("initialize", {"capabilities": {}})
    hover = await server.request("textDocument/hover", at(8, 10))

    assert early["error"]["code"] == -32002
    assert "capabilities" in again["result"]
    assert twice["error"]["code"] == -32600
    assert hover["result"] is None  # the document sent too early was never opened
    assert not _shown(server)
    assert await server.end() == 0
    assert "workspace is not available" not in "".join(server.stderr)


async def test_malformed_requests_are_answered_as_invalid() -> None:
    server = await Raw.start()
    await server.initialize()
    server.notify("textDocument/didOpen", opened())
    hover = {"method": "textDocument/hover", "params": at(8, 10)}

    server.send_value([{"jsonrpc": "2.0", "id": "batch", **hover}])
    batch = await server.answer("batch")
    server.send_value({"jsonrpc": "1.0", "id": "old", **hover})
    old = await server.answer("old")
    server.send_value({"id": "bare", **hover})
    bare = await server.answer("bare")
    server.send_value({"jsonrpc": "2.0", "id": "diagram", "method": "dag/diagram"})
    diagram = await server.answer("diagram")
    server.send_value({"jsonrpc": "2.0", "id": {"a": 1}, **hover})
    refused = await server.logged(r"neither a number nor a string")
    after = await server.request("textDocument/hover", at(8, 10))

    assert [m["error"]["code"] for m in (batch, old, bare)] == [-32600] * 3
    assert "batch" in batch["error"]["message"]
    assert '"jsonrpc": "2.0"' in old["error"]["message"]
    assert diagram["error"]["code"] == -32602
    assert "{'a': 1}" in refused.string
    assert "unhashable" not in "".join(server.stderr)
    assert after["result"]["range"]["start"] == {"line": 8, "character": 9}
    assert await server.end() == 0


async def test_garbage_goes_to_the_log_not_to_a_window() -> None:
    server = await Raw.start()
    await server.initialize()

    values: list[Any] = [[], 5, None, "text", {"jsonrpc": "2.0", "id": 99}, {"x": 1}]
    for value in values:
        server.send_value(value)
    assert server.process.stdin is not None
    server.process.stdin.write(b"Content-Length: 5\r\n\r\n{abc}")
    answer = await server.request("textDocument/hover", at(8, 10))

    assert answer["result"] is None
    assert not _shown(server)
    logs = [n["params"]["message"] for n in server.notes if "params" in n]
    assert sum("is not a JSON-RPC message" in line for line in logs) == 3
    assert await server.end() == 0
