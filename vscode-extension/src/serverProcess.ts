/**
 * The language server's operating-system process. The extension spawns it
 * itself (rather than letting the language client do it) so that it learns
 * why a start failed (spawn error, exit code, last line of standard error)
 * and can make sure the process is gone before another one starts.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import type { ServerCommand } from "./serverCommand";

const STDERR_KEPT = 4096;

export class ServerProcess {
  private stderr = "";
  private readonly exited: Promise<void>;

  private constructor(readonly child: ChildProcessWithoutNullStreams) {
    child.stderr.on("data", (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString("utf8")).slice(-STDERR_KEPT);
    });
    this.exited = new Promise((resolve) =>
      child.once("exit", () => {
        resolve();
      }),
    );

    // An 'error' event without a listener would throw in the extension host.
    child.on("error", () => undefined);
  }

  /**
   * Spawns the server; rejects with the spawn error (code ENOENT, EACCES...) when it
   * cannot run at all.
   */
  static start(server: ServerCommand, cwd: string | undefined): Promise<ServerProcess> {
    return new Promise((resolve, reject) => {
      const child = spawn(server.command, [...server.args], { cwd, stdio: "pipe" });
      child.once("error", reject);
      child.once("spawn", () => {
        child.removeListener("error", reject);
        resolve(new ServerProcess(child));
      });
    });
  }

  /** The exit code, or null while running or after a signal. */
  get exitCode(): number | null {
    return this.child.exitCode;
  }

  /** The last few kilobytes the process wrote to standard error. */
  get stderrText(): string {
    return this.stderr;
  }

  /** Waits up to `graceMs` for the process to exit on its own, then kills it. */
  async stop(graceMs = 2000): Promise<void> {
    if (await this.exitsWithin(graceMs)) {
      return;
    }
    this.child.kill("SIGKILL");
    await this.exited;
  }

  private async exitsWithin(ms: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => {
        resolve(false);
      }, ms);
    });
    try {
      return await Promise.race([this.exited.then(() => true), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** The `code` of a Node.js system error (ENOENT, EACCES...), if it has one. */
export function errorCode(error: unknown): string | undefined {
  if (
    typeof error === "object" &&
    error !== null &&
    "code" in error &&
    typeof error.code === "string"
  ) {
    return error.code;
  }
  return undefined;
}
