/**
 * The texts of the error messages shown when the language server cannot run.
 * Each names the exact command line that was tried and how to fix it.
 */
import { formatCommandLine, type ServerCommand } from "./serverCommand";

/** Why the server could not be started or kept running. */
export type Failure =
  | { readonly kind: "spawn"; readonly code: string | undefined }
  | {
      readonly kind: "exited";
      readonly exitCode: number | null;
      readonly stderrTail: string;
    }
  | { readonly kind: "crashed"; readonly restarts: number }
  | { readonly kind: "timeout"; readonly seconds: number };

/**
 * One sentence for the message box: what happened, what was tried, and how to fix it.
 */
export function failureMessage(server: ServerCommand, failure: Failure): string {
  const tried = `(tried: ${formatCommandLine(server)})`;
  const hint = failure.kind === "timeout" ? serverHint() : installHint(server);
  return `Decision DAG: ${describe(server, failure)} ${tried}. ${hint}`;
}

function describe(server: ServerCommand, failure: Failure): string {
  switch (failure.kind) {
    case "spawn":
      return spawnProblem(server, failure.code);
    case "exited":
      return exitProblem(failure.exitCode, failure.stderrTail);
    case "crashed":
      return (
        "the language server stopped unexpectedly and was restarted " +
        `${String(failure.restarts)} times; it will not be restarted again until ` +
        'you run "Decision DAG: Restart Language Server"'
      );
    case "timeout":
      return (
        "the language server did not answer initialize within " +
        `${String(failure.seconds)} seconds and was stopped`
      );
  }
}

function spawnProblem(server: ServerCommand, code: string | undefined): string {
  if (code === "ENOENT") {
    return `could not start the language server: "${server.command}" was not found`;
  }
  if (code === "EACCES") {
    return `could not start the language server: "${server.command}" is not executable`;
  }
  return `could not start the language server${code === undefined ? "" : ` (${code})`}`;
}

function exitProblem(exitCode: number | null, stderrTail: string): string {
  const status = exitCode === null ? "" : ` (exit code ${String(exitCode)})`;
  const detail = stderrTail === "" ? "" : `: ${stderrTail}`;
  return `the language server failed while starting${status}${detail}`;
}

function installHint(server: ServerCommand): string {
  if (server.source === "pythonPath") {
    return (
      "Install the server into that interpreter from a clone of the dag-lsp " +
      `repository with "${server.command} -m pip install /path/to/dag-lsp", ` +
      'or change "dag.server.pythonPath".'
    );
  }
  return (
    "Install the server from a clone of the dag-lsp repository with " +
    '"pipx install /path/to/dag-lsp" (or "pip install /path/to/dag-lsp"), ' +
    'or set "dag.server.command" or "dag.server.pythonPath".'
  );
}

/**
 * For a program that runs but does not speak the protocol, as a wrong command or
 * argument would.
 */
function serverHint(): string {
  return (
    "Check that the command runs the dag-lsp language server on standard input " +
    'and output, or change "dag.server.command", "dag.server.args" or ' +
    '"dag.server.pythonPath".'
  );
}

/**
 * The last non-blank line of a process's standard error, shortened for a message box.
 */
export function lastLine(stderr: string, maxLength = 200): string {
  const lines = stderr.split(/\r?\n/).map((line) => line.trim());
  const last = lines.filter((line) => line !== "").pop() ?? "";
  return last.length > maxLength ? `${last.slice(0, maxLength - 1)}…` : last;
}
