/**
 * PDF reports cost a browser page each: renders run at most `concurrency` at a time, at most `maxWaiting` more wait
 * their turn, and the rest are told to come back (ReportBusyError → 503 with Retry-After). Finished reports are kept
 * by a key that changes whenever the data shown changes (a hash of the evaluation the page prints), so repeated
 * downloads of a published report cost nothing until its data changes.
 */
export class ReportBusyError extends Error {
  constructor() {
    super('too many PDF reports are being prepared; try again shortly');
    this.name = 'ReportBusyError';
  }
}

export class RenderQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly cache = new Map<string, Buffer>();
  private readonly inFlight = new Map<string, Promise<Buffer>>();

  constructor(private readonly concurrency = 2, private readonly maxWaiting = 8, private readonly cacheSize = 32) {}

  /** The cached report for `key`, or the one being rendered for it, or a new render once a slot is free. */
  async render(key: string, work: () => Promise<Buffer>): Promise<Buffer> {
    const cached = this.cache.get(key);
    if (cached) {
      // Refresh its place: the map's order is the eviction order.
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const job = this.runLimited(work).then((pdf) => {
      this.cache.set(key, pdf);
      if (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value!);
      return pdf;
    }).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, job);
    return job;
  }

  get stats() {
    return { running: this.running, waiting: this.waiting.length, cached: this.cache.size };
  }

  private async runLimited<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxWaiting) throw new ReportBusyError();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await work();
    } finally {
      // Hand the slot straight to the next in line, or free it.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
