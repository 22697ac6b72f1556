/**
 * Starts, stops and restarts the language server, one step at a time, and
 * tells the user once, clearly, when it cannot run. A server gets
 * `START_TIMEOUT_MS` to answer `initialize`; a stop or restart asked for
 * meanwhile ends the start at once instead of waiting behind it.
 */
import * as os from "node:os";
import * as vscode from "vscode";
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  State,
  type ErrorHandler,
  type LanguageClientOptions,
} from "vscode-languageclient/node";
import { failureMessage, lastLine, type Failure } from "./messages";
import { RestartPolicy } from "./restartPolicy";
import { errorCode, ServerProcess } from "./serverProcess";
import {
  formatCommandLine,
  resolveServerCommand,
  sanitizeSettings,
  type ServerCommand,
  type ServerSettings,
} from "./serverCommand";

/** The client id; the client reads the `dag.trace.server` setting by it. */
const CLIENT_ID = "dag";
const CLIENT_NAME = "Decision DAG Language Server";
const OPEN_SETTINGS = "Open Settings";
const SHOW_OUTPUT = "Show Output";
/**
 * How long a server may take to answer `initialize` before it is killed and reported.
 */
export const START_TIMEOUT_MS = 20_000;

/** One running server: its process and the client talking to it. */
interface Session {
  readonly server: ServerCommand;
  readonly process: ServerProcess;
  readonly client: LanguageClient;
}

/** How waiting for a client to start ended. */
type StartOutcome = "running" | "failed" | "timeout" | "cancelled";

export class ServerManager implements vscode.Disposable {
  private session: Session | undefined;
  private queue: Promise<void> = Promise.resolve();
  /**
   * Aborted by stop() and restart(): the starts queued or under way before
   * them are cancelled.
   */
  private cancel = new AbortController();
  private readonly restarts = new RestartPolicy();
  private readonly started = new vscode.EventEmitter<void>();
  /** Fires each time a server (the first, or one after a restart) is running. */
  readonly onDidStartServer = this.started.event;

  constructor(
    private readonly output: vscode.LogOutputChannel,
    private readonly startTimeoutMs = START_TIMEOUT_MS,
  ) {}

  start(): Promise<void> {
    const signal = this.cancel.signal;
    return this.enqueue(() => this.startSession(signal));
  }

  /** Stops the server completely, then starts a new one from the current settings. */
  restart(): Promise<void> {
    this.restarts.reset();
    const signal = this.cancelStarts();
    return this.enqueue(() => this.restartSession(signal));
  }

  stop(): Promise<void> {
    this.cancelStarts();
    return this.enqueue(() => this.stopSession());
  }

  dispose(): void {
    void this.stop();
    this.started.dispose();
  }

  /**
   * Sends a request about one document (`{ textDocument: { uri } }`) to the
   * running server; undefined when no server is running.
   */
  async requestForDocument<R>(method: string, uri: vscode.Uri): Promise<R | undefined> {
    const client = this.session?.client;
    if (client?.state !== State.Running) {
      return undefined;
    }

    const textDocument = { uri: client.code2ProtocolConverter.asUri(uri) };
    return client.sendRequest<R>(method, { textDocument });
  }

  /** Runs lifecycle steps one after another, so two servers never overlap. */
  private enqueue(step: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(step).catch((error: unknown) => {
      this.output.error(`Language server lifecycle step failed: ${String(error)}`);
    });
    return this.queue;
  }

  /**
   * Cancels the starts queued or under way; returns the signal for the steps
   * queued from now on.
   */
  private cancelStarts(): AbortSignal {
    this.cancel.abort();
    this.cancel = new AbortController();
    return this.cancel.signal;
  }

  private async restartSession(signal: AbortSignal): Promise<void> {
    await this.stopSession();
    await this.startSession(signal);
  }

  private async startSession(signal: AbortSignal): Promise<void> {
    if (signal.aborted) {
      return;
    }

    const server = resolveServerCommand(readSettings(), pathContext());
    this.output.info(`Starting the language server: ${formatCommandLine(server)}`);

    let serverProcess: ServerProcess;
    try {
      serverProcess = await ServerProcess.start(server, workspaceFolder());
    } catch (error) {
      this.reportFailure(server, { kind: "spawn", code: errorCode(error) });
      return;
    }

    const session = {
      server,
      process: serverProcess,
      client: this.createClient(serverProcess),
    };
    this.session = session;
    this.watch(session);

    const outcome = await this.waitForStart(session.client, signal);
    if (outcome === "running") {
      this.output.info("The language server is running.");
      this.started.fire();
      return;
    }

    this.session = undefined;
    // A server that has not answered may never read its input again: it is
    // killed, not asked to exit.
    await endSession(session, outcome === "failed" ? undefined : 0);
    this.reportStartFailure(session, outcome);
  }

  /**
   * Waits for the client to start, but no longer than the time limit and
   * not past a stop or restart.
   */
  private async waitForStart(
    client: LanguageClient,
    signal: AbortSignal,
  ): Promise<StartOutcome> {
    // Judged by the state, not by how start() settles: it does not reliably
    // reject when the server dies while starting.
    const started = client.start().then(
      () => "started" as const,
      () => "started" as const,
    );
    const timeout = delay(this.startTimeoutMs);
    const cancelled = whenAborted(signal);

    try {
      const first = await Promise.race([
        started,
        timeout.promise.then(() => "timeout" as const),
        cancelled.promise,
      ]);
      if (first !== "started") {
        return first;
      }
      return client.state === State.Running ? "running" : "failed";
    } finally {
      timeout.clear();
      cancelled.clear();
    }
  }

  private reportStartFailure(
    session: Session,
    outcome: Exclude<StartOutcome, "running">,
  ): void {
    const { server, process: serverProcess } = session;
    if (outcome === "cancelled") {
      this.output.info("The language server was stopped while it was starting.");
    } else if (outcome === "timeout") {
      this.reportFailure(server, {
        kind: "timeout",
        seconds: this.startTimeoutMs / 1000,
      });
    } else {
      const { exitCode, stderrText } = serverProcess;
      this.reportFailure(server, {
        kind: "exited",
        exitCode,
        stderrTail: lastLine(stderrText),
      });
    }
  }

  private async stopSession(): Promise<void> {
    const session = this.session;
    this.session = undefined;
    if (session !== undefined) {
      await endSession(session);
      this.output.info("The language server has stopped.");
    }
  }

  private createClient(serverProcess: ServerProcess): LanguageClient {
    const options: LanguageClientOptions = {
      documentSelector: [
        { scheme: "file", language: "dag" },
        { scheme: "untitled", language: "dag" },
      ],
      outputChannel: this.output,
      errorHandler: quietErrorHandler(),
      // A server that fails to initialize is reported by startSession, never retried.
      initializationFailedHandler: () => false,
    };

    const client: LanguageClient = new StartQuietlyClient(
      CLIENT_ID,
      CLIENT_NAME,
      () => Promise.resolve(serverProcess.child),
      options,
    );
    return client;
  }

  /**
   * Notices a running session's client stopping on its own: after its
   * connection closed (the server crashed) or after it shut the server down
   * on connection errors. Either way the session is lost.
   */
  private watch(session: Session): void {
    session.client.onDidChangeState(({ oldState, newState }) => {
      if (oldState === State.Running && newState === State.Stopped) {
        this.onSessionLost(session);
      }
    });
  }

  /**
   * A running session stopped without being asked to: clean it up and start
   * a new one, up to the policy's limit, else report it once. (A server that
   * dies while starting is reported by startSession.) The manager's own stops
   * detach the session first, so they never come here.
   */
  private onSessionLost(session: Session): void {
    if (this.session !== session) {
      return;
    }

    this.session = undefined;
    const signal = this.cancel.signal;

    if (this.restarts.allowRestart()) {
      this.output.warn("The language server stopped unexpectedly; restarting it.");
      void this.enqueue(async () => {
        await endSession(session);
        await this.startSession(signal);
      });
    } else {
      this.reportFailure(session.server, {
        kind: "crashed",
        restarts: this.restarts.maxRestarts,
      });
      void this.enqueue(() => endSession(session));
    }
  }

  /** Logs the failure and shows it in one error message with buttons to fix it. */
  private reportFailure(server: ServerCommand, failure: Failure): void {
    const message = failureMessage(server, failure);
    this.output.error(message);

    void vscode.window
      .showErrorMessage(message, OPEN_SETTINGS, SHOW_OUTPUT)
      .then((choice) => {
        if (choice === OPEN_SETTINGS) {
          void vscode.commands.executeCommand(
            "workbench.action.openSettings",
            "dag.server",
          );
        } else if (choice === SHOW_OUTPUT) {
          this.output.show();
        }
      });
  }
}

/**
 * A LanguageClient that leaves failures outside the running state to the
 * manager: its own notifications then ("couldn't create connection to
 * server") only go to the output channel, so the user sees one message, the
 * manager's, which names the command line and how to fix it.
 */
class StartQuietlyClient extends LanguageClient {
  override error(
    message: string,
    data?: unknown,
    showNotification: boolean | "force" = true,
  ): void {
    super.error(message, data, this.state === State.Running ? showNotification : false);
  }

  /**
   * When initialize fails, the client stops itself while still starting,
   * which always rejects ("Client is not running and can't be stopped")
   * with nobody to catch it. Nothing runs yet then; the manager ends the
   * process.
   */
  override stop(timeout?: number): Promise<void> {
    return this.state === State.Starting ? Promise.resolve() : super.stop(timeout);
  }
}

/**
 * The client never restarts a server nor tells the user itself (`handled`):
 * the manager watches the client's state, and restarts with a fresh process
 * and client or reports the failure once.
 */
function quietErrorHandler(): ErrorHandler {
  return {
    error: (_error, _message, count) => ({
      action:
        count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown,
      handled: true,
    }),
    closed: async () => {
      // Answer on a later turn of the event loop: when the server dies while
      // starting, the client's start() must settle (and fail) before the client
      // handles the close, or start() resolves as if all went well.
      await new Promise((resolve) => setImmediate(resolve));
      return { action: CloseAction.DoNotRestart, handled: true };
    },
  };
}

/**
 * Shuts the client down (when it is running) and makes sure the process is gone,
 * killing it after `graceMs`.
 */
async function endSession(session: Session, graceMs?: number): Promise<void> {
  try {
    await session.client.dispose();
  } catch {
    // A client that never got running has no connection to shut down.
  }

  await session.process.stop(graceMs);
}

/** A promise that resolves after `ms`, and a way to clear its timer. */
function delay(ms: number): { promise: Promise<void>; clear: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });

  return {
    promise,
    clear: () => {
      clearTimeout(timer);
    },
  };
}

/**
 * A promise that resolves with "cancelled" once `signal` aborts, and a way
 * to stop listening.
 */
function whenAborted(signal: AbortSignal): {
  promise: Promise<"cancelled">;
  clear: () => void;
} {
  let listener = (): void => undefined;
  const promise = new Promise<"cancelled">((resolve) => {
    listener = () => {
      resolve("cancelled");
    };
  });

  if (signal.aborted) {
    listener();
  }
  signal.addEventListener("abort", listener, { once: true });

  return {
    promise,
    clear: () => {
      signal.removeEventListener("abort", listener);
    },
  };
}

function readSettings(): ServerSettings {
  const config = vscode.workspace.getConfiguration("dag.server");
  return sanitizeSettings({
    command: config.get("command"),
    args: config.get("args"),
    pythonPath: config.get("pythonPath"),
  });
}

/**
 * The first workspace folder on disk: `${workspaceFolder}` in settings, and the
 * server's working directory.
 */
function workspaceFolder(): string | undefined {
  const folder = vscode.workspace.workspaceFolders?.find(
    (candidate) => candidate.uri.scheme === "file",
  );
  return folder?.uri.fsPath;
}

function pathContext(): { home: string; workspaceFolder: string | undefined } {
  return { home: os.homedir(), workspaceFolder: workspaceFolder() };
}
