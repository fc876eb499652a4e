/**
 * Group commit: what is submitted while a batch is being written waits, and goes in the next batch
 * as a whole. One writer, so batches never overlap; under a light load each item is a batch of its
 * own and waits for nothing, under a heavy one a batch holds what arrived during the last write, so
 * one transaction (one commit, one lock) serves many senders.
 *
 * `write` gets the items in the order they were submitted and returns one outcome per item, in the
 * same order; an item's failure (an Error in its place) is that item's alone. If `write` itself
 * throws, every item of the batch fails with that error.
 */
export class BatchQueue<I, O> {
  private waiting: { item: I; resolve: (o: O) => void; reject: (e: unknown) => void }[] = [];
  private writing = false;

  constructor(
    private readonly write: (items: I[]) => Promise<(O | Error)[]> | (O | Error)[],
    private readonly maxBatch = 256,
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  /** Items waiting for the writer (for diagnostics). */
  get backlog(): number {
    return this.waiting.length;
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      // Yield once, so that what is submitted in the same turn of the event loop shares the batch.
      await Promise.resolve();
      while (this.waiting.length) {
        const batch = this.waiting.splice(0, this.maxBatch);
        let outcomes: (O | Error)[];
        try {
          outcomes = await this.write(batch.map((b) => b.item));
          if (outcomes.length !== batch.length) throw new Error(`write returned ${outcomes.length} outcomes for ${batch.length} items`);
        } catch (err) {
          for (const b of batch) b.reject(err);
          continue;
        }
        batch.forEach((b, i) => {
          const o = outcomes[i]!;
          if (o instanceof Error) b.reject(o);
          else b.resolve(o);
        });
      }
    } finally {
      this.writing = false;
    }
  }
}
