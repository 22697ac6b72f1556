/**
 * A tiny language server for the tests, speaking LSP over stdio:
 *
 *   node lspServer.js MODE LOG_FILE
 *
 * It appends "start PID" and "exit PID" to LOG_FILE. MODE is `ok` (answers
 * initialize and shutdown, exits on exit), `exit-at-once` (prints an error
 * and exits with code 1 before reading anything), `crash` (exits with
 * code 1 shortly after the client says it is initialized), `silent` (never
 * reads or answers anything and stays up until it is killed, like a command
 * that is not a language server) or `garbage` (sends a message that is not
 * JSON once the client says it is initialized, then goes on as `ok`). In
 * every mode that reads, a `dag/diagram` request is answered with a diagram
 * naming the document's URI.
 */
import * as fs from "node:fs";

interface Message {
  id?: number;
  method?: string;
  params?: { textDocument?: { uri?: string } };
}

const [mode, logFile] = process.argv.slice(2) as [string, string];
fs.appendFileSync(logFile, `start ${String(process.pid)}\n`);
process.on("exit", () => {
  fs.appendFileSync(logFile, `exit ${String(process.pid)}\n`);
});

function send(message: object): void {
  const body = JSON.stringify({ jsonrpc: "2.0", ...message });
  process.stdout.write(
    `Content-Length: ${String(Buffer.byteLength(body))}\r\n\r\n${body}`,
  );
}

function handle(message: Message): void {
  switch (message.method) {
    case "initialize":
      send({ id: message.id, result: { capabilities: { textDocumentSync: 1 } } });
      break;
    case "initialized":
      if (mode === "crash") {
        setTimeout(() => process.exit(1), 50);
      } else if (mode === "garbage") {
        process.stdout.write("Content-Length: 8\r\n\r\nnot json");
      }
      break;
    case "shutdown":
      send({ id: message.id, result: null });
      break;
    case "dag/diagram": {
      const source = `digraph { "${message.params?.textDocument?.uri ?? ""}" }`;
      send({
        id: message.id,
        result: { version: 1, format: "dot", source, error: null, nodes: [] },
      });
      break;
    }
    case "exit":
      process.exit(0);
  }
}

/** Splits the stdin byte stream into `Content-Length`-framed JSON messages. */
function readMessages(onMessage: (message: Message) => void): void {
  let buffer = Buffer.alloc(0);
  process.stdin.on("data", (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const headerEnd = buffer.indexOf("\r\n\r\n");
      const length = /Content-Length: (\d+)/i.exec(
        buffer.subarray(0, headerEnd).toString(),
      )?.[1];
      if (
        headerEnd < 0 ||
        length === undefined ||
        buffer.length < headerEnd + 4 + Number(length)
      ) {
        return;
      }
      const body = buffer.subarray(headerEnd + 4, headerEnd + 4 + Number(length));
      buffer = buffer.subarray(headerEnd + 4 + Number(length));
      onMessage(JSON.parse(body.toString()) as Message);
    }
  });
}

if (mode === "exit-at-once") {
  console.error("/usr/bin/python3: No module named dag_lsp");
  process.exit(1);
}
if (mode === "silent") {
  setInterval(() => undefined, 1000);
} else {
  readMessages(handle);
}
