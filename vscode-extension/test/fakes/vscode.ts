/**
 * Just enough of the `vscode` module to run the real vscode-languageclient
 * and the extension's ServerManager under Node.js: messages, output channels
 * and diagnostic collections are recorded, settings come from a map, and
 * anything else is an inert stand-in.
 */
import Module from "node:module";
import type { LogOutputChannel } from "vscode";

/** What the extension and the client did through the fake API. */
export interface Recorder {
  settings: Map<string, unknown>;
  errorMessages: string[];
  outputLines: string[];
  diagnosticCollections: { disposed: boolean }[];
  commands: Map<string, () => unknown>;
  /** Fires `workspace.onDidChangeConfiguration` for the given setting names. */
  changeSettings(...names: string[]): void;
}

type Listener = (value: unknown) => void;

class Disposable {
  constructor(private readonly onDispose: () => void) {}
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => {
      items.forEach((item) => item.dispose());
    });
  }
  dispose(): void {
    this.onDispose();
  }
}

class EventEmitter {
  private listeners: Listener[] = [];
  readonly event = (listener: Listener): Disposable => {
    this.listeners.push(listener);
    return new Disposable(() => {
      this.listeners = this.listeners.filter((other) => other !== listener);
    });
  };
  fire(value: unknown): void {
    this.listeners.forEach((listener) => {
      listener(value);
    });
  }
  dispose(): void {
    this.listeners = [];
  }
}

/** An inert stand-in: callable, constructible, extendable, not a promise; each property is another. */
function standIn(): unknown {
  const inert = function () {
    // Does nothing, returns nothing.
  };
  return new Proxy(inert, {
    get(_target, property) {
      if (property === "prototype") {
        return inert.prototype as object;
      }
      if (property === "then") {
        return undefined;
      }
      if (property === Symbol.iterator) {
        return function* () {
          // Iterates as empty.
        };
      }
      return standIn();
    },
    apply: () => standIn(),
  });
}

/** Wraps `members` so that anything they do not define is a stand-in. */
function withStandIns<T extends object>(members: T): T {
  return new Proxy(members, {
    get: (target, property) => (property in target ? Reflect.get(target, property) : standIn()),
  });
}

/** An output channel that records every line written to it. */
export function fakeOutputChannel(recorder: Recorder): LogOutputChannel {
  const line = (text: string) => {
    recorder.outputLines.push(text);
  };
  const members = { append: line, appendLine: line, info: line, warn: line, error: line, trace: line, debug: line };
  return withStandIns(members) as unknown as LogOutputChannel;
}

/** Serves `fake` as `require("vscode")` from now on. */
export function installFakeVscode(): Recorder {
  const configurationChanged = new EventEmitter();
  const recorder: Recorder = {
    settings: new Map(),
    errorMessages: [],
    outputLines: [],
    diagnosticCollections: [],
    commands: new Map(),
    changeSettings: (...names) => {
      configurationChanged.fire({
        affectsConfiguration: (section: string) => names.some((name) => name === section || name.startsWith(`${section}.`)),
      });
    },
  };
  const fake = withStandIns({
    version: "1.90.0",
    Disposable,
    EventEmitter,
    env: withStandIns({ language: "en", appName: "Fake Code" }),
    window: withStandIns({
      createOutputChannel: () => fakeOutputChannel(recorder),
      showErrorMessage: (message: string) => {
        recorder.errorMessages.push(message);
        return Promise.resolve(undefined);
      },
    }),
    commands: withStandIns({
      registerCommand: (name: string, handler: () => unknown) => {
        recorder.commands.set(name, handler);
        return new Disposable(() => recorder.commands.delete(name));
      },
    }),
    workspace: withStandIns({
      onDidChangeConfiguration: configurationChanged.event,
      workspaceFolders: undefined,
      textDocuments: [],
      getConfiguration: (section?: string) => ({
        get: (key: string, fallback?: unknown) => {
          const name = section === undefined ? key : `${section}.${key}`;
          return recorder.settings.has(name) ? recorder.settings.get(name) : fallback;
        },
      }),
    }),
    languages: withStandIns({
      createDiagnosticCollection: () => {
        const collection = { disposed: false };
        recorder.diagnosticCollections.push(collection);
        return withStandIns({
          dispose: () => {
            collection.disposed = true;
          },
        });
      },
    }),
  });
  const fakePath = "/fake/node_modules/vscode/index.js";
  const loader = Module as unknown as { _resolveFilename(request: string, ...rest: unknown[]): string };
  const resolve = loader._resolveFilename.bind(loader);
  loader._resolveFilename = (request, ...rest) => (request === "vscode" ? fakePath : resolve(request, ...rest));
  const cache = require.cache as Record<string, unknown>;
  cache[fakePath] = { id: fakePath, filename: fakePath, loaded: true, exports: fake };
  return recorder;
}
