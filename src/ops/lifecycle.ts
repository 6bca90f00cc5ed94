import { Response } from 'express';

// What the service is doing as a whole: serving, or draining before it stops. Health checks read it;
// request tracking keeps the set of requests still being answered.
export class Lifecycle {
  shuttingDown = false;
  readonly inFlight = new Set<Response>();

  // Readiness turns 503 at once; responses still to be written close their connection after them.
  beginShutdown(): void {
    this.shuttingDown = true;
    for (const res of this.inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
  }

  // Resolves true when every request in flight has been answered, false when `timeoutMs` ran out first.
  async drain(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.inFlight.size > 0) {
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return true;
  }
}
