/**
 * Starts, stops and restarts the language server, one step at a time, and
 * tells the user once, clearly, when it cannot run.
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

/** One running server: its process and the client talking to it. */
interface Session {
  readonly server: ServerCommand;
  readonly process: ServerProcess;
  readonly client: LanguageClient;
}

export class ServerManager implements vscode.Disposable {
  private session: Session | undefined;
  private queue: Promise<void> = Promise.resolve();
  private readonly restarts = new RestartPolicy();
  private readonly started = new vscode.EventEmitter<void>();
  /** Fires each time a server (the first, or one after a restart) is running. */
  readonly onDidStartServer = this.started.event;

  constructor(private readonly output: vscode.LogOutputChannel) {}

  start(): Promise<void> {
    return this.enqueue(() => this.startSession());
  }

  /** Stops the server completely, then starts a new one from the current settings. */
  restart(): Promise<void> {
    this.restarts.reset();
    return this.enqueue(() => this.restartSession());
  }

  stop(): Promise<void> {
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

  private async restartSession(): Promise<void> {
    await this.stopSession();
    await this.startSession();
  }

  private async startSession(): Promise<void> {
    const server = resolveServerCommand(readSettings(), pathContext());
    this.output.info(`Starting the language server: ${formatCommandLine(server)}`);
    let serverProcess: ServerProcess;
    try {
      serverProcess = await ServerProcess.start(server, workspaceFolder());
    } catch (error) {
      this.reportFailure(server, { kind: "spawn", code: errorCode(error) });
      return;
    }
    const session = { server, process: serverProcess, client: this.createClient(serverProcess) };
    this.session = session;
    try {
      await session.client.start();
    } catch {
      // Judged by the state below: start() does not reliably reject when the server dies while starting.
    }
    if (session.client.state === State.Running) {
      this.output.info("The language server is running.");
      this.started.fire();
      return;
    }
    this.session = undefined;
    await endSession(session);
    const { exitCode, stderrText } = serverProcess;
    this.reportFailure(server, { kind: "exited", exitCode, stderrTail: lastLine(stderrText) });
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
      errorHandler: this.errorHandler(() => client),
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

  /** The client never restarts a server itself: the manager does, with a fresh process and client. */
  private errorHandler(client: () => LanguageClient): ErrorHandler {
    return {
      error: (_error, _message, count) => ({
        action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown,
      }),
      closed: async () => {
        this.onUnexpectedClose(client());
        // Answer on a later turn of the event loop: when the server dies while starting, the
        // client's start() must settle (and fail) before the client handles the close, or
        // start() resolves as if all went well.
        await new Promise((resolve) => setImmediate(resolve));
        return { action: CloseAction.DoNotRestart, handled: true };
      },
    };
  }

  /**
   * The connection closed without being asked to. If the server had been
   * running it crashed: restart it, up to the policy's limit. (A server that
   * dies while starting makes `client.start()` fail; startSession reports it.)
   */
  private onUnexpectedClose(client: LanguageClient): void {
    const session = this.session;
    if (session?.client !== client || client.state !== State.Running) {
      return;
    }
    if (this.restarts.allowRestart()) {
      this.output.warn("The language server stopped unexpectedly; restarting it.");
      void this.enqueue(() => this.restartSession());
    } else {
      this.reportFailure(session.server, { kind: "crashed", restarts: this.restarts.maxRestarts });
      void this.enqueue(() => this.stopSession());
    }
  }

  /** Logs the failure and shows it in one error message with buttons to fix it. */
  private reportFailure(server: ServerCommand, failure: Failure): void {
    const message = failureMessage(server, failure);
    this.output.error(message);
    void vscode.window.showErrorMessage(message, OPEN_SETTINGS, SHOW_OUTPUT).then((choice) => {
      if (choice === OPEN_SETTINGS) {
        void vscode.commands.executeCommand("workbench.action.openSettings", "dag.server");
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
  override error(message: string, data?: unknown, showNotification: boolean | "force" = true): void {
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

/** Shuts the client down (when it is running) and makes sure the process is gone. */
async function endSession(session: Session): Promise<void> {
  try {
    await session.client.dispose();
  } catch {
    // A client that never got running has no connection to shut down.
  }
  await session.process.stop();
}

function readSettings(): ServerSettings {
  const config = vscode.workspace.getConfiguration("dag.server");
  return sanitizeSettings({
    command: config.get("command"),
    args: config.get("args"),
    pythonPath: config.get("pythonPath"),
  });
}

/** The first workspace folder on disk: `${workspaceFolder}` in settings, and the server's working directory. */
function workspaceFolder(): string | undefined {
  const folder = vscode.workspace.workspaceFolders?.find((candidate) => candidate.uri.scheme === "file");
  return folder?.uri.fsPath;
}

function pathContext(): { home: string; workspaceFolder: string | undefined } {
  return { home: os.homedir(), workspaceFolder: workspaceFolder() };
}
