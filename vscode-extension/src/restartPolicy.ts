/**
 * Caps automatic restarts after crashes: at most `maxRestarts` within
 * `windowMs`, so a server that keeps crashing is not restarted forever.
 */
export class RestartPolicy {
  private readonly restarts: number[] = [];

  constructor(
    readonly maxRestarts = 3,
    readonly windowMs = 3 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a crash; true when the server may be restarted once more. */
  allowRestart(): boolean {
    const time = this.now();
    while (this.restarts.length > 0 && time - this.restarts[0] > this.windowMs) {
      this.restarts.shift();
    }

    if (this.restarts.length >= this.maxRestarts) {
      return false;
    }
    this.restarts.push(time);
    return true;
  }

  /** Forgets past restarts, as after the user restarts the server by hand. */
  reset(): void {
    this.restarts.length = 0;
  }
}
