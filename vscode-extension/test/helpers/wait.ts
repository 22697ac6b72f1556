/**
 * Waiting in tests for a condition rather than for a fixed time: `waitFor`
 * resolves as soon as the condition holds, and fails the test with a message
 * naming what never happened once a generous time limit has passed. It keeps
 * Node's own timers, so it works while a test mocks `setTimeout`.
 */

// Taken before any test can replace them with mock timers.
const realSetTimeout = globalThis.setTimeout;
const realSetImmediate = globalThis.setImmediate;

/** How long a test waits for something before it fails. */
export const WAIT_LIMIT_MS = 15_000;
const POLL_MS = 10;

/** Resolves once `condition()` is true; rejects, naming `what`, after `limitMs`. */
export async function waitFor(
  condition: () => boolean,
  what: string,
  limitMs = WAIT_LIMIT_MS,
): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${String(limitMs)} ms waiting for ${what}`);
    }
    await new Promise((resolve) => realSetTimeout(resolve, POLL_MS));
  }
}

/** Lets every promise callback already queued run (setImmediate is never mocked). */
export function settle(): Promise<void> {
  return new Promise((resolve) => realSetImmediate(resolve));
}
