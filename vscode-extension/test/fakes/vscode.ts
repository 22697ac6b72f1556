/**
 * Just enough of the `vscode` module to run the real vscode-languageclient,
 * the extension's ServerManager and its preview under Node.js: messages,
 * output channels, diagnostic collections, webview panels and the documents
 * shown are recorded, settings come from a map, documents from `open`, and
 * anything else is an inert stand-in.
 */
import Module from "node:module";
import type { LogOutputChannel } from "vscode";

/** What the extension and the client did through the fake API. */
export interface Recorder {
  settings: Map<string, unknown>;
  errorMessages: string[];
  informationMessages: string[];
  outputLines: string[];
  diagnosticCollections: { disposed: boolean }[];
  commands: Map<string, (...args: unknown[]) => unknown>;
  panels: FakePanel[];
  shown: { document: FakeDocument; options: ShowOptions }[];
  /** The documents `workspace.openTextDocument` finds, by URI. */
  documents: Map<string, FakeDocument>;
  /** Editors: `window.activeTextEditor` is the first, all are visible. */
  editors: { document: FakeDocument; viewColumn: number }[];
  /** Fires `workspace.onDidChangeConfiguration` for the given setting names. */
  changeSettings(...names: string[]): void;
  /** Fires `workspace.onDidChangeTextDocument` for a document. */
  changeDocument(document: FakeDocument): void;
}

export interface FakeDocument {
  uri: Uri;
  languageId: string;
}

export interface ShowOptions {
  viewColumn?: number;
  selection?: Range;
  preserveFocus?: boolean;
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

/** A URI with the parts the extension uses; `toString()` gives it back as written. */
export class Uri {
  private constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  static parse(value: string): Uri {
    const colon = value.indexOf(":");
    return new Uri(value.slice(0, colon), value.slice(colon + 1).replace(/^\/\//, ""));
  }
  static joinPath(base: Uri, ...segments: string[]): Uri {
    return new Uri(base.scheme, [base.path, ...segments].join("/"));
  }
  get fsPath(): string {
    return this.path;
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
}

export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}

export class Range {
  constructor(
    readonly start: Position,
    readonly end: Position,
  ) {}
}

/** A webview panel that records its HTML, the messages posted to it, and reveals. */
export class FakePanel {
  readonly posted: unknown[] = [];
  revealed = 0;
  disposed = false;
  private readonly received = new EventEmitter();
  private readonly disposedEvent = new EventEmitter();
  readonly onDidDispose = this.disposedEvent.event;
  readonly webview = {
    html: "",
    cspSource: "https://fake.vscode-cdn.net",
    asWebviewUri: (uri: Uri) => Uri.parse(`https://fake.vscode-cdn.net${uri.path}`),
    postMessage: (message: unknown) => {
      this.posted.push(message);
      return Promise.resolve(true);
    },
    onDidReceiveMessage: this.received.event,
  };

  constructor(
    readonly viewType: string,
    readonly title: string,
    readonly showOptions: { viewColumn: number; preserveFocus: boolean },
    readonly options: { enableScripts?: boolean; localResourceRoots?: Uri[] },
  ) {}

  /** The webview script sending a message to the extension. */
  send(message: unknown): void {
    this.received.fire(message);
  }
  reveal(): void {
    this.revealed += 1;
  }
  dispose(): void {
    this.disposed = true;
    this.disposedEvent.fire(undefined);
  }
}

/**
 * An inert stand-in: callable, constructible, extendable, not a promise;
 * each property is another.
 */
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
    get: (target, property) =>
      property in target ? Reflect.get(target, property) : standIn(),
  });
}

/** An output channel that records every line written to it. */
export function fakeOutputChannel(recorder: Recorder): LogOutputChannel {
  const line = (text: string) => {
    recorder.outputLines.push(text);
  };
  const members = {
    append: line,
    appendLine: line,
    info: line,
    warn: line,
    error: line,
    trace: line,
    debug: line,
  };
  return withStandIns(members) as unknown as LogOutputChannel;
}

/** The events the recorder fires into the fake API. */
interface FakeEvents {
  readonly configurationChanged: EventEmitter;
  readonly documentChanged: EventEmitter;
}

/** Serves a fake `vscode` module as `require("vscode")` from now on. */
export function installFakeVscode(): Recorder {
  const events: FakeEvents = {
    configurationChanged: new EventEmitter(),
    documentChanged: new EventEmitter(),
  };
  const recorder = createRecorder(events);

  serveAsVscode(
    withStandIns({
      version: "1.90.0",
      Disposable,
      EventEmitter,
      Uri,
      Position,
      Range,
      ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2 },
      env: withStandIns({ language: "en", appName: "Fake Code" }),
      window: fakeWindow(recorder),
      commands: fakeCommands(recorder),
      workspace: fakeWorkspace(recorder, events),
      languages: fakeLanguages(recorder),
    }),
  );
  return recorder;
}

function createRecorder(events: FakeEvents): Recorder {
  return {
    settings: new Map(),
    errorMessages: [],
    informationMessages: [],
    outputLines: [],
    diagnosticCollections: [],
    commands: new Map(),
    panels: [],
    shown: [],
    documents: new Map(),
    editors: [],
    changeSettings: (...names) => {
      events.configurationChanged.fire({
        affectsConfiguration: (section: string) =>
          names.some((name) => name === section || name.startsWith(`${section}.`)),
      });
    },
    changeDocument: (document) => {
      events.documentChanged.fire({ document, contentChanges: [] });
    },
  };
}

/** `vscode.window`: messages, output channels, webview panels and editors. */
function fakeWindow(recorder: Recorder): object {
  return withStandIns({
    createOutputChannel: () => fakeOutputChannel(recorder),
    showErrorMessage: (message: string) => {
      recorder.errorMessages.push(message);
      return Promise.resolve(undefined);
    },
    showInformationMessage: (message: string) => {
      recorder.informationMessages.push(message);
      return Promise.resolve(undefined);
    },
    createWebviewPanel: (...args: ConstructorParameters<typeof FakePanel>) => {
      const panel = new FakePanel(...args);
      recorder.panels.push(panel);
      return panel;
    },
    showTextDocument: (document: FakeDocument, options: ShowOptions) => {
      recorder.shown.push({ document, options });
      return Promise.resolve({ document, viewColumn: options.viewColumn });
    },
    get activeTextEditor() {
      return recorder.editors[0];
    },
    get visibleTextEditors() {
      return recorder.editors;
    },
  });
}

function fakeCommands(recorder: Recorder): object {
  return withStandIns({
    registerCommand: (name: string, handler: (...args: unknown[]) => unknown) => {
      recorder.commands.set(name, handler);
      return new Disposable(() => recorder.commands.delete(name));
    },
  });
}

/** `vscode.workspace`: settings from the recorder's map, documents from its list. */
function fakeWorkspace(recorder: Recorder, events: FakeEvents): object {
  return withStandIns({
    onDidChangeConfiguration: events.configurationChanged.event,
    onDidChangeTextDocument: events.documentChanged.event,
    openTextDocument: (uri: Uri) => {
      const document = recorder.documents.get(uri.toString());
      return document === undefined
        ? Promise.reject(new Error(`no document ${uri.toString()}`))
        : Promise.resolve(document);
    },
    workspaceFolders: undefined,
    textDocuments: [],
    getConfiguration: (section?: string) => ({
      get: (key: string, fallback?: unknown) => {
        const name = section === undefined ? key : `${section}.${key}`;
        return recorder.settings.has(name) ? recorder.settings.get(name) : fallback;
      },
    }),
  });
}

/** `vscode.languages`: diagnostic collections that record being disposed. */
function fakeLanguages(recorder: Recorder): object {
  return withStandIns({
    createDiagnosticCollection: () => {
      const collection = { disposed: false };
      recorder.diagnosticCollections.push(collection);
      return withStandIns({
        dispose: () => {
          collection.disposed = true;
        },
      });
    },
  });
}

/** Makes `require("vscode")` return `fake`, through Node's resolution and cache. */
function serveAsVscode(fake: object): void {
  const fakePath = "/fake/node_modules/vscode/index.js";
  const loader = Module as unknown as {
    _resolveFilename(request: string, ...rest: unknown[]): string;
  };
  const resolve = loader._resolveFilename.bind(loader);
  loader._resolveFilename = (request, ...rest) =>
    request === "vscode" ? fakePath : resolve(request, ...rest);

  const cache = require.cache as Record<string, unknown>;
  cache[fakePath] = { id: fakePath, filename: fakePath, loaded: true, exports: fake };
}
