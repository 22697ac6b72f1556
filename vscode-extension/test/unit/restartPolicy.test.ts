/**
 * The cap on automatic restarts after crashes, on a fake clock: three within
 * the window, then none until older restarts leave the window or the user
 * restarts the server (reset).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { RestartPolicy } from "../../src/restartPolicy";

function policyAt(times: number[]): RestartPolicy {
  return new RestartPolicy(3, 1000, () => times.shift() ?? Number.NaN);
}

test("allows three restarts, then refuses", () => {
  const policy = policyAt([0, 10, 20, 30, 40]);
  assert.deepEqual(
    [1, 2, 3, 4, 5].map(() => policy.allowRestart()),
    [true, true, true, false, false],
  );
});

test("forgets restarts older than the window", () => {
  const policy = policyAt([0, 10, 20, 1005, 1008]);
  assert.deepEqual(
    [1, 2, 3, 4, 5].map(() => policy.allowRestart()),
    [true, true, true, true, false],
  );
});

test("reset allows restarts again", () => {
  const policy = policyAt([0, 1, 2, 3, 4]);
  [1, 2, 3].forEach(() => policy.allowRestart());
  assert.equal(policy.allowRestart(), false);
  policy.reset();
  assert.equal(policy.allowRestart(), true);
});
