/**
 * Turning the `dag.server.*` settings into the command line that starts the
 * language server, and describing that command line to the user. Nothing here
 * imports `vscode`, so it runs under the unit tests as it is.
 */

/** The user's `dag.server.*` settings. */
export interface ServerSettings {
  readonly command: string;
  readonly args: readonly string[];
  readonly pythonPath: string;
}

/** What to run, and which setting it came from. */
export interface ServerCommand {
  readonly command: string;
  readonly args: readonly string[];
  readonly source: "command" | "pythonPath";
}

/** Values substituted into paths and arguments from settings. */
export interface PathContext {
  readonly home: string;
  readonly workspaceFolder: string | undefined;
}

export const DEFAULT_COMMAND = "dag-lsp";
export const PYTHON_MODULE = "dag_lsp";

/**
 * `<pythonPath> -m dag_lsp ARGS` when a Python interpreter is set (it takes
 * precedence), otherwise `<command> ARGS`, with `dag-lsp` for a blank command.
 */
export function resolveServerCommand(
  settings: ServerSettings,
  context: PathContext,
): ServerCommand {
  const args = settings.args.map((arg) => expandVariables(arg, context));
  const pythonPath = settings.pythonPath.trim();
  if (pythonPath !== "") {
    return {
      command: expandVariables(pythonPath, context),
      args: ["-m", PYTHON_MODULE, ...args],
      source: "pythonPath",
    };
  }

  const command = settings.command.trim() || DEFAULT_COMMAND;
  return { command: expandVariables(command, context), args, source: "command" };
}

/** Expands `${workspaceFolder}` (when there is one) and a leading `~`. */
export function expandVariables(value: string, context: PathContext): string {
  const withFolder =
    context.workspaceFolder === undefined
      ? value
      : value.replaceAll("${workspaceFolder}", context.workspaceFolder);
  return /^~(?=$|[/\\])/.test(withFolder)
    ? context.home + withFolder.slice(1)
    : withFolder;
}

/**
 * The command line as a user would type it, quoting words that hold spaces or quotes.
 */
export function formatCommandLine(server: ServerCommand): string {
  return [server.command, ...server.args].map(quoteWord).join(" ");
}

function quoteWord(word: string): string {
  return word === "" || /[\s"']/.test(word) ? `"${word.replaceAll('"', '\\"')}"` : word;
}

/**
 * Settings as read from the configuration, where a hand-edited file may hold any type.
 */
export function sanitizeSettings(raw: {
  command: unknown;
  args: unknown;
  pythonPath: unknown;
}): ServerSettings {
  return {
    command: typeof raw.command === "string" ? raw.command : DEFAULT_COMMAND,
    args: Array.isArray(raw.args)
      ? raw.args.filter((arg): arg is string => typeof arg === "string")
      : [],
    pythonPath: typeof raw.pythonPath === "string" ? raw.pythonPath : "",
  };
}
